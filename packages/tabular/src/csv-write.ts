// CSV writer: RFC 4180 quoting and CRLF line ends, which Excel, LibreOffice, Google Sheets and
// every CSV library read the same way.
//
// Formula-injection defence (OWASP "CSV Injection"): a TEXT cell a spreadsheet would evaluate (see
// formula-escape.ts: a leading = or @, tab or carriage return, or + or - not followed by a plain
// number) gets a leading ' and quotes, so a spreadsheet shows it instead of running it. `-5` and
// `+44 7700 900123` are written as typed. The trade-off: escaped values look changed ("'=SUM(A1)")
// to anyone who opens the file as plain text, and a program reading it back must remove the quote
// (readCsv's `unescapeFormulas`). Cells that are numbers are never touched. `escapeFormulas: false`
// turns it off for files only programs read, such as a GOV.UK Notify recipient list.
import { z } from 'zod';
import { csvDelimiterSchema } from './csv-read.js';
import { escapeFormula } from './formula-escape.js';
import { cellError, checkedRow, checkedShape } from './table-content.js';
import type { Cell, TableContent } from './table.js';

export const writeCsvOptionsSchema = z.object({
  /** Start with a UTF-8 byte-order mark (U+FEFF). Default true: Excel needs it to read UTF-8. */
  bom: z.boolean().optional(),
  /** Default `,`. */
  delimiter: csvDelimiterSchema.optional(),
  /** Apply the formula-injection defence. Default true. */
  escapeFormulas: z.boolean().optional(),
});
export type WriteCsvOptions = z.input<typeof writeCsvOptionsSchema>;

/** The CSV text (with a leading U+FEFF unless `bom: false`); encode it as UTF-8 to save it. */
export function writeCsv(table: TableContent, options: WriteCsvOptions = {}): string {
  const parsed = writeCsvOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TypeError(`writeCsv options: ${issue.path.join('.') || '(options)'}: ${issue.message}`);
  }
  const { bom = true, delimiter = ',', escapeFormulas = true } = parsed.data;
  // The cells are checked as they are written (cellError), in the one pass over the rows.
  checkedShape(table, 'writeCsv');
  const width = table.header.length;
  // The byte-order mark starts the first line and an empty last line ends the text with a line end,
  // so that the text is one join, never a concatenation to flatten again (8 MB apiece at 10,000 a side).
  const lines: string[] = new Array(table.rows.length + 2);
  lines[0] = (bom ? '\uFEFF' : '') + table.header.map((name) => field(name, escapeFormulas)).join(delimiter);
  const fields: string[] = new Array(width);
  for (let index = 0; index < table.rows.length; index++) {
    const row = table.rows[index];
    checkedRow(table, row, index, 'writeCsv');
    for (let column = 0; column < width; column++) {
      const cell = column < row.length ? row[column] : null;
      const text = field(cell, escapeFormulas);
      if (text === undefined) throw cellError('writeCsv', index, column, cell);
      fields[column] = text;
    }
    lines[index + 1] = fields.join(delimiter);
  }
  lines[table.rows.length + 1] = '';
  return lines.join('\r\n');
}

/** The cell as CSV text; undefined when it is not a cell (see table.ts). */
function field(cell: Cell, escapeFormulas: boolean): string | undefined {
  if (typeof cell === 'string') {
    const escaped = escapeFormulas ? escapeFormula(cell) : cell;
    const mustQuote = escaped !== cell || mustQuoteCharacter.test(escaped);
    return mustQuote ? `"${escaped.replaceAll('"', '""')}"` : escaped;
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return undefined;
    return Object.is(cell, -0) ? '0' : String(cell);
  }
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return undefined;
}

// Any separator readCsv could detect is quoted, so detection never mistakes a value for one.
const mustQuoteCharacter = /[,;\t"\n\r]/;
