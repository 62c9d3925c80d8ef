// Issue 14's "done when": a Microsoft Forms-style export of 500 people (one sheet, a role question,
// form headers, organisations as people type them, duplicate sign-ups, Windows-1252 names) gets,
// with --column, --aliases and --duplicates keep-latest, exactly the match of the same people given
// as clean mentors.csv and mentees.csv; skipped.csv lists each superseded sign-up; and check
// --write-aliases suggests every organisation variant the aliases file merges.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateFormsExport } from '@mentor-matcher/sample-data';
import { readCsv, writeCsv } from '@mentor-matcher/tabular';
import { runCli, tempDir, type CliRun } from './run-cli.js';

const exported = generateFormsExport({ mentors: 250, mentees: 250, seed: 14 });
const cwd = tempDir();
const exportFile = 'Mentoring sign-up.csv';
const csv = (file: string) => readCsv(readFileSync(join(cwd, file)), { source: file });
let clean: CliRun;
let forms: CliRun;
let check: CliRun;

beforeAll(async () => {
  writeFileSync(join(cwd, exportFile), exported.bytes);
  writeFileSync(join(cwd, 'mentors.csv'), writeCsv(exported.mentors));
  writeFileSync(join(cwd, 'mentees.csv'), writeCsv(exported.mentees));
  writeFileSync(
    join(cwd, 'aliases.csv'),
    writeCsv({
      header: ['field', 'value', 'canonical'],
      rows: exported.aliases.map((a) => [a.field, a.value, a.canonical]),
    }),
  );
  clean = await runCli(['match', '--mentors', 'mentors.csv', '--mentees', 'mentees.csv', '--out', 'clean'], { cwd });
  forms = await runCli(
    [
      'match',
      '--people',
      exportFile,
      '--column',
      'timestamp=Completion time',
      '--column',
      'biography=Tell us a little about yourself',
      '--aliases',
      'aliases.csv',
      '--duplicates',
      'keep-latest',
      '--mail-merge',
      '--out',
      'forms',
    ],
    { cwd },
  );
  check = await runCli(
    ['check', '--people', exportFile, '--duplicates', 'keep-latest', '--write-aliases', 'suggested.csv'],
    { cwd },
  );
}, 120_000);

describe('a 500-person Forms export, matched without editing it', () => {
  it('runs both ways', () => {
    expect(clean.code, clean.stderr).toBe(0);
    expect(forms.code, forms.stderr).toBe(0);
    expect(exported.table.rows.length).toBe(500 - exported.mentees.rows.filter((r) => r[3] === 'yes').length + 12);
  });

  it('says the export was read as Windows-1252', () => {
    expect(forms.stderr).toMatch(/is not UTF-8, so it was read as Windows-1252/);
  });

  it('gives exactly the pairs of the clean files, score for score', () => {
    const pairs = (dir: string) => csv(`${dir}/pairs.csv`).rows.map((row) => row.slice(0, 3));
    expect(pairs('clean').length).toBeGreaterThan(300);
    expect(pairs('forms')).toEqual(pairs('clean'));
  });

  it('needs the aliases: without them "DWP" is another organisation and the pairs differ', async () => {
    const run = await runCli(['match', '--people', exportFile, '--duplicates', 'keep-latest', '--out', 'raw', '-q'], {
      cwd,
    });
    expect(run.code).toBe(0);
    const pairs = (dir: string) => csv(`${dir}/pairs.csv`).rows.map((row) => row.slice(0, 3));
    expect(pairs('raw')).not.toEqual(pairs('clean'));
  });

  it('stops on the duplicate sign-ups unless told what to keep', async () => {
    const run = await runCli(['check', '--people', exportFile, '-q'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout.match(/already listed as a (mentor|mentee)/g)?.length).toBeGreaterThanOrEqual(10);
  });

  it('gives the same summary', () => {
    const summary = (dir: string) => JSON.parse(readFileSync(join(cwd, dir, 'summary.json'), 'utf8'));
    expect(summary('forms').summary).toEqual(summary('clean').summary);
    expect(summary('forms').skippedRows).toBe(12);
    expect(summary('clean').skippedRows).toBe(0);
  });

  it('lists each superseded sign-up in skipped.csv, and nothing else', () => {
    const skipped = csv('forms/skipped.csv');
    expect(skipped.header).toEqual(['file or sheet', 'row', 'email', 'reason']);
    expect(skipped.rows.map((row) => [row[0], Number(row[1]), String(row[2]).toLowerCase()])).toEqual(
      exported.superseded.map((s) => [exportFile, s.row, s.email]),
    );
    for (const row of skipped.rows)
      expect(row[3]).toMatch(/signed up again; the later sign-up on row \d+ \(\d\d\/\d\d\/2026/);
    expect(csv('clean/skipped.csv').rows).toEqual([]);
  });

  it('gives each person the biography from the column named for it, in their own row', () => {
    for (const file of ['forms/mentors.csv', 'forms/mentees.csv']) {
      const people = csv(file);
      const bio = people.header.indexOf('biography');
      expect(bio).toBeGreaterThan(0);
      expect(people.rows.filter((row) => String(row[bio] ?? '').includes('civil service')).length).toBeGreaterThan(100);
    }
  });

  it('carries the biographies to the mail merge', () => {
    const merge = csv('forms/mail-merge.csv');
    const bio = merge.header.indexOf('match 1 biography');
    expect(bio).toBeGreaterThan(0);
    expect(merge.rows.filter((row) => String(row[bio] ?? '').includes('civil service')).length).toBeGreaterThan(100);
  });

  it('check --write-aliases suggests every variant the aliases file merges, with its real name', () => {
    expect(check.code, check.stdout).toBe(0);
    const suggested = csv('suggested.csv');
    expect(suggested.header).toEqual(['field', 'value', 'canonical']);
    const found = new Set(suggested.rows.map((row) => row.join('\u0000')));
    const missing = exported.aliases.filter((a) => !found.has([a.field, a.value, a.canonical].join('\u0000')));
    expect(missing).toEqual([]);
    expect(check.stdout).toMatch(/12 input rows would not be used/);
  });
});
