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

/** People per side of the single unmeasured warm-up run for large sizes. */
export const WARM_UP_SIZE = 200;
/** Up to this many people per side, the warm-up is WARM_UP_RUNS runs at the measured size itself. */
export const SAME_SIZE_WARM_UP_LIMIT = 2000;
export const WARM_UP_RUNS = 3;
/** Up to SAME_SIZE_WARM_UP_LIMIT, runs measured after the warm-up; the one of median CPU time is reported. */
export const MEASURED_RUNS = 5;

/**
 * Warms up, then measures. A fresh process would otherwise time V8 compiling and optimising the
 * engine, which a long-lived worker does once (benchmark.js warms up and repeats the same way): up
 * to SAME_SIZE_WARM_UP_LIMIT per side, WARM_UP_RUNS unmeasured runs at the same size on other data,
 * then MEASURED_RUNS runs on the task's data, reported by the run of median CPU time (one run is
 * at the mercy of a collection or a late compilation); the first warm-up run's times are reported
 * too, as what the first match in a fresh process costs. Above the limit, one warm-up run at
 * WARM_UP_SIZE and one measured run, since same-size runs would take minutes and compilation is a
 * small share of a multi-second run.
 */
export function measureEngineTask(task: EngineTask, solver: Solver): EngineMeasurement {
  if (task.size > SAME_SIZE_WARM_UP_LIMIT) {
    measureOnce({ ...task, size: WARM_UP_SIZE, seed: task.seed + 1 }, solver);
    return measureOnce(task, solver, { collectFirst: true });
  }
  // No forced collection before these runs: it shrinks the heap and leaves the collector sweeping
  // during the step, which a long-lived worker's matches do not pay (measured: +50% wall, 2x CPU at 500).
  const first = measureOnce({ ...task, seed: task.seed + 1 }, solver);
  for (let run = 2; run <= WARM_UP_RUNS; run++) measureOnce({ ...task, seed: task.seed + run }, solver);
  const runs = Array.from({ length: MEASURED_RUNS }, () => measureOnce(task, solver));
  const failed = runs.find((m) => !m.ok);
  if (failed) return failed;
  const median = [...runs].sort((a, b) => (a.cpuMs ?? a.timeMs!) - (b.cpuMs ?? b.timeMs!))[Math.floor(runs.length / 2)];
  return { ...median, runs: runs.length, firstRunMs: first.timeMs, firstRunCpuMs: first.cpuMs };
}

function measureOnce(task: EngineTask, solver: Solver, { collectFirst = false } = {}): EngineMeasurement {
  const base = { task: task.task, size: task.size };
  const ruleSet = getPreset(task.task === 'rounds' || task.task === 'score' ? 'mentor-match' : 'mentor-match-optimal');
  const data = generateMentorMatchData({ mentors: task.size, mentees: task.size, seed: task.seed });

  if (task.task === 'score' || task.task === 'capacitated') {
    const { mentors, mentees } = participantsOf(data, ruleSet);
    if (collectFirst) collectGarbage();
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
    if (collectFirst) collectGarbage();
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

  if (collectFirst) collectGarbage();
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
