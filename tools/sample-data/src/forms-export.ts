// A sign-up export as a new coordinator really gets it from Microsoft Forms, and the same people as
// clean reference files: one sheet with a role question ("Mentor", "Mentee", "Both"), form-phrased
// headers, sign-up times written day first, organisations as people type them (acronyms, "Dept",
// "&", case and spacing, the acronym in brackets, a dropped letter), people who signed up twice
// (the earlier answer differs), saved by Excel as "CSV (Comma delimited)", i.e. Windows-1252. With
// it: the clean mentors.csv/mentees.csv of the rows that count, in the same order, every variant
// with its real name (the aliases a coordinator would accept) and the superseded rows.
import type { Cell, Table } from '@mentor-matcher/tabular';
import { writeCsv } from '@mentor-matcher/tabular';
import { menteeHeader, mentorHeader } from './mentor-match.js';
import { generatePeople, type GenerateOptions, type Person } from './people.js';
import { createRandom, type Random } from './random.js';
import { grades, organisations } from './vocabulary.js';

export const formsHeader = [
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
] as const;

export interface FormsExportOptions extends GenerateOptions {
  /** How many people signed up twice (an earlier, different answer). Default 12. */
  readonly duplicates?: number;
  /** Share of sign-ups whose organisation is written as a variant. Default 0.2. */
  readonly variantShare?: number;
}

export interface FormsExport {
  /** The export as Excel writes "CSV (Comma delimited)": Windows-1252, no byte-order mark, CRLF. */
  readonly bytes: Uint8Array;
  /** The same export as a table of text (names as Windows-1252 could hold them). */
  readonly table: Table;
  /** The reference-format files of the sign-ups that count, mentors and mentees in export order. */
  readonly mentors: Table;
  readonly mentees: Table;
  /** Every organisation variant written, with the real name: `field,value,canonical`. */
  readonly aliases: readonly { field: 'organisation'; value: string; canonical: string }[];
  /** Rows (as a spreadsheet numbers them) of the earlier sign-ups that a later one replaces. */
  readonly superseded: readonly { row: number; email: string }[];
}

type Role = 'Mentor' | 'Mentee' | 'Both';

interface SignUp {
  readonly person: Person;
  readonly role: Role;
  /** The mentee answers of a "Both" or "Mentee" row. */
  readonly asMentee?: Person;
  organisation: string;
  email: string;
  readonly earlier: boolean;
}

const stopWords = new Set(['the', 'of', 'for', 'and']);

function acronymOf(name: string): string {
  // "Ministry of Defence" is the MoD, "Ministry of Justice" the MoJ.
  const ministry = name.match(/^Ministry of (\w+)$/);
  if (ministry) return `Mo${ministry[1][0]}`;
  const words = name.split(/[^A-Za-z]+/).filter((word) => word !== '' && !stopWords.has(word.toLowerCase()));
  return words.map((word) => (/^[A-Z]{2,4}$/.test(word) ? word : word[0].toUpperCase())).join('');
}

/** Acronyms that name one organisation only (and no organisation is called that). */
const acronyms = (() => {
  const counts = new Map<string, number>();
  for (const name of organisations) counts.set(acronymOf(name), (counts.get(acronymOf(name)) ?? 0) + 1);
  return new Map(
    organisations
      .filter((name) => name.split(' ').length >= 2 && acronymOf(name).length >= 2 && counts.get(acronymOf(name)) === 1)
      .map((name) => [name, acronymOf(name)]),
  );
})();

/** The ways people write an organisation, each kind that applies to this name. */
function variantsOf(name: string): string[] {
  const variants = new Set<string>();
  const acronym = acronyms.get(name);
  if (acronym) {
    variants.add(acronym);
    variants.add(`${name} (${acronym})`);
  }
  if (name.startsWith('Department ')) variants.add(name.replace('Department ', 'Dept '));
  if (name.includes(' and ')) variants.add(name.replace(' and ', ' & '));
  variants.add(name.toLowerCase());
  variants.add(name.replace(' ', '  '));
  // A dropped letter inside the longest word, for names long enough to tell apart.
  const plain = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (plain.length >= 12) {
    const longest = name.split(' ').reduce((a, b) => (b.length > a.length ? b : a));
    if (longest.length >= 6) variants.add(name.replace(longest, longest.slice(0, 3) + longest.slice(4)));
  }
  variants.delete(name);
  return [...variants];
}

/** As Excel saves text in Windows-1252: what the code page lacks becomes its nearest letter or "?". */
function toWindows1252Text(text: string): string {
  return [...text]
    .map((char) => {
      const code = char.codePointAt(0)!;
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff) || HIGH.includes(code)) return char;
      const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      if (base.length === 1 && base.charCodeAt(0) < 0x80) return base;
      return ({ Ł: 'L', ł: 'l' } as Record<string, string>)[char] ?? '?';
    })
    .join('');
}

// The code points of bytes 0x80–0x9F (WHATWG index-windows-1252).
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

function encodeWindows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const high = HIGH.indexOf(code);
    bytes[i] = high >= 0 && code > 0xff ? 0x80 + high : code <= 0xff ? code : 0x3f;
  }
  return bytes;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Day first, as a UK Excel writes a date-time into CSV: 05/01/2026 08:07. */
