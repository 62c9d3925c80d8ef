// Turns a score matrix into the solver's capacitated problem. One place builds it, so that the
// optimal strategy and the coverage bound reported for `rounds` solve exactly the same model.
import type { CapacitatedProblem } from '@mentor-matcher/solver';
import type { PairIndex, ScoreMatrix } from '../model.js';
import { INELIGIBLE } from '../score-codes.js';

/**
 * The sparse `edges` form: only eligible pairs (a pair with a capacity-0 side never is; see
 * ScoreMatrix). At 10,000 × 10,000 with typical rules a small share of pairs is eligible, so the
 * solver's working set is that share rather than the dense 10^8 grid. The matrix's per-mentee counts
 * size the arrays exactly, and a row's scan stops at its last eligible pair; rows come out in order,
 * which keeps the solver's input, and so its result, deterministic.
 */
export function capacitatedProblem(
  matrix: ScoreMatrix,
  locked: readonly PairIndex[],
  coverage: readonly ('rows' | 'cols')[],
): CapacitatedProblem {
  const rows = matrix.mentees.length;
  const cols = matrix.mentors.length;
  const { eligibleCountByMentee } = matrix;
  let count = 0;
  for (let i = 0; i < rows; i++) count += eligibleCountByMentee[i];
  const edges = { row: new Int32Array(count), col: new Int32Array(count), score: new Float64Array(count) };
  let filled = 0;
  for (let i = 0; i < rows; i++) {
    if (eligibleCountByMentee[i] > 0) filled = appendRowEdges(matrix, i, eligibleCountByMentee[i], edges, filled);
  }
  return {
    rows,
    cols,
    edges,
    rowCapacity: Int32Array.from(matrix.mentees, (p) => p.capacity),
    colCapacity: Int32Array.from(matrix.mentors, (p) => p.capacity),
    locked: { row: Int32Array.from(locked, (p) => p.mentee), col: Int32Array.from(locked, (p) => p.mentor) },
    coverage,
  };
}

/** Appends mentee `row`'s `eligible` pairs from `at`; returns the next free place. A small function so that V8 optimises it once, not mid-loop. */
function appendRowEdges(
  matrix: ScoreMatrix,
  row: number,
  eligible: number,
  edges: { row: Int32Array; col: Int32Array; score: Float64Array },
  at: number,
): number {
  const { codes, scoreOfCode } = matrix;
  const cols = matrix.mentors.length;
  const base = row * cols;
  let k = at;
  for (let j = 0; j < cols && k < at + eligible; j++) {
    const code = codes[base + j];
    if (code === INELIGIBLE) continue;
    edges.row[k] = row;
    edges.col[k] = j;
    edges.score[k] = scoreOfCode[code];
    k++;
  }
  return k;
}
