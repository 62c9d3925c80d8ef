// How many pairs the allowed entries admit, for the message of InfeasibleAssignmentError. Runs
// only after the solver has found the problem infeasible, so plain augmenting paths (Kuhn 1955)
// after a greedy start are fast enough, and keep this rare path simple.

/** Size of a maximum matching of a rows × cols bipartite graph given by `allowed(i, j)`. */
export function maxCardinalityMatching(
  rows: number,
  cols: number,
  allowed: (row: number, col: number) => boolean,
): number {
  const rowOfCol = new Int32Array(cols).fill(-1);
  const colOfRow = new Int32Array(rows).fill(-1);
  let size = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (rowOfCol[j] < 0 && allowed(i, j)) {
        rowOfCol[j] = i;
        colOfRow[i] = j;
        size++;
        break;
      }
    }
  }
  const visited = new Uint8Array(cols);
  // Iterative depth-first search: a recursive one overflows the stack on long paths.
  const stackRow = new Int32Array(rows);
  const stackCol = new Int32Array(rows);
  for (let start = 0; start < rows; start++) {
    if (colOfRow[start] >= 0) continue;
    visited.fill(0);
    let depth = 0;
    stackRow[0] = start;
    stackCol[0] = 0;
    let endCol = -1;
    while (depth >= 0 && endCol < 0) {
      const i = stackRow[depth];
      let j = stackCol[depth];
      while (j < cols && (visited[j] || !allowed(i, j))) j++;
      stackCol[depth] = j + 1;
      if (j === cols) {
        depth--;
        continue;
      }
      visited[j] = 1;
      if (rowOfCol[j] < 0) {
        endCol = j;
      } else {
        depth++;
        stackRow[depth] = rowOfCol[j];
        stackCol[depth] = 0;
      }
    }
    if (endCol < 0) continue;
    // Flip the path: each row on the stack takes the column that the next level came through.
    let j = endCol;
    for (let level = depth; level >= 0; level--) {
      const i = stackRow[level];
      const previous = colOfRow[i];
      colOfRow[i] = j;
      rowOfCol[j] = i;
      j = previous;
    }
    size++;
  }
  return size;
}
