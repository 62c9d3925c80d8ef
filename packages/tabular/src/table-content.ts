// Checks what the writers are given. The writers' callers are programs (the engine, the CLI), so a
// mistake here is a bug to report loudly, with the row and column, rather than a file to repair.
import type { Cell, TableContent } from './table.js';

export function checkedContent(content: TableContent, where: string): TableContent {
  if (!Array.isArray(content.header) || !Array.isArray(content.rows)) {
    throw new TypeError(`${where}: expected { header: string[], rows: Cell[][] }.`);
  }
  content.header.forEach((name, column) => {
    if (typeof name !== 'string')
      throw new TypeError(`${where}: header[${column}] is ${describe(name)}, not a string.`);
  });
  const width = content.header.length;
  content.rows.forEach((row, index) => {
    if (!Array.isArray(row)) throw new TypeError(`${where}: rows[${index}] is ${describe(row)}, not an array.`);
    if (row.length > width) {
      throw new TypeError(`${where}: rows[${index}] has ${row.length} cells but the header has ${width} columns.`);
    }
    for (let column = 0; column < row.length; column++) {
      if (!isCell(row[column])) {
        throw new TypeError(
          `${where}: rows[${index}][${column}] is ${describe(row[column])}; a cell must be a string, a finite number, a boolean or null.`,
        );
      }
    }
  });
  return content;
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
