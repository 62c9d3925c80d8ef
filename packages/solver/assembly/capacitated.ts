// Capacitated bipartite b-matching with coverage tiers, as a min-cost circulation.
//
// Problem. Rows and columns (mentees and mentors) each have a capacity; an arc (i, j) per candidate
// pair has an integer cost (its score, scaled and negated). Choose a set of pairs within the
// capacities that minimises the total cost, where each row's first partner also earns
// rowFirstCost[i] (minus the row tier gain) and each column's first partner colFirstCost[j]. The
// TypeScript driver (src/capacitated-driver.ts) chooses the tier gains so that this single
// integer objective is exactly the lexicographic one "most rows covered, then most columns, then the
// largest total score" (proof in docs/capacitated.md), removes locked pairs, and prices the pairs
// left out of the candidate set.
//
// Network. Nodes: rows 0..R-1, columns R..R+C-1, and one hub H (source and sink merged, so the
// flow value is free: a circulation). Arcs: H→row i as unit arcs, the first costing
// rowFirstCost[i] and the next rowCapacity[i]−1 costing 0; row→column per candidate pair, capacity
// 1; column→H likewise split in a first unit and the rest. Splitting the capacity keeps each
// person's cost convex in their number of partners, so the cheapest units are always used first and
// "covered" (≥ 1 partner) is exactly "uses the first unit".
//
// Method: primal-dual successive shortest paths, one capacity unit at a time, with early-terminated
// Dijkstra searches on reduced costs, in the style of the shortest augmenting path algorithms for
// assignment (Jonker & Volgenant, Computing 38 (1987) 325–340, pp. 332–333; Crouse, IEEE TAES 52(4)
// (2016) 1679–1696, doi 10.1109/TAES.2016.140952, section III) applied to min-cost flow (Ahuja,
// Magnanti & Orlin, "Network Flows" (1993), §9.3 reduced-cost optimality conditions, §9.7 the
// successive shortest path algorithm and its potential update, here with distances capped at the
// search radius as in Jonker & Volgenant's early exit).
//   Invariant: every residual arc has reduced cost c(u,v) + π(u) − π(v) ≥ 0 (π(H) = 0), i.e. the
//   current flow is optimal for the network in which each row offers only its units activated so
//   far. The units are activated level by level (every row's first unit, then every row's second…).
//   Activating a unit adds the arc H→i with reduced cost c − π(i); when that is ≥ 0 nothing changes.
//   Otherwise let T = π(i) − c > 0. A Dijkstra search from row i towards H, through unused pair
//   arcs forward, used pair arcs backward, columns with spare capacity into H, and rows with a
//   used unit back into H (giving up that unit), stops at the first of: H settled at distance
//   D < T (the cycle H→i→…→H has reduced cost D − T < 0: augment it), a node settled at distance
//   ≥ T, or an empty heap (no improving cycle: the unit stays unused). With L = D or T, every
//   settled node v gets π(v) += d(v) − L; unsettled nodes keep π. This keeps all reduced costs
//   ≥ 0 (capping distances at L keeps d(v) ≤ d(u) + reduced cost, the proof of §9.7), makes the augmenting path tight, and leaves the new arc at
//   reduced cost 0 when it is not used. When the last unit is activated the invariant is the
//   optimality condition of the whole candidate network.
// Departures from the textbook: the search starts at the row, not at H, so it only explores the
// neighbourhood a displacement chain can reach, and stops at T instead of running to exhaustion;
// that is what makes 3 × 10,000 searches affordable. Ties in the heap are broken arbitrarily.
//
// Warm start. After pricing adds arcs, the previous optimum's flow and potentials still satisfy
// every old arc; only new arcs can have negative reduced cost. Each of those is saturated (a row
// then sends one pair more than its units bring in: a deficit; the column receives one more: an
// excess), which leaves every residual arc at reduced cost ≥ 0, and each excess is routed to some
// deficit along a shortest path (the same capped Dijkstra, from the column, stopping at the first
// row in deficit; the path may pass through the hub, cancelling or adding a person's unit). Such a
// path always exists: the difference with the previous, feasible flow decomposes into them (Ahuja,
// Magnanti & Orlin §9.7, "successive shortest paths with excesses and deficits"). When no excess
// is left the flow is feasible and optimal for the larger network.
//
// Complexity: at most Σ rowCapacity searches, each O(A log N) in the worst case for A arcs and
// N = R + C + 1 nodes; most stop at the first column with room, a row that cannot be covered at
// all explores everything it reaches. Memory: the caller's arrays (17 bytes per arc) plus 8 bytes
// per arc, 53 per node and 8 per column of working arrays, allocated once per solve and freed before returning
// (no allocation inside the loops).
//
// Arithmetic: costs and potentials are f64 holding integers. The driver checks that every cost
// and tier gain keeps sums of a simple path's costs below 2^53, and checks the returned potentials
// are safe integers, so every comparison here is exact.
//
// Result: the number of shortest-path searches run (≥ 0; unit activations that searched, plus
// warm-start repairs: a count of work that does not depend on the machine, which the driver reports
// and the benchmarks' regression check compares with its baseline); arcFlowOut[p] = 1 for chosen
// arcs; rowPotentialOut/colPotentialOut the node potentials (π(H) = 0), from which
// docs/capacitated.md's conditions verify optimality.

