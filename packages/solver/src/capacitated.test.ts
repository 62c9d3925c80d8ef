import { describe, expect, it } from 'vitest';
import { loadImplementations } from '../test/capacitated-implementations.js';
import {
  certificateProblems,
  feasibilityProblems,
  randomCase,
  resultPairs,
  toDenseProblem,
  toSparseProblem,
  type Case,
} from '../test/capacitated-oracles.js';
import type { CapacitatedProblem } from './types.js';

const implementations = await loadImplementations();

/** A case from a score grid where null marks a pair that is not eligible. */
function grid(
  score: (number | null)[][],
  options: Partial<Pick<Case, 'rowCapacity' | 'colCapacity' | 'locked' | 'coverage'>> = {},
): Case {
  const rows = score.length;
  const cols = score[0]?.length ?? 0;
  return {
    rows,
    cols,
    score: score.map((row) => row.map((s) => s ?? 0)),
    eligible: score.map((row) => row.map((s) => s !== null)),
    rowCapacity: options.rowCapacity ?? new Array<number>(rows).fill(1),
    colCapacity: options.colCapacity ?? new Array<number>(cols).fill(1),
    locked: options.locked ?? [],
    coverage: options.coverage ?? ['rows', 'cols'],
  };
}

describe.each(implementations)('capacitated assignment ($name)', ({ solve }) => {
  it('covers a second row rather than take the higher-scoring pair', () => {
    const c = grid([
      [10, 9],
      [null, 1],
    ]);
    expect(resultPairs(solve(toDenseProblem(c)))).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('covers more columns before a larger total when columns are in the coverage', () => {
    // Column 1's only pair loses a point, but it covers column 1.
    const withColumns = grid([[10, -1]], { rowCapacity: [2], coverage: ['rows', 'cols'] });
    const result = solve(toDenseProblem(withColumns));
    expect(resultPairs(result)).toEqual([
      [0, 0],
      [0, 1],
    ]);
    expect(result.colsCovered).toBe(2);
  });

  it('does not pay for column coverage when columns are not in the coverage', () => {
    const rowsOnly = grid([[10, -1]], { rowCapacity: [2], coverage: ['rows'] });
    expect(resultPairs(solve(toDenseProblem(rowsOnly)))).toEqual([[0, 0]]);
  });

  it('puts row coverage above column coverage', () => {
    // Covering column 1 would need row 1's only partner, leaving row 1 unmatched.
    const c = grid(
      [
        [5, 5],
        [null, 5],
        [null, 5],
      ],
      { colCapacity: [1, 2] },
    );
    const result = solve(toDenseProblem(c));
    expect(result.rowsCovered).toBe(3);
    expect(result.colsCovered).toBe(2);
  });

  it('maximises the total alone when coverage is empty', () => {
    const c = grid(
      [
        [10, 9],
        [null, 1],
      ],
      { coverage: [] },
    );
    const result = solve(toDenseProblem(c));
    expect(resultPairs(result)).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(result.total).toBe(11);
  });

  it('leaves out a negative-scoring pair that covers no one new', () => {
    const c = grid([[-3, 4]], { rowCapacity: [2], colCapacity: [1, 1], coverage: ['rows'] });
    expect(resultPairs(solve(toDenseProblem(c)))).toEqual([[0, 1]]);
  });

  it('takes a negative-scoring pair when it covers a row', () => {
    const c = grid([[-3]], { coverage: ['rows'] });
    const result = solve(toDenseProblem(c));
    expect(resultPairs(result)).toEqual([[0, 0]]);
    expect(result.total).toBe(-3);
  });

  it('gives each row up to its capacity and each column up to its own', () => {
    const c = grid(
      [
        [5, 5, 5],
        [5, 5, 5],
      ],
      { rowCapacity: [3, 3], colCapacity: [1, 2, 0], coverage: [] },
    );
    const result = solve(toDenseProblem(c));
    expect(result.rowIndices.length).toBe(3);
    expect(feasibilityProblems(c, result)).toEqual([]);
  });

  it('includes every locked pair, and counts it against capacity', () => {
    const c = grid(
      [
        [1, 9],
        [9, 1],
      ],
      { locked: [[0, 0]] },
    );
    const result = solve(toDenseProblem(c));
    expect(resultPairs(result)).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('counts a locked pair as covering its row and column', () => {
    const c = grid(
      [
        [1, 8],
        [null, 9],
      ],
      { rowCapacity: [2, 1], colCapacity: [1, 1], locked: [[0, 0]] },
    );
    const result = solve(toDenseProblem(c));
    expect(resultPairs(result)).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(result.rowsCovered).toBe(2);
  });

  it('never chooses a pair that is not eligible, whatever its score', () => {
    const c: Case = { ...grid([[1, 1]]), score: [[1, 100]], eligible: [[true, false]] };
    expect(resultPairs(solve(toDenseProblem(c)))).toEqual([[0, 0]]);
  });

  it('treats ±Infinity as forbidden when no eligibility mask is given', () => {
    const problem: CapacitatedProblem = {
      rows: 1,
      cols: 3,
      scores: Float64Array.from([-Infinity, 2, Infinity]),
      rowCapacity: Int32Array.from([3]),
      colCapacity: Int32Array.from([1, 1, 1]),
    };
    const result = solve(problem);
    expect(Array.from(result.colIndices)).toEqual([1]);
  });

  it('gives the same optimum from the dense and the sparse forms', () => {
    const c = randomCase(7, {
      rows: 12,
      cols: 9,
      density: 0.5,
      maxCapacity: 3,
      minScore: 0,
      maxScore: 40,
      step: 1,
      locks: 3,
      coverage: ['rows', 'cols'],
    });
    const dense = solve(toDenseProblem(c));
    const sparse = solve(toSparseProblem(c));
    expect([sparse.rowsCovered, sparse.colsCovered, sparse.total]).toEqual([
      dense.rowsCovered,
      dense.colsCovered,
      dense.total,
    ]);
  });

  it('is exact for scores with decimals (0.1 + 0.2 is not 0.3 in floating point)', () => {
    const c = grid(
      [
        [0.1, 0.3],
        [0.2, null],
      ],
      { rowCapacity: [1, 1], colCapacity: [2, 1], coverage: [] },
    );
    const result = solve(toDenseProblem(c));
    expect(resultPairs(result)).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(result.certificate['scale']).toBe(10);
  });

  it('returns sorted pairs, the total and the coverage counts', () => {
    const c = randomCase(11, {
      rows: 8,
      cols: 8,
      density: 0.6,
      maxCapacity: 2,
      minScore: -5,
      maxScore: 20,
      step: 0.5,
      locks: 2,
      coverage: ['rows'],
    });
    expect(feasibilityProblems(c, solve(toSparseProblem(c)))).toEqual([]);
  });

  it('returns a certificate that proves the result optimal', () => {
    const c = randomCase(5, {
      rows: 15,
      cols: 10,
      density: 0.4,
      maxCapacity: 3,
      minScore: 0,
      maxScore: 40,
      step: 1,
      locks: 2,
      coverage: ['rows', 'cols'],
    });
    expect(certificateProblems(c, solve(toDenseProblem(c)))).toEqual([]);
  });

  it('returns a certificate whose check fails once a potential is tampered with', () => {
    const c = grid([
      [10, 9],
      [null, 1],
    ]);
    const result = solve(toDenseProblem(c));
    const rowPotential = Float64Array.from(result.certificate['rowPotential'] as Float64Array);
    rowPotential[1] -= 1e9;
    const tampered = { ...result, certificate: { ...result.certificate, rowPotential } };
    expect(certificateProblems(c, tampered)).not.toEqual([]);
  });

  it('accepts a capacity far above the number of possible partners', () => {
    const c = grid(
      [
        [3, 4],
        [5, null],
      ],
      { rowCapacity: [1_000_000_000, 2], colCapacity: [2_000_000_000, 1] },
    );
    const result = solve(toDenseProblem(c));
    expect(resultPairs(result)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
    expect(certificateProblems(c, result)).toEqual([]);
  });

  it('solves an empty problem', () => {
    const result = solve({
      rows: 0,
      cols: 0,
      scores: new Float64Array(0),
      rowCapacity: new Int32Array(0),
      colCapacity: new Int32Array(0),
    });
    expect([result.rowIndices.length, result.total, result.rowsCovered, result.colsCovered]).toEqual([0, 0, 0, 0]);
  });

  it('solves a problem with no eligible pair', () => {
    const c = grid([[null, null]], { rowCapacity: [2] });
    const result = solve(toSparseProblem(c));
    expect(result.rowIndices.length).toBe(0);
    expect(certificateProblems(c, result)).toEqual([]);
  });
});
