// The candidate set and its pricing. The exact solve runs on a small subset of the eligible pairs
// (each row's and each column's best few); the potentials it returns then price every other pair,
// and any pair that could improve the optimum is added for the next solve. When none can, the
// optimum of the subset is the optimum of all pairs (reduced-cost optimality, docs/capacitated.md).
import type { FlowNetwork, FlowSolution } from './capacitated-network.js';
import { EDGE_CANDIDATE, EDGE_FREE, EDGE_LOCKED, edgeCost, type PreparedProblem } from './capacitated-problem.js';

/**
 * How many pairs beyond its capacity each person starts with, and how many each row may gain per
 * pricing round. Spare choices let most displacement chains close inside the subset. Measured on
 * mentor-match-like data at 1,000 × 1,000 (capacities 3): 4 spare took 7 solves over 108k arcs in
 * all, 12 took 3 solves over 58k, 24 took 2 over 69k.
 */
export const SPARE_CANDIDATES = 12;

/**
 * The candidate pairs so far, in the order they were added (grows; never shrinks), with each one's
 * row, column and integer cost beside it: building a network then reads these short arrays in
 * order instead of the pairs' arrays (megabytes) at scattered places.
 */
export interface CandidateSet {
  edges: Int32Array;
  row: Int32Array;
  col: Int32Array;
  cost: Float64Array;
  size: number;
}

export function emptyCandidateSet(): CandidateSet {
  return candidateSetOfCapacity(0);
}

/** An empty set with room for `capacity` candidates before it grows. */
export function candidateSetOfCapacity(capacity: number): CandidateSet {
  return {
    edges: new Int32Array(capacity),
    row: new Int32Array(capacity),
    col: new Int32Array(capacity),
    cost: new Float64Array(capacity),
    size: 0,
  };
}

function addCandidate(prepared: PreparedProblem, candidates: CandidateSet, edge: number): void {
  if (prepared.edgeState[edge] !== EDGE_FREE) return;
  prepared.edgeState[edge] = EDGE_CANDIDATE;
  if (candidates.size === candidates.edges.length) growCandidateSet(candidates);
  const k = candidates.size++;
  candidates.edges[k] = edge;
  candidates.row[k] = prepared.edgeRow[edge];
  candidates.col[k] = prepared.edgeCol[edge];
  candidates.cost[k] = edgeCost(prepared, edge);
}

export function growCandidateSet(candidates: CandidateSet): void {
  const capacity = Math.max(16, candidates.edges.length * 2);
  const edges = new Int32Array(capacity);
  const row = new Int32Array(capacity);
  const col = new Int32Array(capacity);
  const cost = new Float64Array(capacity);
  edges.set(candidates.edges);
  row.set(candidates.row);
  col.set(candidates.col);
  cost.set(candidates.cost);
  candidates.edges = edges;
  candidates.row = row;
  candidates.col = col;
  candidates.cost = cost;
}

/** Score values a counting pass may span; beyond it (or for fractional scores) the heaps choose. */
const MAX_COUNTED_SCORES = 256;