let nRows: i32 = 0;
let nCols: i32 = 0;
let nNodes: i32 = 0;
let nArcs: i32 = 0;

// Caller's blocks.
let rowStartBase: usize = 0;
let arcColBase: usize = 0;
let arcCostBase: usize = 0;
let rowCapBase: usize = 0;
let colCapBase: usize = 0;
let rowFirstBase: usize = 0;
let colFirstBase: usize = 0;
let flowBase: usize = 0;

// Working blocks (one allocation per solve).
let arcRowBase: usize = 0;
let colStartBase: usize = 0;
let colFlowArcsBase: usize = 0;
let colFlowCountBase: usize = 0;
let rowUsedBase: usize = 0;
let colUsedBase: usize = 0;
let potentialBase: usize = 0;
let distBase: usize = 0;
let predBase: usize = 0;
let settledBase: usize = 0;
let heapBase: usize = 0;
let heapKeyBase: usize = 0;
let heapPosBase: usize = 0;
let touchedBase: usize = 0;
let finalizedBase: usize = 0;
let deficitBase: usize = 0;
let excessBase: usize = 0;
let heapSize: i32 = 0;
let touchedCount: i32 = 0;
let searches: i32 = 0;

// Accessors. Each asserts its index in the debug build (release strips asserts); the index
// ranges follow from the CSR structure the TypeScript driver validated.
// @ts-ignore: decorator
@inline function nodeF64(base: usize, v: i32): f64 {
  assert(<u32>v < <u32>nNodes, 'node out of range');
  return load<f64>(base + (<usize>v << 3));
}
// @ts-ignore: decorator
@inline function setNodeF64(base: usize, v: i32, value: f64): void {
  assert(<u32>v < <u32>nNodes, 'node out of range');
  store<f64>(base + (<usize>v << 3), value);
}
// @ts-ignore: decorator
@inline function nodeI32(base: usize, v: i32): i32 {
  assert(<u32>v < <u32>nNodes, 'node out of range');
  return load<i32>(base + (<usize>v << 2));
}
// @ts-ignore: decorator
@inline function setNodeI32(base: usize, v: i32, value: i32): void {
  assert(<u32>v < <u32>nNodes, 'node out of range');
  store<i32>(base + (<usize>v << 2), value);
}
// @ts-ignore: decorator
@inline function nodeU8(base: usize, v: i32): u8 {
  assert(<u32>v < <u32>nNodes, 'node out of range');
  return load<u8>(base + <usize>v);
}
// @ts-ignore: decorator
@inline function setNodeU8(base: usize, v: i32, value: u8): void {
  assert(<u32>v < <u32>nNodes, 'node out of range');
  store<u8>(base + <usize>v, value);
}
// @ts-ignore: decorator
@inline function arcI32(base: usize, p: i32): i32 {
  assert(<u32>p < <u32>nArcs, 'arc out of range');
  return load<i32>(base + (<usize>p << 2));
}
// @ts-ignore: decorator
@inline function setArcI32(base: usize, p: i32, value: i32): void {
  assert(<u32>p < <u32>nArcs, 'arc out of range');
  store<i32>(base + (<usize>p << 2), value);
}
// @ts-ignore: decorator
@inline function arcCost(p: i32): f64 {
  assert(<u32>p < <u32>nArcs, 'arc out of range');
  return load<f64>(arcCostBase + (<usize>p << 3));
}
// @ts-ignore: decorator
@inline function arcFlow(p: i32): u8 {
  assert(<u32>p < <u32>nArcs, 'arc out of range');
  return load<u8>(flowBase + <usize>p);
}
// @ts-ignore: decorator
@inline function setArcFlow(p: i32, value: u8): void {
  assert(<u32>p < <u32>nArcs, 'arc out of range');
  store<u8>(flowBase + <usize>p, value);
}
// @ts-ignore: decorator
@inline function rowStart(i: i32): i32 {
  assert(<u32>i <= <u32>nRows, 'row out of range');
  return load<i32>(rowStartBase + (<usize>i << 2));
}
// @ts-ignore: decorator
@inline function colStart(j: i32): i32 {
  assert(<u32>j <= <u32>nCols, 'column out of range');
  return load<i32>(colStartBase + (<usize>j << 2));
}
// @ts-ignore: decorator
@inline function rowI32(base: usize, i: i32): i32 {
  assert(<u32>i < <u32>nRows, 'row out of range');
  return load<i32>(base + (<usize>i << 2));
}
// @ts-ignore: decorator
@inline function colI32(base: usize, j: i32): i32 {
  assert(<u32>j < <u32>nCols, 'column out of range');
  return load<i32>(base + (<usize>j << 2));
}
// @ts-ignore: decorator
@inline function rowF64(base: usize, i: i32): f64 {
  assert(<u32>i < <u32>nRows, 'row out of range');
  return load<f64>(base + (<usize>i << 3));
}
// @ts-ignore: decorator
@inline function colF64(base: usize, j: i32): f64 {
  assert(<u32>j < <u32>nCols, 'column out of range');
  return load<f64>(base + (<usize>j << 3));
}

