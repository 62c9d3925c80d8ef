import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bruteForce,
  expectDualCertificate,
  expectValidAssignment,
  forbidden,
  type Matrix,
} from '../test/lsap-checks.js';
import { seededRandom } from '../test/seeded-random.js';
import { createSolver, InfeasibleAssignmentError, type CertifyingSolver, type SolverBuild } from './index.js';

/** Random integer costs in [0, spread), so small spreads give many ties; some pairs forbidden. */
function randomMatrix(
  random: () => number,
  rows: number,
  cols: number,
  spread: number,
  forbiddenShare: number,
  maximize: boolean,
): Matrix {
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () =>
      random() < forbiddenShare ? forbidden(maximize) : Math.floor(random() * spread) - (spread >> 1),
    ),
  );
}

describe.each<SolverBuild>(['debug', 'release'])('linearSumAssignment (%s wasm)', (build) => {
  let solver: CertifyingSolver;
  beforeAll(async () => {
    solver = await createSolver({ build });
  });

  it('matches exhaustive search on every shape up to 7 × 7, minimising and maximising, with ties and forbidden pairs', () => {
    const random = seededRandom(20261129);
    let infeasibleSeen = 0;
    for (let rows = 0; rows <= 7; rows++) {
      for (let cols = 0; cols <= 7; cols++) {
        for (const maximize of [false, true]) {
          for (const [spread, forbiddenShare] of [
            [3, 0],
            [10, 0],
            [1000, 0],
            [4, 0.3],
            [4, 0.6],
          ] as const) {
            const costs = randomMatrix(random, rows, cols, spread, forbiddenShare, maximize);
            const { best, mostAllowed } = bruteForce(costs, rows, cols, maximize);
            // Nested arrays cannot say how many columns a matrix without rows has.
            const input = rows === 0 ? { data: new Float64Array(0), rows, cols } : costs;
            if (best === undefined) {
              infeasibleSeen++;
              expect(() => solver.linearSumAssignmentWithDuals(input, { maximize })).toThrow(
                expect.objectContaining({ name: 'InfeasibleAssignmentError', assignableRows: mostAllowed }),
              );
              continue;
            }
            const result = solver.linearSumAssignmentWithDuals(input, { maximize });
            expectValidAssignment(costs, rows, cols, result);
            expect(result.total).toBe(best);
            expectDualCertificate(costs, rows, cols, maximize, result);
          }
        }
      }
    }
    expect(infeasibleSeen).toBeGreaterThan(10);
  });

  it('returns empty results for 0 rows or 0 columns', () => {
    for (const costs of [[], [[], []], { data: new Float64Array(0), rows: 0, cols: 5 }]) {
      const result = solver.linearSumAssignment(costs);
      expect(result.rowIndices).toEqual(new Int32Array(0));
      expect(result.colIndices).toEqual(new Int32Array(0));
      expect(result.total).toBe(0);
    }
  });

  it('solves a 1 × 1 matrix', () => {
    expect(solver.linearSumAssignment([[-2.5]])).toEqual({
      rowIndices: Int32Array.of(0),
      colIndices: Int32Array.of(0),
      total: -2.5,
    });
  });

  it('gives scipy’s answer on its documented example', () => {
    const result = solver.linearSumAssignment([
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ]);
    expect(Array.from(result.colIndices)).toEqual([1, 0, 2]);
    expect(result.total).toBe(5);
  });

  it('accepts a dense row-major matrix and gives the same answer as nested arrays', () => {
    const random = seededRandom(7);
    const rows = 9;
    const cols = 6;
    const nested = randomMatrix(random, rows, cols, 50, 0.2, true);
    const dense = { data: Float64Array.from(nested.flat()), rows, cols };
    expect(solver.linearSumAssignment(dense, { maximize: true })).toEqual(
      solver.linearSumAssignment(nested, { maximize: true }),
    );
  });

  it('gives the same answer for dense and nested input taller than one transposing block (64 rows)', () => {
    const random = seededRandom(11);
    for (const [rows, cols] of [
      [150, 70],
      [70, 150],
      [129, 129],
    ] as const) {
      for (const maximize of [false, true]) {
        const nested = randomMatrix(random, rows, cols, 40, 0.1, maximize);
        const dense = { data: Float64Array.from(nested.flat()), rows, cols };
        const result = solver.linearSumAssignmentWithDuals(dense, { maximize });
        expect(result).toEqual(solver.linearSumAssignmentWithDuals(nested, { maximize }));
        expectValidAssignment(nested, rows, cols, result);
        expectDualCertificate(nested, rows, cols, maximize, result);
      }
    }
  });

  it('proves optimality on tie-heavy integer costs (0–2 and 0–20), square, wide and tall', () => {
    const random = seededRandom(21);
    for (const spread of [3, 21]) {
      for (const [rows, cols] of [
        [300, 300],
        [120, 300],
        [300, 120],
      ] as const) {
        for (const maximize of [false, true]) {
          const costs = randomMatrix(random, rows, cols, spread, 0, maximize);
          const result = solver.linearSumAssignmentWithDuals(
            { data: Float64Array.from(costs.flat()), rows, cols },
            { maximize },
          );
          expectValidAssignment(costs, rows, cols, result);
          expectDualCertificate(costs, rows, cols, maximize, result);
        }
      }
    }
  });

  it('sorts the pairs by row when there are more rows than columns', () => {
    const result = solver.linearSumAssignment([
      [9, 9],
      [1, 9],
      [9, 9],
      [9, 1],
    ]);
    expect(Array.from(result.rowIndices)).toEqual([1, 3]);
    expect(Array.from(result.colIndices)).toEqual([0, 1]);
  });

  it('proves optimality with the duals on larger random matrices (fast-check)', () => {
    const caseArbitrary = fc
      .record({
        rows: fc.integer({ min: 1, max: 40 }),
        cols: fc.integer({ min: 1, max: 40 }),
        spread: fc.constantFrom(2, 5, 100, 1e6),
        fractional: fc.boolean(),
        forbiddenShare: fc.constantFrom(0, 0.1, 0.5, 0.9),
        maximize: fc.boolean(),
        seed: fc.integer(),
      })
      .map(({ rows, cols, spread, fractional, forbiddenShare, maximize, seed }) => {
        const random = seededRandom(seed);
        const costs = Array.from({ length: rows }, () =>
          Array.from({ length: cols }, () => {
            const value = random() * spread;
            return random() < forbiddenShare ? forbidden(maximize) : fractional ? value : Math.floor(value);
          }),
        );
        // Keep a random full assignment allowed, so every case is feasible.
        const long = Array.from({ length: Math.max(rows, cols) }, (_, k) => k).sort(() => random() - 0.5);
        for (let k = 0; k < Math.min(rows, cols); k++) {
          const [i, j] = rows <= cols ? [k, long[k]] : [long[k], k];
          if (!Number.isFinite(costs[i][j])) costs[i][j] = Math.floor(random() * spread);
        }
        return { rows, cols, costs, maximize };
      });
    fc.assert(
      fc.property(caseArbitrary, ({ rows, cols, costs, maximize }) => {
        const result = solver.linearSumAssignmentWithDuals(costs, { maximize });
        expectValidAssignment(costs, rows, cols, result);
        expectDualCertificate(costs, rows, cols, maximize, result);
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('says how many rows could be assigned when forbidden pairs leave no complete assignment', () => {
    const costs = [
      [1, Infinity, Infinity],
      [2, Infinity, Infinity],
      [3, 4, 5],
    ];
    expect(() => solver.linearSumAssignment(costs)).toThrow(InfeasibleAssignmentError);
    expect(() => solver.linearSumAssignment(costs)).toThrow(/only 2 of the 3 rows be assigned/);
  });

  it('solves 300 × 300 with the duals proving optimality, and reuses its memory', () => {
    const random = seededRandom(300);
    const costs = randomMatrix(random, 300, 300, 1e6, 0.05, false);
    const first = solver.linearSumAssignmentWithDuals(costs);
    expectDualCertificate(costs, 300, 300, false, first);
    expect(solver.linearSumAssignmentWithDuals(costs)).toEqual(first);
  });
});

describe('linearSumAssignment at scale', () => {
  it('solves 5,000 × 5,000 (200 MB of costs in wasm memory)', async () => {
    const solver = await createSolver();
    const n = 5000;
    // A random permutation is the unique zero-cost assignment; every other pair costs 1.
    const random = seededRandom(5000);
    const target = Int32Array.from({ length: n }, (_, i) => i).sort(() => random() - 0.5);
    const data = new Float64Array(n * n).fill(1);
    for (let i = 0; i < n; i++) data[i * n + target[i]] = 0;
    const result = solver.linearSumAssignment({ data, rows: n, cols: n });
    expect(result.total).toBe(0);
    expect(result.colIndices).toEqual(target);
  });
});
