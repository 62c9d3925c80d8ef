// The capacitated solve for a problem given as a pair source (CapacitatedPairSource) instead of a
// list of every eligible pair. The loop is the one in capacitated-driver.ts (candidate subset →
// exact solve → pricing → repeat), but the source chooses the first candidates and finds the pairs
// that price out, so memory grows with the people and the candidates, never with the pairs: at
// 100,000 a side there are 10^10 pairs and a few million candidates.
import { SPARE_CANDIDATES, candidateSetOfCapacity, growCandidateSet } from './capacitated-candidates.js';
import type { CandidateSet } from './capacitated-candidates.js';
import { checkPotentials, tieredResult } from './capacitated-driver.js';
import { CapacitatedProblemError } from './capacitated-errors.js';
import type { FlowNetwork, FlowSolution, FlowSolve } from './capacitated-network.js';
import {
  MAX_SCORE_DECIMALS,
  checkSize,
  readCapacities,
  readCoverage,
  representsExactly,
  tieredCosts,
} from './capacitated-problem.js';
import type {
  CapacitatedPairSource,
  CapacitatedProblem,
  CapacitatedResult,
  CapacitatedWork,
  ImprovingPairSink,
} from './types.js';

/**
 * Each person's first candidates beyond their capacity, when a source gives them. More than the
 * listed form's 12: a source's candidates are drawn among many equal scores, and with 12 the first
 * solve of the engine's classes was 0.3% (10,000 a side) to 1.7% (100,000) below the optimum, which
 * took up to 17 rounds to close. With 30 (mentor-match-optimal, class path): 10,000 a side 1.9 →
 * 1.76 s, 30,000 22–27 → 17 s (8 rounds), 100,000 296 s for the solve with 1.8 GB peak.
 */
export const SOURCE_SPARE_CANDIDATES = 30;

/**
 * A set of (row, col) pairs: open addressing on row × cols + col. The keys take 4 bytes each when
 * every key fits (rows × cols < 2^31), else 8 (exact below 2^53): at 10,000 a side the table is
 * 4 MB rather than 16, and its random probes were a fifth of choosing the first candidates.
 */
export class PairSet {
  private keys: Int32Array | Float64Array;
  private readonly narrow: boolean;
  private count = 0;

  constructor(
    rows: number,
    private readonly cols: number,
    expected = 1024,
  ) {
    this.narrow = rows * cols < 2 ** 31;
    this.keys = this.table(2 ** Math.ceil(Math.log2(Math.max(16, expected * 1.5))));
  }

  private table(length: number): Int32Array | Float64Array {
    return (this.narrow ? new Int32Array(length) : new Float64Array(length)).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  has(row: number, col: number): boolean {
    const key = row * this.cols + col;
    return this.keys[this.slotOf(key)] === key;
  }

  /** Adds the pair; false when it was there already. */
  add(row: number, col: number): boolean {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const key = row * this.cols + col;
    const at = this.slotOf(key);
    if (this.keys[at] === key) return false;
    this.keys[at] = key;
    this.count++;
    return true;
  }

  /** Removes the pair; false when it was not there. */
  delete(row: number, col: number): boolean {
    const key = row * this.cols + col;
    const keys = this.keys;
    const mask = keys.length - 1;
    let hole = this.slotOf(key);
    if (keys[hole] !== key) return false;
    // Backward shift: each later key of the run moves into the hole unless its home slot lies
    // cyclically after the hole (then it must stay where a search from its home finds it).
    for (let next = (hole + 1) & mask; keys[next] !== -1; next = (next + 1) & mask) {
      const home = hashSlot(keys[next], mask);
      const homeAfterHole = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (homeAfterHole) continue;
      keys[hole] = keys[next];
      hole = next;
    }
    keys[hole] = -1;
    this.count--;
    return true;
  }

  /** Where `key` is held, or else the empty slot where its search ends (linear probing). */
  private slotOf(key: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    let at = hashSlot(key, mask);
    while (keys[at] !== key && keys[at] !== -1) at = (at + 1) & mask;
    return at;
  }

  private grow(): void {
    const old = this.keys;
    this.keys = this.table(old.length * 2);
    // Indexed, not for…of: the iterator boxed every key (58 MB of garbage at 10,000 a side).
    for (let k = 0; k < old.length; k++) {
      const key = old[k];
      if (key !== -1) this.keys[this.slotOf(key)] = key;
    }
  }
}

function hashSlot(key: number, mask: number): number {
  const low = (key % 0x100000000) | 0;
  const high = Math.floor(key / 0x100000000) | 0;
  return (Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1) >>> 7) & mask;
}

