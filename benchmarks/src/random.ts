// One seeded generator for every suite, so that every solver sees the same matrices and a run can be
// repeated exactly: the sample-data generator's mulberry32, so the project has one PRNG.
import { createRandom as createSampleRandom } from '@mentor-matcher/sample-data';

/** Returns floats in [0, 1). */
export type Random = () => number;

export function createRandom(seed: number): Random {
  return createSampleRandom(seed).next;
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
