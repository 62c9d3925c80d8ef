// Linear sum assignment: dense, rectangular, minimising.
//
// Algorithm: Jonker & Volgenant, "A shortest augmenting path algorithm for dense and sparse linear
// assignment problems", Computing 38 (1987) 325–340 (LAPJV): column reduction and reduction
// transfer (pp. 330–331), augmenting row reduction (pp. 331–332; two passes, each capped, see
// ARR_BUDGET_PER_FREE_ROW, and a row whose minimum is tied takes a free column at that minimum if
// there is one: the two departures from the paper), then one shortest augmenting path per
// remaining free row, a Dijkstra search on reduced costs c[i][j] - v[j] with the column
// duals updated afterwards (pp. 332–333). Rectangular problems follow Crouse, "On implementing 2D
// rectangular assignment algorithms", IEEE Trans. Aerospace and Electronic Systems 52(4) (2016)
// 1679–1696, doi 10.1109/TAES.2016.140952, section III (pp. 1685–1687): with rows < cols every
// row is assigned, the column duals must stay <= 0 and equal 0 on unassigned columns. Starting
// from v = 0 and only ever lowering v[j] of a column that is (or becomes) assigned keeps that
// true, so augmenting row reduction and the augmentation apply unchanged; column reduction would
// set v[j] = min_i c[i][j], which may be positive on a column left unassigned, so it only runs on
// square problems.
//
// Time O(rows^2 * cols) in the worst case (one O(rows * cols) search per free row); in practice
// the initialisation leaves few free rows. Memory: the costs (8 bytes each, owned by the caller)
// plus O(rows + cols) working arrays allocated once per solve.
//
// Preconditions, established by the TypeScript wrapper: rows <= cols (it transposes otherwise);
// no NaN and no -Infinity; +Infinity marks a forbidden pair. An assigned pair always has a finite
// cost, and v stays finite: steps that would subtract an infinite amount are skipped or deferred.
//
// Loading the costs (lsapCheckCosts, lsapTransposeRows): the wrapper copies the caller's
// Float64Array into wasm memory in bulk; these check every entry (no NaN, no -Infinity after the
// optional negation) in one pass and, for a matrix with more rows than columns, transpose it in
// blocks of rows, so that the solver reads the short side's rows sequentially.
//
// Result: status LSAP_SOLVED and, per row, its column and the dual potentials u (rows) and v
// (cols) with u[i] + v[j] <= c[i][j] for every allowed pair, equality on assigned pairs, v <= 0
// and v = 0 on unassigned columns when rows < cols: the certificate that the assignment is optimal.
// Status LSAP_INFEASIBLE when forbidden pairs leave no complete assignment (outputs unspecified).

// @ts-ignore: decorator
@inline const LSAP_SOLVED: i32 = 0;
// @ts-ignore: decorator
@inline const LSAP_INFEASIBLE: i32 = 1;

// The costs of the current solve: a row-major rows x cols f64 block owned by the caller.
let costBase: usize = 0;
let nRows: i32 = 0;
let nCols: i32 = 0;

/** Address of row i of the costs. */
// @ts-ignore: decorator
@inline function costRow(i: i32): usize {
  assert(<u32>i < <u32>nRows, 'cost row out of range');
  return costBase + ((<usize>i * <usize>nCols) << 3);
}

/** c[i][j] given the address of row i; the debug build checks j (release strips the assert). */
// @ts-ignore: decorator
@inline function costAt(row: usize, j: i32): f64 {
  assert(<u32>j < <u32>nCols, 'cost column out of range');
  return load<f64>(row + (<usize>j << 3));
}

// @ts-ignore: decorator
@inline const COSTS_VALID: i32 = -1;

/**
 * Checks the `count` costs at `costs` in place, negating each first when `negate` is set: returns
 * the index of the first NaN or -Infinity (after negation), or COSTS_VALID (-1).
 */
