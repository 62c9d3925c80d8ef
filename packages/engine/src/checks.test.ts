import { describe, expect, it } from 'vitest';
import { person, table } from '../test/input-fixtures.js';
import { checkInput } from './checks.js';
import { detectMapping } from './mapping.js';
import type { Participant } from './model.js';
import { readParticipants } from './participants.js';
import { getPreset } from './rules/presets.js';
import { parseRuleSet } from './rules/schema.js';
import { scorePairs } from './scoring.js';

const preset = getPreset('mentor-match');
const header = [
  'name',
  'email',
  'grade',
  'organisation',
  'profession',
  'characteristics',
  'match with similar identity',
  'identity to match',
];

function side(role: 'mentor' | 'mentee', rows: (string | null)[][]): Participant[] {
  const t = table(`${role}s.csv`, header, rows);
  return readParticipants(t, role, detectMapping(header, role, preset), preset).participants;
}

const mentors = () =>
  side('mentor', [
    ['Ann', 'ann@x.org', 'SCS1', 'Dept A', 'Policy', '', '', ''],
    ['Bob', 'bob@x.org', 'Grade 6', 'Dept B', 'Policy', '', '', ''],
  ]);
const mentees = () =>
  side('mentee', [
    ['Cat', 'cat@x.org', 'Grade 7', 'Dept B', 'Policy', '', 'yes', ''],
    ['Dan', 'dan@x.org', 'HEO', 'Dept A', 'HR', '', 'yes', ''],
  ]);

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('checkInput', () => {
  it('finds nothing wrong in clean input', () => {
    expect(checkInput(mentors(), mentees(), preset)).toEqual([]);
  });

  it('reports a duplicate email within a side as an error, naming both rows', () => {
    const dup = side('mentee', [
      ['Cat', 'cat@x.org', 'Grade 7', 'Dept B', 'Policy', '', 'yes', ''],
      ['Cathy', ' CAT@x.org', 'HEO', 'Dept B', 'Policy', '', 'yes', ''],
    ]);
    const problems = checkInput(mentors(), dup, preset);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'duplicate-id',
        table: 'mentees.csv',
        row: 3,
        column: 'email',
        value: 'CAT@x.org',
      }),
    ]);
    expect(problems[0].message).toMatch(/row 3: cat@x\.org is already listed as a mentee on row 2/);
  });

  it('allows the same person as a mentor and a mentee', () => {
    const asMentee = side('mentee', [['Ann', 'ann@x.org', 'Grade 7', 'Dept C', 'Policy', '', 'yes', '']]);
    expect(codes(checkInput(mentors(), asMentee, preset))).not.toContain('duplicate-id');
  });

  it('reports a grade that is not on the ladder, with row, column and value', () => {
    const bad = side('mentee', [['Cat', 'cat@x.org', 'Grade 8', 'Dept B', 'Policy', '', 'yes', '']]);
    expect(checkInput(mentors(), bad, preset)).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'value-not-on-ladder',
        table: 'mentees.csv',
        row: 2,
        column: 'grade',
        value: 'Grade 8',
      }),
    ]);
  });

  it('accepts ladder aliases such as "7" and "G6"', () => {
    const aliased = side('mentee', [
      ['Cat', 'cat@x.org', '7', 'Dept B', 'Policy', '', 'yes', ''],
      ['Dan', 'dan@x.org', 'g6', 'Dept C', 'Policy', '', 'yes', ''],
    ]);
    expect(checkInput(mentors(), aliased, preset)).toEqual([]);
  });

  it('warns once per column about blank grades, listing the rows', () => {
    const blank = side('mentee', [
      ['Cat', 'cat@x.org', '', 'Dept B', 'Policy', '', 'yes', ''],
      ['Dan', 'dan@x.org', null, 'Dept C', 'HR', '', 'yes', ''],
    ]);
    const problems = checkInput(mentors(), blank, preset);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'blank-value', column: 'grade' })]);
    expect(problems[0].message).toMatch(/rows 2, 3/);
  });

  it('warns about near-duplicate organisations across both tables, naming both values and their rows', () => {
    const variant = side('mentee', [['Cat', 'cat@x.org', 'Grade 7', 'Department B', 'Policy', '', 'yes', '']]);
    const problems = checkInput(mentors(), variant, preset);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'near-duplicate-value', column: 'organisation' }),
    ]);
    expect(problems[0].message).toBe(
      'Column "organisation": "Dept B" (mentors.csv row 3) and "Department B" (mentees.csv row 2) look like the same value; the rules treat them as different, so correct one of them if they are the same.',
    );
  });

  it('says a case variant is a different organisation to the reference preset, which compares exactly', () => {
    const variant = side('mentee', [['Cat', 'cat@x.org', 'Grade 7', 'dept b', 'Policy', '', 'yes', '']]);
    const problems = checkInput(mentors(), variant, preset);
    expect(problems.map((p) => p.message)).toEqual([
      'Column "organisation": "Dept B" (mentors.csv row 3) and "dept b" (mentees.csv row 2) look like the same value; the rules treat them as different, so correct one of them if they are the same.',
    ]);
    const adjusted = checkInput(mentors(), variant, getPreset('mentor-match-adjusted'));
    expect(adjusted.map((p) => p.message)).toEqual([
      'Column "organisation": "Dept B" (mentors.csv row 3) and "dept b" (mentees.csv row 2) look like the same value; they differ only in case or spacing, and the rules treat them as the same.',
    ]);
  });

  it('warns about a trailing space that makes another organisation to the reference preset', () => {
    const variant = side('mentee', [['Cat', 'cat@x.org', 'Grade 7', 'Dept B ', 'Policy', '', 'yes', '']]);
    expect(checkInput(mentors(), variant, preset).map((p) => p.message)).toEqual([
      'Column "organisation": "Dept B" (mentors.csv row 3) and "Dept B " (mentees.csv row 2) look like the same value; ' +
        'the rules treat them as different, so correct one of them if they are the same.',
    ]);
    expect(checkInput(mentors(), variant, getPreset('mentor-match-adjusted'))).toEqual([]);
  });

  it('warns when no row has the value an equals condition looks for', () => {
    const spelt = side('mentee', [
      ['Cat', 'cat@x.org', 'Grade 7', 'Dept B', 'Policy', '', 'Y', 'Gay'],
      ['Dan', 'dan@x.org', 'HEO', 'Dept A', 'HR', '', 'N', ''],
    ]);
    const problems = checkInput(mentors(), spelt, getPreset('mentor-match-adjusted'));
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'value-never-present',
        column: 'match with similar identity',
        value: 'yes',
      }),
    ]);
    expect(problems[0].message).toBe(
      `Rule "shared-identity" looks for "yes" in the mentees' "match with similar identity" column, but no row has it (values found: "Y", "N"), so the rule never applies`,
    );
  });

  it('warns when mentors offer fewer places than there are mentees', () => {
    const parsed = parseRuleSet({ ...preset, capacity: { mentor: { default: 1 }, mentee: { default: 1 } } });
    if (!parsed.ok) throw new Error('bad rule set');
    const three = side('mentee', [
      ['Cat', 'cat@x.org', 'Grade 7', 'Dept B', 'Policy', '', 'yes', ''],
      ['Dan', 'dan@x.org', 'HEO', 'Dept A', 'HR', '', 'yes', ''],
      ['Eve', 'eve@x.org', 'HEO', 'Dept C', 'HR', '', 'yes', ''],
    ]).map((p) => ({ ...p, capacity: 1 }));
    const problems = checkInput(
      mentors().map((p) => ({ ...p, capacity: 1 })),
      three,
      parsed.ruleSet,
    );
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'capacity-short' })]);
    expect(problems[0].message).toBe('Mentors offer 2 places for 3 mentees, so at least 1 mentee will have no mentor');
  });

  it('warns about a forbidden pair that names nobody in the data', () => {
    const parsed = parseRuleSet({ ...preset, forbiddenPairs: [{ mentor: 'ann@x.org', mentee: 'zed@x.org' }] });
    if (!parsed.ok) throw new Error('bad rule set');
    expect(checkInput(mentors(), mentees(), parsed.ruleSet)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'unknown-pair-id',
        message: expect.stringContaining('no mentee zed@x.org'),
      }),
    ]);
  });

  it('with the score matrix, warns about people with no eligible partner and says which rules excluded them', () => {
    const lonely = side('mentee', [
      ['Cat', 'cat@x.org', 'Grade 7', 'Dept B', 'Policy', '', 'yes', ''],
      ['Dan', 'dan@x.org', 'AA', 'Dept A', 'HR', '', 'yes', ''],
    ]);
    const matrix = scorePairs(mentors(), lonely, preset);
    const problems = checkInput(mentors(), lonely, preset, matrix).filter((p) => p.value === 'dan@x.org');
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'no-eligible-partner',
        table: 'mentees.csv',
        row: 3,
        value: 'dan@x.org',
      }),
    ]);
    expect(problems[0].message).toMatch(
      /Dan \(mentee\) has no eligible mentor; excluded by Mentor is not one or two grades above the mentee \(2\), Same organisation \(1\)/,
    );
  });

  it('reports people with capacity left, not someone with capacity 0, as lacking a partner', () => {
    const resting = [person('mentee', 0, { grade: 'AA', organisation: 'X' }, { capacity: 0 })];
    const them = [person('mentor', 0, { grade: 'SCS4', organisation: 'Y' })];
    const matrix = scorePairs(them, resting, preset);
    const problems = checkInput(them, resting, preset, matrix).filter((p) => p.code === 'no-eligible-partner');
    expect(problems.map((p) => p.value)).toEqual(['mentor.0@example.org']);
  });
});
