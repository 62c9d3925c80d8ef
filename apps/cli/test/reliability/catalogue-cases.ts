// The bad-input catalogue (issues 8 and 15): every case is built in a temporary folder, then run through the
// engine API (the tabular readers + parseRuleSet + matchTables, as the add-in does) and through the
// CLI (`mentor-matcher match`), and both must agree. What a coordinator should get in each case:
//
// | case                                   | outcome | what they are told / what they get                                       |
// |----------------------------------------|---------|---------------------------------------------------------------------------|
// | empty file                             | exit 1  | the file is empty (file named)                                            |
// | header only (no mentors)               | exit 1  | the file has only a header row: no mentors to match (wrong file?)        |
// | no mentees (header only)               | exit 1  | the file has only a header row: no mentees to match (wrong file?)        |
// | missing column a rule uses (grade)     | exit 1  | file, the missing column, which rules use it, the columns there are        |
// | no email column                        | exit 0  | warning: people told apart by row number; everyone still in the output    |
// | duplicate header names                 | exit 1  | file, row 1, both column letters, the repeated name                       |
// | UTF-8 BOM                              | exit 0  | read as if absent: same pairs as the sample                               |
// | CRLF line ends, quoted line breaks     | exit 0  | the multi-line biography reaches the output intact                        |
// | bytes that are not UTF-8 (cp1252)      | exit 0  | warning: read as Windows-1252, file, row, column, value; "CSV UTF-8"      |
// | a 1 MB cell (biography)                | exit 0  | accepted, written out whole                                               |
// | trailing spaces, mixed-case emails     | exit 0  | the same person (trimmed, case-insensitive id); same pairs as the sample  |
// | grade "7" where the ladder has "Grade 7" | exit 0 | the preset's alias: same pairs as the sample                             |
// | grade off the ladder                   | exit 1  | file, row, column, value                                                  |
// | a person listed twice (case differs)   | exit 1  | file, both rows, column, value                                            |
// | the same person as mentor and mentee   | exit 0  | allowed; never paired with themself                                       |
// | every pair excluded                    | exit 0  | warnings per person; everyone unmatched with the rules that excluded them |
// | capacity 0                             | exit 0  | those people take part, get no partner, reason says capacity 0            |
// | capacity not a number, or 1e308        | exit 1  | file, row, column, value                                                  |
// | rule set: unknown rule/condition type  | exit 1  | the rule set file and the path, e.g. rules[0].when.type                   |
// | rule set: negative / non-numeric points| exit 1  | rules[0].points                                                           |
// | rule set: column that does not exist   | exit 1  | the table file, the column, the rule that uses it                         |
// | rule set: huge number (1e308)          | exit 1  | the path and the limit                                                    |
// | rule set: deeply nested / oversized    | exit 1  | the rule set file, "nested"/"larger than"; no crash, no hang              |
// | XLSX merged cells in a used column     | exit 1  | sheet, merged range, rows read as blank                                   |
// | XLSX several sheets                    | exit 0  | the first sheet by default; --sheet picks another; an unknown one lists them |
// | XLSX dates, formulas                   | exit 0  | dates as ISO text, formulas by their cached value                         |
// | XLSX error value (#N/A) in a used column | exit 1 | sheet, row, column, "#N/A"                                              |
// | CSV holding "#N/A" text in a used column | exit 1 | file, row, column, "#N/A" (an Excel export of a failed formula)          |
//
// Issue 15 (files and folders are CLI-only cases; the rest run through both):
// | --out . beside mentors.csv, mentees.csv | exit 1 | "would overwrite the input mentors.csv"; the inputs untouched    |
// | --previous out --out out               | exit 1  | "would overwrite the input out/pairs.csv"                            |
// | a link planted at results/pairs.csv    | exit 0  | the link replaced, its target untouched; "Replaced in results: …"    |
// | a read-only pairs.csv in the folder    | exit 1  | "pairs.csv is read-only"; never exit 70                               |
// | earlier results in the folder          | exit 0  | one line: "Replaced in out: pairs.csv"; other files left alone      |
// | a run stopped by input errors          | exit 1  | no results folder is created                                          |
// | a folder named pairs.csv in the folder | exit 1  | "a folder named pairs.csv is in the way", before any work; nothing written |
// | a table that is /dev/zero or a pipe    | exit 1  | "is a device / a pipe, not a regular file", before reading            |
// | a table over the size limit            | exit 1  | its size and the limit, before reading                                |
// | 100,000 × 100,000                      | exit 1  | "10,000,000,000 pairs", split the programme; no RangeError           |
// | 40,000 × 40,000, every pair eligible   | exit 1  | the GB needed and allowed, "estimated from a sample", the way forward |
// | role "constructor" in a people table   | exit 1  | file, row, column, the value; never "roles is not iterable"        |
// | headers "__proto__", "toString"        | exit 0  | ordinary columns: kept in the output, same pairs as the sample      |
// | an email with a zero-width space        | exit 1 | the duplicate (NFKC, invisible characters removed) with both rows   |
// | a soft hyphen in a name, a blank email  | exit 0 | warnings by row and column; no "mentors.csv#8" in any output        |
// | 12 emails Notify would refuse (a@gov)   | exit 0 | a warning each, with Notify's reason; 10, then "and 2 more" |
// | ESC sequences, a bidi override in a cell | exit 1 | the value shown with visible escapes (\x1B, \u202E), never raw     |
// | a file name holding an ESC sequence     | exit 1 | "cannot read gone\x1B[31m.csv": the name escaped                   |
// | a million blank rows between sign-ups   | exit 0 | one warning with the count; stderr and summary.json stay small      |
// | 30 capacities that are not numbers      | exit 1 | the first 10, then "and 20 more errors like the above", with rows   |
// | two empty trailing header columns       | exit 0 | read as if absent: same pairs as the sample                         |
// | "email address" and "Email Address"     | exit 1 | the reader refuses: both names with their letters                   |
// | "email address" and "Email-Address"     | exit 0 | warning naming both columns and letters, and the one used           |
// | XLSX with a hidden first sheet          | exit 0 | the first visible sheet is read; warning naming the hidden one      |
//
// Everyone is accounted for whenever a run succeeds: each input person is in the Mentors or Mentees
// output, with partners or with a reason. No case prints a stack trace.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { getPreset, type MatchRun } from '@mentor-matcher/engine';
import { DEFAULT_LIMITS } from '@mentor-matcher/tabular';
import { tempDir, type CliRun } from '../run-cli.js';
import {
  column,
  concatBytes,
  csvText,
  emailOf,
  sampleRows,
  utf8,
  withCell,
  withColumn,
  withoutColumn,
  xlsxBytes,
  type Rows,
  type XCell,
} from './fixtures.js';

