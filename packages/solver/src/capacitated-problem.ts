// Validation and normalisation of a CapacitatedProblem into the integer flow model that
// capacitated.ts solves (see docs/capacitated.md for the model and why the weights are exact).
//
// Everything here is one pass (or a counting sort) over the eligible pairs: at 10,000 × 10,000 there
// are ~3·10^7 of them, so no per-pair objects, maps or sorts.
import { CapacitatedProblemError } from './capacitated-errors.js';
import type { CapacitatedProblem } from './types.js';

/** Edge states in `PreparedProblem.edgeState`. */
export const EDGE_FREE = 0;
export const EDGE_CANDIDATE = 1;
export const EDGE_LOCKED = 2;

/** The largest number of decimal places a score may have; beyond it the integer costs lose exactness. */
export const MAX_SCORE_DECIMALS = 9;

export interface PreparedProblem {
  readonly rows: number;
  readonly cols: number;
  /** Every eligible pair, as given (dense input is converted). */
  readonly edgeRow: Int32Array;
  readonly edgeCol: Int32Array;
  readonly edgeScore: Float64Array;
  /** EDGE_FREE, EDGE_CANDIDATE (in the current candidate network) or EDGE_LOCKED, per edge. */
  readonly edgeState: Uint8Array;
  /** Edge ids grouped by row: row i's edges are rowOrder[rowStart[i] .. rowStart[i+1]). */
  readonly rowStart: Int32Array;
  readonly rowOrder: Int32Array;
  /** The edges were given row by row (as the engine gives them): rowOrder is the identity. */
  readonly edgesInRowOrder: boolean;
  /** Edge ids of the locked pairs. */
  readonly lockedEdges: Int32Array;
  readonly rowLocked: Int32Array;
  readonly colLocked: Int32Array;
  /** Capacity left after the locked pairs. */
  readonly rowResidual: Int32Array;
  readonly colResidual: Int32Array;
  /** Scores are multiplied by `scale` (a power of ten) to make them exact integers. */
  readonly scale: number;
  /** When every free score is a whole number: the smallest and largest of them, 0 included; else null. */
  readonly wholeScores: { readonly min: number; readonly max: number } | null;
  /** Gain of a row's (column's) first partner, in scaled units; 0 when that tier is off. */
  readonly rowTierGain: number;
  readonly colTierGain: number;
  /** Cost (= −gain) of the first unit of each row's (column's) residual capacity: −tier gain, or 0 when a lock already covers it. */
  readonly rowFirstCost: Float64Array;
  readonly colFirstCost: Float64Array;
}

/** The integer cost of choosing edge `e`: its score, scaled and negated (the flow minimises cost). */
export function edgeCost(prepared: PreparedProblem, e: number): number {
  return -Math.round(prepared.edgeScore[e] * prepared.scale);
}

export function prepareProblem(problem: CapacitatedProblem): PreparedProblem {
  const { rows, cols } = problem;
  checkSize('rows', rows);
  checkSize('cols', cols);
  const coverage = readCoverage(problem.coverage);
  const rowCapacity = readCapacities('rowCapacity', problem.rowCapacity, rows);
  const colCapacity = readCapacities('colCapacity', problem.colCapacity, cols);
  const { edgeRow, edgeCol, edgeScore } = readEdges(problem);

  const edgeCount = edgeRow.length;
  const { rowStart, rowOrder, edgesInRowOrder } = groupByRow(rows, edgeRow);

  const edgeState = new Uint8Array(edgeCount);
  const { lockedEdges, rowLocked, colLocked } = readLocks(
    problem,
    rowStart,
    rowOrder,
    edgeCol,
    edgeState,
    rowCapacity,
    colCapacity,
  );

  const rowResidual = new Int32Array(rows);
  const colResidual = new Int32Array(cols);
  for (let i = 0; i < rows; i++) rowResidual[i] = rowCapacity[i] - rowLocked[i];
  for (let j = 0; j < cols; j++) colResidual[j] = colCapacity[j] - colLocked[j];

  // Whole-number scores (the usual case) need scale 1, found in the same pass as their range.
  const wholeRange = wholeScoreRange(edgeScore, edgeState);
  const scale = wholeRange === null ? findScale(edgeRow, edgeCol, edgeScore, edgeState) : 1;
  const { maxScaled, minScaled, freeEdges } = wholeRange ?? scaledRange(edgeScore, edgeState, scale);
  const { rowTierGain, colTierGain, rowFirstCost, colFirstCost } = tieredCosts({
    coverage,
    rowResidual,
    colResidual,
    rowLocked,
    colLocked,
    freePairs: freeEdges,
    maxScaled,
    minScaled,
    scale,
  });

  return {
    rows,
    cols,
    edgeRow,
    edgeCol,
    edgeScore,
    edgeState,
    rowStart,
    rowOrder,
    edgesInRowOrder,
    lockedEdges,
    rowLocked,
    colLocked,
    rowResidual,
    colResidual,
    scale,
    wholeScores: wholeRange === null ? null : { min: wholeRange.minScaled, max: wholeRange.maxScaled },
    rowTierGain,
    colTierGain,
    rowFirstCost,
    colFirstCost,
  };
}

