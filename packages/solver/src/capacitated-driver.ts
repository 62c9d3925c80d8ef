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
    // Every added pair has a negative reduced cost and is an excess to route on a warm start; with
    // more added pairs than half the row units, solving afresh was about as fast or faster (measured
    // at 2,000 and 5,000 on mentor-match-like data, when each excess took a search of its own; from
    // 2,000 excesses the core now routes them in phases, not re-measured for listed pairs).
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
  const chosen = chosenEdgesInOrder(prepared, arcEdge, solution.arcFlow);
  const { edgeRow, edgeCol, edgeScore } = prepared;
  const pairs = {
    row: new Int32Array(chosen.length),
    col: new Int32Array(chosen.length),
    score: new Float64Array(chosen.length),
  };
  for (let k = 0; k < chosen.length; k++) {
    const e = chosen[k];
    pairs.row[k] = edgeRow[e];
    pairs.col[k] = edgeCol[e];
    pairs.score[k] = edgeScore[e];
  }
  return tieredResult(prepared, pairs, solution, work);
}

// buildResult's passes are functions of their own for the reason given in capacitated-problem.ts:
// a loop optimised mid-call left the code after it without type feedback, and buildResult was
// deoptimised on every call.

/**
 * The chosen edges (the locked ones and every arc with flow) sorted by row, then column: a counting
 * sort by row, then an insertion sort of each row's few edges by column (a row never lists a column
 * twice, so the order is total).
 */
function chosenEdgesInOrder(prepared: PreparedProblem, arcEdge: Int32Array, arcFlow: Uint8Array): Int32Array {
  const { rows, edgeRow, edgeCol, lockedEdges } = prepared;
  // rowStart[i] is first the count of row i, then the end of its edges, and then, after each is
  // placed from the end backwards, their start.
  const rowStart = new Int32Array(rows + 1);
  countChosenByRow(edgeRow, lockedEdges, arcEdge, arcFlow, rowStart);
  for (let i = 1; i < rows; i++) rowStart[i] += rowStart[i - 1];
  const total = rows === 0 ? 0 : rowStart[rows - 1];
  rowStart[rows] = total;
  const chosen = new Int32Array(total);
  placeChosenByRow(edgeRow, lockedEdges, arcEdge, arcFlow, rowStart, chosen);
  sortEachRowByColumn(rowStart, chosen, edgeCol);
  return chosen;
}

/** Per row i, at rowCount[i]: how many of its edges are chosen. */
function countChosenByRow(
  edgeRow: Int32Array,
  lockedEdges: Int32Array,
  arcEdge: Int32Array,
  arcFlow: Uint8Array,
  rowCount: Int32Array,
): void {
  for (let k = 0; k < lockedEdges.length; k++) rowCount[edgeRow[lockedEdges[k]]]++;
  for (let a = 0; a < arcEdge.length; a++) if (arcFlow[a] !== 0) rowCount[edgeRow[arcEdge[a]]]++;
}

/** Places each chosen edge just before its row's end in `rowEnd`, which it moves back by one. */
function placeChosenByRow(
  edgeRow: Int32Array,
  lockedEdges: Int32Array,
  arcEdge: Int32Array,
  arcFlow: Uint8Array,
  rowEnd: Int32Array,
  chosen: Int32Array,
): void {
  for (let k = 0; k < lockedEdges.length; k++) {
    const e = lockedEdges[k];
    chosen[--rowEnd[edgeRow[e]]] = e;
  }
  for (let a = 0; a < arcEdge.length; a++) {
    if (arcFlow[a] === 0) continue;
    const e = arcEdge[a];
    chosen[--rowEnd[edgeRow[e]]] = e;
  }
}

/** Sorts each row's edges chosen[rowStart[i] .. rowStart[i+1]) by column. */
function sortEachRowByColumn(rowStart: Int32Array, chosen: Int32Array, edgeCol: Int32Array): void {
  const rows = rowStart.length - 1;
  for (let i = 0; i < rows; i++) {
    for (let k = rowStart[i] + 1; k < rowStart[i + 1]; k++) {
      const e = chosen[k];
      const col = edgeCol[e];
      let m = k;
      for (; m > rowStart[i] && edgeCol[chosen[m - 1]] > col; m--) chosen[m] = chosen[m - 1];
      chosen[m] = e;
    }
  }
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
