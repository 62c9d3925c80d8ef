// Instantiates the solver's wasm from bytes embedded in the package (src/wasm-*.generated.ts,
// written by scripts/embed-wasm.mjs): no fetch, no file read, no top-level await, so Node ESM, a
// bundled page and a Web Worker all load it the same way.
import { wasmBase64 as debugBase64 } from './wasm-debug.generated.js';
import { wasmBase64 as releaseBase64 } from './wasm-release.generated.js';
import type { SolverWasm } from './wasm-memory.js';

// The few WebAssembly and base64 globals used here, declared locally so the package's types do
// not require the DOM library from its users.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};
declare function atob(base64: string): string;

/** `release`: optimised, no assertions. `debug`: every array access bounds-checked, assertions on. */
export type SolverBuild = 'release' | 'debug';

/** An AssemblyScript assertion or bounds check failed inside the wasm (a solver bug, not bad input). */
export class SolverAbortError extends Error {
  override readonly name = 'SolverAbortError';
}

function decodeBase64(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Reads an AssemblyScript string: UTF-16 code units, their byte length stored just before. */
function readWasmString(memory: { readonly buffer: ArrayBuffer }, pointer: number): string {
  if (pointer === 0) return '';
  const byteLength = new Uint32Array(memory.buffer, pointer - 4, 1)[0];
  return String.fromCharCode(...new Uint16Array(memory.buffer, pointer, byteLength >>> 1));
}

export async function instantiateSolverWasm(build: SolverBuild): Promise<SolverWasm> {
  const bytes = decodeBase64(build === 'debug' ? debugBase64 : releaseBase64);
  // abort() may run while the module is still starting, so it reads the exports through a holder.
  const loaded: { wasm?: SolverWasm } = {};
  const abort = (message: number, fileName: number, line: number, column: number): never => {
    const memory = loaded.wasm!.memory;
    throw new SolverAbortError(
      `${readWasmString(memory, message)} at ${readWasmString(memory, fileName)}:${line}:${column}`,
    );
  };
  const { instance } = await WebAssembly.instantiate(bytes, { env: { abort } });
  loaded.wasm = instance.exports as unknown as SolverWasm;
  return loaded.wasm;
}
