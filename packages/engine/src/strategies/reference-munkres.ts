// The reference system's assignment step, reproduced so that its rounds can be reproduced where
// several assignments reach the same total.
//
// Problem: given a rows × cols grid of profits, choose min(rows, cols) cells, at most one per row
// and per column, with the largest total. The reference (jonodrew/mentor-match-package,
// matching/process.py) runs the Python package `munkres` 1.1.4 on the cost grid `sys.maxsize -
// profit` (mentors as rows, mentees as columns, closed pairs at profit 0), padded with cost 0 to a
// square. That package follows R. A. Pilgrim's step-by-step description of Munkres' algorithm
// ("Munkres' Assignment Algorithm, Modified for Rectangular Matrices", Murray State University;
// J. Munkres, "Algorithms for the Assignment and Transportation Problems", J. SIAM 5(1):32–38, 1957).
//
// Every optimal assignment has the same total, but which one comes out depends on the order in
// which the steps scan the grid, and in the reference's rounds that choice decides the next round.
// So this file keeps the package's scan order exactly; it is the only reason it exists:
// - step 2 stars, row by row, the first zero of each row whose column has no star yet;
// - step 4 looks for an uncovered zero starting at the row and column where the previous one was
//   found (wrapping round), and within the first row that has one takes the *last* one in that
//   wrapped order (the package's scan does not stop at the first); after step 6 it starts at (0, 0);
// - step 5 follows the star in the prime's column and the prime in the star's row.
//
// What differs is only bookkeeping, none of which changes a decision:
// - Costs are kept as `base + rowPotential + colPotential` (step 1 sets the row potentials, step 6
//   moves both) instead of rewriting the grid, and `base` is computed from the profits.
// - The zero cells are indexed by row and by column, with each row's count of zeros in uncovered
//   columns, so step 4's searches (by far the most frequent step) read zeros, not the grid; step 6
//   keeps the zeros it does not touch and adds the new ones it finds while looking for the minimum.
// - Costs use BIG = 2^40 instead of 2^63 − 1: with whole profits far below 2^30 (checked by the
//   caller) every value is an exact integer and compares as the package's Python integers do.
//
// Time: O(n^4) in the worst case for n = max(rows, cols), as the package; here each step 6 is one
// pass over the uncovered cells and each search is proportional to the zeros it meets. Memory: the
// caller's profits, plus O(n + zeros) (a row of an all-zero grid holds n zeros).

const BIG = 2 ** 40;

/**
 * The assignment the reference's `Munkres().compute(make_cost_matrix(profits, maxsize - x))` returns:
 * for each row the column it is assigned to, or -1 (rows beyond the columns go to padding).
 * `profit` is row-major, rows × cols, whole numbers.
 */
