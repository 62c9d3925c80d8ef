// One seeded generator for every suite, so that every solver sees the same matrices and a run can be
// repeated exactly. mulberry32 (Tommy Ettinger, public domain): 32-bit state, period 2^32, passes
// PractRand to 2^32 bytes — plenty for cost matrices, and two lines long, so there is no dependency.

/** Returns floats in [0, 1). */
export type Random = () => number;

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, bound). */
export function randomInt(random: Random, bound: number): number {
  return Math.floor(random() * bound);
}

/** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
export function randomPermutation(random: Random, n: number): Int32Array {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm;
}
