import { describe, expect, it } from 'vitest';
import { table } from '../test/input-fixtures.js';
import { detectMapping } from './mapping.js';
import { participantValue, readParticipants, readPeople } from './participants.js';
import { getPreset } from './rules/presets.js';
import { parseRuleSet } from './rules/schema.js';
import { scorePairs } from './scoring.js';
import { INELIGIBLE } from './score-codes.js';

const preset = getPreset('mentor-match');
const mentorHeader = [
  'first name',
  'last name',
  'email address',
  'grade',
  'organisation',
  'profession',
  'characteristics',
];

function read(rows: (string | number | null)[][], header = mentorHeader, ruleSet = preset) {
  const t = table('mentors.csv', header, rows);
  return readParticipants(t, 'mentor', detectMapping(header, 'mentor', ruleSet), ruleSet);
}

/** A one-table sign-up, people.csv, whose column "Role" says mentor, mentee or both. */
const peopleHeader = [
  'Name',
  'Email',
  'Role',
  'grade',
  'organisation',
  'profession',
  'characteristics',
  'match with similar identity',
  'identity to match',
];

function readPeopleRows(rows: (string | null)[][]) {
  const t = table('people.csv', peopleHeader, rows);
  return readPeople(t, 'Role', detectMapping(peopleHeader, 'people', preset), preset);
}

describe('readParticipants', () => {
  it('builds a participant from a row', () => {
    const { participants, problems } = read([
      ['Ada', 'Lovelace', ' Ada@Example.org ', 'SCS1', 'Dept A', 'Policy', 'Gay'],
    ]);
    expect(problems).toEqual([]);
    expect(participants[0]).toMatchObject({
      id: 'ada@example.org',
      role: 'mentor',
      index: 0,
      name: 'Ada Lovelace',
      firstName: 'Ada',
      email: 'Ada@Example.org',
      capacity: 3,
      source: 'mentors.csv',
      row: 2,
    });
    expect(participants[0].attributes['organisation']).toBe('Dept A');
    expect(participantValue(participants[0], 'grade')).toBe('SCS1');
  });

  it('counts rows as the user sees them, from the header row', () => {
    const t = table(
      'Sheet1!B3',
      mentorHeader,
      [
        ['A', 'B', 'a@x.org', 'EO', 'X', 'P', ''],
        ['C', 'D', 'c@x.org', 'EO', 'X', 'P', ''],
      ],
      3,
    );
    const { participants } = readParticipants(t, 'mentor', detectMapping(mentorHeader, 'mentor', preset), preset);
    expect(participants.map((p) => p.row)).toEqual([4, 5]);
  });

  it('skips blank rows and reports each with its row number', () => {
    const { participants, problems } = read([
      ['A', 'B', 'a@x.org', 'EO', 'X', 'P', ''],
      [null, '', '  ', null, null, null, null],
      ['C', 'D', 'c@x.org', 'EO', 'X', 'P', ''],
    ]);
    expect(participants.map((p) => p.id)).toEqual(['a@x.org', 'c@x.org']);
    expect(participants.map((p) => p.index)).toEqual([0, 1]);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'blank-row', row: 3, table: 'mentors.csv' }),
    ]);
  });

  it('reports a rule column missing from the header, suggesting the nearest header', () => {
    const header = [
      'first name',
      'last name',
      'email address',
      'grade',
      'organsation',
      'profession',
      'characteristics',
    ];
    const { problems } = read([['A', 'B', 'a@x.org', 'EO', 'X', 'P', '']], header);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'missing-column',
        column: 'organisation',
        table: 'mentors.csv',
      }),
    ]);
    // One sentence naming the field and the rule, not a list of every header.
    expect(problems[0].message).toBe(
      'mentors.csv: no column was found for the field "organisation" (rule "same-organisation" reads it); ' +
        'choose the column that holds it, perhaps "organsation"',
    );
  });

  it('warns when there is no email column and identifies people by row', () => {
    const header = ['name', 'grade', 'organisation', 'profession', 'characteristics'];
    const { participants, problems } = read([['Ada Lovelace', 'EO', 'X', 'P', '']], header);
    expect(participants[0]).toMatchObject({ id: 'mentors.csv#2', email: null, name: 'Ada Lovelace', firstName: 'Ada' });
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'missing-column', column: 'email' }),
    ]);
  });

  it('takes capacities from the capacity column, blanks taking the default', () => {
    const header = [...mentorHeader, 'Max matches'];
    const { participants, problems } = read(
      [
        ['A', 'B', 'a@x.org', 'EO', 'X', 'P', '', 2],
        ['C', 'D', 'c@x.org', 'EO', 'X', 'P', '', ''],
        ['E', 'F', 'e@x.org', 'EO', 'X', 'P', '', '0'],
      ],
      header,
    );
    expect(problems).toEqual([]);
    expect(participants.map((p) => p.capacity)).toEqual([2, 3, 0]);
  });

  it('reports a capacity that is not a whole number, naming row, column and value', () => {
    const header = [...mentorHeader, 'capacity'];
    const { problems } = read([['A', 'B', 'a@x.org', 'EO', 'X', 'P', '', 'two']], header);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'invalid-capacity',
        row: 2,
        column: 'capacity',
        value: 'two',
      }),
    ]);
  });

  it('reads the capacity column the rule set names', () => {
    const parsed = parseRuleSet({
      ...preset,
      capacity: { mentor: { default: 1, column: 'places offered' }, mentee: { default: 1 } },
    });
    if (!parsed.ok) throw new Error(parsed.problems[0].message);
    const header = [...mentorHeader, 'Places offered'];
    const { participants } = read([['A', 'B', 'a@x.org', 'EO', 'X', 'P', '', 4]], header, parsed.ruleSet);
    expect(participants[0].capacity).toBe(4);
  });

  it('reports an overridden column that is not in the header', () => {
    const t = table('mentors.csv', mentorHeader, [['A', 'B', 'a@x.org', 'EO', 'X', 'P', '']]);
    const mapping = { ...detectMapping(mentorHeader, 'mentor', preset), bio: 'Biography' };
    const { problems } = readParticipants(t, 'mentor', mapping, preset);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', code: 'missing-column', column: 'Biography' }),
    ]);
  });
});

