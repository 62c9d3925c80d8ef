// An exhaustive Solver for tiny problems: an oracle independent of the wasm solver, used to check
// that the strategies ask the right questions and to compare against the wasm answers.
import type {
  AssignmentResult,
  CapacitatedProblem,
  CapacitatedResult,
  CostInput,
  Solver,
} from '@mentor-matcher/solver';

function dense(costs: CostInput): { data: ArrayLike<number>; rows: number; cols: number } {
  if ('data' in costs) return costs;
  return { data: costs.flat(), rows: costs.length, cols: costs.length === 0 ? 0 : costs[0].length };
}

/** Best assignment of min(rows, cols) pairs by trying every one (rows ≤ 7 or so). */
export function bruteForceAssignment(costs: CostInput, maximize: boolean): AssignmentResult {
  const { data, rows, cols } = dense(costs);
  const transposed = rows > cols;
  const n = transposed ? cols : rows;
  const m = transposed ? rows : cols;
  const at = (r: number, c: number) => (transposed ? data[c * cols + r] : data[r * cols + c]);
  const sign = maximize ? 1 : -1;
  let best = -Infinity;
  let bestChoice: number[] = [];
  const used = new Uint8Array(m);
  const choice: number[] = [];
  const visit = (r: number, total: number) => {
    if (r === n) {
      if (total > best) {
        best = total;
        bestChoice = [...choice];
      }
      return;
    }
    for (let c = 0; c < m; c++) {
      const value = sign * at(r, c);
      if (used[c] || value === -Infinity) continue;
      used[c] = 1;
      choice.push(c);
      visit(r + 1, total + value);
      choice.pop();
      used[c] = 0;
    }
  };
  visit(0, 0);
  if (best === -Infinity) throw new Error('infeasible');
  const pairs = bestChoice.map((c, r) => (transposed ? [c, r] : [r, c])).sort((a, b) => a[0] - b[0]);
  return {
    rowIndices: Int32Array.from(pairs, (p) => p[0]),
    colIndices: Int32Array.from(pairs, (p) => p[1]),
    total: sign * best,
  };
}

/** Every subset of the eligible edges within capacities, ranked by the coverage tiers then total. */
export function bruteForceCapacitated(problem: CapacitatedProblem): CapacitatedResult {
  const edges: { row: number; col: number; score: number }[] = [];
  if (problem.edges) {
    for (let k = 0; k < problem.edges.row.length; k++)
      edges.push({ row: problem.edges.row[k], col: problem.edges.col[k], score: problem.edges.score[k] });
  } else {
    for (let r = 0; r < problem.rows; r++)
      for (let c = 0; c < problem.cols; c++) {
        const score = problem.scores![r * problem.cols + c];
        if (problem.eligible ? problem.eligible[r * problem.cols + c] === 1 : Number.isFinite(score))
          edges.push({ row: r, col: c, score });
      }
  }
  if (edges.length > 20) throw new Error(`brute force is for tiny problems (${edges.length} edges)`);
  const coverage = problem.coverage ?? ['rows', 'cols'];
  const lockedKeys = new Set<number>();
  for (let k = 0; k < (problem.locked?.row.length ?? 0); k++)
    lockedKeys.add(problem.locked!.row[k] * problem.cols + problem.locked!.col[k]);
  let best: { key: number[]; chosen: number[] } | null = null;
  for (let mask = 0; mask < 1 << edges.length; mask++) {
    const rowUse = new Int32Array(problem.rows);
    const colUse = new Int32Array(problem.cols);
    const chosen: number[] = [];
    let total = 0;
    let ok = true;
    for (let k = 0; k < edges.length && ok; k++) {
      const isLocked = lockedKeys.has(edges[k].row * problem.cols + edges[k].col);
      const picked = (mask >> k) & 1;
      if (isLocked && !picked) ok = false;
      if (!picked) continue;
      chosen.push(k);
      total += edges[k].score;
      if (++rowUse[edges[k].row] > problem.rowCapacity[edges[k].row]) ok = false;
      if (++colUse[edges[k].col] > problem.colCapacity[edges[k].col]) ok = false;
    }
    if (!ok) continue;
    const rowsCovered = rowUse.filter((u) => u > 0).length;
    const colsCovered = colUse.filter((u) => u > 0).length;
    const key = [...coverage.map((c) => (c === 'rows' ? rowsCovered : colsCovered)), total];
    if (!best || compare(key, best.key) > 0) best = { key, chosen };
  }
  const chosen = best!.chosen.map((k) => edges[k]).sort((a, b) => a.row - b.row || a.col - b.col);
  const rows = new Set(chosen.map((e) => e.row));
  const cols = new Set(chosen.map((e) => e.col));
  return {
    rowIndices: Int32Array.from(chosen, (e) => e.row),
    colIndices: Int32Array.from(chosen, (e) => e.col),
    total: chosen.reduce((s, e) => s + e.score, 0),
    rowsCovered: rows.size,
    colsCovered: cols.size,
    certificate: {},
  };
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 1e-9) return a[i] - b[i];
  return 0;
}

export const bruteForceSolver: Solver = {
  linearSumAssignment: (costs, options) => bruteForceAssignment(costs, options?.maximize ?? false),
  capacitatedAssignment: bruteForceCapacitated,
};
