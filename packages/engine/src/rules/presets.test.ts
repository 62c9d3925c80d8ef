import { describe, expect, it } from 'vitest';
import { sampleTables } from '../../test/input-fixtures.js';
import { detectMapping } from '../mapping.js';
import { readParticipants } from '../participants.js';
import { scorePairs } from '../scoring.js';
import { checkInput } from '../checks.js';
import { getPreset, presets } from './presets.js';
import { isEligiblePair, pairScore } from '../score-codes.js';

function scoreSample(name: string) {
  const ruleSet = getPreset(name);
  const { mentors: mentorTable, mentees: menteeTable } = sampleTables();
  const mentors = readParticipants(mentorTable, 'mentor', detectMapping(mentorTable.header, 'mentor', ruleSet), ruleSet);
  const mentees = readParticipants(menteeTable, 'mentee', detectMapping(menteeTable.header, 'mentee', ruleSet), ruleSet);
  const matrix = scorePairs(mentors.participants, mentees.participants, ruleSet);
  const pair = (mentee: number, mentor: number) => {
    const k = mentee * matrix.mentors.length + mentor;
    return isEligiblePair(matrix, k) ? pairScore(matrix, k) : null;
  };
  return { ruleSet, mentors, mentees, matrix, pair };
}

describe('presets', () => {
  it('mentor-match keeps the reference method: three rounds, unmatched bonus 6, capacities 3 and 3', () => {
    const preset = getPreset('mentor-match');
    expect(preset.strategy).toEqual({ name: 'rounds', rounds: 3, unmatchedBonus: 6 });
    expect(preset.capacity).toEqual({ mentor: { default: 3 }, mentee: { default: 3 } });
    expect(preset.ladders.grade).toEqual(['AA', 'AO', 'EO', 'HEO', 'SEO', 'Grade 7', 'Grade 6', 'SCS1', 'SCS2', 'SCS3', 'SCS4']);
  });

  it('mentor-match-optimal has the same rules with the optimal strategy', () => {
    const optimal = getPreset('mentor-match-optimal');
    expect(optimal.rules).toEqual(presets['mentor-match'].rules);
    expect(optimal.strategy).toEqual({ name: 'optimal', mentorCoverage: true, alternates: 3 });
  });

  it('getPreset returns a copy that can be edited without changing the preset', () => {
    const copy = getPreset('mentor-match');
    copy.rules.pop();
    expect(presets['mentor-match'].rules).toHaveLength(6);
  });

  it('getPreset names the presets when the name is unknown', () => {
    expect(() => getPreset('nope')).toThrow('no preset named "nope" (presets: mentor-match, mentor-match-optimal)');
  });
});

describe('the mentor-match preset on the reference sample (50 × 50)', () => {
  const sample = scoreSample('mentor-match');

  it('reads the sample without problems', () => {
    expect([...sample.mentors.problems, ...sample.mentees.problems]).toEqual([]);
    expect(checkInput(sample.mentors.participants, sample.mentees.participants, sample.ruleSet)).toEqual([]);
  });

  it('scores a one-grade gap in another organisation at 9 (mentee 00 HEO, mentor 03 SEO)', () => {
    expect(sample.pair(0, 3)).toBe(9);
  });

  it('excludes the same organisation (mentee 00 and mentor 02, both Department of Virtue)', () => {
    expect(sample.pair(0, 2)).toBeNull();
    expect(sample.matrix.explainPair(0, 2).excludedBy).toContain('same-organisation');
  });

  it('excludes a mentor more than two grades above (mentee 00 HEO, mentor 00 SCS4)', () => {
    expect(sample.pair(0, 0)).toBeNull();
    expect(sample.matrix.explainPair(0, 0).excludedBy).toEqual(['grade-gap-outside-1-2']);
  });

  it('adds 12 for two grades, 10 for the same profession and 6 for a shared identity (mentee 07, mentor 27: 28)', () => {
    expect(sample.pair(7, 27)).toBe(28);
    expect(sample.matrix.explainPair(7, 27).contributions.map((c) => c.ruleId)).toEqual(['grade-gap-2', 'same-profession', 'shared-identity']);
  });

  it('adds 9 + 10 + 6 for mentee 25 and mentor 26', () => {
    expect(sample.pair(25, 26)).toBe(25);
  });

  it('ignores a shared identity when the mentee did not ask to match it (mentee 04, mentor 17: 12)', () => {
    expect(sample.pair(4, 17)).toBe(12);
  });

  it('agrees with the reference rules on the whole grid: 392 eligible pairs worth 5,228 points', () => {
    let eligible = 0;
    let total = 0;
    for (let k = 0; k < sample.matrix.codes.length; k++) {
      if (isEligiblePair(sample.matrix, k)) {
        eligible++;
        total += pairScore(sample.matrix, k);
      }
    }
    expect({ eligible, total }).toEqual({ eligible: 392, total: 5228 });
  });
});
