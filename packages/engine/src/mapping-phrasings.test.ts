// Column detection on headers as sign-up forms really phrase them. The expectations are written
// out by hand, header by header, from Microsoft Forms and Google Forms exports and the reference
// system's own files: an oracle that shares nothing with the detector's synonym lists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeMapping, detectMapping } from './mapping.js';
import { fieldKey } from './fields.js';
import { getPreset } from './rules/presets.js';

const preset = getPreset('mentor-match');
const adjusted = getPreset('mentor-match-adjusted');

/** [header as exported, the field it holds]; each checked on its own beside unrelated headers. */
const phrasings: [string, string][] = [
  ['Email', 'email'],
  ['Email address', 'email'],
  ['What is your email address?', 'email'],
  ['Your work email address', 'email'],
  ['Your first name', 'firstName'],
  ['First name', 'firstName'],
  ['What is your first name?', 'firstName'],
  ['Your last name', 'lastName'],
  ['Surname', 'lastName'],
  ['Your full name', 'name'],
  ['Your grade', 'grade'],
  ['What is your grade?', 'grade'],
  ['What is your current grade?', 'grade'],
  ['Grade (or equivalent)', 'grade'],
  ['Your department or agency', 'organisation'],
  ['Department or agency', 'organisation'],
  ['Which department do you work in?', 'organisation'],
  ['Organisation', 'organisation'],
  ['Your profession', 'profession'],
  ['What is your profession?', 'profession'],
  ['Your job title', 'jobTitle'],
  ['What is your job title?', 'jobTitle'],
  ['Tell us a little about yourself', 'bio'],
  ['About you', 'bio'],
  ['Biography', 'bio'],
  ['Start time', 'timestamp'],
  ['Completion time', 'timestamp'],
  ['Timestamp', 'timestamp'],
  ['Which of these describe you? (select all that apply)', 'characteristics'],
  ['Which identity would you like your mentor to share?', 'identity to match'],
];

describe('detecting fields from form phrasings', () => {
  it.each(phrasings)('reads "%s" as the %s field', (header, field) => {
    const mapping = detectMapping(['ID', header, 'Anything else?'], 'people', preset);
    expect(mapping[field]).toBe(header);
    // And no other field took it.
    expect(
      Object.entries(mapping)
        .filter(([, column]) => column === header)
        .map(([f]) => f),
    ).toEqual([field]);
  });

  it('reads each phrasing the same whatever its case, spacing and closing punctuation', () => {
    const styled = fc.record({
      at: fc.nat({ max: phrasings.length - 1 }),
      upper: fc.boolean(),
      spaces: fc.constantFrom(' ', '  '),
      end: fc.constantFrom('', '?', ':', ' *', ' (required)'),
      position: fc.nat({ max: 2 }),
    });
    fc.assert(
      fc.property(styled, ({ at, upper, spaces, end, position }) => {
        const [header, field] = phrasings[at];
        const text = `${upper ? header.toUpperCase() : header}`.replaceAll(' ', spaces) + end;
        const others = ['ID', 'Anything else?'];
        const columns = [...others.slice(0, position), text, ...others.slice(position)];
        expect(detectMapping(columns, 'people', preset)[field]).toBe(text);
      }),
    );
  });

  it.each([
    'Do you want to be a mentor, a mentee or both?',
    'Would you like to be a mentee or a mentor?',
    'Mentor or mentee',
    'Role',
  ])('reads "%s" as the role question of a one-sheet export', (header) => {
    expect(detectMapping(['Email', header], 'people', preset).role).toBe(header);
  });

  it('never reads a role from a one-side table ("both mentor and mentee" is a yes/no there)', () => {
    expect(detectMapping(['email address', 'both mentor and mentee'], 'mentee', preset).role).toBeUndefined();
  });

  it('maps a whole Microsoft Forms export, keeping the sign-up time and the completion time apart', () => {
    const header = [
      'ID',
      'Start time',
      'Completion time',
      'Email',
      'Your first name',
      'Your last name',
      'Do you want to be a mentor, a mentee or both?',
      'Your job title',
      'Your grade',
      'Your department or agency',
      'Your profession',
      'Which of these describe you? (select all that apply)',
      'Would you like a mentor who shares an identity with you?',
      'Which identity would you like your mentor to share?',
      'Tell us a little about yourself',
    ];
    expect({ ...detectMapping(header, 'people', adjusted) }).toEqual({
      timestamp: 'Completion time',
      email: 'Email',
      firstName: 'Your first name',
      lastName: 'Your last name',
      role: 'Do you want to be a mentor, a mentee or both?',
      jobTitle: 'Your job title',
      grade: 'Your grade',
      organisation: 'Your department or agency',
      profession: 'Your profession',
      characteristics: 'Which of these describe you? (select all that apply)',
      'match with similar identity': 'Would you like a mentor who shares an identity with you?',
      'identity to match': 'Which identity would you like your mentor to share?',
      bio: 'Tell us a little about yourself',
    });
  });
});

