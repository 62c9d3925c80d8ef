import { describe, expect, it } from 'vitest';
import { makeMatrix, type MatrixSpec } from '../test/fixtures.js';
import { solver } from '../test/solver.js';
import type { StrategySettings } from './model.js';
import { buildResult } from './result.js';
import { strategyFor } from './strategies/index.js';

const optimal: StrategySettings = { name: 'optimal', mentorCoverage: true, alternates: 2 };
const rounds: StrategySettings = { name: 'rounds', rounds: 1, unmatchedBonus: 6 };

function run(spec: MatrixSpec, settings: StrategySettings = optimal) {
  const matrix = makeMatrix(spec);
  const outcome = strategyFor(settings).run({ matrix, solver, locked: [] });
  return buildResult({ matrix, settings, outcome });
}

describe('match result', () => {
  it("gives each pair its rule contributions, its score (the rules' points), the bonus apart, and its round", () => {
    const result = run({ scores: [[7]] }, rounds);
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]).toMatchObject({ score: 7, bonus: 6, scoreWithBonus: 13, round: 1, locked: false });
    expect(result.pairs[0].contributions).toEqual([{ ruleId: 'points', label: 'Points', points: 7 }]);
  });

  it('ranks a chosen mentor among the mentee’s eligible mentors, ties sharing a rank', () => {
    // Mentee 0 must take mentor 2 (score 3) so that mentees 1 and 2 can have mentors 0 and 1.
    const result = run({
      scores: [
        [9, 9, 3],
        [5, 5, null],
        [4, 4, null],
      ],
      mentorCapacity: 1,
    });
    const ofMentee0 = result.pairs.find((p) => p.mentee.index === 0)!;
    expect(ofMentee0.mentor.index).toBe(2);
    expect(ofMentee0.rankForMentee).toBe(3);
    expect(result.pairs.find((p) => p.mentee.index === 1)!.rankForMentee).toBe(1);
  });

  it('lists the best unchosen eligible mentors as alternates, best first', () => {
    const result = run({ scores: [[1, 8, 6, 9, null]], mentorCapacity: 1 });
    expect(result.mentees[0].partners.map((p) => p.index)).toEqual([3]);
    expect(result.mentees[0].alternates.map((a) => [a.mentor.index, a.score])).toEqual([
      [1, 8],
      [2, 6],
    ]);
  });

  it('lists the pairs by round, then mentor, then mentee', () => {
    const scores = [
      [3, 9, 1, 4],
      [8, 2, 7, 5],
      [6, 6, 2, 9],
      [1, 5, 8, 3],
    ];
    for (const [settings, menteeCapacity] of [
      [{ name: 'rounds', rounds: 3, unmatchedBonus: 0 } as const, 3],
      [optimal, 2],
    ] as const) {
      const result = run({ scores, mentorCapacity: 2, menteeCapacity }, settings);
      const listed = result.pairs.map((p) => [p.round ?? 0, p.mentor.index, p.mentee.index]);
      expect(listed.length).toBeGreaterThan(4);
      const sorted = [...listed].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
      expect(listed).toEqual(sorted);
      if (settings.name === 'rounds') expect(new Set(listed.map(([round]) => round)).size).toBeGreaterThan(1);
    }
  });

  it('lists no alternates for the rounds strategy', () => {
    expect(run({ scores: [[1, 2]] }, rounds).mentees[0].alternates).toEqual([]);
  });

  it('gives every person an outcome: partners, or a reason', () => {
    const result = run({
      scores: [
        [1, null],
        [null, null],
        [2, null],
      ],
      mentorCapacity: [1, 1],
      menteeCapacity: [1, 1, 0],
    });
    expect(result.mentees).toHaveLength(3);
    expect(result.mentors).toHaveLength(2);
    for (const person of [...result.mentees, ...result.mentors])
      expect(person.partners.length > 0).not.toBe(person.reason !== null);
  });

  it('explains a capacity of 0', () => {
    const result = run({ scores: [[1]], menteeCapacity: 0 });
    expect(result.mentees[0].reason).toEqual({ kind: 'capacity-zero' });
  });

  it('explains no eligible partner, with how many candidates each exclusion removed', () => {
    const result = run({ scores: [[null, null]] });
    expect(result.mentees[0].reason).toEqual({
      kind: 'no-eligible-partner',
      excludedBy: [{ ruleId: 'test-exclusion', label: 'Test exclusion', count: 2 }],
    });
  });

  it('explains that every eligible partner is full, naming who holds the places', () => {
    const result = run({ scores: [[5], [5]] });
    const unmatched = result.mentees.find((m) => m.partners.length === 0)!;
    const holder = result.mentees.find((m) => m.partners.length === 1)!;
    expect(unmatched.reason).toEqual({
      kind: 'partners-at-capacity',
      heldBy: [{ partnerId: 'mentor.00@example.org', partnerName: 'Mentor 0', holders: [holder.participant.name] }],
      morePartners: 0,
    });
  });

  it('explains when the strategy preferred other pairs although a partner had room', () => {
    // One round gives the only mentor one mentee, although the mentor has room for two.
    const result = run({ scores: [[5], [5]], mentorCapacity: 2 }, { name: 'rounds', rounds: 1, unmatchedBonus: 0 });
    expect(result.mentees[1].reason?.kind).toBe('objective-preferred-others');
  });

  it('summarises coverage per number of matches, scores, and the best possible coverage', () => {
    const result = run({
      scores: [
        [4, 2],
        [6, null],
        [null, null],
      ],
      mentorCapacity: [2, 1],
      menteeCapacity: 2,
    });
    const { summary } = result;
    expect(summary.mentees).toEqual({ total: 3, matched: 2, countsByMatches: [1, 1, 1], bestPossible: 2 });
    expect(summary.mentors).toEqual({ total: 2, matched: 2, countsByMatches: [0, 1, 1], bestPossible: 2 });
    expect(summary).toMatchObject({ pairCount: 3, totalScore: 12, meanScore: 4, minScore: 2 });
    expect(summary.headlines[0]).toBe('2 of 3 mentees have a mentor; this is the most possible.');
  });

  it("keeps the rounds' unmatched bonus out of the total score and gives it apart, per round and overall", () => {
    // Round 1: mentee 0 with mentor 0 (7 + 6); round 2: mentee 0 with mentor 1 (3 + 6: mentor 1 has no partner yet).
    const result = run({ scores: [[7, 3]], menteeCapacity: 2 }, { name: 'rounds', rounds: 2, unmatchedBonus: 6 });
    const { summary } = result;
    expect(summary).toMatchObject({ pairCount: 2, totalScore: 10, totalBonus: 12, totalScoreWithBonus: 22 });
    expect(summary.rounds).toEqual([
      { round: 1, pairCount: 1, totalScore: 7, totalScoreWithBonus: 13 },
      { round: 2, pairCount: 1, totalScore: 3, totalScoreWithBonus: 9 },
    ]);
    expect(summary.headlines[2]).toBe(
      "2 pairs, total score 10, mean 5, lowest 3 (the rules' points; with the rounds' unmatched bonus the total is 22).",
    );
  });

  it('gives no bonus figures for the optimal strategy, which adds none', () => {
    const { summary } = run({ scores: [[7, 3]], menteeCapacity: 2 });
    expect(summary).toMatchObject({ totalScore: 10, totalBonus: null, totalScoreWithBonus: null, rounds: null });
    expect(summary.headlines[2]).toBe('2 pairs, total score 10, mean 5, lowest 3.');
  });

  it('says how far the rounds fall short of the most possible', () => {
    const result = run(
      {
        scores: [
          [10, 0],
          [9, null],
        ],
      },
      { name: 'rounds', rounds: 1, unmatchedBonus: 0 },
    );
    expect(result.summary.headlines[0]).toBe('1 of 2 mentees has a mentor; the most possible is 2.');
  });
});
