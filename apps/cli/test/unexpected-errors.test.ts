import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import type { CliIo } from '../src/io.js';
import { runCli, sampleMentees, sampleMentors, tempDir } from './run-cli.js';

describe('errors', () => {
  it('turns an unexpected failure into one line asking for a report, exit 70', async () => {
    let stderr = '';
    const io: CliIo = {
      stdout: () => {
        throw new TypeError('stdout is broken');
      },
      stderr: (t) => void (stderr += t),
      env: {},
      cwd: tempDir(),
      now: () => 0,
      stderrIsTty: false,
      progressAfterMs: 0,
      interruptSignal: () => new AbortController().signal,
    };
    expect(await main(['match', '--help'], io)).toBe(70);
    expect(stderr).toBe(
      'mentor-matcher: unexpected error: TypeError: stdout is broken\nThis is a bug; please report it with the command you ran.\n',
    );
  });

  it('says when the output folder is blocked by a file', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'out'), 'a file');
    const run = await runCli(['match', '--mentors', sampleMentors, '--mentees', sampleMentees, '--out', 'out', '-q'], {
      cwd,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: cannot write the results to out: a file of that name is in the way$/m);
  });
});
