// Finds the header row of a block of cells: sign-up sheets often start with a title, a note or
// blank lines above the real column names.
import type { Cell } from '@mentor-matcher/tabular';

/** How far down the header is looked for. */
export const headerSearchDepth = 20;

function isLabel(cell: Cell): boolean {
  return typeof cell === 'string' && cell.trim() !== '';
}

/**
 * 0-based index of the header row: the first of the top rows whose text cells are at least 60% of
 * the most text cells any top row has, and at least two (a title line has one).
 */
export function detectHeaderRow(rows: readonly (readonly Cell[])[]): number {
  const depth = Math.min(rows.length, headerSearchDepth);
  const labels: number[] = [];
  for (let r = 0; r < depth; r++) {
    const cells = rows[r].filter(isLabel).map((c) => String(c).trim().toLowerCase());
    labels.push(new Set(cells).size);
  }
  const most = Math.max(0, ...labels);
  if (most < 2) return 0;
  const found = labels.findIndex((count) => count >= 2 && count >= most * 0.6);
  return found < 0 ? 0 : found;
}
