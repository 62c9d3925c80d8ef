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
//   used unit back into H (giving up that unit), ends with L = the length D of the shortest path
//   to H when D < T (the cycle H→i→…→H has reduced cost D − T < 0: augment it), else L = T (no
//   improving cycle: the unit stays unused). Every node settled, all at distance < L, gets
//   π(v) += d(v) − L; the others keep π. This keeps all reduced costs ≥ 0 (capping distances at L
//   keeps d(v) ≤ d(u) + reduced cost, the proof of §9.7), makes the augmenting path tight, and
//   leaves the new arc at reduced cost 0 when it is not used. When the last unit is activated the
//   invariant is the optimality condition of the whole candidate network.
// Departures from the textbook: the search starts at the row, not at H, so it only explores the
// neighbourhood a displacement chain can reach, and stops at T instead of running to exhaustion;
// that is what makes 3 × 10,000 searches affordable. H is never queued: each way into it is priced
// as soon as its column or row is reached (not when it is settled, as in Jonker & Volgenant's test
// for a free column while scanning, p. 333), and the best so far bounds the search. The search
// stops when the nearest queued node is at the bound, and a node at or beyond the bound is not
// queued at all (it could not be settled). Nothing settled at the bound moves: d(v) − L = 0. On
// mentor-match data three fifths of the settled nodes lie at distance 0 from the row (ties among
// small integer scores make large plateaus of zero reduced cost), so finding the way out while
// scanning, rather than after settling the plateau, settles a third fewer nodes and queues half as
// many.
//
// Queue. Distances are integers (costs are; so are potentials, sums of costs) and nearly all of
// them small: Dial's buckets (R. B. Dial, "Algorithm 360: shortest-path forest with topological
// ordering", CACM 12(11) (1969) 632–633), one per distance from windowStart to
// windowStart + BUCKETS − 1, each a doubly linked list (so a node whose distance improves moves in
// O(1)), and a 64-bit mask of the non-empty ones; the rarer farther keys (the tier gains) wait in
// a binary heap and move into the buckets when the buckets run empty, the window then starting at
// the heap's smallest key. Should a cost not be an integer, every key goes to the heap. Ties are
// settled newest first in a unit's search (depth first through a plateau, which reaches a way out
// sooner: a fifth fewer nodes settled than oldest first at 2,000 a side, two fifths at 10,000) and
// oldest first in a warm start's search; the TypeScript twin does the same, so both find the same
// paths. The buckets and the early exits together, in place of a binary heap with decrease-key
// that held H too, took the core (release build, alone, on the benchmarks' Mentor Match networks)
// from 8.3 to 3.6 ms at 500 a side, 97 to 44 ms at 2,000 and 1.8 to 1.0 s at 10,000, with the same
// number of searches.
//
// Warm start. After pricing adds arcs, the previous optimum's flow and potentials still satisfy
// every old arc; only new arcs can have negative reduced cost. Each of those is saturated (a row
// then sends one pair more than its units bring in: a deficit; the column receives one more: an
// excess), which leaves every residual arc at reduced cost ≥ 0. The excesses then go to the
// deficits together, by the primal-dual algorithm (Ahuja, Magnanti & Orlin §9.8): a Dijkstra search
// from every column in excess at once (each at distance 0; the same capped search as above,
// stopping at the nearest row in deficit, at distance L) moves the settled nodes' potentials by
// d − L, which keeps every reduced cost ≥ 0 and gives every shortest path to that row reduced cost
// 0; then as many paths as possible are pushed through the arcs of reduced cost 0 (the admissible
// graph, hub included: a row taking or giving up a unit, a column the same, each unit priced as in
// the table of docs/capacitated.md). Pushing along such arcs changes no reduced cost's sign, so the
// flow stays optimal for its excesses; when none is left it is feasible and optimal for the larger
// network. A path from an excess to a deficit always exists: the difference with the previous,
// feasible flow decomposes into such paths (§9.7, "successive shortest paths with excesses and
// deficits").
//   The admissible graph is routed as a maximum flow by shortest augmenting paths with distance
// labels (Ahuja, Magnanti & Orlin §7.4): a breadth-first search backwards from the deficits labels
// every node with its number of arcs from the nearest one; depth-first searches from each excess
// then step only from label k to k − 1, with a cursor per node that only moves forwards, and a node
// with no such arc left is relabelled one above its lowest head. When no node is left on some
// label, everything above it is cut off (Cherkassky & Goldberg's gap relabelling), and after as
// many relabellings as nodes the labels are computed afresh. When every excess is cut off the next
// Dijkstra search runs. (Should a Dijkstra search's path not show up as reduced cost 0, which needs
// costs that are not integers and rounding, that path itself is pushed, so every step routes at
// least one unit.) The earlier warm start ran one Dijkstra search per excess; on mentor-match data
// most nodes lie on plateaus of reduced cost 0, so each search crossed the same plateau: at 30,000 a
// side, the five warm rounds of one run (99,861, 21,851, 37,574, 53,807 and 13,062 excesses) ran
// 100–20,000 times fewer searches (177, 105, 27, 42 and 17) and took 5.3 s in place of 9.6 s (the
// same optima). Those phases then routed in Hopcroft–Karp rounds (levels forwards from the
// excesses, a blocking flow of the level graph, again); a round routing a handful of paths labelled
// the whole plateau, and a phase ran 6 such rounds on average. Labels that carry over from path to
// path took the core alone on the captured networks of one run (paired, the same optima) from 0.84
// to 0.57 s at 10,000 a side (4 solves), 8.7 to 5.0 s at 30,000 (7) and 79 to 54 s at 100,000
// (9); the one warm start at 10,000 that routes in phases went from 97 to 132 ms. With fewer than
// PHASED_REPAIR_FROM excess units the one-search-per-excess form is kept, since labelling the
// whole network costs more than a few hundred such searches.
//
// Large solves from scratch. From PHASED_COLD_FROM row units, the units are not activated one
// search at a time: every unit whose arc from the hub has negative reduced cost is taken at once,
// which leaves its row with an excess and the hub with a deficit (every other arc satisfies the
// invariant under the initial potentials), and the row excesses are routed to the hub exactly as a
// warm start's column excesses are routed to its row deficits: the same phases, in which a row may
// also give its unit back (the arc into the hub, at reduced cost T). A unit whose reduced cost turns
// negative only once potentials have moved is taken in a further round. Each unit of the one-by-one
// form settles the plateau it starts on again; on the class path's first solve at 30,000 a side
// (89,682 units) that took 7.2 s, and the phases 2.0 s (215 searches, the same optimum).
//
// Complexity: from scratch, at most Σ rowCapacity searches, each O(A + N·B) in the worst case for
// A arcs, N = R + C + 1 nodes and B = log N for the heap (O(A) with the buckets when every reduced
// cost on the way is below BUCKETS); most stop at the first column with room, a row that cannot be
// covered at all explores everything it reaches. A warm start runs a Dijkstra search only when the
// admissible graph has no path left (with integer costs each raises the excesses' distance to the
// deficits by at least 1) and a maximum flow of the admissible graph in between: O(N² · A) in the
// worst case for shortest augmenting paths, in practice a few labellings of the whole network, each
// O(A + N), and the paths' own steps and relabellings.
// Memory: the caller's arrays (17 bytes per arc) plus 16 bytes per arc, 80 bytes and a bit per node
// and 8 per column of working arrays, allocated once per solve and freed before returning
// (no allocation inside the loops).
//
// Arithmetic: costs and potentials are f64 holding integers. The driver checks that every cost
// and tier gain keeps sums of a simple path's costs below 2^53, and checks the returned potentials
// are safe integers, so every comparison here is exact.
//
// Result: the number of searches run (≥ 0; unit activations that searched, plus a repair's
// Dijkstra searches and labellings of the whole network: a count of work that does not depend on the machine,
// which the driver reports and the benchmarks' regression check compares with its baseline);
// arcFlowOut[p] = 1 for chosen arcs; rowPotentialOut/colPotentialOut the node potentials
// (π(H) = 0), from which docs/capacitated.md's conditions verify optimality.

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
let touchedBase: usize = 0;
let finalizedBase: usize = 0;
/** Per node, units in less units out and supply: > 0 an excess, < 0 a deficit (a repair's work). */
let balanceBase: usize = 0;
// The repairs' blocks (a warm start's, a phased cold solve's): the nodes still in excess; per node
// the searches' cursor, distance label and queue or stack; how many nodes hold each label; and each
// column's arcs (all of them, in arc order) with their rows, for labelling backwards.
let sourceBase: usize = 0;
let cursorBase: usize = 0;
let labelBase: usize = 0;
let labelCountBase: usize = 0;
let stackBase: usize = 0;
let colArcBase: usize = 0;
let colArcRowBase: usize = 0;
/** One bit per node, set while labelDistances has not labelled it: 32 times smaller than the labels, so it stays in cache. */
let unlabelledBitsBase: usize = 0;
let touchedCount: i32 = 0;
let searches: i32 = 0;

