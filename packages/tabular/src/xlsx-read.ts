// XLSX reader: the worksheets of a SpreadsheetML workbook (ECMA-376 Part 1, §18) as Tables.
//
// openXlsx reads the zip directory and the workbook part; each sheet is parsed only when asked for.
// The header is found below any title lines (header-row.ts), or given as `headerRow`, and the table
// spans the columns that hold values from there down. Formulas give their cached value (the one
// Excel last showed); error values (#N/A, #REF!, …) are returned as their text and listed in
// `Table.errors`; dates (cells whose number format is a date) become ISO strings; merged areas are
// listed in `Table.mergedRanges` and only their top-left cell holds the value, as in the file.
// Limits are checked while the sheet is read (values, rows) and before the table is built (cells).
import { z } from 'zod';
import { cellAddress, parseCellAddress } from './cell-address.js';
import { refuseFileKind, sniffFileKind, type FileKind } from './file-kind.js';
import { detectHeaderRow, HEADER_SEARCH_ROWS } from './header-row.js';
import { counted, quoteValue, summariseList, type ReadWarning } from './read-warning.js';
import { dateKindOfFormat, excelSerialToIso, type DateKind } from './excel-dates.js';
import { checkedHeader } from './header.js';
import { decodeOoxmlString } from './ooxml-string.js';
import { parseReadOptions, readLimitsSchema, resolveLimits, type ReadLimits } from './read-limits.js';
import { columnLetter, type Cell, type CellErrorValue, type MergedRange, type Table } from './table.js';
import { TableReadError, type TableReadErrorCode } from './table-read-error.js';
import { openWorkbookPackage, parseXmlPart, type SheetEntry, type WorkbookPackage } from './xlsx-package.js';
import { attribute } from './xml-tokenizer.js';
import { DEFAULT_ZIP_LIMITS } from './zip-archive.js';

const zipLimitsSchema = z.object({
  /** Files in the zip. Default 10,000. */
  maxEntries: z.number().int().positive().optional(),
  /** Sum of the sizes the zip declares for its files, and of the bytes actually unpacked. Default 1 GiB. */
  maxUncompressedBytes: z.number().int().positive().optional(),
  /** Bytes one part may unpack to. Default 256 MiB. */
  maxEntryBytes: z.number().int().positive().optional(),
  /** Unpacked bytes per compressed byte, for parts over 8 MiB. Default 100 (Apache POI's rule). */
  maxCompressionRatio: z.number().positive().optional(),
});

const sheetReadOptionsSchema = z.object({
  /** Sheet row (1-based) of the header, or 'auto' (default): the first row that looks like a header. */
  headerRow: z.union([z.number().int().positive(), z.literal('auto')]).optional(),
  /** Refuse a sheet that has a header but no data rows (code 'empty'). Default false: no rows. */
  requireRows: z.boolean().optional(),
});
export type XlsxSheetReadOptions = z.input<typeof sheetReadOptionsSchema>;

export const openXlsxOptionsSchema = readLimitsSchema.merge(zipLimitsSchema).extend({
  source: z.string().min(1),
});
export type OpenXlsxOptions = z.input<typeof openXlsxOptionsSchema>;

export const readXlsxOptionsSchema = openXlsxOptionsSchema.merge(sheetReadOptionsSchema).extend({
  /**
   * Sheet name (case-insensitive when unambiguous), or 0-based position in the workbook's tab order.
   * Default: the first visible worksheet that holds a value.
   */
  sheet: z.union([z.string(), z.number().int().nonnegative()]).optional(),
});
export type ReadXlsxOptions = z.input<typeof readXlsxOptionsSchema>;

export const listXlsxSheetsOptionsSchema = zipLimitsSchema.extend({ source: z.string().min(1).optional() });
export type ListXlsxSheetsOptions = z.input<typeof listXlsxSheetsOptionsSchema>;

/** A sheet as the workbook lists it. */
export interface XlsxSheetInfo {
  readonly name: string;
  /** 0-based position in tab order. */
  readonly index: number;
  readonly kind: 'worksheet' | 'chartsheet' | 'other';
  readonly visible: boolean;
  readonly visibility: 'visible' | 'hidden' | 'veryHidden';
}