describe('column choices', () => {
  it('accept the person fields by the names people use', () => {
    expect(['first name', 'last name', 'biography', 'job title', 'timestamp', 'email'].map((f) => fieldKey(f))).toEqual(
      ['firstName', 'lastName', 'bio', 'jobTitle', 'timestamp', 'email'],
    );
  });

  it('win over detection, and null removes a field', () => {
    const mapping = detectMapping(['Email', 'Other email', 'Bio'], 'mentor', preset, {
      email: 'Other email',
      biography: null,
    });
    expect(mapping.email).toBe('Other email');
    expect(mapping.bio).toBeUndefined();
  });

  it('may be given in a rule set for every table, by field name', () => {
    const ruleSet = { ...preset, columns: { 'job title': 'Role held', characteristics: 'Which describe you' } };
    expect(detectMapping(['Role held', 'Which describe you'], 'mentor', ruleSet)).toMatchObject({
      jobTitle: 'Role held',
      characteristics: 'Which describe you',
    });
    expect(detectMapping(['Role held'], 'mentee', ruleSet).characteristics).toBeUndefined();
  });

  it("are ignored for a field the table's side does not read", () => {
    const mapping = detectMapping(['email address'], 'mentee', preset, { characteristics: 'Which describe you' });
    expect(mapping.characteristics).toBeUndefined();
  });
});

describe('describeMapping', () => {
  const header = ['Email', 'Your first name', 'Your grade', 'Notes'];
  const fields = describeMapping(header, 'mentor', preset, { 'job title': 'Notes' });

  it('lists every person field and every field the rules read on that side, found or not', () => {
    expect(fields.map((f) => f.field)).toEqual([
      'firstName',
      'lastName',
      'name',
      'email',
      'capacity',
      'bio',
      'jobTitle',
      'timestamp',
      'organisation',
      'grade',
      'profession',
      'characteristics',
    ]);
  });

  it('gives each its header or null, how it was chosen, and every header as a candidate', () => {
    const by = Object.fromEntries(fields.map((f) => [f.field, f]));
    expect(by.firstName).toMatchObject({
      label: 'first name',
      header: 'Your first name',
      source: 'detected',
      requiredBy: [],
    });
    expect(by.jobTitle).toMatchObject({ label: 'job title', header: 'Notes', source: 'chosen' });
    expect(by.organisation).toMatchObject({
      kind: 'category',
      header: null,
      source: 'none',
      requiredBy: ['same-organisation'],
    });
    expect(by.grade).toMatchObject({ kind: 'ladder', ladder: 'grade', header: 'Your grade' });
    expect(by.grade.requiredBy).toEqual(['grade-gap-outside-1-2', 'grade-gap-2', 'grade-gap-1']);
    expect(by.characteristics).toMatchObject({ kind: 'list', separator: ', ', requiredBy: ['shared-identity'] });
    expect(by.email.candidates).toEqual(header);
  });

  it('lists the role only for a one-table input', () => {
    expect(describeMapping(header, 'people', preset).some((f) => f.field === 'role')).toBe(true);
  });
});