export function lsapCheckCosts(costs: usize, count: i32, negate: bool): i32 {
  // `!(c > -Infinity)` holds exactly for NaN and -Infinity: one comparison per entry.
  if (negate) {
    for (let k = 0; k < count; k++) {
      const at = costs + (<usize>k << 3);
      const c = -load<f64>(at);
      store<f64>(at, c);
      if (!(c > -Infinity)) return k;
    }
  } else {
    // Four entries per test (one branch instead of four); the block that fails is looked at again.
    let k = 0;
    for (; k + 4 <= count; k += 4) {
      const at = costs + (<usize>k << 3);
      const valid =
        (load<f64>(at) > -Infinity) &
        (load<f64>(at, 8) > -Infinity) &
        (load<f64>(at, 16) > -Infinity) &
        (load<f64>(at, 24) > -Infinity);
      if (!valid) break;
    }
    for (; k < count; k++) {
      if (!(load<f64>(costs + (<usize>k << 3)) > -Infinity)) return k;
    }
  }
  return COSTS_VALID;
}

/**
 * Writes `count` rows of a rows x cols row-major matrix, rows firstRow.. held at `source`, into
 * the cols x rows matrix at `costs` (its columns firstRow..), negated when `negate` is set.
 * Returns COSTS_VALID (-1), or the index in `source` of its first NaN or -Infinity (after
 * negation; looked for again in row-major order only when the block has one). Each column j of the
 * block is written as one run of `count` values while the `count` source rows' cache lines serve
 * the next columns too, so keep count small (the wrapper passes 64 rows at a time).
 */
export function lsapTransposeRows(
  source: usize,
  firstRow: i32,
  count: i32,
  rows: i32,
  cols: i32,
  costs: usize,
  negate: bool,
): i32 {
  assert(firstRow >= 0 && count >= 0 && firstRow + count <= rows, 'lsapTransposeRows: rows out of range');
  const sign: f64 = negate ? -1.0 : 1.0;
  let valid = true;
  for (let j = 0; j < cols; j++) {
    const target = costs + ((<usize>j * <usize>rows + <usize>firstRow) << 3);
    const from = source + (<usize>j << 3);
    const stride = <usize>cols << 3;
    for (let r = 0; r < count; r++) {
      const c = load<f64>(from + <usize>r * stride) * sign;
      store<f64>(target + (<usize>r << 3), c);
      valid = valid & (c > -Infinity);
    }
  }
  if (valid) return COSTS_VALID;
  for (let k = 0; k < count * cols; k++) {
    if (!(load<f64>(source + (<usize>k << 3)) * sign > -Infinity)) return k;
  }
  return COSTS_VALID;
}

/**
 * Solves the assignment of the rows x cols block at `costs` (rows <= cols). Writes each row's
 * column to `col4rowOut` (rows i32), the row duals to `rowDualsOut` (rows f64) and the column
 * duals to `colDualsOut` (cols f64). Returns LSAP_SOLVED (0) or LSAP_INFEASIBLE (1).
 */
export function lsapSolve(
  costs: usize,
  rows: i32,
  cols: i32,
  col4rowOut: usize,
  rowDualsOut: usize,
  colDualsOut: usize,
): i32 {
  assert(rows >= 0 && rows <= cols, 'lsapSolve needs 0 <= rows <= cols');
  costBase = costs;
  nRows = rows;
  nCols = cols;
  if (rows == 0) {
    memory.fill(colDualsOut, 0, <usize>cols << 3);
    return LSAP_SOLVED;
  }
  const col4row = new StaticArray<i32>(rows).fill(-1);
  const row4col = new StaticArray<i32>(cols).fill(-1);
  const v = new StaticArray<f64>(cols);
  const freeRows = new StaticArray<i32>(rows);
  // Scratch for the searches, shared by the steps to allocate once per solve.
  const d = new StaticArray<f64>(cols);
  const pred = new StaticArray<i32>(cols);
  const colList = new StaticArray<i32>(cols);

  let numFree: i32;
  if (rows == cols) {
    numFree = reduceColumns(col4row, row4col, v, freeRows, pred);
  } else {
    for (let i = 0; i < rows; i++) unchecked((freeRows[i] = i));
    numFree = rows;
  }
  // Two passes, as in the paper: further passes rarely pay for themselves.
  // After column reduction every reduced cost c[i][j] - v[j] is >= 0, and augmenting row reduction
  // only lowers v: a free column at reduced cost 0 is then a row's best column, found without
  // scanning the rest of the row.
  const lowestReduced = rows == cols ? 0.0 : -Infinity;
  for (let pass = 0; pass < 2 && numFree > 0; pass++) {
    numFree = reduceAugmentingRows(col4row, row4col, v, freeRows, numFree, lowestReduced);
  }
  if (numFree < 0) return LSAP_INFEASIBLE;
  for (let f = 0; f < numFree; f++) {
    const found = augment(unchecked(freeRows[f]), col4row, row4col, v, d, pred, colList);
    if (!found) return LSAP_INFEASIBLE;
  }
  writeResult(col4row, v, col4rowOut, rowDualsOut, colDualsOut);
  return LSAP_SOLVED;
}

