// Errors of the capacitated solver. Each names the field, index and value at fault, so that the
// engine can pass the message on to a coordinator unchanged.

export type CapacitatedErrorCode =
  | 'invalid-size'
  | 'length-mismatch'
  | 'missing-scores'
  | 'index-out-of-range'
  | 'invalid-capacity'
  | 'nan-score'
  | 'infinite-score'
  | 'duplicate-pair'
  | 'locked-not-eligible'
  | 'locked-duplicate'
  | 'locked-over-capacity'
  | 'invalid-coverage'
  | 'score-precision'
  | 'objective-overflow';

/** The problem given to `capacitatedAssignment` cannot be solved as stated. */
export class CapacitatedProblemError extends Error {
  override readonly name = 'CapacitatedProblemError';

  constructor(
    readonly code: CapacitatedErrorCode,
    /** Where the fault is, e.g. `rowCapacity[3]` or `locked[0]`. */
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}
