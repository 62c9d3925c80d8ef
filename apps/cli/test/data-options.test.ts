// The data options of match and check: --column, --aliases, --duplicates, --skip-invalid-rows,
// --write-aliases, and a one-table input whose role column is found without --role-column.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '@mentor-matcher/tabular';
import { runCli, sampleMentees, sampleMentors, tempDir } from './run-cli.js';

const header =
  'Completion time,Email,Your first name,Your last name,Role = mentor or mentee?,Your grade,Department or agency,' +
  'Your profession,Which of these describe you?,Which identity would you like your mentor to share?';
const people = [
  header,
  '05/01/2026 09:00,ana@x.org,Ana,Ng,Mentor,Grade 7,Home Office,Policy,Carer,',
  '06/01/2026 09:00,ben@x.org,Ben,Ode,Mentee,HEO,Cabinet Office,Policy,,Carer',
  '07/01/2026 09:00,cat@x.org,Cat,Poe,Mentee,HEO,HO,Tax,,',
  '13/01/2026 10:00,BEN@x.org,Ben,Ode,Mentee,SEO,Cabinet Office,Tax,,',
].join('\r\n');

function folder(): string {
  const cwd = tempDir();
  writeFileSync(join(cwd, 'people.csv'), people);
  return cwd;
}
const csv = (cwd: string, file: string) => readCsv(readFileSync(join(cwd, file)), { source: file });

