// A large solve from scratch: from 20,000 row units the core takes every unit at once and routes
// the excesses to the hub in phases, instead of one search per unit. Checked against the
// optimality conditions of docs/capacitated.md ("The certificate"), written out here, and against
// the TypeScript twin step for step.
import { describe, expect, it } from 'vitest';
import { loadCores } from '../test/capacitated-implementations.js';
import { seededRandom } from '../test/seeded-random.js';
import type { FlowNetwork, FlowSolveResult } from './capacitated-network.js';
import { solveFlowNetworkReference } from './capacitated-reference.js';

const cores = await loadCores();

/**
 * `size` × `size` people with capacities 50–89 (so over 20,000 row units from 350 a side), about
 * 60% of the pairs, integer costs −(0..maxScore), and tier gains that are on, off or only for rows.
 */
function largeUnitNetwork(seed: number, size: number, maxScore: number): FlowNetwork {
  const next = seededRandom(seed);
  const rowStart = new Int32Array(size + 1);
  const arcCol: number[] = [];
  const arcCost: number[] = [];
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (next() < 0.4) continue;
      arcCol.push(j);
      arcCost.push(-Math.floor(next() * (maxScore + 1)));
    }
    rowStart[i + 1] = arcCol.length;
  }
  const colGain = seed % 3 === 0 ? 0 : (maxScore + 1) * size * 20;
  const rowGain = seed % 3 === 1 ? 0 : colGain * size + (maxScore + 1) * size * 20;
  const capacity = () => 50 + Math.floor(next() * 40);
  return {
    rows: size,
    cols: size,
    rowStart,
    arcCol: Int32Array.from(arcCol),
    arcCost: Float64Array.from(arcCost),
    rowCapacity: Int32Array.from({ length: size }, capacity),
    colCapacity: Int32Array.from({ length: size }, capacity),
    rowFirstCost: new Float64Array(size).fill(-rowGain),
    colFirstCost: new Float64Array(size).fill(-colGain),
  };
}

/**
 * Every way the flow breaks the capacities or the optimality conditions (reduced cost ≥ 0 on every
 * residual arc, π(hub) = 0): pairs, each person's next unit and last used unit.
 */
function certificateFailures(network: FlowNetwork, solution: FlowSolveResult): string[] {
  const { rows, cols, rowStart, arcCol, arcCost } = network;
  const { arcFlow, rowPotential, colPotential } = solution;
  const failures: string[] = [];
  const rowUsed = new Int32Array(rows);
  const colUsed = new Int32Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
      const reduced = arcCost[p] + rowPotential[i] - colPotential[arcCol[p]];
      if (arcFlow[p] === 0 ? reduced < 0 : reduced > 0) failures.push(`pair arc ${p}: reduced cost ${reduced}`);
      if (arcFlow[p] !== 0) {
        rowUsed[i]++;
        colUsed[arcCol[p]]++;
      }
    }
  }
  // A unit's cost: the first earns the tier gain (its negative first cost), the others nothing.
  const unitCost = (first: number, unit: number) => (unit === 1 ? first : 0);
  for (let i = 0; i < rows; i++) {
    const used = rowUsed[i];
    if (used > network.rowCapacity[i]) failures.push(`row ${i}: ${used} partners`);
    if (used < network.rowCapacity[i] && unitCost(network.rowFirstCost[i], used + 1) - rowPotential[i] < 0) {
      failures.push(`row ${i}: its next unit has negative reduced cost`);
    }
    if (used > 0 && rowPotential[i] - unitCost(network.rowFirstCost[i], used) < 0) {
      failures.push(`row ${i}: its last unit has positive reduced cost`);
    }
  }
  for (let j = 0; j < cols; j++) {
    const used = colUsed[j];
    if (used > network.colCapacity[j]) failures.push(`column ${j}: ${used} partners`);
    if (used < network.colCapacity[j] && unitCost(network.colFirstCost[j], used + 1) + colPotential[j] < 0) {
      failures.push(`column ${j}: its next unit has negative reduced cost`);
    }
    if (used > 0 && -unitCost(network.colFirstCost[j], used) - colPotential[j] < 0) {
      failures.push(`column ${j}: its last unit has positive reduced cost`);
    }
  }
  return failures;
}

/** Units a solve from scratch would activate one search at a time: each row's, up to its arcs. */
function rowUnits(network: FlowNetwork): number {
  let units = 0;
  for (let i = 0; i < network.rows; i++) {
    units += Math.min(network.rowCapacity[i], network.rowStart[i + 1] - network.rowStart[i]);
  }
  return units;
}

describe.each(cores)('a large solve from scratch ($name)', ({ solve }) => {
  it('routes tens of thousands of row units in phases, with far fewer searches, to a certified optimum', () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 3; seed++) {
      const network = largeUnitNetwork(seed, 350, seed === 2 ? 200 : 40);
      expect(rowUnits(network)).toBeGreaterThanOrEqual(20_000);
      const solution = solve(network);
      expect(solution.searches).toBeLessThan(rowUnits(network) / 4);
      failures.push(...certificateFailures(network, solution).map((failure) => `seed ${seed}: ${failure}`));
    }
    expect(failures).toEqual([]);
  });
});

it('checks a certificate that can fail: a solution with one pair dropped', () => {
  const network = largeUnitNetwork(4, 350, 40);
  const solution = solveFlowNetworkReference(network);
  expect(certificateFailures(network, solution)).toEqual([]);
  const arcFlow = solution.arcFlow.slice();
  arcFlow[arcFlow.indexOf(1)] = 0;
  expect(certificateFailures(network, { ...solution, arcFlow }).length).toBeGreaterThan(0);
});

it('takes the same steps in phases in the wasm (release and debug) and the TypeScript twin', () => {
  for (let seed = 5; seed <= 7; seed++) {
    const network = largeUnitNetwork(seed, 350, 40);
    expect(rowUnits(network)).toBeGreaterThanOrEqual(20_000);
    const [first, ...others] = cores.map((core) => core.solve(network));
    for (const other of others) {
      expect(other.searches).toBe(first.searches);
      expect(other.arcFlow).toEqual(first.arcFlow);
      expect(other.rowPotential).toEqual(first.rowPotential);
      expect(other.colPotential).toEqual(first.colPotential);
    }
  }
});
