import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeMatrix } from '../../test/fixtures.js';
import { solver } from '../../test/solver.js';
import { bruteForceCapacitated } from '../../test/brute-force-solver.js';
import type { PairIndex, ScoreMatrix, StrategyOutcome } from '../model.js';
import { optimalStrategy } from './optimal.js';
import { roundsStrategy } from './rounds.js';
import { capacitatedProblem } from './capacitated-problem.js';
import { strategyFor } from './index.js';
import { isEligiblePair, pairScore } from '../score-codes.js';

const optimal = optimalStrategy({ name: 'optimal', mentorCoverage: true, alternates: 3 });
const rounds = roundsStrategy({ name: 'rounds', rounds: 3, unmatchedBonus: 6 });
const menteesCovered = (outcome: StrategyOutcome) => new Set(outcome.pairs.map((p) => p.mentee)).size;

/** Small random instances: up to 4 × 4, some pairs ineligible, capacities 0–2, a few locks that fit. */
const instance = fc
  .record({
    mentees: fc.integer({ min: 1, max: 4 }),
    mentors: fc.integer({ min: 1, max: 4 }),
    seed: fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { freq: 3 }), { minLength: 16, maxLength: 16 }),
    menteeCapacity: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
    mentorCapacity: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
    lockTries: fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { maxLength: 3 }),
  })
  .map(({ mentees, mentors, seed, menteeCapacity, mentorCapacity, lockTries }) => {
    const scores = Array.from({ length: mentees }, (_, i) =>
      Array.from({ length: mentors }, (_, j) => seed[i * 4 + j]),
    );
    const matrix = makeMatrix({
      scores,
      menteeCapacity: menteeCapacity.slice(0, mentees),
      mentorCapacity: mentorCapacity.slice(0, mentors),
    });
    return { matrix, locked: fittingLocks(matrix, lockTries) };
  });

function fittingLocks(matrix: ScoreMatrix, tries: readonly [number, number][]): PairIndex[] {
  const used = { mentee: new Int32Array(4), mentor: new Int32Array(4) };
  const locked: PairIndex[] = [];
  for (const [mentee, mentor] of tries) {
    if (mentee >= matrix.mentees.length || mentor >= matrix.mentors.length) continue;
    if (!isEligiblePair(matrix, mentee * matrix.mentors.length + mentor)) continue;
    if (locked.some((p) => p.mentee === mentee && p.mentor === mentor)) continue;
    if (
      used.mentee[mentee] >= matrix.mentees[mentee].capacity ||
      used.mentor[mentor] >= matrix.mentors[mentor].capacity
    )
      continue;
    used.mentee[mentee]++;
    used.mentor[mentor]++;
    locked.push({ mentee, mentor });
  }
  return locked;
}

function expectConstraintsHold(matrix: ScoreMatrix, locked: readonly PairIndex[], outcome: StrategyOutcome): void {
  const keys = outcome.pairs.map((p) => p.mentee * matrix.mentors.length + p.mentor);
  expect(new Set(keys).size).toBe(keys.length);
  for (const key of keys) expect(isEligiblePair(matrix, key)).toBe(true);
  for (const mentee of matrix.mentees)
    expect(outcome.pairs.filter((p) => p.mentee === mentee.index).length).toBeLessThanOrEqual(mentee.capacity);
  for (const mentor of matrix.mentors)
    expect(outcome.pairs.filter((p) => p.mentor === mentor.index).length).toBeLessThanOrEqual(mentor.capacity);
  for (const lock of locked) expect(keys).toContain(lock.mentee * matrix.mentors.length + lock.mentor);
}

