// Independent judges of the capacitated solver, used by its tests: random cases, a brute-force
// optimum, a feasibility check and a certificate check that trusts nothing the solver computed
// except the numbers it returned.
import type { CapacitatedProblem, CapacitatedResult } from '../src/types.js';
import { seededRandom } from './seeded-random.js';

export type Coverage = readonly ('rows' | 'cols')[];

/** A small problem in the shape a person would write it down. */
export interface Case {
  readonly rows: number;
  readonly cols: number;
  /** score[i][j]; ignored where not eligible. */
  readonly score: readonly (readonly number[])[];
  readonly eligible: readonly (readonly boolean[])[];
  readonly rowCapacity: readonly number[];
  readonly colCapacity: readonly number[];
  readonly locked: readonly (readonly [number, number])[];
  readonly coverage: Coverage;
}

/** Objective as a lexicographic tuple: [rows covered or 0, columns covered or 0, total]. */
export type Objective = readonly [number, number, number];

export function toDenseProblem(c: Case): CapacitatedProblem {
  const scores = new Float64Array(c.rows * c.cols);
  const eligible = new Uint8Array(c.rows * c.cols);
  for (let i = 0; i < c.rows; i++) {
    for (let j = 0; j < c.cols; j++) {
      scores[i * c.cols + j] = c.score[i][j];
      eligible[i * c.cols + j] = c.eligible[i][j] ? 1 : 0;
    }
  }
  return { rows: c.rows, cols: c.cols, scores, eligible, ...common(c) };
}

/** The sparse form, pairs listed column-major so the solver cannot rely on their order. */
export function toSparseProblem(c: Case): CapacitatedProblem {
  const row: number[] = [];
  const col: number[] = [];
  const score: number[] = [];
  for (let j = c.cols - 1; j >= 0; j--) {
    for (let i = 0; i < c.rows; i++) {
      if (!c.eligible[i][j]) continue;
      row.push(i);
      col.push(j);
      score.push(c.score[i][j]);
    }
  }
  return {
    rows: c.rows,
    cols: c.cols,
    edges: { row: Int32Array.from(row), col: Int32Array.from(col), score: Float64Array.from(score) },
    ...common(c),
  };
}

function common(c: Case): Pick<CapacitatedProblem, 'rowCapacity' | 'colCapacity' | 'locked' | 'coverage'> {
  return {
    rowCapacity: Int32Array.from(c.rowCapacity),
    colCapacity: Int32Array.from(c.colCapacity),
    locked: { row: Int32Array.from(c.locked.map(([i]) => i)), col: Int32Array.from(c.locked.map(([, j]) => j)) },
    coverage: c.coverage,
  };
}

export interface CaseShape {
  readonly rows: number;
  readonly cols: number;
  readonly density: number;
  readonly maxCapacity: number;
  /** Scores are multiples of `step` in [minScore, maxScore]. */
  readonly minScore: number;
  readonly maxScore: number;
  readonly step: number;
  readonly locks: number;
  readonly coverage: Coverage;
}

/** A random case; locks are drawn among eligible pairs and kept within capacity. */
export function randomCase(seed: number, shape: CaseShape): Case {
  const next = seededRandom(seed);
  const { rows, cols } = shape;
  const steps = Math.round((shape.maxScore - shape.minScore) / shape.step);
  const score = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => shape.minScore + Math.floor(next() * (steps + 1)) * shape.step),
  );
  const eligible = Array.from({ length: rows }, () => Array.from({ length: cols }, () => next() < shape.density));
  const rowCapacity = Array.from({ length: rows }, () => Math.floor(next() * (shape.maxCapacity + 1)));
  const colCapacity = Array.from({ length: cols }, () => Math.floor(next() * (shape.maxCapacity + 1)));
  const locked: [number, number][] = [];
  const rowLocks = new Array<number>(rows).fill(0);
  const colLocks = new Array<number>(cols).fill(0);
  for (let attempt = 0; attempt < shape.locks * 4 && locked.length < shape.locks; attempt++) {
    const i = Math.floor(next() * rows);
    const j = Math.floor(next() * cols);
    if (!eligible[i][j] || rowLocks[i] >= rowCapacity[i] || colLocks[j] >= colCapacity[j]) continue;
    if (locked.some(([a, b]) => a === i && b === j)) continue;
    locked.push([i, j]);
    rowLocks[i]++;
    colLocks[j]++;
  }
  return { rows, cols, score, eligible, rowCapacity, colCapacity, locked, coverage: shape.coverage };
}

/**
 * The pairs' total score, exactly: each score (as its shortest decimal, String's) becomes an
 * integer at the largest number of decimal places among them, the integers are added as BigInts,
 * and the sum is divided back once. A running sum of doubles depends on the pairs' order (an
 * optimum listed in two orders once summed to 139.79999999999998 and 139.8).
 */