// The search queue (see "Queue" in the header): BUCKETS buckets of one integer distance each,
// from windowStart, as doubly linked lists through nextInBucket/prevInBucket (head to tail in the
// order they are settled); a binary heap (heapNode, heapKey) for the keys beyond them. place[v]
// says where node v waits: NOT_QUEUED, its bucket (0..BUCKETS-1) or BUCKETS + its position in the
// heap.
// @ts-ignore: decorator
@inline const BUCKETS: i32 = 64;
// @ts-ignore: decorator
@inline const NOT_QUEUED: i32 = -1;
let bucketHeadBase: usize = 0;
let bucketTailBase: usize = 0;
/** Ties in a bucket: settled newest first (false) or oldest first (true). */
let oldestFirst: bool = false;
let nextInBucketBase: usize = 0;
let prevInBucketBase: usize = 0;
let placeBase: usize = 0;
let heapNodeBase: usize = 0;
let heapKeyBase: usize = 0;
let heapSize: i32 = 0;
/** Bit b set: bucket b is not empty. */
let bucketMask: u64 = 0;
let windowStart: f64 = 0;
/** BUCKETS when every cost is an integer (the driver's costs always are), else 0: every key goes to the heap. */
let bucketSpan: i32 = 0;
/** The current search settles only nodes nearer than this (the limit, or the best exit found so far). */
let searchBound: f64 = 0;

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
// @ts-ignore: decorator
@inline function bucketHead(b: i32): i32 {
  assert(<u32>b < <u32>BUCKETS, 'bucket out of range');
  return load<i32>(bucketHeadBase + (<usize>b << 2));
}
// @ts-ignore: decorator
@inline function setBucketHead(b: i32, v: i32): void {
  assert(<u32>b < <u32>BUCKETS, 'bucket out of range');
  store<i32>(bucketHeadBase + (<usize>b << 2), v);
}
// @ts-ignore: decorator
@inline function bucketTail(b: i32): i32 {
  assert(<u32>b < <u32>BUCKETS, 'bucket out of range');
  return load<i32>(bucketTailBase + (<usize>b << 2));
}
// @ts-ignore: decorator
@inline function setBucketTail(b: i32, v: i32): void {
  assert(<u32>b < <u32>BUCKETS, 'bucket out of range');
  store<i32>(bucketTailBase + (<usize>b << 2), v);
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
  const total: usize =
    (arcBytes << 2) +
    ((<usize>cols + 1) << 2) +
    (<usize>cols << 2) +
    nodeI32Bytes * 9 +
    nodeF64Bytes * 3 +
    (<usize>BUCKETS << 3) +
    nodeI32Bytes * 5 +
    ((<usize>(nNodes + 31) >>> 5) << 2);
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
  colArcBase = cursor;
  cursor += arcBytes;
  colArcRowBase = cursor;
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
  heapNodeBase = cursor;
  cursor += nodeI32Bytes;
  placeBase = cursor;
  cursor += nodeI32Bytes;
  nextInBucketBase = cursor;
  cursor += nodeI32Bytes;
  prevInBucketBase = cursor;
  cursor += nodeI32Bytes;
  touchedBase = cursor;
  cursor += nodeI32Bytes;
  finalizedBase = cursor;
  cursor += nodeI32Bytes;
  balanceBase = cursor;
  cursor += nodeI32Bytes;
  bucketHeadBase = cursor;
  bucketTailBase = cursor + (<usize>BUCKETS << 2);
  cursor += <usize>BUCKETS << 3;
  {
    sourceBase = cursor;
    cursor += nodeI32Bytes;
    cursorBase = cursor;
    cursor += nodeI32Bytes;
    labelBase = cursor;
    cursor += nodeI32Bytes;
    labelCountBase = cursor;
    cursor += nodeI32Bytes;
    stackBase = cursor;
    cursor += nodeI32Bytes;
    unlabelledBitsBase = cursor;
  }

  buildColumnIndex();
  initialiseSearch();
  bucketSpan = costsAreIntegers(warm, rowPotentialOut, colPotentialOut) ? BUCKETS : 0;
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
  if (coldUnits() >= PHASED_COLD_FROM) {
    routeColdUnits();
    maxCapacity = 0;
  }
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

// @ts-ignore: decorator
@inline function isInteger(x: f64): bool {
  return Math.floor(x) == x;
}

/**
 * Whether every cost (and, on a warm start, every potential given) is an integer, so that every
 * distance is one and each bucket holds a single distance. The driver's costs always are.
 */
function costsAreIntegers(warm: i32, rowPotentialPtr: usize, colPotentialPtr: usize): bool {
  for (let p = 0; p < nArcs; p++) if (!isInteger(arcCost(p))) return false;
  for (let i = 0; i < nRows; i++) if (!isInteger(rowF64(rowFirstBase, i))) return false;
  for (let j = 0; j < nCols; j++) if (!isInteger(colF64(colFirstBase, j))) return false;
  if (warm != 0) {
    for (let i = 0; i < nRows; i++) if (!isInteger(rowF64(rowPotentialPtr, i))) return false;
    for (let j = 0; j < nCols; j++) if (!isInteger(colF64(colPotentialPtr, j))) return false;
  }
  return true;
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
  // Every arc of each column, in arc order, and its row (colFlowCount serves as the fill counter).
  memory.fill(colFlowCountBase, 0, <usize>nCols << 2);
  for (let p = 0; p < nArcs; p++) {
    const j = arcI32(arcColBase, p);
    const slot = colStart(j) + colI32(colFlowCountBase, j);
    setArcI32(colArcBase, slot, p);
    setArcI32(colArcRowBase, slot, arcI32(arcRowBase, p));
    store<i32>(colFlowCountBase + (<usize>j << 2), slot - colStart(j) + 1);
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
    setNodeI32(placeBase, v, NOT_QUEUED);
  }
  for (let b = 0; b < BUCKETS; b++) {
    setBucketHead(b, -1);
    setBucketTail(b, -1);
  }
  bucketMask = 0;
  heapSize = 0;
}

// The overflow heap holds each entry's distance next to its node (heapKey), so that sifting
// compares keys without a load through dist[]; the key always equals dist[node].
// @ts-ignore: decorator
@inline function heapPut(k: i32, node: i32, key: f64): void {
  setNodeI32(heapNodeBase, k, node);
  setNodeF64(heapKeyBase, k, key);
  setNodeI32(placeBase, node, BUCKETS + k);
}

/** Puts `node` with `key` at heap position `start` or above. */
function heapSiftUp(start: i32, node: i32, key: f64): void {
  let k = start;
  while (k > 0) {
    const parent = (k - 1) >> 1;
    const parentKey = nodeF64(heapKeyBase, parent);
    if (parentKey <= key) break;
    heapPut(k, nodeI32(heapNodeBase, parent), parentKey);
    k = parent;
  }
  heapPut(k, node, key);
}

/** Puts `node` with `key` at heap position `start` or below. */
function heapSiftDown(start: i32, node: i32, key: f64): void {
  let k = start;
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
    if (childKey >= key) break;
    heapPut(k, nodeI32(heapNodeBase, child), childKey);
    k = child;
  }
  heapPut(k, node, key);
}

