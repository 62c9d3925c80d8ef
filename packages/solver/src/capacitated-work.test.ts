// result.work: counts of the solver's work that the benchmarks' regression check compares with a
// baseline, so they must not depend on the implementation, the machine or the run.
import { describe, expect, it } from 'vitest';
import { loadImplementations } from '../test/capacitated-implementations.js';
import { randomCase, toDenseProblem, toSparseProblem, type Case } from '../test/capacitated-oracles.js';
import type { CapacitatedWork } from './types.js';

const implementations = await loadImplementations();

/** Cases large enough that pricing adds pairs, some of them solved again from a warm start. */
function pricedCases(): Case[] {
  const cases: Case[] = [];
  for (const [size, density] of [
    [40, 0.9],
    [80, 0.9],
    [120, 0.6],
  ]) {
    for (let seed = 1; seed <= 4; seed++) {
      const shape = { rows: size, cols: size, density, maxCapacity: 3, minScore: 0, maxScore: 40, step: 1, locks: 3 };
      cases.push(randomCase(seed, { ...shape, coverage: ['rows', 'cols'] }));
    }
  }
  return cases;
}

/** 1 × 1, capacities 1, no coverage tiers: the objective is the pair's score alone. */
function onePair(score: number): Case {
  return {
    rows: 1,
    cols: 1,
    score: [[score]],
    eligible: [[true]],
    rowCapacity: [1],
    colCapacity: [1],
    locked: [],
    coverage: [],
  };
}

describe('work counts of the capacitated solver', () => {
  it('are the same from the wasm (release and debug) and the TypeScript twin, and from run to run', () => {
    const works: CapacitatedWork[] = [];
    for (const c of pricedCases()) {
      const problem = toSparseProblem(c);
      const [first, ...others] = [...implementations, implementations[0]].map(({ solve }) => solve(problem));
      for (const other of others) expect(other.work).toEqual(first.work);
      expect(first.work!.solves).toBe(first.certificate['solves']);
      works.push(first.work!);
    }
    // The cases exercise every count: more than one solve, pricing, and warm starts.
    expect(works.some((w) => w.solves > 1 && w.pricedPairs > 0)).toBe(true);
    expect(works.some((w) => w.warmStarts > 0)).toBe(true);
  });

  it.each(implementations)(
    'count one solve and no pricing when the first subset holds every pair ($name)',
    ({ solve }) => {
      // Each row and column keeps its capacity + 12 best pairs, so with 5 × 5 every pair is a candidate.
      const shape = { rows: 5, cols: 5, density: 1, maxCapacity: 2, minScore: 0, maxScore: 9, step: 1, locks: 0 };
      const c: Case = {
        ...randomCase(7, { ...shape, coverage: ['rows'] }),
        rowCapacity: [2, 2, 2, 2, 2],
        colCapacity: [2, 2, 2, 2, 2],
      };
      expect(solve(toDenseProblem(c)).work).toMatchObject({
        solves: 1,
        warmStarts: 0,
        candidatePairs: 25,
        pricedPairs: 0,
      });
    },
  );

  it.each(implementations)('count a search only for a unit that could improve the objective ($name)', ({ solve }) => {
    const taken = solve(toDenseProblem(onePair(10)));
    expect(taken.rowIndices.length).toBe(1);
    expect(taken.work).toEqual({ solves: 1, warmStarts: 0, searches: 1, candidatePairs: 1, pricedPairs: 0 });
    // A negative score with no coverage tier: the unit's arc from the hub has no negative reduced cost.
    const skipped = solve(toDenseProblem(onePair(-5)));
    expect(skipped.rowIndices.length).toBe(0);
    expect(skipped.work).toEqual({ solves: 1, warmStarts: 0, searches: 0, candidatePairs: 1, pricedPairs: 0 });
  });
});
