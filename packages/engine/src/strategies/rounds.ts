// The `rounds` strategy: the reference system's method, kept for programmes that want the old
// behaviour. R rounds; each is a 1:1 assignment on the current scores, with the unmatched bonus added
// to a pair while either side still has no partner; each round's pairs are fixed before the next, no
// pair repeats, and a person at capacity takes no more.
//
// Ties. Every round reaches the largest total its pairs can, as the reference's does, but several
// assignments often reach it, and the one taken changes who is open in the next round (on the
// reference's 50 × 50 sample, different equal round-1 answers give round-2 totals from 774 to 781).
// The reference (jonodrew/mentor-match-package, matching/process.py) runs the Python `munkres`
// package on the whole grid, ineligible pairs at 0, and makes the pairs of the answer that are
// allowed; which answer depends only on that package's scan order, not on the number of pairs
// (checked on generated 500 × 500 data, `mentor-matcher generate --seed 11`, with an independent
// restatement of munkres 1.1.4 and scipy: its round 2 takes 494 pairs where 495 reach the same
// total; the replay below gives the same 1,484 pairs). `ties: "reference"` replays that step
// (./reference-munkres.ts) within REFERENCE_TIES_MAX_SIDE and REFERENCE_TIES_MAX_PADDING, which gives
// the reference's round totals and pairs; otherwise, and beyond those limits, each round is solved sparsely and takes
// the most pairs among equal totals, our own choice. Neither ever makes an ineligible pair (the
// reference skips them too).
import type {
  PairScores,
  InputProblem,
  PairIndex,
  Strategy,
  StrategyContext,
  StrategyOutcome,
  StrategyPair,
  StrategySettings,
  ScoreMatrix,
} from '../model.js';
import type { CapacitatedProblem } from '@mentor-matcher/solver';
import { EngineError, throwIfCancelled } from '../errors.js';
import { capacitatedProblem } from './capacitated-problem.js';
import { INELIGIBLE } from '../score-codes.js';
import { referenceAssignment } from './reference-munkres.js';

export type RoundsSettings = Extract<StrategySettings, { name: 'rounds' }>;

/** Beyond this many decimals a round's scores are rounded (see `roundProblem`). */
const MAX_DECIMALS = 6;

/**
 * Largest side for `ties: "reference"`: its dense grid takes about 9 bytes per cell (56 MB at
 * 2,500 × 2,500) and its worst case grows as n^4. Above it the rounds are solved sparsely.
 */
export const REFERENCE_TIES_MAX_SIDE = 2_500;
/**
 * Most padding cells for `ties: "reference"`: with more mentors than mentees the reference pads its
 * grid with (mentors × the excess) empty cells, every one a zero the replay has to carry through
 * each round (2,500 mentors × 1,500 mentees took 77 s of CPU, 1,000 × 750 about 4 s). Above it
 * the rounds are solved sparsely.
 */
export const REFERENCE_TIES_MAX_PADDING = 250_000;
/** The reference step's costs stay exact for whole values below this (see reference-munkres.ts). */
const REFERENCE_TIES_MAX_VALUE = 2 ** 24;

