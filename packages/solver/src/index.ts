export type * from './types.js';
export { createSolver, type CertifyingSolver, type SolverOptions } from './solver.js';
export type { AssignmentWithDuals } from './linear-sum-assignment.js';
export type { SolverBuild } from './wasm-module.js';
export { SolverAbortError } from './wasm-module.js';
export { InfeasibleAssignmentError, InvalidCostMatrixError } from './errors.js';
export { CapacitatedProblemError, type CapacitatedErrorCode } from './capacitated-errors.js';
export type { CapacitatedFlowCertificate } from './capacitated-driver.js';
export { solveCapacitatedReference } from './capacitated-reference.js';
