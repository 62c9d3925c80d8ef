// Converting between Excel's cell values and the engine's cells, and choosing which columns are
// written as text so participant data is never turned into formulas or numbers by Excel.
import type { Cell } from '@mentor-matcher/tabular';
import type { ExcelValue } from './excel-api.js';

/** Excel returns "" for an empty cell; the engine uses null. */
export function fromExcel(value: ExcelValue | null | undefined): Cell {
  if (value === '' || value === null || value === undefined) return null;
  return value;
}

/**
 * A column is numeric only when every non-empty value is a number the engine produced (scores,
 * counts); anything else, including every participant field, is written as text with format "@".
 */
export function textColumns(rows: readonly (readonly Cell[])[], columns: number): boolean[] {
  const text: boolean[] = [];
  for (let c = 0; c < columns; c++) {
    let sawNumber = false;
    let sawOther = false;
    for (const row of rows) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      if (typeof v === 'number') sawNumber = true;
      else sawOther = true;
      if (sawOther) break;
    }
    text.push(sawOther || !sawNumber);
  }
  return text;
}

export function toExcel(value: Cell | undefined, asText: boolean): ExcelValue {
  if (value === null || value === undefined) return '';
  if (asText) return typeof value === 'string' ? value : String(value);
  return value;
}