/** A sheet after an attempt to read it: its size, or why it cannot be read. */
export interface XlsxSheetSummary extends XlsxSheetInfo {
  /** Data rows (header excluded) and columns of the table the sheet gives; absent when it gives none. */
  readonly rowCount?: number;
  readonly columnCount?: number;
  /** 1-based sheet row taken as the header. */
  readonly headerRow?: number;
  /** The sheet holds no value at all. */
  readonly empty: boolean;
  /** Why the sheet cannot be read as a table (chart sheets, malformed parts, a bad header, …). */
  readonly error?: { readonly code: TableReadErrorCode; readonly message: string };
}

/**
 * An opened workbook: the zip's directory and the workbook part are read, nothing else. Each sheet
 * is read only when asked for (shared strings and styles once, on first need), so a page can list
 * the sheets and parse just the one the user picks.
 */
export interface XlsxWorkbook {
  readonly source: string;
  readonly sheets: readonly XlsxSheetInfo[];
  /** One sheet as a Table; without `sheet`, the default choice (see readXlsx). Throws TableReadError. */
  readSheet(sheet?: string | number, options?: XlsxSheetReadOptions): Table;
  /** Reads every sheet on its own; one that cannot be read gets an `error` and does not stop the others. */
  summariseSheets(options?: XlsxSheetReadOptions): XlsxSheetSummary[];
}

/** Names of the workbook's sheets in tab order (hidden sheets included). */
export function listXlsxSheets(bytes: Uint8Array, options: ListXlsxSheetsOptions = {}): string[] {
  const parsed = parseReadOptions(listXlsxSheetsOptionsSchema, options, 'listXlsxSheets');
  return openPackage(bytes, parsed.source ?? 'workbook', parsed).sheets.map((sheet) => sheet.name);
}

/**
 * One worksheet as a Table. With no `sheet`, the first visible worksheet that holds a value: empty
 * sheets and chart sheets are passed over with a warning, hidden sheets are never used unless named
 * (and their presence is a warning), so a hidden first sheet is never read by surprise.
 */
export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions): Table {
  const parsed = parseReadOptions(readXlsxOptionsSchema, options, 'readXlsx');
  return openXlsx(bytes, parsed).readSheet(parsed.sheet, parsed);
}

export function openXlsx(bytes: Uint8Array, options: OpenXlsxOptions): XlsxWorkbook {
  const parsed = parseReadOptions(openXlsxOptionsSchema, options, 'openXlsx');
  const source = parsed.source;
  const limits = resolveLimits(parsed);
  if (bytes.length > limits.maxBytes) {
    throw new TableReadError(
      { code: 'too-large', source },
      `${source} is ${bytes.length.toLocaleString('en')} bytes, more than the limit of ${limits.maxBytes.toLocaleString('en')}.`,
    );
  }
  const sniffed = sniffFileKind(bytes);
  const refusal = sniffed.kind === 'csv' ? undefined : refuseFileKind(sniffed, source);
  // A zip that is not a workbook is refused after the zip's own limits are checked, so that a
  // zip bomb is called one whatever else it holds.
  const isZip = ZIP_KINDS.has(sniffed.kind);
  if (refusal && !isZip) throw refusal;
  try {
    return new OpenedWorkbook(openPackage(bytes, source, parsed), limits);
  } catch (error) {
    if (refusal && error instanceof TableReadError && error.code === 'not-xlsx') throw refusal;
    throw error;
  }
}

const ZIP_KINDS: ReadonlySet<FileKind> = new Set<FileKind>(['zip', 'docx', 'pptx', 'ods', 'xlsb']);

