// linearSumAssignment: checks and copies the costs into wasm memory once, runs the LAPJV solver
// (assembly/lsap.ts) and maps its answer back to the caller's orientation and sign.
import { copyCosts, costAt, readCostShape, type CostShape } from './cost-matrix.js';
import { InfeasibleAssignmentError } from './errors.js';
import { maxCardinalityMatching } from './max-cardinality-matching.js';
import type { AssignmentResult, CostInput, LinearSumAssignmentOptions } from './types.js';
import { wasmFunction, wasmView, withWasmMemory, type SolverWasm } from './wasm-memory.js';

/**
 * An assignment with the dual potentials that prove it optimal. For every allowed pair
 * rowDuals[i] + colDuals[j] <= costs[i][j] when minimising (>= when maximising), with equality on
 * the chosen pairs; the duals of the longer side are <= 0 (>= 0 when maximising) and 0 on its
 * unassigned rows or columns. Then the total equals sum(rowDuals) + sum(colDuals), which bounds
 * every assignment's total (LP duality), so no other assignment is better.
 */
export interface AssignmentWithDuals extends AssignmentResult {
  readonly rowDuals: Float64Array;
  readonly colDuals: Float64Array;
}

type LsapSolve = (
  costs: number,
  rows: number,
  cols: number,
  col4rowOut: number,
  rowDualsOut: number,
  colDualsOut: number,
) => number;

const SOLVED = 0;

function readMaximize(options: LinearSumAssignmentOptions | undefined): boolean {
  const maximize = options?.maximize ?? false;
  if (typeof maximize !== 'boolean') {
    throw new TypeError(`options.maximize must be true or false, got ${String(maximize)}`);
  }
  return maximize;
}

export function linearSumAssignmentWithDuals(
  wasm: SolverWasm,
  costs: CostInput,
  options?: LinearSumAssignmentOptions,
): AssignmentWithDuals {
  const maximize = readMaximize(options);
  const shape = readCostShape(costs);
  const { rows, cols, transposed } = shape;
  // The solver's orientation: short side first.
  const inner = transposed ? cols : rows;
  const outer = transposed ? rows : cols;
  const solve = wasmFunction<LsapSolve>(wasm, 'lsapSolve');
  const solved = withWasmMemory(wasm, (scope) => {
    const costsPointer = scope.allocArray(Float64Array, inner * outer);
    const col4rowPointer = scope.allocArray(Int32Array, inner);
    const innerDualsPointer = scope.allocArray(Float64Array, inner);
    const outerDualsPointer = scope.allocArray(Float64Array, outer);
    copyCosts(costs, shape, maximize, wasmView(wasm, Float64Array, costsPointer, inner * outer));
    const status = solve(costsPointer, inner, outer, col4rowPointer, innerDualsPointer, outerDualsPointer);
    if (status !== SOLVED) {
      const allowed = wasmView(wasm, Float64Array, costsPointer, inner * outer);
      const assignable = maxCardinalityMatching(inner, outer, (i, j) => allowed[i * outer + j] !== Infinity);
      throw new InfeasibleAssignmentError(rows, cols, assignable);
    }
    return {
      col4row: scope.readI32(col4rowPointer, inner),
      innerDuals: scope.readF64(innerDualsPointer, inner),
      outerDuals: scope.readF64(outerDualsPointer, outer),
    };
  });
  const { col4row } = solved;
  let rowIndices: Int32Array;
  let colIndices: Int32Array;
  if (transposed) {
    // col4row maps each column to its row; sort the pairs by row.
    const colOfRow = new Int32Array(rows).fill(-1);
    for (let j = 0; j < cols; j++) colOfRow[col4row[j]] = j;
    rowIndices = new Int32Array(cols);
    colIndices = new Int32Array(cols);
    let k = 0;
    for (let i = 0; i < rows; i++) {
      if (colOfRow[i] < 0) continue;
      rowIndices[k] = i;
      colIndices[k] = colOfRow[i];
      k++;
    }
  } else {
    rowIndices = Int32Array.from({ length: rows }, (_, i) => i);
    colIndices = col4row;
  }
  const sign = maximize ? -1 : 1;
  const unsign = (duals: Float64Array) => duals.map((value) => sign * value + 0);
  return {
    rowIndices,
    colIndices,
    total: sumChosen(costs, shape, rowIndices, colIndices),
    rowDuals: unsign(transposed ? solved.outerDuals : solved.innerDuals),
    colDuals: unsign(transposed ? solved.innerDuals : solved.outerDuals),
  };
}

function sumChosen(costs: CostInput, shape: CostShape, rowIndices: Int32Array, colIndices: Int32Array): number {
  let total = 0;
  for (let k = 0; k < rowIndices.length; k++) total += costAt(costs, shape, rowIndices[k], colIndices[k]);
  return total;
}

export function linearSumAssignment(
  wasm: SolverWasm,
  costs: CostInput,
  options?: LinearSumAssignmentOptions,
): AssignmentResult {
  const { rowIndices, colIndices, total } = linearSumAssignmentWithDuals(wasm, costs, options);
  return { rowIndices, colIndices, total };
}
