// The solver the strategy tests run against.
export { bruteForceSolver as solver } from './brute-force-solver.js';