/** Each row's and each column's best-scoring free pairs. */
export function selectCandidates(prepared: PreparedProblem): CandidateSet {
  const whole = prepared.wholeScores;
  if (prepared.edgesInRowOrder && whole !== null && whole.max - whole.min < MAX_COUNTED_SCORES) {
    return selectByCounting(prepared, whole.min, whole.max - whole.min + 1);
  }
  const candidates = emptyCandidateSet();
  const { rows, cols, rowResidual, colResidual } = prepared;
  let widest = 0;
  for (let i = 0; i < rows; i++) widest = Math.max(widest, rowResidual[i]);
  for (let j = 0; j < cols; j++) widest = Math.max(widest, colResidual[j]);
  const heap: BoundedHeap = {
    score: new Float64Array(widest + SPARE_CANDIDATES),
    tie: new Int32Array(widest + SPARE_CANDIDATES),
    edge: new Int32Array(widest + SPARE_CANDIDATES),
  };
  const columns = emptyColumnHeaps(prepared);
  for (let i = 0; i < rows; i++) {
    if (rowResidual[i] === 0) continue;
    // Pairs given row by row reach the column heaps in input order from the row pass itself.
    const size = prepared.edgesInRowOrder
      ? bestPairsOfRowAndOfferToColumns(prepared, i, heap, columns)
      : bestPairsOfRow(prepared, i, heap);
    for (let k = 0; k < size; k++) addCandidate(prepared, candidates, heap.edge[k]);
  }
  if (!prepared.edgesInRowOrder) fillColumnHeaps(prepared, columns);
  for (let j = 0; j < cols; j++) {
    for (let k = 0; k < columns.size[j]; k++)
      addCandidate(prepared, candidates, columns.heap.edge[columns.offset[j] + k]);
  }
  return candidates;
}

/**
 * selectCandidates for whole scores in a small range, given row by row (the engine's case): each
 * row's and column's threshold score is found by counting, every pair above it is taken, and the
 * ties at it are taken in turn from a place hashed from the row (column), so no pair goes through a
 * heap. On mentor-match data at 500 a side nearly every pair tied with a heap's smallest entry, and
 * the heaps were a third of the whole solve.
 */
function selectByCounting(prepared: PreparedProblem, low: number, span: number): CandidateSet {
  const { rows, cols, rowResidual, colResidual } = prepared;
  const values = new Uint16Array(prepared.edgeCol.length);
  const colCounts = new Int32Array(cols * span);
  const rowChoice = newTieChoice(rows);
  countScoreValues(prepared, low, span, values, colCounts, rowChoice);
  const colChoice = newTieChoice(cols);
  let most = 0;
  for (let i = 0; i < rows; i++) if (rowResidual[i] > 0) most += rowResidual[i] + SPARE_CANDIDATES;
  for (let j = 0; j < cols; j++) {
    if (colResidual[j] === 0) continue;
    const keep = colResidual[j] + SPARE_CANDIDATES;
    decideTies(colChoice, j, colCounts, j * span, span, keep, j);
    most += keep;
  }
  // Every pair taken is taken by its row or its column, each of which takes at most its keep.
  const candidates = candidateSetOfCapacity(most);
  takeCountedPairs(prepared, values, rowChoice, colChoice, candidates);
  return candidates;
}

/** `values[e]` when pair e is not usable (locked, or its column is full). */
const UNUSABLE = 0xffff;

/**
 * One pass over the rows with room: each usable pair's score value (score − low) into `values`
 * (UNUSABLE for the others), the columns' counts of each value, and each row's tie choice, decided
 * from its own counts as soon as the row is read. A pair is usable when it is free and both sides
 * have room; while this pass runs every pair is free or locked.
 */
function countScoreValues(
  prepared: PreparedProblem,
  low: number,
  span: number,
  values: Uint16Array,
  colCounts: Int32Array,
  rowChoice: TieChoice,
): void {
  const { rows, rowStart, edgeCol, edgeScore, edgeState, rowResidual, colResidual } = prepared;
  const rowCounts = new Int32Array(span);
  for (let i = 0; i < rows; i++) {
    if (rowResidual[i] === 0) continue;
    rowCounts.fill(0);
    // The row's end is read once: V8 reloads a typed array's element after a store to any other
    // (selectCandidates at 500 a side 1.12 -> 0.97 ms with this in the passes over pairs).
    for (let e = rowStart[i], last = rowStart[i + 1]; e < last; e++) {
      const j = edgeCol[e];
      if (edgeState[e] === EDGE_LOCKED || colResidual[j] === 0) {
        values[e] = UNUSABLE;
        continue;
      }
      const value = edgeScore[e] - low;
      values[e] = value;
      rowCounts[value]++;
      colCounts[j * span + value]++;
    }
    decideTies(rowChoice, i, rowCounts, 0, span, rowResidual[i] + SPARE_CANDIDATES, i);
  }
}

