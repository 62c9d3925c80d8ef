// createSolver: one wasm instance per solver, shared by both algorithms.
import { solveCapacitated, wasmFlowSolve } from './capacitated.js';
import { solveCapacitatedFromSource } from './capacitated-pair-source.js';
import {
  linearSumAssignment,
  linearSumAssignmentWithDuals,
  type AssignmentWithDuals,
} from './linear-sum-assignment.js';
import type { CostInput, LinearSumAssignmentOptions, Solver } from './types.js';
import { instantiateSolverWasm, type SolverBuild } from './wasm-module.js';

export interface SolverOptions {
  /** Which embedded wasm to run. Default 'release'; 'debug' bounds-checks every access (slower). */
  readonly build?: SolverBuild;
}

/** The public Solver, plus an entry that returns the optimality certificate. */
export interface CertifyingSolver extends Solver {
  /**
   * For verification and tests: `linearSumAssignment` plus the dual potentials that prove the
   * assignment optimal (see AssignmentWithDuals). Not needed to use the solver.
   */
  linearSumAssignmentWithDuals(costs: CostInput, options?: LinearSumAssignmentOptions): AssignmentWithDuals;
}

/** Instantiates the solver's wasm once; the returned solver is synchronous and reusable. */
export async function createSolver(options: SolverOptions = {}): Promise<CertifyingSolver> {
  const build = options.build ?? 'release';
  if (build !== 'release' && build !== 'debug') {
    throw new TypeError(`options.build must be 'release' or 'debug', got ${String(build)}`);
  }
  const wasm = await instantiateSolverWasm(build);
  return {
    linearSumAssignment: (costs, lsapOptions) => linearSumAssignment(wasm, costs, lsapOptions),
    linearSumAssignmentWithDuals: (costs, lsapOptions) => linearSumAssignmentWithDuals(wasm, costs, lsapOptions),
    capacitatedAssignment: (problem) =>
      problem.pairs ? solveCapacitatedFromSource(wasmFlowSolve(wasm), problem) : solveCapacitated(wasm, problem),
  };
}