function ukTime(ms: number): string {
  const d = new Date(ms);
  const date = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** An earlier answer from the same person: another grade or profession, their email typed differently. */
function earlierOf(random: Random, signUp: SignUp): SignUp {
  const person = signUp.person;
  const grade = grades[(grades.indexOf(person.grade) + 1 + random.int(grades.length - 1)) % grades.length];
  const changed: Person = { ...person, grade, profession: random.chance(0.5) ? 'Policy' : person.profession };
  const asMentee = signUp.asMentee ? { ...signUp.asMentee, grade } : undefined;
  return { ...signUp, person: changed, asMentee, email: ` ${person.email.toUpperCase()}`, earlier: true };
}

/**
 * A Forms-style export of `mentors` + `mentees` people (see the file's opening comment). The same
 * seed gives the same bytes.
 */
export function generateFormsExport(options: FormsExportOptions): FormsExport {
  const people = generatePeople(options);
  const random = createRandom(options.seed ^ 0x5eed);
  const menteeByEmail = new Map(people.mentees.map((m) => [m.email, m]));
  const signUps: SignUp[] = [];
  const seen = new Set<string>();
  for (const mentor of people.mentors) {
    const asMentee = menteeByEmail.get(mentor.email);
    const role: Role = asMentee ? 'Both' : 'Mentor';
    signUps.push({
      person: mentor,
      role,
      asMentee,
      organisation: mentor.organisation,
      email: mentor.email,
      earlier: false,
    });
    seen.add(mentor.email);
  }
  for (const mentee of people.mentees) {
    if (seen.has(mentee.email)) continue;
    signUps.push({
      person: mentee,
      role: 'Mentee',
      asMentee: mentee,
      organisation: mentee.organisation,
      email: mentee.email,
      earlier: false,
    });
  }
  // Shuffle, as sign-ups arrive: mentors and mentees interleaved.
  for (let i = signUps.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [signUps[i], signUps[j]] = [signUps[j], signUps[i]];
  }
  // Organisation variants, never more of one variant than of the real name, so the real name is
  // what a coordinator (and the suggestions) would take as canonical.
  const byOrganisation = new Map<string, SignUp[]>();
  for (const signUp of signUps)
    byOrganisation.set(signUp.organisation, [...(byOrganisation.get(signUp.organisation) ?? []), signUp]);
  const aliases = new Map<string, string>();
  const share = options.variantShare ?? 0.2;
  for (const [name, group] of byOrganisation) {
    const variants = variantsOf(name);
    if (group.length < 4 || variants.length === 0) continue;
    const count = Math.floor(group.length * share);
    for (let k = 0; k < count; k++) {
      const variant = variants[k % variants.length];
      group[1 + k].organisation = variant;
      aliases.set(variant, name);
    }
  }
  // People who signed up twice: an earlier, different answer somewhere before the one that counts.
  const twice = Math.min(options.duplicates ?? 12, signUps.length);
  const chosen = new Set<number>();
  while (chosen.size < twice) chosen.add(1 + random.int(signUps.length - 1));
  for (const at of [...chosen].sort((a, b) => b - a)) {
    const later = signUps[at];
    signUps.splice(random.int(at + 1), 0, earlierOf(random, later));
  }
  // Times: increasing down the sheet, 5 to 85 minutes apart, from 5 January 2026 08:00.
  let time = Date.UTC(2026, 0, 5, 8, 0);
  const rows: Cell[][] = [];
  const superseded: { row: number; email: string }[] = [];
  signUps.forEach((signUp, i) => {
    time += (5 + random.int(80)) * 60_000;
    const started = time - (2 + random.int(10)) * 60_000;
    const { person, role, asMentee } = signUp;
    if (signUp.earlier) superseded.push({ row: i + 2, email: person.email });
    rows.push([
      i + 1,
      ukTime(started),
      ukTime(time),
      signUp.email,
      toWindows1252Text(person.firstName),
      toWindows1252Text(person.lastName),
      role,
      person.jobTitle,
      person.grade,
      signUp.organisation,
      person.profession,
      role === 'Mentee' ? '' : person.characteristics.join(', '),
      asMentee ? (asMentee.matchWithSimilarIdentity ? 'Yes' : 'No') : '',
      asMentee?.identityToMatch ?? '',
      toWindows1252Text((asMentee ?? person).biography),
    ]);
  });
  const table: Table = {
    source: 'Mentoring sign-up.csv',
    header: [...formsHeader],
    rows,
    headerRow: 1,
    firstColumn: 0,
  };
  const counted = signUps.filter((signUp) => !signUp.earlier);
  const yesNo = (value: boolean) => (value ? 'yes' : 'no');
  const mentorRows = counted
    .filter((s) => s.role !== 'Mentee')
    .map((s): Cell[] => {
      const p = s.person;
      return [
        p.firstName,
        p.lastName,
        p.email,
        yesNo(s.role === 'Both'),
        p.jobTitle,
        p.grade,
        p.organisation,
        p.profession,
        p.characteristics.join(', '),
        (s.asMentee ?? p).biography,
      ];
    });
  const menteeRows = counted
    .filter((s) => s.role !== 'Mentor')
    .map((s): Cell[] => {
      const p = s.person;
      const m = s.asMentee ?? p;
      return [
        p.firstName,
        p.lastName,
        p.email,
        yesNo(s.role === 'Both'),
        p.jobTitle,
        p.grade,
        p.organisation,
        p.profession,
        yesNo(m.matchWithSimilarIdentity),
        m.identityToMatch,
        m.biography,
      ];
    });
  return {
    bytes: encodeWindows1252(writeCsv(table, { bom: false })),
    table,
    mentors: { source: 'mentors.csv', header: [...mentorHeader], rows: mentorRows, headerRow: 1, firstColumn: 0 },
    mentees: { source: 'mentees.csv', header: [...menteeHeader], rows: menteeRows, headerRow: 1, firstColumn: 0 },
    aliases: [...aliases].map(([value, canonical]) => ({ field: 'organisation' as const, value, canonical })),
    superseded,
  };
}
