import { beforeAll, describe, expect, it } from 'vitest';
import type { CapacitatedResult, Solver } from '@mentor-matcher/solver';
import { mentorMatchProblem, fingerprintProblem } from '../src/capacitated/problem.js';
import {
  calibratedSpin,
  CAPACITATED_SLOWDOWN_VARIABLE,
  capacitatedSlowdownFromEnvironment,
  twinCapacitatedSolve,
  wasmCapacitatedSolve,
} from '../src/capacitated/solvers.js';
import type { CapacitatedBaseline } from '../src/check/baseline.js';
import { measureCapacitated, type CapacitatedMeasurement } from '../src/check/capacitated.js';
import { compareCapacitated } from '../src/check/compare.js';
import { cpuMs } from '../src/check/paired-timing.js';
import { CHECK_TOLERANCE, CheckCorrectnessError } from '../src/check/regression.js';
import { loadOurSolver } from '../src/lsa/our-solver.js';

const measured = (size: number, changes: Partial<CapacitatedMeasurement> = {}): CapacitatedMeasurement => ({
  caseId: `capacitated-${size}`,
  size,
  seed: 13,
  problem: { rows: size, cols: size, eligiblePairs: size * 120, checksum: '0123abcd' },
  optimum: { rowsCovered: size, colsCovered: size - 4, total: size * 60 },
  work: { solves: 3, warmStarts: 1, searches: size * 3, candidatePairs: size * 18, pricedPairs: size * 4 },
  ratio: 0.5,
  wasmMs: size / 25,
  twinMs: size / 12.5,
  repetitions: 7,
  ...changes,
});
const baselineOf = (...cases: CapacitatedMeasurement[]): CapacitatedBaseline => ({ cases });
const baseline = baselineOf(measured(500), measured(2000));

