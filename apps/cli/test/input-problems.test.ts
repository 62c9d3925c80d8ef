import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, sampleMentees, sampleMentors, tempDir } from './run-cli.js';

/** The sample mentors with row 3 given a grade off the ladder and row 5 a copy of row 2's email. */
function brokenMentors(cwd: string): string {
  const lines = readFileSync(sampleMentors, 'utf8').split(/\r?\n/);
  lines[2] = lines[2].replace(',SCS1,', ',Grade 99,');
  lines[4] = lines[4].replace('mentor.03@gov.uk', 'mentor.00@gov.uk');
  writeFileSync(join(cwd, 'mentors.csv'), lines.join('\n'));
  return 'mentors.csv';
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('input problems (exit 1)', () => {
  it('lists every error with its file, row, column and value', async () => {
    const cwd = tempDir();
    const run = await runCli(['match', '--mentors', brokenMentors(cwd), '--mentees', sampleMentees, '--out', 'out'], {
      cwd,
    });
    expect(run.code).toBe(1);
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(errors.length).toBeGreaterThanOrEqual(2);
    const grade = errors.find((l) => l.includes('Grade 99'));
    expect(grade).toMatch(/mentors\.csv/);
    expect(grade).toMatch(/row 3\b/);
    expect(grade).toMatch(/grade/);
    expect(errors.some((l) => l.includes('mentor.00@gov.uk') && /row 5\b/.test(l))).toBe(true);
    noStack(run.stderr);
  });

  it('check lists the same problems without matching', async () => {
    const cwd = tempDir();
    const run = await runCli(['check', '--mentors', brokenMentors(cwd), '--mentees', sampleMentees], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Grade 99/);
    expect(run.stdout).toMatch(/50 mentors, 50 mentees: \d+ errors?/);
  });

  it('check passes the clean sample', async () => {
    const run = await runCli([
      'check',
      '--mentors',
      sampleMentors,
      '--mentees',
      sampleMentees,
      '--preset',
      'mentor-match',
    ]);
    expect(run.stdout).toMatch(/50 mentors, 50 mentees: 0 errors/);
    expect(run.code).toBe(0);
  });

  it('names a missing file', async () => {
    const run = await runCli(['match', '--mentors', 'nope.csv', '--mentees', sampleMentees, '--out', 'out']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: cannot read nope.csv: no such file\n');
  });

  it('reports a malformed CSV with the file and row, without a stack trace', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'bad.csv'), 'first name,email address\nAda,"ada@x\n');
    const run = await runCli(['match', '--mentors', 'bad.csv', '--mentees', sampleMentees, '--out', 'out'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*bad\.csv/);
    expect(run.stderr).toMatch(/row 2/);
    noStack(run.stderr);
  });

  it('reports every problem of an invalid rule set by its path', async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'rules.json'),
      JSON.stringify({ version: 1, name: 'x', rules: [{ id: 'a', kind: 'score', label: 'A', points: 'ten' }] }),
    );
    const run = await runCli(
      ['match', '--mentors', sampleMentors, '--mentees', sampleMentees, '--rules', 'rules.json', '--out', 'o'],
      { cwd },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: rules\.json: the rule set has \d+ problems?/);
    expect(run.stderr).toMatch(/rules\[0\]/);
  });

  it('reports a rule file that is not JSON', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'rules.json'), '{ nope');
    const run = await runCli(
      ['check', '--mentors', sampleMentors, '--mentees', sampleMentees, '--rules', 'rules.json'],
      { cwd },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: rules\.json: not valid JSON/);
  });

  it('refuses a file that is no spreadsheet by its content, whatever its name, saying what to save', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'mentors.csv'), '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n');
    const run = await runCli(['check', '--mentors', 'mentors.csv', '--mentees', sampleMentees], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: mentors\.csv: this looks like a PDF file, not a spreadsheet.*\.xlsx or \.csv/);
  });
});
