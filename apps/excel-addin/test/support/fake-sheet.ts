// A sheet's cells, and addresses: what a cell holds once a value is typed into it (a string starting
// with "=" becomes a formula, "+1234" a number) unless its number format is text ("@"), and the
// A1-style addresses Excel reports ("'My sheet'!A1:C3").
import { columnLetter } from '@mentor-matcher/tabular';
import type { ExcelValue } from '../../src/host/excel-api.js';
import { FakeExcelError } from './fake-excel-error.js';

export interface FakeCell {
  value: ExcelValue;
  formula: string | null;
  numberFormat: string;
}

export interface Area {
  readonly sheet: SheetData;
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export interface TableData {
  name: string;
  style: string;
  sheet: SheetData;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export class SheetData {
  readonly cells = new Map<string, FakeCell>();
  frozenRows = 0;
  readonly boldRanges: string[] = [];
  constructor(public name: string) {}

  cell(row: number, column: number): FakeCell {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: '', formula: null, numberFormat: 'General' };
      this.cells.set(key, cell);
    }
    return cell;
  }

  peek(row: number, column: number): FakeCell | undefined {
    return this.cells.get(`${row},${column}`);
  }

  usedArea(): Omit<Area, 'sheet'> | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      if (cell.value === '' && cell.formula === null) continue;
      const [r, c] = key.split(',').map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    if (bottom < 0) return null;
    return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }
}

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** What Excel stores when a value is typed into a cell with the given number format. */
export function typeIntoCell(cell: FakeCell, value: ExcelValue): void {
  cell.formula = null;
  if (typeof value !== 'string' || cell.numberFormat === '@') {
    cell.value = value;
    return;
  }
  const trimmed = value.trim();
  if (numberPattern.test(trimmed)) {
    cell.value = Number(trimmed);
  } else if (/^(TRUE|FALSE)$/i.test(trimmed)) {
    cell.value = trimmed.toUpperCase() === 'TRUE';
  } else if (/^[=+\-@]/.test(value) && value.length > 1) {
    cell.formula = value.startsWith('=') ? value : `=${value}`;
    cell.value = '#FORMULA';
  } else {
    cell.value = value;
  }
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatAddress(area: Area): string {
  const start = `${columnLetter(area.column)}${area.row + 1}`;
  const end = `${columnLetter(area.column + area.columnCount - 1)}${area.row + area.rowCount}`;
  return `${sheetPrefix(area.sheet.name)}!${start === end ? start : `${start}:${end}`}`;
}

/** Parses "A1", "A1:C3", "Sheet1!A1:C3" or "'My sheet'!$A$1:$C$3" (the sheet part is ignored). */
export function parseAddress(address: string): Omit<Area, 'sheet'> {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(local);
  if (!match) throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing: ${address}`);
  const c1 = columnIndex(match[1]);
  const r1 = Number(match[2]) - 1;
  const c2 = match[3] ? columnIndex(match[3]) : c1;
  const r2 = match[4] ? Number(match[4]) - 1 : r1;
  return {
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    rowCount: Math.abs(r2 - r1) + 1,
    columnCount: Math.abs(c2 - c1) + 1,
  };
}