function openPackage(bytes: Uint8Array, source: string, options: z.infer<typeof zipLimitsSchema>): WorkbookPackage {
  return openWorkbookPackage(bytes, source, {
    maxEntries: options.maxEntries ?? DEFAULT_ZIP_LIMITS.maxEntries,
    maxUncompressedBytes: options.maxUncompressedBytes ?? DEFAULT_ZIP_LIMITS.maxUncompressedBytes,
    maxEntryBytes: options.maxEntryBytes ?? DEFAULT_ZIP_LIMITS.maxEntryBytes,
    maxCompressionRatio: options.maxCompressionRatio ?? DEFAULT_ZIP_LIMITS.maxCompressionRatio,
  });
}

const describeKind = (sheet: SheetEntry) => (sheet.kind === 'chartsheet' ? 'a chart sheet' : 'a sheet without cells');

class OpenedWorkbook implements XlsxWorkbook {
  readonly source: string;
  readonly sheets: readonly XlsxSheetInfo[];
  private sharedStrings: string[] | undefined;
  private dateKinds: DateKind[] | undefined;

  constructor(
    private readonly workbook: WorkbookPackage,
    private readonly limits: ReadLimits,
  ) {
    this.source = workbook.source;
    this.sheets = workbook.sheets.map((sheet, index) => ({
      name: sheet.name,
      index,
      kind: sheet.kind,
      visible: !sheet.hidden,
      visibility: sheet.visibility,
    }));
  }

  readSheet(wanted?: string | number, options: XlsxSheetReadOptions = {}): Table {
    const parsed = parseReadOptions(sheetReadOptionsSchema, options, 'readSheet');
    if (wanted !== undefined) {
      const sheet = this.findSheet(wanted);
      return this.tableOf(sheet, this.cellsOf(sheet), parsed, []);
    }
    return this.readDefaultSheet(parsed);
  }

  summariseSheets(options: XlsxSheetReadOptions = {}): XlsxSheetSummary[] {
    const parsed = parseReadOptions(sheetReadOptionsSchema, options, 'summariseSheets');
    return this.workbook.sheets.map((sheet, index) => {
      const info = this.sheets[index];
      try {
        if (sheet.kind !== 'worksheet' || sheet.part === undefined) {
          const message = `${this.source}: "${sheet.name}" is ${describeKind(sheet)}, not a worksheet.`;
          return { ...info, empty: true, error: { code: 'not-a-worksheet', message } };
        }
        const cells = this.cellsOf(sheet);
        if (cells.rows.size === 0) return { ...info, empty: true };
        const table = this.tableOf(sheet, cells, parsed, []);
        return {
          ...info,
          empty: false,
          rowCount: table.rows.length,
          columnCount: table.header.length,
          headerRow: table.headerRow,
        };
      } catch (error) {
        if (!(error instanceof TableReadError)) throw error;
        return { ...info, empty: false, error: { code: error.code, message: error.message } };
      }
    });
  }

  private readDefaultSheet(options: z.infer<typeof sheetReadOptionsSchema>): Table {
    const { sheets } = this.workbook;
    const source = this.source;
    if (sheets.length === 0) {
      throw new TableReadError({ code: 'missing-sheet', source }, `${source} has no sheets.`);
    }
    const hidden = sheets.filter((sheet) => sheet.hidden);
    const passedOver: string[] = [];
    for (const sheet of sheets) {
      if (sheet.hidden) continue;
      if (sheet.kind !== 'worksheet' || sheet.part === undefined) {
        passedOver.push(`"${sheet.name}" (${describeKind(sheet)})`);
        continue;
      }
      const cells = this.cellsOf(sheet);
      if (cells.rows.size === 0) {
        passedOver.push(`"${sheet.name}" (empty)`);
        continue;
      }
      const warnings: ReadWarning[] = [];
      const tableSource = `${source} › ${sheet.name}`;
      if (passedOver.length > 0) {
        warnings.push({
          code: 'sheets-skipped',
          source: tableSource,
          message: `${source}: read the sheet "${sheet.name}", passing over ${summariseList(passedOver)}.`,
        });
      }
      if (hidden.length > 0) {
        warnings.push({
          code: 'hidden-sheets',
          source: tableSource,
          message: `${source} has ${hidden.length === 1 ? 'a hidden sheet' : 'hidden sheets'}, ${summariseList(hidden.map((h) => `"${h.name}"`))}, which ${hidden.length === 1 ? 'was' : 'were'} not read; read "${sheet.name}", the first visible sheet with data. Name a sheet to read another.`,
        });
      }
      return this.tableOf(sheet, cells, options, warnings);
    }
    const names = sheets.map((s) => `"${s.name}"`).join(', ');
    if (hidden.length > 0) {
      throw new TableReadError(
        { code: 'missing-sheet', source },
        `${source} has no visible sheet with data; its hidden ${hidden.length === 1 ? 'sheet is' : 'sheets are'} ${summariseList(hidden.map((h) => `"${h.name}"`))}. Name the sheet to read, or unhide it in Excel. Its sheets are: ${names}.`,
      );
    }
    throw new TableReadError(
      { code: 'empty', source },
      `${source} is empty: no sheet holds a value (its sheets are: ${names}).`,
    );
  }