/**
 * Solves the candidate network (layout in src/capacitated-network.ts). Writes arcFlowOut (arcs u8),
 * rowPotentialOut (rows f64) and colPotentialOut (cols f64). With `warm` = 1 those three blocks
 * hold, on entry, the previous optimum (see "Warm start" in the header). Returns the number of
 * shortest-path searches it ran.
 */
export function capacitatedSolve(
  rows: i32,
  cols: i32,
  arcs: i32,
  rowStartPtr: usize,
  arcColPtr: usize,
  arcCostPtr: usize,
  rowCapacityPtr: usize,
  colCapacityPtr: usize,
  rowFirstCostPtr: usize,
  colFirstCostPtr: usize,
  arcFlowOut: usize,
  rowPotentialOut: usize,
  colPotentialOut: usize,
  warm: i32,
): i32 {
  nRows = rows;
  nCols = cols;
  nArcs = arcs;
  nNodes = rows + cols + 1;
  rowStartBase = rowStartPtr;
  arcColBase = arcColPtr;
  arcCostBase = arcCostPtr;
  rowCapBase = rowCapacityPtr;
  colCapBase = colCapacityPtr;
  rowFirstBase = rowFirstCostPtr;
  colFirstBase = colFirstCostPtr;
  flowBase = arcFlowOut;
  searches = 0;
  if (warm == 0) memory.fill(flowBase, 0, <usize>arcs);

  const arcBytes = <usize>arcs << 2;
  const nodeI32Bytes = <usize>nNodes << 2;
  const nodeF64Bytes = <usize>nNodes << 3;
  const total: usize = (arcBytes << 1) + ((<usize>cols + 1) << 2) + (<usize>cols << 2) + nodeI32Bytes * 7 + nodeF64Bytes * 3 + <usize>nNodes + 8;
  const block = heap.alloc(total);
  let cursor = block;
  potentialBase = cursor;
  cursor += nodeF64Bytes;
  distBase = cursor;
  cursor += nodeF64Bytes;
  heapKeyBase = cursor;
  cursor += nodeF64Bytes;
  arcRowBase = cursor;
  cursor += arcBytes;
  colFlowArcsBase = cursor;
  cursor += arcBytes;
  colStartBase = cursor;
  cursor += (<usize>cols + 1) << 2;
  colFlowCountBase = cursor;
  cursor += <usize>cols << 2;
  rowUsedBase = cursor;
  colUsedBase = cursor + (<usize>rows << 2);
  cursor += nodeI32Bytes;
  predBase = cursor;
  cursor += nodeI32Bytes;
  heapBase = cursor;
  cursor += nodeI32Bytes;
  heapPosBase = cursor;
  cursor += nodeI32Bytes;
  touchedBase = cursor;
  cursor += nodeI32Bytes;
  finalizedBase = cursor;
  cursor += nodeI32Bytes;
  deficitBase = cursor;
  excessBase = cursor + (<usize>rows << 2);
  cursor += nodeI32Bytes;
  settledBase = cursor;

  buildColumnIndex();
  initialiseSearch();
  if (warm != 0) {
    memory.copy(potentialBase, rowPotentialOut, <usize>rows << 3);
    memory.copy(potentialBase + (<usize>rows << 3), colPotentialOut, <usize>cols << 3);
    setNodeF64(potentialBase, nNodes - 1, 0);
    repairWarmStart();
    const shift = nodeF64(potentialBase, nNodes - 1);
    for (let v = 0; v < nNodes; v++) setNodeF64(potentialBase, v, nodeF64(potentialBase, v) - shift);
    memory.copy(rowPotentialOut, potentialBase, <usize>rows << 3);
    memory.copy(colPotentialOut, potentialBase + (<usize>rows << 3), <usize>cols << 3);
    heap.free(block);
    return searches;
  }
  initialisePotentials();

  // A row never uses more units than it has arcs, so a huge capacity costs no empty levels.
  let maxCapacity: i32 = 0;
  for (let i = 0; i < rows; i++) maxCapacity = max(maxCapacity, usableUnits(i));
  for (let level = 1; level <= maxCapacity; level++) {
    for (let i = 0; i < rows; i++) {
      if (usableUnits(i) < level) continue;
      const nextCost = rowI32(rowUsedBase, i) == 0 ? rowF64(rowFirstBase, i) : 0.0;
      const limit = nodeF64(potentialBase, i) - nextCost;
      if (limit > 0) activate(i, limit);
    }
  }
  // The units beyond a row's arcs were never activated; their arcs from the hub need reduced cost
  // ≥ 0 too. Lowering the potential to the next unit's cost does it, and keeps every other arc at
  // the row feasible (the row's pairs are all chosen, and the reverse of its last unit costs less).
  for (let i = 0; i < rows; i++) {
    if (usableUnits(i) < rowI32(rowCapBase, i)) {
      const nextCost = rowI32(rowUsedBase, i) == 0 ? rowF64(rowFirstBase, i) : 0.0;
      setNodeF64(potentialBase, i, min(nodeF64(potentialBase, i), nextCost));
    }
  }

  memory.copy(rowPotentialOut, potentialBase, <usize>rows << 3);
  memory.copy(colPotentialOut, potentialBase + (<usize>rows << 3), <usize>cols << 3);
  heap.free(block);
  return searches;
}

