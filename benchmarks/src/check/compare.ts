// Compares measured ratios with the baseline. Ratios, not absolute times: both solvers ran on the
// same machine at the same moment, so the machine cancels out.
import type { Baseline } from './baseline.js';
import type { RatioMeasurement } from './regression.js';

export interface CaseVerdict {
  readonly caseId: string;
  readonly baselineRatio: number | null;
  readonly ratio: number;
  /** ratio / baselineRatio − 1: +0.30 means 30% slower relative to the reference than at baseline. */
  readonly change: number | null;
  readonly ok: boolean;
}

export interface CheckVerdict {
  readonly ok: boolean;
  readonly cases: readonly CaseVerdict[];
  readonly lines: readonly string[];
}

export function compareWithBaseline(measured: readonly RatioMeasurement[], baseline: Baseline, tolerance: number): CheckVerdict {
  const cases: CaseVerdict[] = measured.map((m) => {
    const base = baseline.cases.find((c) => c.caseId === m.caseId);
    if (!base) return { caseId: m.caseId, baselineRatio: null, ratio: m.ratio, change: null, ok: false };
    const change = m.ratio / base.ratio - 1;
    return { caseId: m.caseId, baselineRatio: base.ratio, ratio: m.ratio, change, ok: change <= tolerance };
  });
  const lines = cases.map((c) => {
    if (c.baselineRatio === null) return `FAIL ${c.caseId}: ratio ${c.ratio.toFixed(4)}, no baseline for this case (run \`npm run bench:baseline\`)`;
    const pct = `${c.change! >= 0 ? '+' : ''}${(c.change! * 100).toFixed(1)}%`;
    return `${c.ok ? 'ok  ' : 'FAIL'} ${c.caseId}: ratio ours/${baseline.reference} ${c.ratio.toFixed(4)} now, ${c.baselineRatio.toFixed(4)} at baseline (${pct}; limit +${(tolerance * 100).toFixed(0)}%)`;
  });
  return { ok: cases.every((c) => c.ok), cases, lines };
}
