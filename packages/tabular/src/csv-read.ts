// CSV reader after RFC 4180, with the variations real exports have: UTF-8 with or without a
// byte-order mark, UTF-16, Windows-1252 (text-encoding.ts), CRLF, LF or CR line ends, `;` or tab
// separators (Excel in many European locales writes `;`), and title lines above the header.
//
// Values stay strings: "007", "1e3" and "2024-01-02" are returned exactly as written, and the
// engine decides what a column means. Empty fields are null, so blank cells look the same whether
// they came from a CSV or a workbook.
import { z } from 'zod';
import { unescapeFormula } from './formula-escape.js';
import { checkedHeader } from './header.js';
import { parseReadOptions, readLimitsSchema, resolveLimits, type ReadLimits } from './read-limits.js';
import { columnLetter, type Cell, type Table } from './table.js';
import { TableReadError } from './table-read-error.js';
import { refuseFileKind, sniffFileKind } from './file-kind.js';
import { detectHeaderRow, HEADER_SEARCH_ROWS } from './header-row.js';
import { counted, quoteValue, summariseList, type ReadWarning } from './read-warning.js';
import { decodeText, ENCODING_NAMES, textEncodingSchema, type TextEncoding } from './text-encoding.js';

export const csvDelimiterSchema = z.enum([',', ';', '\t']);
export type CsvDelimiter = z.infer<typeof csvDelimiterSchema>;

export const readCsvOptionsSchema = readLimitsSchema.extend({
  /** Names the input in messages and becomes `Table.source`, e.g. the file name. */
  source: z.string().min(1),
  /** Field separator. Detected from the header line when omitted (`,` when nothing else fits). */
  delimiter: csvDelimiterSchema.optional(),
  /** Remove the single quote that writeCsv's formula-injection defence added. Default false. */
  unescapeFormulas: z.boolean().optional(),
  /** Text encoding of bytes. Default 'auto': detected, with a warning when one had to be assumed. */
  encoding: z.union([textEncodingSchema, z.literal('auto')]).optional(),
  /** Row (1 = the first line) of the header, or 'auto' (default): the first row that looks like one. */
  headerRow: z.union([z.number().int().positive(), z.literal('auto')]).optional(),
  /** Refuse a file that has a header but no data rows (code 'empty'). Default false: no rows. */
  requireRows: z.boolean().optional(),
});
export type ReadCsvOptions = z.input<typeof readCsvOptionsSchema>;

/** What readCsvDetailed found besides the table. */
export interface CsvRead {
  readonly table: Table;
  /** The encoding the bytes were read in; undefined when the input was a string. */
  readonly encoding: TextEncoding | undefined;
  readonly delimiter: CsvDelimiter;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Reads CSV bytes (UTF-8, UTF-16 or Windows-1252) or text into a Table. Throws TableReadError. */
export function readCsv(input: Uint8Array | string, options: ReadCsvOptions): Table {
  return readCsvDetailed(input, options).table;
}

/** readCsv, also saying which encoding and separator it used. */
export function readCsvDetailed(input: Uint8Array | string, options: ReadCsvOptions): CsvRead {
  const parsed = parseReadOptions(readCsvOptionsSchema, options, 'readCsv');
  const source = parsed.source;
  const limits = resolveLimits(parsed);
  if (input.length > limits.maxBytes) {
    throw new TableReadError(
      { code: 'too-large', source },
      `${source} is ${input.length.toLocaleString('en')} ${typeof input === 'string' ? 'characters' : 'bytes'}, more than the limit of ${limits.maxBytes.toLocaleString('en')}.`,
    );
  }

  const warnings: ReadWarning[] = [];
  let text: string;
  let encoding: TextEncoding | undefined;
  let assumed = false;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    const sniffed = sniffFileKind(input);
    if (sniffed.reader === 'xlsx') {
      throw new TableReadError(
        { code: 'not-csv', source },
        `${source}: this is an Excel workbook (.xlsx), not CSV text; read it as a workbook.`,
      );
    }
    const refusal = refuseFileKind(sniffed, source);
    if (refusal) throw refusal;
    const decoded = decodeText(input, parsed.encoding ?? 'auto');
    if (!decoded.ok)
      throw invalidTextError(input, decoded, source, parsed.delimiter, (parsed.encoding ?? 'auto') === 'auto');
    text = decoded.text;
    encoding = decoded.encoding;
    assumed = decoded.evidence === 'detected' && encoding !== 'utf-8';
  }
  if (text.trim() === '') {
    throw new TableReadError({ code: 'empty', source }, `${source} is empty: it has no header row and no data.`);
  }

