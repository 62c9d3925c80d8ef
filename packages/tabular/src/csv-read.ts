// CSV reader after RFC 4180, with the variations real exports have: a UTF-8 byte-order mark,
// CRLF, LF or CR line ends, and `;` or tab separators (Excel in many European locales writes `;`).
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
import { decodeUtf8Strict, hasUtf8Bom } from './utf8.js';

export const csvDelimiterSchema = z.enum([',', ';', '\t']);
export type CsvDelimiter = z.infer<typeof csvDelimiterSchema>;

export const readCsvOptionsSchema = readLimitsSchema.extend({
  /** Names the input in messages and becomes `Table.source`, e.g. the file name. */
  source: z.string().min(1),
  /** Field separator. Detected from the header line when omitted (`,` when nothing else fits). */
  delimiter: csvDelimiterSchema.optional(),
  /** Remove the single quote that writeCsv's formula-injection defence added. Default false. */
  unescapeFormulas: z.boolean().optional(),
});
export type ReadCsvOptions = z.input<typeof readCsvOptionsSchema>;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Reads CSV bytes (UTF-8, with or without BOM) or text into a Table. Throws TableReadError. */
export function readCsv(input: Uint8Array | string, options: ReadCsvOptions): Table {
  const parsed = parseReadOptions(readCsvOptionsSchema, options, 'readCsv');
  const source = parsed.source;
  const limits = resolveLimits(parsed);
  if (input.length > limits.maxBytes) {
    throw new TableReadError(
      { code: 'too-large', source },
      `${source} is ${input.length.toLocaleString('en')} ${typeof input === 'string' ? 'characters' : 'bytes'}, more than the limit of ${limits.maxBytes.toLocaleString('en')}.`,
    );
  }

  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    const bomLength = hasUtf8Bom(input) ? 3 : 0;
    const decoded = decodeUtf8Strict(input.subarray(bomLength));
    if ('invalidAt' in decoded) throw invalidUtf8Error(input, bomLength, decoded.invalidAt, source, parsed.delimiter);
    text = decoded.text;
  }
  if (text.trim() === '') {
    throw new TableReadError({ code: 'empty', source }, `${source} is empty: it has no header row and no data.`);
  }

  // Excel writes and honours a first line "sep=;" naming the separator; it is not part of the data.
  const hint = /^sep=([,;\t])(?:\r\n|\n|\r|$)/.exec(text);
  const headerRecord = hint ? 1 : 0;
  const delimiter = parsed.delimiter ?? (hint ? (hint[1] as CsvDelimiter) : detectDelimiter(text));
  const records: string[][] = [];
  scanCsv(text, delimiter.charCodeAt(0), {
    tolerant: false,
    source,
    onRecord(fields, recordNumber) {
      checkRecordLimits(fields, recordNumber, limits, source);
      records.push(fields);
    },
  });
  if (records.length <= headerRecord) {
    throw new TableReadError({ code: 'empty', source }, `${source} is empty: it has no header row and no data.`);
  }
  return buildTable(records, headerRecord, source, parsed.unescapeFormulas ?? false);
}

/** The separator that occurs most often, outside quotes, in the first record. Ties prefer `,`. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c as CsvDelimiter)) counts.set(c as CsvDelimiter, counts.get(c as CsvDelimiter)! + 1);
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
  if (recordNumber - 1 > limits.maxRows) {
    throw new TableReadError(
      { code: 'too-many-rows', source, row: recordNumber },
      `${source} has more than ${limits.maxRows.toLocaleString('en')} data rows, the limit.`,
    );
  }
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

/** `headerRecord` is the 0-based index of the header among `records`; a record's row number is its index + 1. */
function buildTable(records: string[][], headerRecord: number, source: string, unescape: boolean): Table {
  const names = unescape ? records[headerRecord].map(unescapeFormula) : records[headerRecord];
  const header = checkedHeader(names, { source, row: headerRecord + 1, firstColumn: 0 });
  const width = header.length;
  const rows: Cell[][] = new Array(records.length - headerRecord - 1);
  for (let r = headerRecord + 1; r < records.length; r++) {
    const fields = records[r];
    for (let column = width; column < fields.length; column++) {
      if (fields[column] !== '') {
        throw new TableReadError(
          { code: 'extra-values', source, row: r + 1, column },
          `${source}: row ${r + 1} has ${fields.length} values but the header has ${width} columns (column ${columnLetter(column)} holds ${JSON.stringify(preview(fields[column]))}). Is a value with a comma missing its quotes?`,
        );
      }
    }
    const row: Cell[] = new Array(width);
    for (let column = 0; column < width; column++) {
      const value = column < fields.length ? fields[column] : '';
      row[column] = value === '' ? null : unescape ? unescapeFormula(value) : value;
    }
    rows[r - headerRecord - 1] = row;
  }
  return { source, header, rows, headerRow: headerRecord + 1, firstColumn: 0 };
}

function preview(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

function invalidUtf8Error(
  bytes: Uint8Array,
  bomLength: number,
  invalidAt: number,
  source: string,
  delimiterOption: CsvDelimiter | undefined,
): TableReadError {
  const byteOffset = bomLength + invalidAt;
  // Everything before the bad byte is valid, so the same scanner can say which row and column it is in.
  const before = new TextDecoder('utf-8').decode(bytes.subarray(bomLength, byteOffset));
  const delimiter = delimiterOption ?? detectDelimiter(before);
  const at = scanCsv(before, delimiter.charCodeAt(0), { tolerant: true, source, onRecord: () => undefined });
  const value = bytes[byteOffset].toString(16).toUpperCase().padStart(2, '0');
  return new TableReadError(
    { code: 'invalid-utf8', source, row: at.record, column: at.field, byteOffset },
    `${source}: row ${at.record}, column ${columnLetter(at.field)} (byte ${byteOffset}) is not valid UTF-8 (byte 0x${value}). Save the file as "CSV UTF-8" and try again.`,
  );
}
