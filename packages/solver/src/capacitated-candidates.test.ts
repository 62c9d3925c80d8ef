// The first candidates chosen by counting (whole scores in a small range, pairs given row by row)
// against the heaps' choice: each row and column keeps its best pairs, and the solve reaches the
// same optimum, with a certificate that holds.
import { describe, expect, it } from 'vitest';
import { selectCandidates, SPARE_CANDIDATES } from './capacitated-candidates.js';
import { prepareProblem } from './capacitated-problem.js';
import { solveCapacitated } from './capacitated.js';
import { instantiateSolverWasm } from './wasm-module.js';
import type { CapacitatedProblem } from './types.js';
import {
  bruteForceOptimum,
  certificateProblems,
  compareObjectives,
  objectiveOf,
  randomCase,
  resultPairs,
  toSparseProblem,
  type Case,
} from '../test/capacitated-oracles.js';

const wasm = await instantiateSolverWasm('release');

/** The sparse form with the pairs row by row, as the engine gives them (the counting path). */
function rowOrdered(c: Case): CapacitatedProblem {
  const problem = toSparseProblem(c);
  const { row, col, score } = problem.edges!;
  const order = [...row.keys()].sort((a, b) => row[a] - row[b] || col[a] - col[b]);
  return {
    ...problem,
    edges: {
      row: Int32Array.from(order, (k) => row[k]),
      col: Int32Array.from(order, (k) => col[k]),
      score: Float64Array.from(order, (k) => score[k]),
    },
  };
}

const wholeCase = (seed: number, rows: number, cols: number, density: number) =>
  randomCase(seed, {
    rows,
    cols,
    density,
    maxCapacity: 3,
    minScore: -3,
    maxScore: 12,
    step: 1,
    locks: 3,
    coverage: ['rows', 'cols'],
  });

describe('first candidates by counting', () => {
  it('gives each row and each column its best usable pairs (all above its threshold score)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const prepared = prepareProblem(rowOrdered(wholeCase(seed, 40, 35, 0.6)));
      expect(prepared.wholeScores).not.toBeNull();
      const chosen = selectCandidates(prepared);
      const taken = new Set<number>();
      for (let k = 0; k < chosen.size; k++) taken.add(chosen.edges[k]);
      const { rowResidual, colResidual, edgeRow, edgeCol, edgeScore, edgeState } = prepared;
      const usable = [...edgeRow.keys()].filter(
        (e) => edgeState[e] !== 2 && rowResidual[edgeRow[e]] > 0 && colResidual[edgeCol[e]] > 0,
      );
      for (const [side, residual, of] of [
        ['row', rowResidual, edgeRow],
        ['col', colResidual, edgeCol],
      ] as const) {
        for (let owner = 0; owner < residual.length; owner++) {
          const mine = usable.filter((e) => of[e] === owner);
          const keep = Math.min(mine.length, residual[owner] + SPARE_CANDIDATES);
          if (residual[owner] === 0 || keep === 0) continue;
          const scores = mine.map((e) => edgeScore[e]).sort((a, b) => b - a);
          const threshold = scores[keep - 1];
          const mineTaken = mine.filter((e) => taken.has(e));
          // Every pair above the threshold, and enough at it.
          expect(
            mine.filter((e) => edgeScore[e] > threshold).every((e) => taken.has(e)),
            `${side} ${owner}`,
          ).toBe(true);
          expect(mineTaken.length, `${side} ${owner}`).toBeGreaterThanOrEqual(keep);
        }
      }
    }
  });

  it('reaches brute force’s optimum on small shapes and the heaps’ optimum on larger ones', () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const c = wholeCase(seed, 1 + (seed % 6), 1 + ((seed * 5) % 6), 0.7);
      const found = objectiveOf(c, resultPairs(solveCapacitated(wasm, rowOrdered(c))));
      if (compareObjectives(found, bruteForceOptimum(c)) !== 0) failures.push(`small ${seed}: ${found}`);
    }
    for (let seed = 100; seed < 110; seed++) {
      const c = wholeCase(seed, 80 + seed, 70 + seed, 0.3);
      const counted = solveCapacitated(wasm, rowOrdered(c));
      const heaps = solveCapacitated(wasm, toSparseProblem(c));
      const [a, b] = [counted, heaps].map((r) => objectiveOf(c, resultPairs(r)));
      if (compareObjectives(a, b) !== 0) failures.push(`large ${seed}: counting ${a}, heaps ${b}`);
      for (const problem of certificateProblems(c, counted)) failures.push(`large ${seed}: ${problem}`);
    }
    expect(failures).toEqual([]);
  });
});
