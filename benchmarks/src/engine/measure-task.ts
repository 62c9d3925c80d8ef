// The work of one engine measurement, run inside the child process.
import { capacitatedProblem, getPreset, matchTables, scorePairs } from '@mentor-matcher/engine';
import type { Solver } from '@mentor-matcher/solver';
import { generateMentorMatchData } from '@mentor-matcher/sample-data';
import type { EngineMeasurement, EngineTask } from './task.js';
import { evaluateCapacitated } from '../capacitated/evaluate.js';
import { participantsOf } from '../capacitated/problem.js';

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** How long the main thread sleeps after a forced collection, so that the collector's helper threads finish. */
export const SETTLE_MS = 30;

/**
 * Collects the setup's garbage and lets the collector's background threads finish before the clock
 * starts. Before the solver alone (whose peer, LEMON, has no collector), so that its CPU time is its
 * own: without it the setup's concurrent marking (generated data, scoring) ran during the solve, 6–7
 * ms of wall but 7–17 ms of CPU at 500 a side over five runs of the suite; settled, 6–7 ms of both.
 * Not before the other steps at up to 2,000 a side: the collection shrinks the young generation,
 * which such a step then pays to grow again (scoring at 500 a side: 3.0 ms unsettled, 8.0 ms
 * settled), where a long-lived worker would not. Without the pause, a forced collection left the
 * collector sweeping during the step (+50% wall, 2× CPU at 500).
 */
function settle(): void {
  collectGarbage();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLE_MS);
}

/** People per side of the single unmeasured warm-up run for large sizes. */
export const WARM_UP_SIZE = 200;
/** Up to this many people per side, the warm-up runs are at the measured size itself (sameSizeRuns). */
export const SAME_SIZE_WARM_UP_LIMIT = 2000;
/**
 * Unmeasured warm-up runs at the same size, then measured runs (the one of median CPU time is
 * reported): more where a run is short, since V8 tiers a function up after a number of calls, and
 * at 500 a side three warm-ups still left compilation on the background threads during some
 * measured runs.
 */
export function sameSizeRuns(size: number): { warmUp: number; measured: number } {
  return size <= 1000 ? { warmUp: 10, measured: 11 } : { warmUp: 3, measured: 5 };
}

/**
 * Warms up, then measures. A fresh process would otherwise time V8 compiling and optimising the
 * engine, which a long-lived worker does once (benchmark.js warms up and repeats the same way): up
 * to SAME_SIZE_WARM_UP_LIMIT per side, sameSizeRuns' unmeasured runs at the same size on other
 * data, then its measured runs on the task's data, reported by the run of
 * median CPU time (one run is at the mercy of a collection or a late compilation); the first
 * warm-up run's times are reported too, as what the first match in a fresh process costs. Above
 * the limit, one warm-up run at WARM_UP_SIZE and one measured run, since same-size runs would take
 * minutes and compilation is a small share of a multi-second run.
 */
export function measureEngineTask(task: EngineTask, solver: Solver): EngineMeasurement {
  if (task.size > SAME_SIZE_WARM_UP_LIMIT) {
    measureOnce({ ...task, size: WARM_UP_SIZE, seed: task.seed + 1 }, solver);
    return measureOnce(task, solver, { large: true });
  }
  const { warmUp, measured } = sameSizeRuns(task.size);
  const first = measureOnce({ ...task, seed: task.seed + 1 }, solver);
  for (let run = 2; run <= warmUp; run++) measureOnce({ ...task, seed: task.seed + run }, solver);
  const runs = Array.from({ length: measured }, () => measureOnce(task, solver));
  const failed = runs.find((m) => !m.ok);
  if (failed) return failed;
  const median = [...runs].sort((a, b) => (a.cpuMs ?? a.timeMs!) - (b.cpuMs ?? b.timeMs!))[Math.floor(runs.length / 2)];
  return { ...median, runs: runs.length, firstRunMs: first.timeMs, firstRunCpuMs: first.cpuMs };
}

/** One run; `large`: a run above SAME_SIZE_WARM_UP_LIMIT, settled before each timed step. */
function measureOnce(task: EngineTask, solver: Solver, { large = false } = {}): EngineMeasurement {
  const base = { task: task.task, size: task.size };
  const ruleSet = getPreset(task.task === 'rounds' || task.task === 'score' ? 'mentor-match' : 'mentor-match-optimal');
  const data = generateMentorMatchData({ mentors: task.size, mentees: task.size, seed: task.seed });

  if (task.task === 'score' || task.task === 'capacitated') {
    const { mentors, mentees } = participantsOf(data, ruleSet);
    if (large) settle();
    const rssBefore = process.memoryUsage().rss;
    let start = performance.now();
    let cpuStart = cpuMs();
    const matrix = scorePairs(mentors, mentees, ruleSet);
    let timeMs = performance.now() - start;
    let cpuTimeMs = cpuMs() - cpuStart;
    const eligiblePairs = matrix.eligibleCountByMentee.reduce((sum, count) => sum + count, 0);
    if (task.task === 'score') {
      return {
        ...base,
        ok: true,
        timeMs,
        cpuMs: cpuTimeMs,
        rssBeforeBytes: rssBefore,
        heapAfterBytes: process.memoryUsage().heapUsed,
        peakRssBytes: process.resourceUsage().maxRSS * 1024,
        eligiblePairs,
      };
    }
    // The optimal strategy's own model of the scored data: eligible pairs, the preset's capacities, both coverage tiers.
    const problem = capacitatedProblem(matrix, [], ['rows', 'cols']);
    settle();
    const rssBeforeSolve = process.memoryUsage().rss;
    start = performance.now();
    cpuStart = cpuMs();
    const result = solver.capacitatedAssignment(problem);
    timeMs = performance.now() - start;
    cpuTimeMs = cpuMs() - cpuStart;
    const heapAfter = process.memoryUsage().heapUsed;
    const evaluation = evaluateCapacitated(problem, result);
    if (!evaluation.ok) return { ...base, ok: false, error: `WRONG: ${evaluation.reason}` };
    return {
      ...base,
      ok: true,
      timeMs,
      cpuMs: cpuTimeMs,
      rssBeforeBytes: rssBeforeSolve,
      heapAfterBytes: heapAfter,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      menteesMatched: result.rowsCovered,
      mentorsMatched: result.colsCovered,
      totalScore: evaluation.total,
      pairs: result.rowIndices.length,
      eligiblePairs,
    };
  }

  if (large) settle();
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const cpuStart = cpuMs();
  const run = matchTables({ kind: 'two-tables', mentors: data.mentors, mentees: data.mentees }, { ruleSet, solver });
  const timeMs = performance.now() - start;
  const cpuTimeMs = cpuMs() - cpuStart;
  const heapAfter = process.memoryUsage().heapUsed;
  if (!run.ok) {
    // Warnings come back too (people with no eligible partner, at 10,000 a long list): report the errors.
    const errors = run.problems.filter((p) => p.severity === 'error').map((p) => p.message);
    const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
    return { ...base, ok: false, error: errors.slice(0, 3).join('; ') + more };
  }
  const { summary } = run.result;
  return {
    ...base,
    ok: true,
    timeMs,
    cpuMs: cpuTimeMs,
    rssBeforeBytes: rssBefore,
    heapAfterBytes: heapAfter,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    menteesMatched: summary.mentees.matched,
    mentorsMatched: summary.mentors.matched,
    totalScore: summary.totalScore,
    pairs: summary.pairCount,
  };
}
