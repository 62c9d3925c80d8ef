// Pure TypeScript twin of assembly/capacitated.ts: the same algorithm, line for line, so the same
// test suite runs against both (and a reader can step through it in a debugger). The method, its
// invariants and references are in the header of assembly/capacitated.ts and in docs/capacitated.md.
// Three speed-ups of the wasm are left out here because they change no step of the algorithm: each
// column keeps a list of its used arcs in arc order (the order in which the scans below visit them;
// a warm start's cursor finds its place in it by bisection), a bit mask finds the lowest non-empty
// bucket (the same bucket as the scan from `lowest` here), and the distance labels are found by
// walking each labelled node's arcs backwards (labelTails; here every unlabelled node's arcs are
// tried forwards, level by level: distances, so the same labels).
import { solveCapacitatedWith } from './capacitated-driver.js';
import type { FlowNetwork, FlowSolveResult } from './capacitated-network.js';
import type { CapacitatedProblem, CapacitatedResult } from './types.js';

/** Buckets of the search queue: distances up to this far beyond the window's start get one each. */
const BUCKETS = 64;
const NOT_QUEUED = -1;
/** From how many excess units a warm start routes them in phases (see assembly/capacitated.ts). */
const PHASED_REPAIR_FROM = 2000;
/** From how many row units a solve from scratch routes them in phases (see assembly/capacitated.ts). */
const PHASED_COLD_FROM = 20_000;

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

  // Repairs (see the header of assembly/capacitated.ts): a warm start keeps the previous optimum,
  // saturates every arc with negative reduced cost and routes the resulting column excesses to row
  // deficits; a large cold solve takes every row unit at once and routes the row excesses to the
  // hub. In phases: one search from all excesses, then depth-first searches along arcs of reduced
  // cost 0. Per node, units in less units out: > 0 an excess, < 0 a deficit.
  const balance = new Int32Array(nodes);
  const FROM_SOURCE = -2;
  const phaseSearch = (sources: readonly number[]): number => {
    oldestFirst = true;
    searches++;
    touchedCount = 0;
    windowStart = 0;
    lowest = 0;
    for (const source of sources) {
      dist[source] = 0;
      pred[source] = FROM_SOURCE;
      touched[touchedCount++] = source;
      enqueue(source, 0);
    }
    let settledCount = 0;
    let target = -1;
    bound = Infinity;
    const offer = (node: number, d: number, via: number): void => {
      if (relax(node, d, via) && balance[node] < 0) {
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
    clearSearch();
    // A path always exists (see the header of assembly/capacitated.ts), so the target is a node in deficit.
    if (target < 0) throw new Error('repair: no path from an excess to a deficit');
    return target;
  };

  // The search's own path to `target`, augmented for each path of a small repair, and in phases only
  // when the depth-first searches routed nothing (which exact arithmetic rules out).
  const augmentSearchPath = (target: number): void => {
    let v = target;
    for (;;) {
      if (v === hub) {
        const u = pred[hub];
        if (u < rows) rowUsed[u]--;
        else colUsed[u - rows]++;
        v = u;
        continue;
      }
      const p = pred[v];
      if (p === FROM_SOURCE) break;
      if (p < 0) {
        if (v < rows) rowUsed[v]++;
        else colUsed[v - rows]--;
        v = hub;
      } else if (v < rows) {
        flow[p] = 0;
        v = rows + arcCol[p];
      } else {
        flow[p] = 1;
        v = arcRow[p];
      }
    }
    balance[target]++;
    balance[v]--;
  };

  // Routing along arcs of reduced cost 0 as a maximum flow, by shortest augmenting paths with
  // distance labels and the gap relabelling (see the header of assembly/capacitated.ts): label[v]
  // is a lower bound on v's number of such arcs from a node in deficit, `unreached` (nodes) when
  // none is left; a depth-first search steps only down by one label.
  const cursor = new Int32Array(nodes);
  const label = new Int32Array(nodes);
  const labelCount = new Int32Array(nodes);
  const stack = new Int32Array(nodes);
  const unreached = nodes;
  const firstArc = (v: number): number => (v < rows ? rowStart[v] : 0);
  const isDeficit = (v: number): boolean => balance[v] < 0;
  const hasLabel = (v: number, want: number): boolean => label[v] === want;
  const setLabel = (v: number, to: number): void => {
    label[v] = to;
    if (to < unreached) labelCount[to]++;
  };
  // Moves u's cursor to its next arc of reduced cost 0 (≤ 0, for rounding with costs that are not
  // integers) whose head has label `want`, the one under the cursor included, and returns that
  // head, or −1 when none is left: a row's pair arcs then its arc into the hub, a column's used
  // arcs (backwards) then its arc into the hub, the hub's arcs to every row then every column.
  const nextTightArc = (u: number, want: number): number => {
    const pu = potential[u];
    let c = cursor[u];
    let found = -1;
    if (u < rows) {
      const end = rowStart[u + 1];
      for (; c < end; c++) {
        if (flow[c] !== 0) continue;
        const v = rows + arcCol[c];
        if (arcCost[c] + pu - potential[v] <= 0 && hasLabel(v, want)) {
          found = v;
          break;
        }
      }
      if (found < 0 && c === end) {
        const used = rowUsed[u];
        if (used > 0 && -(used === 1 ? rowFirstCost[u] : 0) + pu - potential[hub] <= 0 && hasLabel(hub, want))
          found = hub;
        else c++;
      }
    } else if (u < hub) {
      // A column's cursor is an arc number (its used arcs in arc order), `arcs` for the hub.
      const j = u - rows;
      if (c < arcs) {
        for (let q = colStart[j]; q < colStart[j + 1]; q++) {
          const p = colArcs[q];
          if (p < c || flow[p] === 0) continue;
          const v = arcRow[p];
          if (-arcCost[p] + pu - potential[v] <= 0 && hasLabel(v, want)) {
            found = v;
            c = p;
            break;
          }
        }
        if (found < 0) c = arcs;
      }
      if (found < 0 && c === arcs) {
        const used = colUsed[j];
        if (
          used < colCapacity[j] &&
          (used === 0 ? colFirstCost[j] : 0) + pu - potential[hub] <= 0 &&
          hasLabel(hub, want)
        )
          found = hub;
        else c++;
      }
    } else {
      for (; c < hub; c++) {
        if (c < rows) {
          const used = rowUsed[c];
          if (
            used < rowCapacity[c] &&
            (used === 0 ? rowFirstCost[c] : 0) + pu - potential[c] <= 0 &&
            hasLabel(c, want)
          ) {
            found = c;
            break;
          }
        } else {
          const used = colUsed[c - rows];
          if (used > 0 && -(used === 1 ? colFirstCost[c - rows] : 0) + pu - potential[c] <= 0 && hasLabel(c, want)) {
            found = c;
            break;
          }
        }
      }
    }
    cursor[u] = c;
    return found;
  };
  // Each arc u→v of reduced cost 0, as nextTightArc walks them from every node u.
  const forEachTightArc = (u: number, visit: (v: number, at: number) => void): void => {
    const pu = potential[u];
    if (u < rows) {
      for (let p = rowStart[u]; p < rowStart[u + 1]; p++) {
        if (flow[p] === 0 && arcCost[p] + pu - potential[rows + arcCol[p]] <= 0) visit(rows + arcCol[p], p);
      }
      const used = rowUsed[u];
      if (used > 0 && -(used === 1 ? rowFirstCost[u] : 0) + pu - potential[hub] <= 0) visit(hub, rowStart[u + 1]);
    } else if (u < hub) {
      const j = u - rows;
      for (let q = colStart[j]; q < colStart[j + 1]; q++) {
        const p = colArcs[q];
        if (flow[p] !== 0 && -arcCost[p] + pu - potential[arcRow[p]] <= 0) visit(arcRow[p], p);
      }
      const used = colUsed[j];
      if (used < colCapacity[j] && (used === 0 ? colFirstCost[j] : 0) + pu - potential[hub] <= 0) visit(hub, arcs);
    } else {
      for (let i = 0; i < rows; i++) {
        const used = rowUsed[i];
        if (used < rowCapacity[i] && (used === 0 ? rowFirstCost[i] : 0) + pu - potential[i] <= 0) visit(i, i);
      }
      for (let v = rows; v < hub; v++) {
        const used = colUsed[v - rows];
        if (used > 0 && -(used === 1 ? colFirstCost[v - rows] : 0) + pu - potential[v] <= 0) visit(v, v);
      }
    }
  };
  // Exact labels, level by level from the nodes in deficit: an unlabelled node with an arc of
  // reduced cost 0 into the last level joins the next one.
  const labelDistances = (): void => {
    searches++;
    label.fill(unreached);
    labelCount.fill(0);
    let tail = 0;
    for (let v = 0; v < nodes; v++) {
      if (!isDeficit(v)) continue;
      setLabel(v, 0);
      stack[tail++] = v;
    }
    let head = 0;
    while (head < tail) {
      const levelEnd = tail;
      const next = label[stack[head]] + 1;
      for (let u = 0; u < nodes; u++) {
        if (label[u] !== unreached) continue;
        let reaches = false;
        forEachTightArc(u, (v) => {
          if (label[v] === next - 1) reaches = true;
        });
        if (!reaches) continue;
        setLabel(u, next);
        stack[tail++] = u;
      }
      head = levelEnd;
    }
    for (let v = 0; v < nodes; v++) cursor[v] = firstArc(v);
  };
  // u has no arc down left: one above its lowest head (cursor on that arc), or the gap relabelling.
  const relabel = (u: number): void => {
    let lowest = unreached - 1;
    let at = firstArc(u);
    forEachTightArc(u, (v, arc) => {
      if (label[v] < lowest) {
        lowest = label[v];
        at = arc;
      }
    });
    const old = label[u];
    labelCount[old]--;
    if (labelCount[old] === 0) {
      for (let v = 0; v < nodes; v++) {
        if (label[v] <= old || label[v] === unreached) continue;
        labelCount[label[v]]--;
        label[v] = unreached;
      }
      label[u] = unreached;
    } else setLabel(u, lowest + 1);
    cursor[u] = at;
  };
  // Pushes one unit along the stack's path (each node's cursor names its arc) into row `target`.
  const augmentStack = (depth: number, target: number): void => {
    for (let k = 0; k < depth; k++) {
      const u = stack[k];
      const c = cursor[u];
      if (u < rows) {
        if (c < rowStart[u + 1]) flow[c] = 1;
        else rowUsed[u]--;
      } else if (u < hub) {
        if (c < arcs) flow[c] = 0;
        else colUsed[u - rows]++;
      } else if (c < rows) rowUsed[c]++;
      else colUsed[c - rows]--;
    }
    balance[target]++;
    balance[stack[0]]--;
  };
  // A maximum flow of the arcs of reduced cost 0 from the sources to the deficits; false if none moved.
  const routeTightPaths = (sources: readonly number[]): boolean => {
    labelDistances();
    let routed = false;
    let relabels = 0;
    for (const source of sources) {
      stack[0] = source;
      let depth = 1;
      while (balance[source] > 0 && label[source] < unreached) {
        const u = stack[depth - 1];
        const v = label[u] > 0 ? nextTightArc(u, label[u] - 1) : -1;
        if (v < 0) {
          relabel(u);
          if (depth > 1) depth--;
          if (++relabels >= nodes) {
            labelDistances();
            relabels = 0;
            stack[0] = source;
            depth = 1;
          }
        } else if (isDeficit(v)) {
          augmentStack(depth, v);
          routed = true;
          depth = 1;
        } else stack[depth++] = v;
      }
    }
    return routed;
  };

  // Routes the sources' excesses to the deficits: one search each, or in phases.
  const routeExcesses = (sources: number[], phased: boolean): void => {
    if (!phased) {
      for (const source of sources) while (balance[source] > 0) augmentSearchPath(phaseSearch([source]));
      return;
    }
    let target = -1;
    for (;;) {
      if (!routeTightPaths(sources) && target >= 0) augmentSearchPath(target);
      sources = sources.filter((source) => balance[source] > 0);
      if (sources.length === 0) break;
      target = phaseSearch(sources);
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
        balance[i]--;
        balance[rows + arcCol[p]]++;
      }
    }
    const sources: number[] = [];
    let excessUnits = 0;
    for (let j = 0; j < cols; j++) {
      if (balance[rows + j] > 0) sources.push(rows + j);
      excessUnits += balance[rows + j];
    }
    routeExcesses(sources, excessUnits >= PHASED_REPAIR_FROM);
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
  // How many more units of row i have arcs from the hub of negative reduced cost.
  const unitsToTake = (i: number): number => {
    let used = rowUsed[i];
    while (used < usableUnits(i) && (used === 0 ? rowFirstCost[i] : 0) - potential[i] < 0) used++;
    return used - rowUsed[i];
  };
  let coldUnits = 0;
  for (let i = 0; i < rows; i++) coldUnits += unitsToTake(i);
  if (coldUnits >= PHASED_COLD_FROM) {
    // Every such unit at once, an excess at its row and a deficit at the hub, routed in phases;
    // routing moves potentials, which may give a row's next unit negative reduced cost: take it too.
    for (;;) {
      const sources: number[] = [];
      for (let i = 0; i < rows; i++) {
        const units = unitsToTake(i);
        if (units === 0) continue;
        rowUsed[i] += units;
        balance[i] += units;
        balance[hub] -= units;
        sources.push(i);
      }
      if (sources.length === 0) break;
      routeExcesses(sources, true);
    }
    const shift = potential[hub];
    for (let v = 0; v < nodes; v++) potential[v] -= shift;
    maxCapacity = 0;
  }
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
