// The correctness gate for the capacitated solver: every chosen pair is an eligible edge, nobody is
// over capacity, no pair is chosen twice, and the reported total and coverage match the pairs.
import type { CapacitatedProblem, CapacitatedResult } from '@mentor-matcher/solver';

export type CapacitatedEvaluation =
  { readonly ok: true; readonly total: number } | { readonly ok: false; readonly reason: string };

export function evaluateCapacitated(problem: CapacitatedProblem, result: CapacitatedResult): CapacitatedEvaluation {
  const { rows, cols } = problem;
  // Look up only the chosen pairs (a few per person) rather than indexing every edge: at 10,000 per
  // side there can be more eligible pairs than a Map holds.
  const chosen = new Map<number, number>();
  if (result.rowIndices.length !== result.colIndices.length)
    return { ok: false, reason: 'row and column index lists differ in length' };
  for (let k = 0; k < result.rowIndices.length; k++) {
    const [r, c] = [result.rowIndices[k], result.colIndices[k]];
    if (r < 0 || r >= rows || c < 0 || c >= cols) return { ok: false, reason: `pair (${r}, ${c}) out of range` };
    const key = r * cols + c;
    if (chosen.has(key)) return { ok: false, reason: `pair (${r}, ${c}) chosen twice` };
    chosen.set(key, NaN);
  }
  if (problem.edges) {
    const { row, col, score } = problem.edges;
    for (let k = 0; k < row.length; k++) {
      const key = row[k] * cols + col[k];
      if (chosen.has(key)) chosen.set(key, score[k]);
    }
  } else if (problem.scores) {
    for (const key of chosen.keys()) {
      if ((problem.eligible ? problem.eligible[key] === 1 : true) && Number.isFinite(problem.scores[key]))
        chosen.set(key, problem.scores[key]);
    }
  }
  const rowLoad = new Int32Array(rows);
  const colLoad = new Int32Array(cols);
  let total = 0;
  for (let k = 0; k < result.rowIndices.length; k++) {
    const r = result.rowIndices[k];
    const c = result.colIndices[k];
    const key = r * cols + c;
    const score = chosen.get(key)!;
    if (Number.isNaN(score)) return { ok: false, reason: `pair (${r}, ${c}) is not eligible` };
    if (++rowLoad[r] > problem.rowCapacity[r])
      return { ok: false, reason: `row ${r} over its capacity ${problem.rowCapacity[r]}` };
    if (++colLoad[c] > problem.colCapacity[c])
      return { ok: false, reason: `column ${c} over its capacity ${problem.colCapacity[c]}` };
    total += score;
  }
  const rowsCovered = rowLoad.reduce((n, load) => n + (load > 0 ? 1 : 0), 0);
  const colsCovered = colLoad.reduce((n, load) => n + (load > 0 ? 1 : 0), 0);
  if (rowsCovered !== result.rowsCovered)
    return { ok: false, reason: `reports ${result.rowsCovered} rows covered, pairs cover ${rowsCovered}` };
  if (colsCovered !== result.colsCovered)
    return { ok: false, reason: `reports ${result.colsCovered} columns covered, pairs cover ${colsCovered}` };
  if (Math.abs(total - result.total) > 1e-6 * Math.max(1, Math.abs(total)))
    return { ok: false, reason: `reports total ${result.total}, pairs sum to ${total}` };
  return { ok: true, total };
}
