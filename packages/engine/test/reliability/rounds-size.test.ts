// When a round's dense grid outgrows the solver's memory (about 10,000 people a side), the run stops
// with a problem that says what to do (choose the optimal strategy), not a solver-internal message.
import { describe, expect, it } from 'vitest';
import { InvalidCostMatrixError, type Solver } from '@mentor-matcher/solver';
import { getPreset, matchTables } from '../../src/index.js';
import { solver } from '../solver.js';

const header = ['first name', 'email address', 'grade', 'organisation'];
const table = (source: string, rows: string[][]) => ({ source, header, rows, headerRow: 1, firstColumn: 0 });
const input = {
  kind: 'two-tables' as const,
  mentors: table('mentors.csv', [['Ada', 'ada@x.org', 'Grade 7', 'Org A']]),
  mentees: table('mentees.csv', [['Bo', 'bo@x.org', 'HEO', 'Org B']]),
};

/** The real solver, except that its dense assignment refuses as it does past its memory limit. */
const fullSolver: Solver = {
  ...solver,
  linearSumAssignment: () => {
    throw new InvalidCostMatrixError('costs', 'has 9955 × 19944 = 198542520 entries; the solver holds at most 134217726');
  },
};

describe('the rounds strategy at sizes its grid cannot hold', () => {
  it('stops with a problem that names the limit and the way out', () => {
    const preset = getPreset('mentor-match');
    const ruleSet = { ...preset, rules: preset.rules.filter((r) => r.id === 'same-organisation'), strategy: { name: 'rounds' as const, rounds: 3, unmatchedBonus: 6 } };
    const run = matchTables(input, { ruleSet, solver: fullSolver });
    expect(run.ok).toBe(false);
    const problem = run.problems.find((p) => p.severity === 'error');
    expect(problem?.code).toBe('too-large-for-rounds');
    expect(problem?.message).toMatch(/^Too many people for the rounds strategy: .*holds at most 134217726.*Choose the optimal strategy/);
  });
});