export function referenceAssignment(rows: number, cols: number, profit: Float64Array): Int32Array {
  const n = Math.max(rows, cols);
  const assigned = new Int32Array(rows).fill(-1);
  if (rows === 0 || cols === 0) return assigned;
  const grid = new CostGrid(rows, cols, n, profit);
  const starColOfRow = new Int32Array(n).fill(-1);
  const starRowOfCol = new Int32Array(n).fill(-1);
  const primeColOfRow = new Int32Array(n).fill(-1);
  const rowCovered = new Uint8Array(n);
  const colCovered = new Uint8Array(n);
  const zeros = new ZeroIndex(n, rowCovered, colCovered);
  const star = (i: number, j: number) => {
    starColOfRow[i] = j;
    starRowOfCol[j] = i;
  };

  // Step 1: subtract each row's smallest cost from the row; then index the zeros. A real row's
  // smallest cost is BIG − its largest profit, or a padding 0 when the grid is wider than it.
  const initialZeros: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i >= rows) {
      for (let j = 0; j < n; j++) initialZeros.push(i * n + j);
      continue;
    }
    if (cols < n) {
      for (let j = cols; j < n; j++) initialZeros.push(i * n + j);
      continue;
    }
    let max = -Infinity;
    for (let j = 0; j < cols; j++) max = Math.max(max, profit[i * cols + j]);
    grid.rowPotential[i] = max - BIG;
    for (let j = 0; j < cols; j++) if (profit[i * cols + j] === max) initialZeros.push(i * n + j);
  }

  // Step 2: star the first zero of each row whose column has no star yet (columns in order).
  zeros.rebuild(initialZeros);
  for (let i = 0; i < n; i++) {
    let first = -1;
    for (let k = zeros.rowStart[i]; k < zeros.rowStart[i + 1]; k++) {
      const j = zeros.colOf[k];
      if (starRowOfCol[j] < 0 && (first < 0 || j < first)) first = j;
    }
    if (first >= 0) star(i, first);
  }
  zeros.countUncovered();

  // Step 4's search: the first uncovered row (from i0, wrapping) with an uncovered zero, and in it
  // the last such zero in the order j0, j0 + 1, …, wrapping.
  const findZero = (i0: number, j0: number): number => {
    const i = zeros.nextOpenRow(i0);
    if (i < 0) return -1;
    let best = -1;
    let bestRank = -1;
    for (let k = zeros.rowStart[i]; k < zeros.rowStart[i + 1]; k++) {
      const j = zeros.colOf[k];
      if (colCovered[j] === 1) continue;
      const rank = (j - j0 + n) % n;
      if (rank > bestRank) {
        bestRank = rank;
        best = j;
      }
    }
    return i * n + best;
  };

  for (;;) {
    // Step 3: cover every column with a star (and no row); done when all columns are covered. The
    // covers are changed where they differ, so that the zero index follows at the cost of the change.
    let covered = 0;
    for (let j = 0; j < n; j++) {
      const want = starRowOfCol[j] >= 0 ? 1 : 0;
      covered += want;
      if (colCovered[j] === want) continue;
      colCovered[j] = want;
      zeros.columnCoverChanged(j, want === 1);
    }
    for (let i = 0; i < n; i++) {
      if (rowCovered[i] === 0) continue;
      rowCovered[i] = 0;
      zeros.refreshRow(i);
    }
    if (covered >= n) break;

    // Steps 4 and 6: prime uncovered zeros until one has no star in its row.
    let row = 0;
    let col = 0;
    let pathStart = -1;
    while (pathStart < 0) {
      const found = findZero(row, col);
      if (found < 0) {
        adjustByMinimum(grid, zeros, rowCovered, colCovered);
        row = 0;
        col = 0;
        continue;
      }
      row = Math.floor(found / n);
      col = found - row * n;
      primeColOfRow[row] = col;
      const starCol = starColOfRow[row];
      if (starCol >= 0) {
        col = starCol;
        rowCovered[row] = 1;
        zeros.refreshRow(row);
        colCovered[col] = 0;
        zeros.columnCoverChanged(col, false);
      } else {
        pathStart = found;
      }
    }

    // Step 5: the alternating path of primes and stars from that prime: unstar its stars, star its
    // primes, erase every prime.
    const path: number[] = [pathStart];
    for (;;) {
      const pathCol = path[path.length - 1] % n;
      const starRow = starRowOfCol[pathCol];
      if (starRow < 0) break;
      path.push(starRow * n + pathCol, starRow * n + primeColOfRow[starRow]);
    }
    for (let k = 1; k < path.length; k += 2) {
      const i = Math.floor(path[k] / n);
      starRowOfCol[starColOfRow[i]] = -1;
      starColOfRow[i] = -1;
    }
    for (let k = 0; k < path.length; k += 2) {
      const i = Math.floor(path[k] / n);
      star(i, path[k] - i * n);
    }
    primeColOfRow.fill(-1);
  }

  for (let i = 0; i < rows; i++) {
    const j = starColOfRow[i];
    if (j >= 0 && j < cols) assigned[i] = j;
  }
  return assigned;
}

/** Costs as `base + rowPotential + colPotential`, base being BIG − profit, or 0 in the padding. */
class CostGrid {
  readonly rowPotential: Float64Array;
  readonly colPotential: Float64Array;

  constructor(
    private readonly rows: number,
    private readonly cols: number,
    n: number,
    private readonly profit: Float64Array,
  ) {
    this.rowPotential = new Float64Array(n);
    this.colPotential = new Float64Array(n);
  }

  cost(i: number, j: number): number {
    if (i < this.rows && j < this.cols)
      return BIG - this.profit[i * this.cols + j] + this.rowPotential[i] + this.colPotential[j];
    return this.rowPotential[i] + this.colPotential[j];
  }
}

/**
 * Step 6: add the smallest uncovered cost to covered rows and subtract it from uncovered columns.
 * Zeros at a covered row and a covered column rise and go; the uncovered cells at the minimum
 * become zeros; no other cell changes.
 */
