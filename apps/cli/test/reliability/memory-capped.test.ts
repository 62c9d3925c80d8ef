// The whole bad-input catalogue through the CLI under a memory cap: one process started with
// `node --max-old-space-size=1536` runs every case's `mentor-matcher match` (run-catalogue-capped.ts).
// No case may be killed for memory or end with another exit status, and the process's peak resident
// memory stays bounded. Measured on the 2-core build machine: 55 cases in 15 s, peak 503 MiB.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const tsxLoader = pathToFileURL(
  join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'loader.mjs'),
).href;

describe('the catalogue under --max-old-space-size=1536', () => {
  it('runs every case to its expected exit status, none killed, peak memory bounded', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=1536',
        '--conditions=source',
        '--import',
        tsxLoader,
        join(here, 'run-catalogue-capped.ts'),
      ],
      { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 16 * 2 ** 20 },
    );
    expect(run.signal, run.stderr.slice(-2000)).toBeNull();
    expect(run.status, run.stderr.slice(-2000)).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(report.wrong).toEqual([]);
    expect(report.cases).toBeGreaterThanOrEqual(50);
    expect(report.heapLimitMiB).toBeLessThan(1700);
    expect(report.peakRssMiB).toBeLessThan(1024);
  }, 180_000);
});
