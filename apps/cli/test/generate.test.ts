import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateMentorMatchData } from '@mentor-matcher/sample-data';
import { writeCsv } from '@mentor-matcher/tabular';
import { runCli, tempDir } from './run-cli.js';
import { demo } from '../demo.config.js';

describe('mentor-matcher generate', () => {
  it('writes mentors.csv and mentees.csv exactly as the generator makes them for the seed', async () => {
    const cwd = tempDir();
    const run = await runCli(['generate', '--mentors', '30', '--mentees', '20', '--seed', '5', '--out', 'data'], {
      cwd,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Wrote 30 mentors and 20 mentees (seed 5) to data\n');
    const expected = generateMentorMatchData({ mentors: 30, mentees: 20, seed: 5 });
    expect(readFileSync(join(cwd, 'data', 'mentors.csv'), 'utf8')).toBe(writeCsv(expected.mentors));
    expect(readFileSync(join(cwd, 'data', 'mentees.csv'), 'utf8')).toBe(writeCsv(expected.mentees));
    expect(run.stderr).toBe('');
  });

  it('says which files it replaced, as match does', async () => {
    const cwd = tempDir();
    const args = ['generate', '--mentors', '3', '--mentees', '3', '--out', 'data'];
    await runCli(args, { cwd });
    const again = await runCli(args, { cwd });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('Replaced in data: mentors.csv, mentees.csv\n');
  });
});

describe('the bundled demo data', () => {
  it('is exactly what the generator makes for the demo seed', () => {
    const expected = generateMentorMatchData({ mentors: demo.mentors, mentees: demo.mentees, seed: demo.seed });
    const dir = new URL('../demo-data/', import.meta.url);
    expect(readFileSync(new URL('mentors.csv', dir), 'utf8')).toBe(writeCsv(expected.mentors));
    expect(readFileSync(new URL('mentees.csv', dir), 'utf8')).toBe(writeCsv(expected.mentees));
  });
});