// @ts-ignore: decorator
@inline function usableUnits(i: i32): i32 {
  return min(rowI32(rowCapBase, i), rowStart(i + 1) - rowStart(i));
}

/**
 * Each arc's row, and where each column's list of used arcs lives (colStart: one slot per arc of the
 * column, the list in arc order, as walking all of the column's arcs and skipping unused ones did).
 */
function buildColumnIndex(): void {
  memory.fill(colStartBase, 0, (<usize>nCols + 1) << 2);
  for (let i = 0; i < nRows; i++) {
    const end = rowStart(i + 1);
    for (let p = rowStart(i); p < end; p++) {
      setArcI32(arcRowBase, p, i);
      const j = arcI32(arcColBase, p);
      const slot = colStartBase + ((<usize>j + 1) << 2);
      store<i32>(slot, load<i32>(slot) + 1);
    }
  }
  for (let j = 0; j < nCols; j++) {
    const slot = colStartBase + ((<usize>j + 1) << 2);
    store<i32>(slot, load<i32>(slot) + load<i32>(slot - 4));
  }
  memory.fill(colFlowCountBase, 0, <usize>nCols << 2);
  memory.fill(rowUsedBase, 0, <usize>nNodes << 2);
}

/** Gives arc p one unit of flow and inserts it, in arc order, into its column's list of used arcs. */
function chooseArc(p: i32): void {
  setArcFlow(p, 1);
  const j = arcI32(arcColBase, p);
  const first = colStart(j);
  const count = colI32(colFlowCountBase, j);
  let k = first + count;
  while (k > first && arcI32(colFlowArcsBase, k - 1) > p) {
    setArcI32(colFlowArcsBase, k, arcI32(colFlowArcsBase, k - 1));
    k--;
  }
  setArcI32(colFlowArcsBase, k, p);
  store<i32>(colFlowCountBase + (<usize>j << 2), count + 1);
}

