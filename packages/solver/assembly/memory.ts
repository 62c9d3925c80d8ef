// Raw memory for the TypeScript side (src/wasm-memory.ts): blocks outside the garbage collector,
// so the collector never moves or frees what the caller is filling or reading.

/** Allocates `bytes` bytes; the allocator grows the memory when the heap is full. */
export function alloc(bytes: usize): usize {
  return heap.alloc(bytes);
}

/** Frees a block returned by `alloc`. */
export function free(pointer: usize): void {
  heap.free(pointer);
}