describe('data options', () => {
  it('--column takes FIELD=HEADER split at the first "=", the role column included', async () => {
    const cwd = folder();
    const run = await runCli(
      [
        'match',
        '--people',
        'people.csv',
        '--column',
        'role=Role = mentor or mentee?',
        '--duplicates',
        'keep-latest',
        '--out',
        'out',
      ],
      { cwd },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(csv(cwd, 'out/pairs.csv').rows.length).toBeGreaterThan(0);
  });

  it('finds the role question by itself; a column for a field the rules do not read is a warning', async () => {
    const cwd = folder();
    const run = await runCli(
      ['check', '--people', 'people.csv', '--duplicates', 'keep-latest', '--column', 'shoe size=Your grade'],
      { cwd },
    );
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(
      /warning: A column is given for the field "shoe size", which the rule set "Mentor Match" does not read/,
    );
  });

  it('a duplicate sign-up stops the run by default; keep-latest lists the earlier one in skipped.csv', async () => {
    const cwd = folder();
    const stopped = await runCli(
      ['match', '--people', 'people.csv', '--column', 'role=Role = mentor or mentee?', '--out', 'out'],
      { cwd },
    );
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/people\.csv row 5: ben@x\.org is already listed as a mentee on row 3/);
    const run = await runCli(
      [
        'match',
        '--people',
        'people.csv',
        '--column',
        'role=Role = mentor or mentee?',
        '--duplicates',
        'keep-latest',
        '--out',
        'out',
      ],
      { cwd },
    );
    expect(run.stdout).toMatch(/1 input row was not used; see skipped\.csv\./);
    expect(csv(cwd, 'out/skipped.csv').rows).toEqual([
      [
        'people.csv',
        '3',
        'ben@x.org',
        'ben@x.org signed up again; the later sign-up on row 5 (13/01/2026 10:00) is used',
      ],
    ]);
    expect(JSON.parse(readFileSync(join(cwd, 'out/summary.json'), 'utf8')).skippedRows).toBe(1);
  });

  it('--skip-invalid-rows matches without a row that has an error, and lists it', async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'people.csv'),
      `${people.split('\r\n').slice(0, 4).join('\r\n')}\r\n08/01/2026,dan@x.org,Dan,Ray,Mentee,Grade 99,Home Office,Tax,,`,
    );
    const args = ['match', '--people', 'people.csv', '--column', 'role=Role = mentor or mentee?', '--out', 'out'];
    expect((await runCli(args, { cwd })).code).toBe(1);
    const run = await runCli([...args, '--skip-invalid-rows'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(csv(cwd, 'out/skipped.csv').rows.map((row) => row.slice(0, 3))).toEqual([['people.csv', '5', 'dan@x.org']]);
  });

  it('check --write-aliases writes the suggestions, and match --aliases reads them back', async () => {
    const cwd = folder();
    const base = ['--people', 'people.csv', '--column', 'role=Role = mentor or mentee?', '--duplicates', 'keep-latest'];
    const check = await runCli(['check', ...base, '--write-aliases', 'aliases.csv'], { cwd });
    expect(check.stdout).toMatch(/Wrote 1 suggested alias to aliases\.csv/);
    expect(csv(cwd, 'aliases.csv').rows).toEqual([['organisation', 'HO', 'Home Office']]);
    const again = await runCli(['check', ...base, '--aliases', 'aliases.csv'], { cwd });
    expect(again.stdout).not.toMatch(/alias/);
  });

  it('warns when an aliases file names a field the rules do not read, with the field it likely means', async () => {
    const cwd = folder();
    writeFileSync(join(cwd, 'aliases.csv'), 'field,value,canonical\r\norganisaton,HO,Home Office\r\n');
    const run = await runCli(
      ['check', '--people', 'people.csv', '--duplicates', 'keep-latest', '--aliases', 'aliases.csv'],
      { cwd },
    );
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(
      /warning: Aliases are given for the field "organisaton", which the rule set "Mentor Match" does not read, so they are not used; did you mean "organisation"\?/,
    );
  });

  it('names the --column value that is not FIELD=HEADER', async () => {
    const run = await runCli(['check', '--people', 'p.csv', '--column', 'grade=Your grade', '--column', 'Your grade']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^mentor-matcher: --column: expected FIELD=HEADER, e\.g\. --column "grade=Your grade", got "Your grade"\n/,
    );
  });

  it('with two tables, a --column header found in only one applies to it; the other keeps its own', async () => {
    const cwd = tempDir();
    const mentors = readFileSync(sampleMentors, 'utf8').replace(/^(.*?)\bgrade\b/, '$1Grade level');
    expect(mentors.split('\n')[0]).toContain(',Grade level,');
    writeFileSync(join(cwd, 'mentors.csv'), mentors);
    const args = ['--mentors', 'mentors.csv', '--mentees', sampleMentees];
    const run = await runCli(['match', ...args, '--column', 'grade=Grade level', '--out', 'out', '-q'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(csv(cwd, 'out/pairs.csv').rows.length).toBeGreaterThan(0);
    const typo = await runCli(['check', ...args, '--column', 'grade=Grade lvl'], { cwd });
    expect(typo.code).toBe(1);
    expect(typo.stdout).toMatch(
      /mentors\.csv: the field "grade" is set to the column "Grade lvl", which is not in the header/,
    );
  });

  it('with sign-up times that cannot be read, says how to choose another column or none ("timestamp=")', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'people.csv'), people.replace('05/01/2026 09:00', 'last Monday'));
    const args = ['--people', 'people.csv', '--duplicates', 'keep-latest'];
    const stopped = await runCli(['check', ...args], { cwd });
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toMatch(/cannot be read as dates and times \(row 2 "last Monday"\)/);
    expect(stopped.stdout).toContain(
      'hint: to read the sign-up times from another column, add --column "timestamp=HEADER"',
    );
    expect(stopped.stdout).not.toContain('add --duplicates keep-latest');
    const run = await runCli(['match', ...args, '--column', 'timestamp=', '--out', 'out', '-q'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(csv(cwd, 'out/skipped.csv').rows).toEqual([
      ['people.csv', '3', 'ben@x.org', 'ben@x.org signed up again; the later sign-up on row 5 is used'],
    ]);
  });

  it('--write-aliases never replaces an input', async () => {
    const cwd = folder();
    const run = await runCli(['check', '--people', 'people.csv', '--write-aliases', 'people.csv'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--write-aliases people\.csv would overwrite an input/);
    expect(readFileSync(join(cwd, 'people.csv'), 'utf8')).toBe(people);
  });

  it('--write-aliases names itself, not the results, when a folder or a read-only file is in the way', async () => {
    const cwd = folder();
    mkdirSync(join(cwd, 'suggestions'));
    const base = ['check', '--people', 'people.csv', '--duplicates', 'keep-latest', '--write-aliases'];
    const intoFolder = await runCli([...base, 'suggestions'], { cwd });
    expect(intoFolder.code).toBe(1);
    expect(intoFolder.stderr).toMatch(
      /^error: --write-aliases suggestions is a folder; give the file to write, e\.g\. --write-aliases suggestions\/aliases\.csv\n/,
    );
    writeFileSync(join(cwd, 'aliases.csv'), '');
    chmodSync(join(cwd, 'aliases.csv'), 0o444);
    const readOnly = await runCli([...base, 'aliases.csv'], { cwd });
    expect(readOnly.code).toBe(1);
    expect(readOnly.stderr).toMatch(
      /^error: cannot write --write-aliases aliases\.csv: aliases\.csv is read-only; make it writable, or choose another file name\n/,
    );
  });

  it('refuses a --duplicates policy it does not know, and --role-column with two tables', async () => {
    const bad = await runCli(['check', '--people', 'p.csv', '--duplicates', 'newest']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--duplicates: expected error, keep-latest or keep-first/);
    const two = await runCli(['check', '--mentors', 'a.csv', '--mentees', 'b.csv', '--role-column', 'Role']);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/--role-column goes with --people/);
  });

  it('passes over a title line above the header, saying so, and reads a semicolon-separated file', async () => {
    const cwd = tempDir();
    const semicolons = people.replaceAll(',', ';');
    writeFileSync(join(cwd, 'people.csv'), `Mentoring sign-ups 2026\r\n${semicolons}`);
    const run = await runCli(['check', '--people', 'people.csv', '--duplicates', 'keep-latest'], { cwd });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/warning: .*Mentoring sign-ups 2026/);
    expect(run.stdout).toMatch(/1 mentors, 2 mentees/);
  });

  it('reports an aliases file without the field, value and canonical columns', async () => {
    const cwd = folder();
    writeFileSync(join(cwd, 'aliases.csv'), 'from,to\r\nHO,Home Office\r\n');
    const run = await runCli(['check', '--people', 'people.csv', '--aliases', 'aliases.csv'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/an aliases file needs the columns field, value and canonical/);
  });
});
