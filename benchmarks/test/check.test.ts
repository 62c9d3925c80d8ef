import { beforeAll, describe, expect, it } from 'vitest';
import type { Solver } from '@mentor-matcher/solver';
import { createBaseline, parseBaseline, type LsapBaseline } from '../src/check/baseline.js';
import type { CapacitatedMeasurement } from '../src/check/capacitated.js';
import { compareWithBaseline } from '../src/check/compare.js';
import {
  CHECK_TOLERANCE,
  CheckCorrectnessError,
  measureRatios,
  type RatioMeasurement,
} from '../src/check/regression.js';
import { uniformCase } from '../src/lsa/cases.js';
import { munkresAdapter } from '../src/lsa/npm-peers.js';
import {
  loadOurSolver,
  ourAssignmentAdapter,
  slowdownFromEnvironment,
  SLOWDOWN_VARIABLE,
} from '../src/lsa/our-solver.js';
import { describeMachine } from '../src/machine.js';
import type { AssignmentAdapter } from '../src/lsa/adapter.js';

const measurement = (caseId: string, ratio: number): RatioMeasurement => ({
  caseId,
  rows: 10,
  cols: 10,
  ratio,
  oursMs: ratio,
  referenceMs: 1,
  repetitions: 5,
});
const baselineOf = (...cases: RatioMeasurement[]): LsapBaseline => ({ reference: 'munkres', cases });

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
  const capacitated: CapacitatedMeasurement = {
    caseId: 'capacitated-500',
    size: 500,
    seed: 13,
    problem: { rows: 500, cols: 500, eligiblePairs: 60_000, checksum: '0123abcd' },
    optimum: { rowsCovered: 500, colsCovered: 496, total: 30_000 },
    work: { solves: 3, warmStarts: 1, searches: 1600, candidatePairs: 9000, pricedPairs: 2000 },
    ratio: 0.5,
    wasmMs: 20,
    twinMs: 40,
    repetitions: 7,
  };
  const valid = createBaseline(
    { lsap: [measurement('a', 0.4)], lsapReference: 'munkres', capacitated: [capacitated] },
    describeMachine(),
  );

  it('reads back what createBaseline wrote', () => {
    expect(parseBaseline(JSON.parse(JSON.stringify(valid)), 'baseline.json')).toEqual(valid);
  });

  it('names the path of a broken field', () => {
    const broken = { ...valid, lsap: { reference: 'munkres', cases: [{ ...measurement('a', 0.4), ratio: 'fast' }] } };
    expect(() => parseBaseline(broken, 'baseline.json')).toThrow(
      /baseline\.json: not a valid baseline \(lsap\.cases\.0\.ratio: /,
    );
    const noWork = { ...valid, capacitated: { cases: [{ ...capacitated, work: { solves: 3 } }] } };
    expect(() => parseBaseline(noWork, 'baseline.json')).toThrow(/capacitated\.cases\.0\.work\.warmStarts: /);
  });

  it('asks for a new baseline when the file is of the first version (no capacitated cases)', () => {
    const first = {
      version: 1,
      createdAt: valid.createdAt,
      reference: 'munkres',
      machine: valid.machine,
      cases: valid.lsap.cases,
    };
    expect(() => parseBaseline(first, 'baseline.json')).toThrow(/version: .*Recreate it with `npm run bench:baseline`/);
  });
});

describe('slowdownFromEnvironment', () => {
  it('reads MENTOR_MATCHER_BENCH_SLOWDOWN, default 1', () => {
    expect(slowdownFromEnvironment({})).toBe(1);
    expect(slowdownFromEnvironment({ [SLOWDOWN_VARIABLE]: '3' })).toBe(3);
  });

  it('rejects a value that is not a whole number of at least 1', () => {
    expect(() => slowdownFromEnvironment({ [SLOWDOWN_VARIABLE]: '0.5' })).toThrow(
      /expected an integer >= 1, got "0.5"/,
    );
  });
});

describe('the regression check on the real solver', () => {
  const cases = [uniformCase(300)];
  const options = { cases, reference: munkresAdapter, repetitions: 5, minSampleMs: 40 };
  let solver: Solver;
  let baseline: LsapBaseline;

  beforeAll(async () => {
    solver = await loadOurSolver();
    baseline = baselineOf(...measureRatios({ ...options, ours: ourAssignmentAdapter(solver, 1) }));
  });

  it('passes on the real solver', () => {
    const verdict = compareWithBaseline(
      measureRatios({ ...options, ours: ourAssignmentAdapter(solver, 1) }),
      baseline,
      CHECK_TOLERANCE,
    );
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
        return {
          kind: 'in-process',
          solve: () => ({ rowIndices: [...Array(n).keys()], colIndices: [...Array(n).keys()] }),
        };
      },
    };
    expect(() => measureRatios({ ...options, ours: wrong })).toThrow(CheckCorrectnessError);
  });
});
