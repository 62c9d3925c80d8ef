// The three implementations every capacitated test runs against: the wasm module as released, the
// debug build (bounds asserts kept), and the pure TypeScript twin.
import { solveCapacitated } from '../src/capacitated.js';
import { solveCapacitatedReference } from '../src/capacitated-reference.js';
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