export function pairsTotal(c: Case, pairs: readonly (readonly [number, number])[]): number {
  const decimals = pairs.map(([i, j]) => decimalOf(c.score[i][j]));
  const places = Math.max(0, ...decimals.map((d) => d.places));
  const sum = decimals.reduce((total, d) => total + d.digits * 10n ** BigInt(places - d.places), 0n);
  return Number(sum) / 10 ** places;
}

/** A finite score as an integer and a number of decimal places: 32.4 → 324 and 1. */
function decimalOf(score: number): { digits: bigint; places: number } {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(score));
  if (!match) throw new Error(`pairsTotal: ${score} is not a finite score`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  let places = fraction.length - Number(exponent);
  let digits = BigInt(`${sign}${whole}${fraction}`);
  if (places < 0) {
    digits *= 10n ** BigInt(-places);
    places = 0;
  }
  return { digits, places };
}

export function objectiveOf(c: Case, pairs: readonly (readonly [number, number])[]): Objective {
  const rowHit = new Set(pairs.map(([i]) => i));
  const colHit = new Set(pairs.map(([, j]) => j));
  const total = pairsTotal(c, pairs);
  return [c.coverage.includes('rows') ? rowHit.size : 0, c.coverage.includes('cols') ? colHit.size : 0, total];
}

export function compareObjectives(a: Objective, b: Objective): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The best objective over every feasible set of pairs, by depth-first enumeration row by row. */
export function bruteForceOptimum(c: Case): Objective {
  // Locked pairs hold their columns' places from the start, whichever row is visited first.
  const colLoad = new Array<number>(c.cols).fill(0);
  for (const [, j] of c.locked) colLoad[j]++;
  const chosen: [number, number][] = [];
  let best: Objective | null = null;
  const visitRow = (i: number): void => {
    if (i === c.rows) {
      const value = objectiveOf(c, chosen);
      if (best === null || compareObjectives(value, best) > 0) best = value;
      return;
    }
    const mustTake = c.locked.filter(([r]) => r === i).map(([, j]) => j);
    const options: number[] = [];
    for (let j = 0; j < c.cols; j++) if (c.eligible[i][j] && !mustTake.includes(j)) options.push(j);
    const pick = (start: number, taken: number): void => {
      visitRow(i + 1);
      if (taken === c.rowCapacity[i]) return;
      for (let k = start; k < options.length; k++) {
        const j = options[k];
        if (colLoad[j] >= c.colCapacity[j]) continue;
        colLoad[j]++;
        chosen.push([i, j]);
        pick(k + 1, taken + 1);
        chosen.pop();
        colLoad[j]--;
      }
    };
    for (const j of mustTake) chosen.push([i, j]);
    pick(0, mustTake.length);
    for (let k = 0; k < mustTake.length; k++) chosen.pop();
  };
  visitRow(0);
  return best!;
}

export function resultPairs(result: CapacitatedResult): [number, number][] {
  return Array.from(result.rowIndices, (i, k) => [i, result.colIndices[k]] as [number, number]);
}

/** Every way the result can break the problem's rules, as sentences (empty = feasible and consistent). */
export function feasibilityProblems(c: Case, result: CapacitatedResult): string[] {
  const problems: string[] = [];
  const pairs = resultPairs(result);
  const seen = new Set<string>();
  const rowLoad = new Array<number>(c.rows).fill(0);
  const colLoad = new Array<number>(c.cols).fill(0);
  pairs.forEach(([i, j], k) => {
    if (!c.eligible[i]?.[j]) problems.push(`pair ${k} (${i},${j}) is not eligible`);
    if (seen.has(`${i},${j}`)) problems.push(`pair (${i},${j}) chosen twice`);
    seen.add(`${i},${j}`);
    rowLoad[i]++;
    colLoad[j]++;
    if (k > 0) {
      const [pi, pj] = pairs[k - 1];
      if (pi > i || (pi === i && pj >= j)) problems.push(`pairs not sorted at ${k}`);
    }
  });
  rowLoad.forEach((load, i) => load > c.rowCapacity[i] && problems.push(`row ${i} has ${load} > ${c.rowCapacity[i]}`));
  colLoad.forEach((load, j) => load > c.colCapacity[j] && problems.push(`col ${j} has ${load} > ${c.colCapacity[j]}`));
  for (const [i, j] of c.locked) if (!seen.has(`${i},${j}`)) problems.push(`locked (${i},${j}) missing`);
  const total = pairsTotal(c, pairs);
  if (Math.abs(total - result.total) > 1e-9 * Math.max(1, Math.abs(total)))
    problems.push(`total ${result.total} ≠ ${total}`);
  if (result.rowsCovered !== rowLoad.filter((l) => l > 0).length) problems.push('rowsCovered is wrong');
  if (result.colsCovered !== colLoad.filter((l) => l > 0).length) problems.push('colsCovered is wrong');
  return problems;
}