/**
 * The second pass: every usable pair that its row or its column takes becomes a candidate, in
 * input order. Both are asked about every usable pair, since each counts the ties it has met.
 */
function takeCountedPairs(
  prepared: PreparedProblem,
  values: Uint16Array,
  rowChoice: TieChoice,
  colChoice: TieChoice,
  candidates: CandidateSet,
): void {
  const { rows, rowStart, edgeCol, edgeScore, edgeState, rowResidual } = prepared;
  const { threshold: colThreshold, ties: colTies, need: colNeed, start: colStart, seen: colSeen } = colChoice;
  const { edges, row, col, cost } = candidates;
  let size = candidates.size;
  for (let i = 0; i < rows; i++) {
    if (rowResidual[i] === 0) continue;
    const rowThreshold = rowChoice.threshold[i];
    const rowTies = rowChoice.ties[i];
    const rowNeed = rowChoice.need[i];
    const rowStartPlace = rowChoice.start[i];
    let rowSeen = 0;
    for (let e = rowStart[i], last = rowStart[i + 1]; e < last; e++) {
      const value = values[e];
      if (value === UNUSABLE) continue;
      let byRow = value > rowThreshold;
      if (value === rowThreshold) byRow = isTakenTie(rowSeen++, rowStartPlace, rowTies, rowNeed);
      const j = edgeCol[e];
      const threshold = colThreshold[j];
      let byColumn = value > threshold;
      if (value === threshold) byColumn = isTakenTie(colSeen[j]++, colStart[j], colTies[j], colNeed[j]);
      if (!byRow && !byColumn) continue;
      edgeState[e] = EDGE_CANDIDATE;
      edges[size] = e;
      row[size] = i;
      col[size] = j;
      // At scale 1 (whole scores) a pair's cost is its score negated (edgeCost).
      cost[size] = -edgeScore[e];
      size++;
    }
  }
  candidates.size = size;
}

/**
 * Whether the tie met `place`-th (0-based, of `ties`) is among the `need` taken from `start` on,
 * wrapping round: (place − start) mod ties < need, for 0 ≤ place, start < ties.
 */
function isTakenTie(place: number, start: number, ties: number, need: number): boolean {
  const offset = place >= start ? place - start : place - start + ties;
  return offset < need;
}

/**
 * Per owner (a row or a column): the threshold score value, and which of the ties at it are
 * taken: the `need` ties from a hashed place `start` on, in the order they are met, wrapping round
 * (`seen` counts those met so far). Every value above the threshold is taken, none below it.
 */
interface TieChoice {
  readonly threshold: Int32Array;
  readonly ties: Int32Array;
  readonly need: Int32Array;
  readonly start: Int32Array;
  readonly seen: Int32Array;
}

function newTieChoice(owners: number): TieChoice {
  return {
    threshold: new Int32Array(owners).fill(0x7fffffff),
    ties: new Int32Array(owners),
    need: new Int32Array(owners),
    start: new Int32Array(owners),
    seen: new Int32Array(owners),
  };
}

/** From the counts of each score value, the owner's threshold for keeping `keep` pairs; `salt` varies the ties' start. */
function decideTies(
  choice: TieChoice,
  owner: number,
  counts: Int32Array,
  base: number,
  span: number,
  keep: number,
  salt: number,
): void {
  let above = 0;
  let value = span - 1;
  for (; value >= 0; value--) {
    const count = counts[base + value];
    if (above + count >= keep) break;
    above += count;
  }
  choice.seen[owner] = 0;
  if (value < 0) {
    // Fewer usable pairs than the keep: every one is taken.
    choice.threshold[owner] = -1;
    choice.need[owner] = 0;
    return;
  }
  const ties = counts[base + value];
  choice.threshold[owner] = value;
  choice.ties[owner] = ties;
  choice.need[owner] = keep - above;
  choice.start[owner] = (tieBreak(salt, 0x5bd1e995) >>> 0) % ties;
}

