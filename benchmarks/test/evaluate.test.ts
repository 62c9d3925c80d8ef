import { describe, expect, it } from 'vitest';
import { bestTotal, evaluateAssignment } from '../src/lsa/evaluate.js';

const matrix = { rows: 2, cols: 3, data: Float64Array.from([4, 1, Infinity, 2, 0, 5]) };

describe('evaluateAssignment', () => {
  it('totals a valid assignment from the matrix, not from what the solver claims', () => {
    expect(evaluateAssignment(matrix, { rowIndices: [0, 1], colIndices: [1, 0] })).toEqual({ ok: true, total: 3 });
  });

  it('reports a solver whose reported total disagrees with its pairs', () => {
    const evaluation = evaluateAssignment(matrix, { rowIndices: [0, 1], colIndices: [1, 0], reportedTotal: 2 });
    expect(evaluation).toEqual({ ok: false, reason: 'reported total 2 but its pairs sum to 3' });
  });

  it('rejects a column used twice', () => {
    expect(evaluateAssignment(matrix, { rowIndices: [0, 1], colIndices: [1, 1] })).toMatchObject({
      ok: false,
      reason: 'column 1 assigned twice',
    });
  });

  it('rejects a forbidden pair', () => {
    expect(evaluateAssignment(matrix, { rowIndices: [0, 1], colIndices: [2, 0] })).toMatchObject({
      ok: false,
      reason: 'pair (0, 2) is forbidden',
    });
  });

  it('rejects an incomplete assignment', () => {
    expect(evaluateAssignment(matrix, { rowIndices: [0], colIndices: [1] })).toMatchObject({
      ok: false,
      reason: '1 pairs, expected 2',
    });
  });
});

describe('bestTotal', () => {
  it('is the lowest valid total, since any complete assignment bounds the minimum from above', () => {
    expect(bestTotal([7, 3, 5])).toBe(3);
    expect(bestTotal([])).toBeNull();
  });
});
