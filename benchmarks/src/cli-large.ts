// The large-input check of issue 8: `mentor-matcher match` on N mentors × N mentees (10,000 by
// default) in its own process, measuring wall time and peak resident memory, so the figure the
// README states for the CLI is a measured one. The CLI runs from its TypeScript sources through tsx
// (no build needed); the child reports its own peak RSS (process.resourceUsage().maxRSS) on exit.
//
//   node --conditions=source --import tsx benchmarks/src/cli-large.ts [--size 10000] [--seed 8] [--strategy optimal|rounds]
//
// Prints one JSON line: { size, strategy, exitCode, wallSeconds, peakRssMiB, summary, inputBytes,
// outputBytes, outputRatio, files } (outputRatio: outputBytes / inputBytes, to two places; files:
// each result file's size in bytes; issue 17 asks that the results stay within 3 times the input).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

const optionsSchema = z.object({
  size: z.coerce.number().int().min(1).max(50_000).default(10_000),
  seed: z.coerce.number().int().min(0).default(8),
  strategy: z.enum(['optimal', 'rounds']).default('optimal'),
});

const { values } = parseArgs({
  options: { size: { type: 'string' }, seed: { type: 'string' }, strategy: { type: 'string' } },
});
const options = optionsSchema.parse(values);

const cli = fileURLToPath(new URL('../../apps/cli/src/cli.ts', import.meta.url));
const tsx = pathToFileURL(
  join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'loader.mjs'),
).href;
// Written by the child on exit, after everything it allocated: its own peak resident set, in KiB.
const reportRss = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\npeak-rss-kib "+process.resourceUsage().maxRSS+"\\n"))`;

function runCli(args: readonly string[], cwd: string) {
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', tsx, '--import', reportRss, cli, ...args],
    {
      cwd,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  const wallSeconds = (performance.now() - started) / 1000;
  const rss = /peak-rss-kib (\d+)/.exec(child.stderr ?? '');
  return {
    code: child.status,
    stdout: child.stdout ?? '',
    stderr: child.stderr ?? '',
    wallSeconds,
    peakRssMiB: rss ? Number(rss[1]) / 1024 : null,
  };
}

/** Each file's size in bytes, and their total. */
function sizes(folder: string) {
  const files = Object.fromEntries(readdirSync(folder).map((name) => [name, statSync(join(folder, name)).size]));
  return { files, total: Object.values(files).reduce((a, b) => a + b, 0) };
}

function outputSizes(inputBytes: number, output: ReturnType<typeof sizes>) {
  const outputRatio = Number((output.total / inputBytes).toFixed(2));
  return { inputBytes, outputBytes: output.total, outputRatio, files: output.files };
}

const dir = mkdtempSync(join(tmpdir(), 'mm-cli-large-'));
try {
  const generated = runCli(
    [
      'generate',
      '--mentors',
      String(options.size),
      '--mentees',
      String(options.size),
      '--seed',
      String(options.seed),
      '--out',
      'data',
    ],
    dir,
  );
  if (generated.code !== 0) throw new Error(`generate failed: ${generated.stderr}`);
  const run = runCli(
    [
      'match',
      '--mentors',
      'data/mentors.csv',
      '--mentees',
      'data/mentees.csv',
      '--strategy',
      options.strategy,
      '--out',
      'out',
      '--quiet',
    ],
    dir,
  );
  const output = run.code === 0 ? sizes(join(dir, 'out')) : null;
  process.stdout.write(
    JSON.stringify({
      size: options.size,
      strategy: options.strategy,
      exitCode: run.code,
      wallSeconds: Number(run.wallSeconds.toFixed(1)),
      peakRssMiB: run.peakRssMiB === null ? null : Math.round(run.peakRssMiB),
      summary: run.stdout.trim().split('\n').at(-2) ?? '',
      ...(output === null ? { stderr: run.stderr.slice(-2_000) } : outputSizes(sizes(join(dir, 'data')).total, output)),
    }) + '\n',
  );
  process.exitCode = run.code === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