describe('compareCapacitated', () => {
  it('passes ratios up to 25% above the baseline with the same work counts', () => {
    const verdict = compareCapacitated(
      [measured(500, { ratio: 0.62 }), measured(2000, { ratio: 0.45 })],
      baseline,
      CHECK_TOLERANCE,
    );
    expect(verdict.ok).toBe(true);
    expect(verdict.lines).toEqual([
      'ok   capacitated-500: ratio wasm/twin 0.6200 now, 0.5000 at baseline (+24.0%; limit +25%)',
      'ok   capacitated-500: work counts as at baseline ' +
        '(solves 3, warmStarts 1, searches 1500, candidatePairs 9000, pricedPairs 2000)',
      'ok   capacitated-2000: ratio wasm/twin 0.4500 now, 0.5000 at baseline (-10.0%; limit +25%)',
      'ok   capacitated-2000: work counts as at baseline ' +
        '(solves 3, warmStarts 1, searches 6000, candidatePairs 36000, pricedPairs 8000)',
    ]);
  });

  it('fails a ratio more than 25% above the baseline, naming the case and both figures', () => {
    const verdict = compareCapacitated([measured(500), measured(2000, { ratio: 0.65 })], baseline, CHECK_TOLERANCE);
    expect(verdict.ok).toBe(false);
    expect(verdict.cases.map((c) => [c.caseId, c.ok])).toEqual([
      ['capacitated-500', true],
      ['capacitated-2000', false],
    ]);
    expect(verdict.lines).toContain(
      'FAIL capacitated-2000: ratio wasm/twin 0.6500 now, 0.5000 at baseline (+30.0%; limit +25%)',
    );
  });

  it('fails any change in the work counts, naming the case and each count that moved', () => {
    const work = { ...measured(500).work, searches: 1501, solves: 4 };
    const verdict = compareCapacitated([measured(500, { work }), measured(2000)], baseline, CHECK_TOLERANCE);
    expect(verdict.ok).toBe(false);
    expect(verdict.cases[0]).toMatchObject({
      caseId: 'capacitated-500',
      ok: false,
      workChanged: true,
      problemChanged: false,
    });
    expect(verdict.cases[1].ok).toBe(true);
    expect(verdict.lines).toContain(
      'FAIL capacitated-500: work counts changed (solves 4 now, 3 at baseline; searches 1501 now, 1500 at baseline)',
    );
  });

  it('fails fewer work counts too: a faster algorithm needs a new baseline as much as a slower one', () => {
    const work = { ...measured(500).work, searches: 1200 };
    expect(compareCapacitated([measured(500, { work })], baseline, CHECK_TOLERANCE).ok).toBe(false);
  });

  it('says when the problem itself changed rather than blame the solver for its work counts', () => {
    const problem = { ...measured(500).problem, eligiblePairs: 60_001, checksum: 'ffff0000' };
    const work = { ...measured(500).work, searches: 1490 };
    const verdict = compareCapacitated([measured(500, { problem, work })], baseline, CHECK_TOLERANCE);
    expect(verdict.ok).toBe(false);
    expect(verdict.cases[0]).toMatchObject({ problemChanged: true, workChanged: false });
    const line = verdict.lines.find((l) => l.startsWith('FAIL capacitated-500: the problem'));
    expect(line).toContain('eligiblePairs 60001 now, 60000 at baseline; checksum ffff0000 now, 0123abcd at baseline');
    expect(line).toContain('the engine or the data generator changed the input');
  });

  it('fails a different optimum of the same problem', () => {
    const optimum = { ...measured(500).optimum, total: 29_999 };
    const verdict = compareCapacitated([measured(500, { optimum })], baseline, CHECK_TOLERANCE);
    expect(verdict.ok).toBe(false);
    expect(verdict.lines).toContain(
      'FAIL capacitated-500: same problem, different optimum (total 29999 now, 30000 at baseline): ' +
        'one of the two is wrong',
    );
  });

  it('fails a case that has no baseline, naming it', () => {
    const verdict = compareCapacitated([measured(1000)], baseline, CHECK_TOLERANCE);
    expect(verdict.ok).toBe(false);
    expect(verdict.lines).toEqual([
      'FAIL capacitated-1000: ratio wasm/twin 0.5000, no baseline for this case (run `npm run bench:baseline`)',
    ]);
  });
});

describe('the capacitated slowdown switch', () => {
  it(`reads ${CAPACITATED_SLOWDOWN_VARIABLE}, default 1`, () => {
    expect(capacitatedSlowdownFromEnvironment({})).toBe(1);
    expect(capacitatedSlowdownFromEnvironment({ [CAPACITATED_SLOWDOWN_VARIABLE]: '1.3' })).toBe(1.3);
  });

  it('rejects a factor below 1 or not a number', () => {
    expect(() => capacitatedSlowdownFromEnvironment({ [CAPACITATED_SLOWDOWN_VARIABLE]: '0.9' })).toThrow(
      /expected a number >= 1/,
    );
    expect(() => capacitatedSlowdownFromEnvironment({ [CAPACITATED_SLOWDOWN_VARIABLE]: 'fast' })).toThrow(/got "fast"/);
  });

  it("spins for (factor − 1) × the solve's own CPU time and returns its result untouched", () => {
    let now = 0;
    const clock = () => now;
    const spins: number[] = [];
    const result = { total: 1 } as CapacitatedResult;
    const solver = {
      capacitatedAssignment: () => {
        now += 100;
        return result;
      },
    } as unknown as Solver;
    const problem = mentorMatchProblem(2, 1);
    expect(wasmCapacitatedSolve(solver, 1.3, clock, (ms) => spins.push(ms))(problem)).toBe(result);
    expect(spins.map((ms) => ms.toFixed(6))).toEqual(['30.000000']);
    expect(wasmCapacitatedSolve(solver, 1, clock, (ms) => spins.push(ms))(problem)).toBe(result);
    expect(spins).toHaveLength(1);
  });

  it('spins by a calibrated count of iterations, about as long as asked', () => {
    const spin = calibratedSpin();
    spin(1); // calibrates
    const start = cpuMs();
    spin(30);
    // CPU time only grows with other threads' work, never shrinks: the lower bound is firm.
    expect(cpuMs() - start).toBeGreaterThan(20);
  });
});

