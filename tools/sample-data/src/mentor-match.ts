// Synthetic sign-ups in exactly the reference Mentor Match format (two CSV tables), and the same
// people as one table with a role column.
import type { Cell, Table } from '@mentor-matcher/tabular';
import { generatePeople, type GenerateOptions, type Person } from './people.js';

export const mentorHeader = [
  'first name',
  'last name',
  'email address',
  'both mentor and mentee',
  'job title',
  'grade',
  'organisation',
  'profession',
  'characteristics',
  'biography',
] as const;

export const menteeHeader = [
  'first name',
  'last name',
  'email address',
  'both mentor and mentee',
  'job title',
  'grade',
  'organisation',
  'profession',
  'match with similar identity',
  'identity to match',
  'biography',
] as const;

export const peopleHeader = [
  'first name',
  'last name',
  'email address',
  'role',
  'job title',
  'grade',
  'organisation',
  'profession',
  'characteristics',
  'match with similar identity',
  'identity to match',
  'biography',
] as const;

export type MentorMatchDataOptions = GenerateOptions;

export function generateMentorMatchData(options: MentorMatchDataOptions): { mentors: Table; mentees: Table } {
  const people = generatePeople(options);
  return {
    mentors: table('mentors.csv', mentorHeader, people.mentors.map(mentorRow)),
    mentees: table('mentees.csv', menteeHeader, people.mentees.map(menteeRow)),
  };
}

/**
 * One table with a `role` column (mentor / mentee / both): the "one sheet" format. A person who is
 * in both lists appears once with role `both`, their mentor and mentee answers on one row.
 */
export function generatePeopleTable(options: MentorMatchDataOptions): Table {
  const people = generatePeople(options);
  const menteeByEmail = new Map(people.mentees.map((m) => [m.email, m]));
  const rows: Cell[][] = [];
  const done = new Set<string>();
  for (const mentor of people.mentors) {
    const asMentee = menteeByEmail.get(mentor.email);
    rows.push(personRow(mentor, asMentee ? 'both' : 'mentor', asMentee));
    done.add(mentor.email);
  }
  for (const mentee of people.mentees) {
    if (!done.has(mentee.email)) rows.push(personRow(mentee, 'mentee', mentee));
  }
  return table('people.csv', peopleHeader, rows);
}

function mentorRow(p: Person): Cell[] {
  return [
    p.firstName,
    p.lastName,
    p.email,
    yesNo(p.bothMentorAndMentee),
    p.jobTitle,
    p.grade,
    p.organisation,
    p.profession,
    p.characteristics.join(', '),
    p.biography,
  ];
}

function menteeRow(p: Person): Cell[] {
  return [
    p.firstName,
    p.lastName,
    p.email,
    yesNo(p.bothMentorAndMentee),
    p.jobTitle,
    p.grade,
    p.organisation,
    p.profession,
    yesNo(p.matchWithSimilarIdentity),
    p.identityToMatch,
    p.biography,
  ];
}

function personRow(p: Person, role: 'mentor' | 'mentee' | 'both', asMentee: Person | undefined): Cell[] {
  return [
    p.firstName,
    p.lastName,
    p.email,
    role,
    p.jobTitle,
    p.grade,
    p.organisation,
    p.profession,
    role === 'mentee' ? '' : p.characteristics.join(', '),
    asMentee ? yesNo(asMentee.matchWithSimilarIdentity) : '',
    asMentee?.identityToMatch ?? '',
    (asMentee ?? p).biography,
  ];
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

function table(source: string, header: readonly string[], rows: Cell[][]): Table {
  return { source, header: [...header], rows, headerRow: 1, firstColumn: 0 };
}
