// 50,000 rows (the size for a large sign-up sheet) through the check command: 50,000 mentees
// × 50 mentors, read, checked and scored (2.5 million pairs) well inside the unit-test budget. The
// 10,000 × 10,000 match is a benchmark (benchmarks/src/cli-large.ts), too slow for CI's 2 cores.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, sampleMentors, tempDir } from '../run-cli.js';
import { csvText, sampleRows } from './fixtures.js';

const count = 50_000;

function menteesFile(cwd: string, badRow?: number): void {
  const template = sampleRows('mentees');
  const email = template[0].indexOf('email address');
  const grade = template[0].indexOf('grade');
  const rows = [template[0]];
  for (let i = 0; i < count; i++) {
    const row = [...template[1 + (i % 50)]];
    row[email] = `mentee.${i}@example.org`;
    rows.push(row);
  }
  if (badRow !== undefined) rows[badRow - 1][grade] = 'Grade 99';
  writeFileSync(join(cwd, 'mentees.csv'), csvText(rows));
}

describe('50,000 rows', () => {
  it('check names the one bad row among 50,000', async () => {
    const cwd = tempDir('mm-large-');
    menteesFile(cwd, 45_002);
    const started = performance.now();
    const run = await runCli(['check', '--mentors', sampleMentors, '--mentees', 'mentees.csv', '--quiet'], { cwd });
    const seconds = (performance.now() - started) / 1000;
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/50 mentors, 50,?000 mentees: 1 error/);
    expect(run.stdout).toMatch(/mentees\.csv row 45002\b.*Grade 99/);
    expect(seconds).toBeLessThan(20);
  }, 60_000);

  it('match pairs 50 mentors among 50,000 mentees and lists every mentee', async () => {
    const cwd = tempDir('mm-large-');
    menteesFile(cwd);
    const started = performance.now();
    const run = await runCli(
      ['match', '--mentors', sampleMentors, '--mentees', 'mentees.csv', '--out', 'out', '--quiet'],
      { cwd },
    );
    const seconds = (performance.now() - started) / 1000;
    expect(run.code, run.stderr.slice(0, 500)).toBe(0);
    expect(run.stdout).toMatch(/of 50,?000 mentees/);
    const written = readFileSync(join(cwd, 'out', 'mentees.csv'), 'utf8')
      .trimEnd()
      .split(/\r?\n/);
    expect(written).toHaveLength(count + 1);
    expect(seconds).toBeLessThan(20);
  }, 60_000);
});