export interface Fixture {
  readonly files: Record<string, Uint8Array | string>;
  /** CLI arguments naming the input (the output folder is added). */
  readonly args: readonly string[];
  /** Emails of everyone in the input, for the accounted-for check. */
  readonly people: { readonly mentors: readonly string[]; readonly mentees: readonly string[] };
}

export interface Case {
  readonly name: string;
  readonly build: () => Fixture;
  readonly exit: 0 | 1;
  /** A case about files and folders, which the engine never sees: run through the CLI only. */
  readonly cliOnly?: true;
  /** The --out folder (default "out", created empty first). */
  readonly out?: string;
  /** Changes the folder after the fixture's files are written (links, modes, files in the way). */
  readonly prepare?: (cwd: string) => void;
  /** Further checks on the folder after the CLI run. */
  readonly afterCli?: (cwd: string, run: CliRun) => void;
  /** Text every message channel must contain (CLI stderr, engine problems or read error). */
  readonly says?: readonly (string | RegExp)[];
  /** Further checks on a successful engine run. */
  readonly verify?: (run: Extract<MatchRun, { ok: true }>) => void;
}

const mentors = sampleRows('mentors');
const mentees = sampleRows('mentees');
const emails = (rows: Rows) => (rows[0].includes('email address') ? rows.slice(1).map((_, i) => emailOf(rows, i)) : []);

/** A sign-up table with only an email column: large programmes without the cost of the sample's columns. */
function emailRows(role: string, count: number): Rows {
  return [['email address'], ...Array.from({ length: count }, (_, i) => [`${role}.${i}@example.org`])];
}

function twoCsv(m: Rows, e: Rows, extra: Partial<Fixture> = {}): Fixture {
  return {
    files: { 'mentors.csv': csvText(m), 'mentees.csv': csvText(e), ...extra.files },
    args: ['--mentors', 'mentors.csv', '--mentees', 'mentees.csv', ...(extra.args ?? [])],
    people: { mentors: emails(m), mentees: emails(e) },
  };
}

function withRules(ruleSet: unknown): Partial<Fixture> {
  return {
    files: { 'rules.json': typeof ruleSet === 'string' ? ruleSet : JSON.stringify(ruleSet) },
    args: ['--rules', 'rules.json'],
  };
}

const preset = getPreset('mentor-match');
const pairsOfSample = 105;

function asXRows(rows: Rows): XCell[][] {
  return rows.map((row) => row.map((cell) => cell));
}

