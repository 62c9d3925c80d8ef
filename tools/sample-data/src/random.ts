// A small seeded PRNG so that the same seed gives the same data on every machine and Node version
// (Math.random cannot be seeded). mulberry32: Tommy Ettinger's 32-bit generator, public domain;
// period 2^32, plenty for test data, and a few integer operations per draw.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight, using a precomputed cumulative table (see `weightedTable`). */
  pickWeighted<T>(table: WeightedTable<T>): T;
}

export interface WeightedTable<T> {
  readonly items: readonly T[];
  /** Running totals of the weights; the last entry is the sum. */
  readonly cumulative: Float64Array;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    pickWeighted: (table) => {
      const { cumulative, items } = table;
      const target = next() * cumulative[cumulative.length - 1];
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (cumulative[mid] > target) high = mid;
        else low = mid + 1;
      }
      return items[low];
    },
  };
}

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const cumulative = new Float64Array(entries.length);
  let sum = 0;
  entries.forEach(([, weight], i) => {
    sum += weight;
    cumulative[i] = sum;
  });
  return { items: entries.map(([item]) => item), cumulative };
}
