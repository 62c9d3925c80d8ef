// Issue 12: a table with nobody in it is an input problem (exit 1), not a successful match of nobody.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, sampleMentees, tempDir } from './run-cli.js';

const header = 'first name,last name,email address,grade,organisation,profession,characteristics\n';

describe('a mentors file with nobody in it', () => {
  it.each([
    ['only a header row', header],
    ['a header and blank rows', `${header},,,,,,\n,,,,,,\n`],
  ])('with %s stops with exit 1 and says so, writing no results', async (_, text) => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'mentors.csv'), text);
    const run = await runCli(
      ['match', '--mentors', 'mentors.csv', '--mentees', sampleMentees, '--preset', 'mentor-match', '--out', 'out'],
      { cwd },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: mentors\.csv has (only a header row|a header and 2 blank rows), so there are no mentors to match/m,
    );
    expect(existsSync(join(cwd, 'out', 'pairs.csv'))).toBe(false);
  });

  it('fails the check command too', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'mentors.csv'), header);
    const run = await runCli(['check', '--mentors', 'mentors.csv', '--mentees', sampleMentees], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain('error: mentors.csv has only a header row');
  });
});