export function roundsStrategy(settings: RoundsSettings): Strategy {
  return {
    name: 'rounds',
    run(context: StrategyContext): StrategyOutcome {
      const { solver, locked, onProgress, signal } = context;
      const matrix = fullMatrix(context.matrix);
      const menteeCount = matrix.mentees.length;
      const mentorCount = matrix.mentors.length;
      const state: RoundState = {
        menteeLeft: Int32Array.from(matrix.mentees, (p) => p.capacity),
        mentorLeft: Int32Array.from(matrix.mentors, (p) => p.capacity),
        menteePartners: new Int32Array(menteeCount),
        mentorPartners: new Int32Array(mentorCount),
        chosenByMentee: Array.from({ length: menteeCount }, () => []),
      };
      const pairs: StrategyPair[] = [];
      const take = (pair: StrategyPair) => {
        pairs.push(pair);
        state.chosenByMentee[pair.mentee].push(pair.mentor);
        state.menteeLeft[pair.mentee]--;
        state.mentorLeft[pair.mentor]--;
        state.menteePartners[pair.mentee]++;
        state.mentorPartners[pair.mentor]++;
      };
      // Locked pairs are in place before round 1: they use capacity and count as "has a partner".
      for (const pair of locked) take({ ...pair, round: null, bonus: 0, locked: true });

      const referenceTies =
        settings.ties === 'reference' &&
        Math.max(menteeCount, mentorCount) <= REFERENCE_TIES_MAX_SIDE &&
        mentorCount * Math.max(0, mentorCount - menteeCount) <= REFERENCE_TIES_MAX_PADDING;
      const warnings: InputProblem[] = [];
      if (settings.ties === 'reference' && !referenceTies) {
        warnings.push({
          severity: 'warning',
          code: 'reference-ties-too-large',
          message:
            `Rounds break ties by taking the most pairs, not as the reference system would: its step is replayed ` +
            `only up to ${REFERENCE_TIES_MAX_SIDE.toLocaleString('en-GB')} people a side, and while mentors × their ` +
            `excess over mentees stays within ${REFERENCE_TIES_MAX_PADDING.toLocaleString('en-GB')}. ` +
            `Each round still reaches its best total, but where several pairings reach it the one taken ` +
            `(and so the later rounds) may differ.`,
        });
      }
      for (let round = 1; round <= settings.rounds; round++) {
        throwIfCancelled(signal, `round ${round}`);
        onProgress?.({
          phase: 'solving',
          fraction: (round - 1) / (settings.rounds + 1),
          message: `Round ${round} of ${settings.rounds}`,
        });
        let chosen = referenceTies ? referenceRound(matrix, state, settings.unmatchedBonus) : null;
        if (referenceTies && chosen === null && warnings.length === 0) {
          warnings.push({
            severity: 'warning',
            code: 'reference-ties-not-whole',
            message:
              'Rounds break ties by taking the most pairs, not as the reference system would: its step is replayed ' +
              `only for whole-number scores below ${REFERENCE_TIES_MAX_VALUE.toLocaleString('en-GB')}.`,
          });
        }
        chosen ??= sparseRound(matrix, state, settings.unmatchedBonus, solver);
        if (chosen.length === 0) break;
        // Bonuses are read before any of this round's pairs are taken, as in the reference.
        const roundPairs = chosen.map(({ mentee, mentor }): StrategyPair => ({
          mentee,
          mentor,
          round,
          bonus: bonusFor(state, mentee, mentor, settings.unmatchedBonus),
          locked: false,
        }));
        roundPairs.sort((a, b) => a.mentor - b.mentor || a.mentee - b.mentee).forEach(take);
      }

      throwIfCancelled(signal, 'solving');
      onProgress?.({
        phase: 'solving',
        fraction: settings.rounds / (settings.rounds + 1),
        message: 'Finding the best possible coverage',
      });
      // One extra exact solve gives the bound the summary compares the rounds' coverage with.
      const bound = solver.capacitatedAssignment(capacitatedProblem(matrix, locked, ['rows', 'cols']));
      onProgress?.({ phase: 'solving', fraction: 1 });
      return {
        pairs,
        bestPossibleMenteeCoverage: bound.rowsCovered,
        bestPossibleMentorCoverage: bound.colsCovered,
        warnings,
      };
    },
  };
}

interface RoundState {
  readonly menteeLeft: Int32Array;
  readonly mentorLeft: Int32Array;
  readonly menteePartners: Int32Array;
  readonly mentorPartners: Int32Array;
  readonly chosenByMentee: number[][];
}

function bonusFor(state: RoundState, mentee: number, mentor: number, unmatchedBonus: number): number {
  return state.menteePartners[mentee] === 0 || state.mentorPartners[mentor] === 0 ? unmatchedBonus : 0;
}

function sparseRound(
  matrix: ScoreMatrix,
  state: RoundState,
  unmatchedBonus: number,
  solver: StrategyContext['solver'],
): PairIndex[] {
  const problem = roundProblem(matrix, state, unmatchedBonus);
  if (problem === null) return [];
  const assignment = solver.capacitatedAssignment(problem);
  return Array.from(assignment.rowIndices, (mentee, k) => ({ mentee, mentor: assignment.colIndices[k] }));
}

/**
 * One round as the reference runs it: the whole grid, mentors as rows and mentees as columns, each
 * open pair at its score plus bonus and every other cell at 0, through the reference's Munkres step;
 * the open pairs of its answer are the round's pairs (an open pair worth 0 included, as there). Null
 * when the values are not whole numbers small enough for that step to be exact.
 */
function referenceRound(matrix: ScoreMatrix, state: RoundState, unmatchedBonus: number): PairIndex[] | null {
  const rows = matrix.mentors.length;
  const cols = matrix.mentees.length;
  const { codes, scoreOfCode } = matrix;
  const { menteeLeft, mentorLeft, chosenByMentee } = state;
  const profit = new Float64Array(rows * cols);
  const open = new Uint8Array(rows * cols);
  let any = false;
  for (let i = 0; i < cols; i++) {
    if (menteeLeft[i] <= 0) continue;
    const chosen = new Set(chosenByMentee[i]);
    const base = i * rows;
    for (let j = 0; j < rows; j++) {
      if (codes[base + j] === INELIGIBLE || mentorLeft[j] <= 0 || chosen.has(j)) continue;
      const value = scoreOfCode[codes[base + j]] + bonusFor(state, i, j, unmatchedBonus);
      if (!Number.isInteger(value) || Math.abs(value) >= REFERENCE_TIES_MAX_VALUE) return null;
      profit[j * cols + i] = value;
      open[j * cols + i] = 1;
      any = true;
    }
  }
  if (!any) return [];
  const assigned = referenceAssignment(rows, cols, profit);
  const pairs: PairIndex[] = [];
  for (let j = 0; j < rows; j++) {
    const i = assigned[j];
    if (i >= 0 && open[j * cols + i] === 1) pairs.push({ mentee: i, mentor: j });
  }
  return pairs;
}

