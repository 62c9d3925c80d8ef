// The one table shape every source (CSV, XLSX, an Excel range, a generator) produces and every
// consumer (the engine, the writers) reads.
import type { ReadWarning } from './read-warning.js';

/** One cell: text, a number, a boolean, or null for an empty cell. */
export type Cell = string | number | boolean | null;

export interface Table {
  /** Where the table came from, for messages: a file name, "mentors.xlsx › Sheet1", or an Excel address. */
  readonly source: string;
  /** Column names, as written in the header row. */
  readonly header: readonly string[];
  /** Data rows (the header excluded). Blank rows are kept so that checks can report them. */
  readonly rows: readonly (readonly Cell[])[];
  /** 1-based row number of the header as the user sees it (1 for a CSV; the sheet row for Excel). */
  readonly headerRow: number;
  /** 0-based index of the first column in the sheet (0 = column A), for "column C" in messages. */
  readonly firstColumn: number;
  /**
   * Cells that hold a spreadsheet error value (`#N/A`, `#REF!`, …). The cell itself holds the error
   * text as a string; this list lets a checker report it instead of treating it as data. XLSX only.
   */
  readonly errors?: readonly CellErrorValue[];
  /**
   * Merged areas that overlap the table. Only the top-left cell of a merged area holds the value; the
   * others are left empty (null), so a checker can warn instead of guessing what was meant. XLSX only.
   */
  readonly mergedRanges?: readonly MergedRange[];
  /**
   * What the reader did that the user should know (an encoding assumed, blank rows trimmed, a title
   * line skipped, hidden sheets passed over), one sentence each. Absent when there is nothing to say.
   */
  readonly warnings?: readonly ReadWarning[];
}

/** A spreadsheet error value found in a cell. */
export interface CellErrorValue {
  /** 0-based index into `rows`; -1 for the header row. */
  readonly row: number;
  /** 0-based index into `header`. */
  readonly column: number;
  /** The error as Excel shows it, e.g. `#N/A`. */
  readonly value: string;
  /** The cell's address in its sheet, e.g. `C7`. */
  readonly address: string;
}

/** A merged area, in the table's coordinates (clipped to the table) and as written in the sheet. */
export interface MergedRange {
  /** The merged area in the sheet, e.g. `B3:C4`. */
  readonly address: string;
  /** 0-based indices into `rows` (-1 = the header row), inclusive. */
  readonly firstRow: number;
  readonly lastRow: number;
  /** 0-based indices into `header`, inclusive. */
  readonly firstColumn: number;
  readonly lastColumn: number;
}

/** What the writers accept: a whole Table, or just a header and rows. */
export interface TableContent {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** The row number a person sees for data row `index` (0-based) of `table`. */
export function displayRowNumber(table: Pick<Table, 'headerRow'>, index: number): number {
  return table.headerRow + 1 + index;
}

/** Excel-style column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