/**
 * Column reduction then reduction transfer (square only). v[j] = min_i c[i][j]; each column goes to
 * its first minimum row if that row has no column yet; a row that got exactly one column hands the
 * gap to its second-best column over to v. Fills `freeRows` and returns their count, or -1 when a
 * column is forbidden for every row. `firstMinRow` is scratch (cols).
 */
function reduceColumns(
  col4row: StaticArray<i32>,
  row4col: StaticArray<i32>,
  v: StaticArray<f64>,
  freeRows: StaticArray<i32>,
  firstMinRow: StaticArray<i32>,
): i32 {
  const rows = nRows;
  const cols = nCols;
  // Row-major scan (the paper scans column by column) so the costs are read sequentially.
  v.fill(Infinity);
  firstMinRow.fill(-1);
  for (let i = 0; i < rows; i++) {
    const row = costRow(i);
    // j < cols = v.length = firstMinRow.length.
    for (let j = 0; j < cols; j++) {
      const c = costAt(row, j);
      if (c < unchecked(v[j])) {
        unchecked((v[j] = c));
        unchecked((firstMinRow[j] = i));
      }
    }
  }
  // Reused as the count of columns each row is the first minimum of.
  const matches = freeRows;
  matches.fill(0);
  // Last column first, as in the paper, so the earliest column wins a row's single assignment.
  for (let j = cols - 1; j >= 0; j--) {
    const i = unchecked(firstMinRow[j]);
    if (i < 0) return -1;
    const count = matches[i] + 1;
    matches[i] = count;
    if (count == 1) {
      col4row[i] = j;
      row4col[j] = i;
    }
  }
  let numFree = 0;
  for (let i = 0; i < rows; i++) {
    const count = matches[i];
    if (count == 0) {
      // numFree <= i: the entry overwritten was already read.
      freeRows[numFree++] = i;
    } else if (count == 1) {
      transferReduction(i, col4row[i], v);
    }
  }
  return numFree;
}

/** Lowers v[j1] so that row i's reduced cost on its column j1 equals that of its second-best column. */
function transferReduction(i: i32, j1: i32, v: StaticArray<f64>): void {
  const row = costRow(i);
  const cols = nCols;
  let secondBest = Infinity;
  // j < cols = v.length.
  for (let j = 0; j < cols; j++) {
    if (j == j1) continue;
    const h = costAt(row, j) - unchecked(v[j]);
    if (h < secondBest) secondBest = h;
  }
  // A row with a single allowed column keeps v[j1]: lowering it by Infinity would poison v.
  if (secondBest < Infinity) v[j1] -= secondBest;
}

// Row reductions allowed per pass, per row free at its start. On real-valued costs the displaced
// rows can trade a column back and forth with tiny price drops (an auction with a tiny epsilon)
// for O(n^2) steps of O(n) each: measured 1.2 s at 2000 x 2000 uniform costs with unbounded
// passes against 0.45 s with this cap. Rows left over go to the augmentation, which is exact.
// @ts-ignore: decorator
@inline const ARR_BUDGET_PER_FREE_ROW: i32 = 2;

