// Each round is solved on the open eligible pairs only (sparse), never as a dense rows × (cols + rows)
// grid: such a grid outgrew the solver's memory at about 10,000 people a side. A solver that refuses
// every dense assignment, as the real one does past its memory limit, must not stop a rounds run.
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
const noDenseSolver: Solver = {
  ...solver,
  linearSumAssignment: () => {
    throw new InvalidCostMatrixError(
      'costs',
      'has 9955 × 19944 = 198542520 entries; the solver holds at most 134217726',
    );
  },
};

describe('the rounds strategy at sizes a dense grid cannot hold', () => {
  it('matches without any dense assignment', () => {
    const preset = getPreset('mentor-match');
    const ruleSet = {
      ...preset,
      rules: preset.rules.filter((r) => r.id === 'same-organisation'),
      strategy: { name: 'rounds' as const, rounds: 3, unmatchedBonus: 6 },
    };
    const run = matchTables(input, { ruleSet, solver: noDenseSolver });
    expect(run.ok).toBe(true);
    if (run.ok) expect(run.result.pairs.map((p) => [p.mentee.id, p.mentor.id])).toEqual([['bo@x.org', 'ada@x.org']]);
  });
});
