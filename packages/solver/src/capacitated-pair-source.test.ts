// The implicit form (a pair source instead of a list of pairs) against brute force on small
// shapes and against the listed form on larger ones. The sources here are plain scans of a written-
// down case: they share nothing with the solver's candidate selection or pricing.
import { describe, expect, it } from 'vitest';
import { solveCapacitatedFromSource, PairSet, sortCandidatesByRow } from './capacitated-pair-source.js';
import { candidateSetOfCapacity, growCandidateSet } from './capacitated-candidates.js';
import { solveCapacitated, wasmFlowSolve } from './capacitated.js';
import { CapacitatedProblemError } from './capacitated-errors.js';
import { tierGains } from './capacitated-problem.js';
import { instantiateSolverWasm } from './wasm-module.js';
import type { CapacitatedPairSource, CapacitatedProblem } from './types.js';
import {
  bruteForceOptimum,
  certificateProblems,
  compareObjectives,
  feasibilityProblems,
  objectiveOf,
  randomCase,
  resultPairs,
  toSparseProblem,
  type Case,
  type Coverage,
} from '../test/capacitated-oracles.js';

const wasm = await instantiateSolverWasm('release');
const solveFromSource = (problem: CapacitatedProblem) => solveCapacitatedFromSource(wasmFlowSolve(wasm), problem);

/** A source that scans the whole case for each question. */
function scanningSource(c: Case): CapacitatedPairSource & { readonly offered: { best: number; improving: number } } {
  const offered = { best: 0, improving: 0 };
  const scores = new Set<number>();
  let eligiblePairs = 0;
  for (let i = 0; i < c.rows; i++) {
    for (let j = 0; j < c.cols; j++) {
      if (!c.eligible[i][j]) continue;
      scores.add(c.score[i][j]);
      eligiblePairs++;
    }
  }
  const byScore = (list: { other: number; score: number }[]) =>
    list.sort((a, b) => b.score - a.score || a.other - b.other);
  return {
    offered,
    scores: [...scores],
    eligiblePairs,
    score: (i, j) => (c.eligible[i][j] ? c.score[i][j] : Number.NaN),
    offerBest(keepRow, keepCol, add) {
      for (let i = 0; i < c.rows; i++) {
        const mine = byScore(
          c.score[i].flatMap((score, j) => (c.eligible[i][j] && keepCol[j] > 0 ? [{ other: j, score }] : [])),
        );
        for (const { other, score } of mine.slice(0, keepRow[i])) {
          offered.best++;
          add(i, other, score);
        }
      }
      for (let j = 0; j < c.cols; j++) {
        const mine = byScore(
          c.score.flatMap((row, i) => (c.eligible[i][j] && keepRow[i] > 0 ? [{ other: i, score: row[j] }] : [])),
        );
        for (const { other, score } of mine.slice(0, keepCol[j])) {
          offered.best++;
          add(other, j, score);
        }
      }
    },
    offerImproving({ rowPotential, colPotential, scale }, sink) {
      for (let i = 0; i < c.rows; i++) {
        for (let j = 0; j < c.cols; j++) {
          if (!c.eligible[i][j]) continue;
          const gain = Math.round(c.score[i][j] * scale) - rowPotential[i] + colPotential[j];
          if (gain > sink.floor(i)) {
            offered.improving++;
            sink.offer(i, j, gain, c.score[i][j]);
          }
        }
      }
    },
  };
}

function toSourceProblem(c: Case): CapacitatedProblem {
  const { edges: _edges, ...rest } = toSparseProblem(c);
  return { ...rest, pairs: scanningSource(c) };
}

const coverages: Coverage[] = [['rows', 'cols'], ['rows'], []];

