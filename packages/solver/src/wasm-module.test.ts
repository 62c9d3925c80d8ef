import { describe, expect, it } from 'vitest';
import { wasmFunction } from './wasm-memory.js';
import { instantiateSolverWasm, SolverAbortError } from './wasm-module.js';

describe('instantiateSolverWasm', () => {
  it('turns a failed assertion in the debug wasm into a SolverAbortError naming it and its source', async () => {
    const wasm = await instantiateSolverWasm('debug');
    const lsapSolve = wasmFunction<(...args: number[]) => number>(wasm, 'lsapSolve');
    const call = () => lsapSolve(0, 3, 2, 0, 0, 0);
    expect(call).toThrow(SolverAbortError);
    expect(call).toThrow(/^lsapSolve needs 0 <= rows <= cols at assembly\/lsap\.ts:\d+:\d+$/);
  });

  it('names a missing export and how to get it', async () => {
    const wasm = await instantiateSolverWasm('release');
    expect(() => wasmFunction(wasm, 'noSuchSolver')).toThrow(
      'no export "noSuchSolver"; rebuild it with "npm run build"',
    );
  });
});
