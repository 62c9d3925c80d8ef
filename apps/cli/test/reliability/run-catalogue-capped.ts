// Every bad-input catalogue case's CLI invocation in one process, as memory-capped.test.ts starts it
// (`node --max-old-space-size=1536`): the whole folder of hostile input must run with no case
// killed for memory and each ending with its expected exit status. Prints one JSON line: the cases
// run, those that ended otherwise, the heap limit and the peak resident memory of the process.
//
// Run by hand: node --max-old-space-size=1536 --conditions=source --import tsx \
//   apps/cli/test/reliability/run-catalogue-capped.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { main } from '../../src/main.js';
import type { CliIo } from '../../src/io.js';
import { removeTempDirs } from '../run-cli.js';
import { cases, materialise } from './catalogue-cases.js';

const quietIo = (cwd: string): CliIo => ({
  stdout: () => {},
  stderr: () => {},
  env: {},
  cwd,
  now: () => performance.now(),
  stderrIsTty: false,
  progressAfterMs: 60_000,
  interruptSignal: () => new AbortController().signal,
});

const wrong: { name: string; exit: number; expected: number }[] = [];
/** The case during which the peak resident memory grew most. */
let largestGrowth = { name: '', kib: 0 };
for (const testCase of cases) {
  const fixture = testCase.build();
  const cwd = materialise(fixture);
  testCase.prepare?.(cwd);
  const out = testCase.out ?? 'out';
  if (testCase.out === undefined) mkdirSync(join(cwd, out), { recursive: true });
  const before = process.resourceUsage().maxRSS;
  const exit = await main(['match', ...fixture.args, '--out', out, '--quiet'], quietIo(cwd));
  const after = process.resourceUsage().maxRSS;
  if (after - before > largestGrowth.kib) largestGrowth = { name: testCase.name, kib: after - before };
  if (exit !== testCase.exit) wrong.push({ name: testCase.name, exit, expected: testCase.exit });
  removeTempDirs();
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
process.stdout.write(
  `${JSON.stringify({
    cases: cases.length,
    wrong,
    heapLimitMiB: mib(getHeapStatistics().heap_size_limit),
    peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
    peakGrewMostIn: largestGrowth.name,
  })}\n`,
);
process.exitCode = wrong.length === 0 ? 0 : 1;
