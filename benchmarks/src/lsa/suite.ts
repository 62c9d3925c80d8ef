// The assignment suite: every adapter on every case, checked before it is timed.
import type { AssignmentAdapter } from './adapter.js';
import { buildCostMatrix, type CostCase } from './cases.js';
import { bestTotal, evaluateAssignment } from './evaluate.js';
import { measure, timeOnce, type TimingMethod } from '../measure.js';
import { summarize } from '../statistics.js';

/** A peer whose single run exceeds this is not run on any larger case (issue 2: "over a minute"). */
export const DROP_AFTER_MS = 60_000;

export type SolverRunStatus = 'ok' | 'wrong' | 'skipped' | 'failed';

export interface SolverRun {
  readonly caseId: string;
  readonly solver: string;
  readonly label: string;
  readonly status: SolverRunStatus;
  /** Why it is wrong, skipped or failed. */
  readonly reason?: string;
  readonly total?: number;
  readonly method?: TimingMethod | 'single';
  readonly samplesMs?: readonly number[];
  readonly medianMs?: number;
  readonly minMs?: number;
  readonly maxMs?: number;
}

export interface CaseResult {
  readonly costCase: CostCase;
  /** The lowest valid total any solver found; every other total is compared with it. */
  readonly bestTotal: number | null;
  readonly runs: readonly SolverRun[];
}

export interface AssignmentSuiteOptions {
  readonly cases: readonly CostCase[];
  readonly adapters: readonly AssignmentAdapter[];
  /** Time spent on each solver and case beyond its first run. */
  readonly budgetMs: number;
  readonly dropAfterMs?: number;
  readonly log?: (line: string) => void;
}

interface FirstRun {
  readonly adapter: AssignmentAdapter;
  readonly firstMs: number;
  readonly total?: number;
  readonly wrong?: string;
  readonly failed?: string;
  readonly retime?: () => { method: TimingMethod | 'single'; samplesMs: readonly number[] };
}

export function runAssignmentSuite(options: AssignmentSuiteOptions): CaseResult[] {
  const { adapters, budgetMs, dropAfterMs = DROP_AFTER_MS, log = () => {} } = options;
  const cases = [...options.cases].sort((a, b) => a.rows * a.cols - b.rows * b.cols);
  /** Solver name → the case (cells) at which it went over the limit. */
  const dropped = new Map<string, { caseId: string; cells: number }>();
  const results: CaseResult[] = [];

  for (const costCase of cases) {
    const matrix = buildCostMatrix(costCase);
    const cells = costCase.rows * costCase.cols;
    const firstRuns: FirstRun[] = [];
    const skipped: SolverRun[] = [];

    for (const adapter of adapters) {
      const drop = dropped.get(adapter.name);
      if (drop && cells >= drop.cells) {
        skipped.push({
          caseId: costCase.id,
          solver: adapter.name,
          label: adapter.label,
          status: 'skipped',
          reason: `over ${dropAfterMs / 1000} s at ${drop.caseId}`,
        });
        continue;
      }
      firstRuns.push(firstRun(adapter, matrix, budgetMs));
    }

    const best = bestTotal(firstRuns.flatMap((run) => (run.total !== undefined ? [run.total] : [])));
    const runs: SolverRun[] = [...skipped];
    for (const run of firstRuns) {
      const base = { caseId: costCase.id, solver: run.adapter.name, label: run.adapter.label };
      if (run.failed !== undefined) {
        runs.push({ ...base, status: 'failed', reason: run.failed });
      } else if (run.wrong !== undefined) {
        runs.push({ ...base, status: 'wrong', reason: run.wrong });
      } else if (run.total !== best) {
        runs.push({ ...base, status: 'wrong', total: run.total, reason: `total ${run.total}, best found ${best}` });
      } else {
        if (run.firstMs > dropAfterMs) dropped.set(run.adapter.name, { caseId: costCase.id, cells });
        const timing = run.retime!();
        runs.push({
          ...base,
          status: 'ok',
          total: run.total,
          method: timing.method,
          samplesMs: timing.samplesMs,
          ...summarize(timing.samplesMs),
        });
      }
      log(describeRun(costCase.id, runs[runs.length - 1]));
    }
    results.push({ costCase, bestTotal: best, runs });
  }
  return results;
}

function firstRun(adapter: AssignmentAdapter, matrix: ReturnType<typeof buildCostMatrix>, budgetMs: number): FirstRun {
  try {
    const prepared = adapter.prepare(matrix);
    if (prepared.kind === 'external') {
      const first = prepared.run(1);
      const evaluation = evaluateAssignment(matrix, first.assignment);
      if (!evaluation.ok) return { adapter, firstMs: first.samplesMs[0], wrong: evaluation.reason };
      const firstMs = first.samplesMs[0];
      const repetitions = Math.max(1, Math.min(20, Math.floor(budgetMs / Math.max(firstMs, 1))));
      return {
        adapter,
        firstMs,
        total: evaluation.total,
        retime: () => ({
          method: repetitions > 1 ? 'median-of-n' : 'single',
          samplesMs: repetitions > 1 ? prepared.run(repetitions).samplesMs : first.samplesMs,
        }),
      };
    }
    const first = timeOnce(() => prepared.solve());
    const evaluation = evaluateAssignment(matrix, first.value);
    if (!evaluation.ok) return { adapter, firstMs: first.ms, wrong: evaluation.reason };
    return {
      adapter,
      firstMs: first.ms,
      total: evaluation.total,
      retime: () =>
        first.ms > budgetMs
          ? { method: 'single', samplesMs: [first.ms] }
          : measure(() => prepared.solve(), first.ms, budgetMs),
    };
  } catch (error) {
    return { adapter, firstMs: 0, failed: error instanceof Error ? error.message : String(error) };
  }
}

function describeRun(caseId: string, run: SolverRun): string {
  if (run.status !== 'ok') return `${caseId} ${run.label}: ${run.status.toUpperCase()} (${run.reason})`;
  return `${caseId} ${run.label}: ${run.medianMs!.toFixed(2)} ms median of ${run.samplesMs!.length} (${run.method}), total ${run.total}`;
}
