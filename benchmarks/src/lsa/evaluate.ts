// The correctness gate: an assignment is checked and totalled by the harness, never taken on trust,
// so a solver that returns a wrong answer is reported as WRONG rather than timed.
import type { DenseMatrix } from '@mentor-matcher/solver';
import type { Assignment } from './adapter.js';

export type Evaluation =
  { readonly ok: true; readonly total: number } | { readonly ok: false; readonly reason: string };

export function evaluateAssignment(matrix: DenseMatrix, assignment: Assignment): Evaluation {
  const { rows, cols, data } = matrix;
  const { rowIndices, colIndices, reportedTotal } = assignment;
  const expected = Math.min(rows, cols);
  if (rowIndices.length !== colIndices.length) {
    return { ok: false, reason: `${rowIndices.length} row indices but ${colIndices.length} column indices` };
  }
  if (rowIndices.length !== expected) {
    return { ok: false, reason: `${rowIndices.length} pairs, expected ${expected}` };
  }
  const rowUsed = new Uint8Array(rows);
  const colUsed = new Uint8Array(cols);
  let total = 0;
  for (let k = 0; k < rowIndices.length; k++) {
    const r = rowIndices[k];
    const c = colIndices[k];
    if (!Number.isInteger(r) || r < 0 || r >= rows) return { ok: false, reason: `pair ${k}: row ${r} out of range` };
    if (!Number.isInteger(c) || c < 0 || c >= cols) return { ok: false, reason: `pair ${k}: column ${c} out of range` };
    if (rowUsed[r]) return { ok: false, reason: `row ${r} assigned twice` };
    if (colUsed[c]) return { ok: false, reason: `column ${c} assigned twice` };
    rowUsed[r] = 1;
    colUsed[c] = 1;
    const cost = data[r * cols + c];
    if (!Number.isFinite(cost)) return { ok: false, reason: `pair (${r}, ${c}) is forbidden` };
    total += cost;
  }
  if (reportedTotal !== undefined && Math.abs(reportedTotal - total) > 1e-9 * Math.max(1, Math.abs(total))) {
    return { ok: false, reason: `reported total ${reportedTotal} but its pairs sum to ${total}` };
  }
  return { ok: true, total };
}

/**
 * Totals of valid assignments against the best one found. Costs are minimised, so any valid complete
 * assignment is an upper bound on the optimum: a larger total is not optimal, whoever computed it.
 */
export function bestTotal(totals: readonly number[]): number | null {
  return totals.length === 0 ? null : Math.min(...totals);
}