function adjustByMinimum(grid: CostGrid, zeros: ZeroIndex, rowCovered: Uint8Array, colCovered: Uint8Array): void {
  const n = rowCovered.length;
  let open = 0;
  const openCols = new Int32Array(n);
  for (let j = 0; j < n; j++) if (colCovered[j] === 0) openCols[open++] = j;
  let min = Infinity;
  let atMin: number[] = [];
  for (let i = 0; i < n; i++) {
    if (rowCovered[i] === 1) continue;
    for (let k = 0; k < open; k++) {
      const j = openCols[k];
      const value = grid.cost(i, j);
      if (value > min) continue;
      if (value < min) {
        min = value;
        atMin = [];
      }
      atMin.push(i * n + j);
    }
  }
  for (let i = 0; i < n; i++) if (rowCovered[i] === 1) grid.rowPotential[i] += min;
  for (let k = 0; k < open; k++) grid.colPotential[openCols[k]] -= min;
  const kept = zeros.cells().filter((cell) => {
    const i = Math.floor(cell / n);
    return !(rowCovered[i] === 1 && colCovered[cell - i * n] === 1);
  });
  zeros.rebuild(kept.concat(atMin));
  zeros.countUncovered();
}

/**
 * Zero cells in compressed rows and columns, each row's count of zeros in uncovered columns, and a
 * bitset of the "open" rows (uncovered, with such a zero), which step 4's search walks.
 */
class ZeroIndex {
  readonly rowStart: Int32Array;
  colOf: Int32Array = new Int32Array(0);
  private readonly colStart: Int32Array;
  private rowOf: Int32Array = new Int32Array(0);
  private readonly uncoveredInRow: Int32Array;
  private readonly open: Uint32Array;

  constructor(
    private readonly n: number,
    private readonly rowCovered: Uint8Array,
    private readonly colCovered: Uint8Array,
  ) {
    this.rowStart = new Int32Array(n + 1);
    this.colStart = new Int32Array(n + 1);
    this.uncoveredInRow = new Int32Array(n);
    this.open = new Uint32Array((n + 31) >>> 5);
  }

  /** Every zero cell (i · n + j), row by row. */
  cells(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.n; i++) {
      for (let k = this.rowStart[i]; k < this.rowStart[i + 1]; k++) out.push(i * this.n + this.colOf[k]);
    }
    return out;
  }

  rebuild(cells: readonly number[]): void {
    const n = this.n;
    if (this.colOf.length < cells.length) {
      this.colOf = new Int32Array(cells.length);
      this.rowOf = new Int32Array(cells.length);
    }
    this.rowStart.fill(0);
    this.colStart.fill(0);
    for (const cell of cells) {
      this.rowStart[Math.floor(cell / n) + 1]++;
      this.colStart[(cell % n) + 1]++;
    }
    for (let k = 0; k < n; k++) {
      this.rowStart[k + 1] += this.rowStart[k];
      this.colStart[k + 1] += this.colStart[k];
    }
    const rowFill = this.rowStart.slice(0, n);
    const colFill = this.colStart.slice(0, n);
    for (const cell of cells) {
      const i = Math.floor(cell / n);
      const j = cell - i * n;
      this.colOf[rowFill[i]++] = j;
      this.rowOf[colFill[j]++] = i;
    }
  }

  countUncovered(): void {
    for (let i = 0; i < this.n; i++) {
      let uncovered = 0;
      for (let k = this.rowStart[i]; k < this.rowStart[i + 1]; k++) uncovered += 1 - this.colCovered[this.colOf[k]];
      this.uncoveredInRow[i] = uncovered;
      this.refreshRow(i);
    }
  }

  /** After column j was covered (or uncovered): its zeros leave (or join) their rows' counts. */
  columnCoverChanged(j: number, nowCovered: boolean): void {
    const delta = nowCovered ? -1 : 1;
    for (let k = this.colStart[j]; k < this.colStart[j + 1]; k++) {
      const i = this.rowOf[k];
      this.uncoveredInRow[i] += delta;
      this.refreshRow(i);
    }
  }

  refreshRow(i: number): void {
    if (this.rowCovered[i] === 0 && this.uncoveredInRow[i] > 0) this.open[i >>> 5] |= 1 << (i & 31);
    else this.open[i >>> 5] &= ~(1 << (i & 31));
  }

  /** The first open row at or after i0, wrapping; -1 when none. */
  nextOpenRow(i0: number): number {
    const words = this.open.length;
    let w = i0 >>> 5;
    let bits = this.open[w] & (~0 << (i0 & 31));
    for (let step = 0; step <= words; step++) {
      if (bits !== 0) {
        const i = (w << 5) + (31 - Math.clz32(bits & -bits));
        return step < words || i < i0 ? i : -1;
      }
      w = w + 1 === words ? 0 : w + 1;
      bits = this.open[w];
    }
    return -1;
  }
}
