import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listXlsxSheets, readCsv, readXlsx, writeXlsx } from '@mentor-matcher/tabular';
import { runCli, sampleMentees, sampleMentors, tempDir } from './run-cli.js';

const sample = (path: string, source: string) => readCsv(readFileSync(path), { source });

describe('XLSX in and out', () => {
  it('writes one results.xlsx with every result sheet, plus summary.json and notify.json', async () => {
    const cwd = tempDir();
    const run = await runCli(
      ['match', '--mentors', sampleMentors, '--mentees', sampleMentees, '--out', 'out', '--format', 'xlsx'],
      { cwd },
    );
    expect(run.code).toBe(0);
    const bytes = readFileSync(join(cwd, 'out', 'results.xlsx'));
    expect(listXlsxSheets(bytes)).toEqual(['Pairs', 'Mentors', 'Mentees', 'Unmatched', 'Summary', 'Skipped']);
    const pairs = readXlsx(bytes, { source: 'results.xlsx', sheet: 'Pairs' });
    expect(pairs.header.slice(0, 3)).toEqual(['mentor email', 'mentee email', 'score']);
    expect(pairs.rows.length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(cwd, 'out', 'notify.json'), 'utf8')).version).toBe(3);
  });

  it('reads one workbook for both sides from its Mentors and Mentees sheets', async () => {
    const cwd = tempDir();
    const mentors = sample(sampleMentors, 'mentors.csv');
    const mentees = sample(sampleMentees, 'mentees.csv');
    writeFileSync(
      join(cwd, 'book.xlsx'),
      writeXlsx([
        { name: 'Read me', table: { header: ['note'], rows: [['sign-ups below']] } },
        { name: 'Mentors', table: mentors },
        { name: 'Mentees', table: mentees },
      ]),
    );
    const run = await runCli(['match', '--mentors', 'book.xlsx', '--mentees', 'book.xlsx', '--out', 'out', '-q'], {
      cwd,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/50 of 50 mentees and 49 of 50 mentors matched/);
    writeFileSync(join(cwd, 'one.xlsx'), writeXlsx([{ name: 'Sheet1', table: mentors }]));
    const same = await runCli(['check', '--mentors', 'one.xlsx', '--mentees', 'one.xlsx'], { cwd });
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(
      /^error: --mentors and --mentees both read one\.xlsx › Sheet1; name the workbook's sheets "Mentors" and "Mentees"/,
    );
  });

  it('says --sheet is not used when the files are CSV, and matches them as they are', async () => {
    const cwd = tempDir();
    const run = await runCli(['check', '--mentors', sampleMentors, '--mentees', sampleMentees, '--sheet', 'Form1'], {
      cwd,
    });
    expect(run.code).toBe(0);
    expect(run.stderr + run.stdout).toMatch(/mentors\.csv is a CSV file, which has no sheets; the sheet "Form1"/);
  });

  it('names the files of the other format that an earlier run left in the folder', async () => {
    const cwd = tempDir();
    const args = ['match', '--mentors', sampleMentors, '--mentees', sampleMentees, '--out', 'r', '--quiet'];
    const first = await runCli([...args, '--format', 'xlsx'], { cwd });
    expect(first.stderr).not.toContain('from an earlier run in the other format');
    const csv = await runCli(args, { cwd });
    expect(csv.code).toBe(0);
    expect(csv.stderr).toContain('r still holds results.xlsx from an earlier run in the other format');
    const xlsx = await runCli([...args, '--format', 'xlsx'], { cwd });
    expect(xlsx.stderr).toContain('r still holds pairs.csv from an earlier run in the other format');
  });

  it('adds a sheet per Notify list with --notify-lists, and the mail merge with --mail-merge', async () => {
    const cwd = tempDir();
    const args = [
      'match',
      '--mentors',
      sampleMentors,
      '--mentees',
      sampleMentees,
      '--format',
      'xlsx',
      '--notify-lists',
      '--mail-merge',
    ];
    expect((await runCli([...args, '--out', 'out'], { cwd })).code).toBe(0);
    expect(listXlsxSheets(readFileSync(join(cwd, 'out', 'results.xlsx')))).toEqual([
      'Pairs',
      'Mentors',
      'Mentees',
      'Unmatched',
      'Summary',
      'Notify mentor-matched',
      'Notify mentor-unmatched',
      'Notify mentee-matched',
      'Notify mentee-unmatched',
      'Mail merge',
      'Skipped',
    ]);
  });

  it('gives the same pairs in XLSX as in CSV', async () => {
    const cwd = tempDir();
    const args = ['match', '--mentors', sampleMentors, '--mentees', sampleMentees];
    await runCli([...args, '--out', 'x', '--format', 'xlsx'], { cwd });
    await runCli([...args, '--out', 'c'], { cwd });
    const fromXlsx = readXlsx(readFileSync(join(cwd, 'x', 'results.xlsx')), { source: 'x', sheet: 'Pairs' });
    const fromCsv = readCsv(readFileSync(join(cwd, 'c', 'pairs.csv')), { source: 'c' });
    expect(fromXlsx.rows.map((r) => [r[0], r[1], Number(r[2])])).toEqual(
      fromCsv.rows.map((r) => [r[0], r[1], Number(r[2])]),
    );
  });

  // Compared sheet by sheet: the zip entries' timestamps are the writer's business, the content is ours.
  it('writes identical results.xlsx content on two runs', async () => {
    const cwd = tempDir();
    const args = ['match', '--mentors', sampleMentors, '--mentees', sampleMentees, '--format', 'xlsx', '--out'];
    await runCli([...args, 'a'], { cwd });
    await runCli([...args, 'b'], { cwd });
    const sheets = (dir: string) => {
      const bytes = readFileSync(join(cwd, dir, 'results.xlsx'));
      return listXlsxSheets(bytes).map((sheet) => readXlsx(bytes, { source: 'results.xlsx', sheet }));
    };
    expect(sheets('b')).toEqual(sheets('a'));
  });

  it('reads XLSX inputs, the sheet named by --sheet', async () => {
    const cwd = tempDir();
    const other = { header: ['x'], rows: [['not this one']] };
    writeFileSync(
      join(cwd, 'mentors.xlsx'),
      writeXlsx([
        { name: 'Other', table: other },
        { name: 'Sign-ups', table: sample(sampleMentors, 'm') },
      ]),
    );
    writeFileSync(
      join(cwd, 'mentees.xlsx'),
      writeXlsx([
        { name: 'Other', table: other },
        { name: 'Sign-ups', table: sample(sampleMentees, 'm') },
      ]),
    );
    const run = await runCli(
      ['match', '--mentors', 'mentors.xlsx', '--mentees', 'mentees.xlsx', '--sheet', 'Sign-ups', '--out', 'out'],
      { cwd },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/of 50 mentees and \d+ of 50 mentors matched/);
  });

  it('names the sheets when --sheet names one that does not exist', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'mentors.xlsx'), writeXlsx([{ name: 'Mentors', table: sample(sampleMentors, 'm') }]));
    const run = await runCli(['check', '--mentors', 'mentors.xlsx', '--mentees', sampleMentees, '--sheet', 'Nope'], {
      cwd,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*Nope.*Mentors/);
  });
});