/**
 * The tier gains for these capacities and scores, and each row's and column's first-unit cost:
 * minus its tier gain, or 0 when a lock already covers it.
 */
export function tieredCosts(sizes: {
  readonly coverage: { readonly rows: boolean; readonly cols: boolean };
  /** Capacity left after the locks. */
  readonly rowResidual: Int32Array;
  readonly colResidual: Int32Array;
  /** Locked pairs per row (column). */
  readonly rowLocked: Int32Array;
  readonly colLocked: Int32Array;
  readonly freePairs: number;
  readonly maxScaled: number;
  readonly minScaled: number;
  readonly scale: number;
}): { rowTierGain: number; colTierGain: number; rowFirstCost: Float64Array; colFirstCost: Float64Array } {
  const { rowResidual, colResidual, rowLocked, colLocked } = sizes;
  const rows = rowResidual.length;
  const cols = colResidual.length;
  let rowUnits = 0;
  let colUnits = 0;
  for (let i = 0; i < rows; i++) rowUnits += rowResidual[i];
  for (let j = 0; j < cols; j++) colUnits += colResidual[j];
  const { rowTierGain, colTierGain } = tierGains({ ...sizes, rows, cols, rowUnits, colUnits });
  const rowFirstCost = new Float64Array(rows);
  const colFirstCost = new Float64Array(cols);
  for (let i = 0; i < rows; i++) rowFirstCost[i] = rowLocked[i] > 0 ? 0 : -rowTierGain;
  for (let j = 0; j < cols; j++) colFirstCost[j] = colLocked[j] > 0 ? 0 : -colTierGain;
  return { rowTierGain, colTierGain, rowFirstCost, colFirstCost };
}

/**
 * The gains of a row's and a column's first partner, in scaled units, and the check that the integer
 * objective stays exact in f64 (docs/capacitated.md, "Exactness").
 */
export function tierGains(sizes: {
  readonly rows: number;
  readonly cols: number;
  readonly coverage: { readonly rows: boolean; readonly cols: boolean };
  readonly rowUnits: number;
  readonly colUnits: number;
  /** Pairs that are eligible and not locked (an upper bound will do). */
  readonly freePairs: number;
  /** The largest and smallest scaled score, 0 included. */
  readonly maxScaled: number;
  readonly minScaled: number;
  readonly scale: number;
}): { rowTierGain: number; colTierGain: number } {
  const { rows, cols, coverage, maxScaled, minScaled, scale } = sizes;
  // Any two flows differ in total score by at most scoreSpan, so a tier gain above it can never be
  // outweighed by scores, and the row gain likewise dominates every column-and-score difference.
  const maxPairs = Math.min(sizes.rowUnits, sizes.colUnits, sizes.freePairs);
  const scoreSpan = maxPairs * (maxScaled - minScaled);
  const colTierGain = coverage.cols ? scoreSpan + 1 : 0;
  const rowTierGain = coverage.rows ? colTierGain * cols + scoreSpan + 1 : 0;
  const maxAbsScaled = Math.max(maxScaled, -minScaled);
  // The solve's numbers are potentials, reduced costs and search distances, never the objective's
  // total: each is within a few times the cost of the longest simple path, one row gain, one column
  // gain and a score per person (docs/capacitated.md, "Why the weights are exact").
  const longestPath = rowTierGain + colTierGain + (rows + cols + 2) * maxAbsScaled;
  const magnitude = 8 * longestPath;
  if (!(magnitude <= Number.MAX_SAFE_INTEGER)) {
    throw new CapacitatedProblemError(
      'objective-overflow',
      'scores',
      `the scores need ${Math.round(Math.log10(scale))} decimal place(s) and the problem is too large for the ` +
        `solver's exact integer arithmetic (bound ${magnitude} > 2^53); round the scores to fewer decimal places`,
    );
  }
  return { rowTierGain, colTierGain };
}

