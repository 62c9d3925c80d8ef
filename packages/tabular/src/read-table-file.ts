// The one entry point for a file a person chose: what it is is decided by its bytes, never by its
// name, so a PDF renamed .csv, or a workbook saved as "sign-ups.csv", gets the right answer. A file
// that is no table (PDF, Word, an image, JSON, an old .xls) is refused at once with a sentence
// saying what it is and what to save instead.
import { z } from 'zod';
import { csvDelimiterSchema, readCsvDetailed, type CsvDelimiter } from './csv-read.js';
import { refuseFileKind, sniffFileKind } from './file-kind.js';
import { parseReadOptions, readLimitsSchema } from './read-limits.js';
import type { ReadWarning } from './read-warning.js';
import type { Table } from './table.js';
import { TableReadError } from './table-read-error.js';
import { textEncodingSchema, type TextEncoding } from './text-encoding.js';
import { openXlsx, type XlsxSheetInfo } from './xlsx-read.js';

export const readTableFileOptionsSchema = readLimitsSchema.extend({
  /** The file name, for messages and `Table.source`. */
  source: z.string().min(1),
  /** Workbooks: sheet name or 0-based position. Default: the first visible worksheet with data. */
  sheet: z.union([z.string(), z.number().int().nonnegative()]).optional(),
  /** Row (1-based) of the header, or 'auto' (default): the first row that looks like a header. */
  headerRow: z.union([z.number().int().positive(), z.literal('auto')]).optional(),
  /** Refuse a table with a header but no data rows (code 'empty'). Default false. */
  requireRows: z.boolean().optional(),
  /** CSV: the separator. Default: detected. */
  delimiter: csvDelimiterSchema.optional(),
  /** CSV: the text encoding. Default 'auto' (detected, with a warning when one is assumed). */
  encoding: z.union([textEncodingSchema, z.literal('auto')]).optional(),
  /** CSV: remove the quote writeCsv's formula escape added. Default false. */
  unescapeFormulas: z.boolean().optional(),
  /** Workbooks: zip limits (see readXlsx). */
  maxEntries: z.number().int().positive().optional(),
  maxUncompressedBytes: z.number().int().positive().optional(),
  maxEntryBytes: z.number().int().positive().optional(),
  maxCompressionRatio: z.number().positive().optional(),
});
export type ReadTableFileOptions = z.input<typeof readTableFileOptionsSchema>;

export interface TableFile {
  readonly format: 'csv' | 'xlsx';
  readonly table: Table;
  /** The table's warnings (`table.warnings`), or [] when there are none. */
  readonly warnings: readonly ReadWarning[];
  /** Workbooks: every sheet in tab order (name, kind, visibility); [] for CSV. */
  readonly sheets: readonly XlsxSheetInfo[];
  /** Workbooks: the name of the sheet read. */
  readonly sheet?: string;
  /** CSV: the encoding the bytes were read in, and the separator. */
  readonly encoding?: TextEncoding;
  readonly delimiter?: CsvDelimiter;
}

/** Reads a CSV or XLSX file, whichever its bytes are. Throws TableReadError for anything else. */
export function readTableFile(bytes: Uint8Array, options: ReadTableFileOptions): TableFile {
  const parsed = parseReadOptions(readTableFileOptionsSchema, options, 'readTableFile');
  const { source, sheet, delimiter, encoding, unescapeFormulas, ...common } = parsed;
  const sniffed = sniffFileKind(bytes);
  if (sniffed.kind === 'empty') {
    throw new TableReadError({ code: 'empty', source }, `${source} is empty: it has no header row and no data.`);
  }
  const refusal = refuseFileKind(sniffed, source);
  if (refusal) throw refusal;
  if (sniffed.reader === 'xlsx') {
    const workbook = openXlsx(bytes, { source, ...common });
    const table = workbook.readSheet(sheet, { headerRow: common.headerRow, requireRows: common.requireRows });
    const name = table.source.slice(source.length + ' › '.length);
    return { format: 'xlsx', table, warnings: table.warnings ?? [], sheets: workbook.sheets, sheet: name };
  }
  const read = readCsvDetailed(bytes, { source, delimiter, encoding, unescapeFormulas, ...common });
  // A sheet named for a CSV file is most likely a mix-up of files, so it is said, not silently dropped.
  const ignored: ReadWarning[] =
    sheet === undefined
      ? []
      : [
          {
            code: 'sheet-ignored',
            source,
            message: `${source} is a CSV file, which has no sheets; the sheet "${sheet}" that was named is not used`,
          },
        ];
  const warnings = [...(read.table.warnings ?? []), ...ignored];
  const table = warnings.length > 0 ? { ...read.table, warnings } : read.table;
  return {
    format: 'csv',
    table,
    warnings,
    sheets: [],
    delimiter: read.delimiter,
    ...(read.encoding ? { encoding: read.encoding } : {}),
  };
}
