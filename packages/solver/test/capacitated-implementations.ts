// The three implementations every capacitated test runs against: the wasm module as released, the
// debug build (bounds asserts kept), and the pure TypeScript twin.
import { solveCapacitated, wasmFlowSolve } from '../src/capacitated.js';
import type { FlowSolve } from '../src/capacitated-network.js';
import { solveCapacitatedReference, solveFlowNetworkReference } from '../src/capacitated-reference.js';
import type { CapacitatedProblem, CapacitatedResult } from '../src/types.js';
import { instantiateSolverWasm } from '../src/wasm-module.js';

export interface Implementation {
  readonly name: string;
  readonly solve: (problem: CapacitatedProblem) => CapacitatedResult;
}

export async function loadImplementations(): Promise<Implementation[]> {
  const release = await instantiateSolverWasm('release');
  const debug = await instantiateSolverWasm('debug');
  return [
    { name: 'wasm release', solve: (problem) => solveCapacitated(release, problem) },
    { name: 'wasm debug', solve: (problem) => solveCapacitated(debug, problem) },
    { name: 'TypeScript twin', solve: solveCapacitatedReference },
  ];
}

/** The same three, as cores alone (one candidate network in, its flow and potentials out). */
export async function loadCores(): Promise<{ readonly name: string; readonly solve: FlowSolve }[]> {
  return [
    { name: 'wasm release', solve: wasmFlowSolve(await instantiateSolverWasm('release')) },
    { name: 'wasm debug', solve: wasmFlowSolve(await instantiateSolverWasm('debug')) },
    { name: 'TypeScript twin', solve: solveFlowNetworkReference },
  ];
}
