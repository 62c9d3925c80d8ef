import { describe, expect, it } from 'vitest';
import { sampleTables } from '../../test/input-fixtures.js';
import { detectMapping } from '../mapping.js';
import { readParticipants } from '../participants.js';
import { scorePairs } from '../scoring.js';
import { checkInput } from '../checks.js';
import { getPreset, presets } from './presets.js';
import { isEligiblePair, pairScore } from '../score-codes.js';
import type { Cell, Table } from '@mentor-matcher/tabular';
import type { Participant } from '../model.js';

/**
 * The reference's `base_rules()` (jonodrew/mentor-match, mentor_match_web/app/helpers.py) restated
 * over the raw CSV strings, as its CSMentor/CSMentee read them (app/classes.py): Python `==` and
 * `in` on the text as written, the grade as its index on the ladder, the mentor's characteristics
 * split on ", ". Shares no code with the rule evaluator. Null = disqualified.
 */
const referenceGrades = ['AA', 'AO', 'EO', 'HEO', 'SEO', 'Grade 7', 'Grade 6', 'SCS1', 'SCS2', 'SCS3', 'SCS4'];
type Row = Record<string, string>;
function referenceScore(mentor: Row, mentee: Row): number | null {
  if (mentee['organisation'] === mentor['organisation']) return null;
  const gap = referenceGrades.indexOf(mentor['grade']) - referenceGrades.indexOf(mentee['grade']);
  if (gap > 2 || gap <= 0) return null;
  let score = gap === 2 ? 12 : 9;
  if (mentee['profession'] === mentor['profession']) score += 10;
  const characteristic = mentee['identity to match'];
  if (characteristic !== '' && (mentor['characteristics'] ?? '').split(', ').includes(characteristic)) score += 6;
  return score;
}
const rowsOf = (t: Table): Row[] =>
  t.rows.map((row) => Object.fromEntries(t.header.map((name, c) => [name, row[c] === null ? '' : String(row[c])])));

/** Participants from header and rows, read through the preset's own mapping. */
function sideOf(name: string, role: 'mentor' | 'mentee', header: string[], rows: Cell[][]): Participant[] {
  const ruleSet = getPreset(name);
  const t: Table = { source: `${role}s.csv`, header, rows, headerRow: 1, firstColumn: 0 };
  return readParticipants(t, role, detectMapping(header, role, ruleSet), ruleSet).participants;
}
const mentorHeader = ['email address', 'grade', 'organisation', 'profession', 'characteristics'];
const menteeHeader = [
  'email address',
  'grade',
  'organisation',
  'profession',
  'match with similar identity',
  'identity to match',
];
/** One mentor and one mentee scored by a preset: the pair's score, or null when excluded. */
function scoreOne(name: string, mentor: Cell[], mentee: Cell[]): number | null {
  const matrix = scorePairs(
    sideOf(name, 'mentor', mentorHeader, [['mentor@x.org', ...mentor]]),
    sideOf(name, 'mentee', menteeHeader, [['mentee@x.org', ...mentee]]),
    getPreset(name),
  );
  return isEligiblePair(matrix, 0) ? pairScore(matrix, 0) : null;
}

function scoreSample(name: string) {
  const ruleSet = getPreset(name);
  const { mentors: mentorTable, mentees: menteeTable } = sampleTables();
  const mentors = readParticipants(
    mentorTable,
    'mentor',
    detectMapping(mentorTable.header, 'mentor', ruleSet),
    ruleSet,
  );
  const mentees = readParticipants(
    menteeTable,
    'mentee',
    detectMapping(menteeTable.header, 'mentee', ruleSet),
    ruleSet,
  );
  const matrix = scorePairs(mentors.participants, mentees.participants, ruleSet);
  const pair = (mentee: number, mentor: number) => {
    const k = mentee * matrix.mentors.length + mentor;
    return isEligiblePair(matrix, k) ? pairScore(matrix, k) : null;
  };
  return { ruleSet, mentors, mentees, matrix, pair };
}

