import { describe, expect, it } from 'vitest';
import { loadImplementations } from '../test/capacitated-implementations.js';
import { CapacitatedProblemError, type CapacitatedErrorCode } from './capacitated-errors.js';
import type { CapacitatedProblem } from './types.js';

const implementations = await loadImplementations();

/** 2 rows × 2 columns, everything eligible except (1, 1). */
function base(): CapacitatedProblem {
  return {
    rows: 2,
    cols: 2,
    scores: Float64Array.from([1, 2, 3, 4]),
    eligible: Uint8Array.from([1, 1, 1, 0]),
    rowCapacity: Int32Array.from([1, 1]),
    colCapacity: Int32Array.from([1, 1]),
  };
}

function sparse(): CapacitatedProblem {
  return {
    rows: 2,
    cols: 2,
    edges: { row: Int32Array.from([0, 0, 1]), col: Int32Array.from([0, 1, 0]), score: Float64Array.from([1, 2, 3]) },
    rowCapacity: Int32Array.from([1, 1]),
    colCapacity: Int32Array.from([1, 1]),
  };
}

const cases: { name: string; problem: CapacitatedProblem; code: CapacitatedErrorCode; message: RegExp }[] = [
  {
    name: 'a locked pair that is not eligible',
    problem: { ...base(), locked: { row: Int32Array.from([1]), col: Int32Array.from([1]) } },
    code: 'locked-not-eligible',
    message: /^locked\[0\]: row 1, column 1 is locked but not an eligible pair$/,
  },
  {
    name: 'a row locked to more partners than its capacity',
    problem: { ...base(), locked: { row: Int32Array.from([0, 0]), col: Int32Array.from([0, 1]) } },
    code: 'locked-over-capacity',
    message: /^rowCapacity\[0\]: row 0 is locked to 2 partners but its capacity is 1$/,
  },
  {
    name: 'a column locked to more partners than its capacity',
    problem: { ...base(), locked: { row: Int32Array.from([0, 1]), col: Int32Array.from([0, 0]) } },
    code: 'locked-over-capacity',
    message: /^colCapacity\[0\]: column 0 is locked to 2 partners but its capacity is 1$/,
  },
  {
    name: 'the same pair locked twice',
    problem: {
      ...base(),
      rowCapacity: Int32Array.from([2, 1]),
      locked: { row: Int32Array.from([0, 0]), col: Int32Array.from([1, 1]) },
    },
    code: 'locked-duplicate',
    message: /^locked\[1\]: row 0, column 1 is locked twice$/,
  },
  {
    name: 'a negative capacity',
    problem: { ...base(), colCapacity: Int32Array.from([1, -1]) },
    code: 'invalid-capacity',
    message: /^colCapacity\[1\]: a capacity must be a whole number ≥ 0, got -1$/,
  },
  {
    name: 'a fractional capacity',
    problem: { ...base(), rowCapacity: Float64Array.from([1.5, 1]) as unknown as Int32Array },
    code: 'invalid-capacity',
    message: /^rowCapacity\[0\]: a capacity must be a whole number ≥ 0, got 1.5$/,
  },
  {
    name: 'a NaN score on an eligible pair',
    problem: { ...base(), scores: Float64Array.from([1, NaN, 3, 4]) },
    code: 'nan-score',
    message: /^scores\[1\]: the score of row 0, column 1 is NaN/,
  },
  {
    name: 'a NaN score in the sparse form',
    problem: { ...sparse(), edges: { ...sparse().edges!, score: Float64Array.from([1, 2, NaN]) } },
    code: 'nan-score',
    message: /^edges\.score\[2\]: the score of row 1, column 0 is NaN/,
  },
  {
    name: 'an infinite score on a pair marked eligible',
    problem: { ...base(), scores: Float64Array.from([Infinity, 2, 3, 4]) },
    code: 'infinite-score',
    message: /^scores\[0\]: .*mark a forbidden pair as not eligible instead$/,
  },
  {
    name: 'scores of the wrong length',
    problem: { ...base(), scores: Float64Array.from([1, 2, 3]) },
    code: 'length-mismatch',
    message: /^scores: expected rows × cols = 4 scores, got 3$/,
  },
  {
    name: 'an eligibility mask of the wrong length',
    problem: { ...base(), eligible: Uint8Array.from([1, 1]) },
    code: 'length-mismatch',
    message: /^eligible: expected rows × cols = 4 flags, got 2$/,
  },
  {
    name: 'one capacity per row missing',
    problem: { ...base(), rowCapacity: Int32Array.from([1]) },
    code: 'length-mismatch',
    message: /^rowCapacity: expected 2 capacities \(one per row\), got 1$/,
  },
  {
    name: 'edge arrays of different lengths',
    problem: { ...sparse(), edges: { ...sparse().edges!, col: Int32Array.from([0, 1]) } },
    code: 'length-mismatch',
    message: /^edges: edges\.row, edges\.col and edges\.score must have the same length, got 3, 2 and 3$/,
  },
  {
    name: 'locked arrays of different lengths',
    problem: { ...base(), locked: { row: Int32Array.from([0, 1]), col: Int32Array.from([0]) } },
    code: 'length-mismatch',
    message: /^locked: locked\.row and locked\.col must have the same length, got 2 and 1$/,
  },
  {
    name: 'an edge outside the grid',
    problem: { ...sparse(), edges: { ...sparse().edges!, col: Int32Array.from([0, 2, 0]) } },
    code: 'index-out-of-range',
    message: /^edges\.col\[1\]: expected a column index in 0\.\.1, got 2$/,
  },
  {
    name: 'a locked pair outside the grid',
    problem: { ...base(), locked: { row: Int32Array.from([5]), col: Int32Array.from([0]) } },
    code: 'index-out-of-range',
    message: /^locked\.row\[0\]: expected a row index in 0\.\.1, got 5$/,
  },
  {
    name: 'a pair listed twice',
    problem: {
      ...sparse(),
      edges: { row: Int32Array.from([0, 0]), col: Int32Array.from([1, 1]), score: Float64Array.from([1, 2]) },
    },
    code: 'duplicate-pair',
    message: /^edges\[1\]: row 0, column 1 is listed twice \(also as edges\[0\]\)$/,
  },
  {
    name: 'neither the dense nor the sparse form',
    problem: { rows: 1, cols: 1, rowCapacity: Int32Array.from([1]), colCapacity: Int32Array.from([1]) },
    code: 'missing-scores',
    message: /^scores: give either the dense form/,
  },
  {
    name: 'a negative number of rows',
    problem: { ...base(), rows: -1 },
    code: 'invalid-size',
    message: /^rows: expected a whole number ≥ 0, got -1$/,
  },
  {
    name: 'an unknown coverage tier',
    problem: { ...base(), coverage: ['mentors' as 'rows'] },
    code: 'invalid-coverage',
    message: /^coverage\[0\]: expected 'rows' or 'cols', got mentors$/,
  },
  {
    name: 'columns before rows in the coverage',
    problem: { ...base(), coverage: ['cols', 'rows'] },
    code: 'invalid-coverage',
    message: /^coverage: rows always come before columns/,
  },
  {
    name: 'a score with more decimals than exact arithmetic allows',
    problem: { ...base(), scores: Float64Array.from([1 / 3, 2, 3, 4]) },
    code: 'score-precision',
    message: /^score of row 0, column 0: 0\.333.* has more than 9 decimal places/,
  },
  {
    name: 'scores too precise for a problem of this size',
    problem: {
      rows: 2,
      cols: 2,
      scores: Float64Array.from([123456.000000001, 2e6, 3e6, 4e6]),
      rowCapacity: Int32Array.from([2, 2]),
      colCapacity: Int32Array.from([2, 2]),
    },
    code: 'objective-overflow',
    message: /^scores: the scores need 9 decimal place\(s\) and the problem is too large/,
  },
];

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe.each(implementations)('capacitated input errors ($name)', ({ solve }) => {
  it.each(cases)('rejects $name', ({ problem, code, message }) => {
    const error = thrown(() => solve(problem));
    expect(error).toBeInstanceOf(CapacitatedProblemError);
    expect((error as CapacitatedProblemError).code).toBe(code);
    expect((error as Error).message).toMatch(message);
  });
});
