import { describe, expect, it } from 'vitest';
import { makeMatrix } from '../../test/fixtures.js';
import { solver } from '../../test/solver.js';
import { bruteForceSolver } from '../../test/brute-force-solver.js';
import { REFERENCE_TIES_MAX_PADDING, REFERENCE_TIES_MAX_SIDE, roundsStrategy } from './rounds.js';
import { MatchCancelledError } from '../errors.js';
import type { ScoreMatrix } from '../model.js';

const reference = { name: 'rounds', rounds: 3, unmatchedBonus: 6 } as const;
const keys = (pairs: readonly { mentee: number; mentor: number }[]) =>
  pairs.map((p) => `${p.mentee}-${p.mentor}`).sort();

/** One round without the unmatched bonus, ties broken as the reference's Munkres step breaks them. */
const oneRoundWithReferenceTies = (matrix: ScoreMatrix) =>
  roundsStrategy({ ...reference, rounds: 1, unmatchedBonus: 0, ties: 'reference' }).run({ matrix, solver, locked: [] });

describe('rounds strategy', () => {
  it('never chooses a forbidden pair, and among equal totals takes the most pairs', () => {
    // Mentee 1 may only go to mentor 0. Mentee 0 with mentor 0 (5) alone totals 5, as do 4 + 1 with
    // both mentees; the default takes the two pairs.
    const matrix = makeMatrix({
      scores: [
        [5, 4],
        [1, null],
      ],
    });
    const outcome = roundsStrategy({ ...reference, rounds: 1 }).run({ matrix, solver, locked: [] });
    expect(keys(outcome.pairs)).toEqual(['0-1', '1-0']);
    const alone = makeMatrix({
      scores: [
        [5, null],
        [null, null],
      ],
    });
    expect(keys(roundsStrategy(reference).run({ matrix: alone, solver, locked: [] }).pairs)).toEqual(['0-0']);
  });

  it('with ties "reference" takes the answer the reference\'s Munkres step reaches, here one pair of 5', () => {
    const matrix = makeMatrix({
      scores: [
        [5, 4],
        [1, null],
      ],
    });
    const outcome = oneRoundWithReferenceTies(matrix);
    expect(keys(outcome.pairs)).toEqual(['0-0']);
    expect(outcome.warnings).toEqual([]);
  });

  it('with ties "reference" above the size limit solves sparsely, takes the most pairs and says so', () => {
    const scores: (number | null)[][] = [
      [5, 4],
      [1, null],
    ];
    for (let i = 2; i <= REFERENCE_TIES_MAX_SIDE; i++) scores.push([null, null]);
    const matrix = makeMatrix({ scores });
    const outcome = oneRoundWithReferenceTies(matrix);
    expect(keys(outcome.pairs)).toEqual(['0-1', '1-0']);
    expect(outcome.warnings?.map((w) => w.code)).toEqual(['reference-ties-too-large']);
  });

  it('with ties "reference" and far more mentors than mentees solves sparsely, takes most pairs, says so', () => {
    // 502 mentors for 2 mentees: the reference's grid would be padded with 502 × 500 empty cells.
    const pad = Array.from({ length: 500 }, (): null => null);
    const matrix = makeMatrix({
      scores: [
        [5, 4, ...pad],
        [1, null, ...pad],
      ],
    });
    expect(matrix.mentors.length * (matrix.mentors.length - matrix.mentees.length)).toBeGreaterThan(
      REFERENCE_TIES_MAX_PADDING,
    );
    const outcome = oneRoundWithReferenceTies(matrix);
    expect(keys(outcome.pairs)).toEqual(['0-1', '1-0']);
    expect(outcome.warnings?.map((w) => w.code)).toEqual(['reference-ties-too-large']);
  });

  it('with ties "reference" and scores that are not whole numbers takes the most pairs and says so', () => {
    const matrix = makeMatrix({
      scores: [
        [5.5, 4.5],
        [1, null],
      ],
    });
    const outcome = oneRoundWithReferenceTies(matrix);
    expect(keys(outcome.pairs)).toEqual(['0-1', '1-0']);
    expect(outcome.warnings?.map((w) => w.code)).toEqual(['reference-ties-not-whole']);
  });

  it('gives each person at most one new partner per round and never repeats a pair', () => {
    const matrix = makeMatrix({
      scores: [
        [3, 2, 1],
        [1, 2, 3],
        [2, 2, 2],
      ],
      mentorCapacity: 3,
      menteeCapacity: 3,
    });
    const outcome = roundsStrategy(reference).run({ matrix, solver, locked: [] });
    for (const round of [1, 2, 3]) {
      const inRound = outcome.pairs.filter((p) => p.round === round);
      expect(new Set(inRound.map((p) => p.mentee)).size).toBe(inRound.length);
      expect(new Set(inRound.map((p) => p.mentor)).size).toBe(inRound.length);
    }
    expect(new Set(keys(outcome.pairs)).size).toBe(outcome.pairs.length);
    expect(outcome.pairs).toHaveLength(9);
  });

  it('stops giving partners to a person at capacity', () => {
    const matrix = makeMatrix({
      scores: [
        [9, 9, 9],
        [1, 1, 1],
      ],
      mentorCapacity: 3,
      menteeCapacity: [1, 3],
    });
    const outcome = roundsStrategy(reference).run({ matrix, solver, locked: [] });
    expect(outcome.pairs.filter((p) => p.mentee === 0)).toHaveLength(1);
    expect(outcome.pairs.filter((p) => p.mentee === 1)).toHaveLength(3);
  });

  it('adds the unmatched bonus while either side has no partner, steering round 2 to the unmatched', () => {
    // Round 1 pairs mentee 0–mentor 0 and 1–1. In round 2 the swap (8 + 8 = 16) beats giving mentee 2
    // a mentor (3 + 8 = 11), unless mentee 2's unmatched bonus of 6 lifts that to 17.
    const matrix = makeMatrix({
      scores: [
        [10, 8],
        [8, 10],
        [3, 3],
      ],
      mentorCapacity: 2,
      menteeCapacity: 2,
    });
    const withBonus = roundsStrategy({ ...reference, rounds: 2 }).run({ matrix, solver, locked: [] });
    const round2 = withBonus.pairs.filter((p) => p.round === 2);
    expect(round2.some((p) => p.mentee === 2 && p.bonus === 6)).toBe(true);
    expect(withBonus.pairs.filter((p) => p.round === 1).every((p) => p.bonus === 6)).toBe(true);
    const noBonus = roundsStrategy({ ...reference, rounds: 2, unmatchedBonus: 0 }).run({ matrix, solver, locked: [] });
    expect(noBonus.pairs.some((p) => p.mentee === 2)).toBe(false);
  });

  it('prefers more pairs among assignments with equal totals', () => {
    const matrix = makeMatrix({
      scores: [
        [0, null],
        [null, 0],
      ],
    });
    const outcome = roundsStrategy({ ...reference, rounds: 1, unmatchedBonus: 0 }).run({ matrix, solver, locked: [] });
    expect(keys(outcome.pairs)).toEqual(['0-0', '1-1']);
  });

  it('keeps locked pairs, counts them against capacity and as already matched', () => {
    const matrix = makeMatrix({
      scores: [
        [1, 9],
        [9, 1],
      ],
    });
    const outcome = roundsStrategy(reference).run({ matrix, solver, locked: [{ mentee: 0, mentor: 0 }] });
    expect(outcome.pairs.map((p) => [p.mentee, p.mentor, p.locked])).toEqual([
      [0, 0, true],
      [1, 1, false],
    ]);
  });

  it('reports the best possible coverage from one exact solve', () => {
    const matrix = makeMatrix({
      scores: [
        [9, 8],
        [7, null],
      ],
    });
    const outcome = roundsStrategy({ ...reference, rounds: 1, unmatchedBonus: 0 }).run({
      matrix,
      solver: bruteForceSolver,
      locked: [],
    });
    expect(outcome.bestPossibleMenteeCoverage).toBe(2);
    expect(outcome.bestPossibleMentorCoverage).toBe(2);
  });

  it('stops between rounds when the signal aborts', () => {
    const controller = new AbortController();
    const matrix = makeMatrix({
      scores: [
        [1, 2],
        [2, 1],
      ],
      mentorCapacity: 2,
      menteeCapacity: 2,
    });
    const run = () =>
      roundsStrategy(reference).run({
        matrix,
        solver,
        locked: [],
        signal: controller.signal,
        onProgress: (p) => {
          if (p.message?.startsWith('Round 2')) controller.abort();
        },
      });
    expect(run).toThrow(MatchCancelledError);
  });
});