/** Removes the entry at heap position k (its node's place is the caller's to set). */
function heapRemove(k: i32): void {
  heapSize--;
  if (k == heapSize) return;
  const node = nodeI32(heapNodeBase, heapSize);
  const key = nodeF64(heapKeyBase, heapSize);
  if (k > 0 && nodeF64(heapKeyBase, (k - 1) >> 1) > key) heapSiftUp(k, node, key);
  else heapSiftDown(k, node, key);
}

/** Queues node v at distance d ≥ the current minimum. */
// @ts-ignore: decorator
@inline function enqueue(v: i32, d: f64): void {
  const offset = d - windowStart;
  assert(offset >= 0, 'queue: key below the window');
  if (offset < <f64>bucketSpan) {
    const b = <i32>offset;
    if (oldestFirst) {
      const tail = bucketTail(b);
      setNodeI32(nextInBucketBase, v, -1);
      setNodeI32(prevInBucketBase, v, tail);
      if (tail >= 0) setNodeI32(nextInBucketBase, tail, v);
      else setBucketHead(b, v);
      setBucketTail(b, v);
    } else {
      const head = bucketHead(b);
      setNodeI32(nextInBucketBase, v, head);
      setNodeI32(prevInBucketBase, v, -1);
      if (head >= 0) setNodeI32(prevInBucketBase, head, v);
      else setBucketTail(b, v);
      setBucketHead(b, v);
    }
    setNodeI32(placeBase, v, b);
    bucketMask |= (<u64>1) << <u64>b;
  } else {
    heapSize++;
    heapSiftUp(heapSize - 1, v, d);
  }
}

