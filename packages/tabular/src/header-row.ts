// Finding the header row as an Excel user would: sign-up sheets often start with a title ("Mentor
// sign-ups 2026", often merged across the columns), a note, or blank lines above the real column
// names. The rule, over the first HEADER_SEARCH_ROWS rows:
//   - blank rows, and rows holding a single value (a title or a note), may be skipped, at most
//     MAX_TITLE_ROWS of the latter;
//   - the header is the first row with two or more values, if its labels (distinct text cells that
//     do not read as numbers or dates) are at least two and more than half of its values, and some
//     row with a value follows it (a header with nothing below it is more likely data);
//   - otherwise the header is the first non-blank row, as it always was.
// Only rows of one value are ever skipped, so a real header row, which has several names, is never
// passed over for a data row. The same rule serves every reader and the add-in.
import type { Cell } from './table.js';

export const HEADER_SEARCH_ROWS = 20;
const MAX_TITLE_ROWS = 5;

const NUMBER_OR_DATE = /^[-+]?[£$€]?\s*\d[\d,.\s]*%?$|^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[T ][\d:.]+)?$/;

function isLabel(cell: Cell | undefined): cell is string {
  if (typeof cell !== 'string') return false;
  const text = cell.trim();
  return text !== '' && !NUMBER_OR_DATE.test(text);
}

function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function valueCount(row: readonly Cell[]): number {
  let count = 0;
  for (const cell of row) if (!isBlank(cell)) count++;
  return count;
}

/**
 * 0-based index of the header among `rows`: the top rows of a sheet or file, blank ones included,
 * with at least one row more than `searchRows` where there is one, so a candidate's next row is seen.
 */
export function detectHeaderRow(rows: readonly (readonly Cell[])[], searchRows = HEADER_SEARCH_ROWS): number {
  const depth = Math.min(rows.length, searchRows);
  let firstNonBlank = -1;
  let titles = 0;
  for (let r = 0; r < depth; r++) {
    const values = valueCount(rows[r]);
    if (values === 0) continue;
    if (firstNonBlank < 0) firstNonBlank = r;
    if (values === 1) {
      if (++titles > MAX_TITLE_ROWS) break;
      continue;
    }
    if (r === firstNonBlank) return r;
    const labels = new Set(rows[r].filter(isLabel).map((cell) => cell.trim().toLowerCase())).size;
    const followed = rows.slice(r + 1).some((row) => valueCount(row) > 0);
    return labels >= 2 && labels * 2 > values && followed ? r : firstNonBlank;
  }
  return Math.max(0, firstNonBlank);
}
