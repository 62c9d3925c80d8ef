// The engine suite as a markdown table and chart series.
import { formatBytes, formatMs } from '../report/format.js';
import type { ChartSeries } from '../report/svg-chart.js';
import { meetsTarget, targetFor } from './suite.js';
import type { EngineMeasurement } from './task.js';

const TASK_LABELS: Record<EngineMeasurement['task'], string> = {
  score: 'scoring (scorePairs, preset rules)',
  rounds: 'rounds, end to end (matchTables)',
  optimal: 'optimal, end to end (matchTables)',
  capacitated: 'capacitated solver alone (scored data, capacities 3 and 3)',
};

function targetCell(m: EngineMeasurement): string {
  const target = targetFor(m);
  if (!target) return '';
  const limit = `< ${formatMs(target.maxMs)}${target.maxPeakBytes ? `, < ${formatBytes(target.maxPeakBytes)}` : ''}`;
  return `${limit}: ${meetsTarget(m, target) ? 'met' : '**missed**'}`;
}

function firstRunCell(m: EngineMeasurement): string {
  if (m.firstRunMs === undefined) return '';
  return `${formatMs(m.firstRunMs)}${m.firstRunCpuMs === undefined ? '' : ` (${formatMs(m.firstRunCpuMs)})`}`;
}

const num = (value: number | undefined) => (value === undefined ? '' : String(Math.round(value * 100) / 100));

export function engineMarkdown(measurements: readonly EngineMeasurement[]): string {
  const lines = [
    '| step | people per side | wall time | CPU time | first run in a fresh process: wall (CPU) | peak RSS (process) | mentees matched | mentors matched | pairs | total score | target |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const m of measurements) {
    if (!m.ok) {
      lines.push(`| ${TASK_LABELS[m.task]} | ${m.size} | failed: ${m.error} | | | | | | | | ${targetCell(m)} |`);
      continue;
    }
    lines.push(
      `| ${TASK_LABELS[m.task]} | ${m.size} | ${formatMs(m.timeMs!)} | ${m.cpuMs === undefined ? '' : formatMs(m.cpuMs)} | ${firstRunCell(m)} | ${formatBytes(m.peakRssBytes ?? 0)} | ${num(m.menteesMatched)} | ${num(m.mentorsMatched)} | ${num(m.pairs)} | ${num(m.totalScore)} | ${targetCell(m)} |`,
    );
  }
  lines.push(
    '',
    'Each cell runs in its own `node --expose-gc` process. Up to 1,000 per side: ten unmeasured warm-up runs at the same size on other data, then eleven measured runs; up to 2,000: three and five; reported by the run of median CPU time. No forced collection before these steps (it shrinks the young generation, which the step then pays to grow again, as a long-lived worker would not), except before the capacitated solver alone: there a forced collection and a 30 ms pause let the collector’s background threads finish the setup’s garbage (generated data, scoring) before the clock starts, so that its CPU time, set beside LEMON’s, is its own. The first warm-up run is shown as the cost of a first match in a fresh process (V8 compiling the engine included). Above 2,000: one warm-up run at 200 per side, then one measured run after the same collection and pause. Data generation is not timed. CPU time is the user + system time of that process over the same step; targets are judged on it (wall-clock time on a shared machine is mostly other jobs). Peak RSS is `process.resourceUsage().maxRSS` of that process (Node itself and the generated data included).',
  );
  return lines.join('\n') + '\n';
}

const CHART_NAMES: Record<EngineMeasurement['task'], string> = {
  score: 'scoring',
  rounds: 'rounds, end to end',
  optimal: 'optimal, end to end',
  capacitated: 'capacitated solver',
};

export function engineChartSeries(measurements: readonly EngineMeasurement[]): ChartSeries[] {
  const tasks = [...new Set(measurements.map((m) => m.task))];
  return tasks.map((task) => ({
    name: CHART_NAMES[task],
    points: measurements.filter((m) => m.task === task && m.ok).map((m) => ({ x: m.size, y: m.cpuMs ?? m.timeMs! })),
  }));
}
