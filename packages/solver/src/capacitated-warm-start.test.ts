// The warm start on its own: solve a network, add arcs, re-solve from the previous optimum, and
// compare with a solve from scratch of the larger network: a few excesses (one search each) and
// thousands (routed in phases).
import { describe, expect, it } from 'vitest';
import { loadCores } from '../test/capacitated-implementations.js';
import { seededRandom } from '../test/seeded-random.js';
import type { FlowNetwork, FlowSolution, FlowSolve, FlowSolveResult } from './capacitated-network.js';
import { solveFlowNetworkReference } from './capacitated-reference.js';

const cores = await loadCores();

interface RandomNetwork {
  readonly full: FlowNetwork;
  /** Per arc of `full`: 1 when it is also in the smaller first network. */
  readonly inFirst: Uint8Array;
}

/**
 * A random network of up to 13 × 13 people, or `size` × `size` when given; about `firstShare` of
 * its arcs are in the smaller first network.
 */
function randomNetwork(seed: number, size?: number, firstShare = 0.4): RandomNetwork {
  const next = seededRandom(seed);
  const rows = size ?? 2 + Math.floor(next() * 12);
  const cols = size ?? 2 + Math.floor(next() * 12);
  const rowStart = new Int32Array(rows + 1);
  const arcCol: number[] = [];
  const arcCost: number[] = [];
  const inFirst: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (next() < 0.5) continue;
      arcCol.push(j);
      arcCost.push(-Math.floor(next() * 41));
      inFirst.push(next() < firstShare ? 1 : 0);
    }
    rowStart[i + 1] = arcCol.length;
  }
  const rowGain = next() < 0.5 ? 0 : 10_000;
  const colGain = next() < 0.5 ? 0 : 100;
  return {
    full: {
      rows,
      cols,
      rowStart,
      arcCol: Int32Array.from(arcCol),
      arcCost: Float64Array.from(arcCost),
      rowCapacity: Int32Array.from({ length: rows }, () => Math.floor(next() * 4)),
      colCapacity: Int32Array.from({ length: cols }, () => Math.floor(next() * 4)),
      rowFirstCost: new Float64Array(rows).fill(-rowGain),
      colFirstCost: new Float64Array(cols).fill(-colGain),
    },
    inFirst: Uint8Array.from(inFirst),
  };
}

/** The network restricted to the arcs flagged in `keep`, and the index of each kept arc in `full`. */
function subnetwork(full: FlowNetwork, keep: Uint8Array): { network: FlowNetwork; fullArc: Int32Array } {
  const rowStart = new Int32Array(full.rows + 1);
  const arcCol: number[] = [];
  const arcCost: number[] = [];
  const fullArc: number[] = [];
  for (let i = 0; i < full.rows; i++) {
    for (let p = full.rowStart[i]; p < full.rowStart[i + 1]; p++) {
      if (keep[p] === 0) continue;
      arcCol.push(full.arcCol[p]);
      arcCost.push(full.arcCost[p]);
      fullArc.push(p);
    }
    rowStart[i + 1] = arcCol.length;
  }
  return {
    network: { ...full, rowStart, arcCol: Int32Array.from(arcCol), arcCost: Float64Array.from(arcCost) },
    fullArc: Int32Array.from(fullArc),
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

/** Solves the smaller network, then the larger one from its optimum and from scratch. */
function warmAndCold(solve: FlowSolve, { full, inFirst }: RandomNetwork) {
  const { network: first, fullArc } = subnetwork(full, inFirst);
  const firstSolution = solve(first);
  const arcFlow = new Uint8Array(full.arcCol.length);
  fullArc.forEach((p, a) => {
    arcFlow[p] = firstSolution.arcFlow[a];
  });
  // The arcs a warm start saturates: unused, with negative reduced cost under the first optimum.
  let saturated = 0;
  for (let i = 0; i < full.rows; i++) {
    for (let p = full.rowStart[i]; p < full.rowStart[i + 1]; p++) {
      const reduced = full.arcCost[p] + firstSolution.rowPotential[i] - firstSolution.colPotential[full.arcCol[p]];
      if (arcFlow[p] === 0 && reduced < 0) saturated++;
    }
  }
  const warmStart: FlowSolution = {
    arcFlow,
    rowPotential: firstSolution.rowPotential,
    colPotential: firstSolution.colPotential,
  };
  return { warm: solve({ ...full, warmStart }), cold: solve(full), saturated };
}

/** Differences from the optimum: the cost against a solve from scratch, and arcs out of balance. */
function warmFailures(full: FlowNetwork, warm: FlowSolveResult, cold: FlowSolveResult, label: string): string[] {
  const failures: string[] = [];
  if (costOf(full, warm.arcFlow) !== costOf(full, cold.arcFlow)) {
    failures.push(`${label}: warm ${costOf(full, warm.arcFlow)}, cold ${costOf(full, cold.arcFlow)}`);
  }
  for (let i = 0; i < full.rows; i++) {
    for (let p = full.rowStart[i]; p < full.rowStart[i + 1]; p++) {
      const reduced = full.arcCost[p] + warm.rowPotential[i] - warm.colPotential[full.arcCol[p]];
      if (warm.arcFlow[p] === 0 ? reduced < 0 : reduced > 0)
        failures.push(`${label}: arc ${p} has reduced cost ${reduced}`);
    }
  }
  return failures;
}

describe.each(cores)('warm start of the capacitated core ($name)', ({ solve }) => {
  it('reaches the optimum of the larger network from the optimum of the smaller one', () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 200; seed++) {
      const network = randomNetwork(seed);
      const { warm, cold } = warmAndCold(solve, network);
      failures.push(...warmFailures(network.full, warm, cold, `seed ${seed}`));
    }
    expect(failures).toEqual([]);
  });

  it('routes thousands of excesses in phases, with far fewer searches, to the same optimum', () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 3; seed++) {
      const network = randomNetwork(seed, 500, 0.1);
      const { warm, cold, saturated } = warmAndCold(solve, network);
      // From 2,000 excess units the core routes them in phases (PHASED_REPAIR_FROM), not one search each.
      expect(saturated).toBeGreaterThanOrEqual(2000);
      expect(warm.searches).toBeLessThan(saturated / 4);
      failures.push(...warmFailures(network.full, warm, cold, `seed ${seed}`));
    }
    expect(failures).toEqual([]);
  });
});

it('routes in phases exactly as its TypeScript twin does', () => {
  const network = randomNetwork(4, 500, 0.1);
  const [wasm, twin] = [cores[0].solve, solveFlowNetworkReference].map((solve) => warmAndCold(solve, network));
  expect(wasm.saturated).toBeGreaterThanOrEqual(2000);
  expect(wasm.warm.searches).toBe(twin.warm.searches);
  expect(wasm.warm.arcFlow).toEqual(twin.warm.arcFlow);
  expect(wasm.warm.rowPotential).toEqual(twin.warm.rowPotential);
  expect(wasm.warm.colPotential).toEqual(twin.warm.colPotential);
});