/** Takes node v out of bucket b. */
// @ts-ignore: decorator
@inline function unlink(v: i32, b: i32): void {
  const before = nodeI32(prevInBucketBase, v);
  const after = nodeI32(nextInBucketBase, v);
  if (before >= 0) setNodeI32(nextInBucketBase, before, after);
  else {
    setBucketHead(b, after);
    if (after < 0) bucketMask &= ~((<u64>1) << <u64>b);
  }
  if (after >= 0) setNodeI32(prevInBucketBase, after, before);
  else setBucketTail(b, before);
}

/** Moves the heap's keys within BUCKETS of its smallest into the buckets, the window starting there. */
function refill(): void {
  windowStart = nodeF64(heapKeyBase, 0);
  while (heapSize > 0) {
    const key = nodeF64(heapKeyBase, 0);
    if (key - windowStart >= <f64>bucketSpan) break;
    const v = nodeI32(heapNodeBase, 0);
    heapRemove(0);
    enqueue(v, key);
  }
}

/** The smallest queued distance (Infinity when the queue is empty). */
// @ts-ignore: decorator
@inline function minKey(): f64 {
  if (bucketMask == 0) {
    if (heapSize == 0) return Infinity;
    if (bucketSpan == 0) return nodeF64(heapKeyBase, 0);
    refill();
  }
  return windowStart + <f64><i32>ctz(bucketMask);
}

/** Takes the node of minKey() (the newest in its bucket) out of the queue. */
// @ts-ignore: decorator
@inline function popMin(): i32 {
  let v: i32;
  if (bucketMask != 0) {
    const b = <i32>ctz(bucketMask);
    v = bucketHead(b);
    const after = nodeI32(nextInBucketBase, v);
    setBucketHead(b, after);
    if (after >= 0) setNodeI32(prevInBucketBase, after, -1);
    else {
      setBucketTail(b, -1);
      bucketMask &= ~((<u64>1) << <u64>b);
    }
  } else {
    v = nodeI32(heapNodeBase, 0);
    heapRemove(0);
  }
  setNodeI32(placeBase, v, NOT_QUEUED);
  return v;
}

/**
 * Offers node v distance d by arc `via`. Only a node nearer than the search bound is queued: one
 * at the bound or beyond would never be settled. A node already settled has dist ≤ the current
 * minimum ≤ d (reduced costs are ≥ 0), so the comparison alone leaves it alone. True when v's
 * distance improved.
 */
// @ts-ignore: decorator
@inline function relax(v: i32, d: f64, via: i32): bool {
  const old = nodeF64(distBase, v);
  if (!(d < old) || !(d < searchBound)) return false;
  if (old == Infinity) {
    setNodeI32(touchedBase, touchedCount, v);
    touchedCount++;
  } else {
    const at = nodeI32(placeBase, v);
    assert(at != NOT_QUEUED, 'queue: relaxing a settled node');
    if (at < BUCKETS) unlink(v, at);
    else heapRemove(at - BUCKETS);
  }
  setNodeF64(distBase, v, d);
  setNodeI32(predBase, v, via);
  enqueue(v, d);
  return true;
}

function startSearch(source: i32): void {
  searches++;
  touchedCount = 0;
  windowStart = 0;
  setNodeF64(distBase, source, 0);
  setNodeI32(touchedBase, touchedCount++, source);
  enqueue(source, 0);
}

/** π(v) += d(v) − cut for the settled nodes; then empties the queue and forgets the distances. */
function finishSearch(settledCount: i32, cut: f64): void {
  for (let k = 0; k < settledCount; k++) {
    const v = nodeI32(finalizedBase, k);
    setNodeF64(potentialBase, v, nodeF64(potentialBase, v) + nodeF64(distBase, v) - cut);
  }
}

function clearSearch(): void {
  for (let k = 0; k < touchedCount; k++) {
    const v = nodeI32(touchedBase, k);
    setNodeF64(distBase, v, Infinity);
    setNodeI32(placeBase, v, NOT_QUEUED);
  }
  while (bucketMask != 0) {
    const b = <i32>ctz(bucketMask);
    setBucketHead(b, -1);
    setBucketTail(b, -1);
    bucketMask &= ~((<u64>1) << <u64>b);
  }
  heapSize = 0;
}