describe('presets', () => {
  it('mentor-match keeps the reference method: three rounds, unmatched bonus 6, its tie-breaking, capacities 3 and 3', () => {
    const preset = getPreset('mentor-match');
    expect(preset.strategy).toEqual({ name: 'rounds', rounds: 3, unmatchedBonus: 6, ties: 'reference' });
    expect(preset.capacity).toEqual({ mentor: { default: 3 }, mentee: { default: 3 } });
    expect(preset.ladders.grade).toEqual([
      'AA',
      'AO',
      'EO',
      'HEO',
      'SEO',
      'Grade 7',
      'Grade 6',
      'SCS1',
      'SCS2',
      'SCS3',
      'SCS4',
    ]);
  });

  it('mentor-match-optimal has the same rules with the optimal strategy', () => {
    const optimal = getPreset('mentor-match-optimal');
    expect(optimal.rules).toEqual(presets['mentor-match'].rules);
    expect(optimal.strategy).toEqual({ name: 'optimal', mentorCoverage: true, alternates: 3 });
  });

  it('mentor-match-adjusted has the same rule ids, points and ladder, with the optimal strategy', () => {
    const adjusted = getPreset('mentor-match-adjusted');
    const outline = (rules: typeof adjusted.rules) =>
      rules.map((r) => [r.id, r.kind, r.kind === 'score' ? r.points : null]);
    expect(outline(adjusted.rules)).toEqual(outline(presets['mentor-match'].rules));
    expect(adjusted.ladders).toEqual(presets['mentor-match'].ladders);
    expect(adjusted.strategy).toEqual({ name: 'optimal', mentorCoverage: true, alternates: 3 });
  });

  it('getPreset returns a copy that can be edited without changing the preset', () => {
    const copy = getPreset('mentor-match');
    copy.rules.pop();
    expect(presets['mentor-match'].rules).toHaveLength(6);
  });

  it('getPreset names the presets when the name is unknown', () => {
    expect(() => getPreset('nope')).toThrow(
      'no preset named "nope" (presets: mentor-match, mentor-match-optimal, mentor-match-adjusted)',
    );
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
    expect(sample.matrix.explainPair(7, 27).contributions.map((c) => c.ruleId)).toEqual([
      'grade-gap-2',
      'same-profession',
      'shared-identity',
    ]);
  });

  it('adds 9 + 10 + 6 for mentee 25 and mentor 26', () => {
    expect(sample.pair(25, 26)).toBe(25);
  });

  it('counts the identity whatever the mentee answered to "match with similar identity", as the reference (mentee 04 said no: 18)', () => {
    expect(sample.pair(4, 17)).toBe(18);
    expect(sample.matrix.explainPair(4, 17).contributions.map((c) => c.ruleId)).toEqual([
      'grade-gap-2',
      'shared-identity',
    ]);
  });

  it("gives every one of the 2,500 pairs the reference's score (392 eligible, worth 5,318 points)", () => {
    const { mentors: mentorTable, mentees: menteeTable } = sampleTables();
    const mentorRows = rowsOf(mentorTable);
    const menteeRows = rowsOf(menteeTable);
    let eligible = 0;
    let total = 0;
    menteeRows.forEach((mentee, i) =>
      mentorRows.forEach((mentor, j) => {
        const expected = referenceScore(mentor, mentee);
        expect(sample.pair(i, j), `mentee ${i}, mentor ${j}`).toBe(expected);
        if (expected !== null) {
          eligible++;
          total += expected;
        }
      }),
    );
    expect({ eligible, total }).toEqual({ eligible: 392, total: 5318 });
  });
});

