import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { generateMentorMatchData } from '@mentor-matcher/sample-data';
import { writeCsv } from '@mentor-matcher/tabular';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solver } from '../../test/solver.js';
import { matchTables } from '../match.js';
import { getPreset } from '../rules/presets.js';
import { referenceAssignment } from './reference-munkres.js';

interface Case {
  readonly profit: number[][];
  readonly assigned: number[];
}
const cases: Case[] = JSON.parse(
  readFileSync(new URL('../../test/fixtures/munkres-1.1.4-cases.json', import.meta.url), 'utf8'),
);

const assign = (profit: number[][]) =>
  Array.from(referenceAssignment(profit.length, profit[0].length, Float64Array.from(profit.flat())));

/** The best total over every way to give min(rows, cols) rows distinct columns (small grids only). */
function bestTotal(profit: number[][]): number {
  const rows = profit.length;
  const cols = profit[0].length;
  let best = -Infinity;
  const used = new Array<boolean>(cols).fill(false);
  const visit = (row: number, skipsLeft: number, total: number) => {
    if (row === rows) {
      best = Math.max(best, total);
      return;
    }
    if (skipsLeft > 0) visit(row + 1, skipsLeft - 1, total);
    for (let c = 0; c < cols; c++) {
      if (used[c]) continue;
      used[c] = true;
      visit(row + 1, skipsLeft, total + profit[row][c]);
      used[c] = false;
    }
  };
  visit(0, Math.max(0, rows - cols), 0);
  return best;
}

describe("the reference system's Munkres step", () => {
  it('returns the assignment munkres 1.1.4 returns on each of 120 recorded grids, ties included', () => {
    expect(cases).toHaveLength(120);
    for (const [k, c] of cases.entries()) expect(assign(c.profit), `case ${k}`).toEqual(c.assigned);
  });

  it('breaks a tie as the reference does: one pair of 5 rather than 4 + 1, both totals 5', () => {
    // Mentors as rows: mentor 0 scores 5 with mentee 0 and 1 with mentee 1; mentor 1 scores 4 with mentee 0.
    expect(
      assign([
        [5, 1],
        [4, 0],
      ]),
    ).toEqual([0, 1]);
  });

  it('assigns min(rows, cols) cells, one per row and column, with the best total', () => {
    const grid = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([rows, cols]) =>
      fc.array(fc.array(fc.constantFrom(0, 0, 9, 12, 15, 21, 28), { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
    );
    fc.assert(
      fc.property(grid, (profit) => {
        const assigned = assign(profit);
        const columns = assigned.filter((c) => c >= 0);
        expect(columns).toHaveLength(Math.min(profit.length, profit[0].length));
        expect(new Set(columns).size).toBe(columns.length);
        const total = assigned.reduce((sum, c, r) => (c >= 0 ? sum + profit[r][c] : sum), 0);
        expect(total).toBe(bestTotal(profit));
      }),
      { numRuns: 300 },
    );
  });
});

interface GeneratedCase {
  readonly generate: { mentors: number; mentees: number; seed: number };
  readonly csvSha256: { mentor: string; mentee: string };
  readonly rounds: { round: number; totalScoreWithBonus: number; totalScore: number; pairs: [number, number][] }[];
}

describe("the mentor-match preset's rounds on generated data, against the reference", () => {
  const { cases: generated }: { cases: GeneratedCase[] } = JSON.parse(
    readFileSync(new URL('../../test/fixtures/reference-rounds-generated.json', import.meta.url), 'utf8'),
  );
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  it.each(generated.map((c) => [`${c.generate.mentors} mentors × ${c.generate.mentees} mentees`, c] as const))(
    "makes the reference's pairs, round by round, with %s (test/fixtures/reference-rounds-generated.json)",
    (_, expected) => {
      const tables = generateMentorMatchData(expected.generate);
      // The fixture was made from these files; if the generator changes, the fixture must be remade.
      expect([sha256(writeCsv(tables.mentors)), sha256(writeCsv(tables.mentees))]).toEqual([
        expected.csvSha256.mentor,
        expected.csvSha256.mentee,
      ]);
      const run = matchTables({ kind: 'two-tables', ...tables }, { ruleSet: getPreset('mentor-match'), solver });
      if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
      for (const round of expected.rounds) {
        const ours = run.result.pairs
          .filter((p) => p.round === round.round)
          .map((p) => [p.mentor.index, p.mentee.index])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(ours, `round ${round.round}`).toEqual(round.pairs);
      }
      expect(run.result.summary.rounds?.map((r) => r.totalScoreWithBonus)).toEqual(
        expected.rounds.map((r) => r.totalScoreWithBonus),
      );
    },
  );
});
