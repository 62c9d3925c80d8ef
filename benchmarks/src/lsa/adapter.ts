// What the assignment suite needs from a solver: turn a cost matrix into the solver's own input once
// (outside the timed region), then solve it as often as the timer asks.
import type { DenseMatrix } from '@mentor-matcher/solver';

/** Pairs as the solver returned them; the harness checks and totals them itself. */
export interface Assignment {
  readonly rowIndices: ArrayLike<number>;
  readonly colIndices: ArrayLike<number>;
  /** The total the solver claims, where it reports one. */
  readonly reportedTotal?: number;
}

/** A solver run in this process: the timer calls `solve` repeatedly. */
export interface InProcessSolve {
  readonly kind: 'in-process';
  solve(): Assignment;
}

/** A solver in another process (scipy) that times itself and reports its samples. */
export interface ExternalSolve {
  readonly kind: 'external';
  run(repetitions: number): { readonly samplesMs: readonly number[]; readonly assignment: Assignment };
}

export type PreparedSolve = InProcessSolve | ExternalSolve;

export interface AssignmentAdapter {
  /** Short key used in JSON and charts, e.g. "munkres". */
  readonly name: string;
  /** Name and version for tables, e.g. "munkres 2.0.4". */
  readonly label: string;
  /** Our own solver is the one every ratio is taken against. */
  readonly isOurs: boolean;
  /** Costs are minimised; a forbidden pair is Infinity. */
  prepare(matrix: DenseMatrix): PreparedSolve;
}