/** Takes arc p's unit of flow away and removes it from its column's list of used arcs. */
function dropArc(p: i32): void {
  setArcFlow(p, 0);
  const j = arcI32(arcColBase, p);
  const count = colI32(colFlowCountBase, j);
  const end = colStart(j) + count;
  let k = colStart(j);
  while (arcI32(colFlowArcsBase, k) != p) k++;
  for (; k + 1 < end; k++) setArcI32(colFlowArcsBase, k, arcI32(colFlowArcsBase, k + 1));
  store<i32>(colFlowCountBase + (<usize>j << 2), count - 1);
}

/**
 * Zero flow, no row unit active: a column needs π ≥ −(its first unit's cost) and a row needs
 * π ≥ π(column) − cost on each of its arcs; take the smallest such values.
 */
function initialisePotentials(): void {
  for (let j = 0; j < nCols; j++) setNodeF64(potentialBase, nRows + j, -colF64(colFirstBase, j));
  for (let i = 0; i < nRows; i++) {
    const start = rowStart(i);
    const end = rowStart(i + 1);
    let best: f64 = 0;
    for (let p = start; p < end; p++) {
      const candidate = nodeF64(potentialBase, nRows + arcI32(arcColBase, p)) - arcCost(p);
      if (p == start || candidate > best) best = candidate;
    }
    setNodeF64(potentialBase, i, best);
  }
  setNodeF64(potentialBase, nNodes - 1, 0);
}

function initialiseSearch(): void {
  for (let v = 0; v < nNodes; v++) {
    setNodeF64(distBase, v, Infinity);
    setNodeI32(heapPosBase, v, -1);
    setNodeU8(settledBase, v, 0);
  }
}

// The heap holds each entry's distance next to its node (heapKey), so that sifting compares keys
// without a load through dist[]; the key always equals dist[node] (relax() updates both).
/** Moves the entry at `start`, whose distance is now `d`, up to its place. */
// @ts-ignore: decorator
@inline function siftUp(start: i32, d: f64): void {
  let k = start;
  const node = nodeI32(heapBase, k);
  while (k > 0) {
    const parent = (k - 1) >> 1;
    const parentKey = nodeF64(heapKeyBase, parent);
    if (parentKey <= d) break;
    const parentNode = nodeI32(heapBase, parent);
    setNodeI32(heapBase, k, parentNode);
    setNodeF64(heapKeyBase, k, parentKey);
    setNodeI32(heapPosBase, parentNode, k);
    k = parent;
  }
  setNodeI32(heapBase, k, node);
  setNodeF64(heapKeyBase, k, d);
  setNodeI32(heapPosBase, node, k);
}

