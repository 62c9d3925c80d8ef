import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadImplementations } from '../test/capacitated-implementations.js';
import {
  certificateProblems,
  feasibilityProblems,
  objectiveOf,
  resultPairs,
  toDenseProblem,
  toSparseProblem,
  type Case,
  type Coverage,
} from '../test/capacitated-oracles.js';

const implementations = await loadImplementations();

/** Any case up to 9 × 9: scores in tenths, capacities 0–3, locks drawn among eligible pairs within capacity. */
const anyCase: fc.Arbitrary<Case> = fc
  .record({
    rows: fc.integer({ min: 0, max: 9 }),
    cols: fc.integer({ min: 0, max: 9 }),
    coverage: fc.constantFrom<Coverage>(['rows', 'cols'], ['rows'], ['cols'], []),
  })
  .chain(({ rows, cols, coverage }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      coverage: fc.constant(coverage),
      score: fc.array(
        fc.array(
          fc.integer({ min: -50, max: 400 }).map((t) => t / 10),
          { minLength: cols, maxLength: cols },
        ),
        {
          minLength: rows,
          maxLength: rows,
        },
      ),
      eligible: fc.array(fc.array(fc.boolean(), { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
      rowCapacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: rows, maxLength: rows }),
      colCapacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }),
      lockWishes: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
    }),
  )
  .map(({ lockWishes, ...c }) => {
    const locked: [number, number][] = [];
    const rowLocks = new Array<number>(c.rows).fill(0);
    const colLocks = new Array<number>(c.cols).fill(0);
    for (const [a, b] of lockWishes) {
      if (c.rows === 0 || c.cols === 0) break;
      const i = a % c.rows;
      const j = b % c.cols;
      if (!c.eligible[i][j] || rowLocks[i] >= c.rowCapacity[i] || colLocks[j] >= c.colCapacity[j]) continue;
      if (locked.some(([x, y]) => x === i && y === j)) continue;
      locked.push([i, j]);
      rowLocks[i]++;
      colLocks[j]++;
    }
    return { ...c, locked };
  });

describe.each(implementations)('capacitated properties ($name)', ({ solve }) => {
  it('respects capacities, locks and eligibility, and reports totals that add up', () => {
    fc.assert(
      fc.property(anyCase, (c) => {
        expect(feasibilityProblems(c, solve(toSparseProblem(c)))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('returns a certificate that verifies on every case', () => {
    fc.assert(
      fc.property(anyCase, (c) => {
        expect(certificateProblems(c, solve(toDenseProblem(c)))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('reaches the same objective from the dense and the sparse forms', () => {
    fc.assert(
      fc.property(anyCase, (c) => {
        const dense = objectiveOf(c, resultPairs(solve(toDenseProblem(c))));
        const sparse = objectiveOf(c, resultPairs(solve(toSparseProblem(c))));
        expect(sparse).toEqual(dense);
      }),
      { numRuns: 100 },
    );
  });
});

describe('capacitated implementations', () => {
  it('agree with each other on the objective', () => {
    fc.assert(
      fc.property(anyCase, (c) => {
        const [first, ...others] = implementations.map(({ solve }) =>
          objectiveOf(c, resultPairs(solve(toSparseProblem(c)))),
        );
        for (const other of others) expect(other).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });
});
