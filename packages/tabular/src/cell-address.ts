// A1-style cell addresses, as SpreadsheetML writes them in `r` and `ref` attributes.
import { columnLetter } from './table.js';

/** 0-based column and 1-based row of an address like `AB12` (a `$` is allowed); undefined when malformed. */
export function parseCellAddress(address: string): { column: number; row: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(address);
  if (match === null) return undefined;
  let column = 0;
  for (const letter of match[1].toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  const row = Number(match[2]);
  return row >= 1 ? { column: column - 1, row } : undefined;
}

/** The 0-based column of an address or a bare column reference (`C7` or `C`). */
export function parseColumnOnly(address: string): number | undefined {
  return parseCellAddress(/[0-9]$/.test(address) ? address : `${address}1`)?.column;
}

export function cellAddress(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}
