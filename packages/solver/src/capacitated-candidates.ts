// The candidate set and its pricing. The exact solve runs on a small subset of the eligible pairs
// (each row's and each column's best few); the potentials it returns then price every other pair,
// and any pair that could improve the optimum is added for the next solve. When none can, the
// optimum of the subset is the optimum of all pairs (reduced-cost optimality, docs/capacitated.md).
import type { FlowNetwork, FlowSolution } from './capacitated-network.js';
import { EDGE_CANDIDATE, EDGE_FREE, EDGE_LOCKED, type PreparedProblem } from './capacitated-problem.js';

/**
 * How many pairs beyond its capacity each person starts with. A few spare choices per person let
 * most displacement chains close inside the subset; pricing adds whatever is still missing.
 */
export const SPARE_CANDIDATES = 4;

/** Marks each row's and each column's best-scoring free pairs as candidates. */
export function selectCandidates(prepared: PreparedProblem): void {
  const { rows, cols, rowStart, rowOrder, edgeCol, edgeScore, edgeState, rowResidual, colResidual } = prepared;
  let widest = 0;
  for (let i = 0; i < rows; i++) widest = Math.max(widest, rowResidual[i]);
  for (let j = 0; j < cols; j++) widest = Math.max(widest, colResidual[j]);
  const heapScore = new Float64Array(widest + SPARE_CANDIDATES);
  const heapEdge = new Int32Array(widest + SPARE_CANDIDATES);

  for (let i = 0; i < rows; i++) {
    if (rowResidual[i] === 0) continue;
    const keep = rowResidual[i] + SPARE_CANDIDATES;
    let size = 0;
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
      const e = rowOrder[p];
      if (edgeState[e] !== EDGE_FREE || colResidual[edgeCol[e]] === 0) continue;
      size = offer(heapScore, heapEdge, size, keep, edgeScore[e], e);
    }
    for (let k = 0; k < size; k++) edgeState[heapEdge[k]] = EDGE_CANDIDATE;
  }

  // Per-column bounded heaps, filled in one pass over the pairs (the pairs are grouped by row only).
  const colKeep = new Int32Array(cols);
  const colOffset = new Float64Array(cols + 1);
  for (let j = 0; j < cols; j++) {
    colKeep[j] = colResidual[j] === 0 ? 0 : colResidual[j] + SPARE_CANDIDATES;
    colOffset[j + 1] = colOffset[j] + colKeep[j];
  }
  const colHeapScore = new Float64Array(colOffset[cols]);
  const colHeapEdge = new Int32Array(colOffset[cols]);
  const colSize = new Int32Array(cols);
  for (let e = 0; e < edgeCol.length; e++) {
    const j = edgeCol[e];
    if (colKeep[j] === 0 || edgeState[e] === EDGE_LOCKED || rowResidual[prepared.edgeRow[e]] === 0) continue;
    const base = colOffset[j];
    colSize[j] = offer(
      colHeapScore.subarray(base, base + colKeep[j]),
      colHeapEdge.subarray(base, base + colKeep[j]),
      colSize[j],
      colKeep[j],
      edgeScore[e],
      e,
    );
  }
  for (let j = 0; j < cols; j++) {
    for (let k = 0; k < colSize[j]; k++) edgeState[colHeapEdge[colOffset[j] + k]] = EDGE_CANDIDATE;
  }
}

/** Keeps the `keep` largest scores in a min-heap of `size` entries; returns the new size. */
function offer(heapScore: Float64Array, heapEdge: Int32Array, size: number, keep: number, score: number, edge: number): number {
  let k: number;
  if (size < keep) {
    k = size++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (heapScore[parent] <= score) break;
      heapScore[k] = heapScore[parent];
      heapEdge[k] = heapEdge[parent];
      k = parent;
    }
  } else {
    if (score <= heapScore[0]) return size;
    k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= size) break;
      if (child + 1 < size && heapScore[child + 1] < heapScore[child]) child++;
      if (heapScore[child] >= score) break;
      heapScore[k] = heapScore[child];
      heapEdge[k] = heapEdge[child];
      k = child;
    }
  }
  heapScore[k] = score;
  heapEdge[k] = edge;
  return size;
}

export interface CandidateNetwork {
  readonly network: FlowNetwork;
  /** Per arc: the edge (index into the prepared pairs) it stands for. */
  readonly arcEdge: Int32Array;
}

/** The flow network over the current candidates, in row-major CSR form. */
export function buildNetwork(prepared: PreparedProblem): CandidateNetwork {
  const { rows, cols, rowStart, rowOrder, edgeCol, edgeScore, edgeState, scale } = prepared;
  let arcs = 0;
  for (let e = 0; e < edgeState.length; e++) if (edgeState[e] === EDGE_CANDIDATE) arcs++;
  const arcStart = new Int32Array(rows + 1);
  const arcCol = new Int32Array(arcs);
  const arcCost = new Float64Array(arcs);
  const arcEdge = new Int32Array(arcs);
  let a = 0;
  for (let i = 0; i < rows; i++) {
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
      const e = rowOrder[p];
      if (edgeState[e] !== EDGE_CANDIDATE) continue;
      arcCol[a] = edgeCol[e];
      arcCost[a] = -Math.round(edgeScore[e] * scale);
      arcEdge[a] = e;
      a++;
    }
    arcStart[i + 1] = a;
  }
  return {
    network: {
      rows,
      cols,
      rowStart: arcStart,
      arcCol,
      arcCost,
      rowCapacity: prepared.rowResidual,
      colCapacity: prepared.colResidual,
      rowFirstCost: prepared.rowFirstCost,
      colFirstCost: prepared.colFirstCost,
    },
    arcEdge,
  };
}

/**
 * Adds every free pair whose reduced cost under `solution`'s potentials is negative (it could
 * improve the optimum) to the candidates; returns how many were added.
 */
export function priceFreePairs(prepared: PreparedProblem, solution: FlowSolution): number {
  const { edgeRow, edgeCol, edgeScore, edgeState, scale } = prepared;
  const { rowPotential, colPotential } = solution;
  let added = 0;
  for (let e = 0; e < edgeState.length; e++) {
    if (edgeState[e] !== EDGE_FREE) continue;
    const reducedCost = -Math.round(edgeScore[e] * scale) + rowPotential[edgeRow[e]] - colPotential[edgeCol[e]];
    if (reducedCost < 0) {
      edgeState[e] = EDGE_CANDIDATE;
      added++;
    }
  }
  return added;
}
