// The flow network handed to the core algorithm (wasm, or its TypeScript twin): the candidate
// pairs in row-major CSR form plus what is left of each person's capacity. Plain typed arrays, so
// the same value crosses the wasm boundary unchanged.

export interface FlowNetwork {
  readonly rows: number;
  readonly cols: number;
  /** Row i's arcs are rowStart[i] .. rowStart[i+1]; length rows + 1. */
  readonly rowStart: Int32Array;
  /** Per arc: its column. */
  readonly arcCol: Int32Array;
  /** Per arc: integer cost (the scaled score, negated). */
  readonly arcCost: Float64Array;
  /** Capacity per row and column (after locked pairs). */
  readonly rowCapacity: Int32Array;
  readonly colCapacity: Int32Array;
  /** Cost of each row's (column's) first unit of capacity: minus its tier gain, or 0. Later units cost 0. */
  readonly rowFirstCost: Float64Array;
  readonly colFirstCost: Float64Array;
  /**
   * The previous optimum, on a network that had a subset of these arcs: its flow per arc of this
   * network and its potentials. The solve then only repairs what the new arcs change.
   */
  readonly warmStart?: FlowSolution;
}

export interface FlowSolution {
  /** Per arc: 1 when the pair is chosen. */
  readonly arcFlow: Uint8Array;
  /** Node potentials (the hub's is 0); see docs/capacitated.md for the optimality conditions. */
  readonly rowPotential: Float64Array;
  readonly colPotential: Float64Array;
}

/** The optimum of one exact solve, and how many shortest-path searches it took. */
export interface FlowSolveResult extends FlowSolution {
  /** Unit activations that searched, plus warm-start repairs: the same count in the wasm and its twin. */
  readonly searches: number;
}

/** One exact min-cost-flow solve of a candidate network. */
export type FlowSolve = (network: FlowNetwork) => FlowSolveResult;