/** Per-column bounded heaps in one block: column j keeps up to keep[j] pairs from offset[j]. */
interface ColumnHeaps {
  readonly keep: Int32Array;
  readonly offset: Float64Array;
  readonly heap: BoundedHeap;
  readonly size: Int32Array;
}

function emptyColumnHeaps(prepared: PreparedProblem): ColumnHeaps {
  const { cols, colResidual } = prepared;
  const keep = new Int32Array(cols);
  const offset = new Float64Array(cols + 1);
  for (let j = 0; j < cols; j++) {
    keep[j] = colResidual[j] === 0 ? 0 : colResidual[j] + SPARE_CANDIDATES;
    offset[j + 1] = offset[j] + keep[j];
  }
  const heap: BoundedHeap = {
    score: new Float64Array(offset[cols]),
    tie: new Int32Array(offset[cols]),
    edge: new Int32Array(offset[cols]),
  };
  return { keep, offset, heap, size: new Int32Array(cols) };
}

// The passes over every pair (here and in priceFreePairs) are small functions of their own, which
// V8 optimises as a whole; a hot loop inside a longer function is optimised mid-call and the code
// after it deoptimised again, which kept the fourth call two to ten times slower than the steady
// state.
// Each pass skips a pair that cannot enter a full heap before computing its tie-breaker (`offer`
// would reject it too).

/** Leaves row i's best free pairs to columns with room in `heap` (at 0); returns how many. */
function bestPairsOfRow(prepared: PreparedProblem, i: number, heap: BoundedHeap): number {
  const { rowStart, rowOrder, edgeCol, edgeScore, edgeState, rowResidual, colResidual } = prepared;
  const keep = rowResidual[i] + SPARE_CANDIDATES;
  const heapScore = heap.score;
  let size = 0;
  for (let p = rowStart[i], last = rowStart[i + 1]; p < last; p++) {
    const e = rowOrder[p];
    if (edgeState[e] !== EDGE_FREE || colResidual[edgeCol[e]] === 0) continue;
    const score = edgeScore[e];
    if (size === keep && score < heapScore[0]) continue;
    size = offer(heap, 0, size, keep, score, tieBreak(i, edgeCol[e]), e);
  }
  return size;
}

/** Offers every unlocked pair of a row with room to its column's heap, in input order. */
function fillColumnHeaps(prepared: PreparedProblem, columns: ColumnHeaps): void {
  const { edgeRow, edgeCol, edgeScore, edgeState, rowResidual } = prepared;
  const { keep: colKeep, offset: colOffset, heap: colHeap, size: colSize } = columns;
  const heapScore = colHeap.score;
  for (let e = 0; e < edgeCol.length; e++) {
    const j = edgeCol[e];
    const keep = colKeep[j];
    if (keep === 0 || edgeState[e] === EDGE_LOCKED || rowResidual[edgeRow[e]] === 0) continue;
    const base = colOffset[j];
    const size = colSize[j];
    const score = edgeScore[e];
    if (size === keep && score < heapScore[base]) continue;
    colSize[j] = offer(colHeap, base, size, keep, score, tieBreak(edgeRow[e], j), e);
  }
}

/**
 * bestPairsOfRow and fillColumnHeaps's offers of the same row in one pass, for edges given row by
 * row (row i's edges are rowStart[i] .. rowStart[i+1] in input order, so the column heaps see the
 * same offers in the same order). While row i is read its edges are free or locked: only its own
 * pairs become candidates, after this pass.
 */
