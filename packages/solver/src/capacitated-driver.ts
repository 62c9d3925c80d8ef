// The outer loop of the capacitated solver, shared by the wasm core and its TypeScript twin:
// validate → candidate subset → exact solve → price every other pair → repeat until pricing
// finds nothing → result with its certificate.
import { buildNetwork, priceFreePairs, selectCandidates } from './capacitated-candidates.js';
import { CapacitatedProblemError } from './capacitated-errors.js';
import type { FlowSolve, FlowSolution } from './capacitated-network.js';
import { prepareProblem, type PreparedProblem } from './capacitated-problem.js';
import type { CapacitatedProblem, CapacitatedResult, CapacitatedWork } from './types.js';

/**
 * Dual potentials proving the result optimal; docs/capacitated.md states the conditions they satisfy
 * and how to check them without trusting the solver.
 */
export type CapacitatedFlowCertificate = {
  readonly model: 'min-cost-circulation';
  /** Scores were multiplied by this power of ten; costs and potentials are in these scaled units. */
  readonly scale: number;
  /** Gain of a row's first partner (0 when 'rows' is not in coverage), scaled units. */
  readonly rowTierGain: number;
  /** Gain of a column's first partner (0 when 'cols' is not in coverage), scaled units. */
  readonly colTierGain: number;
  /** Potential of each row node; the hub's potential is 0. */
  readonly rowPotential: Float64Array;
  /** Potential of each column node. */
  readonly colPotential: Float64Array;
  /** How many exact solves pricing needed (1 = the first candidate subset was enough); also `work.solves`. */
  readonly solves: number;
};

export function solveCapacitatedWith(solve: FlowSolve, problem: CapacitatedProblem): CapacitatedResult {
  const prepared = prepareProblem(problem);
  const candidates = selectCandidates(prepared);
  const firstCandidates = candidates.size;
  let solves = 0;
  let warmStarts = 0;
  let searches = 0;
  // Per candidate, whether the last optimum chose it: the next, larger network can start from that flow.
  let chosen: Uint8Array = new Uint8Array(0);
  let rowUnits = 0;
  for (let i = 0; i < prepared.rows; i++) rowUnits += prepared.rowResidual[i];
  let previous: FlowSolution | undefined;
  for (;;) {
    const { network, arcEdge, arcCandidate } = buildNetwork(prepared, candidates);
    let warmStart: FlowSolution | undefined;
    if (previous !== undefined) {
      const arcFlow = gatherByArc(chosen, arcCandidate);
      warmStart = { arcFlow, rowPotential: previous.rowPotential, colPotential: previous.colPotential };
    }
    const solution = solve({ ...network, warmStart });
    solves++;
    if (warmStart !== undefined) warmStarts++;
    searches += solution.searches;
    checkPotentials(solution);
    chosen = scatterByCandidate(solution.arcFlow, arcCandidate);
    const added = priceFreePairs(prepared, candidates, solution);
    if (added === 0) {
      const work: CapacitatedWork = {
        solves,
        warmStarts,
        searches,
        candidatePairs: candidates.size,
        pricedPairs: candidates.size - firstCandidates,
      };
      return buildResult(prepared, arcEdge, solution, work);
    }
    // Every added pair has a negative reduced cost and costs one repair search on a warm start;
    // with more added pairs than half the row units, solving afresh was about as fast or faster
    // (measured at 2,000 and 5,000 on mentor-match-like data).
    previous = added * 2 <= rowUnits ? solution : undefined;
  }
}

/** Per arc, the flag of the candidate it stands for (0 for candidates added since `byCandidate` was made). */
export function gatherByArc(byCandidate: Uint8Array, arcCandidate: Int32Array): Uint8Array {
  const byArc = new Uint8Array(arcCandidate.length);
  for (let a = 0; a < arcCandidate.length; a++) {
    const k = arcCandidate[a];
    if (k < byCandidate.length) byArc[a] = byCandidate[k];
  }
  return byArc;
}

/** Per candidate (every candidate is an arc), the flag of its arc. */
export function scatterByCandidate(byArc: Uint8Array, arcCandidate: Int32Array): Uint8Array {
  const byCandidate = new Uint8Array(arcCandidate.length);
  for (let a = 0; a < arcCandidate.length; a++) byCandidate[arcCandidate[a]] = byArc[a];
  return byCandidate;
}

export function checkPotentials(solution: FlowSolution): void {
  for (const potentials of [solution.rowPotential, solution.colPotential]) {
    for (let k = 0; k < potentials.length; k++) {
      if (!Number.isSafeInteger(potentials[k])) {
        throw new CapacitatedProblemError(
          'objective-overflow',
          'scores',
          `a dual potential (${potentials[k]}) left the range of exact integers; round the scores to fewer decimal places`,
        );
      }
    }
  }
}

function buildResult(
  prepared: PreparedProblem,
  arcEdge: Int32Array,
  solution: FlowSolution,
  work: CapacitatedWork,
): CapacitatedResult {
  const { edgeRow, edgeCol, edgeScore, lockedEdges } = prepared;
  const chosen: number[] = Array.from(lockedEdges);
  for (let a = 0; a < arcEdge.length; a++) if (solution.arcFlow[a] !== 0) chosen.push(arcEdge[a]);
  chosen.sort((x, y) => edgeRow[x] - edgeRow[y] || edgeCol[x] - edgeCol[y]);
  const pairs = {
    row: Int32Array.from(chosen, (e) => edgeRow[e]),
    col: Int32Array.from(chosen, (e) => edgeCol[e]),
    score: Float64Array.from(chosen, (e) => edgeScore[e]),
  };
  return tieredResult(prepared, pairs, solution, work);
}

/** The result of chosen pairs (sorted by row, then column): totals, coverage and the certificate. */
export function tieredResult(
  tiers: {
    readonly rowResidual: Int32Array;
    readonly colResidual: Int32Array;
    readonly scale: number;
    readonly rowTierGain: number;
    readonly colTierGain: number;
  },
  pairs: { readonly row: Int32Array; readonly col: Int32Array; readonly score: Float64Array },
  solution: FlowSolution,
  work: CapacitatedWork,
): CapacitatedResult {
  const rowHit = new Uint8Array(tiers.rowResidual.length);
  const colHit = new Uint8Array(tiers.colResidual.length);
  let total = 0;
  let rowsCovered = 0;
  let colsCovered = 0;
  for (let k = 0; k < pairs.row.length; k++) {
    const i = pairs.row[k];
    const j = pairs.col[k];
    total += pairs.score[k];
    if (rowHit[i] === 0) rowsCovered++;
    if (colHit[j] === 0) colsCovered++;
    rowHit[i] = 1;
    colHit[j] = 1;
  }
  const certificate: CapacitatedFlowCertificate = {
    model: 'min-cost-circulation',
    scale: tiers.scale,
    rowTierGain: tiers.rowTierGain,
    colTierGain: tiers.colTierGain,
    rowPotential: solution.rowPotential,
    colPotential: solution.colPotential,
    solves: work.solves,
  };
  return { rowIndices: pairs.row, colIndices: pairs.col, total, rowsCovered, colsCovered, certificate, work };
}
