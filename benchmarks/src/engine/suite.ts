// The engine suite: scoring, `rounds` and `optimal` end to end on generated Mentor Match data, plus
// the capacitated solver alone on the same scored data. One child process per measurement.
import { runEngineTask } from './run-child.js';
import type { EngineMeasurement, EngineTask } from './task.js';

export const DEFAULT_ENGINE_SIZES: readonly number[] = [500, 2000, 10_000];
export const ENGINE_SEED = 20_260_602;
/** A 10,000 × 10,000 rounds run is minutes on a slow machine; past this it is reported, not waited for. */
export const ENGINE_TIMEOUT_MS = 20 * 60_000;

/** The targets of issues 3 and 4, checked against every run and shown in the table. */
export interface EngineTarget {
  readonly task: EngineTask['task'];
  readonly size: number;
  readonly maxMs: number;
  readonly maxPeakBytes?: number;
}

export const ENGINE_TARGETS: readonly EngineTarget[] = [
  { task: 'score', size: 10_000, maxMs: 2000 },
  { task: 'optimal', size: 500, maxMs: 100 },
  { task: 'optimal', size: 2000, maxMs: 1000 },
  { task: 'optimal', size: 10_000, maxMs: 60_000, maxPeakBytes: 2 * 1024 ** 3 },
];

export function targetFor(measurement: Pick<EngineMeasurement, 'task' | 'size'>): EngineTarget | undefined {
  return ENGINE_TARGETS.find((t) => t.task === measurement.task && t.size === measurement.size);
}

/** Judged on CPU time where there is one: on a shared machine wall-clock time is mostly other jobs. */
export function meetsTarget(measurement: EngineMeasurement, target: EngineTarget): boolean {
  const time = measurement.cpuMs ?? measurement.timeMs;
  if (!measurement.ok || time === undefined) return false;
  if (time > target.maxMs) return false;
  return target.maxPeakBytes === undefined || (measurement.peakRssBytes ?? Infinity) <= target.maxPeakBytes;
}

export interface EngineSuiteOptions {
  readonly sizes: readonly number[];
  readonly tasks: readonly EngineTask['task'][];
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
}

function firstRunNote(m: EngineMeasurement): string {
  if (m.firstRunMs === undefined) return '';
  return `, median of ${m.runs}; first run ${m.firstRunMs.toFixed(0)} ms (CPU ${(m.firstRunCpuMs ?? NaN).toFixed(0)} ms)`;
}

export function runEngineSuite(options: EngineSuiteOptions): EngineMeasurement[] {
  const { log = () => {}, timeoutMs = ENGINE_TIMEOUT_MS } = options;
  const measurements: EngineMeasurement[] = [];
  for (const size of options.sizes) {
    for (const task of options.tasks) {
      const measurement = runEngineTask({ task, size, seed: ENGINE_SEED + size }, timeoutMs);
      log(
        measurement.ok
          ? `${task} ${size}×${size}: ${measurement.timeMs!.toFixed(0)} ms (CPU ${(measurement.cpuMs ?? NaN).toFixed(0)} ms)${firstRunNote(measurement)}, peak RSS ${((measurement.peakRssBytes ?? 0) / 1024 ** 2).toFixed(0)} MB`
          : `${task} ${size}×${size}: FAILED (${measurement.error})`,
      );
      measurements.push(measurement);
    }
  }
  return measurements;
}