function bestPairsOfRowAndOfferToColumns(
  prepared: PreparedProblem,
  i: number,
  heap: BoundedHeap,
  columns: ColumnHeaps,
): number {
  const { rowStart, edgeCol, edgeScore, edgeState, rowResidual } = prepared;
  const { keep: colKeep, offset: colOffset, heap: colHeap, size: colSize } = columns;
  const keep = rowResidual[i] + SPARE_CANDIDATES;
  const heapScore = heap.score;
  const colHeapScore = colHeap.score;
  let size = 0;
  for (let e = rowStart[i], last = rowStart[i + 1]; e < last; e++) {
    if (edgeState[e] === EDGE_LOCKED) continue;
    const j = edgeCol[e];
    // A column without room keeps nothing (keep 0), and no row keeps a pair to it.
    const columnKeep = colKeep[j];
    if (columnKeep === 0) continue;
    const score = edgeScore[e];
    const base = colOffset[j];
    const toRow = !(size === keep && score < heapScore[0]);
    const toColumn = !(colSize[j] === columnKeep && score < colHeapScore[base]);
    if (!toRow && !toColumn) continue;
    const tie = tieBreak(i, j);
    if (toRow) size = offer(heap, 0, size, keep, score, tie, e);
    if (toColumn) colSize[j] = offer(colHeap, base, colSize[j], columnKeep, score, tie, e);
  }
  return size;
}

/** Parallel arrays of bounded min-heaps, ordered by score, then by a pseudo-random tie-breaker. */
interface BoundedHeap {
  readonly score: Float64Array;
  readonly tie: Int32Array;
  readonly edge: Int32Array;
}

/**
 * A pseudo-random order among equal scores. Scores are small integers with many ties; breaking
 * them by index would send every row's spare candidates to the same low-numbered columns.
 */
function tieBreak(row: number, col: number): number {
  return Math.imul(row ^ Math.imul(col, 0x2c1b3c6d), 0x297a2d39) ^ (col >>> 3);
}

/** Keeps the `keep` largest (score, tie) keys in the min-heap of `size` entries at `base`; returns the new size. */
function offer(
  heap: BoundedHeap,
  base: number,
  size: number,
  keep: number,
  score: number,
  tie: number,
  edge: number,
): number {
  const { score: heapScore, tie: heapTie, edge: heapEdge } = heap;
  let k: number;
  if (size < keep) {
    k = size++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      const parentScore = heapScore[base + parent];
      if (parentScore < score || (parentScore === score && heapTie[base + parent] <= tie)) break;
      heapScore[base + k] = parentScore;
      heapTie[base + k] = heapTie[base + parent];
      heapEdge[base + k] = heapEdge[base + parent];
      k = parent;
    }
  } else {
    const rootScore = heapScore[base];
    if (score < rootScore || (score === rootScore && tie <= heapTie[base])) return size;
    k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= size) break;
      const a = base + child;
      if (
        child + 1 < size &&
        (heapScore[a + 1] < heapScore[a] || (heapScore[a + 1] === heapScore[a] && heapTie[a + 1] < heapTie[a]))
      ) {
        child++;
      }
      const c = base + child;
      if (heapScore[c] > score || (heapScore[c] === score && heapTie[c] >= tie)) break;
      heapScore[base + k] = heapScore[c];
      heapTie[base + k] = heapTie[c];
      heapEdge[base + k] = heapEdge[c];
      k = child;
    }
  }
  heapScore[base + k] = score;
  heapTie[base + k] = tie;
  heapEdge[base + k] = edge;
  return size;
}

export interface CandidateNetwork {
  readonly network: FlowNetwork;
  /** Per arc: the edge (index into the prepared pairs) it stands for. */
  readonly arcEdge: Int32Array;
  /** Per arc: its index in the candidate set (stable from one network to the next). */
  readonly arcCandidate: Int32Array;
}

