// A few catalogue cases through the real process (the TypeScript entry point under tsx, as
// test/process.test.ts runs it): the exit status is set and nothing on stderr is a stack trace, even
// for input that fails deep inside a reader or the rule-set parser.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sampleMentees, tempDir } from '../run-cli.js';
import { concatBytes, csvText, sampleRows, utf8, xlsxBytes, type XCell } from './fixtures.js';

const appRoot = fileURLToPath(new URL('../..', import.meta.url));
const tsxLoader = pathToFileURL(
  join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'loader.mjs'),
).href;

function spawnCli(args: string[], cwd: string) {
  const run = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', tsxLoader, join(appRoot, 'src/cli.ts'), ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  return { code: run.status, stderr: run.stderr };
}

describe('the real process on hostile input', () => {
  it('bytes that are not UTF-8, a rule set nested 100,000 deep, and a #N/A workbook: exit 1, messages, no stack trace', () => {
    const cwd = tempDir('mm-process-');
    const mentors = sampleRows('mentors');
    // UTF-8 (the "ë" in Zoë) with one damaged byte: the readers refuse it rather than guess an encoding.
    const zoe = mentors[3].map((cell, i) => (i === 0 ? 'Zoë' : cell));
    const damaged = concatBytes(utf8(csvText([...mentors.slice(0, 3), zoe])), new Uint8Array([0x22, 0xe9, 0x22, 0x0a]));
    writeFileSync(join(cwd, 'latin1.csv'), damaged);
    writeFileSync(
      join(cwd, 'deep.json'),
      `{"version":1,"name":"x","rules":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`,
    );
    const rows: XCell[][] = mentors.map((row) => [...row]);
    rows[3][mentors[0].indexOf('grade')] = { error: '#N/A' };
    writeFileSync(join(cwd, 'mentors.xlsx'), xlsxBytes([{ name: 'Sign-ups', rows }]));

    const runs = [
      spawnCli(['check', '--mentors', 'latin1.csv', '--mentees', sampleMentees], cwd),
      spawnCli(['check', '--mentors', 'mentors.xlsx', '--mentees', sampleMentees, '--rules', 'deep.json'], cwd),
      spawnCli(['match', '--mentors', 'mentors.xlsx', '--mentees', sampleMentees, '--out', 'out'], cwd),
    ];
    expect(runs.map((r) => r.code)).toEqual([1, 1, 1]);
    expect(runs[0].stderr).toMatch(/latin1\.csv.*row 5.*not valid UTF-8/);
    expect(runs[1].stderr).toMatch(/deep\.json/);
    expect(runs[2].stderr).toMatch(
      /mentors\.xlsx › Sign-ups row 4, column "grade" \(cell F4\) holds the Excel error #N\/A/,
    );
    for (const run of runs) expect(run.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);
});