describe('capacitated assignment from a pair source', () => {
  it.each(coverages.map((coverage) => ({ coverage, label: JSON.stringify(coverage) })))(
    'matches brute force on every shape up to 5 × 5 with coverage $label',
    ({ coverage }) => {
      const failures: string[] = [];
      let seed = 7;
      for (let rows = 1; rows <= 5; rows++) {
        for (let cols = 1; cols <= 5; cols++) {
          for (const density of [0.3, 0.7, 1]) {
            const c = randomCase(seed++, {
              rows,
              cols,
              density,
              maxCapacity: 2,
              minScore: -2,
              maxScore: 6,
              step: 0.5,
              locks: seed % 3,
              coverage,
            });
            const result = solveFromSource(toSourceProblem(c));
            const found = objectiveOf(c, resultPairs(result));
            const best = bruteForceOptimum(c);
            if (compareObjectives(found, best) !== 0) failures.push(`seed ${seed}: found ${found}, best ${best}`);
            for (const problem of [...feasibilityProblems(c, result), ...certificateProblems(c, result)]) {
              failures.push(`seed ${seed}: ${problem}`);
            }
          }
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it('reaches the listed form’s tiers and total on larger cases with ties, pricing more than once', () => {
    const failures: string[] = [];
    let pricedAgain = 0;
    for (let n = 0; n < 6; n++) {
      const c = randomCase(300 + n, {
        rows: 60 + 20 * n,
        cols: 50 + 25 * n,
        density: 0.1 + 0.1 * (n % 4),
        maxCapacity: 3,
        minScore: 0,
        maxScore: 8,
        step: 1,
        locks: 5,
        coverage: coverages[n % 3],
      });
      const listed = solveCapacitated(wasm, toSparseProblem(c));
      const implicit = solveFromSource(toSourceProblem(c));
      const [a, b] = [listed, implicit].map((r) => objectiveOf(c, resultPairs(r)));
      if (compareObjectives(a, b) !== 0) failures.push(`case ${n}: listed ${a}, from a source ${b}`);
      // Rows covered is part of the objective only as a tier; without it, optima may cover different rows.
      const rowsDiffer = c.coverage.includes('rows') && implicit.rowsCovered !== listed.rowsCovered;
      if (implicit.total !== a[2] || rowsDiffer) failures.push(`case ${n}: totals`);
      for (const problem of [...feasibilityProblems(c, implicit), ...certificateProblems(c, implicit)]) {
        failures.push(`case ${n}: ${problem}`);
      }
      if ((implicit.work?.solves ?? 0) > 1) pricedAgain++;
    }
    expect(failures).toEqual([]);
    expect(pricedAgain).toBeGreaterThan(0);
  });

  it('refuses locks the source does not allow, twice over, or past a capacity', () => {
    const c = randomCase(5, {
      rows: 4,
      cols: 4,
      density: 0.5,
      maxCapacity: 1,
      minScore: 0,
      maxScore: 3,
      step: 1,
      locks: 0,
      coverage: ['rows'],
    });
    const ineligible = [...Array(16).keys()].find((k) => !c.eligible[Math.floor(k / 4)][k % 4])!;
    const eligible = [...Array(16).keys()].find((k) => c.eligible[Math.floor(k / 4)][k % 4])!;
    const withLocks = (keys: number[], capacity = 2): CapacitatedProblem => ({
      ...toSourceProblem(c),
      rowCapacity: new Int32Array(4).fill(capacity),
      colCapacity: new Int32Array(4).fill(capacity),
      locked: { row: Int32Array.from(keys, (k) => Math.floor(k / 4)), col: Int32Array.from(keys, (k) => k % 4) },
    });
    const codeOf = (problem: CapacitatedProblem) => {
      try {
        solveFromSource(problem);
        return 'solved';
      } catch (error) {
        return error instanceof CapacitatedProblemError ? error.code : String(error);
      }
    };
    expect(codeOf(withLocks([ineligible]))).toBe('locked-not-eligible');
    expect(codeOf(withLocks([eligible, eligible]))).toBe('locked-duplicate');
    expect(codeOf(withLocks([eligible], 0))).toBe('locked-over-capacity');
    expect(codeOf(withLocks([eligible]))).toBe('solved');
  });
});

describe('tier weights at national scale', () => {
  const sizes = { rows: 100_000, cols: 100_000, rowUnits: 300_000, colUnits: 300_000, freePairs: 1e10, scale: 1 };

  it('fit exact arithmetic at 100,000 a side with both tiers (the objective alone would pass 2^53)', () => {
    const { rowTierGain, colTierGain } = tierGains({
      ...sizes,
      coverage: { rows: true, cols: true },
      maxScaled: 28,
      minScaled: 0,
    });
    expect(colTierGain).toBe(300_000 * 28 + 1);
    expect(rowTierGain).toBe(colTierGain * 100_000 + 300_000 * 28 + 1);
    expect(rowTierGain * 100_000).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
  });

  it('still refuse weights whose potentials could leave exact integers', () => {
    expect(() => tierGains({ ...sizes, coverage: { rows: true, cols: true }, maxScaled: 28e6, minScaled: 0 })).toThrow(
      /too large for the solver's exact integer arithmetic/,
    );
  });
});

describe('PairSet', () => {
  it('holds pairs whose key passes 2^32, and grows without losing any', () => {
    const set = new PairSet(100_000, 100_000, 4);
    const pairs = Array.from({ length: 5_000 }, (_, k) => [(k * 7919) % 100_000, (k * 104_729) % 100_000] as const);
    for (const [i, j] of pairs) set.add(i, j);
    expect(pairs.every(([i, j]) => set.has(i, j))).toBe(true);
    expect(set.has(99_999, 99_998)).toBe(pairs.some(([i, j]) => i === 99_999 && j === 99_998));
    expect(set.add(pairs[0][0], pairs[0][1])).toBe(false);
    expect(set.size).toBe(new Set(pairs.map(([i, j]) => `${i},${j}`)).size);
  });

  it.each([
    [46_340, 'just fit in 4 bytes'], // 46,340² = 2,147,395,600 < 2^31
    [46_341, 'just do not fit in 4 bytes'], // 46,341² = 2,147,488,281
  ])('holds the largest pairs of a table of side %i, whose keys %s', (side) => {
    const set = new PairSet(side, side, 4);
    const pairs = [
      [side - 1, side - 1],
      [side - 1, 0],
      [0, side - 1],
      [12_345, 6_789],
    ] as const;
    for (const [i, j] of pairs) expect(set.add(i, j)).toBe(true);
    for (const [i, j] of pairs) expect(set.has(i, j)).toBe(true);
    expect(set.has(side - 2, side - 1)).toBe(false);
    expect(set.delete(side - 1, side - 1)).toBe(true);
    expect(set.has(side - 1, side - 1)).toBe(false);
    expect(set.size).toBe(3);
  });

  it.each([
    ['4-byte', 20],
    ['8-byte', 2 ** 31],
  ])('removes pairs and still finds every other, as a Set of the same pairs does (%s keys)', (_, rows) => {
    // 64 slots for at most 31 pairs of 140: long runs that wrap around the end of the table, so
    // that removals shift keys across the wrap and past keys of other home slots.
    const set = new PairSet(rows, 7, 32);
    const oracle = new Set<string>();
    let seed = 11;
    const random = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    let removed = 0;
    for (let step = 0; step < 20_000; step++) {
      const [i, j] = [random(20), random(7)];
      const key = `${i},${j}`;
      if (random(2) === 0 && oracle.size < 31) {
        expect(set.add(i, j)).toBe(!oracle.has(key));
        oracle.add(key);
      } else {
        const present = oracle.delete(key);
        expect(set.delete(i, j)).toBe(present);
        if (present) removed++;
      }
      if (step % 97 === 0) {
        for (let a = 0; a < 20; a++) for (let b = 0; b < 7; b++) expect(set.has(a, b)).toBe(oracle.has(`${a},${b}`));
      }
    }
    expect(set.size).toBe(oracle.size);
    expect(removed).toBeGreaterThan(2_000);
  });
});

describe('sortCandidatesByRow', () => {
  // The oracle: Array.prototype.sort is stable, so a row's candidates keep the order they came in.
  const stableByRow = (rows: number[], cols: number[]) =>
    rows.map((row, k) => ({ row, col: cols[k], k })).sort((a, b) => a.row - b.row);

  it('puts the candidates in row order, stably, and carries the chosen flags along, round after round', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const rows = 9;
    const candidates = candidateSetOfCapacity(4);
    const spare = candidateSetOfCapacity(0);
    const append = (count: number) => {
      for (let n = 0; n < count; n++) {
        if (candidates.size === candidates.row.length) growCandidateSet(candidates);
        const k = candidates.size++;
        candidates.row[k] = Math.floor(random() * rows);
        candidates.col[k] = Math.floor(random() * 1000);
        candidates.cost[k] = -candidates.col[k];
      }
    };
    let chosen = new Uint8Array(0);
    let sorted = 0;
    for (const added of [40, 7, 0, 23]) {
      append(added);
      const before = {
        rows: Array.from(candidates.row.subarray(0, candidates.size)),
        cols: Array.from(candidates.col.subarray(0, candidates.size)),
      };
      const flags = Array.from({ length: candidates.size }, (_, k) => (k < chosen.length ? chosen[k] : 0));
      const result = sortCandidatesByRow(candidates, sorted, rows, chosen, spare);
      const expected = stableByRow(before.rows, before.cols);
      expect(Array.from(candidates.row.subarray(0, candidates.size))).toEqual(expected.map((e) => e.row));
      expect(Array.from(candidates.col.subarray(0, candidates.size))).toEqual(expected.map((e) => e.col));
      expect(Array.from(candidates.cost.subarray(0, candidates.size))).toEqual(expected.map((e) => -e.col));
      expect(Array.from(result.chosen)).toEqual(expected.map((e) => flags[e.k]));
      for (let i = 0; i < rows; i++) {
        expect(result.rowStart[i + 1] - result.rowStart[i]).toBe(before.rows.filter((r) => r === i).length);
      }
      // Choose every third candidate for the next round; the sorted ones stay a prefix.
      chosen = Uint8Array.from(result.chosen, (_, k) => (k % 3 === 0 ? 1 : 0));
      sorted = candidates.size;
    }
  });
});
