import { describe, expect, it } from 'vitest';
import { makeMatrix } from '../test/fixtures.js';
import { resolveFixedPairs } from './locks.js';

const mentor = (j: number) => `mentor.0${j}@example.org`;
const mentee = (i: number) => `mentee.0${i}@example.org`;

describe('locked pairs', () => {
  it('resolves ids (case and spacing ignored) to pair indexes', () => {
    const matrix = makeMatrix({
      scores: [
        [1, 2],
        [3, 4],
      ],
    });
    const fixed = resolveFixedPairs(matrix, [{ mentor: ` ${mentor(1).toUpperCase()} `, mentee: mentee(0) }]);
    expect(fixed.problems).toEqual([]);
    expect(fixed.locked).toEqual([{ mentee: 0, mentor: 1 }]);
  });

  it('reports a lock on a pair that is not eligible as an error naming both ids and the reason', () => {
    const matrix = makeMatrix({ scores: [[1, null]] });
    const fixed = resolveFixedPairs(matrix, [{ mentor: mentor(1), mentee: mentee(0) }]);
    expect(fixed.locked).toEqual([]);
    expect(fixed.problems).toHaveLength(1);
    expect(fixed.problems[0]).toMatchObject({ severity: 'error', code: 'locked-pair-not-eligible' });
    expect(fixed.problems[0].message).toContain(mentor(1));
    expect(fixed.problems[0].message).toContain(mentee(0));
    expect(fixed.problems[0].message).toContain('test-exclusion');
  });

  it('reports locks beyond a person’s capacity as an error naming the person and the partners', () => {
    const matrix = makeMatrix({ scores: [[1, 2]], menteeCapacity: 1 });
    const fixed = resolveFixedPairs(matrix, [
      { mentor: mentor(0), mentee: mentee(0) },
      { mentor: mentor(1), mentee: mentee(0) },
    ]);
    const problem = fixed.problems.find((p) => p.code === 'locked-pairs-exceed-capacity');
    expect(problem?.severity).toBe('error');
    expect(problem?.message).toContain(mentee(0));
    expect(problem?.message).toContain(`${mentor(0)}, ${mentor(1)}`);
  });

  it('reports a lock naming someone who is not in the input', () => {
    const matrix = makeMatrix({ scores: [[1]] });
    const fixed = resolveFixedPairs(matrix, [{ mentor: 'nobody@example.org', mentee: mentee(0) }]);
    expect(fixed.problems[0]).toMatchObject({ severity: 'error', code: 'locked-pair-unknown-person' });
    expect(fixed.problems[0].message).toContain('nobody@example.org');
  });
});

describe('re-matching with earlier pairs', () => {
  it('keeps every earlier pair that is still allowed', () => {
    const matrix = makeMatrix({
      scores: [
        [1, 2],
        [3, 4],
      ],
      mentorCapacity: 2,
      menteeCapacity: 2,
    });
    const fixed = resolveFixedPairs(
      matrix,
      [],
      [
        { mentorId: mentor(0), menteeId: mentee(1) },
        { mentorId: mentor(1), menteeId: mentee(1) },
      ],
    );
    expect(fixed.kept).toEqual([
      { mentee: 1, mentor: 0 },
      { mentee: 1, mentor: 1 },
    ]);
    expect(fixed.dropped).toEqual([]);
  });

  it('drops an earlier pair whose person has left, saying who', () => {
    const matrix = makeMatrix({ scores: [[1]] });
    const fixed = resolveFixedPairs(matrix, [], [{ mentorId: 'gone@example.org', menteeId: mentee(0) }]);
    expect(fixed.kept).toEqual([]);
    expect(fixed.dropped).toEqual([
      { mentorId: 'gone@example.org', menteeId: mentee(0), reason: 'mentor gone@example.org is no longer taking part' },
    ]);
  });

  it('drops an earlier pair that is no longer eligible, with the rule that excludes it', () => {
    const matrix = makeMatrix({ scores: [[null]] });
    const fixed = resolveFixedPairs(matrix, [], [{ mentorId: mentor(0), menteeId: mentee(0) }]);
    expect(fixed.dropped[0].reason).toBe('the pair is no longer allowed (test-exclusion)');
  });

  it('drops earlier pairs beyond a lowered capacity, keeping the first ones', () => {
    const matrix = makeMatrix({ scores: [[1, 2]], menteeCapacity: 1 });
    const fixed = resolveFixedPairs(
      matrix,
      [],
      [
        { mentorId: mentor(0), menteeId: mentee(0) },
        { mentorId: mentor(1), menteeId: mentee(0) },
      ],
    );
    expect(fixed.kept).toEqual([{ mentee: 0, mentor: 0 }]);
    expect(fixed.dropped[0].reason).toContain('room for 1 mentor');
  });

  it('gives a locked pair priority over an earlier pair for the same place', () => {
    const matrix = makeMatrix({ scores: [[1, 2]], menteeCapacity: 1 });
    const fixed = resolveFixedPairs(
      matrix,
      [{ mentor: mentor(1), mentee: mentee(0) }],
      [{ mentorId: mentor(0), menteeId: mentee(0) }],
    );
    expect(fixed.fixed).toEqual([{ mentee: 0, mentor: 1 }]);
    expect(fixed.dropped).toHaveLength(1);
  });
});
