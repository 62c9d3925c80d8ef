// Compares the check's measurements with the baseline. Ratios, not absolute times: both solvers ran
// on the same machine at the same moment, so the machine cancels out. Work counts exactly: they do
// not depend on the machine at all.
import type { CapacitatedBaseline, LsapBaseline } from './baseline.js';
import { listFields, sameFields, type CapacitatedMeasurement } from './capacitated.js';
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

const percent = (change: number): string => `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`;

export function compareWithBaseline(
  measured: readonly RatioMeasurement[],
  baseline: LsapBaseline,
  tolerance: number,
): CheckVerdict {
  const cases: CaseVerdict[] = measured.map((m) => {
    const base = baseline.cases.find((c) => c.caseId === m.caseId);
    if (!base) return { caseId: m.caseId, baselineRatio: null, ratio: m.ratio, change: null, ok: false };
    const change = m.ratio / base.ratio - 1;
    return { caseId: m.caseId, baselineRatio: base.ratio, ratio: m.ratio, change, ok: change <= tolerance };
  });
  const lines = cases.map((c) => {
    if (c.baselineRatio === null)
      return `FAIL ${c.caseId}: ratio ${c.ratio.toFixed(4)}, no baseline for this case (run \`npm run bench:baseline\`)`;
    return `${c.ok ? 'ok  ' : 'FAIL'} ${c.caseId}: ratio ours/${baseline.reference} ${c.ratio.toFixed(4)} now, ${c.baselineRatio.toFixed(4)} at baseline (${percent(c.change!)}; limit +${(tolerance * 100).toFixed(0)}%)`;
  });
  return { ok: cases.every((c) => c.ok), cases, lines };
}

export interface CapacitatedCaseVerdict extends CaseVerdict {
  /** The problem differs from the baseline's (the engine's scoring or the generator changed). */
  readonly problemChanged: boolean;
  /** The work counts differ from the baseline's, on the same problem. */
  readonly workChanged: boolean;
  /** The optimum differs from the baseline's, on the same problem: one of the two is wrong. */
  readonly optimumChanged: boolean;
}

export interface CapacitatedVerdict {
  readonly ok: boolean;
  readonly cases: readonly CapacitatedCaseVerdict[];
  readonly lines: readonly string[];
}

/** What differs between two flat records, as `key now (baseline)` phrases; empty when nothing does. */
function differences<T extends object>(now: T, then: T): string[] {
  return (Object.keys(then) as (keyof T & string)[])
    .filter((key) => now[key] !== then[key])
    .map((key) => `${key} ${String(now[key])} now, ${String(then[key])} at baseline`);
}

function problemDifferences(now: CapacitatedMeasurement, then: CapacitatedMeasurement): string[] {
  return differences({ seed: now.seed, ...now.problem }, { seed: then.seed, ...then.problem });
}

/**
 * Per case: fails when the wasm / twin ratio is more than `tolerance` above the baseline's, when
 * the work counts differ from the baseline's at all, and when the problem or the optimum differs
 * (then the counts cannot be compared, and the lines say why). Every line names its case.
 */
export function compareCapacitated(
  measured: readonly CapacitatedMeasurement[],
  baseline: CapacitatedBaseline,
  tolerance: number,
): CapacitatedVerdict {
  const cases: CapacitatedCaseVerdict[] = [];
  const lines: string[] = [];
  const limit = `limit +${(tolerance * 100).toFixed(0)}%`;
  for (const m of measured) {
    const base = baseline.cases.find((c) => c.caseId === m.caseId);
    if (!base) {
      const verdict = { caseId: m.caseId, baselineRatio: null, ratio: m.ratio, change: null, ok: false };
      cases.push({ ...verdict, problemChanged: false, workChanged: false, optimumChanged: false });
      lines.push(
        `FAIL ${m.caseId}: ratio wasm/twin ${m.ratio.toFixed(4)}, ` +
          'no baseline for this case (run `npm run bench:baseline`)',
      );
      continue;
    }
    const change = m.ratio / base.ratio - 1;
    const slower = change > tolerance;
    const problemChanged = base.seed !== m.seed || !sameFields(m.problem, base.problem);
    const optimumChanged = !problemChanged && !sameFields(m.optimum, base.optimum);
    const workChanged = !problemChanged && !sameFields(m.work, base.work);
    const ok = !slower && !problemChanged && !optimumChanged && !workChanged;
    cases.push({
      caseId: m.caseId,
      baselineRatio: base.ratio,
      ratio: m.ratio,
      change,
      ok,
      problemChanged,
      workChanged,
      optimumChanged,
    });

    const ratioLine =
      `ratio wasm/twin ${m.ratio.toFixed(4)} now, ${base.ratio.toFixed(4)} at baseline ` +
      `(${percent(change)}; ${limit})`;
    lines.push(`${slower ? 'FAIL' : 'ok  '} ${m.caseId}: ${ratioLine}`);
    if (problemChanged) {
      lines.push(
        `FAIL ${m.caseId}: the problem is not the baseline's (${problemDifferences(m, base).join('; ')}): ` +
          'the engine or the data generator changed the input, so the work counts cannot be compared. ' +
          'If intended, run `npm run bench:baseline`.',
      );
    } else if (optimumChanged) {
      lines.push(
        `FAIL ${m.caseId}: same problem, different optimum ` +
          `(${differences(m.optimum, base.optimum).join('; ')}): one of the two is wrong`,
      );
    } else if (workChanged) {
      lines.push(`FAIL ${m.caseId}: work counts changed (${differences(m.work, base.work).join('; ')})`);
    } else {
      lines.push(`ok   ${m.caseId}: work counts as at baseline (${listFields(m.work)})`);
    }
  }
  return { ok: cases.every((c) => c.ok), cases, lines };
}