/** One unit of row `source`, whose arc from the hub has reduced cost −limit < 0 (see the header). */
function activate(source: i32, limit: f64): void {
  const rows = nRows;
  oldestFirst = false;
  startSearch(source);
  let settledCount = 0;
  let hubPred: i32 = -1;
  searchBound = limit;
  while (true) {
    const du = minKey();
    if (du >= searchBound) break;
    const u = popMin();
    setNodeI32(finalizedBase, settledCount++, u);
    const pu = nodeF64(potentialBase, u);
    if (u < rows) {
      const end = rowStart(u + 1);
      for (let p = rowStart(u); p < end; p++) {
        if (arcFlow(p) != 0) continue;
        const j = arcI32(arcColBase, p);
        const v = rows + j;
        const pv = nodeF64(potentialBase, v);
        const d = du + arcCost(p) + pu - pv;
        if (!relax(v, d, p)) continue;
        // The hub through v, when v has room: an exit found on reaching v, not on settling it.
        const used = colI32(colUsedBase, j);
        if (used < colI32(colCapBase, j)) {
          const exit = d + (used == 0 ? colF64(colFirstBase, j) : 0.0) + pv;
          if (exit < searchBound) {
            searchBound = exit;
            hubPred = v;
          }
        }
      }
    } else {
      const j = u - rows;
      const first = colStart(j);
      const end = first + colI32(colFlowCountBase, j);
      for (let q = first; q < end; q++) {
        const p = arcI32(colFlowArcsBase, q);
        const v = arcI32(arcRowBase, p);
        const pv = nodeF64(potentialBase, v);
        const d = du - arcCost(p) + pu - pv;
        if (!relax(v, d, p) || v == source) continue;
        // The hub through v giving up its last unit.
        const used = rowI32(rowUsedBase, v);
        if (used > 0) {
          const exit = d - (used == 1 ? rowF64(rowFirstBase, v) : 0.0) + pv;
          if (exit < searchBound) {
            searchBound = exit;
            hubPred = v;
          }
        }
      }
    }
  }
  finishSearch(settledCount, searchBound);
  if (hubPred >= 0) augment(source, hubPred);
  clearSearch();
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

/**
 * From how many excess units a warm start routes them in phases rather than one search each: a
 * phase's labelling of the network costs more than the few searches of a small repair (500 a side,
 * 2 warm starts of a few hundred excesses: 7.9 ms per solve one by one, 9.3 ms in phases, measured
 * with Hopcroft–Karp rounds), and less than the searches of a large one (30,000 a side:
 * 13,000-100,000 excesses, 2 to 4 times faster).
 */
// @ts-ignore: decorator
@inline const PHASED_REPAIR_FROM: i32 = 2000;

// @ts-ignore: decorator
@inline function balance(v: i32): i32 {
  return nodeI32(balanceBase, v);
}
// @ts-ignore: decorator
@inline function addBalance(v: i32, units: i32): void {
  setNodeI32(balanceBase, v, nodeI32(balanceBase, v) + units);
}

/** The units a cold solve activates at the start: while a row's next arc from the hub has negative reduced cost. */
function coldUnits(): i32 {
  let units = 0;
  for (let i = 0; i < nRows; i++) units += unitsToTake(i);
  return units;
}

/** How many more units of row i have arcs from the hub of negative reduced cost. */
function unitsToTake(i: i32): i32 {
  const pi = nodeF64(potentialBase, i);
  const usable = usableUnits(i);
  let used = rowI32(rowUsedBase, i);
  const first = used;
  while (used < usable && (used == 0 ? rowF64(rowFirstBase, i) : 0.0) - pi < 0) used++;
  return used - first;
}

/**
 * A cold solve in phases: every unit whose arc from the hub has negative reduced cost is taken at
 * once (an excess at its row, a deficit at the hub), and the excesses are routed as a warm start's.
 */
function routeColdUnits(): void {
  const rows = nRows;
  const hub = nNodes - 1;
  memory.fill(balanceBase, 0, <usize>nNodes << 2);
  // Routing moves potentials, which may give a row's next unit negative reduced cost: take it too.
  while (true) {
    let sources = 0;
    for (let i = 0; i < rows; i++) {
      const units = unitsToTake(i);
      if (units == 0) continue;
      store<i32>(rowUsedBase + (<usize>i << 2), rowI32(rowUsedBase, i) + units);
      addBalance(i, units);
      addBalance(hub, -units);
      setNodeI32(sourceBase, sources++, i);
    }
    if (sources == 0) break;
    routeExcesses(sources, true);
  }
  const shift = nodeF64(potentialBase, hub);
  for (let v = 0; v < nNodes; v++) setNodeF64(potentialBase, v, nodeF64(potentialBase, v) - shift);
}

/**
 * From how many row units a solve from scratch takes them all at once and routes them in phases
 * (routeColdUnits) rather than one search each (activate). The first solves of the class path, one
 * search per unit and in phases: 15,000 units (5,000 a side) 0.14–0.16 s either way; 30,000 units
 * 0.57–0.64 s against 0.42–0.44 s; 60,000 units 2.5–2.8 s against 0.92–0.94 s; 90,000 units 7.2 s
 * against 1.95 s. With listed pairs at 2,000 a side (6,000 units) phases were slower: 150 against
 * 126 ms of CPU a solve.
 */
// @ts-ignore: decorator
@inline const PHASED_COLD_FROM: i32 = 20000;

/** Saturates the arcs with negative reduced cost and routes every excess to a deficit. */
function repairWarmStart(): void {
  const rows = nRows;
  memory.fill(rowUsedBase, 0, <usize>nNodes << 2);
  memory.fill(balanceBase, 0, <usize>nNodes << 2);
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
      addBalance(i, -1);
      addBalance(rows + j, 1);
    }
  }
  let sources = 0;
  let excessUnits = 0;
  for (let j = 0; j < nCols; j++) {
    const units = balance(rows + j);
    if (units > 0) setNodeI32(sourceBase, sources++, rows + j);
    excessUnits += units;
  }
  routeExcesses(sources, excessUnits >= PHASED_REPAIR_FROM);
}

/** Routes the excesses of the first `sources` nodes of sourceBase to the deficits. */
function routeExcesses(sources: i32, phased: bool): void {
  if (!phased) {
    // Few excesses: one search each, from the column, to the nearest deficit.
    for (let k = 0; k < sources; k++) {
      const source = nodeI32(sourceBase, k);
      while (balance(source) > 0) {
        // The search reads its sources from slot 0; slots before k are done with.
        setNodeI32(sourceBase, 0, source);
        augmentSearchPath(phaseSearch(1));
      }
    }
    return;
  }
  let target = -1;
  while (true) {
    if (!routeTightPaths(sources) && target >= 0) augmentSearchPath(target);
    let kept = 0;
    for (let k = 0; k < sources; k++) {
      const source = nodeI32(sourceBase, k);
      if (balance(source) > 0) setNodeI32(sourceBase, kept++, source);
    }
    sources = kept;
    if (sources == 0) break;
    target = phaseSearch(sources);
  }
}

let repairTarget: i32 = -1;

/** relax(), also taking a node in deficit as the target when it is the nearest so far. */
// @ts-ignore: decorator
@inline function relaxTowardsDeficit(node: i32, d: f64, via: i32): void {
  if (relax(node, d, via) && balance(node) < 0) {
    repairTarget = node;
    searchBound = d;
  }
}

// @ts-ignore: decorator
@inline const FROM_SOURCE: i32 = -2;

/**
 * One Dijkstra search from the first `sources` nodes of sourceBase at once (each at distance 0,
 * in node order: every node in excess for a phase, a single one for a small repair), stopping at
 * the nearest node in deficit (a warm start's rows, a cold solve's hub); the settled nodes'
 * potentials move so that every shortest path to it has reduced cost 0. Returns that node.
 */
