// `npm run bench` (all suites, minutes), `npm run bench -- --suite solver --sizes 500,1000` (a part),
// `npm run bench:check` (the CI regression check), `npm run bench:baseline` (rewrite its baseline)
// and `report` (re-render the tables, charts and README from results.json).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { runBrowserSuite } from './browser/suite.js';
import { createBaseline, readBaseline, writeBaseline } from './check/baseline.js';
import { measureCapacitated } from './check/capacitated.js';
import { compareCapacitated, compareWithBaseline, type CapacitatedCaseVerdict } from './check/compare.js';
import { CHECK_TOLERANCE, CheckCorrectnessError, measureRatios } from './check/regression.js';
import { CliUsageError, parseCliOptions, type CliOptions } from './cli-options.js';
import { DEFAULT_ENGINE_SIZES, ENGINE_SEED, runEngineSuite } from './engine/suite.js';
import { runLemonPeer } from './capacitated/lemon/lemon-suite.js';
import { mentorMatchProblem } from './capacitated/problem.js';
import { DEFAULT_UNIFORM_SIZES, selectCostCases } from './lsa/cases.js';
import { npmPeerAdapters, munkresAdapter } from './lsa/npm-peers.js';
import { loadOurSolver, ourAssignmentAdapter, SLOWDOWN_VARIABLE } from './lsa/our-solver.js';
import {
  CAPACITATED_SLOWDOWN_VARIABLE,
  capacitatedSlowdownFromEnvironment,
  capacitatedSolverLabel,
  twinCapacitatedSolve,
  wasmCapacitatedSolve,
} from './capacitated/solvers.js';
import { scipyAdapter, scipyVersion } from './lsa/scipy.js';
import { runAssignmentSuite } from './lsa/suite.js';
import { describeMachine, machineSentence } from './machine.js';
import { embedInReadme, readResults, writeResults, type BenchResults } from './results-file.js';

const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = join(PACKAGE_ROOT, 'results');
const BASELINE_PATH = join(RESULTS_DIR, 'baseline.json');
const README_PATH = join(PACKAGE_ROOT, 'README.md');

const log = (line: string) => process.stderr.write(`${line}\n`);

async function bench(options: CliOptions): Promise<void> {
  const partial = options.sizes !== undefined || options.quick;
  const outDir = options.out ?? (partial ? join(RESULTS_DIR, 'tmp') : RESULTS_DIR);
  const machine = describeMachine();
  log(`machine: ${machineSentence(machine)}`);
  const solver = await loadOurSolver();
  let results: BenchResults = readResults(outDir);

  if (options.suite.includes('solver')) {
    const startedAt = new Date().toISOString();
    const sizes = options.sizes ?? (options.quick ? [100, 250, 500] : DEFAULT_UNIFORM_SIZES);
    const scipy = scipyVersion();
    log(
      scipy
        ? `scipy ${scipy} found at /usr/bin/python3`
        : 'scipy not found (apt-get install python3-scipy); running without it',
    );
    const adapters = [ourAssignmentAdapter(solver), ...npmPeerAdapters, ...(scipy ? [scipyAdapter(scipy)] : [])];
    const assignment = runAssignmentSuite({
      cases: selectCostCases(sizes),
      adapters,
      budgetMs: options.quick ? 1000 : 5000,
      log,
    });
    results = {
      ...results,
      solver: { machine, startedAt, finishedAt: new Date().toISOString(), quick: options.quick, assignment },
    };
  }
  if (options.suite.includes('capacitated')) {
    const startedAt = new Date().toISOString();
    const sizes = options.sizes ?? (options.quick ? [500] : DEFAULT_ENGINE_SIZES);
    const measurements = runEngineSuite({ sizes, tasks: ['capacitated'], log });
    const lemon = runLemonPeer({
      measurements,
      problemFor: (size) => mentorMatchProblem(size, ENGINE_SEED + size),
      log,
    });
    const finishedAt = new Date().toISOString();
    results = {
      ...results,
      capacitated: { machine, startedAt, finishedAt, quick: options.quick, measurements, lemon },
    };
  }
  if (options.suite.includes('engine')) {
    const startedAt = new Date().toISOString();
    const sizes = options.sizes ?? (options.quick ? [500] : DEFAULT_ENGINE_SIZES);
    const measurements = runEngineSuite({ sizes, tasks: ['score', 'optimal', 'rounds'], log });
    results = {
      ...results,
      engine: { machine, startedAt, finishedAt: new Date().toISOString(), quick: options.quick, measurements },
    };
  }
  if (options.suite.includes('browser')) {
    const startedAt = new Date().toISOString();
    const sizes = options.sizes ?? (options.quick ? [500] : [2000]);
    const measurements = await runBrowserSuite(sizes, log);
    results = {
      ...results,
      browser: { machine, startedAt, finishedAt: new Date().toISOString(), quick: options.quick, measurements },
    };
  }

  publish(outDir, results);
}