  private findSheet(wanted: string | number): SheetEntry {
    const { sheets, source } = this.workbook;
    const names = sheets.map((s) => `"${s.name}"`).join(', ');
    let sheet: SheetEntry | undefined;
    if (typeof wanted === 'number') sheet = sheets[wanted];
    else {
      sheet = sheets.find((s) => s.name === wanted);
      const folded = sheets.filter((s) => s.name.toLowerCase() === wanted.toLowerCase());
      if (sheet === undefined && folded.length === 1) sheet = folded[0];
    }
    if (sheet === undefined) {
      const what =
        typeof wanted === 'number' ? `sheet at position ${wanted} (counting from 0)` : `sheet named "${wanted}"`;
      throw new TableReadError(
        { code: 'missing-sheet', source },
        `${source} has no ${what}. Its sheets are: ${names || '(none)'}.`,
      );
    }
    if (sheet.kind !== 'worksheet' || sheet.part === undefined) {
      throw new TableReadError(
        { code: 'not-a-worksheet', source },
        `${source}: "${sheet.name}" is ${describeKind(sheet)}, not a worksheet. Its sheets are: ${names}.`,
      );
    }
    return sheet;
  }

  private cellsOf(sheet: SheetEntry): SheetCells {
    const { workbook, limits } = this;
    this.sharedStrings ??= workbook.sharedStringsPart
      ? readSharedStrings(workbook, workbook.sharedStringsPart, limits)
      : [];
    this.dateKinds ??= workbook.stylesPart ? readDateKinds(workbook, workbook.stylesPart) : [];
    return readWorksheet(workbook, sheet.part!, {
      sharedStrings: this.sharedStrings,
      dateKinds: this.dateKinds,
      limits,
      tableSource: `${workbook.source} › ${sheet.name}`,
    });
  }

  private tableOf(
    sheet: SheetEntry,
    cells: SheetCells,
    options: z.infer<typeof sheetReadOptionsSchema>,
    warnings: ReadWarning[],
  ): Table {
    const tableSource = `${this.source} › ${sheet.name}`;
    const table = buildTable(cells, tableSource, options.headerRow ?? 'auto', this.limits, warnings);
    if (options.requireRows && table.rows.length === 0) {
      throw new TableReadError(
        { code: 'empty', source: tableSource, row: table.headerRow },
        `${tableSource} has a header (row ${table.headerRow}: ${summariseList(
          table.header.map((name) => quoteValue(name)),
          5,
        )}) but no data rows.`,
      );
    }
    return table;
  }
}

function readSharedStrings(workbook: WorkbookPackage, part: string, limits: ReadLimits): string[] {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phoneticDepth = 0;
  parseXmlPart(workbook.archive, workbook.source, part, {
    open(name, _attributes, selfClosing) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phoneticDepth++;
      else if (name === 't' && phoneticDepth === 0 && !selfClosing) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phoneticDepth--;
      else if (name === 'si') {
        if (current.length > limits.maxCellLength) {
          throw new TableReadError(
            { code: 'cell-too-long', source: workbook.source },
            `${workbook.source}: shared string ${strings.length} holds ${current.length.toLocaleString('en')} characters, more than the limit of ${limits.maxCellLength.toLocaleString('en')} for one cell.`,
          );
        }
        strings.push(decodeOoxmlString(current));
      }
    },
    text(value) {
      if (inText) current += value;
    },
  });
  return strings;
}

