// Pure TypeScript twin of assembly/capacitated.ts: the same algorithm, line for line, so the same
// test suite runs against both (and a reader can step through it in a debugger). The method, its
// invariants and references are in the header of assembly/capacitated.ts and in docs/capacitated.md.
// Two speed-ups of the wasm are left out here because they change no step of the algorithm: each
// column keeps a list of its used arcs in arc order (the order in which the scan below visits them),
// and a bit mask finds the lowest non-empty bucket (the same bucket as the scan from `lowest` here).
import { solveCapacitatedWith } from './capacitated-driver.js';
import type { FlowNetwork, FlowSolveResult } from './capacitated-network.js';
import type { CapacitatedProblem, CapacitatedResult } from './types.js';

/** Buckets of the search queue: distances up to this far beyond the window's start get one each. */
const BUCKETS = 64;
const NOT_QUEUED = -1;

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
  const touched = new Int32Array(nodes);
  const finalized = new Int32Array(nodes);
  let touchedCount = 0;
  let searches = 0;
  // The settled nodes of the current search are nearer than this: its limit, or the best exit found.
  let bound = 0;

  // The queue (see "Queue" in the header of assembly/capacitated.ts): one bucket per integer distance
  // from windowStart to windowStart + BUCKETS − 1, each a doubly linked list, newest first; the farther
  // keys in a binary heap. place[v]: NOT_QUEUED, v's bucket, or BUCKETS + its heap position.
  const bucketSpan = costsAreIntegers(network) ? BUCKETS : 0;
  const place = new Int32Array(nodes).fill(NOT_QUEUED);
  const nextInBucket = new Int32Array(nodes);
  const prevInBucket = new Int32Array(nodes);
  const bucketHead = new Int32Array(BUCKETS).fill(-1);
  const bucketTail = new Int32Array(BUCKETS).fill(-1);
  // Ties in a bucket go newest first in a unit's search, oldest first in a warm-start repair.
  let oldestFirst = false;
  let bucketed = 0;
  // Buckets below `lowest` are empty (keys only grow during a search).
  let lowest = 0;
  let windowStart = 0;
  const heapNode = new Int32Array(nodes);
  const heapKey = new Float64Array(nodes);
  let heapSize = 0;

  const heapPut = (k: number, node: number, key: number): void => {
    heapNode[k] = node;
    heapKey[k] = key;
    place[node] = BUCKETS + k;
  };
  const heapSiftUp = (start: number, node: number, key: number): void => {
    let k = start;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (heapKey[parent] <= key) break;
      heapPut(k, heapNode[parent], heapKey[parent]);
      k = parent;
    }
    heapPut(k, node, key);
  };
  const heapSiftDown = (start: number, node: number, key: number): void => {
    let k = start;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= heapSize) break;
      if (child + 1 < heapSize && heapKey[child + 1] < heapKey[child]) child++;
      if (heapKey[child] >= key) break;
      heapPut(k, heapNode[child], heapKey[child]);
      k = child;
    }
    heapPut(k, node, key);
  };
  const heapRemove = (k: number): void => {
    heapSize--;
    if (k === heapSize) return;
    const node = heapNode[heapSize];
    const key = heapKey[heapSize];
    if (k > 0 && heapKey[(k - 1) >> 1] > key) heapSiftUp(k, node, key);
    else heapSiftDown(k, node, key);
  };
  const enqueue = (v: number, d: number): void => {
    const offset = d - windowStart;
    if (offset < bucketSpan) {
      if (oldestFirst) {
        const tail = bucketTail[offset];
        nextInBucket[v] = -1;
        prevInBucket[v] = tail;
        if (tail >= 0) nextInBucket[tail] = v;
        else bucketHead[offset] = v;
        bucketTail[offset] = v;
      } else {
        const head = bucketHead[offset];
        nextInBucket[v] = head;
        prevInBucket[v] = -1;
        if (head >= 0) prevInBucket[head] = v;
        else bucketTail[offset] = v;
        bucketHead[offset] = v;
      }
      place[v] = offset;
      bucketed++;
    } else {
      heapSize++;
      heapSiftUp(heapSize - 1, v, d);
    }
  };
  const unlink = (v: number, b: number): void => {
    const before = prevInBucket[v];
    const after = nextInBucket[v];
    if (before >= 0) nextInBucket[before] = after;
    else bucketHead[b] = after;
    if (after >= 0) prevInBucket[after] = before;
    else bucketTail[b] = before;
    bucketed--;
  };
  const minKey = (): number => {
    if (bucketed === 0) {
      if (heapSize === 0) return Infinity;
      if (bucketSpan === 0) return heapKey[0];
      // The window moves to the heap's smallest key and takes every key within BUCKETS of it.
      windowStart = heapKey[0];
      lowest = 0;
      while (heapSize > 0 && heapKey[0] - windowStart < bucketSpan) {
        const v = heapNode[0];
        const key = heapKey[0];
        heapRemove(0);
        enqueue(v, key);
      }
    }
    while (bucketHead[lowest] < 0) lowest++;
    return windowStart + lowest;
  };
  const popMin = (): number => {
    let v: number;
    if (bucketed > 0) {
      v = bucketHead[lowest];
      unlink(v, lowest);
    } else {
      v = heapNode[0];
      heapRemove(0);
    }
    place[v] = NOT_QUEUED;
    return v;
  };
  // Only a node nearer than the bound is queued (one at the bound or beyond is never settled); a
  // settled node is never nearer than the current minimum (reduced costs are ≥ 0). True when v's
  // distance improved.
  const relax = (v: number, d: number, via: number): boolean => {
    if (!(d < dist[v]) || !(d < bound)) return false;
    if (dist[v] === Infinity) touched[touchedCount++] = v;
    else if (place[v] < BUCKETS) unlink(v, place[v]);
    else heapRemove(place[v] - BUCKETS);
    dist[v] = d;
    pred[v] = via;
    enqueue(v, d);
    return true;
  };
  const startSearch = (source: number): void => {
    searches++;
    touchedCount = 0;
    windowStart = 0;
    lowest = 0;
    dist[source] = 0;
    touched[touchedCount++] = source;
    enqueue(source, 0);
  };
  const finishSearch = (settledCount: number, cut: number): void => {
    for (let k = 0; k < settledCount; k++) {
      const v = finalized[k];
      potential[v] += dist[v] - cut;
    }
  };
  const clearSearch = (): void => {
    for (let k = 0; k < touchedCount; k++) {
      const v = touched[k];
      dist[v] = Infinity;
      place[v] = NOT_QUEUED;
    }
    bucketHead.fill(-1);
    bucketTail.fill(-1);
    bucketed = 0;
    heapSize = 0;
  };

  // Activates one more unit of `source`'s capacity, whose arc from the hub has reduced cost −limit < 0:
  // a shortest path from `source` back to the hub shorter than `limit` closes a negative cycle and is
  // augmented; otherwise the unit stays unused. Either way potentials move so every residual arc
  // keeps a non-negative reduced cost. The hub is not queued: each way into it (a column with room,
  // a row giving up its last unit) is tried when that node is reached, and lowers the bound.
  const activate = (source: number, limit: number): void => {
    oldestFirst = false;
    startSearch(source);
    let settledCount = 0;
    let hubPred = -1;
    bound = limit;
    for (;;) {
      const du = minKey();
      if (du >= bound) break;
      const u = popMin();
      finalized[settledCount++] = u;
      const pu = potential[u];
      if (u < rows) {
        for (let p = rowStart[u]; p < rowStart[u + 1]; p++) {
          if (flow[p] !== 0) continue;
          const v = rows + arcCol[p];
          const d = du + arcCost[p] + pu - potential[v];
          if (!relax(v, d, p)) continue;
          const j = v - rows;
          if (colUsed[j] < colCapacity[j]) {
            const exit = d + (colUsed[j] === 0 ? colFirstCost[j] : 0) + potential[v];
            if (exit < bound) {
              bound = exit;
              hubPred = v;
            }
          }
        }
      } else {
        const j = u - rows;
        for (let q = colStart[j]; q < colStart[j + 1]; q++) {
          const p = colArcs[q];
          if (flow[p] === 0) continue;
          const v = arcRow[p];
          const d = du - arcCost[p] + pu - potential[v];
          if (!relax(v, d, p) || v === source || rowUsed[v] === 0) continue;
          const exit = d - (rowUsed[v] === 1 ? rowFirstCost[v] : 0) + potential[v];
          if (exit < bound) {
            bound = exit;
            hubPred = v;
          }
        }
      }
    }
    finishSearch(settledCount, bound);
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
    clearSearch();
  };

  // Warm start (see the header of assembly/capacitated.ts): keep the previous optimum, saturate
  // every arc with negative reduced cost, and route each resulting column excess to a row
  // deficit along a shortest path, which may pass through the hub.
  const deficit = new Int32Array(rows);
  const excess = new Int32Array(cols);
  const repair = (source: number): void => {
    oldestFirst = true;
    startSearch(source);
    let settledCount = 0;
    let target = -1;
    bound = Infinity;
    const offer = (node: number, d: number, via: number): void => {
      if (relax(node, d, via) && node < rows && deficit[node] > 0) {
        target = node;
        bound = d;
      }
    };
    for (;;) {
      const du = minKey();
      if (du >= bound) break;
      const u = popMin();
      finalized[settledCount++] = u;
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
    }
    finishSearch(settledCount, bound);
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
    clearSearch();
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

/**
 * Whether every cost (and every potential a warm start brings) is an integer, so that every distance
 * is one and a bucket holds a single distance. The driver's costs always are.
 */
function costsAreIntegers(network: FlowNetwork): boolean {
  const all = [network.arcCost, network.rowFirstCost, network.colFirstCost];
  if (network.warmStart) all.push(network.warmStart.rowPotential, network.warmStart.colPotential);
  return all.every((values) => values.every((x) => Number.isInteger(x)));
}
