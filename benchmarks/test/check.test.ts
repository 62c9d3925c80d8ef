import { beforeAll, describe, expect, it } from 'vitest';
import type { Solver } from '@mentor-matcher/solver';
import { createBaseline, parseBaseline } from '../src/check/baseline.js';
import { compareWithBaseline } from '../src/check/compare.js';
import { CHECK_TOLERANCE, CheckCorrectnessError, measureRatios, type RatioMeasurement } from '../src/check/regression.js';
import { uniformCase } from '../src/lsa/cases.js';
import { munkresAdapter } from '../src/lsa/npm-peers.js';
import { loadOurSolver, ourAssignmentAdapter, slowdownFromEnvironment, SLOWDOWN_VARIABLE } from '../src/lsa/our-solver.js';
import { describeMachine } from '../src/machine.js';
import type { AssignmentAdapter } from '../src/lsa/adapter.js';

const measurement = (caseId: string, ratio: number): RatioMeasurement => ({ caseId, rows: 10, cols: 10, ratio, oursMs: ratio, referenceMs: 1, repetitions: 5 });
const baselineOf = (...cases: RatioMeasurement[]) => createBaseline(cases, 'munkres', describeMachine());

describe('compareWithBaseline', () => {
  it('passes a ratio up to 25% worse than the baseline', () => {
    const verdict = compareWithBaseline([measurement('a', 0.5)], baselineOf(measurement('a', 0.41)), CHECK_TOLERANCE);
    expect(verdict.ok).toBe(true);
  });

  it('fails a ratio more than 25% worse, printing both figures', () => {
    const verdict = compareWithBaseline([measurement('a', 0.52)], baselineOf(measurement('a', 0.4)), CHECK_TOLERANCE);
    expect(verdict.ok).toBe(false);
    expect(verdict.lines[0]).toBe('FAIL a: ratio ours/munkres 0.5200 now, 0.4000 at baseline (+30.0%; limit +25%)');
  });

  it('fails a case that has no baseline', () => {
    const verdict = compareWithBaseline([measurement('new', 0.1)], baselineOf(measurement('a', 0.4)), CHECK_TOLERANCE);
    expect(verdict.ok).toBe(false);
    expect(verdict.lines[0]).toMatch(/no baseline for this case/);
  });
});

describe('parseBaseline', () => {
  it('names the path of a broken field', () => {
    const broken = { ...baselineOf(measurement('a', 0.4)), cases: [{ ...measurement('a', 0.4), ratio: 'fast' }] };
    expect(() => parseBaseline(broken, 'baseline.json')).toThrow(/baseline\.json: not a valid baseline \(cases\.0\.ratio: /);
  });
});

describe('slowdownFromEnvironment', () => {
  it('reads MENTOR_MATCHER_BENCH_SLOWDOWN, default 1', () => {
    expect(slowdownFromEnvironment({})).toBe(1);
    expect(slowdownFromEnvironment({ [SLOWDOWN_VARIABLE]: '3' })).toBe(3);
  });

  it('rejects a value that is not a whole number of at least 1', () => {
    expect(() => slowdownFromEnvironment({ [SLOWDOWN_VARIABLE]: '0.5' })).toThrow(/expected an integer >= 1, got "0.5"/);
  });
});

describe('the regression check on the real solver', () => {
  const cases = [uniformCase(300)];
  const options = { cases, reference: munkresAdapter, repetitions: 5, minSampleMs: 40 };
  let solver: Solver;
  let baseline: ReturnType<typeof baselineOf>;

  beforeAll(async () => {
    solver = await loadOurSolver();
    baseline = createBaseline(measureRatios({ ...options, ours: ourAssignmentAdapter(solver, 1) }), 'munkres', describeMachine());
  });

  it('passes on the real solver', () => {
    const verdict = compareWithBaseline(measureRatios({ ...options, ours: ourAssignmentAdapter(solver, 1) }), baseline, CHECK_TOLERANCE);
    expect(verdict.lines.join('\n')).not.toMatch(/FAIL/);
    expect(verdict.ok).toBe(true);
  });

  it(`fails when ${SLOWDOWN_VARIABLE}=3 slows the solver down`, () => {
    const slowed = ourAssignmentAdapter(solver, slowdownFromEnvironment({ [SLOWDOWN_VARIABLE]: '3' }));
    const verdict = compareWithBaseline(measureRatios({ ...options, ours: slowed }), baseline, CHECK_TOLERANCE);
    expect(verdict.ok).toBe(false);
    expect(verdict.cases.every((c) => c.change! > CHECK_TOLERANCE)).toBe(true);
  });

  it('refuses to time a solver that returns a wrong answer', () => {
    const wrong: AssignmentAdapter = {
      ...munkresAdapter,
      name: 'off-by-one',
      prepare(matrix) {
        const n = matrix.rows;
        return { kind: 'in-process', solve: () => ({ rowIndices: [...Array(n).keys()], colIndices: [...Array(n).keys()] }) };
      },
    };
    expect(() => measureRatios({ ...options, ours: wrong })).toThrow(CheckCorrectnessError);
  });
});
