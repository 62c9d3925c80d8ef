// The regression check of the solver the product runs: the capacitated solver on generated Mentor
// Match data. Two figures per case, each compared with the committed baseline:
// - the ratio of the wasm solve's CPU time to its TypeScript twin's, timed in the same process,
//   interleaved (paired-timing.ts), so that the machine and its load cancel out;
// - the solver's work counts (result.work: solves, warm starts, searches, candidate pairs), which
//   depend on nothing but the problem and the algorithm, so any change in them is a change in one
//   of those.
import type { CapacitatedProblem, CapacitatedResult, CapacitatedWork } from '@mentor-matcher/solver';
import { evaluateCapacitated } from '../capacitated/evaluate.js';
import { fingerprintProblem, mentorMatchProblem, type ProblemFingerprint } from '../capacitated/problem.js';
import type { CapacitatedSolve } from '../capacitated/solvers.js';
import { timePaired } from './paired-timing.js';
import { CheckCorrectnessError } from './regression.js';

/** People per side: the product's typical sizes, small enough that the check stays under a minute or so. */
export const CAPACITATED_CHECK_SIZES: readonly number[] = [500, 2000];
/** The generator's seed: fixed, so that the problem, and the work counts, are the same on every run. */
export const CAPACITATED_CHECK_SEED = 13;
export const CAPACITATED_REPETITIONS = 7;
/** Unmeasured solves of each solver before timing (the first of them is the correctness check). */
export const CAPACITATED_WARM_UPS = 2;

export function capacitatedCaseId(size: number): string {
  return `capacitated-${size}`;
}

/** The optimum's objective: unique for a problem, whichever optimal pairs the solver picks. */
export interface CapacitatedOptimum {
  readonly rowsCovered: number;
  readonly colsCovered: number;
  readonly total: number;
}

export interface CapacitatedMeasurement {
  readonly caseId: string;
  /** People per side. */
  readonly size: number;
  readonly seed: number;
  readonly problem: ProblemFingerprint;
  readonly optimum: CapacitatedOptimum;
  readonly work: CapacitatedWork;
  /** Median over repetitions of (wasm CPU time / twin CPU time), each repetition sampling both. */
  readonly ratio: number;
  readonly wasmMs: number;
  readonly twinMs: number;
  readonly repetitions: number;
}

export interface MeasureCapacitatedOptions {
  readonly wasm: CapacitatedSolve;
  readonly twin: CapacitatedSolve;
  readonly sizes?: readonly number[];
  readonly seed?: number;
  /** Builds the problem of a size; the engine's, on generated data, unless a test says otherwise. */
  readonly buildProblem?: (size: number, seed: number) => CapacitatedProblem;
  readonly repetitions?: number;
  readonly minSampleMs?: number;
  readonly log?: (line: string) => void;
}

/** Checks a result against the problem itself (evaluateCapacitated) and returns its objective and work. */
function checkedResult(caseId: string, label: string, problem: CapacitatedProblem, result: CapacitatedResult) {
  const evaluation = evaluateCapacitated(problem, result);
  if (!evaluation.ok) throw new CheckCorrectnessError(`${caseId}: ${label} is WRONG: ${evaluation.reason}`);
  if (result.work === undefined)
    throw new CheckCorrectnessError(`${caseId}: ${label} reports no work counts (result.work)`);
  const optimum: CapacitatedOptimum = {
    rowsCovered: result.rowsCovered,
    colsCovered: result.colsCovered,
    total: evaluation.total,
  };
  return { optimum, work: result.work };
}

export function measureCapacitated(options: MeasureCapacitatedOptions): CapacitatedMeasurement[] {
  const { wasm, twin, seed = CAPACITATED_CHECK_SEED, buildProblem = mentorMatchProblem, log = () => {} } = options;
  const { repetitions = CAPACITATED_REPETITIONS, minSampleMs = 100 } = options;
  const measurements: CapacitatedMeasurement[] = [];
  for (const size of options.sizes ?? CAPACITATED_CHECK_SIZES) {
    const caseId = capacitatedCaseId(size);
    const problem = buildProblem(size, seed);
    // The first solves double as the correctness gate: a wrong answer is never timed. The two
    // implementations run the same algorithm, so they must agree on the optimum and on the work.
    const ofWasm = checkedResult(caseId, 'wasm', problem, wasm(problem));
    const ofTwin = checkedResult(caseId, 'TypeScript twin', problem, twin(problem));
    if (!sameFields(ofWasm.optimum, ofTwin.optimum)) {
      throw new CheckCorrectnessError(
        `${caseId}: optima differ: wasm ${listFields(ofWasm.optimum)}, TypeScript twin ${listFields(ofTwin.optimum)}`,
      );
    }
    if (!sameFields(ofWasm.work, ofTwin.work)) {
      throw new CheckCorrectnessError(
        `${caseId}: work counts differ: wasm ${listFields(ofWasm.work)}, TypeScript twin ${listFields(ofTwin.work)}`,
      );
    }
    for (let run = 1; run < CAPACITATED_WARM_UPS; run++) {
      wasm(problem);
      twin(problem);
    }
    const timing = timePaired(
      () => wasm(problem),
      () => twin(problem),
      repetitions,
      minSampleMs,
    );
    const measurement: CapacitatedMeasurement = {
      caseId,
      size,
      seed,
      problem: fingerprintProblem(problem),
      optimum: ofWasm.optimum,
      work: ofWasm.work,
      ratio: timing.ratio,
      wasmMs: timing.oursMs,
      twinMs: timing.referenceMs,
      repetitions,
    };
    log(
      `${caseId}: wasm ${measurement.wasmMs.toFixed(2)} ms, TypeScript twin ${measurement.twinMs.toFixed(2)} ms, ` +
        `ratio ${measurement.ratio.toFixed(4)}; ${listFields(measurement.work)}`,
    );
    measurements.push(measurement);
  }
  return measurements;
}

/** The same keys with the same values (both objects of one flat record type). */
export function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof T>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/** `solves 3, warmStarts 1, …`, in the object's own order. */
export function listFields(record: object): string {
  return Object.entries(record)
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ');
}
