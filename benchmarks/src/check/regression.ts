// The CI performance check. Absolute times depend on the machine and on whatever else it is doing,
// so the check times our solver and the `munkres` npm package on the same matrices in the same
// process, interleaved, and compares the ratio (ours / munkres) with a committed baseline.
import type { AssignmentAdapter, InProcessSolve } from '../lsa/adapter.js';
import { buildCostMatrix, uniformCase, type CostCase } from '../lsa/cases.js';
import { evaluateAssignment } from '../lsa/evaluate.js';
import { timePaired } from './paired-timing.js';

/** Fixed, small enough for CI on two cores, large enough that each solve takes milliseconds. */
export const CHECK_CASES: readonly CostCase[] = [uniformCase(300), uniformCase(600), uniformCase(1000)];
/** A ratio more than 25% above its baseline fails. */
export const CHECK_TOLERANCE = 0.25;
export const CHECK_REPETITIONS = 7;
/** A sample repeats a solve until this much time has passed and keeps the fastest call. */
export const MIN_SAMPLE_MS = 100;

export interface RatioMeasurement {
  readonly caseId: string;
  readonly rows: number;
  readonly cols: number;
  /**
   * Median over repetitions of (our time / munkres time), each repetition timing both back to back,
   * each time the fastest call of its sample.
   */
  readonly ratio: number;
  readonly oursMs: number;
  readonly referenceMs: number;
  readonly repetitions: number;
}

export class CheckCorrectnessError extends Error {
  override readonly name = 'CheckCorrectnessError';
}

export interface MeasureRatiosOptions {
  readonly cases?: readonly CostCase[];
  readonly ours: AssignmentAdapter;
  readonly reference: AssignmentAdapter;
  readonly repetitions?: number;
  readonly minSampleMs?: number;
  readonly log?: (line: string) => void;
}

function inProcess(adapter: AssignmentAdapter, prepared: ReturnType<AssignmentAdapter['prepare']>): InProcessSolve {
  if (prepared.kind !== 'in-process') throw new Error(`${adapter.label}: the check needs an in-process solver`);
  return prepared;
}

export function measureRatios(options: MeasureRatiosOptions): RatioMeasurement[] {
  const { ours, reference, repetitions = CHECK_REPETITIONS, minSampleMs = MIN_SAMPLE_MS, log = () => {} } = options;
  const measurements: RatioMeasurement[] = [];
  for (const costCase of options.cases ?? CHECK_CASES) {
    const matrix = buildCostMatrix(costCase);
    const oursSolve = inProcess(ours, ours.prepare(matrix));
    const referenceSolve = inProcess(reference, reference.prepare(matrix));
    // The warm-up runs double as the correctness gate: a wrong answer is never timed.
    const oursResult = evaluateAssignment(matrix, oursSolve.solve());
    const referenceResult = evaluateAssignment(matrix, referenceSolve.solve());
    if (!oursResult.ok) throw new CheckCorrectnessError(`${costCase.id}: ${ours.label} is WRONG: ${oursResult.reason}`);
    if (!referenceResult.ok)
      throw new CheckCorrectnessError(`${costCase.id}: ${reference.label} is WRONG: ${referenceResult.reason}`);
    if (oursResult.total !== referenceResult.total) {
      throw new CheckCorrectnessError(
        `${costCase.id}: totals differ: ${ours.label} ${oursResult.total}, ${reference.label} ${referenceResult.total}`,
      );
    }
    const timing = timePaired(
      () => oursSolve.solve(),
      () => referenceSolve.solve(),
      repetitions,
      minSampleMs,
    );
    const measurement: RatioMeasurement = { caseId: costCase.id, rows: costCase.rows, cols: costCase.cols, ...timing };
    log(
      `${measurement.caseId}: ours ${measurement.oursMs.toFixed(2)} ms, ${reference.label} ${measurement.referenceMs.toFixed(2)} ms, ratio ${measurement.ratio.toFixed(4)}`,
    );
    measurements.push(measurement);
  }
  return measurements;
}