describe('fingerprintProblem', () => {
  it('is the same for the same generated problem and differs when one score does', () => {
    const problem = mentorMatchProblem(60, 13);
    expect(fingerprintProblem(mentorMatchProblem(60, 13))).toEqual(fingerprintProblem(problem));
    const score = problem.edges!.score.slice();
    score[7] += 1;
    const changed = { ...problem, edges: { ...problem.edges!, score } };
    expect(fingerprintProblem(changed).checksum).not.toBe(fingerprintProblem(problem).checksum);
    expect(fingerprintProblem(changed).eligiblePairs).toBe(fingerprintProblem(problem).eligiblePairs);
  });
});

describe('measureCapacitated on the real solver', () => {
  const options = { sizes: [80], repetitions: 3, minSampleMs: 20 };
  let solver: Solver;

  beforeAll(async () => {
    solver = await loadOurSolver();
  });

  it('records the problem, the optimum and the work counts the solver reports', () => {
    const [m] = measureCapacitated({ ...options, wasm: wasmCapacitatedSolve(solver), twin: twinCapacitatedSolve });
    const problem = mentorMatchProblem(80, m.seed);
    const result = solver.capacitatedAssignment(problem);
    expect(m.caseId).toBe('capacitated-80');
    expect(m.problem).toEqual(fingerprintProblem(problem));
    expect(m.work).toEqual(result.work);
    expect(m.optimum).toEqual({
      rowsCovered: result.rowsCovered,
      colsCovered: result.colsCovered,
      total: result.total,
    });
  });

  it('measures a slowed wasm with the same problem, optimum and work counts, and a higher ratio', () => {
    const [real] = measureCapacitated({ ...options, wasm: wasmCapacitatedSolve(solver), twin: twinCapacitatedSolve });
    const [slowed] = measureCapacitated({
      ...options,
      wasm: wasmCapacitatedSolve(solver, 3),
      twin: twinCapacitatedSolve,
    });
    expect(slowed.problem).toEqual(real.problem);
    expect(slowed.optimum).toEqual(real.optimum);
    expect(slowed.work).toEqual(real.work);
    // Three times the CPU time by construction; the margin is for noise on a shared machine.
    expect(slowed.ratio).toBeGreaterThan(2 * real.ratio);
    const verdict = compareCapacitated([slowed], { cases: [real] }, CHECK_TOLERANCE);
    expect(verdict.ok).toBe(false);
    expect(verdict.lines[0]).toMatch(/^FAIL capacitated-80: ratio wasm\/twin/);
  });

  it('refuses to time a solver whose answer is wrong', () => {
    const dropsAPair = (problem: Parameters<typeof twinCapacitatedSolve>[0]): CapacitatedResult => {
      const result = twinCapacitatedSolve(problem);
      return { ...result, rowIndices: result.rowIndices.slice(1), colIndices: result.colIndices.slice(1) };
    };
    expect(() => measureCapacitated({ ...options, wasm: wasmCapacitatedSolve(solver), twin: dropsAPair })).toThrow(
      /capacitated-80: TypeScript twin is WRONG/,
    );
  });

  it('refuses wasm and twin work counts that differ (they run the same algorithm)', () => {
    const countsMore = (problem: Parameters<typeof twinCapacitatedSolve>[0]): CapacitatedResult => {
      const result = twinCapacitatedSolve(problem);
      return { ...result, work: { ...result.work!, searches: result.work!.searches + 1 } };
    };
    const run = () => measureCapacitated({ ...options, wasm: wasmCapacitatedSolve(solver), twin: countsMore });
    expect(run).toThrow(CheckCorrectnessError);
    expect(run).toThrow(/capacitated-80: work counts differ/);
  });
});
