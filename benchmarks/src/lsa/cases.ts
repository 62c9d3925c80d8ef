// The cost matrices of the assignment suite. Every solver gets exactly these, generated from a fixed
// seed per case, so results are comparable across solvers, runs and machines.
import type { DenseMatrix } from '@mentor-matcher/solver';
import { createRandom, randomInt, randomPermutation } from '../random.js';

export type CostCaseKind = 'uniform' | 'rectangular' | 'forbidden';

export interface CostCase {
  /** Stable name, e.g. "uniform-1000" or "rectangular-500x2000". */
  readonly id: string;
  readonly kind: CostCaseKind;
  readonly rows: number;
  readonly cols: number;
  /** The size a chart plots the case at: the larger side. */
  readonly size: number;
  readonly seed: number;
  /** Share of pairs that are forbidden (cost Infinity). */
  readonly forbiddenFraction: number;
}

/** Costs are integers in [0, COST_RANGE): exact in float64, so totals compare with ===. */
export const COST_RANGE = 1000;
export const DEFAULT_SEED = 20_260_601;

export const DEFAULT_UNIFORM_SIZES: readonly number[] = [100, 250, 500, 1000, 2000, 4000];

/** The shaped cases of issue 2. Each runs when its larger side is among the selected sizes. */
export const SHAPED_CASES: readonly CostCase[] = [
  shapedCase('rectangular', 500, 2000, 0),
  shapedCase('forbidden', 1000, 1000, 0.4),
];

function shapedCase(kind: CostCaseKind, rows: number, cols: number, forbiddenFraction: number): CostCase {
  const id = kind === 'forbidden' ? `forbidden${Math.round(forbiddenFraction * 100)}-${rows}` : `${kind}-${rows}x${cols}`;
  return { id, kind, rows, cols, size: Math.max(rows, cols), seed: DEFAULT_SEED + rows * 7 + cols * 13, forbiddenFraction };
}

export function uniformCase(size: number, seed = DEFAULT_SEED + size): CostCase {
  return { id: `uniform-${size}`, kind: 'uniform', rows: size, cols: size, size, seed, forbiddenFraction: 0 };
}

/** Uniform cases at `sizes`, then the shaped cases whose larger side is one of them. */
export function selectCostCases(sizes: readonly number[]): CostCase[] {
  const uniform = sizes.map((size) => uniformCase(size));
  const shaped = SHAPED_CASES.filter((c) => sizes.includes(c.size));
  return [...uniform, ...shaped];
}

/**
 * Builds a case's matrix, row-major. In a forbidden case a hidden random permutation is always
 * allowed, so a complete assignment exists and every solver must find one.
 */
export function buildCostMatrix(costCase: CostCase): DenseMatrix {
  const { rows, cols, seed, forbiddenFraction } = costCase;
  const random = createRandom(seed);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = randomInt(random, COST_RANGE);
  if (forbiddenFraction > 0) {
    for (let i = 0; i < data.length; i++) if (random() < forbiddenFraction) data[i] = Infinity;
    const keep = randomPermutation(random, Math.max(rows, cols));
    for (let r = 0; r < rows; r++) {
      const c = keep[r];
      if (c < cols) data[r * cols + c] = randomInt(random, COST_RANGE);
    }
  }
  return { data, rows, cols };
}
