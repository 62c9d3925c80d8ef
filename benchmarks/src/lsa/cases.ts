// The cost matrices of the assignment suite. Every solver gets exactly these, generated from a fixed
// seed per case, so results are comparable across solvers, runs and machines.
import { detectMapping, getPreset, INELIGIBLE, readParticipants, scorePairs } from '@mentor-matcher/engine';
import { generateMentorMatchData } from '@mentor-matcher/sample-data';
import type { DenseMatrix } from '@mentor-matcher/solver';
import { createRandom, randomInt, randomPermutation } from '../random.js';

/**
 * uniform, rectangular, forbidden: integer costs in [0, 1000). ties: integer costs in [0, 21), so
 * that each row has about size / 21 entries at every value. round: one round of the reference
 * Mentor Match system (below).
 */
export type CostCaseKind = 'uniform' | 'rectangular' | 'forbidden' | 'ties' | 'round';

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
/** Costs of the tie-heavy cases: integers in [0, TIES_COST_RANGE), i.e. 0–20. */
export const TIES_COST_RANGE = 21;
/** The tie-heavy case runs at every selected size from this one up (below it, ties are cheap for everyone). */
export const TIES_MIN_SIZE = 500;
export const DEFAULT_SEED = 20_260_601;

export const DEFAULT_UNIFORM_SIZES: readonly number[] = [100, 250, 500, 1000, 2000, 4000];

/**
 * The shaped cases of issues 2 and 17. Each runs when its larger side is among the selected sizes.
 * The tall rectangular case is the wide one transposed in shape: the solver works on the short
 * side's rows, so a taller-than-wide matrix is transposed on the way in.
 */
export const SHAPED_CASES: readonly CostCase[] = [
  shapedCase('rectangular', 500, 2000, 0),
  shapedCase('rectangular', 2000, 500, 0),
  shapedCase('forbidden', 1000, 1000, 0.4),
  shapedCase('round', 2000, 1000, 0),
];

function shapedCase(kind: CostCaseKind, rows: number, cols: number, forbiddenFraction: number): CostCase {
  const id =
    kind === 'forbidden' ? `forbidden${Math.round(forbiddenFraction * 100)}-${rows}` : `${kind}-${rows}x${cols}`;
  return {
    id,
    kind,
    rows,
    cols,
    size: Math.max(rows, cols),
    seed: DEFAULT_SEED + rows * 7 + cols * 13,
    forbiddenFraction,
  };
}

export function uniformCase(size: number, seed = DEFAULT_SEED + size): CostCase {
  return { id: `uniform-${size}`, kind: 'uniform', rows: size, cols: size, size, seed, forbiddenFraction: 0 };
}

/** Integer costs 0–20 at size × size: many equal costs in every row and column. */
export function tiesCase(size: number, seed = DEFAULT_SEED + 3 * size): CostCase {
  return { id: `ties-${size}`, kind: 'ties', rows: size, cols: size, size, seed, forbiddenFraction: 0 };
}

/**
 * Uniform cases at `sizes`, tie-heavy cases at those from TIES_MIN_SIZE up, then the shaped cases
 * whose larger side is one of them.
 */
export function selectCostCases(sizes: readonly number[]): CostCase[] {
  const uniform = sizes.map((size) => uniformCase(size));
  const ties = sizes.filter((size) => size >= TIES_MIN_SIZE).map((size) => tiesCase(size));
  const shaped = SHAPED_CASES.filter((c) => sizes.includes(c.size));
  return [...uniform, ...ties, ...shaped];
}

/**
 * Builds a case's matrix, row-major. In a forbidden case a hidden random permutation is always
 * allowed, so a complete assignment exists and every solver must find one.
 */
export function buildCostMatrix(costCase: CostCase): DenseMatrix {
  const { rows, cols, seed, forbiddenFraction } = costCase;
  if (costCase.kind === 'round') return buildRoundMatrix(rows, cols, seed);
  const random = createRandom(seed);
  const range = costCase.kind === 'ties' ? TIES_COST_RANGE : COST_RANGE;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = randomInt(random, range);
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

/**
 * One round of the reference Mentor Match system, which solved each round as a dense assignment
 * with scipy: `rows` generated mentees by `cols` mentors, scored with the `mentor-match` preset, the
 * score negated into a cost (so minimising the cost maximises the score), and an ineligible pair
 * worth 0 like an allowed pair scoring 0, as the reference scored it. Small integer scores, most
 * pairs ineligible: a tall matrix full of ties.
 */
function buildRoundMatrix(rows: number, cols: number, seed: number): DenseMatrix {
  const ruleSet = getPreset('mentor-match');
  const tables = generateMentorMatchData({ mentors: cols, mentees: rows, seed });
  const read = (role: 'mentor' | 'mentee') => {
    const table = tables[`${role}s`];
    return readParticipants(table, role, detectMapping(table.header, role, ruleSet), ruleSet).participants;
  };
  const { codes, scoreOfCode } = scorePairs(read('mentor'), read('mentee'), ruleSet);
  const data = new Float64Array(rows * cols);
  for (let k = 0; k < data.length; k++) data[k] = codes[k] === INELIGIBLE ? 0 : -scoreOfCode[codes[k]];
  return { data, rows, cols };
}
