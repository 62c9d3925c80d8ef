// The judges' own arithmetic: a total that depends on the order of the pairs would fail a
// comparison of two equal optima listed in different orders.
import { describe, expect, it } from 'vitest';
import { objectiveOf, pairsTotal, type Case } from './capacitated-oracles.js';

/** One row of the scores given, every pair eligible, no coverage. */
function oneRow(scores: number[]): Case {
  return {
    rows: 1,
    cols: scores.length,
    score: [scores],
    eligible: [scores.map(() => true)],
    rowCapacity: [scores.length],
    colCapacity: scores.map(() => 1),
    locked: [],
    coverage: [],
  };
}

describe('pairsTotal', () => {
  it('adds decimal scores exactly, whatever the order of the pairs', () => {
    // A running sum of these doubles gives 139.8 in column order, 139.79999999999998 in the other.
    const c = oneRow([32.4, 32.3, 31.2, 11.2, 21.3, 11.4]);
    const inOrder = c.score[0].map((_, j) => [0, j] as const);
    const swapped = [0, 1, 2, 4, 3, 5].map((j) => [0, j] as const);
    const running = (pairs: readonly (readonly [number, number])[]) =>
      pairs.reduce((sum, [i, j]) => sum + c.score[i][j], 0);
    expect([running(inOrder), running(swapped)]).toEqual([139.8, 139.79999999999998]);
    expect(pairsTotal(c, inOrder)).toBe(139.8);
    expect(pairsTotal(c, swapped)).toBe(139.8);
    expect(objectiveOf(c, swapped)).toEqual([0, 0, 139.8]);
  });

  it('reads negative, whole and exponent-written scores', () => {
    expect(
      pairsTotal(oneRow([-0.5, 3, 1e-7, 2e21]), [
        [0, 0],
        [0, 1],
        [0, 2],
        [0, 3],
      ]),
    ).toBe(2e21 + 2.5000001);
    expect(pairsTotal(oneRow([]), [])).toBe(0);
  });
});