describe('optimal strategy', () => {
  it('matches every mentee who can be matched, where rounds leaves one out', () => {
    // Rounds (1 round, no bonus) takes the 10 and strands mentee 1; optimal gives up 1 point to cover both.
    const matrix = makeMatrix({
      scores: [
        [10, 0],
        [9, null],
      ],
    });
    const one = roundsStrategy({ name: 'rounds', rounds: 1, unmatchedBonus: 0 }).run({ matrix, solver, locked: [] });
    const best = optimal.run({ matrix, solver, locked: [] });
    expect(menteesCovered(one)).toBe(1);
    expect(best.pairs.map((p) => [p.mentee, p.mentor])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(best.bestPossibleMenteeCoverage).toBe(2);
  });

  it('puts mentor coverage before total score, and can be told not to', () => {
    // Mentee 0 (capacity 2) can have mentor 0 (10) and mentor 1 (1); mentee 1 only mentor 0 (10).
    const matrix = makeMatrix({
      scores: [
        [10, 1],
        [10, null],
      ],
      menteeCapacity: [2, 1],
      mentorCapacity: [2, 1],
    });
    const withMentors = optimal.run({ matrix, solver, locked: [] });
    expect(withMentors.pairs).toHaveLength(3);
    const capped = makeMatrix({
      scores: [
        [10, 1],
        [10, null],
        [0, 0],
      ],
      menteeCapacity: [1, 1, 0],
      mentorCapacity: [2, 1],
    });
    const coverageFirst = optimal.run({ matrix: capped, solver, locked: [] });
    expect(new Set(coverageFirst.pairs.map((p) => p.mentor)).size).toBe(2);
    const scoreFirst = optimalStrategy({ name: 'optimal', mentorCoverage: false, alternates: 0 }).run({
      matrix: capped,
      solver,
      locked: [],
    });
    expect(scoreFirst.pairs.map((p) => p.mentor)).toEqual([0, 0]);
    expect(scoreFirst.bestPossibleMentorCoverage).toBeNull();
  });

  it('includes locked pairs and marks them', () => {
    const matrix = makeMatrix({
      scores: [
        [1, 9],
        [9, 1],
      ],
    });
    const outcome = optimal.run({ matrix, solver, locked: [{ mentee: 0, mentor: 0 }] });
    expect(outcome.pairs.map((p) => [p.mentee, p.mentor, p.locked])).toEqual([
      [0, 0, true],
      [1, 1, false],
    ]);
  });

  it('passes the solver only eligible pairs between people with capacity, as sparse edges', () => {
    const matrix = makeMatrix({
      scores: [
        [1, null, 3],
        [4, 5, 6],
      ],
      mentorCapacity: [1, 1, 0],
    });
    const problem = capacitatedProblem(matrix, [], ['rows']);
    expect(problem.scores).toBeUndefined();
    expect([...problem.edges!.row]).toEqual([0, 1, 1]);
    expect([...problem.edges!.col]).toEqual([0, 0, 1]);
    expect([...problem.edges!.score]).toEqual([1, 4, 5]);
  });

  it('is the default when a rule set names no strategy', () => {
    expect(strategyFor(undefined).name).toBe('optimal');
  });

  it('never matches fewer mentees than rounds, and both keep capacities, locks and forbidden pairs', () => {
    fc.assert(
      fc.property(instance, ({ matrix, locked }) => {
        const best = optimal.run({ matrix, solver, locked });
        const reference = rounds.run({ matrix, solver, locked });
        expect(menteesCovered(best)).toBeGreaterThanOrEqual(menteesCovered(reference));
        expectConstraintsHold(matrix, locked, best);
        expectConstraintsHold(matrix, locked, reference);
      }),
      { numRuns: 150 },
    );
  });

  it('reaches the coverage and total of an exhaustive search', () => {
    fc.assert(
      fc.property(instance, ({ matrix, locked }) => {
        const best = optimal.run({ matrix, solver, locked });
        const oracle = bruteForceCapacitated(capacitatedProblem(matrix, locked, ['rows', 'cols']));
        const total = best.pairs.reduce(
          (sum, p) => sum + pairScore(matrix, p.mentee * matrix.mentors.length + p.mentor),
          0,
        );
        expect(menteesCovered(best)).toBe(oracle.rowsCovered);
        expect(new Set(best.pairs.map((p) => p.mentor)).size).toBe(oracle.colsCovered);
        expect(total).toBeCloseTo(oracle.total, 9);
      }),
      { numRuns: 100 },
    );
  });
});