  // Excel writes and honours a first line "sep=;" naming the separator; it is not part of the data.
  const hint = /^sep=([,;\t])(?:\r\n|\n|\r|$)/.exec(text);
  const delimiter = parsed.delimiter ?? (hint ? (hint[1] as CsvDelimiter) : detectDelimiter(text));
  if (assumed && encoding !== undefined) warnings.push(encodingWarning(text, encoding, delimiter, source));
  const builder = new CsvTableBuilder({
    source,
    limits,
    firstRecord: hint ? 2 : 1,
    headerOption: parsed.headerRow ?? 'auto',
    unescape: parsed.unescapeFormulas ?? false,
    warnings,
  });
  scanCsv(text, delimiter.charCodeAt(0), {
    tolerant: false,
    source,
    onRecord(fields, recordNumber) {
      checkRecordLimits(fields, recordNumber, limits, source);
      builder.add(fields, recordNumber);
    },
  });
  const table = builder.finish();
  if (parsed.requireRows && table.rows.length === 0) {
    throw new TableReadError(
      { code: 'empty', source, row: table.headerRow },
      `${source} has a header (row ${table.headerRow}: ${summariseList(
        table.header.map((name) => quoteValue(name)),
        5,
      )}) but no data rows.`,
    );
  }
  return { table, encoding, delimiter };
}

/** The separator that occurs most often, outside quotes, in the first record. Ties prefer `,`. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      // A line with no separator at all (a title above the header) says nothing; look at the next.
      if ([...counts.values()].some((count) => count > 0) || ++lines >= HEADER_SEARCH_ROWS) break;
    } else if (!quoted && counts.has(c as CsvDelimiter))
      counts.set(c as CsvDelimiter, counts.get(c as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

interface ScanSink {
  readonly tolerant: boolean;
  readonly source: string;
  onRecord(fields: string[], recordNumber: number): void;
}

/**
 * Splits `text` into records of raw field strings. Returns where the text ended: the record number
 * and the 0-based index of the field being read there (used to place an invalid byte).
 * A quote only opens a quoted field at the start of a field; characters after a closing quote are
 * kept as written (`"a"b` reads as `ab`), the lenient choice most readers make.
 */
function scanCsv(text: string, delimiter: number, sink: ScanSink): { record: number; field: number } {
  const n = text.length;
  let i = 0;
  let record = 1;
  let fields: string[] = [];
  for (;;) {
    let value: string;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          if (!sink.tolerant) {
            throw new TableReadError(
              { code: 'unterminated-quote', source: sink.source, row: record, column: fields.length },
              `${sink.source}: row ${record}, column ${columnLetter(fields.length)}: a quoted value is never closed (a " is missing), so the rest of the file would be read as one cell.`,
            );
          }
          value += text.slice(from);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      const rest = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === delimiter || c === LF || c === CR) break;
        i++;
      }
      if (i > rest) value += text.slice(rest, i);
    } else {
      const start = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === delimiter || c === LF || c === CR) break;
        i++;
      }
      value = text.slice(start, i);
    }
    fields.push(value);
    if (i >= n) {
      sink.onRecord(fields, record);
      return { record, field: fields.length - 1 };
    }
    if (text.charCodeAt(i) === delimiter) {
      i++;
      continue;
    }
    i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    sink.onRecord(fields, record);
    record++;
    fields = [];
    if (i >= n) return { record, field: 0 };
  }
}

