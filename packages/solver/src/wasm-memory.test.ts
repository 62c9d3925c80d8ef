import { describe, expect, it } from 'vitest';
import { withWasmMemory } from './wasm-memory.js';
import { instantiateSolverWasm } from './wasm-module.js';

describe('withWasmMemory', () => {
  it('copies typed arrays in and out of wasm memory', async () => {
    const wasm = await instantiateSolverWasm('debug');
    const read = withWasmMemory(wasm, (scope) => {
      const floats = scope.copyIn(Float64Array.of(1.5, -2, Infinity));
      const ints = scope.copyIn(Int32Array.of(7, -8));
      const bytes = scope.copyIn(Uint8Array.of(1, 0, 255));
      return [scope.readF64(floats, 3), scope.readI32(ints, 2), scope.readU8(bytes, 3)];
    });
    expect(read).toEqual([Float64Array.of(1.5, -2, Infinity), Int32Array.of(7, -8), Uint8Array.of(1, 0, 255)]);
  });

  it('frees its allocations even when the callback throws, so memory is reused', async () => {
    const wasm = await instantiateSolverWasm('release');
    const grab = () => withWasmMemory(wasm, (scope) => scope.allocArray(Float64Array, 1 << 20));
    const first = grab();
    expect(() =>
      withWasmMemory(wasm, (scope) => {
        scope.allocArray(Float64Array, 1 << 20);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(grab()).toBe(first);
  });

  it('grows the memory on demand', async () => {
    const wasm = await instantiateSolverWasm('release');
    const before = wasm.memory.buffer.byteLength;
    const values = new Float64Array(1 << 20);
    values[values.length - 1] = 3;
    const read = withWasmMemory(wasm, (scope) => scope.readF64(scope.copyIn(values), values.length));
    expect(wasm.memory.buffer.byteLength).toBeGreaterThan(before);
    expect(read[values.length - 1]).toBe(3);
  });
});
