// Checks what the writers are given. The writers' callers are programs (the engine, the CLI), so a
// mistake here is a bug to report loudly, with the row and column, rather than a file to repair.
import type { Cell, TableContent } from './table.js';

export function checkedContent(content: TableContent, where: string): TableContent {
  checkedShape(content, where);
  content.rows.forEach((row, index) => {
    checkedRow(content, row, index, where);
    for (let column = 0; column < row.length; column++) {
      if (!isCell(row[column])) throw cellError(where, index, column, row[column]);
    }
  });
  return content;
}

/** The header and the rows are arrays and every header is a string; the rows themselves are not read. */
export function checkedShape(content: TableContent, where: string): void {
  if (!Array.isArray(content.header) || !Array.isArray(content.rows)) {
    throw new TypeError(`${where}: expected { header: string[], rows: Cell[][] }.`);
  }
  content.header.forEach((name, column) => {
    if (typeof name !== 'string')
      throw new TypeError(`${where}: header[${column}] is ${describe(name)}, not a string.`);
  });
}

/** rows[index] is an array no wider than the header; its cells are not read. */
export function checkedRow(content: TableContent, row: unknown, index: number, where: string): void {
  if (!Array.isArray(row)) throw new TypeError(`${where}: rows[${index}] is ${describe(row)}, not an array.`);
  if (row.length > content.header.length) {
    throw new TypeError(
      `${where}: rows[${index}] has ${row.length} cells but the header has ${content.header.length} columns.`,
    );
  }
}

/** The error for a cell that is not a string, a finite number, a boolean or null. */
export function cellError(where: string, index: number, column: number, value: unknown): TypeError {
  return new TypeError(
    `${where}: rows[${index}][${column}] is ${describe(value)}; a cell must be a string, a finite number, a boolean or null.`,
  );
}

function isCell(value: unknown): value is Cell {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'undefined';
  return typeof value === 'object' ? (value === null ? 'null' : 'an object') : `a ${typeof value}`;
}