function checkRecordLimits(fields: string[], recordNumber: number, limits: ReadLimits, source: string): void {
  if (fields.length > limits.maxColumns) {
    throw new TableReadError(
      { code: 'too-many-columns', source, row: recordNumber, column: limits.maxColumns },
      `${source}: row ${recordNumber} has ${fields.length.toLocaleString('en')} columns, more than the limit of ${limits.maxColumns.toLocaleString('en')}.`,
    );
  }
  for (let column = 0; column < fields.length; column++) {
    if (fields[column].length > limits.maxCellLength) {
      throw new TableReadError(
        { code: 'cell-too-long', source, row: recordNumber, column },
        `${source}: row ${recordNumber}, column ${columnLetter(column)} holds ${fields[column].length.toLocaleString('en')} characters, more than the limit of ${limits.maxCellLength.toLocaleString('en')} for one cell.`,
      );
    }
  }
}

interface BuilderContext {
  readonly source: string;
  readonly limits: ReadLimits;
  /** Record number of the first record that can be the header (2 after a `sep=` line). */
  readonly firstRecord: number;
  readonly headerOption: number | 'auto';
  readonly unescape: boolean;
  readonly warnings: ReadWarning[];
}

/**
 * Turns records into a table as they are scanned, so nothing but the table itself is held: the first
 * HEADER_SEARCH_ROWS records wait until the header is found; after that each record becomes a row
 * at once. A run of blank records is only counted, and becomes rows only when a value follows it,
 * so a million trailing `,,,,` lines cost a counter, not a million rows. The row and cell limits are
 * checked as each row is kept, so an oversized file stops at the limit.
 */
class CsvTableBuilder {
  private readonly top: string[][] = [];
  private headerRecord = -1;
  private headerFields: string[] = [];
  private readonly rows: Cell[][] = [];
  /** Blank records since the last row with a value, and the record number of the first of them. */
  private pendingBlank = 0;
  private firstPendingBlank = 0;
  /** Per column: whether any data row has a value there. */
  private used: boolean[] = [];

  constructor(private readonly context: BuilderContext) {}

  add(fields: string[], recordNumber: number): void {
    if (recordNumber < this.context.firstRecord) return;
    if (this.headerRecord >= 0) {
      this.addRow(fields, recordNumber);
      return;
    }
    this.top.push(fields);
    const { headerOption } = this.context;
    const settled = headerOption === 'auto' ? this.top.length > HEADER_SEARCH_ROWS : recordNumber >= headerOption;
    if (settled) this.settleHeader();
  }

