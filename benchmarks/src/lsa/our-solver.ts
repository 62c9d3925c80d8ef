// Our solver as seen by the harness. The slowdown lives here, in the harness's adapter, and never in
// the solver: it lets a test prove that the regression check notices a slower solver.
import { createSolver, type DenseMatrix, type Solver } from '@mentor-matcher/solver';
import type { AssignmentAdapter } from './adapter.js';

export const SLOWDOWN_VARIABLE = 'MENTOR_MATCHER_BENCH_SLOWDOWN';

/** How many times each solve is repeated: MENTOR_MATCHER_BENCH_SLOWDOWN (an integer >= 1), default 1. */
export function slowdownFromEnvironment(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[SLOWDOWN_VARIABLE];
  if (raw === undefined || raw === '') return 1;
  const factor = Number(raw);
  if (!Number.isInteger(factor) || factor < 1) {
    throw new Error(`${SLOWDOWN_VARIABLE}: expected an integer >= 1, got "${raw}"`);
  }
  return factor;
}

export async function loadOurSolver(): Promise<Solver> {
  return await createSolver();
}

export function ourAssignmentAdapter(solver: Solver, slowdown = slowdownFromEnvironment()): AssignmentAdapter {
  return {
    name: 'mentor-matcher',
    label: slowdown === 1 ? 'mentor-matcher (ours)' : `mentor-matcher (ours, slowed ×${slowdown})`,
    isOurs: true,
    prepare(matrix: DenseMatrix) {
      return {
        kind: 'in-process',
        solve() {
          let result = solver.linearSumAssignment(matrix);
          for (let extra = 1; extra < slowdown; extra++) result = solver.linearSumAssignment(matrix);
          return { rowIndices: result.rowIndices, colIndices: result.colIndices, reportedTotal: result.total };
        },
      };
    },
  };
}