describe('the mentor-match preset scores as the reference, rule by rule', () => {
  // The example: Grade 7 mentor "Gay, Lesbian", SEO mentee in the same profession who answered
  // "no" but named "Gay": 9 + 10 + 6 in the reference.
  const mentor = ['Grade 7', 'Dept A', 'Policy', 'Gay, Lesbian'];
  const mentee = ['SEO', 'Dept B', 'Policy', 'no', 'Gay'];

  it('gives the identity points to a mentee who answered "no" (25)', () => {
    expect(scoreOne('mentor-match', mentor, mentee)).toBe(25);
  });

  it('compares professions exactly: "policy" is not "Policy" (15 without the profession points)', () => {
    expect(scoreOne('mentor-match', mentor, ['SEO', 'Dept B', 'policy', 'no', 'Gay'])).toBe(15);
  });

  it('compares organisations exactly: "dept a" and "Dept A" are different organisations, so the pair is allowed', () => {
    expect(scoreOne('mentor-match', mentor, ['SEO', 'dept a', 'Policy', 'no', 'Gay'])).toBe(25);
  });

  it('treats two blank organisations as the same organisation, as Python\'s "" == "" does', () => {
    expect(scoreOne('mentor-match', ['Grade 7', null, 'Policy', ''], ['SEO', null, 'Policy', 'yes', ''])).toBeNull();
  });

  it('splits characteristics on ", " only: "Gay,Lesbian" offers neither Gay nor Lesbian', () => {
    expect(scoreOne('mentor-match', ['Grade 7', 'Dept A', 'Policy', 'Gay,Lesbian'], mentee)).toBe(19);
  });

  it('never counts a blank identity, even against a mentor with no characteristics', () => {
    expect(
      scoreOne('mentor-match', ['Grade 7', 'Dept A', 'Policy', null], ['SEO', 'Dept B', 'Policy', 'yes', null]),
    ).toBe(19);
  });
});

describe('the mentor-match-adjusted preset: the kinder reading, on purpose', () => {
  const mentor = ['Grade 7', 'Dept A', 'Policy', 'Gay, Lesbian'];

  it('honours a mentee\'s "no": no identity points (19 where the reference gives 25)', () => {
    expect(scoreOne('mentor-match-adjusted', mentor, ['SEO', 'Dept B', 'Policy', 'no', 'Gay'])).toBe(19);
    expect(scoreOne('mentor-match-adjusted', mentor, ['SEO', 'Dept B', 'Policy', 'yes', 'Gay'])).toBe(25);
  });

  it('ignores case and spacing in professions and organisations', () => {
    expect(scoreOne('mentor-match-adjusted', mentor, ['SEO', 'Dept B', ' policy', 'yes', 'Gay'])).toBe(25);
    expect(scoreOne('mentor-match-adjusted', mentor, ['SEO', 'dept  a', 'Policy', 'yes', 'Gay'])).toBeNull();
  });

  it('splits characteristics on any comma', () => {
    expect(
      scoreOne(
        'mentor-match-adjusted',
        ['Grade 7', 'Dept A', 'Policy', 'Gay,Lesbian'],
        ['SEO', 'Dept B', 'Policy', 'yes', 'Lesbian'],
      ),
    ).toBe(25);
  });

  it('never treats two blank organisations as the same', () => {
    expect(scoreOne('mentor-match-adjusted', ['Grade 7', null, 'Policy', ''], ['SEO', null, 'Policy', 'yes', ''])).toBe(
      19,
    );
  });

  it("scores the sample's 392 eligible pairs at 5,228 points: 15 identity matches fewer, for mentees who said no", () => {
    const sample = scoreSample('mentor-match-adjusted');
    let eligible = 0;
    let total = 0;
    for (let k = 0; k < sample.matrix.codes.length; k++) {
      if (isEligiblePair(sample.matrix, k)) {
        eligible++;
        total += pairScore(sample.matrix, k);
      }
    }
    expect({ eligible, total }).toEqual({ eligible: 392, total: 5228 });
    expect(sample.pair(4, 17)).toBe(12);
  });
});
