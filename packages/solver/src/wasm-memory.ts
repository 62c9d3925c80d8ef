// The narrow typed boundary between TypeScript and the solver's wasm module.
//
// How an AssemblyScript export receives buffers: only numbers cross the boundary. The caller
// allocates a block in wasm memory with the module's `alloc(bytes)`, copies a typed array into it,
// and passes the block's address (a `usize`) and its element count (an `i32`) as plain arguments.
// Output buffers are allocated the same way and read back after the call. On the AssemblyScript
// side such a parameter is read and written with `load<f64>(ptr + (<usize>i << 3))` and
// `store<i32>(ptr + (<usize>i << 2), value)`, e.g.
//
//   export function lsapSolve(costs: usize, rows: i32, cols: i32, rowsOut: usize): i32
//
// returns a status code (0 = solved) and writes its results into the output blocks.
//
// `alloc` grows the memory on demand, which detaches every view of the previous buffer: views
// from this file are always created fresh from `memory.buffer`, right before they are used, and
// never kept across a call into wasm.

/** The raw exports of the solver module. Each algorithm adds its own entry points. */
export interface SolverWasm {
  /** The module's memory; only its current `buffer` is used (it changes when the memory grows). */
  readonly memory: { readonly buffer: ArrayBuffer };
  /** Allocates `bytes` bytes (8-byte aligned) and returns the address; grows the memory if needed. */
  alloc(bytes: number): number;
  /** Frees a block returned by `alloc`. */
  free(pointer: number): void;
  readonly [exportName: string]: unknown;
}

type WasmArray = Float64Array | Int32Array | Uint8Array;
type WasmArrayConstructor = Float64ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor;

/** Allocations made inside one `withWasmMemory` call; all are freed when it returns or throws. */
export interface WasmScope {
  /** Copies `values` into a new block and returns its address. */
  copyIn(values: WasmArray): number;
  /** Allocates room for `length` elements of the given type (contents unspecified). */
  allocArray(type: WasmArrayConstructor, length: number): number;
  /** Copies `length` f64 values at `pointer` out of wasm memory. */
  readF64(pointer: number, length: number): Float64Array;
  /** Copies `length` i32 values at `pointer` out of wasm memory. */
  readI32(pointer: number, length: number): Int32Array;
  /** Copies `length` bytes at `pointer` out of wasm memory. */
  readU8(pointer: number, length: number): Uint8Array;
}

/** Runs `use` with a scope whose allocations are freed afterwards, even when `use` throws. */
export function withWasmMemory<T>(wasm: SolverWasm, use: (scope: WasmScope) => T): T {
  const pointers: number[] = [];
  const allocArray = (type: WasmArrayConstructor, length: number): number => {
    // A zero-byte request still gets a distinct block, so every address can be freed alike.
    const pointer = wasm.alloc(Math.max(8, length * type.BYTES_PER_ELEMENT));
    pointers.push(pointer);
    return pointer;
  };
  const scope: WasmScope = {
    allocArray,
    copyIn(values) {
      const type = values.constructor as WasmArrayConstructor;
      const pointer = allocArray(type, values.length);
      new type(wasm.memory.buffer, pointer, values.length).set(values);
      return pointer;
    },
    readF64: (pointer, length) => new Float64Array(wasm.memory.buffer, pointer, length).slice(),
    readI32: (pointer, length) => new Int32Array(wasm.memory.buffer, pointer, length).slice(),
    readU8: (pointer, length) => new Uint8Array(wasm.memory.buffer, pointer, length).slice(),
  };
  try {
    return use(scope);
  } finally {
    for (const pointer of pointers) wasm.free(pointer);
  }
}

/** A fresh view of wasm memory, for callers that fill a block in place (e.g. while validating). */
export function wasmView<T extends WasmArrayConstructor>(
  wasm: SolverWasm,
  type: T,
  pointer: number,
  length: number,
): InstanceType<T> {
  return new type(wasm.memory.buffer, pointer, length) as InstanceType<T>;
}

/** Looks up an exported function by name, failing clearly when the module was built without it. */
export function wasmFunction<F extends (...args: never[]) => unknown>(wasm: SolverWasm, name: string): F {
  const exported = wasm[name];
  if (typeof exported !== 'function') {
    throw new Error(`the solver's wasm module has no export "${name}"; rebuild it with "npm run build"`);
  }
  return exported as F;
}