function phaseSearch(sources: i32): i32 {
  const rows = nRows;
  const cols = nCols;
  const hub = nNodes - 1;
  oldestFirst = true;
  searches++;
  touchedCount = 0;
  windowStart = 0;
  for (let k = 0; k < sources; k++) {
    const source = nodeI32(sourceBase, k);
    setNodeF64(distBase, source, 0);
    setNodeI32(predBase, source, FROM_SOURCE);
    setNodeI32(touchedBase, touchedCount++, source);
    enqueue(source, 0);
  }
  let settledCount = 0;
  repairTarget = -1;
  searchBound = Infinity;
  while (true) {
    const du = minKey();
    if (du >= searchBound) break;
    const u = popMin();
    setNodeI32(finalizedBase, settledCount++, u);
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
  }
  finishSearch(settledCount, searchBound);
  clearSearch();
  // A path always exists (see the header), so the target is a node in deficit.
  assert(repairTarget >= 0, 'repair: no path from an excess to a deficit');
  return repairTarget;
}

/**
 * Augments the search's own path to `target`: each path of a small repair, and in phases only when
 * the depth-first search routed nothing, which exact arithmetic rules out (see "Warm start" in the
 * header).
 */
function augmentSearchPath(target: i32): void {
  const rows = nRows;
  const hub = nNodes - 1;
  let v = target;
  while (true) {
    if (v == hub) {
      const u = nodeI32(predBase, hub);
      if (u < rows) store<i32>(rowUsedBase + (<usize>u << 2), rowI32(rowUsedBase, u) - 1);
      else store<i32>(colUsedBase + (<usize>(u - rows) << 2), colI32(colUsedBase, u - rows) + 1);
      v = u;
      continue;
    }
    const p = nodeI32(predBase, v);
    if (p == FROM_SOURCE) break;
    if (p < 0) {
      if (v < rows) store<i32>(rowUsedBase + (<usize>v << 2), rowI32(rowUsedBase, v) + 1);
      else store<i32>(colUsedBase + (<usize>(v - rows) << 2), colI32(colUsedBase, v - rows) - 1);
      v = hub;
    } else if (v < rows) {
      dropArc(p);
      v = rows + arcI32(arcColBase, p);
    } else {
      chooseArc(p);
      v = arcI32(arcRowBase, p);
    }
  }
  addBalance(target, 1);
  addBalance(v, -1);
}

// Routing along arcs of reduced cost 0 (the admissible graph) as a maximum flow, by shortest
// augmenting paths with distance labels (Ahuja, Magnanti & Orlin §7.4; the gap relabelling of
// Cherkassky & Goldberg, Algorithmica 19 (1997) 390–410, §4). Each node's label is a lower bound on
// its number of arcs from a node in deficit, exact after labelDistances: label(u) ≤ label(v) + 1 on
// every arc u→v of reduced cost 0 in the residual network. A depth-first search from each excess
// steps only down by one (label(v) = label(u) − 1), so it walks no cycle and every path it finds is
// a shortest one; a node with no such arc left is relabelled one above its lowest head and left.
// Every node's cursor only moves forwards between its relabellings, because pushing flow along a
// path only adds arcs that step up. Hopcroft–Karp rounds (levels forwards from the excesses, then a
// blocking flow) served the same end, but each round labelled the plateau of reduced cost 0 again
// to route a handful of paths; labels carry over from one path to the next instead.
// @ts-ignore: decorator
@inline function labelOf(v: i32): i32 {
  return nodeI32(labelBase, v);
}

/** The first arc of node v in its cursor's order (see nextTightArc). */
// @ts-ignore: decorator
@inline function firstArc(v: i32): i32 {
  return v < nRows ? rowStart(v) : 0;
}

// @ts-ignore: decorator
@inline function isDeficit(v: i32): bool {
  return balance(v) < 0;
}

// @ts-ignore: decorator
@inline function hasLabel(v: i32, want: i32): bool {
  return labelOf(v) == want;
}

// @ts-ignore: decorator
@inline function labelCount(label: i32): i32 {
  return nodeI32(labelCountBase, label);
}

// @ts-ignore: decorator
@inline function isUnlabelled(v: i32): bool {
  return ((load<u32>(unlabelledBitsBase + ((<usize>v >>> 5) << 2)) >>> (<u32>v & 31)) & 1) != 0;
}

// @ts-ignore: decorator
@inline function setLabel(v: i32, label: i32): void {
  const word = unlabelledBitsBase + ((<usize>v >>> 5) << 2);
  store<u32>(word, load<u32>(word) & ~(<u32>1 << (<u32>v & 31)));
  setNodeI32(labelBase, v, label);
  if (label < nNodes) setNodeI32(labelCountBase, label, labelCount(label) + 1);
}

/**
 * Moves u's cursor to its next arc of reduced cost 0 (≤ 0, to tolerate rounding when costs are not
 * integers) whose head has label `want`, the arc under the cursor included, and returns that head,
 * or −1 when none is left. The cursor runs over a row's pair arcs then its arc into the hub
 * (giving up a unit), a column's used arcs (backwards, in arc order) then its arc into the hub
 * (taking a unit), and the hub's arcs to every row (a unit more) then every column (a unit less);
 * one step on always moves to the next arc.
 */
