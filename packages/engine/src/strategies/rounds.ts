// The `rounds` strategy: the reference system's method, kept for programmes that want the old
// behaviour. R rounds; each is a 1:1 assignment on the current scores, with the unmatched bonus added
// to a pair while either side still has no partner; each round's pairs are fixed before the next, no
// pair repeats, and a person at capacity takes no more. One deliberate departure from the reference:
// a forbidden (ineligible) pair is never chosen, where the reference scored it 0 like an allowed pair
// worth 0.
import type { Strategy, StrategyContext, StrategyOutcome, StrategyPair, StrategySettings, ScoreMatrix } from '../model.js';
import type { CapacitatedProblem } from '@mentor-matcher/solver';
import { throwIfCancelled } from '../errors.js';
import { capacitatedProblem } from './capacitated-problem.js';
import { INELIGIBLE } from '../score-codes.js';

export type RoundsSettings = Extract<StrategySettings, { name: 'rounds' }>;

/** Beyond this many decimals a round's scores are rounded (see `roundProblem`). */
const MAX_DECIMALS = 6;

export function roundsStrategy(settings: RoundsSettings): Strategy {
  return {
    name: 'rounds',
    run(context: StrategyContext): StrategyOutcome {
      const { matrix, solver, locked, onProgress, signal } = context;
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

      for (let round = 1; round <= settings.rounds; round++) {
        throwIfCancelled(signal, `round ${round}`);
        onProgress?.({ phase: 'solving', fraction: (round - 1) / (settings.rounds + 1), message: `Round ${round} of ${settings.rounds}` });
        const problem = roundProblem(matrix, state, settings.unmatchedBonus);
        if (problem === null) break;
        const assignment = solver.capacitatedAssignment(problem);
        if (assignment.rowIndices.length === 0) break;
        // Bonuses are read before any of this round's pairs are taken, as in the reference.
        const roundPairs: StrategyPair[] = [];
        for (let k = 0; k < assignment.rowIndices.length; k++) {
          const mentee = assignment.rowIndices[k];
          const mentor = assignment.colIndices[k];
          roundPairs.push({ mentee, mentor, round, bonus: bonusFor(state, mentee, mentor, settings.unmatchedBonus), locked: false });
        }
        roundPairs.sort((a, b) => a.mentor - b.mentor || a.mentee - b.mentee).forEach(take);
      }

      throwIfCancelled(signal, 'solving');
      onProgress?.({ phase: 'solving', fraction: settings.rounds / (settings.rounds + 1), message: 'Finding the best possible coverage' });
      // One extra exact solve gives the bound the summary compares the rounds' coverage with.
      const bound = solver.capacitatedAssignment(capacitatedProblem(matrix, locked, ['rows', 'cols']));
      onProgress?.({ phase: 'solving', fraction: 1 });
      return { pairs, bestPossibleMenteeCoverage: bound.rowsCovered, bestPossibleMentorCoverage: bound.colsCovered };
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
 * pairs, as the reference's full-grid assignment does. `p` is the smallest power of ten (at most
 * 10^6) that makes every value whole to within 10^-9 relative, so that sums such as 0.1 + 0.2 count
 * as 0.3; values needing more decimals are rounded to 6. Every V is an integer, so the solver works
 * at scale 1, and its overflow check (`objective-overflow`, see the solver's docs/capacitated.md)
 * holds with room to spare for rule-set points (0–40, M ≤ 10,001: V < 10^6).
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
  const isOpenPair = (base: number, i: number, j: number) => codes[base + j] !== INELIGIBLE && mentorLeft[j] > 0 && chosenStamp[j] !== i;
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
