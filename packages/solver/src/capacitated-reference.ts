// Pure TypeScript twin of assembly/capacitated.ts: the same algorithm, line for line, so the same
// test suite runs against both (and a reader can step through it in a debugger). The method, its
// invariants and references are in the header of assembly/capacitated.ts and in docs/capacitated.md.
// Two speed-ups of the wasm are left out here because they change no step of the algorithm: its
// heap stores each entry's distance beside the node, and each column keeps a list of its used arcs
// in arc order (the order in which the scan below visits them).
import { solveCapacitatedWith } from './capacitated-driver.js';
import type { FlowNetwork, FlowSolveResult } from './capacitated-network.js';
import type { CapacitatedProblem, CapacitatedResult } from './types.js';

/** `solveCapacitated` without wasm: slower, same results. */
export function solveCapacitatedReference(problem: CapacitatedProblem): CapacitatedResult {
  return solveCapacitatedWith(solveFlowNetworkReference, problem);
}

export function solveFlowNetworkReference(network: FlowNetwork): FlowSolveResult {
  const { rows, cols, rowStart, arcCol, arcCost, rowCapacity, colCapacity, rowFirstCost, colFirstCost } = network;
  const arcs = arcCol.length;
  const hub = rows + cols;
  const nodes = hub + 1;

  const arcRow = new Int32Array(arcs);
  const colStart = new Int32Array(cols + 1);
  for (let i = 0; i < rows; i++) {
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
      arcRow[p] = i;
      colStart[arcCol[p] + 1]++;
    }
  }
  for (let j = 0; j < cols; j++) colStart[j + 1] += colStart[j];
  const colArcs = new Int32Array(arcs);
  const colFill = colStart.slice(0, cols);
  for (let p = 0; p < arcs; p++) colArcs[colFill[arcCol[p]]++] = p;

  const flow = new Uint8Array(arcs);
  const rowUsed = new Int32Array(rows);
  const colUsed = new Int32Array(cols);
  const potential = new Float64Array(nodes);

  // Zero flow with no row unit active: columns need potential ≥ their first unit's gain, rows
  // ≥ every arc's (column potential − cost); the smallest such values.
  for (let j = 0; j < cols; j++) potential[rows + j] = -colFirstCost[j];
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
      const candidate = potential[rows + arcCol[p]] - arcCost[p];
      if (p === rowStart[i] || candidate > best) best = candidate;
    }
    potential[i] = best;
  }

  const dist = new Float64Array(nodes).fill(Infinity);
  const pred = new Int32Array(nodes);
  const settled = new Uint8Array(nodes);
  const heap = new Int32Array(nodes);
  const heapPos = new Int32Array(nodes).fill(-1);
  const touched = new Int32Array(nodes);
  const finalized = new Int32Array(nodes);
  let heapSize = 0;
  let touchedCount = 0;
  let searches = 0;

  const siftUp = (start: number): void => {
    let k = start;
    const node = heap[k];
    const d = dist[node];
    while (k > 0) {
      const parent = (k - 1) >> 1;
      const parentNode = heap[parent];
      if (dist[parentNode] <= d) break;
      heap[k] = parentNode;
      heapPos[parentNode] = k;
      k = parent;
    }
    heap[k] = node;
    heapPos[node] = k;
  };
  const popMin = (): number => {
    const top = heap[0];
    heapPos[top] = -1;
    heapSize--;
    if (heapSize > 0) {
      const node = heap[heapSize];
      const d = dist[node];
      let k = 0;
      for (;;) {
        let child = 2 * k + 1;
        if (child >= heapSize) break;
        if (child + 1 < heapSize && dist[heap[child + 1]] < dist[heap[child]]) child++;
        if (dist[heap[child]] >= d) break;
        heap[k] = heap[child];
        heapPos[heap[k]] = k;
        k = child;
      }
      heap[k] = node;
      heapPos[node] = k;
    }
    return top;
  };
  const relax = (node: number, d: number, via: number): void => {
    if (settled[node] !== 0 || d >= dist[node]) return;
    if (dist[node] === Infinity) touched[touchedCount++] = node;
    dist[node] = d;
    pred[node] = via;
    if (heapPos[node] < 0) {
      heap[heapSize] = node;
      heapPos[node] = heapSize;
      heapSize++;
    }
    siftUp(heapPos[node]);
  };

  // Activates one more unit of `source`'s capacity, whose arc from the hub has reduced cost −limit < 0:
  // a shortest path from `source` back to the hub shorter than `limit` closes a negative cycle and is
  // augmented; otherwise the unit stays unused. Either way potentials move so every residual arc
  // keeps a non-negative reduced cost.
  const activate = (source: number, limit: number): void => {
    searches++;
    heapSize = 0;
    touchedCount = 0;
    let finalizedCount = 0;
    dist[source] = 0;
    touched[touchedCount++] = source;
    heap[heapSize++] = source;
    heapPos[source] = 0;
    let hubPred = -1;
    let cut = limit;
    while (heapSize > 0) {
      const u = popMin();
      const du = dist[u];
      if (du >= limit) break;
      if (u === hub) {
        cut = du;
        hubPred = pred[hub];
        break;
      }
      settled[u] = 1;
      finalized[finalizedCount++] = u;
      const pu = potential[u];
      if (u < rows) {
        for (let p = rowStart[u]; p < rowStart[u + 1]; p++) {
          if (flow[p] !== 0) continue;
          const v = rows + arcCol[p];
          relax(v, du + arcCost[p] + pu - potential[v], p);
        }
        if (u !== source && rowUsed[u] > 0) {
          const lastCost = rowUsed[u] === 1 ? rowFirstCost[u] : 0;
          relax(hub, du - lastCost + pu, u);
        }
      } else {
        const j = u - rows;
        for (let q = colStart[j]; q < colStart[j + 1]; q++) {
          const p = colArcs[q];
          if (flow[p] === 0) continue;
          const v = arcRow[p];
          relax(v, du - arcCost[p] + pu - potential[v], p);
        }
        if (colUsed[j] < colCapacity[j]) {
          const nextCost = colUsed[j] === 0 ? colFirstCost[j] : 0;
          relax(hub, du + nextCost + pu, u);
        }
      }
      // Reduced costs are ≥ 0, so nothing still in the heap can reach the hub by a shorter path:
      // stop now rather than settle every other node at this distance (ties are common with small
      // integer scores).
      if (dist[hub] <= du && du < limit) {
        cut = du;
        hubPred = pred[hub];
        break;
      }
    }
    for (let k = 0; k < finalizedCount; k++) {
      const v = finalized[k];
      potential[v] += dist[v] - cut;
    }
    if (hubPred >= 0) {
      let v = hubPred;
      if (v < rows) rowUsed[v]--;
      else colUsed[v - rows]++;
      for (;;) {
        if (v >= rows) {
          const p = pred[v];
          flow[p] = 1;
          v = arcRow[p];
        } else {
          if (v === source) break;
          const p = pred[v];
          flow[p] = 0;
          v = rows + arcCol[p];
        }
      }
      rowUsed[source]++;
    }
    for (let k = 0; k < touchedCount; k++) {
      const v = touched[k];
      dist[v] = Infinity;
      settled[v] = 0;
      heapPos[v] = -1;
    }
  };

  // Warm start (see the header of assembly/capacitated.ts): keep the previous optimum, saturate
  // every arc with negative reduced cost, and route each resulting column excess to a row
  // deficit along a shortest path, which may pass through the hub.
  const deficit = new Int32Array(rows);
  const excess = new Int32Array(cols);
  const repair = (source: number): void => {
    searches++;
    heapSize = 0;
    touchedCount = 0;
    let finalizedCount = 0;
    dist[source] = 0;
    touched[touchedCount++] = source;
    heap[heapSize++] = source;
    heapPos[source] = 0;
    let target = -1;
    let targetDist = Infinity;
    let cut = 0;
    const offer = (node: number, d: number, via: number): void => {
      relax(node, d, via);
      if (node < rows && deficit[node] > 0 && dist[node] < targetDist) {
        target = node;
        targetDist = dist[node];
      }
    };
    while (heapSize > 0) {
      const u = popMin();
      const du = dist[u];
      if (u === target) {
        cut = du;
        break;
      }
      settled[u] = 1;
      finalized[finalizedCount++] = u;
      const pu = potential[u];
      if (u < rows) {
        for (let p = rowStart[u]; p < rowStart[u + 1]; p++) {
          if (flow[p] !== 0) continue;
          const v = rows + arcCol[p];
          offer(v, du + arcCost[p] + pu - potential[v], p);
        }
        if (rowUsed[u] > 0) offer(hub, du - (rowUsed[u] === 1 ? rowFirstCost[u] : 0) + pu - potential[hub], u);
      } else if (u < hub) {
        const j = u - rows;
        for (let q = colStart[j]; q < colStart[j + 1]; q++) {
          const p = colArcs[q];
          if (flow[p] === 0) continue;
          const v = arcRow[p];
          offer(v, du - arcCost[p] + pu - potential[v], p);
        }
        if (colUsed[j] < colCapacity[j])
          offer(hub, du + (colUsed[j] === 0 ? colFirstCost[j] : 0) + pu - potential[hub], u);
      } else {
        for (let i = 0; i < rows; i++) {
          if (rowUsed[i] < rowCapacity[i])
            offer(i, du + (rowUsed[i] === 0 ? rowFirstCost[i] : 0) + pu - potential[i], -1);
        }
        for (let j = 0; j < cols; j++) {
          if (colUsed[j] > 0)
            offer(rows + j, du - (colUsed[j] === 1 ? colFirstCost[j] : 0) + pu - potential[rows + j], -1);
        }
      }
      if (targetDist <= du) {
        cut = du;
        break;
      }
    }
    for (let k = 0; k < finalizedCount; k++) {
      const v = finalized[k];
      potential[v] += dist[v] - cut;
    }
    // A path always exists (see the header of assembly/capacitated.ts), so the target is a row in deficit.
    if (target < 0) throw new Error('warm start: no path from an excess to a deficit');
    let v = target;
    while (v !== source) {
      if (v === hub) {
        const u = pred[hub];
        if (u < rows) rowUsed[u]--;
        else colUsed[u - rows]++;
        v = u;
      } else if (pred[v] < 0) {
        if (v < rows) rowUsed[v]++;
        else colUsed[v - rows]--;
        v = hub;
      } else if (v < rows) {
        const p = pred[v];
        flow[p] = 0;
        v = rows + arcCol[p];
      } else {
        const p = pred[v];
        flow[p] = 1;
        v = arcRow[p];
      }
    }
    deficit[target]--;
    excess[source - rows]--;
    for (let k = 0; k < touchedCount; k++) {
      const w = touched[k];
      dist[w] = Infinity;
      settled[w] = 0;
      heapPos[w] = -1;
    }
  };

  const warm = network.warmStart;
  if (warm !== undefined) {
    flow.set(warm.arcFlow);
    potential.set(warm.rowPotential, 0);
    potential.set(warm.colPotential, rows);
    potential[hub] = 0;
    for (let i = 0; i < rows; i++) {
      for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
        if (flow[p] === 0) continue;
        rowUsed[i]++;
        colUsed[arcCol[p]]++;
      }
    }
    for (let i = 0; i < rows; i++) {
      for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
        if (flow[p] !== 0 || arcCost[p] + potential[i] - potential[rows + arcCol[p]] >= 0) continue;
        flow[p] = 1;
        deficit[i]++;
        excess[arcCol[p]]++;
      }
    }
    for (let j = 0; j < cols; j++) while (excess[j] > 0) repair(rows + j);
    const shift = potential[hub];
    for (let v = 0; v < nodes; v++) potential[v] -= shift;
    return {
      arcFlow: flow,
      rowPotential: potential.slice(0, rows),
      colPotential: potential.slice(rows, rows + cols),
      searches,
    };
  }

  // A row never uses more units than it has arcs, so a huge capacity costs no empty levels.
  const usableUnits = (i: number): number => Math.min(rowCapacity[i], rowStart[i + 1] - rowStart[i]);
  let maxCapacity = 0;
  for (let i = 0; i < rows; i++) maxCapacity = Math.max(maxCapacity, usableUnits(i));
  for (let level = 1; level <= maxCapacity; level++) {
    for (let i = 0; i < rows; i++) {
      if (usableUnits(i) < level) continue;
      const nextCost = rowUsed[i] === 0 ? rowFirstCost[i] : 0;
      const limit = potential[i] - nextCost;
      if (limit > 0) activate(i, limit);
    }
  }
  // The units beyond a row's arcs were never activated; their arcs from the hub need reduced cost
  // ≥ 0 too. Lowering the potential to the next unit's cost does it, and keeps every other arc at
  // the row feasible (the row's pairs are all chosen, and the reverse of its last unit costs less).
  for (let i = 0; i < rows; i++) {
    if (usableUnits(i) < rowCapacity[i]) potential[i] = Math.min(potential[i], rowUsed[i] === 0 ? rowFirstCost[i] : 0);
  }

  return {
    arcFlow: flow,
    rowPotential: potential.slice(0, rows),
    colPotential: potential.slice(rows, rows + cols),
    searches,
  };
}