describe('a table with nobody in it', () => {
  it('is an error when it has only a header row', () => {
    const { participants, problems } = read([]);
    expect(participants).toEqual([]);
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'no-data-rows',
        table: 'mentors.csv',
        message:
          'mentors.csv has only a header row, so there are no mentors to match; check that this is the right file, sheet or range',
      },
    ]);
  });

  it('is an error when every row under the header is blank, and the blank rows are still listed', () => {
    const { problems } = read([
      [null, null, null, null, null, null, null],
      ['', ' ', null, null, null, null, null],
    ]);
    expect(problems.map((p) => [p.severity, p.code])).toEqual([
      ['error', 'no-data-rows'],
      ['warning', 'blank-row'],
    ]);
    expect(problems[0].message).toBe(
      'mentors.csv has a header and 2 blank rows, so there are no mentors to match; check that this is the right file, sheet or range',
    );
  });

  it('is an error in a one-table file with no people, or with nobody on one side', () => {
    expect(readPeopleRows([]).problems.map((p) => p.code)).toEqual(['no-data-rows']);
    const onlyMentors = readPeopleRows([['Ann', 'ann@x.org', 'mentor', 'SCS1', 'A', 'P', '', '', '']]);
    expect(onlyMentors.problems.map((p) => p.message)).toEqual([
      'people.csv: no row has the role mentee (or both) in column "Role", so there are no mentees to match',
    ]);
  });
});

describe('readPeople', () => {
  const rows = [
    ['Ann', 'ann@x.org', 'Mentor', 'SCS1', 'A', 'P', '', '', ''],
    ['Bob', 'bob@x.org', 'mentee', 'EO', 'B', 'P', '', 'no', ''],
    ['Cat', 'cat@x.org', 'Both', 'Grade 7', 'C', 'P', '', 'no', ''],
  ];
  const people = (data: (string | null)[][] = rows) => readPeopleRows(data);

  it('splits people into mentors and mentees by the role column', () => {
    const { mentors, mentees, problems } = people();
    expect(problems).toEqual([]);
    expect(mentors.map((p) => p.id)).toEqual(['ann@x.org', 'cat@x.org']);
    expect(mentees.map((p) => p.id)).toEqual(['bob@x.org', 'cat@x.org']);
  });

  it('gives a "both" person the same id and row on each side, with an index per side', () => {
    const { mentors, mentees } = people();
    expect(mentors[1]).toMatchObject({ id: 'cat@x.org', role: 'mentor', index: 1, row: 4 });
    expect(mentees[1]).toMatchObject({ id: 'cat@x.org', role: 'mentee', index: 1, row: 4 });
  });

  it('never lets a "both" person be scored as their own partner', () => {
    const { mentors, mentees } = people([
      ['Cat', 'cat@x.org', 'both', 'SCS1', 'C', 'P', '', 'no', ''],
      ['Dan', 'dan@x.org', 'both', 'SCS1', 'D', 'P', '', 'no', ''],
    ]);
    const open = getPreset('mentor-match');
    open.rules = [];
    const matrix = scorePairs(mentors, mentees, open);
    expect(Array.from(matrix.codes, (code) => code !== INELIGIBLE)).toEqual([false, true, true, false]);
    expect(matrix.explainPair(0, 0).excludedBy).toEqual(['same-person']);
  });

  it('reports an unknown role with row, column and value', () => {
    const { mentors, mentees, problems } = people([...rows, ['Dan', 'dan@x.org', 'coach', 'EO', 'D', 'P', '', '', '']]);
    expect(mentors.length + mentees.length).toBe(4);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', code: 'invalid-role', row: 5, column: 'Role', value: 'coach' }),
    ]);
  });

  it('reports a bad cell in a "both" row once', () => {
    const withCapacity = [...peopleHeader, 'capacity'];
    const t = table('people.csv', withCapacity, [['Cat', 'cat@x.org', 'both', 'SCS1', 'C', 'P', '', 'no', '', 'lots']]);
    const { problems } = readPeople(t, 'Role', detectMapping(withCapacity, 'people', preset), preset);
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid-capacity', row: 2, value: 'lots' })]);
  });

  it('reports a role column that does not exist', () => {
    const t = table('people.csv', peopleHeader, rows);
    const { problems } = readPeople(t, 'Rôle?', detectMapping(peopleHeader, 'people', preset), preset);
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', code: 'missing-column', column: 'Rôle?' })]);
  });

  it('reports a role column chosen in the mapping but not in the header once, with the nearest header', () => {
    const t = table('people.csv', peopleHeader, rows);
    const mapping = detectMapping(peopleHeader, 'people', preset, { role: 'Rol' });
    const { problems } = readPeople(t, 'Rol', mapping, preset);
    expect(problems.map((p) => [p.code, p.column])).toEqual([['missing-column', 'Rol']]);
    expect(problems[0].message).toContain('did you mean "Role"?');
  });
});