// @ts-ignore: decorator
@inline function popMin(): i32 {
  const top = nodeI32(heapBase, 0);
  setNodeI32(heapPosBase, top, -1);
  heapSize--;
  if (heapSize > 0) {
    const node = nodeI32(heapBase, heapSize);
    const d = nodeF64(heapKeyBase, heapSize);
    let k = 0;
    while (true) {
      let child = 2 * k + 1;
      if (child >= heapSize) break;
      let childKey = nodeF64(heapKeyBase, child);
      if (child + 1 < heapSize) {
        const rightKey = nodeF64(heapKeyBase, child + 1);
        if (rightKey < childKey) {
          child++;
          childKey = rightKey;
        }
      }
      if (childKey >= d) break;
      const childNode = nodeI32(heapBase, child);
      setNodeI32(heapBase, k, childNode);
      setNodeF64(heapKeyBase, k, childKey);
      setNodeI32(heapPosBase, childNode, k);
      k = child;
    }
    setNodeI32(heapBase, k, node);
    setNodeF64(heapKeyBase, k, d);
    setNodeI32(heapPosBase, node, k);
  }
  return top;
}

// @ts-ignore: decorator
@inline function relax(node: i32, d: f64, via: i32): void {
  if (nodeU8(settledBase, node) == 0 && d < nodeF64(distBase, node)) {
    if (nodeF64(distBase, node) == Infinity) {
      setNodeI32(touchedBase, touchedCount, node);
      touchedCount++;
    }
    setNodeF64(distBase, node, d);
    setNodeI32(predBase, node, via);
    if (nodeI32(heapPosBase, node) < 0) {
      setNodeI32(heapBase, heapSize, node);
      setNodeI32(heapPosBase, node, heapSize);
      heapSize++;
    }
    siftUp(nodeI32(heapPosBase, node), d);
  }
}

/** One unit of row `source`, whose arc from the hub has reduced cost −limit < 0 (see the header). */
function activate(source: i32, limit: f64): void {
  const rows = nRows;
  const hub = nNodes - 1;
  searches++;
  heapSize = 0;
  touchedCount = 0;
  let finalizedCount = 0;
  setNodeF64(distBase, source, 0);
  setNodeI32(touchedBase, touchedCount++, source);
  setNodeI32(heapBase, heapSize, source);
  setNodeF64(heapKeyBase, heapSize++, 0);
  setNodeI32(heapPosBase, source, 0);
  let hubPred: i32 = -1;
  let cut = limit;
  while (heapSize > 0) {
    const u = popMin();
    const du = nodeF64(distBase, u);
    if (du >= limit) break;
    if (u == hub) {
      cut = du;
      hubPred = nodeI32(predBase, hub);
      break;
    }
    setNodeU8(settledBase, u, 1);
    setNodeI32(finalizedBase, finalizedCount++, u);
    const pu = nodeF64(potentialBase, u);
    if (u < rows) {
      const end = rowStart(u + 1);
      for (let p = rowStart(u); p < end; p++) {
        if (arcFlow(p) != 0) continue;
        const v = rows + arcI32(arcColBase, p);
        relax(v, du + arcCost(p) + pu - nodeF64(potentialBase, v), p);
      }
      const used = rowI32(rowUsedBase, u);
      if (u != source && used > 0) {
        const lastCost = used == 1 ? rowF64(rowFirstBase, u) : 0.0;
        relax(hub, du - lastCost + pu, u);
      }
    } else {
      const j = u - rows;
      const first = colStart(j);
      const end = first + colI32(colFlowCountBase, j);
      for (let q = first; q < end; q++) {
        const p = arcI32(colFlowArcsBase, q);
        const v = arcI32(arcRowBase, p);
        relax(v, du - arcCost(p) + pu - nodeF64(potentialBase, v), p);
      }
      const used = colI32(colUsedBase, j);
      if (used < colI32(colCapBase, j)) {
        const nextCost = used == 0 ? colF64(colFirstBase, j) : 0.0;
        relax(hub, du + nextCost + pu, u);
      }
    }
    // Reduced costs are ≥ 0, so nothing still in the heap can reach the hub by a shorter path:
    // stop now rather than settle every other node at this distance (ties are common with small
    // integer scores).
    if (nodeF64(distBase, hub) <= du) {
      cut = du;
      hubPred = nodeI32(predBase, hub);
      break;
    }
  }
  for (let k = 0; k < finalizedCount; k++) {
    const v = nodeI32(finalizedBase, k);
    setNodeF64(potentialBase, v, nodeF64(potentialBase, v) + nodeF64(distBase, v) - cut);
  }
  if (hubPred >= 0) augment(source, hubPred);
  for (let k = 0; k < touchedCount; k++) {
    const v = nodeI32(touchedBase, k);
    setNodeF64(distBase, v, Infinity);
    setNodeU8(settledBase, v, 0);
    setNodeI32(heapPosBase, v, -1);
  }
}

