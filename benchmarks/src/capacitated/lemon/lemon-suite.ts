// The capacitated suite's peer run: after our solver's measurements (one child process per size),
// the same problems go to LEMON, whose optimum must be ours, and the times are set side by side.
import type { CapacitatedProblem } from '@mentor-matcher/solver';
import type { EngineMeasurement } from '../../engine/task.js';
import { formatMs, formatRatio } from '../../report/format.js';
import {
  buildLemonHarness,
  compareOptimum,
  LEMON_ALGORITHMS,
  solveWithLemon,
  type LemonAlgorithm,
  type LemonHarness,
  type LemonRun,
} from './lemon-peer.js';

export interface LemonComparison {
  readonly size: number;
  readonly eligiblePairs: number;
  readonly nodes: number;
  readonly arcs: number;
  /** Reading the instance file and building LEMON's graph, before any algorithm runs. */
  readonly setupMs: number;
  /** Our solver's figures, as the capacitated suite measured them. */
  readonly ours: { readonly wallMs: number; readonly cpuMs?: number };
  readonly runs: readonly LemonRun[];
}

export type LemonPeerResult =
  | { readonly available: false; readonly reason: string }
  | { readonly available: true; readonly comparisons: readonly LemonComparison[] };

/**
 * CostScaling runs up to this many people per side. At 10,000 (26.6 M arcs) it took 63 s of CPU and
 * 4 GB in a trial run (NetworkSimplex: 9.8 s), which would double the suite's time for one cell.
 */
export const COST_SCALING_MAX_SIZE = 2000;

/** NetworkSimplex at every size, CostScaling up to COST_SCALING_MAX_SIZE. */
export function defaultLemonAlgorithms(size: number): readonly LemonAlgorithm[] {
  return size <= COST_SCALING_MAX_SIZE ? LEMON_ALGORITHMS : ['network-simplex'];
}

export interface LemonPeerOptions {
  /** The capacitated suite's measurements of our solver (task 'capacitated'). */
  readonly measurements: readonly EngineMeasurement[];
  /** The problem the measurement at `size` solved, rebuilt from the same seed. */
  readonly problemFor: (size: number) => CapacitatedProblem;
  readonly algorithmsFor?: (size: number) => readonly LemonAlgorithm[];
  readonly harness?: () => LemonHarness;
  readonly log?: (line: string) => void;
}

export function runLemonPeer(options: LemonPeerOptions): LemonPeerResult {
  const {
    measurements,
    problemFor,
    algorithmsFor = defaultLemonAlgorithms,
    harness = buildLemonHarness,
    log = () => {},
  } = options;
  const built = harness();
  if (!built.ok) {
    log(`LEMON peer skipped: ${built.reason}`);
    return { available: false, reason: built.reason };
  }
  const comparisons: LemonComparison[] = [];
  for (const measurement of measurements) {
    if (measurement.task !== 'capacitated' || !measurement.ok) continue;
    const { size } = measurement;
    const problem = problemFor(size);
    const eligiblePairs = problem.edges?.row.length ?? 0;
    if (measurement.eligiblePairs !== undefined && measurement.eligiblePairs !== eligiblePairs) {
      throw new Error(
        `LEMON peer at ${size}: rebuilt ${eligiblePairs} eligible pairs, ` +
          `the measurement solved ${measurement.eligiblePairs}`,
      );
    }
    const { output, scale } = solveWithLemon(built.binary, problem, algorithmsFor(size), measurement.runs ?? 1);
    const ours = {
      rowsCovered: measurement.menteesMatched!,
      colsCovered: measurement.mentorsMatched!,
      total: measurement.totalScore!,
    };
    const runs = compareOptimum(output, scale, ours);
    for (const run of runs) {
      log(
        `capacitated ${size}×${size} LEMON ${run.algorithm}: ` +
          `${run.wallMs.toFixed(0)} ms (CPU ${run.cpuMs.toFixed(0)} ms), ` +
          (run.ok ? 'same optimum as ours' : `DIFFERENT from ours: ${run.reason}`),
      );
    }
    comparisons.push({
      size,
      eligiblePairs,
      nodes: output.nodes,
      arcs: output.arcs,
      setupMs: output.readMs + output.buildMs,
      ours: { wallMs: measurement.timeMs!, cpuMs: measurement.cpuMs },
      runs,
    });
  }
  return { available: true, comparisons };
}

const ALGORITHM_LABEL: Record<LemonAlgorithm, string> = {
  'network-simplex': 'NetworkSimplex',
  'cost-scaling': 'CostScaling',
};

function lemonCell(run: LemonRun | undefined, oursCpuMs: number | undefined): string {
  if (!run) return '–';
  const ratio = oursCpuMs !== undefined ? ` ${formatRatio(run.cpuMs / oursCpuMs)}` : '';
  const time = `${formatMs(run.cpuMs)}${ratio} (wall ${formatMs(run.wallMs)})`;
  return run.ok ? time : `**DIFFERENT** (${run.reason}); ${time}`;
}

export function lemonMarkdown(result: LemonPeerResult): string {
  if (!result.available) return `LEMON peer not run: ${result.reason}.\n`;
  const algorithms = LEMON_ALGORITHMS.filter((a) =>
    result.comparisons.some((c) => c.runs.some((r) => r.algorithm === a)),
  );
  const lines = [
    `| people per side | eligible pairs | LEMON network (nodes, arcs) | ours: CPU (wall) | ` +
      `${algorithms.map((a) => `LEMON ${ALGORITHM_LABEL[a]}: CPU (wall)`).join(' | ')} | same optimum |`,
    `|---|---|---|---|${algorithms.map(() => '---').join('|')}|---|`,
  ];
  for (const c of result.comparisons) {
    const ours = `${formatMs(c.ours.cpuMs ?? c.ours.wallMs)} (${formatMs(c.ours.wallMs)})`;
    const cells = algorithms.map((a) =>
      lemonCell(
        c.runs.find((r) => r.algorithm === a),
        c.ours.cpuMs,
      ),
    );
    const agree = c.runs.every((r) => r.ok) ? 'yes' : '**no**';
    lines.push(
      `| ${c.size} | ${c.eligiblePairs} | ${c.nodes}, ${c.arcs} | ${ours} | ${cells.join(' | ')} | ${agree} |`,
    );
  }
  lines.push(
    '',
    'LEMON 1.3 (Debian liblemon-dev, g++ -O2) on the same problem as our solver: the min-cost circulation of ' +
      '[docs/capacitated.md](../packages/solver/docs/capacitated.md), built by ' +
      '`src/capacitated/lemon/lemon_mcf.cpp` with its own tier weights, every eligible pair an arc. ' +
      'Its time is the algorithm alone (the graph is built before the clock starts); ours is the whole ' +
      '`capacitatedAssignment` call. Each LEMON algorithm solves as many times as ours was measured ' +
      '(eleven up to 1,000 per side, five up to 2,000, once above) and the run of median CPU time is shown, as for ours. ' +
      "×k = LEMON's CPU time divided by ours (above 1: we are k times faster). " +
      '"same optimum": rows covered, columns covered and total score equal ours. ' +
      `CostScaling runs up to ${COST_SCALING_MAX_SIZE.toLocaleString('en-US')} per side ` +
      '(at 10,000: 63 s of CPU and 4 GB in a trial run).',
  );
  return lines.join('\n') + '\n';
}