// The passes over every pair are separate small functions: V8 optimises a hot loop in the middle of a
// long function (on-stack replacement) before the code after it has run, and then throws that code
// away at the first statement it has no type feedback for; on the engine's 500 × 500 problems that
// kept the fourth call of prepareProblem two to ten times slower than the steady state.

/** A counting sort of the edges by row: row i's edges are rowOrder[rowStart[i] .. rowStart[i+1]), in input order. */
function groupByRow(
  rows: number,
  edgeRow: Int32Array,
): { rowStart: Int32Array; rowOrder: Int32Array; edgesInRowOrder: boolean } {
  const edgeCount = edgeRow.length;
  const rowStart = new Int32Array(rows + 1);
  const rowOrder = new Int32Array(edgeCount);
  const edgesInRowOrder = startsOfOrderedRows(edgeRow, rowStart);
  if (edgesInRowOrder) {
    for (let e = 0; e < edgeCount; e++) rowOrder[e] = e;
  } else {
    rowStart.fill(0);
    for (let e = 0; e < edgeCount; e++) rowStart[edgeRow[e] + 1]++;
    for (let i = 0; i < rows; i++) rowStart[i + 1] += rowStart[i];
    const fill = rowStart.slice(0, rows);
    for (let e = 0; e < edgeCount; e++) rowOrder[fill[edgeRow[e]]++] = e;
  }
  return { rowStart, rowOrder, edgesInRowOrder };
}

/**
 * Whether the edges are given row by row; if so, each row's start in `rowStart` (length rows + 1),
 * found where the row changes. Counting instead would add to the same row's count edge after edge,
 * each addition waiting for the one before.
 */
function startsOfOrderedRows(edgeRow: Int32Array, rowStart: Int32Array): boolean {
  const rows = rowStart.length - 1;
  let previousRow = 0;
  for (let e = 0; e < edgeRow.length; e++) {
    const i = edgeRow[e];
    if (i === previousRow) continue;
    if (i < previousRow) return false;
    for (let r = previousRow + 1; r <= i; r++) rowStart[r] = e;
    previousRow = i;
  }
  for (let r = previousRow + 1; r <= rows; r++) rowStart[r] = edgeRow.length;
  return true;
}

/** scaledRange at scale 1 when every free score is a safe integer (then findScale returns 1), else null. */
function wholeScoreRange(
  edgeScore: Float64Array,
  edgeState: Uint8Array,
): { maxScaled: number; minScaled: number; freeEdges: number } | null {
  let maxScaled = 0;
  let minScaled = 0;
  let freeEdges = 0;
  for (let e = 0; e < edgeScore.length; e++) {
    if (edgeState[e] === EDGE_LOCKED) continue;
    const score = edgeScore[e];
    if (!Number.isSafeInteger(score)) return null;
    if (score > maxScaled) maxScaled = score;
    if (score < minScaled) minScaled = score;
    freeEdges++;
  }
  return { maxScaled, minScaled, freeEdges };
}

/** The largest and smallest scaled score (0 included) and the number of free pairs. */
function scaledRange(
  edgeScore: Float64Array,
  edgeState: Uint8Array,
  scale: number,
): { maxScaled: number; minScaled: number; freeEdges: number } {
  let maxScaled = 0;
  let minScaled = 0;
  let freeEdges = 0;
  for (let e = 0; e < edgeScore.length; e++) {
    if (edgeState[e] === EDGE_LOCKED) continue;
    const scaled = Math.round(edgeScore[e] * scale);
    if (scaled > maxScaled) maxScaled = scaled;
    if (scaled < minScaled) minScaled = scaled;
    freeEdges++;
  }
  return { maxScaled, minScaled, freeEdges };
}

export function checkSize(path: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new CapacitatedProblemError('invalid-size', path, `expected a whole number ≥ 0, got ${value}`);
  }
}