/**
 * Per row, the `keep[row]` offered pairs of largest gain (a bounded min-heap per row in one block).
 * Among equal gains the first offered stays, so the result depends only on the source's order.
 */
class RowHeaps implements ImprovingPairSink {
  readonly size: Int32Array;
  private readonly offset: Float64Array;
  private readonly gain: Float64Array;
  private readonly col: Int32Array;
  private readonly score: Float64Array;

  constructor(
    private readonly keep: Int32Array,
    private readonly taken: PairSet,
  ) {
    const rows = keep.length;
    this.size = new Int32Array(rows);
    this.offset = new Float64Array(rows + 1);
    for (let i = 0; i < rows; i++) this.offset[i + 1] = this.offset[i] + keep[i];
    this.gain = new Float64Array(this.offset[rows]);
    this.col = new Int32Array(this.offset[rows]);
    this.score = new Float64Array(this.offset[rows]);
  }

  floor(row: number): number {
    return this.size[row] < this.keep[row] ? 0 : this.gain[this.offset[row]];
  }

  offer(row: number, col: number, gain: number, score: number): void {
    const keep = this.keep[row];
    const size = this.size[row];
    const base = this.offset[row];
    if (!(gain > 0) || keep === 0 || (size === keep && gain <= this.gain[base])) return;
    if (this.taken.has(row, col) || this.holds(row, col)) return;
    let k: number;
    if (size < keep) {
      k = this.size[row]++;
      while (k > 0) {
        const parent = (k - 1) >> 1;
        if (this.gain[base + parent] <= gain) break;
        this.move(base + parent, base + k);
        k = parent;
      }
    } else {
      k = 0;
      for (;;) {
        let child = 2 * k + 1;
        if (child >= size) break;
        if (child + 1 < size && this.gain[base + child + 1] < this.gain[base + child]) child++;
        if (this.gain[base + child] >= gain) break;
        this.move(base + child, base + k);
        k = child;
      }
    }
    this.gain[base + k] = gain;
    this.col[base + k] = col;
    this.score[base + k] = score;
  }

  /** How many pairs the heaps hold. */
  pending(): number {
    let held = 0;
    for (let i = 0; i < this.size.length; i++) held += this.size[i];
    return held;
  }

  /** Calls `add` for every kept pair, row by row, and empties the heaps. */
  drain(add: (row: number, col: number, score: number) => void): number {
    let added = 0;
    for (let i = 0; i < this.size.length; i++) {
      const base = this.offset[i];
      for (let k = 0; k < this.size[i]; k++) add(i, this.col[base + k], this.score[base + k]);
      added += this.size[i];
      this.size[i] = 0;
    }
    return added;
  }

  private holds(row: number, col: number): boolean {
    const base = this.offset[row];
    for (let k = 0; k < this.size[row]; k++) if (this.col[base + k] === col) return true;
    return false;
  }

  private move(from: number, to: number): void {
    this.gain[to] = this.gain[from];
    this.col[to] = this.col[from];
    this.score[to] = this.score[from];
  }
}

interface SourceProblem {
  readonly rows: number;
  readonly cols: number;
  readonly source: CapacitatedPairSource;
  readonly lockedRow: Int32Array;
  readonly lockedCol: Int32Array;
  readonly lockedScore: Float64Array;
  readonly rowResidual: Int32Array;
  readonly colResidual: Int32Array;
  readonly scale: number;
  readonly rowTierGain: number;
  readonly colTierGain: number;
  readonly rowFirstCost: Float64Array;
  readonly colFirstCost: Float64Array;
}