/** The flow network over the current candidates, in row-major CSR form (a counting sort of the candidates). */
export function buildNetwork(
  prepared: Pick<PreparedProblem, 'rows' | 'cols' | 'rowResidual' | 'colResidual' | 'rowFirstCost' | 'colFirstCost'>,
  candidates: CandidateSet,
): CandidateNetwork {
  const { rows, cols } = prepared;
  const { row, col, cost, edges } = candidates;
  const arcs = candidates.size;
  const arcStart = new Int32Array(rows + 1);
  for (let k = 0; k < arcs; k++) arcStart[row[k] + 1]++;
  for (let i = 0; i < rows; i++) arcStart[i + 1] += arcStart[i];
  const fill = arcStart.slice(0, rows);
  const arcCol = new Int32Array(arcs);
  const arcCost = new Float64Array(arcs);
  const arcEdge = new Int32Array(arcs);
  const arcCandidate = new Int32Array(arcs);
  for (let k = 0; k < arcs; k++) {
    const a = fill[row[k]]++;
    arcCol[a] = col[k];
    arcCost[a] = cost[k];
    arcEdge[a] = edges[k];
    arcCandidate[a] = k;
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
    arcCandidate,
  };
}

/**
 * Prices every free pair under `solution`'s potentials. When none has a negative reduced cost the
 * candidate optimum is optimal for all pairs, and 0 is returned. Otherwise each row's most negative
 * pairs (at most its residual capacity + SPARE_CANDIDATES) join the candidates: adding every
 * negative pair would bring in, for instance, all pairs between rows and columns that both have
 * room left, most of which the next optimum does not need.
 */
export function priceFreePairs(prepared: PreparedProblem, candidates: CandidateSet, solution: FlowSolution): number {
  const { rows, rowResidual } = prepared;
  let widest = 0;
  for (let i = 0; i < rows; i++) widest = Math.max(widest, rowResidual[i]);
  const heap: BoundedHeap = {
    score: new Float64Array(widest + SPARE_CANDIDATES + 1),
    tie: new Int32Array(widest + SPARE_CANDIDATES + 1),
    edge: new Int32Array(widest + SPARE_CANDIDATES + 1),
  };
  let added = 0;
  for (let i = 0; i < rows; i++) {
    const size = mostNegativePairsOfRow(prepared, i, solution, heap);
    for (let k = 0; k < size; k++) addCandidate(prepared, candidates, heap.edge[k]);
    added += size;
  }
  return added;
}

/** Leaves row i's free pairs of most negative reduced cost in `heap` (at 0), keyed by −reduced cost; returns how many. */
function mostNegativePairsOfRow(
  prepared: PreparedProblem,
  i: number,
  solution: FlowSolution,
  heap: BoundedHeap,
): number {
  const { rowStart, rowOrder, edgesInRowOrder, edgeCol, edgeScore, edgeState, scale, rowResidual } = prepared;
  const colPotential = solution.colPotential;
  // At least one, so that a row with no room left still brings in a pair that proves it must stay full.
  const keep = Math.max(1, rowResidual[i] + SPARE_CANDIDATES);
  const potential = solution.rowPotential[i];
  const heapScore = heap.score;
  // At scale 1 every free score is a whole number, its own scaled value.
  const wholeScores = scale === 1;
  let size = 0;
  for (let p = rowStart[i], last = rowStart[i + 1]; p < last; p++) {
    const e = edgesInRowOrder ? p : rowOrder[p];
    const score = edgeScore[e];
    const reducedCost = -(wholeScores ? score : Math.round(score * scale)) + potential - colPotential[edgeCol[e]];
    // Nearly every pair prices non-negative, so that test comes first: the state (a sixth of the
    // pairs are candidates, scattered) would be a branch mispredicted often.
    if (reducedCost >= 0 || edgeState[e] !== EDGE_FREE || (size === keep && -reducedCost < heapScore[0])) continue;
    size = offer(heap, 0, size, keep, -reducedCost, tieBreak(i, edgeCol[e]), e);
  }
  return size;
}