export function readCoverage(coverage: CapacitatedProblem['coverage']): { rows: boolean; cols: boolean } {
  const tiers = coverage ?? ['rows', 'cols'];
  tiers.forEach((tier, index) => {
    if (tier !== 'rows' && tier !== 'cols') {
      throw new CapacitatedProblemError(
        'invalid-coverage',
        `coverage[${index}]`,
        `expected 'rows' or 'cols', got ${String(tier)}`,
      );
    }
  });
  if (tiers.length === 2 && tiers[0] === 'cols' && tiers[1] === 'rows') {
    throw new CapacitatedProblemError(
      'invalid-coverage',
      'coverage',
      "rows always come before columns: use ['rows', 'cols']",
    );
  }
  return { rows: tiers.includes('rows'), cols: tiers.includes('cols') };
}

export function readCapacities(path: string, capacities: ArrayLike<number> | undefined, expected: number): Int32Array {
  if (capacities === undefined || capacities.length !== expected) {
    throw new CapacitatedProblemError(
      'length-mismatch',
      path,
      `expected ${expected} capacities (one per ${path === 'rowCapacity' ? 'row' : 'column'}), got ${capacities?.length ?? 'none'}`,
    );
  }
  const result = new Int32Array(expected);
  for (let k = 0; k < expected; k++) {
    const value = capacities[k];
    if (!Number.isInteger(value) || value < 0) {
      throw new CapacitatedProblemError(
        'invalid-capacity',
        `${path}[${k}]`,
        `a capacity must be a whole number ≥ 0, got ${value}`,
      );
    }
    result[k] = value;
  }
  return result;
}

function readEdges(problem: CapacitatedProblem): { edgeRow: Int32Array; edgeCol: Int32Array; edgeScore: Float64Array } {
  const { rows, cols } = problem;
  if (problem.edges !== undefined) {
    const { row, col, score } = problem.edges;
    if (col.length !== row.length || score.length !== row.length) {
      throw new CapacitatedProblemError(
        'length-mismatch',
        'edges',
        `edges.row, edges.col and edges.score must have the same length, got ${row.length}, ${col.length} and ${score.length}`,
      );
    }
    const typed = row instanceof Int32Array && col instanceof Int32Array && score instanceof Float64Array;
    // The detailed checks run only when the quick pass finds a fault (to name the first one) or
    // the arrays are not typed.
    if (!typed || !typedEdgesValid(row, col, score, rows, cols)) checkEdges(row, col, score, rows, cols);
    // The caller's arrays are read, never written, so they are used as they are (a copy would cost
    // ~0.5 GB at 10,000 × 10,000).
    return {
      edgeRow: row instanceof Int32Array ? row : Int32Array.from(row),
      edgeCol: col instanceof Int32Array ? col : Int32Array.from(col),
      edgeScore: score instanceof Float64Array ? score : Float64Array.from(score),
    };
  }
  const { scores, eligible } = problem;
  if (scores === undefined) {
    throw new CapacitatedProblemError(
      'missing-scores',
      'scores',
      'give either the dense form (scores, eligible) or the sparse form (edges)',
    );
  }
  const cells = rows * cols;
  if (scores.length !== cells) {
    throw new CapacitatedProblemError(
      'length-mismatch',
      'scores',
      `expected rows × cols = ${cells} scores, got ${scores.length}`,
    );
  }
  if (eligible !== undefined && eligible.length !== cells) {
    throw new CapacitatedProblemError(
      'length-mismatch',
      'eligible',
      `expected rows × cols = ${cells} flags, got ${eligible.length}`,
    );
  }
  let count = 0;
  for (let k = 0; k < cells; k++) {
    const isEligible = eligible === undefined ? !isForbidden(scores[k]) : eligible[k] !== 0;
    if (isEligible) count++;
  }
  const edgeRow = new Int32Array(count);
  const edgeCol = new Int32Array(count);
  const edgeScore = new Float64Array(count);
  let e = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const k = i * cols + j;
      const isEligible = eligible === undefined ? !isForbidden(scores[k]) : eligible[k] !== 0;
      if (!isEligible) continue;
      checkScore('scores', k, scores[k], i, j);
      edgeRow[e] = i;
      edgeCol[e] = j;
      edgeScore[e] = scores[k];
      e++;
    }
  }
  return { edgeRow, edgeCol, edgeScore };
}

