// Things a reader did that the user should know about but that do not stop the read: an encoding it
// assumed, blank rows it trimmed, a title line it skipped, hidden sheets it passed over. Each is one
// complete sentence naming the file (and sheet, row, column and value where they apply), so an
// adapter can show `warning.message` as it is.

export type ReadWarningCode =
  /** The file had no byte-order mark and was not UTF-8; the encoding named was assumed. */
  | 'encoding-assumed'
  /** Blank rows at the end and/or empty unnamed columns at the right were left out (one warning for both). */
  | 'blank-trimmed'
  /** A few values far below the data (after a long run of blank rows) were left out. */
  | 'stray-cells-ignored'
  /** Rows above the header (a title, notes, blank lines) were skipped. */
  | 'header-row-detected'
  /** The workbook has hidden sheets and no sheet was named. */
  | 'hidden-sheets'
  /** Empty sheets or chart sheets were passed over when choosing the sheet to read. */
  | 'sheets-skipped'
  /** A sheet was named for a CSV file, which has none; the file was read as it is. */
  | 'sheet-ignored';

export interface ReadWarning {
  readonly code: ReadWarningCode;
  /** The whole sentence, e.g. `people.csv is not UTF-8; read it as Windows-1252 …`. */
  readonly message: string;
  /** The table's source, as in `Table.source` (`people.xlsx › Mentors` for a sheet). */
  readonly source: string;
  /** Row as the user sees it, where the warning is about one place. */
  readonly row?: number;
  /** 0-based column (0 = column A / the first field), where the warning is about one place. */
  readonly column?: number;
}

/**
 * Lists `items` in words, showing at most `shown` of them: `rows 3, 7 and 9`, or with more than
 * `shown`, `rows 3, 7, 9, 12, 15 and 20 more`. For any message that would otherwise repeat per row.
 */
export function summariseList(items: readonly string[], shown = 5): string {
  if (items.length === 0) return '';
  if (items.length <= shown) {
    return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  }
  return `${items.slice(0, shown).join(', ')} and ${(items.length - shown).toLocaleString('en')} more`;
}

/** `1 blank row`, `2 blank rows`: a count with its noun. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`;
}

/** A value as a message quotes it: JSON-quoted, cut to 40 characters. */
export function quoteValue(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