/**
 * One pass of augmenting row reduction over the free rows: each takes its best column, displacing
 * that column's row, and v of that column drops by the gap to the second best, so a displaced
 * row is reconsidered at once only while v strictly decreases. Returns the rows left free for
 * the next pass (including any beyond the budget), or -1 when a row has no allowed column.
 * `lowestReduced` bounds every reduced cost from below (0 after column reduction, else
 * -Infinity): a row that meets a free column at that bound takes it and stops scanning.
 */
function reduceAugmentingRows(
  col4row: StaticArray<i32>,
  row4col: StaticArray<i32>,
  v: StaticArray<f64>,
  freeRows: StaticArray<i32>,
  previousFree: i32,
  lowestReduced: f64,
): i32 {
  const cols = nCols;
  let numFree = 0;
  let k = 0;
  let budget = previousFree * ARR_BUDGET_PER_FREE_ROW;
  while (k < previousFree) {
    const i = freeRows[k];
    k++;
    if (budget-- <= 0) {
      // numFree < k: the slot written was already read.
      freeRows[numFree++] = i;
      continue;
    }
    const row = costRow(i);
    let best = costAt(row, 0) - unchecked(v[0]);
    let j1 = 0;
    let secondBest = Infinity;
    let j2 = -1;
    // A free column among those at the minimum, taken instead of j1 when the minimum is tied.
    let freeAtBest = unchecked(row4col[0]) < 0 ? 0 : -1;
    const end = freeAtBest == 0 && best <= lowestReduced ? 1 : cols;
    // j < end <= cols = v.length = row4col.length.
    for (let j = 1; j < end; j++) {
      const h = costAt(row, j) - unchecked(v[j]);
      assert(h >= lowestReduced, 'reduced cost below its bound');
      if (h <= secondBest) {
        if (h < best) {
          secondBest = best;
          best = h;
          j2 = j1;
          j1 = j;
          freeAtBest = unchecked(row4col[j]) < 0 ? j : -1;
        } else {
          if (h < secondBest) {
            secondBest = h;
            j2 = j;
          }
          if (h == best && freeAtBest < 0 && unchecked(row4col[j]) < 0) freeAtBest = j;
        }
        if (freeAtBest >= 0 && best <= lowestReduced) break;
      }
    }
    if (best == Infinity) return -1;
    if (freeAtBest >= 0 && (secondBest == best || best <= lowestReduced)) {
      // A free column at the minimum, which is tied or cannot be beaten: v stays, the row's reduced
      // cost there is its minimum and nobody is displaced. Without this, integer costs with few
      // distinct values (0-20) left 1,280 of 1,500 rows free after both passes, each then costing
      // a search; with it, 4.
      col4row[i] = freeAtBest;
      row4col[freeAtBest] = i;
      continue;
    }
    if (secondBest == Infinity) {
      // One allowed column: v cannot drop by an infinite gap, so leave the row to augmentation.
      // numFree < k: the slot written was already read.
      freeRows[numFree++] = i;
      continue;
    }
    let displaced = row4col[j1];
    // The drop must change v[j1]: a gap below v[j1]'s precision would let two rows displace each
    // other forever, so it is handled like a tie.
    const lowered = v[j1] - (secondBest - best);
    const strict = lowered < v[j1];
    if (strict) {
      v[j1] = lowered;
    } else if (displaced >= 0) {
      // A tie: take the second best column instead, so no row is displaced without a price change.
      j1 = j2;
      displaced = row4col[j2];
    }
    col4row[i] = j1;
    row4col[j1] = i;
    if (displaced >= 0) {
      col4row[displaced] = -1;
      if (strict) {
        // Reconsidered next, in the slot just read.
        freeRows[--k] = displaced;
      } else {
        freeRows[numFree++] = displaced;
      }
    }
  }
  return numFree;
}