/** Writes the results and what derives from them; the README follows the committed results only. */
function publish(outDir: string, results: BenchResults): void {
  for (const path of writeResults(outDir, results)) log(`wrote ${path}`);
  if (outDir === RESULTS_DIR) {
    writeFileSync(README_PATH, embedInReadme(readFileSync(README_PATH, 'utf8'), results));
    log(`updated ${README_PATH}`);
  }
}

async function check(): Promise<boolean> {
  const baseline = readBaseline(BASELINE_PATH);
  const solver = await loadOurSolver();
  log(`baseline: ${baseline.createdAt} on ${machineSentence(baseline.machine)}`);
  log(`machine now: ${machineSentence(describeMachine())}`);

  const ours = ourAssignmentAdapter(solver);
  log(`linear sum assignment: ${ours.label} against ${munkresAdapter.label}, same matrices, same process`);
  const lsap = compareWithBaseline(
    measureRatios({ ours, reference: munkresAdapter, log }),
    baseline.lsap,
    CHECK_TOLERANCE,
  );

  const slowdown = capacitatedSlowdownFromEnvironment();
  log(`capacitated: ${capacitatedSolverLabel(slowdown)} against its TypeScript twin, Mentor Match data, same process`);
  const measured = measureCapacitated({
    wasm: wasmCapacitatedSolve(solver, slowdown),
    twin: twinCapacitatedSolve,
    log,
  });
  const capacitated = compareCapacitated(measured, baseline.capacitated, CHECK_TOLERANCE);

  for (const line of [...lsap.lines, ...capacitated.lines]) console.log(line);
  const failed = [
    ...lsap.cases.filter((c) => !c.ok).map((c) => `${c.caseId} (slower relative to ${baseline.lsap.reference})`),
    ...capacitated.cases.filter((c) => !c.ok).map((c) => `${c.caseId} (${capacitatedFailure(c)})`),
  ];
  if (failed.length === 0) {
    console.log('bench:check passed');
    return true;
  }
  console.log(
    `bench:check FAILED: ${failed.join(', ')}; see above. ` +
      'If intended, run `npm run bench:baseline` and commit results/baseline.json.',
  );
  return false;
}

function capacitatedFailure(verdict: CapacitatedCaseVerdict): string {
  const reasons = [];
  if (verdict.change === null) reasons.push('no baseline');
  else if (verdict.change > CHECK_TOLERANCE) reasons.push('wasm slower relative to the TypeScript twin');
  if (verdict.problemChanged) reasons.push('problem changed');
  if (verdict.optimumChanged) reasons.push('optimum changed');
  if (verdict.workChanged) reasons.push('work counts changed');
  return reasons.join(', ');
}

async function baseline(): Promise<void> {
  const solver = await loadOurSolver();
  const ours = ourAssignmentAdapter(solver);
  if (ours.label !== 'mentor-matcher (ours)') {
    throw new Error(`refusing to write a baseline with ${SLOWDOWN_VARIABLE} set`);
  }
  if (capacitatedSlowdownFromEnvironment() !== 1) {
    throw new Error(`refusing to write a baseline with ${CAPACITATED_SLOWDOWN_VARIABLE} set`);
  }
  const machine = describeMachine();
  log(`machine: ${machineSentence(machine)}`);
  const lsap = measureRatios({ ours, reference: munkresAdapter, log });
  const capacitated = measureCapacitated({ wasm: wasmCapacitatedSolve(solver), twin: twinCapacitatedSolve, log });
  writeBaseline(BASELINE_PATH, createBaseline({ lsap, lsapReference: munkresAdapter.name, capacitated }, machine));
  console.log(`wrote ${BASELINE_PATH}`);
}

try {
  const options = parseCliOptions(process.argv.slice(2));
  if (options.command === 'check') process.exitCode = (await check()) ? 0 : 1;
  else if (options.command === 'baseline') await baseline();
  else if (options.command === 'report') publish(options.out ?? RESULTS_DIR, readResults(options.out ?? RESULTS_DIR));
  else await bench(options);
} catch (error) {
  if (error instanceof CliUsageError) {
    console.error(
      `bench: ${error.message}\nusage: bench [check|baseline|report] [--suite solver,capacitated,engine,browser] [--sizes 500,1000] [--quick] [--out DIR]`,
    );
    process.exitCode = 2;
  } else if (error instanceof CheckCorrectnessError) {
    console.error(`bench:check FAILED: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