/** For each cell style (index into cellXfs), whether its number format shows dates. */
function readDateKinds(workbook: WorkbookPackage, part: string): DateKind[] {
  const customFormats = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  parseXmlPart(workbook.archive, workbook.source, part, {
    open(name, attributes) {
      if (name === 'numFmt') {
        const id = Number(attribute(attributes, 'numFmtId'));
        const code = attribute(attributes, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) customFormats.set(id, code);
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formatIds.push(Number(attribute(attributes, 'numFmtId') ?? '0'));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return formatIds.map((id) => dateKindOfFormat(id, customFormats.get(id)));
}

interface SheetCells {
  /** Sheet row (1-based) → cells by 0-based column; only rows with at least one value. */
  readonly rows: Map<number, Map<number, Cell>>;
  readonly errors: { row: number; column: number; value: string }[];
  readonly merges: { address: string; firstRow: number; lastRow: number; firstColumn: number; lastColumn: number }[];
  readonly date1904: boolean;
}

function readWorksheet(
  workbook: WorkbookPackage,
  part: string,
  context: {
    sharedStrings: readonly string[];
    dateKinds: readonly DateKind[];
    limits: ReadLimits;
    tableSource: string;
  },
): SheetCells {
  const { sharedStrings, dateKinds, limits, tableSource } = context;
  const rows = new Map<number, Map<number, Cell>>();
  const errors: SheetCells['errors'] = [];
  const merges: SheetCells['merges'] = [];
  let rowNumber = 0;
  let column = -1;
  let cellType = 'n';
  let cellStyle = 0;
  let value: string | null = null;
  let inline: string | null = null;
  let capture: 'v' | 't' | null = null;
  let buffer = '';
  let inInline = false;
  let phoneticDepth = 0;
  let storedCells = 0;

  const fail = (message: string): never => {
    throw new TableReadError(
      { code: 'malformed-xml', source: tableSource, row: rowNumber, column },
      `${tableSource}: cell ${cellAddress(column, rowNumber)} ${message}`,
    );
  };
  const text = (raw: string): string | null => {
    if (raw.length > limits.maxCellLength) {
      throw new TableReadError(
        { code: 'cell-too-long', source: tableSource, row: rowNumber, column },
        `${tableSource}: cell ${cellAddress(column, rowNumber)} holds ${raw.length.toLocaleString('en')} characters, more than the limit of ${limits.maxCellLength.toLocaleString('en')} for one cell.`,
      );
    }
    const decoded = decodeOoxmlString(raw);
    return decoded === '' ? null : decoded;
  };

  const finishCell = () => {
    let cell: Cell = null;
    switch (cellType) {
      case 'n': {
        if (value === null || value === '') break;
        const number = Number(value);
        if (!Number.isFinite(number)) fail(`holds "${value}", which is not a number.`);
        const kind = dateKinds[cellStyle] ?? null;
        cell = (kind && excelSerialToIso(number, workbook.date1904, kind)) || number;
        break;
      }
      case 's': {
        if (value === null) break;
        const index = Number(value);
        if (!Number.isInteger(index) || index < 0 || index >= sharedStrings.length) {
          fail(`refers to shared string ${value}, which does not exist.`);
        }
        cell = sharedStrings[index] === '' ? null : sharedStrings[index];
        break;
      }
      case 'str':
        cell = value === null ? null : text(value);
        break;
      case 'inlineStr':
        cell = inline !== null ? text(inline) : value === null ? null : text(value);
        break;
      case 'b':
        cell = value === null || value === '' ? null : value === '1' || value === 'true';
        break;
      case 'e':
        if (value !== null && value !== '') {
          cell = value;
          errors.push({ row: rowNumber, column, value });
        }
        break;
      case 'd':
        cell = value === null || value === '' ? null : value.replace(/T00:00(:00(\.0+)?)?Z?$/, '');
        break;
      default:
        fail(`has the unknown type "${cellType}".`);
    }
    if (cell === null) return;
    let cells = rows.get(rowNumber);
    if (cells === undefined) {
      rows.set(rowNumber, (cells = new Map()));
      // The limits are checked as the sheet is read, not after: a sheet of a million rows stops here.
      if (rows.size > limits.maxRows + HEADER_SEARCH_ROWS + 1) {
        throw new TableReadError(
          { code: 'too-many-rows', source: tableSource, row: rowNumber },
          `${tableSource} has more than ${limits.maxRows.toLocaleString('en')} data rows, the limit (row ${rowNumber} is beyond it).`,
        );
      }
    }
    if (!cells.has(column) && ++storedCells > limits.maxCells) {
      throw new TableReadError(
        { code: 'too-large', source: tableSource, row: rowNumber, column },
        `${tableSource} holds more than ${limits.maxCells.toLocaleString('en')} values, the limit (cell ${cellAddress(column, rowNumber)} is beyond it).`,
      );
    }
    cells.set(column, cell);
  };

  parseXmlPart(workbook.archive, tableSource, part, {
    open(name, attributes, selfClosing) {
      switch (name) {
        case 'row': {
          const r = attribute(attributes, 'r');
          rowNumber = r === undefined ? rowNumber + 1 : Number(r);
          if (!Number.isInteger(rowNumber) || rowNumber < 1) fail(`is in a row with the invalid number "${r}".`);
          column = -1;
          break;
        }
        case 'c': {
          const r = attribute(attributes, 'r');
          if (r === undefined) column++;
          else {
            const parsedAddress = parseCellAddress(r);
            if (parsedAddress === undefined) fail(`has the invalid address "${r}".`);
            column = parsedAddress!.column;
            rowNumber = parsedAddress!.row;
          }
          cellType = attribute(attributes, 't') ?? 'n';
          cellStyle = Number(attribute(attributes, 's') ?? '0');
          value = null;
          inline = null;
          if (selfClosing) cellType = 'n';
          break;
        }
        case 'v':
          capture = 'v';
          buffer = '';
          break;
        case 'is':
          inInline = true;
          inline = '';
          break;
        case 'rPh':
          phoneticDepth++;
          break;
        case 't':
          if (inInline && phoneticDepth === 0) {
            capture = 't';
            buffer = '';
          }
          break;
        case 'mergeCell': {
          const ref = attribute(attributes, 'ref') ?? '';
          const [from, to = from] = ref.split(':');
          const start = parseCellAddress(from);
          const end = parseCellAddress(to);
          if (start && end) {
            merges.push({
              address: ref,
              firstRow: Math.min(start.row, end.row),
              lastRow: Math.max(start.row, end.row),
              firstColumn: Math.min(start.column, end.column),
              lastColumn: Math.max(start.column, end.column),
            });
          }
          break;
        }
      }
    },
    close(name) {
      switch (name) {
        case 'v':
          if (capture === 'v') value = buffer;
          capture = null;
          break;
        case 't':
          if (capture === 't') inline += buffer;
          capture = null;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phoneticDepth--;
          break;
        case 'c':
          finishCell();
          break;
      }
    },
    text(value) {
      if (capture !== null) buffer += value;
    },
  });
  return { rows, errors, merges, date1904: workbook.date1904 };
}

function headerText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

/** A run of at least this many blank rows, followed by only a few rows with values, ends the table. */
export const STRAY_GAP_ROWS = 1000;
/** At most this many rows with values after such a gap are stray values rather than more data. */
export const STRAY_MAX_ROWS = 10;

function buildTable(
  sheet: SheetCells,
  source: string,
  headerRowOption: number | 'auto',
  limits: ReadLimits,
  warnings: ReadWarning[],
): Table {
  const rowNumbers = [...sheet.rows.keys()].sort((a, b) => a - b);
  const headerRow = headerRowOption === 'auto' ? findHeaderRow(sheet, rowNumbers) : headerRowOption;
  const below = rowNumbers.filter((row) => row >= headerRow);
  if (below.length === 0 || below[0] !== headerRow) {
    const where = headerRowOption === 'auto' ? '' : ` from row ${headerRowOption} down`;
    if (below.length === 0) {
      throw new TableReadError(
        { code: 'empty', source },
        `${source} is empty${where}: it has no header row and no data.`,
      );
    }
    throw new TableReadError(
      { code: 'empty-header', source, row: headerRow },
      `${source}: the header row (row ${headerRow}) is blank; every column needs a name.`,
    );
  }

  if (headerRowOption === 'auto' && headerRow > rowNumbers[0]) {
    const described = rowNumbers
      .filter((row) => row < headerRow)
      .map(
        (row) =>
          `row ${row} (${summariseList(
            [...sheet.rows.get(row)!.values()].map((cell) => quoteValue(cell)),
            2,
          )})`,
      );
    const names = [...sheet.rows.get(headerRow)!].sort(([a], [b]) => a - b).map(([, cell]) => quoteValue(cell));
    warnings.push({
      code: 'header-row-detected',
      source,
      row: headerRow,
      message: `${source}: the header is row ${headerRow} (${summariseList(names, 3)}); ${summariseList(described, 3)} above it ${described.length === 1 ? 'looks' : 'look'} like a title or notes and ${described.length === 1 ? 'was' : 'were'} skipped. Set the header row to choose another.`,
    });
  }

  // A few values far below the data (a stray key press at A1048576) are set aside, with a warning,
  // rather than turning the gap into a million blank rows.
  let kept = below;
  for (let k = 1; k < below.length; k++) {
    if (below[k] - below[k - 1] > STRAY_GAP_ROWS && below.length - k <= STRAY_MAX_ROWS) {
      kept = below.slice(0, k);
      const stray = below
        .slice(k)
        .flatMap((row) =>
          [...sheet.rows.get(row)!]
            .sort(([a], [b]) => a - b)
            .map(([column, cell]) => `${cellAddress(column, row)} (${quoteValue(cell)})`),
        );
      warnings.push({
        code: 'stray-cells-ignored',
        source,
        row: below[k],
        message: `${source}: left out ${summariseList(stray, 3)}, ${counted(below[k] - below[k - 1] - 1, 'blank row')} below the data (which ends at row ${below[k - 1].toLocaleString('en')}). Delete ${stray.length === 1 ? 'it' : 'them'} in Excel if ${stray.length === 1 ? 'it is' : 'they are'} not part of the table.`,
      });
      break;
    }
  }
  const lastRow = kept[kept.length - 1];

  let firstColumn = Infinity;
  let lastColumn = -1;
  const lastDataColumn = new Map<number, true>();
  for (const row of kept) {
    for (const column of sheet.rows.get(row)!.keys()) {
      firstColumn = Math.min(firstColumn, column);
      lastColumn = Math.max(lastColumn, column);
      if (row !== headerRow) lastDataColumn.set(column, true);
    }
  }
  const headerCells = sheet.rows.get(headerRow)!;
  // A header cell of spaces at the right with nothing below it is padding, not a column.
  let trimmedColumns = 0;
  while (
    lastColumn > firstColumn &&
    headerText(headerCells.get(lastColumn)).trim() === '' &&
    !lastDataColumn.has(lastColumn)
  ) {
    lastColumn--;
    trimmedColumns++;
  }
  if (trimmedColumns > 0) {
    warnings.push({
      code: 'blank-trimmed',
      source,
      message: `${source}: left out ${counted(trimmedColumns, 'empty column')} at the right with no name (${columnLetter(lastColumn + 1)}${trimmedColumns > 1 ? `–${columnLetter(lastColumn + trimmedColumns)}` : ''}).`,
    });
  }
  const width = lastColumn - firstColumn + 1;
  const rowCount = lastRow - headerRow;
  if (rowCount > limits.maxRows) {
    throw new TableReadError(
      { code: 'too-many-rows', source, row: lastRow },
      `${source} has ${rowCount.toLocaleString('en')} data rows (down to row ${lastRow}), more than the limit of ${limits.maxRows.toLocaleString('en')}.`,
    );
  }
  if (width > limits.maxColumns) {
    throw new TableReadError(
      { code: 'too-many-columns', source, column: lastColumn },
      `${source} uses ${width.toLocaleString('en')} columns (${columnLetter(firstColumn)} to ${columnLetter(lastColumn)}), more than the limit of ${limits.maxColumns.toLocaleString('en')}.`,
    );
  }
  if ((rowCount + 1) * width > limits.maxCells) {
    throw new TableReadError(
      { code: 'too-large', source },
      `${source} spans ${columnLetter(firstColumn)}${headerRow}:${columnLetter(lastColumn)}${lastRow}, ${((rowCount + 1) * width).toLocaleString('en')} cells, more than the limit of ${limits.maxCells.toLocaleString('en')}. Is there a stray value far below or to the right of the data?`,
    );
  }

  const names = Array.from({ length: width }, (_, index) => headerText(headerCells.get(firstColumn + index)));
  const header = checkedHeader(names, {
    source,
    row: headerRow,
    firstColumn,
    describeEmpty(index) {
      const column = firstColumn + index;
      const merge = sheet.merges.find(
        (m) => m.firstRow <= headerRow && headerRow <= m.lastRow && m.firstColumn <= column && column <= m.lastColumn,
      );
      return merge ? ` (merged into ${cellAddress(merge.firstColumn, merge.firstRow)})` : '';
    },
  });

  const rows: Cell[][] = new Array(rowCount);
  for (let index = 0; index < rowCount; index++) {
    const row: Cell[] = new Array(width).fill(null);
    const cells = sheet.rows.get(headerRow + 1 + index);
    if (cells)
      for (const [column, cell] of cells)
        if (column >= firstColumn && column <= lastColumn) row[column - firstColumn] = cell;
    rows[index] = row;
  }

  const errors: CellErrorValue[] = sheet.errors
    .filter((e) => e.row >= headerRow && e.row <= lastRow && e.column >= firstColumn && e.column <= lastColumn)
    .map((e) => ({
      row: e.row - headerRow - 1,
      column: e.column - firstColumn,
      value: e.value,
      address: cellAddress(e.column, e.row),
    }));
  const mergedRanges: MergedRange[] = sheet.merges
    .filter(
      (m) =>
        m.lastRow >= headerRow && m.firstRow <= lastRow && m.lastColumn >= firstColumn && m.firstColumn <= lastColumn,
    )
    .map((m) => ({
      address: m.address,
      firstRow: Math.max(m.firstRow, headerRow) - headerRow - 1,
      lastRow: Math.min(m.lastRow, lastRow) - headerRow - 1,
      firstColumn: Math.max(m.firstColumn, firstColumn) - firstColumn,
      lastColumn: Math.min(m.lastColumn, lastColumn) - firstColumn,
    }));
  return {
    source,
    header,
    rows,
    headerRow,
    firstColumn,
    errors,
    mergedRanges,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** The header row by detectHeaderRow over the top HEADER_SEARCH_ROWS sheet rows from the first with a value. */
function findHeaderRow(sheet: SheetCells, rowNumbers: readonly number[]): number {
  if (rowNumbers.length === 0) return 1;
  const first = rowNumbers[0];
  let lowColumn = Infinity;
  let highColumn = -1;
  for (const row of rowNumbers) {
    if (row > first + HEADER_SEARCH_ROWS) break;
    for (const column of sheet.rows.get(row)!.keys()) {
      lowColumn = Math.min(lowColumn, column);
      highColumn = Math.max(highColumn, column);
    }
  }
  const top: Cell[][] = [];
  for (let row = first; row <= first + HEADER_SEARCH_ROWS; row++) {
    const cells = sheet.rows.get(row);
    const dense: Cell[] = [];
    if (cells) for (const [column, cell] of cells) dense[column - lowColumn] = cell;
    top.push(Array.from({ length: highColumn - lowColumn + 1 }, (_, k) => dense[k] ?? null));
  }
  return first + detectHeaderRow(top);
}
