// The solver the strategy tests run against: the real wasm solver, as the apps use it.
import { createSolver } from '@mentor-matcher/solver';

export const solver = await createSolver();