/** The exact solve of a problem whose pairs come from `problem.pairs`. */
export function solveCapacitatedFromSource(solve: FlowSolve, problem: CapacitatedProblem): CapacitatedResult {
  const prepared = prepareSourceProblem(problem);
  const { rows, cols, source, rowResidual, colResidual } = prepared;
  // Both sized for every person's first candidates, so that they rarely grow.
  const firstCandidates = (rows + cols) * (SOURCE_SPARE_CANDIDATES + 4);
  const taken = new PairSet(rows, cols, firstCandidates);
  for (let k = 0; k < prepared.lockedRow.length; k++) taken.add(prepared.lockedRow[k], prepared.lockedCol[k]);
  const candidates = candidateSetOfCapacity(firstCandidates);
  const add = (row: number, col: number, score: number) => {
    if (!taken.add(row, col)) return;
    addCandidate(candidates, row, col, -Math.round(score * prepared.scale));
  };
  const keepRow = Int32Array.from(rowResidual, (r) => (r === 0 ? 0 : r + SOURCE_SPARE_CANDIDATES));
  const keepCol = Int32Array.from(colResidual, (r) => (r === 0 ? 0 : r + SOURCE_SPARE_CANDIDATES));
  source.offerBest(keepRow, keepCol, add);
  // In pricing every row keeps at least one pair, so that a full row still brings in a pair that proves it must stay full.
  const heaps = new RowHeaps(
    Int32Array.from(rowResidual, (r) => Math.max(1, r + SPARE_CANDIDATES)),
    taken,
  );
  let solves = 0;
  let warmStarts = 0;
  let searches = 0;
  let pricedPairs = 0;
  let chosen: Uint8Array = new Uint8Array(0);
  let previous: FlowSolution | undefined;
  // The candidates before this are in row order: the previous network's, less those dropped.
  let sorted = 0;
  const spare: CandidateSet = candidateSetOfCapacity(0);
  for (;;) {
    const inRowOrder = sortCandidatesByRow(candidates, sorted, rows, chosen, spare);
    chosen = inRowOrder.chosen;
    const network = candidateNetwork(prepared, candidates, inRowOrder.rowStart);
    let warmStart: FlowSolution | undefined;
    if (previous !== undefined) {
      warmStart = { arcFlow: chosen, rowPotential: previous.rowPotential, colPotential: previous.colPotential };
    }
    const solution = solve({ ...network, warmStart });
    solves++;
    if (warmStart !== undefined) warmStarts++;
    searches += solution.searches;
    checkPotentials(solution);
    // Arc a of the network is candidate a.
    chosen = solution.arcFlow;
    source.offerImproving(
      { rowPotential: solution.rowPotential, colPotential: solution.colPotential, scale: prepared.scale },
      heaps,
    );
    if (heaps.pending() === 0) {
      const work: CapacitatedWork = {
        solves,
        warmStarts,
        searches,
        candidatePairs: candidates.size,
        pricedPairs,
      };
      return sourceResult(prepared, candidates, chosen, solution, work);
    }
    if (solves <= DROPPING_ROUNDS) chosen = dropPricedOut(candidates, chosen, solution, taken);
    sorted = candidates.size;
    const added = heaps.drain(add);
    pricedPairs += added;
    // Always from the previous optimum: many excesses are routed in phases (assembly/capacitated.ts),
    // which beat a solve afresh in every round measured (30,000 a side: 0.3-2.2 s a round against
    // 6-9 s; 100,000 a side: 1-20 s against 18-25 s), where one search per excess did not.
    previous = solution;
  }
}

/**
 * Puts the candidates in row order, a row's candidates in the order they came (so that the network
 * is the one a stable sort of the whole list gives), and returns `chosen` in the same order (0 for
 * the candidates added since). The first `sorted` are in row order already (the previous network's,
 * less those dropped): their moves go forwards through memory, and only pricing's additions land
 * at scattered places. The arrays are written to `spare`'s and swapped with the set's, so that
 * each round reuses the last round's (all but `edges`, which the source's candidates do not use).
 */
export function sortCandidatesByRow(
  candidates: CandidateSet,
  sorted: number,
  rows: number,
  chosen: Uint8Array,
  spare: CandidateSet,
): { rowStart: Int32Array; chosen: Uint8Array } {
  const size = candidates.size;
  const rowStart = new Int32Array(rows + 1);
  for (let k = 0; k < size; k++) rowStart[candidates.row[k] + 1]++;
  for (let i = 0; i < rows; i++) rowStart[i + 1] += rowStart[i];
  const inOrder = new Uint8Array(size);
  if (sorted === size) {
    inOrder.set(chosen.subarray(0, size));
    return { rowStart, chosen: inOrder };
  }
  const capacity = candidates.row.length;
  if (spare.row.length !== capacity) {
    spare.row = new Int32Array(capacity);
    spare.col = new Int32Array(capacity);
    spare.cost = new Float64Array(capacity);
  }
  const fill = rowStart.slice(0, rows);
  for (let k = 0; k < size; k++) {
    const i = candidates.row[k];
    const at = fill[i]++;
    spare.row[at] = i;
    spare.col[at] = candidates.col[k];
    spare.cost[at] = candidates.cost[k];
    if (k < chosen.length) inOrder[at] = chosen[k];
  }
  const { row, col, cost } = candidates;
  candidates.row = spare.row;
  candidates.col = spare.col;
  candidates.cost = spare.cost;
  Object.assign(spare, { row, col, cost });
  return { rowStart, chosen: inOrder };
}