function checkEdges(
  row: ArrayLike<number>,
  col: ArrayLike<number>,
  score: ArrayLike<number>,
  rows: number,
  cols: number,
): void {
  for (let e = 0; e < row.length; e++) {
    if (!(row[e] >= 0 && row[e] < rows && Number.isInteger(row[e]))) {
      throw new CapacitatedProblemError(
        'index-out-of-range',
        `edges.row[${e}]`,
        `expected a row index in 0..${rows - 1}, got ${row[e]}`,
      );
    }
    if (!(col[e] >= 0 && col[e] < cols && Number.isInteger(col[e]))) {
      throw new CapacitatedProblemError(
        'index-out-of-range',
        `edges.col[${e}]`,
        `expected a column index in 0..${cols - 1}, got ${col[e]}`,
      );
    }
    checkScore('edges.score', e, score[e], row[e], col[e]);
  }
}

/** Whether every edge is in range with a finite score (Int32Array entries are integers by type). */
function typedEdgesValid(row: Int32Array, col: Int32Array, score: Float64Array, rows: number, cols: number): boolean {
  for (let e = 0; e < row.length; e++) {
    const s = score[e];
    // s − s is NaN exactly when s is NaN or ±Infinity.
    if (row[e] >>> 0 >= rows || col[e] >>> 0 >= cols || s - s !== 0) return false;
  }
  return true;
}

/** Without an `eligible` mask, ±Infinity marks a forbidden pair; NaN is never a forbidden marker. */
function isForbidden(score: number): boolean {
  return score === Infinity || score === -Infinity;
}

/** Takes the path in pieces so that the hot loop builds no string unless it throws. */
function checkScore(field: string, index: number, score: number, row: number, col: number): void {
  if (Number.isFinite(score)) return;
  const path = `${field}[${index}]`;
  if (Number.isNaN(score)) {
    throw new CapacitatedProblemError(
      'nan-score',
      path,
      `the score of row ${row}, column ${col} is NaN; every eligible pair needs a number`,
    );
  }
  throw new CapacitatedProblemError(
    'infinite-score',
    path,
    `the score of row ${row}, column ${col} is ${score}; mark a forbidden pair as not eligible instead`,
  );
}

function readLocks(
  problem: CapacitatedProblem,
  rowStart: Int32Array,
  rowOrder: Int32Array,
  edgeCol: Int32Array,
  edgeState: Uint8Array,
  rowCapacity: Int32Array,
  colCapacity: Int32Array,
): { lockedEdges: Int32Array; rowLocked: Int32Array; colLocked: Int32Array } {
  const { rows, cols } = problem;
  // One stamp per column lets each row look up its pairs, and spot duplicates, in O(degree).
  const colStamp = new Int32Array(cols).fill(-1);
  const colEdge = new Int32Array(cols);
  const locked = problem.locked;
  const lockCount = locked === undefined ? 0 : locked.row.length;
  if (locked !== undefined && locked.col.length !== lockCount) {
    throw new CapacitatedProblemError(
      'length-mismatch',
      'locked',
      `locked.row and locked.col must have the same length, got ${lockCount} and ${locked.col.length}`,
    );
  }
  const lockStart = new Int32Array(rows + 1);
  for (let k = 0; k < lockCount; k++) {
    const row = locked!.row[k];
    const col = locked!.col[k];
    if (!(row >= 0 && row < rows && Number.isInteger(row))) {
      throw new CapacitatedProblemError(
        'index-out-of-range',
        `locked.row[${k}]`,
        `expected a row index in 0..${rows - 1}, got ${row}`,
      );
    }
    if (!(col >= 0 && col < cols && Number.isInteger(col))) {
      throw new CapacitatedProblemError(
        'index-out-of-range',
        `locked.col[${k}]`,
        `expected a column index in 0..${cols - 1}, got ${col}`,
      );
    }
    lockStart[row + 1]++;
  }
  for (let i = 0; i < rows; i++) lockStart[i + 1] += lockStart[i];
  const lockOrder = new Int32Array(lockCount);
  const fill = lockStart.slice(0, rows);
  for (let k = 0; k < lockCount; k++) lockOrder[fill[locked!.row[k]]++] = k;

  const lockedEdges = new Int32Array(lockCount);
  const rowLocked = new Int32Array(rows);
  const colLocked = new Int32Array(cols);
  let lockedSoFar = 0;
  // A duplicate pair is reported after the locks of the rows before it, as one pass row by row would.
  const duplicateRow = firstRowWithDuplicate(rowStart, rowOrder, edgeCol, colStamp);
  const checkedRows = duplicateRow < 0 ? rows : duplicateRow;
  for (let i = 0; i < checkedRows; i++) {
    if (lockStart[i] === lockStart[i + 1]) continue;
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
      const e = rowOrder[p];
      colStamp[edgeCol[e]] = i;
      colEdge[edgeCol[e]] = e;
    }
    for (let p = lockStart[i]; p < lockStart[i + 1]; p++) {
      const k = lockOrder[p];
      const j = locked!.col[k];
      if (colStamp[j] !== i) {
        throw new CapacitatedProblemError(
          'locked-not-eligible',
          `locked[${k}]`,
          `row ${i}, column ${j} is locked but not an eligible pair`,
        );
      }
      const e = colEdge[j];
      if (edgeState[e] === EDGE_LOCKED) {
        throw new CapacitatedProblemError('locked-duplicate', `locked[${k}]`, `row ${i}, column ${j} is locked twice`);
      }
      edgeState[e] = EDGE_LOCKED;
      lockedEdges[lockedSoFar++] = e;
      rowLocked[i]++;
      colLocked[j]++;
    }
    if (rowLocked[i] > rowCapacity[i]) {
      throw new CapacitatedProblemError(
        'locked-over-capacity',
        `rowCapacity[${i}]`,
        `row ${i} is locked to ${rowLocked[i]} partners but its capacity is ${rowCapacity[i]}`,
      );
    }
  }
  if (duplicateRow >= 0) throwDuplicatePair(duplicateRow, rowStart, rowOrder, edgeCol, colStamp.length);
  for (let j = 0; j < cols; j++) {
    if (colLocked[j] > colCapacity[j]) {
      throw new CapacitatedProblemError(
        'locked-over-capacity',
        `colCapacity[${j}]`,
        `column ${j} is locked to ${colLocked[j]} partners but its capacity is ${colCapacity[j]}`,
      );
    }
  }
  return { lockedEdges, rowLocked, colLocked };
}

