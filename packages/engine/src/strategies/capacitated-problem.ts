// Turns a score matrix into the solver's capacitated problem. One place builds it, so that the
// optimal strategy and the coverage bound reported for `rounds` solve exactly the same model.
import type { CapacitatedProblem } from '@mentor-matcher/solver';
import type { PairIndex, ScoreMatrix } from '../model.js';
import { INELIGIBLE } from '../score-codes.js';

/**
 * The sparse `edges` form: only eligible pairs between people who can take a partner. At 10,000 ×
 * 10,000 with typical rules a small share of pairs is eligible, so the solver's working set is that
 * share rather than the dense 10^8 grid. Two passes (count, then fill) keep memory at exactly the
 * edge count; rows come out in order, which keeps the solver's input, and so its result, deterministic.
 */
export function capacitatedProblem(
  matrix: ScoreMatrix,
  locked: readonly PairIndex[],
  coverage: readonly ('rows' | 'cols')[],
): CapacitatedProblem {
  const rows = matrix.mentees.length;
  const cols = matrix.mentors.length;
  const rowCapacity = Int32Array.from(matrix.mentees, (p) => p.capacity);
  const colCapacity = Int32Array.from(matrix.mentors, (p) => p.capacity);
  const { codes, scoreOfCode } = matrix;
  let count = 0;
  for (let i = 0; i < rows; i++) {
    if (rowCapacity[i] === 0) continue;
    const base = i * cols;
    for (let j = 0; j < cols; j++) if (codes[base + j] !== INELIGIBLE && colCapacity[j] > 0) count++;
  }
  const edgeRow = new Int32Array(count);
  const edgeCol = new Int32Array(count);
  const edgeScore = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    if (rowCapacity[i] === 0) continue;
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      if (codes[base + j] !== INELIGIBLE && colCapacity[j] > 0) {
        edgeRow[k] = i;
        edgeCol[k] = j;
        edgeScore[k] = scoreOfCode[codes[base + j]];
        k++;
      }
    }
  }
  return {
    rows,
    cols,
    edges: { row: edgeRow, col: edgeCol, score: edgeScore },
    rowCapacity,
    colCapacity,
    locked: { row: Int32Array.from(locked, (p) => p.mentee), col: Int32Array.from(locked, (p) => p.mentor) },
    coverage,
  };
}
