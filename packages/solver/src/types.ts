// The public contract of @mentor-matcher/solver. The engine, the apps and the benchmarks code
// against these types; the wasm behind them may change freely.

/** A dense row-major matrix. `data.length` must equal `rows * cols`. */
export interface DenseMatrix {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

/** Costs as nested arrays (every inner array the same length) or a dense row-major matrix. */
export type CostInput = readonly (readonly number[])[] | DenseMatrix;

export interface LinearSumAssignmentOptions {
  /** Maximise the total instead of minimising it. Default false. */
  readonly maximize?: boolean;
}

/**
 * `min(rows, cols)` pairs sorted by row, like scipy.optimize.linear_sum_assignment.
 * A forbidden pair is `Infinity` when minimising and `-Infinity` when maximising.
 */
export interface AssignmentResult {
  readonly rowIndices: Int32Array;
  readonly colIndices: Int32Array;
  /** Sum of the chosen entries. */
  readonly total: number;
}

/**
 * Capacitated bipartite b-matching with coverage tiers ("as many rows as possible get at least
 * one partner, then as many columns, then the largest total score").
 *
 * Rows and columns are the two sides (the engine uses rows = mentees, cols = mentors). Every pair is
 * either given densely (`scores` + optional `eligible`) or sparsely as an edge list; pairs that are
 * absent or not eligible are never chosen.
 */
export interface CapacitatedProblem {
  readonly rows: number;
  readonly cols: number;
  /** Dense form: row-major `rows * cols` scores. */
  readonly scores?: Float64Array;
  /** Dense form: row-major `rows * cols`, 1 = the pair may be chosen. Omitted = every finite score is eligible. */
  readonly eligible?: Uint8Array;
  /** Sparse form (for large inputs): parallel arrays, one entry per eligible pair. */
  readonly edges?: {
    readonly row: Int32Array;
    readonly col: Int32Array;
    readonly score: Float64Array;
  };
  /**
   * Implicit form (for very large inputs): the solver asks the source for each row's and column's
   * best pairs and, after each exact solve, for the pairs that could still improve it, and never
   * holds every eligible pair. See CapacitatedPairSource.
   */
  readonly pairs?: CapacitatedPairSource;
  /** Per-row capacity (how many partners a row may have). */
  readonly rowCapacity: Int32Array;
  /** Per-column capacity. */
  readonly colCapacity: Int32Array;
  /** Pairs that must be in the result (they use capacity). Parallel arrays. */
  readonly locked?: { readonly row: Int32Array; readonly col: Int32Array };
  /**
   * Lexicographic objective, most important first, before the total score:
   * 'rows' = maximise rows with at least one partner, 'cols' = the same for columns.
   * Default ['rows', 'cols']; [] = total score only.
   */
  readonly coverage?: readonly ('rows' | 'cols')[];
}

/**
 * Eligible pairs described rather than listed: the source knows its pairs' structure (the engine's
 * classes of people with equal rule fields) and answers two questions without a pass over every
 * pair. The answer is exact when both questions are answered exactly.
 */
export interface CapacitatedPairSource {
  /** Every score an eligible pair can have (values no pair has are harmless): the scale and tier weights come from these. */
  readonly scores: ArrayLike<number>;
  /** How many eligible pairs there are; an upper bound will do. */
  readonly eligiblePairs: number;
  /** The score of a pair, or NaN when the pair may not be chosen. */
  score(row: number, col: number): number;
  /**
   * Each row with `keepRow[row] > 0` is offered up to that many of its highest-scoring pairs with a
   * column whose keep is > 0, and each such column likewise up to `keepCol[col]`: `add` is called
   * once per pair (a pair may come twice, once for its row and once for its column).
   */
  offerBest(keepRow: Int32Array, keepCol: Int32Array, add: (row: number, col: number, score: number) => void): void;
  /**
   * Offers `sink` every eligible pair whose gain, `round(score × scale) − rowPotential[row] +
   * colPotential[col]`, is above `sink.floor(row)` (a row's floor only rises while pricing). A pair
   * the sink already holds may be offered again.
   */
  offerImproving(prices: PairPrices, sink: ImprovingPairSink): void;
}

export interface PairPrices {
  readonly rowPotential: Float64Array;
  readonly colPotential: Float64Array;
  /** Scores are multiplied by this power of ten to be whole numbers. */
  readonly scale: number;
}

export interface ImprovingPairSink {
  /** The gain a pair of this row must exceed to be kept: 0 until the row has its fill, then its worst kept gain. */
  floor(row: number): number;
  offer(row: number, col: number, gain: number, score: number): void;
}

export interface CapacitatedResult {
  /** Chosen pairs, sorted by row then column. Locked pairs included. */
  readonly rowIndices: Int32Array;
  readonly colIndices: Int32Array;
  /** Sum of the chosen pairs' scores. */
  readonly total: number;
  readonly rowsCovered: number;
  readonly colsCovered: number;
  /**
   * Optimality certificate: dual potentials of the min-cost-flow model (CapacitatedFlowCertificate),
   * documented in docs/capacitated.md ("The certificate"), from which a test can check reduced-cost
   * optimality without trusting the solver.
   */
  readonly certificate: CapacitatedCertificate;
  /**
   * How much work the solve took. Always set by this package's solvers; optional so that other
   * implementations of `Solver` (test doubles) need not invent it.
   */
  readonly work?: CapacitatedWork;
}

/**
 * Counts of the solver's work, for tracking its performance: they depend only on the problem and
 * the algorithm, never on the machine or the run, and the wasm and its TypeScript twin report the
 * same (docs/capacitated.md, "Work counts").
 */
export interface CapacitatedWork {
  /**
   * Exact solves of a candidate subset. Each is followed by one pricing round over every other
   * eligible pair, so this is also the number of pricing rounds (the last one adds nothing).
   */
  readonly solves: number;
  /** Of those, how many started from the previous optimum (a warm start) rather than afresh. */
  readonly warmStarts: number;
  /**
   * Searches over all solves: one per capacity unit whose activation could improve the objective
   * (or, routed in phases, each Dijkstra search and each labelling of the whole network), plus on a
   * warm start one per excess routed alone or, in phases, the same two kinds.
   */
  readonly searches: number;
  /** Pairs in the last candidate subset (the arcs of the last exact solve). */
  readonly candidatePairs: number;
  /**
   * How many pairs the pricing rounds added to the first subset. With a pair source, candidates that
   * price out may also be dropped between rounds, so this can exceed candidatePairs.
   */
  readonly pricedPairs: number;
}

export interface CapacitatedCertificate {
  /**
   * The potentials per node and the cost model they refer to: CapacitatedFlowCertificate is its
   * shape, and docs/capacitated.md ("The certificate") states the conditions it proves.
   */
  readonly [key: string]: unknown;
}

export interface Solver {
  linearSumAssignment(costs: CostInput, options?: LinearSumAssignmentOptions): AssignmentResult;
  capacitatedAssignment(problem: CapacitatedProblem): CapacitatedResult;
}