/** Pushes one unit around the cycle hub → source → … → last → hub found by the search. */
function augment(source: i32, last: i32): void {
  const rows = nRows;
  let v = last;
  if (v < rows) store<i32>(rowUsedBase + (<usize>v << 2), rowI32(rowUsedBase, v) - 1);
  else store<i32>(colUsedBase + (<usize>(v - rows) << 2), colI32(colUsedBase, v - rows) + 1);
  while (true) {
    if (v >= rows) {
      const p = nodeI32(predBase, v);
      chooseArc(p);
      v = arcI32(arcRowBase, p);
    } else {
      if (v == source) break;
      const p = nodeI32(predBase, v);
      dropArc(p);
      v = rows + arcI32(arcColBase, p);
    }
  }
  store<i32>(rowUsedBase + (<usize>source << 2), rowI32(rowUsedBase, source) + 1);
}

/** Saturates the arcs with negative reduced cost and routes every excess to a deficit. */
function repairWarmStart(): void {
  const rows = nRows;
  memory.fill(rowUsedBase, 0, <usize>nNodes << 2);
  memory.fill(deficitBase, 0, <usize>nNodes << 2);
  for (let i = 0; i < rows; i++) {
    const end = rowStart(i + 1);
    for (let p = rowStart(i); p < end; p++) {
      if (arcFlow(p) == 0) continue;
      store<i32>(rowUsedBase + (<usize>i << 2), rowI32(rowUsedBase, i) + 1);
      const j = arcI32(arcColBase, p);
      store<i32>(colUsedBase + (<usize>j << 2), colI32(colUsedBase, j) + 1);
      // Arcs come in increasing order here, so appending keeps each column's list in arc order.
      const count = colI32(colFlowCountBase, j);
      setArcI32(colFlowArcsBase, colStart(j) + count, p);
      store<i32>(colFlowCountBase + (<usize>j << 2), count + 1);
    }
  }
  for (let i = 0; i < rows; i++) {
    const end = rowStart(i + 1);
    const pi = nodeF64(potentialBase, i);
    for (let p = rowStart(i); p < end; p++) {
      if (arcFlow(p) != 0) continue;
      const j = arcI32(arcColBase, p);
      if (arcCost(p) + pi - nodeF64(potentialBase, rows + j) >= 0) continue;
      chooseArc(p);
      store<i32>(deficitBase + (<usize>i << 2), rowI32(deficitBase, i) + 1);
      store<i32>(excessBase + (<usize>j << 2), colI32(excessBase, j) + 1);
    }
  }
  for (let j = 0; j < nCols; j++) {
    while (colI32(excessBase, j) > 0) repair(rows + j);
  }
}

let repairTarget: i32 = -1;
let repairTargetDist: f64 = Infinity;

/** relax(), also remembering the nearest row in deficit. */
// @ts-ignore: decorator
@inline function relaxTowardsDeficit(node: i32, d: f64, via: i32): void {
  relax(node, d, via);
  if (node < nRows && rowI32(deficitBase, node) > 0 && nodeF64(distBase, node) < repairTargetDist) {
    repairTarget = node;
    repairTargetDist = nodeF64(distBase, node);
  }
}

