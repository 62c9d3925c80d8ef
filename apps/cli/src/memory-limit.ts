// The memory a run may plan to use: Node's heap limit, which `--max-old-space-size` sets (and which
// Node otherwise derives from the machine's memory). The score matrix and the solver's arrays live
// outside the JavaScript heap, but the heap limit is the one figure a user already knows how to
// raise, and it scales with the machine; the engine refuses a programme whose estimate exceeds it
// (see the engine's memory-estimate.ts) instead of failing half-way.
import { getHeapStatistics } from 'node:v8';

export function memoryLimitBytes(): number {
  return getHeapStatistics().heap_size_limit;
}

/** Said after a memory refusal: how to give a run more room. */
export const memoryAdvice =
  "The limit is Node.js's heap limit: on a machine with more memory, raise it with " +
  'NODE_OPTIONS=--max-old-space-size=MEGABYTES (for example 16384) and run again.\n';

/** The advice, when one of `problems` is a memory refusal; else nothing. */
export function memoryAdviceFor(problems: readonly { readonly code: string }[]): string {
  return problems.some((p) => p.code === 'memory-limit') ? memoryAdvice : '';
}
