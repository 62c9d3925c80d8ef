import { describe, expect, it } from 'vitest';
import { createSolver } from '@mentor-matcher/solver';
import { measureEngineTask, sameSizeRuns } from '../src/engine/measure-task.js';

describe('engine measurements', () => {
  it('warms up and repeats more where runs are short', () => {
    expect(sameSizeRuns(500)).toEqual({ warmUp: 10, measured: 11 });
    expect(sameSizeRuns(2000)).toEqual({ warmUp: 3, measured: 5 });
  });

  it('reports the median of the measured runs of a small cell, with its optimum', async () => {
    const measurement = measureEngineTask({ task: 'capacitated', size: 20, seed: 8 }, await createSolver());
    expect(measurement).toMatchObject({ ok: true, runs: 11 });
    expect(measurement.cpuMs).toBeGreaterThan(0);
    expect(measurement.menteesMatched).toBeGreaterThan(0);
  });
});
