// The capacitated core on its own (no driver): the wasm and its TypeScript twin take the same steps,
// from scratch and from a warm start, and the search queue gives the same optimum whether the distances fit its buckets (integer costs)
// or all go to its heap (fractional costs).
import { describe, expect, it } from 'vitest';
import { loadCores } from '../test/capacitated-implementations.js';
import { seededRandom } from '../test/seeded-random.js';
import type { FlowNetwork, FlowSolveResult } from './capacitated-network.js';
import { solveFlowNetworkReference } from './capacitated-reference.js';

const cores = await loadCores();

/**
 * A random network with integer costs −(0..maxScore) on about half the pairs, tier gains that put
 * some distances beyond the queue's buckets, and capacities 0–3.
 */
function randomNetwork(seed: number, size: number, maxScore: number): FlowNetwork {
  const next = seededRandom(seed);
  const rows = 2 + Math.floor(next() * size);
  const cols = 2 + Math.floor(next() * size);
  const rowStart = new Int32Array(rows + 1);
  const arcCol: number[] = [];
  const arcCost: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (next() < 0.5) continue;
      arcCol.push(j);
      arcCost.push(-Math.floor(next() * (maxScore + 1)));
    }
    rowStart[i + 1] = arcCol.length;
  }
  const colGain = next() < 0.3 ? 0 : (maxScore + 1) * rows * 3;
  const rowGain = next() < 0.3 ? 0 : colGain * cols + (maxScore + 1) * rows * 3;
  return {
    rows,
    cols,
    rowStart,
    arcCol: Int32Array.from(arcCol),
    arcCost: Float64Array.from(arcCost),
    rowCapacity: Int32Array.from({ length: rows }, () => Math.floor(next() * 4)),
    colCapacity: Int32Array.from({ length: cols }, () => Math.floor(next() * 4)),
    rowFirstCost: new Float64Array(rows).fill(-rowGain),
    colFirstCost: new Float64Array(cols).fill(-colGain),
  };
}

/** The network without its odd-numbered arcs, and the index in `full` of each arc kept. */
function everyOtherArc(full: FlowNetwork): { network: FlowNetwork; fullArc: Int32Array } {
  const rowStart = new Int32Array(full.rows + 1);
  const fullArc: number[] = [];
  for (let i = 0; i < full.rows; i++) {
    for (let p = full.rowStart[i]; p < full.rowStart[i + 1]; p++) if (p % 2 === 0) fullArc.push(p);
    rowStart[i + 1] = fullArc.length;
  }
  return {
    network: {
      ...full,
      rowStart,
      arcCol: Int32Array.from(fullArc, (p) => full.arcCol[p]),
      arcCost: Float64Array.from(fullArc, (p) => full.arcCost[p]),
    },
    fullArc: Int32Array.from(fullArc),
  };
}

/** The same network with every cost multiplied by `factor`. */
function scaled(network: FlowNetwork, factor: number): FlowNetwork {
  const times = (values: Float64Array) => values.map((x) => x * factor);
  return {
    ...network,
    arcCost: times(network.arcCost),
    rowFirstCost: times(network.rowFirstCost),
    colFirstCost: times(network.colFirstCost),
  };
}

/** Total cost of a flow: chosen arcs plus each first unit used. */
function costOf(network: FlowNetwork, flow: Uint8Array): number {
  const rowUsed = new Int32Array(network.rows);
  const colUsed = new Int32Array(network.cols);
  let cost = 0;
  for (let i = 0; i < network.rows; i++) {
    for (let p = network.rowStart[i]; p < network.rowStart[i + 1]; p++) {
      if (flow[p] === 0) continue;
      cost += network.arcCost[p];
      rowUsed[i]++;
      colUsed[network.arcCol[p]]++;
    }
  }
  rowUsed.forEach((used, i) => {
    if (used > 0) cost += network.rowFirstCost[i];
  });
  colUsed.forEach((used, j) => {
    if (used > 0) cost += network.colFirstCost[j];
  });
  return cost;
}

/** Pair arcs whose reduced cost contradicts their flow (docs/capacitated.md, "The certificate"). */
function pairViolations(network: FlowNetwork, solution: FlowSolveResult): number {
  let violations = 0;
  for (let i = 0; i < network.rows; i++) {
    for (let p = network.rowStart[i]; p < network.rowStart[i + 1]; p++) {
      const reduced = network.arcCost[p] + solution.rowPotential[i] - solution.colPotential[network.arcCol[p]];
      if (solution.arcFlow[p] === 0 ? reduced < 0 : reduced > 0) violations++;
    }
  }
  return violations;
}

describe('capacitated core', () => {
  it('takes the same steps in the wasm (release and debug) and the TypeScript twin', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const network = randomNetwork(seed, seed % 2 === 0 ? 12 : 40, seed % 3 === 0 ? 200 : 40);
      const [first, ...others] = cores.map(({ solve }) => solve(network));
      for (const other of others) {
        expect(other.searches).toBe(first.searches);
        expect(other.arcFlow).toEqual(first.arcFlow);
        expect(other.rowPotential).toEqual(first.rowPotential);
        expect(other.colPotential).toEqual(first.colPotential);
      }
    }
  });

  it('takes the same steps in all three on a warm start', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const full = randomNetwork(seed, seed % 2 === 0 ? 12 : 40, seed % 3 === 0 ? 200 : 40);
      const { network: first, fullArc } = everyOtherArc(full);
      const previous = solveFlowNetworkReference(first);
      const arcFlow = new Uint8Array(full.arcCol.length);
      fullArc.forEach((p, a) => {
        arcFlow[p] = previous.arcFlow[a];
      });
      const warmStart = { arcFlow, rowPotential: previous.rowPotential, colPotential: previous.colPotential };
      const [reference, ...others] = cores.map(({ solve }) => solve({ ...full, warmStart }));
      for (const other of others) {
        expect(other.searches).toBe(reference.searches);
        expect(other.arcFlow).toEqual(reference.arcFlow);
        expect(other.rowPotential).toEqual(reference.rowPotential);
        expect(other.colPotential).toEqual(reference.colPotential);
      }
    }
  });

  it.each(cores)('finds the same optimum with fractional costs as with integer ones ($name)', ({ solve }) => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const integral = randomNetwork(seed, 12, 40);
      // Quarters are exact in binary, so the fractional network is the integral one, scaled exactly.
      const fractional = scaled(integral, 0.25);
      const fromBuckets = solve(integral);
      const fromHeap = solve(fractional);
      if (costOf(fractional, fromHeap.arcFlow) * 4 !== costOf(integral, fromBuckets.arcFlow)) {
        failures.push(
          `seed ${seed}: ${costOf(fractional, fromHeap.arcFlow) * 4} vs ${costOf(integral, fromBuckets.arcFlow)}`,
        );
      }
      if (pairViolations(fractional, fromHeap) > 0) failures.push(`seed ${seed}: fractional certificate`);
      if (pairViolations(integral, fromBuckets) > 0) failures.push(`seed ${seed}: integral certificate`);
    }
    expect(failures).toEqual([]);
  });
});
