// The real process: the entry point sets the exit status and nothing reaches the terminal as a stack
// trace. Runs the TypeScript source through tsx (no build needed).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sampleMentees, sampleMentors, tempDir } from './run-cli.js';

const appRoot = fileURLToPath(new URL('..', import.meta.url));
// Resolved here, because the child runs in a temporary folder outside the workspace.
const tsxLoader = pathToFileURL(
  join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'loader.mjs'),
).href;

function spawnCli(args: string[], cwd = tempDir()) {
  const run = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', tsxLoader, join(appRoot, 'src/cli.ts'), ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the mentor-matcher process', () => {
  it('exits 0 after matching the sample', () => {
    const run = spawnCli(['match', '--mentors', sampleMentors, '--mentees', sampleMentees, '--out', 'out', '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/mentees and \d+ of 50 mentors matched/);
  });

  it('exits 1 on bad input with a message and no stack trace', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'm.csv'), 'first name,first name\nA,B\n');
    const run = spawnCli(['check', '--mentors', 'm.csv', '--mentees', sampleMentees], cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*m\.csv/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 2 on a usage error with the usage text', () => {
    const run = spawnCli(['match', '--nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option '--nope'/);
    expect(run.stderr).toMatch(/Usage: mentor-matcher match/);
  });
});
