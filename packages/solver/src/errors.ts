// Errors of linearSumAssignment. Messages name the entry at fault so a person can fix the input.

/** The cost matrix cannot be solved as given: a NaN, a wrong-signed infinity, a bad shape. */
export class InvalidCostMatrixError extends Error {
  override readonly name = 'InvalidCostMatrixError';

  constructor(
    /** Where the fault is, e.g. `costs[3][7]`, `costs.data[12]` or `costs.rows`. */
    readonly path: string,
    message: string,
  ) {
    super(`${path} ${message}`);
  }
}

/** Forbidden pairs leave no assignment of `min(rows, cols)` pairs. */
export class InfeasibleAssignmentError extends Error {
  override readonly name = 'InfeasibleAssignmentError';

  constructor(
    readonly rows: number,
    readonly cols: number,
    /** The most pairs the allowed (finite) entries admit; fewer than `min(rows, cols)`. */
    readonly assignableRows: number,
  ) {
    const needed = Math.min(rows, cols);
    super(
      `no complete assignment: forbidden pairs let only ${assignableRows} of the ${rows} rows be assigned ` +
        `(a ${rows} × ${cols} matrix needs ${needed} pairs); allow more pairs, or remove the rows or columns that have none`,
    );
  }
}
