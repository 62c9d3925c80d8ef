import { describe, expect, it } from 'vitest';
import type { CapacitatedProblem, CapacitatedResult } from '@mentor-matcher/solver';
import { evaluateCapacitated } from '../src/capacitated/evaluate.js';

const problem: CapacitatedProblem = {
  rows: 2,
  cols: 2,
  edges: { row: Int32Array.from([0, 0, 1]), col: Int32Array.from([0, 1, 0]), score: Float64Array.from([5, 3, 4]) },
  rowCapacity: Int32Array.from([2, 1]),
  colCapacity: Int32Array.from([1, 1]),
};

const result = (
  rows: number[],
  cols: number[],
  total: number,
  rowsCovered: number,
  colsCovered: number,
): CapacitatedResult => ({
  rowIndices: Int32Array.from(rows),
  colIndices: Int32Array.from(cols),
  total,
  rowsCovered,
  colsCovered,
  certificate: {},
});

describe('evaluateCapacitated', () => {
  it('accepts a feasible result and totals it from the edges', () => {
    expect(evaluateCapacitated(problem, result([0, 1], [1, 0], 7, 2, 2))).toEqual({ ok: true, total: 7 });
  });

  it('rejects a pair that is not an edge', () => {
    const r = result([1], [1], 0, 1, 1);
    expect(evaluateCapacitated(problem, r)).toEqual({ ok: false, reason: 'pair (1, 1) is not eligible' });
  });

  it('rejects a column over its capacity', () => {
    expect(evaluateCapacitated(problem, result([0, 1], [0, 0], 9, 2, 1))).toEqual({
      ok: false,
      reason: 'column 0 over its capacity 1',
    });
  });

  it('rejects a reported total that its pairs do not add up to', () => {
    expect(evaluateCapacitated(problem, result([0, 1], [1, 0], 8, 2, 2))).toEqual({
      ok: false,
      reason: 'reports total 8, pairs sum to 7',
    });
  });
});
