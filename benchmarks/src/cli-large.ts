// The large-input check of issue 8: `mentor-matcher match` on N mentors × N mentees (10,000 by
// default) in its own process, measuring wall time and peak resident memory, so the figure the
// README states for the CLI is a measured one. It times the built CLI, `apps/cli/bin/mentor-matcher.js`,
// which is what `mentor-matcher` runs: `npm run bench:cli-large` builds it first (from Nx's cache
// when nothing changed). Run from the TypeScript sources through tsx instead, each run would also
// time tsx compiling them: 0.3–0.4 s at 10,000 a side, about a tenth of the run. The child reports
// its own peak RSS (process.resourceUsage().maxRSS) on exit.
//
//   npm run bench:cli-large -- [--size 10000 | --sizes 10000,30000,100000]
//        [--runs 1] [--seed 8] [--strategy optimal|rounds] [--limit-seconds 600]
//
// With --runs N each size is matched N times on the same generated data; wallSeconds is then the
// median and runSeconds every run's, and peakRssMiB the largest (a shared machine's speed moves
// from one minute to the next, so one run says little on its own).
//
// Prints one JSON line per size: { size, strategy, exitCode, wallSeconds, runSeconds, peakRssMiB,
// summary, inputBytes, outputBytes, outputRatio, files } (outputRatio: outputBytes / inputBytes, to two
// places; files: each result file's size in bytes; issue 17 asks that the results stay within 3
// times the input). With --sizes, a table of time and peak memory per size follows (issue 17:
// memory should grow with the people, not the pairs). A run still going after --limit-seconds is
// stopped and reported as such, with the peak memory it had reached (read from /proc, on Linux).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { median } from './statistics.js';

const people = z.number().int().min(1).max(100_000);
const optionsSchema = z.object({
  size: z.coerce.number().pipe(people).default(10_000),
  sizes: z
    .string()
    .transform((list) => list.split(',').map(Number))
    .pipe(z.array(people).min(1))
    .optional(),
  runs: z.coerce.number().int().min(1).max(25).default(1),
  seed: z.coerce.number().int().min(0).default(8),
  strategy: z.enum(['optimal', 'rounds']).default('optimal'),
  'limit-seconds': z.coerce.number().positive().default(600),
});

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    sizes: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    strategy: { type: 'string' },
    'limit-seconds': { type: 'string' },
  },
});
const options = optionsSchema.parse(values);

const cli = fileURLToPath(new URL('../../apps/cli/bin/mentor-matcher.js', import.meta.url));
// Written by the child on exit, after everything it allocated: its own peak resident set, in KiB.
const reportRss = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\npeak-rss-kib "+process.resourceUsage().maxRSS+"\\n"))`;

/** The peak resident set of a running process so far (VmHWM), in MiB; null where /proc is not there. */
function peakSoFarMiB(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /VmHWM:\s+(\d+) kB/.exec(status);
    return kib ? Number(kib[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function runCli(args: readonly string[], cwd: string, limitSeconds = Infinity) {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', reportRss, cli, ...args], {
    cwd,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let peakWhileRunning: number | null = null;
  let stopped = false;
  const sampler = setInterval(() => {
    peakWhileRunning = peakSoFarMiB(child.pid) ?? peakWhileRunning;
    if ((performance.now() - started) / 1000 > limitSeconds && !stopped) {
      stopped = true;
      child.kill('SIGKILL');
    }
  }, 250);
  const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
  clearInterval(sampler);
  const wallSeconds = (performance.now() - started) / 1000;
  const rss = /peak-rss-kib (\d+)/.exec(stderr);
  return {
    code,
    stopped,
    stdout,
    stderr,
    wallSeconds,
    peakRssMiB: rss ? Number(rss[1]) / 1024 : peakWhileRunning,
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

/** Generates `people` mentors and mentees, matches them, and reports the run. */
async function measure(people: number) {
  const dir = mkdtempSync(join(tmpdir(), 'mm-cli-large-'));
  try {
    const count = String(people);
    const generated = await runCli(
      ['generate', '--mentors', count, '--mentees', count, '--seed', String(options.seed), '--out', 'data'],
      dir,
    );
    if (generated.code !== 0) throw new Error(`generate failed: ${generated.stderr}`);
    const runs = [];
    for (let k = 0; k < options.runs; k++) {
      rmSync(join(dir, 'out'), { recursive: true, force: true });
      const run = await runCli(
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
        options['limit-seconds'],
      );
      runs.push(run);
      if (run.code !== 0) break;
    }
    const run = runs.at(-1)!;
    const peaks = runs.map((r) => r.peakRssMiB).filter((peak) => peak !== null);
    const output = run.code === 0 ? sizes(join(dir, 'out')) : null;
    return {
      size: people,
      strategy: options.strategy,
      exitCode: run.code,
      ...(run.stopped ? { stoppedAfterSeconds: options['limit-seconds'] } : {}),
      wallSeconds: Number(median(runs.map((r) => r.wallSeconds)).toFixed(1)),
      ...(runs.length > 1 ? { runSeconds: runs.map((r) => Number(r.wallSeconds.toFixed(2))) } : {}),
      peakRssMiB: peaks.length === 0 ? null : Math.round(Math.max(...peaks)),
      summary: run.stdout.trim().split('\n').at(-2) ?? '',
      ...(output === null ? { stderr: run.stderr.slice(-2_000) } : outputSizes(sizes(join(dir, 'data')).total, output)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
for (const people of options.sizes ?? [options.size]) {
  const result = await measure(people);
  results.push(result);
  process.stdout.write(JSON.stringify(result) + '\n');
}
if (options.sizes) {
  const timeHeader = options.runs > 1 ? `wall time (median of ${options.runs})` : 'wall time';
  process.stdout.write(`\n| people per side | ${timeHeader} | peak memory | result |\n|---|---|---|---|\n`);
  for (const r of results) {
    const outcome = r.stoppedAfterSeconds
      ? `stopped after ${r.stoppedAfterSeconds} s`
      : r.exitCode === 0
        ? r.summary
        : `exit ${r.exitCode}`;
    process.stdout.write(
      `| ${r.size.toLocaleString('en')} | ${r.wallSeconds} s | ${r.peakRssMiB} MiB | ${outcome} |\n`,
    );
  }
}
process.exitCode = results.every((r) => r.exitCode === 0) ? 0 : 1;
