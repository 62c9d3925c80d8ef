import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeMatrix } from '../test/fixtures.js';
import { solver } from '../test/solver.js';
import { resolveFixedPairs } from './locks.js';
import { optimalStrategy } from './strategies/optimal.js';
import { isEligiblePair } from './score-codes.js';

const optimal = optimalStrategy({ name: 'optimal', mentorCoverage: true, alternates: 0 });

/** A first run on one matrix, then a second matrix where some pairs became ineligible and capacities changed. */
const change = fc.record({
  scores: fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4 }), {
    minLength: 4,
    maxLength: 4,
  }),
  capacity: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 8, maxLength: 8 }),
  newCapacity: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 8, maxLength: 8 }),
  nowForbidden: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
});

describe('re-matching', () => {
  it('keeps every earlier pair that is still allowed and reports each one it drops', () => {
    fc.assert(
      fc.property(change, ({ scores, capacity, newCapacity, nowForbidden }) => {
        const before = makeMatrix({ scores, mentorCapacity: capacity.slice(0, 4), menteeCapacity: capacity.slice(4) });
        const earlier = optimal.run({ matrix: before, solver, locked: [] }).pairs.map((p) => ({
          mentorId: before.mentors[p.mentor].id,
          menteeId: before.mentees[p.mentee].id,
        }));
        const after = makeMatrix({
          scores: scores.map((row, i) => row.map((value, j) => (nowForbidden[i * 4 + j] ? null : value))),
          mentorCapacity: newCapacity.slice(0, 4),
          menteeCapacity: newCapacity.slice(4),
        });
        const fixed = resolveFixedPairs(after, [], earlier);
        const result = optimal.run({ matrix: after, solver, locked: fixed.fixed });
        const chosen = new Set(result.pairs.map((p) => `${after.mentors[p.mentor].id} ${after.mentees[p.mentee].id}`));
        // Allowed: still eligible, and each person's earlier pairs fit their new capacity, first come first kept.
        const used = new Map<string, number>();
        const fits = (id: string, cap: number) => (used.get(id) ?? 0) < cap;
        for (const pair of earlier) {
          const mentor = after.mentors.find((m) => m.id === pair.mentorId)!;
          const mentee = after.mentees.find((m) => m.id === pair.menteeId)!;
          const allowed =
            isEligiblePair(after, mentee.index * 4 + mentor.index) &&
            fits(mentor.id, mentor.capacity) &&
            fits(mentee.id, mentee.capacity);
          if (allowed) {
            used.set(mentor.id, (used.get(mentor.id) ?? 0) + 1);
            used.set(mentee.id, (used.get(mentee.id) ?? 0) + 1);
            expect(chosen.has(`${pair.mentorId} ${pair.menteeId}`)).toBe(true);
          } else {
            expect(fixed.dropped.some((d) => d.mentorId === pair.mentorId && d.menteeId === pair.menteeId)).toBe(true);
          }
        }
        expect(fixed.kept.length + fixed.dropped.length).toBe(earlier.length);
      }),
      { numRuns: 150 },
    );
  });
});