/**
 * One round as a capacitated problem on the open pairs only (eligible, not chosen before, both
 * people under capacity), each person with capacity 1 if still open: a sparse 1:1 assignment in
 * which anyone may stay without a partner, so it needs no dummy columns and no dense grid (a dense
 * round at 10,000 × 10,000 outgrew the solver's memory). Null when no pair is open.
 *
 * Objective, maximised, with `coverage: []` (total only): a pair is worth `V = s · M + 1`, where
 * `s = round((score + bonus) · p)` is the pair's value as an integer in units of 10^-decimals and
 * `M` = (the smaller side's open people) + 1. At most M − 1 pairs can be chosen, so Σ V = M · Σ s +
 * (number of pairs) ranks assignments by total score first and, only among equal totals, by more
 * pairs (our choice: the reference takes whichever its scan reaches, see the header). `p` is the
 * smallest power of ten (at most 10^6) that makes every value whole to within 10^-9 relative, so
 * that sums such as 0.1 + 0.2 count as 0.3; values needing more decimals are rounded to 6. Every V
 * is an integer, so the solver works at scale 1, and its overflow check (`objective-overflow`, see
 * the solver's docs/capacitated.md) holds with room to spare for rule-set points (0–40, M ≤ 10,001:
 * V < 10^6).
 */
function roundProblem(matrix: ScoreMatrix, state: RoundState, unmatchedBonus: number): CapacitatedProblem | null {
  const rows = matrix.mentees.length;
  const cols = matrix.mentors.length;
  const { codes, scoreOfCode } = matrix;
  const { menteeLeft, mentorLeft, chosenByMentee } = state;
  const chosenStamp = new Int32Array(cols).fill(-1);
  const mentorHasCandidate = new Uint8Array(cols);
  const rowCapacity = new Int32Array(rows);
  const colCapacity = new Int32Array(cols);
  let count = 0;
  let openMentees = 0;
  const isOpenPair = (base: number, i: number, j: number) =>
    codes[base + j] !== INELIGIBLE && mentorLeft[j] > 0 && chosenStamp[j] !== i;
  for (let i = 0; i < rows; i++) {
    if (menteeLeft[i] <= 0) continue;
    for (const j of chosenByMentee[i]) chosenStamp[j] = i;
    const base = i * cols;
    const before = count;
    for (let j = 0; j < cols; j++) {
      if (isOpenPair(base, i, j)) {
        count++;
        mentorHasCandidate[j] = 1;
      }
    }
    if (count > before) {
      rowCapacity[i] = 1;
      openMentees++;
    }
  }
  if (count === 0) return null;
  let openMentors = 0;
  for (let j = 0; j < cols; j++) {
    colCapacity[j] = mentorHasCandidate[j];
    openMentors += mentorHasCandidate[j];
  }

  const edgeRow = new Int32Array(count);
  const edgeCol = new Int32Array(count);
  const value = new Float64Array(count);
  chosenStamp.fill(-1);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    if (rowCapacity[i] === 0) continue;
    for (const j of chosenByMentee[i]) chosenStamp[j] = i;
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      if (isOpenPair(base, i, j)) {
        edgeRow[k] = i;
        edgeCol[k] = j;
        value[k] = scoreOfCode[codes[base + j]] + bonusFor(state, i, j, unmatchedBonus);
        k++;
      }
    }
  }
  const p = decimalScale(value);
  const scale = Math.min(openMentees, openMentors) + 1;
  for (let e = 0; e < count; e++) value[e] = Math.round(value[e] * p) * scale + 1;
  return { rows, cols, edges: { row: edgeRow, col: edgeCol, score: value }, rowCapacity, colCapacity, coverage: [] };
}

function decimalScale(values: Float64Array): number {
  let p = 1;
  for (let e = 0; e < values.length; e++) {
    while (p < 10 ** MAX_DECIMALS && !nearlyWhole(values[e] * p)) p *= 10;
  }
  return p;
}

function nearlyWhole(x: number): boolean {
  return Math.abs(x - Math.round(x)) <= 1e-9 * Math.max(1, Math.abs(x));
}

/** Rounds read every pair of a row many times over: they run on a full matrix only (matchTables never gives them classes). */
function fullMatrix(scores: PairScores): ScoreMatrix {
  if (scores.classes || !('codes' in scores)) {
    throw new EngineError('strategy-needs-matrix', 'the rounds strategy needs every pair scored; it was given classes');
  }
  return scores as ScoreMatrix;
}
