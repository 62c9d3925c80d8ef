// The npm packages our assignment solver is compared with. Each gets the matrix in the input form it
// documents, converted once outside the timed region; versions are pinned in the root package.json.
import munkres from 'munkres';
import { minWeightAssign } from 'munkres-algorithm';
import { linearSumAssignment } from 'linear-sum-assignment';
import type { DenseMatrix } from '@mentor-matcher/solver';
import type { AssignmentAdapter, Assignment } from './adapter.js';

function toNestedArrays(matrix: DenseMatrix): number[][] {
  const nested: number[][] = [];
  for (let r = 0; r < matrix.rows; r++)
    nested.push(Array.from(matrix.data.subarray(r * matrix.cols, (r + 1) * matrix.cols)));
  return nested;
}

/** Row-indexed "column of row r, or a negative / null value when unassigned" arrays, as pairs. */
function pairsFromRowMap(rowToCol: ArrayLike<number | null>): Assignment {
  const rowIndices: number[] = [];
  const colIndices: number[] = [];
  for (let r = 0; r < rowToCol.length; r++) {
    const c = rowToCol[r];
    if (c !== null && c >= 0) {
      rowIndices.push(r);
      colIndices.push(c);
    }
  }
  return { rowIndices, colIndices };
}

export const munkresAdapter: AssignmentAdapter = {
  name: 'munkres',
  label: 'munkres 2.0.4',
  isOurs: false,
  prepare(matrix) {
    const costs = toNestedArrays(matrix);
    return {
      kind: 'in-process',
      solve() {
        const pairs = munkres(costs);
        return { rowIndices: pairs.map((p) => p[0]), colIndices: pairs.map((p) => p[1]) };
      },
    };
  },
};

export const munkresAlgorithmAdapter: AssignmentAdapter = {
  name: 'munkres-algorithm',
  label: 'munkres-algorithm 1.0.2',
  isOurs: false,
  prepare(matrix) {
    const weights = { data: matrix.data, shape: [matrix.rows, matrix.cols] };
    return {
      kind: 'in-process',
      solve() {
        const result = minWeightAssign(weights);
        return { ...pairsFromRowMap(result.assignments), reportedTotal: result.assignmentsWeight };
      },
    };
  },
};

export const linearSumAssignmentAdapter: AssignmentAdapter = {
  name: 'linear-sum-assignment',
  label: 'linear-sum-assignment 1.0.9',
  isOurs: false,
  prepare(matrix) {
    const rows: Float64Array[] = [];
    for (let r = 0; r < matrix.rows; r++) rows.push(matrix.data.subarray(r * matrix.cols, (r + 1) * matrix.cols));
    return {
      kind: 'in-process',
      solve() {
        // Its default is to maximise ("maximaze", sic).
        const result = linearSumAssignment(rows, { maximaze: false });
        return pairsFromRowMap(result.rowAssignments);
      },
    };
  },
};

export const npmPeerAdapters: readonly AssignmentAdapter[] = [
  munkresAdapter,
  munkresAlgorithmAdapter,
  linearSumAssignmentAdapter,
];
