// Runs the CLI in-process in a temporary working folder and captures what it prints.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/main.js';
import type { CliIo } from '../src/io.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string | undefined>;
  readonly progressAfterMs?: number;
  readonly interrupt?: AbortController;
}

const created = new Set<string>();

/** A new empty folder under the system's temporary folder, removed after the test file (test/setup.ts). */
export function tempDir(prefix = 'mm-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.add(dir);
  return dir;
}

/** Removes every folder tempDir made so far. */
export function removeTempDirs(): void {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
  created.clear();
}

export async function runCli(argv: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: options.env ?? {},
    cwd: options.cwd ?? tempDir(),
    now: () => performance.now(),
    stderrIsTty: false,
    progressAfterMs: options.progressAfterMs ?? 60_000,
    interruptSignal: () => (options.interrupt ?? new AbortController()).signal,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export const sampleDir = new URL('../../../examples/mentor-match-small/', import.meta.url).pathname;
export const sampleMentors = join(sampleDir, 'mentors.csv');
export const sampleMentees = join(sampleDir, 'mentees.csv');
