import { describe, expect, it } from 'vitest';
import { engineMarkdown } from '../src/engine/report.js';
import type { EngineMeasurement } from '../src/engine/task.js';

const optimal500: EngineMeasurement = {
  task: 'optimal',
  size: 500,
  ok: true,
  timeMs: 61,
  cpuMs: 80,
  runs: 5,
  firstRunMs: 240,
  firstRunCpuMs: 410,
  peakRssBytes: 150 * 1024 ** 2,
  menteesMatched: 500,
  mentorsMatched: 498,
  pairs: 1490,
  totalScore: 30_000,
};

describe('engineMarkdown', () => {
  it('shows the median run, the first run in a fresh process, and the target judged on CPU time', () => {
    const row = engineMarkdown([optimal500]).split('\n')[2];
    expect(row).toContain('| optimal, end to end (matchTables) | 500 |');
    expect(row).toContain('| 240 ms (410 ms) |');
    expect(row).toMatch(/< 100 ms: met \|$/);
    expect(engineMarkdown([{ ...optimal500, cpuMs: 101 }]).split('\n')[2]).toMatch(/\*\*missed\*\* \|$/);
  });

  it('leaves the first-run cell empty for sizes measured once', () => {
    const once = {
      ...optimal500,
      size: 10_000,
      timeMs: 15_000,
      cpuMs: 16_000,
      runs: undefined,
      firstRunMs: undefined,
      firstRunCpuMs: undefined,
    };
    const cells = engineMarkdown([once]).split('\n')[2].split('|');
    expect(cells[5].trim()).toBe('');
    expect(cells[4].trim()).toBe('16.0 s');
  });
});
