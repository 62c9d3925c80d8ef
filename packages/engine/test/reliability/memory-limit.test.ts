// Programmes too large for the memory at hand are refused before the allocation, as an input problem
// with the numbers and the way forward: 40,000 × 40,000 used to pass 4 GB unchecked, and 100,000 ×
// 100,000 ended in `RangeError: Invalid typed array length`.
import { describe, expect, it } from 'vitest';
import type { Table } from '@mentor-matcher/tabular';
import {
  checkTables,
  estimateMatchMemory,
  getPreset,
  matchTables,
  MAX_PAIRS,
  memoryLimitProblem,
} from '../../src/index.js';
import { solver } from '../solver.js';

const preset = getPreset('mentor-match');
/** No rules: every pair is eligible, the worst case for solving. */
const noRules = { ...preset, rules: [] };

function emails(source: string, count: number, capacityOf: (i: number) => string = () => ''): Table {
  const rows = Array.from({ length: count }, (_, i) => [`${source.slice(0, 6)}.${i}@example.org`, capacityOf(i)]);
  return { source, header: ['email address', 'capacity'], rows, headerRow: 1, firstColumn: 0 };
}

const twoTables = (mentors: number, mentees: number) => ({
  kind: 'two-tables' as const,
  mentors: emails('mentors.csv', mentors),
  mentees: emails('mentees.csv', mentees),
});

describe('estimateMatchMemory', () => {
  it('counts one byte per pair for the preset, and the solver’s bytes per eligible pair', () => {
    const estimate = estimateMatchMemory(40_000, 40_000, preset);
    expect(estimate.bytesPerPair).toBe(1);
    expect(estimate.scoreMatrixBytes).toBe(1.6e9);
    expect(estimate.eligibleBasis).toBe('all pairs');
    expect(estimate.solveBytes).toBeGreaterThanOrEqual(1.6e9 * 21);
    const quarter = estimateMatchMemory(40_000, 40_000, preset, { eligiblePairs: 4e8 });
    expect(quarter.totalBytes).toBeGreaterThan(4e9);
    expect(quarter.totalBytes).toBeLessThan(estimate.totalBytes);
  });

  it('a 10,000 × 10,000 programme with a quarter of the pairs eligible fits in 2 GiB (the CLI measured 888 MiB)', () => {
    const estimate = estimateMatchMemory(10_000, 10_000, preset, { eligiblePairs: 23_540_048 });
    expect(estimate.totalBytes).toBeLessThan(0.9e9);
    expect(memoryLimitProblem(estimate, 2 * 1024 ** 3)).toBeNull();
  });

  it('flags more pairs than one run can hold', () => {
    expect(estimateMatchMemory(100_000, 100_000, preset).tooManyPairs).toBe(true);
    expect(estimateMatchMemory(46_340, 46_340, preset).pairs).toBeLessThanOrEqual(MAX_PAIRS);
  });

  it('widens the code when a rule set has more than 255 different scores', () => {
    const rules = Array.from({ length: 9 }, (_, r) => ({
      id: `r${r}`,
      label: `R${r}`,
      kind: 'score' as const,
      points: 2 ** r,
      when: { type: 'same' as const, mentor: 'grade', mentee: 'grade' },
    }));
    expect(estimateMatchMemory(10, 10, { ...preset, rules }).bytesPerPair).toBe(2);
  });
});

describe('matchTables refuses what does not fit', () => {
  it('100,000 × 100,000: too many pairs, before any allocation', () => {
    const run = matchTables(twoTables(100_000, 100_000), { ruleSet: noRules, solver });
    expect(run.ok).toBe(false);
    const problem = run.problems.find((p) => p.code === 'too-many-pairs');
    expect(problem?.message).toMatch(/100,000 mentors with 100,000 mentees means 10,000,000,000 pairs/);
    expect(problem?.message).toMatch(/Split the programme/);
  }, 60_000);

  it('40,000 × 40,000 with every pair eligible: refused from a sample, with the numbers', () => {
    const run = matchTables(twoTables(40_000, 40_000), { ruleSet: noRules, solver });
    expect(run.ok).toBe(false);
    const problem = run.problems.find((p) => p.code === 'memory-limit');
    expect(problem?.severity).toBe('error');
    expect(problem?.message).toMatch(/needs about 3\d\.\d GB, more than the 2\.1 GB this run may use/);
    expect(problem?.message).toMatch(/1\.6 GB \(1,600,000,000 pairs at 1 byte each\)/);
    expect(problem?.message).toMatch(/estimated from a sample/);
  }, 60_000);

  it('refuses after scoring when the counted eligible pairs do not fit (the sample saw none)', () => {
    // Every 10th mentee (the sampled ones) takes no partner, so the sample finds no eligible pair.
    const input = {
      kind: 'two-tables' as const,
      mentors: emails('mentors.csv', 200),
      mentees: emails('mentees.csv', 640, (i) => (i % 10 === 0 ? '0' : '')),
    };
    const limit = 8_000_000;
    const run = matchTables(input, { ruleSet: noRules, solver, memoryLimitBytes: limit });
    expect(run.ok).toBe(false);
    expect(run.problems.find((p) => p.code === 'memory-limit')?.message).toMatch(/115,200 here/);
    expect(
      checkTables(input, { ruleSet: noRules, memoryLimitBytes: limit }).problems.some((p) => p.code === 'memory-limit'),
    ).toBe(true);
    expect(matchTables(input, { ruleSet: noRules, solver }).ok).toBe(true);
  });
});