/**
 * Shortest augmenting path from `freeRow` (Dijkstra on reduced costs over the columns), then the
 * dual update of the scanned columns and the augmentation along the path. `colList` holds every
 * column once: [0, low) scanned, [low, up) at the current minimum distance, [up, cols) the rest.
 * Returns false when no free column is reachable (no complete assignment exists).
 */
function augment(
  freeRow: i32,
  col4row: StaticArray<i32>,
  row4col: StaticArray<i32>,
  v: StaticArray<f64>,
  d: StaticArray<f64>,
  pred: StaticArray<i32>,
  colList: StaticArray<i32>,
): bool {
  const cols = nCols;
  const freeRowCosts = costRow(freeRow);
  // j < cols, the length of v, d, pred and colList.
  for (let j = 0; j < cols; j++) {
    unchecked((d[j] = costAt(freeRowCosts, j) - unchecked(v[j])));
    unchecked((pred[j] = freeRow));
    unchecked((colList[j] = j));
  }
  let low = 0;
  let up = 0;
  let last = 0;
  let min = 0.0;
  let endOfPath = -1;
  while (endOfPath < 0) {
    if (up == low) {
      last = low - 1;
      // Collect the columns at the new minimum distance into [low, up).
      // Every index below is < cols: low = up < cols because a free column stays unscanned,
      // k < cols by the loop bound, and colList entries are columns.
      min = unchecked(d[unchecked(colList[up++])]);
      for (let k = up; k < cols; k++) {
        const j = unchecked(colList[k]);
        const h = unchecked(d[j]);
        if (h <= min) {
          if (h < min) {
            up = low;
            min = h;
          }
          unchecked((colList[k] = unchecked(colList[up])));
          unchecked((colList[up++] = j));
        }
      }
      if (min == Infinity) return false;
      // A free column at the minimum ends the search (ties prefer free columns: fewer scans).
      for (let k = low; k < up; k++) {
        const j = unchecked(colList[k]);
        if (unchecked(row4col[j]) < 0) {
          endOfPath = j;
          break;
        }
      }
    }
    if (endOfPath < 0) {
      const j1 = unchecked(colList[low++]);
      const i = unchecked(row4col[j1]);
      const row = costRow(i);
      const h = costAt(row, j1) - unchecked(v[j1]) - min;
      // k < cols by the loop bound, colList entries are columns.
      for (let k = up; k < cols; k++) {
        const j = unchecked(colList[k]);
        const reduced = costAt(row, j) - unchecked(v[j]) - h;
        if (reduced < unchecked(d[j])) {
          unchecked((pred[j] = i));
          if (reduced == min) {
            if (unchecked(row4col[j]) < 0) {
              endOfPath = j;
              break;
            }
            unchecked((colList[k] = unchecked(colList[up])));
            unchecked((colList[up++] = j));
          }
          unchecked((d[j] = reduced));
        }
      }
    }
  }
  // Scanned columns [0, last] move their duals so reduced costs stay >= 0 and are 0 on the path.
  for (let k = 0; k <= last; k++) {
    const j = unchecked(colList[k]);
    unchecked((v[j] += unchecked(d[j]) - min));
  }
  let j = endOfPath;
  while (true) {
    const i = pred[j];
    row4col[j] = i;
    const next = col4row[i];
    col4row[i] = j;
    if (i == freeRow) break;
    j = next;
  }
  return true;
}

/** Writes each row's column, u[i] = c[i][col4row[i]] - v[col4row[i]] and v to the caller's blocks. */
function writeResult(
  col4row: StaticArray<i32>,
  v: StaticArray<f64>,
  col4rowOut: usize,
  rowDualsOut: usize,
  colDualsOut: usize,
): void {
  for (let i = 0; i < nRows; i++) {
    const j = col4row[i];
    store<i32>(col4rowOut + (<usize>i << 2), j);
    store<f64>(rowDualsOut + (<usize>i << 3), costAt(costRow(i), j) - v[j]);
  }
  for (let j = 0; j < nCols; j++) store<f64>(colDualsOut + (<usize>j << 3), v[j]);
}
