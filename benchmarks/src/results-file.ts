// The raw results (results.json) and the files derived from it: the markdown tables, the SVG charts
// and the README section between its markers. A run replaces the sections of the suites it ran and
// keeps the others, so a long suite can be re-run alone.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserMeasurement } from './browser/suite.js';
import { lemonMarkdown, type LemonPeerResult } from './capacitated/lemon/lemon-suite.js';
import { browserMarkdown } from './browser/suite.js';
import { engineChartSeries, engineMarkdown } from './engine/report.js';
import type { EngineMeasurement } from './engine/task.js';
import { assignmentChartSeries, assignmentMarkdown } from './lsa/report.js';
import type { CaseResult } from './lsa/suite.js';
import { machineSentence, type MachineDescription } from './machine.js';
import { renderLogLogChart } from './report/svg-chart.js';

interface SuiteRun {
  readonly machine: MachineDescription;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly quick: boolean;
}

export interface SolverSuiteResult extends SuiteRun {
  readonly assignment: readonly CaseResult[];
}
export interface EngineSuiteResult extends SuiteRun {
  readonly measurements: readonly EngineMeasurement[];
}
export interface CapacitatedSuiteResult extends EngineSuiteResult {
  /** LEMON on the same problems: its optimum checked against ours, its times beside ours. */
  readonly lemon?: LemonPeerResult;
}
export interface BrowserSuiteResult extends SuiteRun {
  readonly measurements: readonly BrowserMeasurement[];
}

export interface BenchResults {
  readonly version: 1;
  readonly solver?: SolverSuiteResult;
  /** The capacitated solver alone on mentoring-shaped data (same measurement shape as the engine's). */
  readonly capacitated?: CapacitatedSuiteResult;
  readonly engine?: EngineSuiteResult;
  readonly browser?: BrowserSuiteResult;
}

export const RESULTS_JSON = 'results.json';
export const RESULTS_MARKDOWN = 'results.md';
export const SOLVER_CHART = 'solver-scaling.svg';
export const ENGINE_CHART = 'engine-scaling.svg';

export function readResults(dir: string): BenchResults {
  const path = join(dir, RESULTS_JSON);
  if (!existsSync(path)) return { version: 1 };
  return JSON.parse(readFileSync(path, 'utf8')) as BenchResults;
}

function ranOn(run: SuiteRun): string {
  return `Taken ${run.finishedAt.slice(0, 16).replace('T', ' ')} UTC on ${machineSentence(run.machine)}${run.quick ? ' (quick run)' : ''}.`;
}

/** The markdown of every suite present; `chartPrefix` is how the markdown's location reaches the SVGs. */
export function resultsMarkdown(results: BenchResults, chartPrefix: string): string {
  const parts: string[] = [];
  if (results.solver) {
    parts.push(
      '### Solver: linear sum assignment',
      '',
      ranOn(results.solver),
      '',
      `![Time against size, log-log, one line per solver](${chartPrefix}${SOLVER_CHART})`,
      '',
    );
    parts.push(assignmentMarkdown(results.solver.assignment));
  }
  if (results.capacitated) {
    parts.push(
      '### Solver: capacitated assignment on mentoring-shaped data',
      '',
      ranOn(results.capacitated),
      '',
      engineMarkdown(results.capacitated.measurements),
    );
    const { lemon } = results.capacitated;
    if (lemon) {
      const heading = '### Solver: capacitated assignment against LEMON';
      parts.push(heading, '', ranOn(results.capacitated), '', lemonMarkdown(lemon));
    }
  }
  if (results.engine) {
    parts.push(
      '### Engine: scoring, rounds and optimal end to end',
      '',
      ranOn(results.engine),
      '',
      `![Engine time against size, log-log](${chartPrefix}${ENGINE_CHART})`,
      '',
    );
    parts.push(engineMarkdown(results.engine.measurements));
  }
  if (results.browser) {
    parts.push(
      '### Browser: headless Chromium through the worker',
      '',
      ranOn(results.browser),
      '',
      browserMarkdown(results.browser.measurements),
    );
  }
  return parts.join('\n');
}

export function writeResults(dir: string, results: BenchResults): string[] {
  mkdirSync(dir, { recursive: true });
  const written = [join(dir, RESULTS_JSON), join(dir, RESULTS_MARKDOWN)];
  writeFileSync(written[0], JSON.stringify(results, null, 2) + '\n');
  writeFileSync(written[1], `# Benchmark results\n\n${resultsMarkdown(results, './')}`);
  if (results.solver) {
    const path = join(dir, SOLVER_CHART);
    writeFileSync(
      path,
      renderLogLogChart({
        title: 'Linear sum assignment, dense uniform costs',
        xLabel: 'rows = columns',
        yLabel: 'median time',
        series: assignmentChartSeries(results.solver.assignment),
      }),
    );
    written.push(path);
  }
  if (results.engine) {
    const path = join(dir, ENGINE_CHART);
    writeFileSync(
      path,
      renderLogLogChart({
        title: 'Engine on generated Mentor Match data',
        xLabel: 'people per side',
        yLabel: 'CPU time (wall time where none)',
        series: engineChartSeries(results.engine.measurements),
      }),
    );
    written.push(path);
  }
  return written;
}

export const README_START = '<!-- results:start -->';
export const README_END = '<!-- results:end -->';

/** Replaces the README's results section (between the markers) with the latest tables and charts. */
export function embedInReadme(readme: string, results: BenchResults): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README has no ${README_START} … ${README_END} section`);
  return `${readme.slice(0, start + README_START.length)}\n${resultsMarkdown(results, './results/')}\n${readme.slice(end)}`;
}