function xlsxFixture(mentorSheets: Parameters<typeof xlsxBytes>[0], menteeRows: Rows, args: string[] = []): Fixture {
  const first = (mentorSheets.find((sheet) => !sheet.hidden) ?? mentorSheets[0]).rows;
  return {
    files: {
      'mentors.xlsx': xlsxBytes(mentorSheets),
      'mentees.xlsx': xlsxBytes([{ name: 'Mentees', rows: asXRows(menteeRows) }]),
    },
    args: ['--mentors', 'mentors.xlsx', '--mentees', 'mentees.xlsx', ...args],
    people: {
      mentors: first.slice(1).map((row) => String(row[2] ?? '')),
      mentees: emails(menteeRows),
    },
  };
}

const nested = (depth: number) =>
  `{"version":1,"name":"deep","rules":[{"id":"a","label":"A","kind":"exclude","when":${'{"type":"not","condition":'.repeat(depth)}{"type":"same","mentor":"grade","mentee":"grade"}${'}'.repeat(depth)}}]}`;

export const cases: Case[] = [
  {
    name: 'empty file',
    build: () => ({ ...twoCsv(mentors, mentees), files: { 'mentors.csv': '', 'mentees.csv': csvText(mentees) } }),
    exit: 1,
    says: ['mentors.csv', 'empty'],
  },
  {
    // A table with nobody under its header is an input error (the wrong file, sheet or range):
    // matching nobody would tell everyone else that no partner was possible.
    name: 'header only: no mentors',
    build: () => twoCsv(mentors.slice(0, 1), mentees),
    exit: 1,
    says: ['mentors.csv has only a header row, so there are no mentors to match'],
  },
  {
    name: 'no mentees',
    build: () => twoCsv(mentors, mentees.slice(0, 1)),
    exit: 1,
    says: ['mentees.csv has only a header row, so there are no mentees to match'],
  },
  {
    name: 'missing column a rule uses',
    build: () => twoCsv(withoutColumn(mentors, 'grade'), mentees),
    exit: 1,
    says: ['mentors.csv', 'no column was found for the field "grade"', 'grade-gap'],
  },
  {
    name: 'no email column',
    build: () => twoCsv(withoutColumn(mentors, 'email address'), mentees),
    exit: 0,
    says: ['mentors.csv', 'no email column'],
    verify: (run) => expect(run.result.mentors).toHaveLength(50),
  },
  {
    name: 'duplicate header names',
    build: () => twoCsv([mentors[0].map((h) => (h === 'job title' ? 'grade' : h)), ...mentors.slice(1)], mentees),
    exit: 1,
    says: ['mentors.csv', 'row 1', 'repeats "grade"', 'column E'],
  },
  {
    name: 'UTF-8 byte order mark',
    build: () => ({
      ...twoCsv(mentors, mentees),
      files: {
        'mentors.csv': concatBytes(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(csvText(mentors))),
        'mentees.csv': csvText(mentees),
      },
    }),
    exit: 0,
    verify: (run) => expect(run.result.pairs).toHaveLength(pairsOfSample),
  },
  {
    name: 'CRLF line ends and quoted line breaks',
    build: () => {
      const m = withCell(mentors, 2, 'biography', 'Line one,\r\nline "two"\nline three');
      return {
        ...twoCsv(m, mentees),
        files: { 'mentors.csv': csvText(m, '\r\n'), 'mentees.csv': csvText(mentees, '\r\n') },
      };
    },
    exit: 0,
    verify: (run) => {
      expect(run.result.pairs).toHaveLength(pairsOfSample);
      expect(run.result.mentors[2].participant.attributes['biography']).toBe('Line one,\r\nline "two"\nline three');
    },
  },
  {
    // Since the tabular readers detect encodings (issue 14), a file that is not UTF-8 is read as
    // Windows-1252, Excel's "CSV (Comma delimited)", with a warning naming the first such value.
    name: 'bytes that are not UTF-8 (Windows-1252)',
    build: () => {
      const text = csvText(mentors).replace('Department of Love', 'Department of L\u0000ve');
      const bytes = utf8(text);
      bytes[bytes.indexOf(0)] = 0xff;
      return { ...twoCsv(mentors, mentees), files: { 'mentors.csv': bytes, 'mentees.csv': csvText(mentees) } };
    },
    exit: 0,
    says: ['mentors.csv is not UTF-8', 'Windows-1252', 'row 3, column G reads "Department of L\u00FFve"', 'CSV UTF-8'],
  },
  {
    name: 'a 1 MB cell',
    build: () => twoCsv(withCell(mentors, 3, 'biography', 'x'.repeat(1024 * 1024)), mentees),
    exit: 0,
    verify: (run) =>
      expect(String(run.result.mentors[3].participant.attributes['biography'])).toHaveLength(1024 * 1024),
  },
  {
    name: 'trailing spaces and mixed-case emails',
    build: () => {
      const m = withCell(mentors, 0, 'email address', '  Mentor.00@GOV.uk  ');
      return twoCsv(withCell(m, 1, 'organisation', 'Department of Love   '), mentees);
    },
    exit: 0,
    verify: (run) => {
      expect(run.result.mentors[0].participant.id).toBe('mentor.00@gov.uk');
      expect(run.result.pairs).toHaveLength(pairsOfSample);
    },
  },
  {
    name: 'grade "7" where the ladder has "Grade 7"',
    build: () =>
      twoCsv(
        mentors.map((row) => row.map((cell) => (cell === 'Grade 7' ? '7' : cell))),
        mentees,
      ),
    exit: 0,
    verify: (run) => expect(run.result.pairs).toHaveLength(pairsOfSample),
  },
  {
    name: 'grade off the ladder',
    build: () => twoCsv(withCell(mentors, 4, 'grade', 'Grade 99'), mentees),
    exit: 1,
    says: ['mentors.csv', 'row 6', 'grade', 'Grade 99'],
  },
  {
    name: 'a person listed twice',
    build: () =>
      twoCsv(
        [...mentors, mentors[2].map((cell) => (cell === 'mentor.01@gov.uk' ? 'MENTOR.01@gov.uk ' : cell))],
        mentees,
      ),
    exit: 1,
    says: ['mentors.csv', 'row 52', 'row 3', 'email address', 'MENTOR.01@gov.uk'],
  },
  {
    name: 'the same person as mentor and mentee',
    build: () => {
      // mentor.00 (SCS4) also signs up as a mentee at SCS2, so they are eligible for their own mentoring.
      const self = mentees[0].map((h) => {
        const from = mentors[0].indexOf(h);
        if (h === 'grade') return 'SCS2';
        if (h === 'organisation') return 'Department of Peace';
        return from >= 0 ? mentors[1][from] : '';
      });
      return twoCsv(mentors, [...mentees, self]);
    },
    exit: 0,
    verify: (run) =>
      expect(
        run.result.pairs.some((p) => p.mentor.id === 'mentor.00@gov.uk' && p.mentee.id === 'mentor.00@gov.uk'),
      ).toBe(false),
  },
  {
    name: 'every pair excluded',
    build: () => {
      const same = (rows: Rows) =>
        rows.map((row, i) =>
          row.map((cell, c) => (i > 0 && rows[0][c] === 'organisation' ? 'Department of Joy' : cell)),
        );
      return twoCsv(same(mentors), same(mentees));
    },
    exit: 0,
    says: ['has no eligible', 'Same organisation'],
    verify: (run) => {
      expect(run.result.pairs).toHaveLength(0);
      expect([...run.result.mentors, ...run.result.mentees].every((p) => p.reason !== null)).toBe(true);
    },
  },
  {
    name: 'capacity 0',
    build: () =>
      twoCsv(
        withColumn(mentors, 'capacity', (i) => (i < 5 ? '0' : '')),
        mentees,
      ),
    exit: 0,
    verify: (run) => {
      for (const outcome of run.result.mentors.slice(0, 5)) {
        expect(outcome.partners).toHaveLength(0);
        expect(outcome.reason).not.toBeNull();
      }
    },
  },
  {
    name: 'capacity not a number',
    build: () =>
      twoCsv(
        withColumn(mentors, 'capacity', (i) => (i === 6 ? 'lots' : '')),
        mentees,
      ),
    exit: 1,
    says: ['mentors.csv', 'row 8', 'capacity', 'lots'],
  },
  {
    name: 'capacity a huge number',
    build: () =>
      twoCsv(
        withColumn(mentors, 'capacity', (i) => (i === 9 ? '1e308' : '')),
        mentees,
      ),
    exit: 1,
    says: ['mentors.csv', 'row 11', 'capacity', '1e308'],
  },
  {
    name: 'rule set with an unknown condition type',
    build: () =>
      twoCsv(
        mentors,
        mentees,
        withRules({
          ...preset,
          rules: [
            { id: 'x', label: 'X', kind: 'exclude', when: { type: 'astrology', mentor: 'grade', mentee: 'grade' } },
          ],
        }),
      ),
    exit: 1,
    says: ['rules.json', 'rules[0].when'],
  },
  {
    name: 'rule set with an unknown rule kind',
    build: () =>
      twoCsv(
        mentors,
        mentees,
        withRules({
          ...preset,
          rules: [{ id: 'x', label: 'X', kind: 'prefer', when: { type: 'same', mentor: 'grade', mentee: 'grade' } }],
        }),
      ),
    exit: 1,
    says: ['rules.json', 'rules[0].kind'],
  },
  {
    name: 'rule set with a negative weight',
    build: () =>
      twoCsv(
        mentors,
        mentees,
        withRules({
          ...preset,
          rules: [
            {
              id: 'x',
              label: 'X',
              kind: 'score',
              points: -5,
              when: { type: 'same', mentor: 'grade', mentee: 'grade' },
            },
          ],
        }),
      ),
    exit: 1,
    says: ['rules.json', 'rules[0].points'],
  },
  {
    name: 'rule set with a non-numeric weight',
    build: () =>
      twoCsv(
        mentors,
        mentees,
        withRules({
          ...preset,
          rules: [
            {
              id: 'x',
              label: 'X',
              kind: 'score',
              points: 'ten',
              when: { type: 'same', mentor: 'grade', mentee: 'grade' },
            },
          ],
        }),
      ),
    exit: 1,
    says: ['rules.json', 'rules[0].points'],
  },
  {
    name: 'rule set with a huge number',
    build: () =>
      twoCsv(
        mentors,
        mentees,
        withRules(
          JSON.stringify({
            ...preset,
            rules: [
              {
                id: 'x',
                label: 'X',
                kind: 'score',
                points: 1,
                when: { type: 'same', mentor: 'grade', mentee: 'grade' },
              },
            ],
          }).replace('"points":1', '"points":1e308'),
        ),
      ),
    exit: 1,
    says: ['rules.json', 'rules[0].points'],
  },
  {
    name: 'rule set naming a column that does not exist',
    build: () =>
      twoCsv(
        mentors,
        mentees,
        withRules({
          ...preset,
          rules: [
            {
              id: 'shoe',
              label: 'Shoe size',
              kind: 'exclude',
              when: { type: 'same', mentor: 'shoe size', mentee: 'shoe size' },
            },
          ],
        }),
      ),
    exit: 1,
    says: ['mentors.csv', 'no column was found for the field "shoe size"', 'shoe'],
  },
  {
    name: 'rule set nested 100,000 deep',
    build: () => twoCsv(mentors, mentees, withRules(nested(100_000))),
    exit: 1,
    says: ['rules.json'],
  },
  {
    name: 'rule set of 5 MB',
    build: () => twoCsv(mentors, mentees, withRules({ ...preset, description: 'x'.repeat(5_000_000) })),
    exit: 1,
    says: ['rules.json', 'larger than'],
  },
  {
    name: 'CSV exported with an Excel error (#N/A) in a used column',
    build: () => twoCsv(withCell(mentors, 6, 'organisation', '#N/A'), mentees),
    exit: 1,
    says: ['mentors.csv', 'row 8', 'organisation', '#N/A'],
  },
  {
    name: 'XLSX with merged cells in a used column',
    build: () => xlsxFixture([{ name: 'Mentors', rows: asXRows(mentors), merges: ['G3:G5'] }], mentees),
    exit: 1,
    says: ['mentors.xlsx', 'G3:G5', 'merged'],
  },
  {
    name: 'XLSX with several sheets, the first by default',
    build: () =>
      xlsxFixture(
        [
          { name: 'Mentors', rows: asXRows(mentors) },
          { name: 'Old', rows: [['nothing'], ['here']] },
        ],
        mentees,
      ),
    exit: 0,
    verify: (run) => expect(run.result.pairs).toHaveLength(pairsOfSample),
  },
  {
    name: 'XLSX with several sheets, an unknown one asked for',
    build: () =>
      xlsxFixture(
        [
          { name: 'Mentors', rows: asXRows(mentors) },
          { name: 'Old', rows: [['x']] },
        ],
        mentees,
        ['--sheet', 'Nope'],
      ),
    exit: 1,
    says: ['mentors.xlsx', 'Nope', 'Mentors', 'Old'],
  },
  {
    name: 'XLSX with dates and formulas',
    build: () => {
      const rows: XCell[][] = asXRows(mentors);
      const title = mentors[0].indexOf('job title');
      const org = mentors[0].indexOf('organisation');
      rows[1][title] = { date: 45292 };
      rows[2][org] = { formula: 'CONCAT("Department of ","Love")', cached: 'Department of Love' };
      return xlsxFixture([{ name: 'Mentors', rows }], mentees);
    },
    exit: 0,
    verify: (run) => {
      expect(run.result.mentors[0].participant.attributes['job title']).toBe('2024-01-01');
      expect(run.result.mentors[1].participant.attributes['organisation']).toBe('Department of Love');
      expect(run.result.pairs).toHaveLength(pairsOfSample);
    },
  },
  {
    name: 'XLSX with an error value in a used column',
    build: () => {
      const rows: XCell[][] = asXRows(mentors);
      rows[4][mentors[0].indexOf('organisation')] = { error: '#N/A' };
      return xlsxFixture([{ name: 'Mentors', rows }], mentees);
    },
    exit: 1,
    says: ['mentors.xlsx', 'row 5', 'organisation', '#N/A'],
  },
  // ---- issue 15: nothing lost, nothing sent twice ----
  {
    name: '--out . beside the sign-up files',
    build: () => twoCsv(mentors, mentees),
    cliOnly: true,
    out: '.',
    exit: 1,
    says: ['would overwrite the input mentors.csv', '--out'],
    afterCli: (cwd) => {
      expect(readFileSync(join(cwd, 'mentors.csv'), 'utf8')).toBe(csvText(mentors));
      expect(readFileSync(join(cwd, 'mentees.csv'), 'utf8')).toBe(csvText(mentees));
      expect(existsSync(join(cwd, 'pairs.csv'))).toBe(false);
    },
  },
  {
    name: '--previous and --out the same folder',
    build: () =>
      twoCsv(mentors, mentees, {
        files: { 'out/pairs.csv': 'mentor email,mentee email\n' },
        args: ['--previous', 'out'],
      }),
    cliOnly: true,
    exit: 1,
    says: ['would overwrite the input out/pairs.csv'],
    afterCli: (cwd) => expect(readFileSync(join(cwd, 'out', 'pairs.csv'), 'utf8')).toBe('mentor email,mentee email\n'),
  },
  {
    name: 'a link planted at results/pairs.csv',
    build: () => twoCsv(mentors, mentees, { files: { 'victim.txt': 'keep me' } }),
    cliOnly: true,
    out: 'results',
    prepare: (cwd) => {
      mkdirSync(join(cwd, 'results'));
      symlinkSync(join(cwd, 'victim.txt'), join(cwd, 'results', 'pairs.csv'));
    },
    exit: 0,
    says: [/Replaced in results: pairs\.csv \(a link; the link is replaced, not what it points to\)/],
    afterCli: (cwd) => {
      expect(readFileSync(join(cwd, 'victim.txt'), 'utf8')).toBe('keep me');
      expect(lstatSync(join(cwd, 'results', 'pairs.csv')).isFile()).toBe(true);
      expect(readdirSync(join(cwd, 'results')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  },
  {
    name: 'a read-only pairs.csv in the results folder',
    build: () => twoCsv(mentors, mentees, { files: { 'out/pairs.csv': 'earlier results' } }),
    cliOnly: true,
    prepare: (cwd) => chmodSync(join(cwd, 'out', 'pairs.csv'), 0o444),
    exit: 1,
    says: ['pairs.csv is read-only'],
    afterCli: (cwd) => expect(readFileSync(join(cwd, 'out', 'pairs.csv'), 'utf8')).toBe('earlier results'),
  },
  {
    name: 'a results folder holding earlier results',
    build: () => twoCsv(mentors, mentees, { files: { 'out/pairs.csv': 'earlier results', 'out/notes.txt': 'mine' } }),
    cliOnly: true,
    exit: 0,
    says: [/^Replaced in out: pairs\.csv$/m],
    afterCli: (cwd) => expect(readFileSync(join(cwd, 'out', 'notes.txt'), 'utf8')).toBe('mine'),
  },
  {
    name: 'a sign-up file that is a link to a device (/dev/zero)',
    build: () => twoCsv(mentors, mentees, { files: { 'mentors.csv': '' } }),
    cliOnly: true,
    prepare: (cwd) => {
      rmSync(join(cwd, 'mentors.csv'));
      symlinkSync('/dev/zero', join(cwd, 'mentors.csv'));
    },
    exit: 1,
    says: ['mentors.csv is a device, not a regular file'],
  },
  {
    name: 'a sign-up file that is a named pipe',
    build: () => twoCsv(mentors, mentees, { files: { 'mentors.csv': '' } }),
    cliOnly: true,
    prepare: (cwd) => {
      rmSync(join(cwd, 'mentors.csv'));
      execFileSync('mkfifo', [join(cwd, 'mentors.csv')]);
    },
    exit: 1,
    says: ['mentors.csv is a pipe, not a regular file'],
  },
  {
    name: 'a sign-up file over the size limit',
    build: () => twoCsv(mentors, mentees),
    cliOnly: true,
    // A sparse file: its size is over the limit without writing 200 MB.
    prepare: (cwd) => truncateSync(join(cwd, 'mentors.csv'), DEFAULT_LIMITS.maxBytes + 1),
    exit: 1,
    says: [`mentors.csv is ${(DEFAULT_LIMITS.maxBytes + 1).toLocaleString('en')} bytes, larger than the limit of`],
  },
  {
    name: '100,000 × 100,000: more pairs than one run can hold',
    build: () =>
      twoCsv(emailRows('mentor', 100_000), emailRows('mentee', 100_000), withRules({ ...preset, rules: [] })),
    exit: 1,
    says: ['100,000 mentors with 100,000 mentees means 10,000,000,000 pairs', 'Split the programme'],
  },
  {
    name: '40,000 × 40,000 with every pair eligible: more memory than the limit',
    build: () => twoCsv(emailRows('mentor', 40_000), emailRows('mentee', 40_000), withRules({ ...preset, rules: [] })),
    exit: 1,
    says: [
      /needs about \d+\.\d GB, more than the \d+\.\d GB this run may use/,
      'estimated from a sample',
      'Split the programme',
    ],
  },
  {
    name: 'role "constructor" in a people table',
    build: () => {
      const rows = [
        ['email address', 'role'],
        ['a@x.org', 'mentor'],
        ['b@x.org', 'constructor'],
        ['c@x.org', '__proto__'],
      ];
      return {
        files: { 'people.csv': csvText(rows) },
        args: ['--people', 'people.csv', '--role-column', 'role'],
        people: { mentors: [], mentees: [] },
      };
    },
    exit: 1,
    says: [/people\.csv row 3, column "role": role "constructor" is not mentor, mentee or both/, /row 4.*"__proto__"/],
  },
  {
    name: 'headers named after Object.prototype members',
    build: () => {
      const extra = (rows: Rows) =>
        withColumn(
          withColumn(rows, '__proto__', () => 'p'),
          'toString',
          () => 't',
        );
      return twoCsv(extra(mentors), extra(mentees));
    },
    exit: 0,
    verify: (run) => {
      expect(run.result.pairs).toHaveLength(pairsOfSample);
      expect(run.result.mentors[0].participant.attributes['toString']).toBe('t');
    },
  },
  {
    name: 'an email with a zero-width space repeats another',
    build: () =>
      twoCsv(
        [...mentors, mentors[2].map((cell) => (cell === 'mentor.01@gov.uk' ? 'mentor.01\u200B@gov.uk' : cell))],
        mentees,
      ),
    exit: 1,
    says: [
      'mentors.csv',
      'row 52',
      'mentor.01@gov.uk is already listed as a mentor on row 3',
      'invisible characters (U+200B)',
    ],
  },
  {
    name: 'a soft hyphen in a name, a blank email',
    build: () => {
      const fixture = twoCsv(
        withCell(withCell(mentors, 4, 'first name', 'Al\u00ADex'), 6, 'email address', ''),
        mentees,
      );
      // The person with no email cannot be looked up by it; the count of mentors below covers them.
      return { ...fixture, people: { ...fixture.people, mentors: fixture.people.mentors.filter((e) => e !== '') } };
    },
    exit: 0,
    says: [
      'mentors.csv row 6, column "first name": the name holds invisible characters (U+00AD)',
      /blank "email address" \(row 8\)/,
    ],
    verify: (run) => {
      expect(run.result.mentors).toHaveLength(50);
      expect(run.result.mentors[6].participant.email).toBeNull();
    },
    afterCli: (cwd) => {
      for (const file of ['pairs.csv', 'mentors.csv', 'mentees.csv', 'unmatched.csv']) {
        expect(readFileSync(join(cwd, 'out', file), 'utf8')).not.toMatch(/mentors\.csv#/);
      }
    },
  },
  {
    // Mail merge may still reach them, so they are warnings; the notify command will not send to them.
    name: '12 emails GOV.UK Notify would refuse',
    build: () => {
      const at = column(mentees, 'email address');
      const refused = mentees.map((row, i) =>
        row.map((cell, c) => (c === at && i <= 12 ? cell.replace('@gov.uk', '@gov') : cell)),
      );
      return twoCsv(mentors, refused);
    },
    exit: 0,
    says: [
      'mentees.csv row 2, column "email address": "mentee.00@gov" is not an address GOV.UK Notify can send to: ' +
        'the domain "gov" has no top-level part (such as .uk or .com)',
    ],
    verify: (run) => {
      expect(run.problems.filter((p) => p.code === 'email-not-deliverable').map((p) => p.row)).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 2),
      );
      expect(run.result.pairs).toHaveLength(pairsOfSample);
    },
    afterCli: (_cwd, run) => {
      expect(run.stderr.split('\n').filter((line) => line.includes('GOV.UK Notify can send to'))).toHaveLength(10);
      expect(run.stderr).toContain('and 2 more warnings like the above (rows 12, 13)');
    },
  },
  {
    name: 'terminal control sequences and a bidi override in a cell',
    build: () => twoCsv(withCell(mentors, 4, 'grade', '\u001b[2J\u001b]0;pwned\u0007Grade 99\u202E'), mentees),
    exit: 1,
    says: ['mentors.csv', 'row 6', 'Grade 99'],
    afterCli: (_cwd, run) => {
      // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
      expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
      expect(run.stderr).toContain('\\x1B[2J\\x1B]0;pwned\\x07Grade 99\\u202E');
    },
  },
  {
    name: 'a file name holding an ESC sequence',
    build: () => ({
      ...twoCsv(mentors, mentees),
      args: ['--mentors', 'gone\u001b[31m.csv', '--mentees', 'mentees.csv'],
    }),
    cliOnly: true,
    exit: 1,
    says: ['cannot read gone\\x1B[31m.csv: no such file'],
  },
  {
    name: 'a million blank rows between the sign-ups',
    build: () => {
      const blank = Array.from({ length: mentors[0].length }, () => '');
      const rows = [...mentors.slice(0, 26), ...Array.from({ length: 1_000_000 }, () => blank), ...mentors.slice(26)];
      return { ...twoCsv(mentors, mentees), files: { 'mentors.csv': csvText(rows), 'mentees.csv': csvText(mentees) } };
    },
    exit: 0,
    says: ['mentors.csv: 1,000,000 blank rows were skipped (rows 27, 28, 29, 30, 31 and 999,995 more)'],
    verify: (run) => expect(run.result.mentors).toHaveLength(50),
    afterCli: (cwd, run) => {
      expect(run.stderr.split('\n').length).toBeLessThan(60);
      expect(statSync(join(cwd, 'out', 'summary.json')).size).toBeLessThan(100_000);
    },
  },
  {
    name: '30 capacities that are not numbers',
    build: () =>
      twoCsv(
        withColumn(mentors, 'capacity', (i) => (i < 30 ? 'lots' : '')),
        mentees,
      ),
    exit: 1,
    // The engine keeps all 30 problems; what the CLI prints is the first 10 and a count.
    says: ['mentors.csv row 2, column "capacity"'],
    afterCli: (_cwd, run) => {
      expect(run.stderr.split('\n').filter((line) => line.includes('"lots"'))).toHaveLength(10);
      expect(run.stderr).toContain('and 20 more errors like the above (rows 12, 13, 14, 15, 16, …)');
    },
  },
  {
    name: 'two empty trailing header columns',
    build: () =>
      twoCsv(
        withColumn(
          withColumn(mentors, '', () => ''),
          '',
          () => '',
        ),
        mentees,
      ),
    exit: 0,
    verify: (run) => expect(run.result.pairs).toHaveLength(pairsOfSample),
  },
  {
    name: 'columns "email address" and "Email Address"',
    build: () =>
      twoCsv(
        withColumn(mentors, 'Email Address', (i) => `other.${i}@gov.uk`),
        mentees,
      ),
    exit: 1,
    says: ['mentors.csv', '"email address" (column C) and "Email Address" (column K)'],
  },
  {
    name: 'columns "email address" and "Email-Address"',
    build: () =>
      twoCsv(
        withColumn(mentors, 'Email-Address', (i) => `other.${i}@gov.uk`),
        mentees,
      ),
    exit: 0,
    says: ['columns "email address" (column C) and "Email-Address" (column K)', '"email address" (column C) is used'],
    verify: (run) => expect(run.result.mentors[0].participant.id).toBe('mentor.00@gov.uk'),
  },
  {
    name: 'XLSX with a hidden first sheet',
    build: () =>
      xlsxFixture(
        [
          {
            name: 'Old',
            rows: [
              ['first name', 'email address'],
              ['Gone', 'gone@gov.uk'],
            ],
            hidden: true,
          },
          { name: 'Mentors', rows: asXRows(mentors) },
        ],
        mentees,
      ),
    exit: 0,
    says: ['mentors.xlsx has a hidden sheet', '"Old"', 'read "Mentors"'],
    verify: (run) => expect(run.result.pairs).toHaveLength(pairsOfSample),
  },
  {
    name: 'a run stopped by input errors',
    build: () => twoCsv(withCell(mentors, 4, 'grade', 'Grade 99'), mentees),
    cliOnly: true,
    out: 'fresh',
    exit: 1,
    says: ['mentors.csv', 'Grade 99'],
    afterCli: (cwd) => expect(existsSync(join(cwd, 'fresh'))).toBe(false),
  },
  {
    name: 'a folder named pairs.csv in the results folder',
    build: () => twoCsv(mentors, mentees),
    cliOnly: true,
    prepare: (cwd) => mkdirSync(join(cwd, 'out', 'pairs.csv'), { recursive: true }),
    exit: 1,
    says: ['a folder named pairs.csv is in the way'],
    afterCli: (cwd) => expect(readdirSync(join(cwd, 'out'))).toEqual(['pairs.csv']),
  },
];

/** Writes a fixture's files into a new temporary folder; returns the folder. */
export function materialise(fixture: Fixture): string {
  const cwd = tempDir('mm-reliability-');
  for (const [name, content] of Object.entries(fixture.files)) {
    mkdirSync(dirname(join(cwd, name)), { recursive: true });
    writeFileSync(join(cwd, name), content);
  }
  return cwd;
}
