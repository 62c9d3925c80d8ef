// The two capacitated solvers the regression check times against each other: the wasm that every
// optimal match runs, and its TypeScript twin (the same algorithm, line for line, in plain
// TypeScript). The slowdown lives here, in the harness, and never in the solver: it lets the check
// be shown to notice a slower wasm, and it only ever costs time, never changes a result.
import {
  solveCapacitatedReference,
  type CapacitatedProblem,
  type CapacitatedResult,
  type Solver,
} from '@mentor-matcher/solver';
import { cpuMs } from '../check/paired-timing.js';

export type CapacitatedSolve = (problem: CapacitatedProblem) => CapacitatedResult;

export const CAPACITATED_SLOWDOWN_VARIABLE = 'MENTOR_MATCHER_BENCH_CAPACITATED_SLOWDOWN';

/** MENTOR_MATCHER_BENCH_CAPACITATED_SLOWDOWN: a factor ≥ 1 (1.3 = 30% slower), default 1. */
export function capacitatedSlowdownFromEnvironment(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[CAPACITATED_SLOWDOWN_VARIABLE];
  if (raw === undefined || raw === '') return 1;
  const factor = Number(raw);
  if (!Number.isFinite(factor) || factor < 1) {
    throw new Error(`${CAPACITATED_SLOWDOWN_VARIABLE}: expected a number >= 1 (1.3 = 30% slower), got "${raw}"`);
  }
  return factor;
}

export const twinCapacitatedSolve: CapacitatedSolve = solveCapacitatedReference;

/** Keeps this thread busy for about `ms` of its CPU time. */
export type Spin = (ms: number) => void;

/**
 * The wasm solve, `slowdown` times as expensive: after each solve, `spin` adds (slowdown − 1) × the
 * solve's own CPU time. `clock` and `spin` are for tests.
 */
export function wasmCapacitatedSolve(
  solver: Solver,
  slowdown = 1,
  clock: () => number = cpuMs,
  spin: Spin = calibratedSpin(),
): CapacitatedSolve {
  if (slowdown === 1) return (problem) => solver.capacitatedAssignment(problem);
  return (problem) => {
    const start = clock();
    const result = solver.capacitatedAssignment(problem);
    spin((clock() - start) * (slowdown - 1));
    return result;
  };
}

/**
 * A spin of a fixed number of loop iterations per ms, counted once up front, rather than a loop
 * that watches the clock: the process's CPU clock also counts V8's background threads, and a spin
 * that stopped by that clock would let a concurrent garbage collection (left over from earlier
 * solves) use up the spin's time instead of the next solve's, and the slowdown would come out
 * short (measured: ×1.23–1.27 for ×1.3).
 */
export function calibratedSpin(clock: () => number = cpuMs): Spin {
  let iterationsPerMs = 0;
  return (ms) => {
    if (iterationsPerMs === 0) {
      // The fastest of a few rounds: other threads' work only ever makes a round look slower.
      for (let round = 0; round < 5; round++) {
        const start = clock();
        const x = spinLoop(200_000);
        iterationsPerMs = Math.max(iterationsPerMs, 200_000 / Math.max(clock() - start, 1e-3));
        if (Number.isNaN(x)) throw new Error('unreachable');
      }
    }
    if (Number.isNaN(spinLoop(Math.round(ms * iterationsPerMs)))) throw new Error('unreachable');
  };
}

/** Pure arithmetic, nothing allocated; the result is returned so that the loop is not optimised away. */
function spinLoop(iterations: number): number {
  let x = 1;
  for (let k = 0; k < iterations; k++) x = Math.sqrt(x + k);
  return x;
}

export function capacitatedSolverLabel(slowdown: number): string {
  return slowdown === 1 ? 'wasm' : `wasm (slowed ×${slowdown} by ${CAPACITATED_SLOWDOWN_VARIABLE})`;
}