/** The first row that lists a column twice, or −1; `colStamp` (filled with −1) is scratch. */
function firstRowWithDuplicate(
  rowStart: Int32Array,
  rowOrder: Int32Array,
  edgeCol: Int32Array,
  colStamp: Int32Array,
): number {
  const rows = rowStart.length - 1;
  for (let i = 0; i < rows; i++) {
    for (let p = rowStart[i], last = rowStart[i + 1]; p < last; p++) {
      const j = edgeCol[rowOrder[p]];
      if (colStamp[j] === i) return i;
      colStamp[j] = i;
    }
  }
  return -1;
}

function throwDuplicatePair(
  row: number,
  rowStart: Int32Array,
  rowOrder: Int32Array,
  edgeCol: Int32Array,
  cols: number,
): never {
  const firstEdge = new Int32Array(cols).fill(-1);
  for (let p = rowStart[row]; p < rowStart[row + 1]; p++) {
    const e = rowOrder[p];
    const j = edgeCol[e];
    if (firstEdge[j] >= 0) {
      throw new CapacitatedProblemError(
        'duplicate-pair',
        `edges[${e}]`,
        `row ${row}, column ${j} is listed twice (also as edges[${firstEdge[j]}])`,
      );
    }
    firstEdge[j] = e;
  }
  throw new Error(`row ${row} was found to list a column twice, but does not`);
}

/**
 * The smallest power of ten that turns every free pair's score into an exact integer: the decimal
 * with that many places whose nearest double is the score (0.1 → 1 at scale 10).
 */
function findScale(edgeRow: Int32Array, edgeCol: Int32Array, edgeScore: Float64Array, edgeState: Uint8Array): number {
  let decimals = 0;
  let scale = 1;
  for (let e = 0; e < edgeScore.length; e++) {
    if (edgeState[e] === EDGE_LOCKED) continue;
    const score = edgeScore[e];
    while (!representsExactly(score, scale)) {
      decimals++;
      if (decimals > MAX_SCORE_DECIMALS) {
        throw new CapacitatedProblemError(
          'score-precision',
          `score of row ${edgeRow[e]}, column ${edgeCol[e]}`,
          `${score} has more than ${MAX_SCORE_DECIMALS} decimal places (or is too large); round the scores so the optimum is exact`,
        );
      }
      scale = 10 ** decimals;
    }
  }
  return scale;
}

export function representsExactly(score: number, scale: number): boolean {
  const scaled = Math.round(score * scale);
  return Number.isSafeInteger(scaled) && scaled / scale === score;
}
