import { describe, expect, it } from 'vitest';
import { pickSample, scorePicks } from './beat-sample.js';

const source = {
  mentees: 20,
  mentors: 15,
  // Every pair eligible, scoring 0.
  codes: new Uint8Array(300).fill(1),
  scoreOfCode: Float64Array.from([Number.NaN, 0]),
  chosen: [
    { mentee: 3, mentor: 4 },
    { mentee: 7, mentor: 9 },
  ],
  menteeNames: [],
  mentorNames: [],
};

describe('pickSample', () => {
  it('includes the people of chosen pairs, then fills to the size without repeats', () => {
    const { mentees, mentors } = pickSample(source, 8, 1);
    expect(mentees).toHaveLength(8);
    expect(new Set(mentees).size).toBe(8);
    expect(new Set(mentors).size).toBe(8);
    expect(mentees).toEqual(expect.arrayContaining([3, 7]));
    expect(mentors).toEqual(expect.arrayContaining([4, 9]));
  });

  it('gives the same sample for the same seed', () => {
    expect(pickSample(source, 8, 42)).toEqual(pickSample(source, 8, 42));
  });

  it('shrinks to the smaller side', () => {
    expect(pickSample({ ...source, mentors: 3 }, 8, 1).mentors).toHaveLength(3);
  });
});

describe('scorePicks', () => {
  const sample = {
    scores: [
      [5, null],
      [2, 7],
    ],
  };

  it('adds the scores of the picked pairs and counts mentees covered', () => {
    expect(
      scorePicks(sample, [
        { mentee: 0, mentor: 0 },
        { mentee: 1, mentor: 1 },
      ]),
    ).toEqual({ total: 12, covered: 2, valid: true });
  });

  it('marks picks invalid when a pair is ineligible or a person is used twice', () => {
    expect(scorePicks(sample, [{ mentee: 0, mentor: 1 }]).valid).toBe(false);
    expect(
      scorePicks(sample, [
        { mentee: 0, mentor: 0 },
        { mentee: 1, mentor: 0 },
      ]).valid,
    ).toBe(false);
  });
});