/** The network of the candidates in row order (sortCandidatesByRow): arc a is candidate a. */
function candidateNetwork(prepared: SourceProblem, candidates: CandidateSet, rowStart: Int32Array): FlowNetwork {
  const size = candidates.size;
  return {
    rows: prepared.rows,
    cols: prepared.cols,
    rowStart,
    arcCol: candidates.col.subarray(0, size),
    arcCost: candidates.cost.subarray(0, size),
    rowCapacity: prepared.rowResidual,
    colCapacity: prepared.colResidual,
    rowFirstCost: prepared.rowFirstCost,
    colFirstCost: prepared.colFirstCost,
  };
}

/**
 * For how many rounds unused candidates that price out are dropped before the next solve. After
 * them candidates only grow, so the loop ends (pricing adds pairs not yet held, of which there are
 * finitely many).
 */
const DROPPING_ROUNDS = 32;

/**
 * Keeps the candidates the optimum uses or could use at no loss (reduced cost ≤ 0) and drops the
 * rest, so that the next network does not grow with every round: the solves' cost grew faster than
 * their arcs (30,000 a side: 3.4 s on 1.0M arcs up to 11 s on 1.5M), and a dropped pair comes back
 * if a later price makes it worth it. The dropped pairs leave `taken`: removing them, rather than
 * refilling the set with every kept candidate, saved 1M insertions at 10,000 a side, where the
 * later rounds drop a few hundred. Returns the chosen flags of the kept candidates.
 */
function dropPricedOut(
  candidates: CandidateSet,
  chosen: Uint8Array,
  solution: FlowSolution,
  taken: PairSet,
): Uint8Array {
  const { rowPotential, colPotential } = solution;
  const keptChosen = new Uint8Array(candidates.size);
  let kept = 0;
  for (let k = 0; k < candidates.size; k++) {
    const reducedCost = candidates.cost[k] + rowPotential[candidates.row[k]] - colPotential[candidates.col[k]];
    if (chosen[k] === 0 && reducedCost > 0) {
      taken.delete(candidates.row[k], candidates.col[k]);
      continue;
    }
    candidates.row[kept] = candidates.row[k];
    candidates.col[kept] = candidates.col[k];
    candidates.cost[kept] = candidates.cost[k];
    keptChosen[kept] = chosen[k];
    kept++;
  }
  candidates.size = kept;
  return keptChosen.subarray(0, kept);
}

/**
 * A candidate's score is kept as its cost. `edges` is not read here (there are no edge ids: arc a of
 * a network is candidate a, sortCandidatesByRow); growCandidateSet grows it with the rest.
 */
function addCandidate(candidates: CandidateSet, row: number, col: number, cost: number): void {
  if (candidates.size === candidates.row.length) growCandidateSet(candidates);
  const k = candidates.size++;
  candidates.row[k] = row;
  candidates.col[k] = col;
  candidates.cost[k] = cost;
}

function prepareSourceProblem(problem: CapacitatedProblem): SourceProblem {
  const { rows, cols } = problem;
  checkSize('rows', rows);
  checkSize('cols', cols);
  const source = problem.pairs!;
  const coverage = readCoverage(problem.coverage);
  const rowResidual = readCapacities('rowCapacity', problem.rowCapacity, rows);
  const colResidual = readCapacities('colCapacity', problem.colCapacity, cols);
  const locks = readSourceLocks(problem, source, rowResidual, colResidual);
  const scale = scaleOf(source.scores);
  let maxScaled = 0;
  let minScaled = 0;
  for (let k = 0; k < source.scores.length; k++) {
    const scaled = Math.round(source.scores[k] * scale);
    maxScaled = Math.max(maxScaled, scaled);
    minScaled = Math.min(minScaled, scaled);
  }
  const { rowTierGain, colTierGain, rowFirstCost, colFirstCost } = tieredCosts({
    coverage,
    rowResidual,
    colResidual,
    rowLocked: locks.rowLocked,
    colLocked: locks.colLocked,
    freePairs: Math.max(0, source.eligiblePairs - locks.row.length),
    maxScaled,
    minScaled,
    scale,
  });
  return {
    rows,
    cols,
    source,
    lockedRow: locks.row,
    lockedCol: locks.col,
    lockedScore: locks.score,
    rowResidual,
    colResidual,
    scale,
    rowTierGain,
    colTierGain,
    rowFirstCost,
    colFirstCost,
  };
}

