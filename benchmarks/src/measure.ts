// How a solve is timed. benchmark.js needs many samples, which a multi-second solve cannot afford, so:
// - the first run is always timed alone (it is also the run whose answer the correctness gate checks);
// - under QUICK_LIMIT_MS (1 s) the function goes through benchmark.js (at least 5 samples, each one
//   or more calls, within `budgetMs`) and we report the median of its per-call sample means;
// - otherwise a manual median of N: N = floor(budgetMs / first run), clamped to 1..5, the first run
//   included (after a second of work, JIT warm-up no longer matters).
import Benchmark from 'benchmark';
import { summarize, type SampleSummary } from './statistics.js';

export const QUICK_LIMIT_MS = 1000;

export type TimingMethod = 'benchmark.js' | 'median-of-n';

export interface Timing extends SampleSummary {
  readonly method: TimingMethod;
  readonly samplesMs: readonly number[];
}

export function timeOnce<T>(fn: () => T): { readonly value: T; readonly ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/** Times `fn`, whose first run took `firstRunMs`, within about `budgetMs`. */
export function measure(fn: () => unknown, firstRunMs: number, budgetMs: number): Timing {
  if (firstRunMs < QUICK_LIMIT_MS) {
    const bench = new Benchmark('solve', fn, {
      minSamples: 5,
      maxTime: Math.max(budgetMs / 1000, (5 * firstRunMs) / 1000),
    });
    bench.run();
    if (bench.error) throw bench.error;
    const samplesMs = bench.stats.sample.map((seconds) => seconds * 1000);
    return { method: 'benchmark.js', samplesMs, ...summarize(samplesMs) };
  }
  const runs = Math.max(1, Math.min(5, Math.floor(budgetMs / firstRunMs)));
  const samplesMs = [firstRunMs];
  for (let i = 1; i < runs; i++) samplesMs.push(timeOnce(fn).ms);
  return { method: 'median-of-n', samplesMs, ...summarize(samplesMs) };
}