/** One shortest path from column node `source` (with an excess) to the nearest row in deficit. */
function repair(source: i32): void {
  const rows = nRows;
  const cols = nCols;
  const hub = nNodes - 1;
  searches++;
  heapSize = 0;
  touchedCount = 0;
  let finalizedCount = 0;
  setNodeF64(distBase, source, 0);
  setNodeI32(touchedBase, touchedCount++, source);
  setNodeI32(heapBase, heapSize, source);
  setNodeF64(heapKeyBase, heapSize++, 0);
  setNodeI32(heapPosBase, source, 0);
  repairTarget = -1;
  repairTargetDist = Infinity;
  let cut: f64 = 0;
  while (heapSize > 0) {
    const u = popMin();
    const du = nodeF64(distBase, u);
    if (u == repairTarget) {
      cut = du;
      break;
    }
    setNodeU8(settledBase, u, 1);
    setNodeI32(finalizedBase, finalizedCount++, u);
    const pu = nodeF64(potentialBase, u);
    const ph = nodeF64(potentialBase, hub);
    if (u < rows) {
      const end = rowStart(u + 1);
      for (let p = rowStart(u); p < end; p++) {
        if (arcFlow(p) != 0) continue;
        const v = rows + arcI32(arcColBase, p);
        relaxTowardsDeficit(v, du + arcCost(p) + pu - nodeF64(potentialBase, v), p);
      }
      const used = rowI32(rowUsedBase, u);
      if (used > 0) relaxTowardsDeficit(hub, du - (used == 1 ? rowF64(rowFirstBase, u) : 0.0) + pu - ph, u);
    } else if (u < hub) {
      const j = u - rows;
      const first = colStart(j);
      const end = first + colI32(colFlowCountBase, j);
      for (let q = first; q < end; q++) {
        const p = arcI32(colFlowArcsBase, q);
        const v = arcI32(arcRowBase, p);
        relaxTowardsDeficit(v, du - arcCost(p) + pu - nodeF64(potentialBase, v), p);
      }
      const used = colI32(colUsedBase, j);
      if (used < colI32(colCapBase, j)) relaxTowardsDeficit(hub, du + (used == 0 ? colF64(colFirstBase, j) : 0.0) + pu - ph, u);
    } else {
      for (let i = 0; i < rows; i++) {
        const used = rowI32(rowUsedBase, i);
        if (used < rowI32(rowCapBase, i)) {
          relaxTowardsDeficit(i, du + (used == 0 ? rowF64(rowFirstBase, i) : 0.0) + pu - nodeF64(potentialBase, i), -1);
        }
      }
      for (let j = 0; j < cols; j++) {
        const used = colI32(colUsedBase, j);
        if (used > 0) {
          relaxTowardsDeficit(rows + j, du - (used == 1 ? colF64(colFirstBase, j) : 0.0) + pu - nodeF64(potentialBase, rows + j), -1);
        }
      }
    }
    if (repairTargetDist <= du) {
      cut = du;
      break;
    }
  }
  for (let k = 0; k < finalizedCount; k++) {
    const v = nodeI32(finalizedBase, k);
    setNodeF64(potentialBase, v, nodeF64(potentialBase, v) + nodeF64(distBase, v) - cut);
  }
  // A path always exists (see the header), so the target is a row in deficit.
  assert(repairTarget >= 0, 'warm start: no path from an excess to a deficit');
  let v = repairTarget;
  while (v != source) {
    if (v == hub) {
      const u = nodeI32(predBase, hub);
      if (u < rows) store<i32>(rowUsedBase + (<usize>u << 2), rowI32(rowUsedBase, u) - 1);
      else store<i32>(colUsedBase + (<usize>(u - rows) << 2), colI32(colUsedBase, u - rows) + 1);
      v = u;
    } else if (nodeI32(predBase, v) < 0) {
      if (v < rows) store<i32>(rowUsedBase + (<usize>v << 2), rowI32(rowUsedBase, v) + 1);
      else store<i32>(colUsedBase + (<usize>(v - rows) << 2), colI32(colUsedBase, v - rows) - 1);
      v = hub;
    } else if (v < rows) {
      const p = nodeI32(predBase, v);
      dropArc(p);
      v = rows + arcI32(arcColBase, p);
    } else {
      const p = nodeI32(predBase, v);
      chooseArc(p);
      v = arcI32(arcRowBase, p);
    }
  }
  store<i32>(deficitBase + (<usize>repairTarget << 2), rowI32(deficitBase, repairTarget) - 1);
  store<i32>(excessBase + (<usize>(source - rows) << 2), colI32(excessBase, source - rows) - 1);
  for (let k = 0; k < touchedCount; k++) {
    const w = nodeI32(touchedBase, k);
    setNodeF64(distBase, w, Infinity);
    setNodeU8(settledBase, w, 0);
    setNodeI32(heapPosBase, w, -1);
  }
}