interface Certificate {
  readonly scale: number;
  readonly rowTierGain: number;
  readonly colTierGain: number;
  readonly rowPotential: Float64Array;
  readonly colPotential: Float64Array;
}

/**
 * Checks the optimality certificate as docs/capacitated.md states it: reduced-cost optimality of the
 * chosen pairs in the residual graph of ALL eligible pairs, and tier gains large enough that the
 * weighted optimum is the lexicographic one. Returns the violations (empty = proven optimal).
 */
export function certificateProblems(c: Case, result: CapacitatedResult): string[] {
  const problems: string[] = [];
  const cert = result.certificate as unknown as Certificate;
  const { scale, rowTierGain: wr, colTierGain: wc, rowPotential, colPotential } = cert;
  const scaled = (i: number, j: number): number => {
    const s = Math.round(c.score[i][j] * scale);
    if (s / scale !== c.score[i][j]) problems.push(`score (${i},${j}) is not exact at scale ${scale}`);
    return s;
  };
  const chosen = new Set(resultPairs(result).map(([i, j]) => `${i},${j}`));
  const isLocked = (i: number, j: number): boolean => c.locked.some(([a, b]) => a === i && b === j);
  const rowLoad = new Array<number>(c.rows).fill(0);
  const colLoad = new Array<number>(c.cols).fill(0);
  const rowLocks = new Array<number>(c.rows).fill(0);
  const colLocks = new Array<number>(c.cols).fill(0);
  for (const [i, j] of resultPairs(result)) {
    rowLoad[i]++;
    colLoad[j]++;
  }
  for (const [i, j] of c.locked) {
    rowLocks[i]++;
    colLocks[j]++;
  }
  if (!c.coverage.includes('rows') && wr !== 0) problems.push('row tier gain without rows coverage');
  if (!c.coverage.includes('cols') && wc !== 0) problems.push('column tier gain without cols coverage');
  // Unit k of a person's capacity (counted with the locked pairs first) costs −gain for k = 1, else 0.
  const rowUnit = (k: number): number => (k === 1 ? -wr : 0);
  const colUnit = (k: number): number => (k === 1 ? -wc : 0);

  let freePairs = 0;
  let maxScaled = 0;
  let minScaled = 0;
  for (let i = 0; i < c.rows; i++) {
    for (let j = 0; j < c.cols; j++) {
      if (!c.eligible[i][j] || isLocked(i, j)) continue;
      const s = scaled(i, j);
      freePairs++;
      maxScaled = Math.max(maxScaled, s);
      minScaled = Math.min(minScaled, s);
      const reduced = -s + rowPotential[i] - colPotential[j];
      if (chosen.has(`${i},${j}`) ? reduced > 0 : reduced < 0) {
        problems.push(
          `pair (${i},${j}) ${chosen.has(`${i},${j}`) ? 'chosen' : 'unchosen'} has reduced cost ${reduced}`,
        );
      }
    }
  }
  for (let i = 0; i < c.rows; i++) {
    const f = rowLoad[i];
    if (f < c.rowCapacity[i] && rowUnit(f + 1) - rowPotential[i] < 0)
      problems.push(`row ${i}: unused unit has negative reduced cost`);
    if (f > rowLocks[i] && -rowUnit(f) + rowPotential[i] < 0)
      problems.push(`row ${i}: used unit has negative reverse reduced cost`);
  }
  for (let j = 0; j < c.cols; j++) {
    const g = colLoad[j];
    if (g < c.colCapacity[j] && colUnit(g + 1) + colPotential[j] < 0)
      problems.push(`col ${j}: unused unit has negative reduced cost`);
    if (g > colLocks[j] && -colUnit(g) - colPotential[j] < 0)
      problems.push(`col ${j}: used unit has negative reverse reduced cost`);
  }
  const rowUnits = c.rowCapacity.reduce((sum, cap, i) => sum + cap - rowLocks[i], 0);
  const colUnits = c.colCapacity.reduce((sum, cap, j) => sum + cap - colLocks[j], 0);
  const span = Math.min(rowUnits, colUnits, freePairs) * (maxScaled - minScaled);
  if (c.coverage.includes('cols') && !(wc > span))
    problems.push(`column tier gain ${wc} does not exceed the score span ${span}`);
  if (c.coverage.includes('rows') && !(wr > wc * c.cols + span)) problems.push(`row tier gain ${wr} is not dominant`);
  return problems;
}