function nextTightArc(u: i32, want: i32): i32 {
  const rows = nRows;
  const hub = nNodes - 1;
  const pu = nodeF64(potentialBase, u);
  let c = nodeI32(cursorBase, u);
  let found: i32 = -1;
  if (u < rows) {
    const end = rowStart(u + 1);
    for (; c < end; c++) {
      if (arcFlow(c) != 0) continue;
      const v = rows + arcI32(arcColBase, c);
      if (hasLabel(v, want) && arcCost(c) + pu - nodeF64(potentialBase, v) <= 0) {
        found = v;
        break;
      }
    }
    if (found < 0 && c == end) {
      const used = rowI32(rowUsedBase, u);
      if (used > 0 && -(used == 1 ? rowF64(rowFirstBase, u) : 0.0) + pu - nodeF64(potentialBase, hub) <= 0 && hasLabel(hub, want)) found = hub;
      else c++;
    }
  } else if (u < hub) {
    // A column's cursor is an arc number (its used arcs are listed in arc order), nArcs for the hub.
    const j = u - rows;
    if (c < nArcs) {
      const first = colStart(j);
      let low = first;
      let high = first + colI32(colFlowCountBase, j);
      const end = high;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (arcI32(colFlowArcsBase, middle) < c) low = middle + 1;
        else high = middle;
      }
      for (let q = low; q < end; q++) {
        const p = arcI32(colFlowArcsBase, q);
        const v = arcI32(arcRowBase, p);
        if (hasLabel(v, want) && -arcCost(p) + pu - nodeF64(potentialBase, v) <= 0) {
          found = v;
          c = p;
          break;
        }
      }
      if (found < 0) c = nArcs;
    }
    if (found < 0 && c == nArcs) {
      const used = colI32(colUsedBase, j);
      if (used < colI32(colCapBase, j) && (used == 0 ? colF64(colFirstBase, j) : 0.0) + pu - nodeF64(potentialBase, hub) <= 0 && hasLabel(hub, want)) found = hub;
      else c++;
    }
  } else {
    for (; c < hub; c++) {
      if (c < rows) {
        const used = rowI32(rowUsedBase, c);
        if (used < rowI32(rowCapBase, c) && (used == 0 ? rowF64(rowFirstBase, c) : 0.0) + pu - nodeF64(potentialBase, c) <= 0 && hasLabel(c, want)) {
          found = c;
          break;
        }
      } else {
        const used = colI32(colUsedBase, c - rows);
        if (used > 0 && -(used == 1 ? colF64(colFirstBase, c - rows) : 0.0) + pu - nodeF64(potentialBase, c) <= 0 && hasLabel(c, want)) {
          found = c;
          break;
        }
      }
    }
  }
  setNodeI32(cursorBase, u, c);
  return found;
}

/**
 * Labels every node with its number of arcs of reduced cost 0 from the nearest node in deficit, by
 * a breadth-first search backwards from them (queue in stackBase); nNodes where none can be reached.
 * Resets every cursor.
 */
function labelDistances(): void {
  searches++;
  const unreached = nNodes;
  for (let v = 0; v < nNodes; v++) setNodeI32(labelBase, v, unreached);
  memory.fill(unlabelledBitsBase, 0xff, (<usize>(nNodes + 31) >>> 5) << 2);
  memory.fill(labelCountBase, 0, <usize>nNodes << 2);
  let tail = 0;
  for (let v = 0; v < nNodes; v++) {
    if (!isDeficit(v)) continue;
    setLabel(v, 0);
    setNodeI32(stackBase, tail++, v);
  }
  for (let head = 0; head < tail; head++) tail = labelTails(nodeI32(stackBase, head), tail);
  for (let v = 0; v < nNodes; v++) setNodeI32(cursorBase, v, firstArc(v));
}

/**
 * Labels each unlabelled tail u of an arc u→v of reduced cost 0 with label(v) + 1 and queues it
 * from `tail`; returns the new tail. The mirror of nextTightArc: into a row from the columns of its
 * used arcs and from the hub (a unit more), into a column from the rows of its unused arcs and from
 * the hub (a unit less), into the hub from rows giving up a unit and columns taking one.
 */
function labelTails(v: i32, tail: i32): i32 {
  const rows = nRows;
  const hub = nNodes - 1;
  const next = labelOf(v) + 1;
  const pv = nodeF64(potentialBase, v);
  const ph = nodeF64(potentialBase, hub);
  if (v < rows) {
    const end = rowStart(v + 1);
    for (let p = rowStart(v); p < end; p++) {
      if (arcFlow(p) == 0) continue;
      const u = rows + arcI32(arcColBase, p);
      if (!isUnlabelled(u) || -arcCost(p) + nodeF64(potentialBase, u) - pv > 0) continue;
      setLabel(u, next);
      setNodeI32(stackBase, tail++, u);
    }
    const used = rowI32(rowUsedBase, v);
    if (isUnlabelled(hub) && used < rowI32(rowCapBase, v) && (used == 0 ? rowF64(rowFirstBase, v) : 0.0) + ph - pv <= 0) {
      setLabel(hub, next);
      setNodeI32(stackBase, tail++, hub);
    }
  } else if (v < hub) {
    const j = v - rows;
    const end = colStart(j + 1);
    // The row first: most are labelled already, and the arc itself lies elsewhere in memory.
    for (let q = colStart(j); q < end; q++) {
      const u = arcI32(colArcRowBase, q);
      if (!isUnlabelled(u)) continue;
      const p = arcI32(colArcBase, q);
      if (arcFlow(p) != 0 || arcCost(p) + nodeF64(potentialBase, u) - pv > 0) continue;
      setLabel(u, next);
      setNodeI32(stackBase, tail++, u);
    }
    const used = colI32(colUsedBase, j);
    if (isUnlabelled(hub) && used > 0 && -(used == 1 ? colF64(colFirstBase, j) : 0.0) + ph - pv <= 0) {
      setLabel(hub, next);
      setNodeI32(stackBase, tail++, hub);
    }
  } else {
    for (let u = 0; u < rows; u++) {
      const used = rowI32(rowUsedBase, u);
      if (used <= 0 || !isUnlabelled(u)) continue;
      if (-(used == 1 ? rowF64(rowFirstBase, u) : 0.0) + nodeF64(potentialBase, u) - ph > 0) continue;
      setLabel(u, next);
      setNodeI32(stackBase, tail++, u);
    }
    for (let u = rows; u < hub; u++) {
      const used = colI32(colUsedBase, u - rows);
      if (used >= colI32(colCapBase, u - rows) || !isUnlabelled(u)) continue;
      if ((used == 0 ? colF64(colFirstBase, u - rows) : 0.0) + nodeF64(potentialBase, u) - ph > 0) continue;
      setLabel(u, next);
      setNodeI32(stackBase, tail++, u);
    }
  }
  return tail;
}

