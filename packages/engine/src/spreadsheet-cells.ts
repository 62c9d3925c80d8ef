// What a spreadsheet can put in a cell that is not the person's value: an error such as #N/A (a
// broken lookup formula), or a merged area, where only the top-left cell holds the value and the
// rows below read as blank. Either would silently change who may be paired with whom (an
// organisation of "#N/A" matches every other "#N/A"; a blank grade fails every grade rule), so in a
// column the matching uses they stop the run with the cell's address. Other columns are left alone.
// XLSX files mark error cells (Table.errors); Excel's JavaScript API and CSV exports give the error
// as plain text, so a cell that is exactly an Excel error literal counts as one too.
import { columnLetter, type Table } from '@mentor-matcher/tabular';
import type { InputProblem } from './model.js';
import type { ColumnMapping } from './mapping.js';

/** Excel's error values as it displays them; a person's real data is never exactly one of these. */
const excelErrorLiterals = new Set([
  '#N/A',
  '#VALUE!',
  '#REF!',
  '#DIV/0!',
  '#NUM!',
  '#NAME?',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

/** Problems for error values and merged areas in the columns `mapping` uses (and `extraColumns`, e.g. a role column). */
export function spreadsheetCellProblems(
  table: Table,
  mapping: ColumnMapping,
  extraColumns: readonly string[] = [],
): InputProblem[] {
  const used = new Set([...Object.values(mapping), ...extraColumns]);
  const isUsed = (column: number) => used.has(table.header[column]);
  const sheetRow = (row: number) => table.headerRow + 1 + row;
  const problems: InputProblem[] = [];
  const marked = (table.errors ?? []).filter((error) => error.row >= 0);
  const seen = new Set(marked.map((error) => `${error.row}:${error.column}`));
  const literals: typeof marked = [];
  table.header.forEach((_, column) => {
    if (!isUsed(column)) return;
    table.rows.forEach((row, index) => {
      const cell = row[column];
      if (typeof cell !== 'string') return;
      // Every error literal starts with #: other cells are not hashed for the look-up (a biography is long).
      const text = cell.trim();
      if (text.charCodeAt(0) === 0x23 && excelErrorLiterals.has(text) && !seen.has(`${index}:${column}`)) {
        literals.push({
          row: index,
          column,
          value: text,
          address: `${columnLetter(table.firstColumn + column)}${sheetRow(index)}`,
        });
      }
    });
  });
  for (const error of [...marked, ...literals]) {
    if (!isUsed(error.column)) continue;
    const column = table.header[error.column];
    problems.push({
      severity: 'error',
      code: 'cell-error-value',
      message: `${table.source} row ${sheetRow(error.row)}, column "${column}" (cell ${error.address}) holds the Excel error ${error.value}; fix the formula or type the value in`,
      table: table.source,
      row: sheetRow(error.row),
      column,
      value: error.value,
    });
  }
  for (const range of table.mergedRanges ?? []) {
    if (range.lastRow < 0 || range.firstRow === range.lastRow) continue;
    const columns = Array.from(
      { length: range.lastColumn - range.firstColumn + 1 },
      (_, i) => range.firstColumn + i,
    ).filter(isUsed);
    if (columns.length === 0) continue;
    const names = columns.map((c) => `"${table.header[c]}"`).join(', ');
    problems.push({
      severity: 'error',
      code: 'merged-cells',
      message: `${table.source}: cells ${range.address} are merged, so rows ${sheetRow(range.firstRow + 1)}–${sheetRow(range.lastRow)} of column ${names} would be read as blank; unmerge the cells and fill in each row`,
      table: table.source,
      row: sheetRow(range.firstRow),
      column: table.header[columns[0]],
    });
  }
  return problems;
}