  finish(): Table {
    const { source, warnings } = this.context;
    if (this.headerRecord < 0) this.settleHeader();
    const trimmedRows = this.pendingBlank;
    // Unnamed columns at the right with no value in any row are an export's padding, not data.
    let width = this.headerFields.length;
    while (width > 0 && this.headerFields[width - 1].trim() === '' && !this.used[width - 1]) width--;
    const trimmedColumns = this.headerFields.length - width;
    if (width === 0) {
      throw new TableReadError(
        { code: 'empty-header', source, row: this.headerRecord },
        `${source}: the header row (row ${this.headerRecord}) is blank; every column needs a name.`,
      );
    }
    if (trimmedColumns > 0) for (const row of this.rows) row.length = width;
    const names = this.headerFields.slice(0, width);
    const header = checkedHeader(this.context.unescape ? names.map(unescapeFormula) : names, {
      source,
      row: this.headerRecord,
      firstColumn: 0,
    });
    if (trimmedRows > 0 || trimmedColumns > 0) {
      const parts: string[] = [];
      if (trimmedRows > 0) {
        const last = this.firstPendingBlank + trimmedRows - 1;
        const from = this.firstPendingBlank.toLocaleString('en');
        parts.push(
          `${counted(trimmedRows, 'blank row')} at the end (${trimmedRows === 1 ? `row ${from}` : `rows ${from}–${last.toLocaleString('en')}`})`,
        );
      }
      if (trimmedColumns > 0) {
        const range =
          trimmedColumns === 1
            ? columnLetter(width)
            : `${columnLetter(width)}–${columnLetter(this.headerFields.length - 1)}`;
        parts.push(`${counted(trimmedColumns, 'empty column')} at the right with no name (${range})`);
      }
      warnings.push({ code: 'blank-trimmed', source, message: `${source}: left out ${parts.join(' and ')}.` });
    }
    return {
      source,
      header,
      rows: this.rows,
      headerRow: this.headerRecord,
      firstColumn: 0,
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  }

  private settleHeader(): void {
    const { source, firstRecord, headerOption } = this.context;
    const top = this.top;
    if (top.length === 0 || top.every(isBlankRecord)) {
      throw new TableReadError({ code: 'empty', source }, `${source} is empty: it has no header row and no data.`);
    }
    let index: number;
    if (headerOption === 'auto') {
      index = detectHeaderRow(top.map((fields) => fields.map((field) => (field === '' ? null : field))));
    } else {
      index = headerOption - firstRecord;
      if (index < 0 || index >= top.length) {
        throw new TableReadError(
          { code: 'empty', source, row: headerOption },
          `${source} has no row ${headerOption} to be the header: it has ${counted(firstRecord - 1 + top.length, 'row')}.`,
        );
      }
    }
    this.headerRecord = firstRecord + index;
    this.headerFields = top[index];
    this.used = new Array<boolean>(this.headerFields.length).fill(false);
    if (headerOption === 'auto') this.noteSkipped(top.slice(0, index));
    for (let k = index + 1; k < top.length; k++) this.addRow(top[k], firstRecord + k);
    this.top.length = 0;
  }

  private noteSkipped(above: readonly string[][]): void {
    const { source, firstRecord, warnings } = this.context;
    const described = above.flatMap((fields, k) => {
      const values = fields.filter((field) => field.trim() !== '');
      return values.length === 0
        ? []
        : [
            `row ${firstRecord + k} (${summariseList(
              values.map((value) => quoteValue(value.trim())),
              2,
            )})`,
          ];
    });
    if (described.length === 0) return;
    warnings.push({
      code: 'header-row-detected',
      source,
      row: this.headerRecord,
      message: `${source}: the header is row ${this.headerRecord} (${summariseList(
        this.headerFields.filter((f) => f.trim() !== '').map((f) => quoteValue(f.trim())),
        3,
      )}); ${summariseList(described, 3)} above it ${described.length === 1 ? 'looks' : 'look'} like a title or notes and ${described.length === 1 ? 'was' : 'were'} skipped. Set the header row to choose another.`,
    });
  }

  private addRow(fields: string[], recordNumber: number): void {
    const { source, unescape } = this.context;
    const width = this.headerFields.length;
    for (let column = width; column < fields.length; column++) {
      if (fields[column] !== '') {
        throw new TableReadError(
          { code: 'extra-values', source, row: recordNumber, column },
          `${source}: row ${recordNumber} has ${fields.length} values but the header has ${width} columns (column ${columnLetter(column)} holds ${JSON.stringify(preview(fields[column]))}). Is a value with a comma missing its quotes?`,
        );
      }
    }
    if (isBlankRecord(fields)) {
      if (this.pendingBlank === 0) this.firstPendingBlank = recordNumber;
      this.pendingBlank++;
      return;
    }
    for (let k = 0; k < this.pendingBlank; k++)
      this.keep(new Array<Cell>(width).fill(null), this.firstPendingBlank + k);
    this.pendingBlank = 0;
    const row: Cell[] = new Array(width);
    for (let column = 0; column < width; column++) {
      const value = column < fields.length ? fields[column] : '';
      if (value === '') row[column] = null;
      else {
        row[column] = unescape ? unescapeFormula(value) : value;
        this.used[column] = true;
      }
    }
    this.keep(row, recordNumber);
  }

  private keep(row: Cell[], recordNumber: number): void {
    const { source, limits } = this.context;
    if (this.rows.length >= limits.maxRows) {
      throw new TableReadError(
        { code: 'too-many-rows', source, row: recordNumber },
        `${source} has more than ${limits.maxRows.toLocaleString('en')} data rows, the limit (row ${recordNumber.toLocaleString('en')} is beyond it).`,
      );
    }
    const cells = (this.rows.length + 2) * row.length;
    if (cells > limits.maxCells) {
      throw new TableReadError(
        { code: 'too-large', source, row: recordNumber },
        `${source}: at row ${recordNumber.toLocaleString('en')} the table reaches ${cells.toLocaleString('en')} cells (${row.length.toLocaleString('en')} columns), more than the limit of ${limits.maxCells.toLocaleString('en')}.`,
      );
    }
    this.rows.push(row);
  }
}

function isBlankRecord(fields: readonly string[]): boolean {
  for (const field of fields) if (field !== '') return false;
  return true;
}

function preview(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** Row and column of the end of `before` (text that is all valid), for placing a bad byte or a character. */
function locate(
  before: string,
  delimiterOption: CsvDelimiter | undefined,
  source: string,
): { record: number; field: number } {
  const delimiter = delimiterOption ?? detectDelimiter(before);
  return scanCsv(before, delimiter.charCodeAt(0), { tolerant: true, source, onRecord: () => undefined });
}

function invalidTextError(
  bytes: Uint8Array,
  { encoding, bomLength, byteOffset }: { encoding: TextEncoding; bomLength: number; byteOffset: number },
  source: string,
  delimiterOption: CsvDelimiter | undefined,
  detected: boolean,
): TableReadError {
  // Everything before the bad byte is valid, so the same scanner can say which row and column it is in.
  const prefix = bytes.subarray(0, byteOffset);
  const decoded = decodeText(prefix, encoding);
  const at = locate(decoded.ok ? decoded.text : '', delimiterOption, source);
  const value = (bytes[byteOffset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  const where = `${source}: row ${at.record}, column ${columnLetter(at.field)} (byte ${byteOffset})`;
  if (encoding === 'utf-8') {
    return new TableReadError(
      { code: 'invalid-utf8', source, row: at.record, column: at.field, byteOffset },
      `${where} is not valid UTF-8 (byte 0x${value})${detected ? ', and the file also holds valid UTF-8 characters, so it is not in another encoding either; it looks damaged' : ''}. Save the file as "CSV UTF-8" and try again.`,
    );
  }
  return new TableReadError(
    { code: 'invalid-utf16', source, row: at.record, column: at.field, byteOffset },
    `${where} is not valid ${ENCODING_NAMES[encoding]} (a broken character${bomLength > 0 ? '' : ', or the file is not UTF-16 after all'}). Save the file as "CSV UTF-8" and try again.`,
  );
}

function encodingWarning(text: string, encoding: TextEncoding, delimiter: CsvDelimiter, source: string): ReadWarning {
  if (encoding === 'windows-1252') {
    const index = text.search(/[\u0080-\uffff]/);
    const at = locate(text.slice(0, index), delimiter, source);
    const fieldStart =
      Math.max(
        text.lastIndexOf(delimiter, index),
        text.lastIndexOf('\n', index),
        text.lastIndexOf('\r', index),
        text.lastIndexOf('"', index),
      ) + 1;
    const stops = [delimiter, '\n', '\r', '"'].map((c) => text.indexOf(c, index)).filter((k) => k >= 0);
    const word = text.slice(fieldStart, Math.min(text.length, ...stops)).trim();
    return {
      code: 'encoding-assumed',
      source,
      row: at.record,
      column: at.field,
      message: `${source} is not UTF-8, so it was read as Windows-1252 (Western European), the encoding of Excel's "CSV (Comma delimited)": row ${at.record}, column ${columnLetter(at.field)} reads ${quoteValue(word)}. If accented letters look wrong, save the file as "CSV UTF-8" and load it again.`,
    };
  }
  return {
    code: 'encoding-assumed',
    source,
    message: `${source} has no byte-order mark, but its zero bytes show it is ${ENCODING_NAMES[encoding]} text, so it was read as that. If the text looks wrong, save the file as "CSV UTF-8" and load it again.`,
  };
}