/**
 * Gives u, which has no arc down to label(u) − 1 left, one more than the lowest label among the
 * heads of its arcs of reduced cost 0 (nNodes when it has none), with its cursor on that arc. When
 * no node is left on u's old label, nothing above it reaches a deficit (every path down passes each
 * label): those nodes all go to nNodes (the gap relabelling).
 */
function relabel(u: i32): void {
  const rows = nRows;
  const hub = nNodes - 1;
  const unreached = nNodes;
  const pu = nodeF64(potentialBase, u);
  let lowest = unreached - 1;
  let at = firstArc(u);
  if (u < rows) {
    const end = rowStart(u + 1);
    for (let p = rowStart(u); p < end; p++) {
      if (arcFlow(p) != 0) continue;
      const v = rows + arcI32(arcColBase, p);
      const label = labelOf(v);
      if (label < lowest && arcCost(p) + pu - nodeF64(potentialBase, v) <= 0) {
        lowest = label;
        at = p;
      }
    }
    const used = rowI32(rowUsedBase, u);
    if (used > 0 && labelOf(hub) < lowest && -(used == 1 ? rowF64(rowFirstBase, u) : 0.0) + pu - nodeF64(potentialBase, hub) <= 0) {
      lowest = labelOf(hub);
      at = end;
    }
  } else if (u < hub) {
    const j = u - rows;
    const first = colStart(j);
    const end = first + colI32(colFlowCountBase, j);
    for (let q = first; q < end; q++) {
      const p = arcI32(colFlowArcsBase, q);
      const v = arcI32(arcRowBase, p);
      const label = labelOf(v);
      if (label < lowest && -arcCost(p) + pu - nodeF64(potentialBase, v) <= 0) {
        lowest = label;
        at = p;
      }
    }
    const used = colI32(colUsedBase, j);
    if (used < colI32(colCapBase, j) && labelOf(hub) < lowest && (used == 0 ? colF64(colFirstBase, j) : 0.0) + pu - nodeF64(potentialBase, hub) <= 0) {
      lowest = labelOf(hub);
      at = nArcs;
    }
  } else {
    for (let v = 0; v < rows; v++) {
      const used = rowI32(rowUsedBase, v);
      if (used < rowI32(rowCapBase, v) && labelOf(v) < lowest && (used == 0 ? rowF64(rowFirstBase, v) : 0.0) + pu - nodeF64(potentialBase, v) <= 0) {
        lowest = labelOf(v);
        at = v;
      }
    }
    for (let v = rows; v < hub; v++) {
      const used = colI32(colUsedBase, v - rows);
      if (used > 0 && labelOf(v) < lowest && -(used == 1 ? colF64(colFirstBase, v - rows) : 0.0) + pu - nodeF64(potentialBase, v) <= 0) {
        lowest = labelOf(v);
        at = v;
      }
    }
  }
  const old = labelOf(u);
  setNodeI32(labelCountBase, old, labelCount(old) - 1);
  if (labelCount(old) == 0) {
    for (let v = 0; v < nNodes; v++) {
      const label = labelOf(v);
      if (label <= old || label == unreached) continue;
      setNodeI32(labelCountBase, label, labelCount(label) - 1);
      setNodeI32(labelBase, v, unreached);
    }
    setNodeI32(labelBase, u, unreached);
  } else {
    setLabel(u, lowest + 1);
  }
  setNodeI32(cursorBase, u, at);
}

/**
 * Pushes as many units as the arcs of reduced cost 0 carry from the first `sources` nodes of
 * sourceBase to the nodes in deficit (a maximum flow of the admissible graph); false when none
 * moved. After as many relabellings as there are nodes the labels are made exact again, which
 * lifts at once what many single steps would: two captured warm starts at 100,000 a side took 26.9 s
 * so, against 28.6 s relabelling afresh twice as often, 30.0 s half as often and 39.8 s a quarter as
 * often.
 */
function routeTightPaths(sources: i32): bool {
  labelDistances();
  const unreached = nNodes;
  let routed = false;
  let relabels = 0;
  for (let k = 0; k < sources; k++) {
    const source = nodeI32(sourceBase, k);
    setNodeI32(stackBase, 0, source);
    let depth = 1;
    while (balance(source) > 0 && labelOf(source) < unreached) {
      const u = nodeI32(stackBase, depth - 1);
      const v = labelOf(u) > 0 ? nextTightArc(u, labelOf(u) - 1) : -1;
      if (v < 0) {
        relabel(u);
        if (depth > 1) depth--;
        if (++relabels >= nNodes) {
          // labelDistances queues in stackBase: the search starts again from the source.
          labelDistances();
          relabels = 0;
          setNodeI32(stackBase, 0, source);
          depth = 1;
        }
      } else if (isDeficit(v)) {
        augmentStack(depth, v);
        routed = true;
        depth = 1;
      } else {
        setNodeI32(stackBase, depth++, v);
      }
    }
  }
  return routed;
}

/** Pushes one unit along the stack's path (each node's cursor names its arc) into row `target`. */
function augmentStack(depth: i32, target: i32): void {
  const rows = nRows;
  const hub = nNodes - 1;
  for (let k = 0; k < depth; k++) {
    const u = nodeI32(stackBase, k);
    const c = nodeI32(cursorBase, u);
    if (u < rows) {
      if (c < rowStart(u + 1)) chooseArc(c);
      else store<i32>(rowUsedBase + (<usize>u << 2), rowI32(rowUsedBase, u) - 1);
    } else if (u < hub) {
      const j = u - rows;
      if (c < nArcs) dropArc(c);
      else store<i32>(colUsedBase + (<usize>j << 2), colI32(colUsedBase, j) + 1);
    } else if (c < rows) {
      store<i32>(rowUsedBase + (<usize>c << 2), rowI32(rowUsedBase, c) + 1);
    } else {
      store<i32>(colUsedBase + (<usize>(c - rows) << 2), colI32(colUsedBase, c - rows) - 1);
    }
  }
  const source = nodeI32(stackBase, 0);
  addBalance(target, 1);
  addBalance(source, -1);
}
