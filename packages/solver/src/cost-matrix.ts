// Reading and checking the costs given to linearSumAssignment. Nested arrays are checked and copied
// into the solver's layout in one pass here; a Float64Array is copied into wasm memory in bulk and
// checked (and transposed) there (linear-sum-assignment.ts), and only the entry it rejects is
// described here. The checks are hand-written rather than a zod schema: they run once per entry of
// matrices with tens of millions of entries.
import { InvalidCostMatrixError } from './errors.js';
import type { CostInput, DenseMatrix } from './types.js';

export interface CostShape {
  readonly rows: number;
  readonly cols: number;
  /** The solver needs rows <= cols, so a taller matrix is copied transposed. */
  readonly transposed: boolean;
}

export function isDense(costs: CostInput): costs is DenseMatrix {
  return !Array.isArray(costs);
}

function checkDimension(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidCostMatrixError(path, `must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

/** The shape of `costs`, after checking that it is a matrix at all. */
export function readCostShape(costs: CostInput): CostShape {
  let rows: number;
  let cols: number;
  if (!isDense(costs)) {
    rows = costs.length;
    cols = rows === 0 ? 0 : rowOf(costs, 0).length;
    for (let i = 1; i < rows; i++) {
      const length = rowOf(costs, i).length;
      if (length !== cols) {
        throw new InvalidCostMatrixError(
          `costs[${i}]`,
          `has ${length} entries but costs[0] has ${cols}: every row needs the same number of columns`,
        );
      }
    }
  } else if (typeof costs === 'object' && costs !== null && costs.data instanceof Float64Array) {
    rows = checkDimension(costs.rows, 'costs.rows');
    cols = checkDimension(costs.cols, 'costs.cols');
    checkSize(rows, cols);
    if (costs.data.length !== rows * cols) {
      throw new InvalidCostMatrixError(
        'costs.data',
        `has ${costs.data.length} values but rows × cols = ${rows} × ${cols} = ${rows * cols}`,
      );
    }
  } else {
    throw new InvalidCostMatrixError(
      'costs',
      'must be an array of equal-length number arrays or { data: Float64Array, rows, cols }',
    );
  }
  checkSize(rows, cols);
  return { rows, cols, transposed: rows > cols };
}

/**
 * The most costs one solve holds: they are copied into one block of wasm memory, and the
 * AssemblyScript allocator's largest block is 2^30 bytes less a 16-byte header, at 8 bytes a cost.
 */
export const MAX_COST_ENTRIES = Math.floor((2 ** 30 - 16) / 8);

function checkSize(rows: number, cols: number): void {
  if (rows * cols > MAX_COST_ENTRIES) {
    throw new InvalidCostMatrixError(
      'costs',
      `has ${rows} × ${cols} = ${rows * cols} entries; the solver holds at most ${MAX_COST_ENTRIES} ` +
        '(1 GiB of 8-byte costs in wasm memory, e.g. 11,585 × 11,585)',
    );
  }
}

function rowOf(costs: readonly (readonly number[])[], i: number): readonly number[] {
  const row = costs[i];
  if (!Array.isArray(row)) throw new InvalidCostMatrixError(`costs[${i}]`, 'is not an array of numbers');
  return row;
}

/** Where entry (i, j) of the input lives, for messages. */
export function costPath(costs: CostInput, shape: CostShape, i: number, j: number): string {
  return isDense(costs) ? `costs.data[${i * shape.cols + j}] (row ${i}, column ${j})` : `costs[${i}][${j}]`;
}

/** Throws the InvalidCostMatrixError for entry (i, j), which the caller found invalid. */
export function rejectEntry(
  costs: CostInput,
  shape: CostShape,
  i: number,
  j: number,
  value: unknown,
  maximize: boolean,
): never {
  const path = costPath(costs, shape, i, j);
  if (typeof value !== 'number') throw new InvalidCostMatrixError(path, `is not a number (got ${typeof value})`);
  if (Number.isNaN(value)) throw new InvalidCostMatrixError(path, 'is NaN; every cost must be a number');
  const allowed = maximize ? '-Infinity when maximizing' : 'Infinity when minimizing';
  throw new InvalidCostMatrixError(path, `is ${value}; a forbidden pair is ${allowed}`);
}

/**
 * Copies nested-array `costs` into `target` (rows × cols, or cols × rows when transposed), negated
 * when maximizing so the solver always minimises, rejecting non-numbers, NaN and the infinity of
 * the wrong sign.
 */
export function copyNestedCosts(
  costs: readonly (readonly number[])[],
  shape: CostShape,
  maximize: boolean,
  target: Float64Array,
): void {
  const { rows, cols, transposed } = shape;
  const sign = maximize ? -1 : 1;
  for (let i = 0; i < rows; i++) {
    const row: ArrayLike<unknown> = costs[i];
    for (let j = 0; j < cols; j++) {
      const entry = row[j];
      const value = sign * (entry as number);
      // After the sign flip the only infinity allowed is +Infinity; NaN fails `value === value`.
      if (value !== value || value === -Infinity || typeof entry !== 'number') {
        rejectEntry(costs, shape, i, j, entry, maximize);
      }
      target[transposed ? j * rows + i : i * cols + j] = value;
    }
  }
}

/** Entry (i, j) of the input as given (not negated, not transposed). */
export function costAt(costs: CostInput, shape: CostShape, i: number, j: number): number {
  return isDense(costs) ? costs.data[i * shape.cols + j] : costs[i][j];
}
