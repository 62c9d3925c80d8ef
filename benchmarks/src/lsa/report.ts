// The assignment suite as a markdown table (medians, min–max spread, and each peer's time as a
// multiple of ours) and as chart series (uniform cases: time against size, one line per solver).
import type { ChartSeries } from '../report/svg-chart.js';
import { formatMs, formatRatio } from '../report/format.js';
import type { CaseResult, SolverRun } from './suite.js';

function solverOrder(results: readonly CaseResult[]): { name: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const result of results)
    for (const run of result.runs) if (!seen.has(run.solver)) seen.set(run.solver, run.label);
  const ours = [...seen.keys()].filter((name) => name === 'mentor-matcher');
  const peers = [...seen.keys()].filter((name) => name !== 'mentor-matcher');
  return [...ours, ...peers].map((name) => ({ name, label: seen.get(name)! }));
}

function cell(run: SolverRun | undefined, ours: SolverRun | undefined): string {
  if (!run) return '–';
  if (run.status === 'wrong') return `**WRONG** (${run.reason})`;
  if (run.status === 'failed') return `failed (${run.reason})`;
  if (run.status === 'skipped') return `skipped (${run.reason})`;
  const spread =
    run.samplesMs!.length > 1
      ? ` (${formatMs(run.minMs!)}–${formatMs(run.maxMs!)}, n=${run.samplesMs!.length})`
      : ' (n=1)';
  const ratio = ours && ours !== run && ours.status === 'ok' ? ` ${formatRatio(run.medianMs! / ours.medianMs!)}` : '';
  return `${formatMs(run.medianMs!)}${ratio}${spread}`;
}

export function assignmentMarkdown(results: readonly CaseResult[]): string {
  const solvers = solverOrder(results);
  const lines = [
    `| case | rows × cols | ${solvers.map((s) => s.label).join(' | ')} |`,
    `|---|---|${solvers.map(() => '---').join('|')}|`,
  ];
  for (const result of results) {
    const ours = result.runs.find((run) => run.solver === 'mentor-matcher');
    const cells = solvers.map((s) =>
      cell(
        result.runs.find((run) => run.solver === s.name),
        ours,
      ),
    );
    lines.push(`| ${result.costCase.id} | ${result.costCase.rows} × ${result.costCase.cols} | ${cells.join(' | ')} |`);
  }
  lines.push(
    '',
    "Median time per solve (min–max, number of samples). ×k = that solver's median divided by ours (above 1: we are k times faster). WRONG = its answer failed the correctness gate, so it was not timed.",
  );
  return lines.join('\n') + '\n';
}

export function assignmentChartSeries(results: readonly CaseResult[]): ChartSeries[] {
  return solverOrder(results).map((solver) => ({
    name: solver.label,
    points: results
      .filter((r) => r.costCase.kind === 'uniform')
      .flatMap((r) => {
        const run = r.runs.find((x) => x.solver === solver.name);
        return run && run.status === 'ok' ? [{ x: r.costCase.size, y: run.medianMs! }] : [];
      }),
  }));
}
