// The one table shape every source (CSV, XLSX, an Excel range, a generator) produces and every
// consumer (the engine, the writers) reads.

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