/** The locks, checked against the source; capacities become what is left after them (in place). */
function readSourceLocks(
  problem: CapacitatedProblem,
  source: CapacitatedPairSource,
  rowResidual: Int32Array,
  colResidual: Int32Array,
) {
  const { rows, cols } = problem;
  const row = problem.locked?.row ?? new Int32Array(0);
  const col = problem.locked?.col ?? new Int32Array(0);
  if (col.length !== row.length) {
    throw new CapacitatedProblemError(
      'length-mismatch',
      'locked',
      `locked.row and locked.col must have the same length, got ${row.length} and ${col.length}`,
    );
  }
  const rowLocked = new Int32Array(rows);
  const colLocked = new Int32Array(cols);
  const score = new Float64Array(row.length);
  const seen = new PairSet(rows, cols, row.length);
  for (let k = 0; k < row.length; k++) {
    const i = row[k];
    const j = col[k];
    if (!(Number.isInteger(i) && i >= 0 && i < rows)) {
      throw new CapacitatedProblemError(
        'index-out-of-range',
        `locked.row[${k}]`,
        `expected a row index in 0..${rows - 1}, got ${i}`,
      );
    }
    if (!(Number.isInteger(j) && j >= 0 && j < cols)) {
      throw new CapacitatedProblemError(
        'index-out-of-range',
        `locked.col[${k}]`,
        `expected a column index in 0..${cols - 1}, got ${j}`,
      );
    }
    score[k] = source.score(i, j);
    if (!Number.isFinite(score[k])) {
      throw new CapacitatedProblemError(
        'locked-not-eligible',
        `locked[${k}]`,
        `row ${i}, column ${j} is locked but not an eligible pair`,
      );
    }
    if (!seen.add(i, j)) {
      throw new CapacitatedProblemError('locked-duplicate', `locked[${k}]`, `row ${i}, column ${j} is locked twice`);
    }
    rowLocked[i]++;
    colLocked[j]++;
  }
  for (const [path, locked, residual] of [
    ['rowCapacity', rowLocked, rowResidual],
    ['colCapacity', colLocked, colResidual],
  ] as const) {
    for (let k = 0; k < locked.length; k++) {
      if (locked[k] > residual[k]) {
        const side = path === 'rowCapacity' ? 'row' : 'column';
        throw new CapacitatedProblemError(
          'locked-over-capacity',
          `${path}[${k}]`,
          `${side} ${k} is locked to ${locked[k]} partners but its capacity is ${residual[k]}`,
        );
      }
      residual[k] -= locked[k];
    }
  }
  return { row, col, score, rowLocked, colLocked };
}

/** The smallest power of ten that makes every score a whole number (as findScale does for edges). */
function scaleOf(scores: ArrayLike<number>): number {
  let decimals = 0;
  let scale = 1;
  for (let k = 0; k < scores.length; k++) {
    const score = scores[k];
    if (!Number.isFinite(score)) {
      throw new CapacitatedProblemError(
        'nan-score',
        `pairs.scores[${k}]`,
        `every score must be a number, got ${score}`,
      );
    }
    while (!representsExactly(score, scale)) {
      decimals++;
      if (decimals > MAX_SCORE_DECIMALS) {
        throw new CapacitatedProblemError(
          'score-precision',
          `pairs.scores[${k}]`,
          `${score} has more than ${MAX_SCORE_DECIMALS} decimal places (or is too large); round the scores so the optimum is exact`,
        );
      }
      scale = 10 ** decimals;
    }
  }
  return scale;
}

function sourceResult(
  prepared: SourceProblem,
  candidates: CandidateSet,
  chosenByCandidate: Uint8Array,
  solution: FlowSolution,
  work: CapacitatedWork,
): CapacitatedResult {
  const { lockedRow, lockedCol, lockedScore, source } = prepared;
  const pairRow: number[] = Array.from(lockedRow);
  const pairCol: number[] = Array.from(lockedCol);
  for (let k = 0; k < candidates.size; k++) {
    if (chosenByCandidate[k] === 0) continue;
    pairRow.push(candidates.row[k]);
    pairCol.push(candidates.col[k]);
  }
  const order = pairRow.map((_, k) => k).sort((a, b) => pairRow[a] - pairRow[b] || pairCol[a] - pairCol[b]);
  return tieredResult(
    prepared,
    {
      row: Int32Array.from(order, (k) => pairRow[k]),
      col: Int32Array.from(order, (k) => pairCol[k]),
      // The source's own score, not the scaled cost divided back, so that totals add the same numbers.
      score: Float64Array.from(order, (k) =>
        k < lockedRow.length ? lockedScore[k] : source.score(pairRow[k], pairCol[k]),
      ),
    },
    solution,
    work,
  );
}
