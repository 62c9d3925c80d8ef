import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
    const grid = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([rows, cols]) =>
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
