// XLSX reader: one worksheet of a SpreadsheetML workbook (ECMA-376 Part 1, §18) into a Table.
//
// The header is the first row that has a value (or `headerRow`), and the table spans the columns
// that hold values from there down. Formulas give their cached value (the one Excel last showed);
// error values (#N/A, #REF!, …) are returned as their text and listed in `Table.errors`; dates
// (cells whose number format is a date) become ISO strings; merged areas are listed in
// `Table.mergedRanges` and only their top-left cell holds the value, as in the file.
import { z } from 'zod';
import { cellAddress, parseCellAddress } from './cell-address.js';
import { dateKindOfFormat, excelSerialToIso, type DateKind } from './excel-dates.js';
import { checkedHeader } from './header.js';
import { decodeOoxmlString } from './ooxml-string.js';
import { parseReadOptions, readLimitsSchema, resolveLimits, type ReadLimits } from './read-limits.js';
import { columnLetter, type Cell, type CellErrorValue, type MergedRange, type Table } from './table.js';
import { TableReadError } from './table-read-error.js';
import { openWorkbookPackage, parseXmlPart, type WorkbookPackage } from './xlsx-package.js';
import { attribute } from './xml-tokenizer.js';
import { DEFAULT_ZIP_LIMITS } from './zip-archive.js';

const zipLimitsSchema = z.object({
  /** Files in the zip. Default 10,000. */
  maxEntries: z.number().int().positive().optional(),
  /** Sum of the sizes the zip declares for its files. Default 1 GiB. */
  maxUncompressedBytes: z.number().int().positive().optional(),
});

export const readXlsxOptionsSchema = readLimitsSchema.merge(zipLimitsSchema).extend({
  source: z.string().min(1),
  /** Sheet name, or 0-based position in the workbook's tab order. Default: the first sheet. */
  sheet: z.union([z.string(), z.number().int().nonnegative()]).optional(),
  /** Sheet row (1-based) of the header. Default: the first row that holds a value. */
  headerRow: z.number().int().positive().optional(),
  /** Cells in the table (rows × columns), so one far-away cell cannot make a huge table. Default 20 million. */
  maxCells: z.number().int().positive().optional(),
});
export type ReadXlsxOptions = z.input<typeof readXlsxOptionsSchema>;

export const listXlsxSheetsOptionsSchema = zipLimitsSchema.extend({ source: z.string().min(1).optional() });
export type ListXlsxSheetsOptions = z.input<typeof listXlsxSheetsOptionsSchema>;

/** Names of the workbook's sheets in tab order (hidden sheets included). */
export function listXlsxSheets(bytes: Uint8Array, options: ListXlsxSheetsOptions = {}): string[] {
  const parsed = parseReadOptions(listXlsxSheetsOptionsSchema, options, 'listXlsxSheets');
  return openPackage(bytes, parsed.source ?? 'workbook', parsed).sheets.map((sheet) => sheet.name);
}

export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions): Table {
  const parsed = parseReadOptions(readXlsxOptionsSchema, options, 'readXlsx');
  const source = parsed.source;
  const limits = resolveLimits(parsed);
  if (bytes.length > limits.maxBytes) {
    throw new TableReadError(
      { code: 'too-large', source },
      `${source} is ${bytes.length.toLocaleString('en')} bytes, more than the limit of ${limits.maxBytes.toLocaleString('en')}.`,
    );
  }
  const workbook = openPackage(bytes, source, parsed);
  const sheet = chooseSheet(workbook, parsed.sheet);
  const tableSource = `${source} › ${sheet.name}`;
  const sharedStrings = workbook.sharedStringsPart ? readSharedStrings(workbook, workbook.sharedStringsPart, limits) : [];
  const dateKinds = workbook.stylesPart ? readDateKinds(workbook, workbook.stylesPart) : [];
  const cells = readWorksheet(workbook, sheet.part!, { sharedStrings, dateKinds, limits, tableSource });
  return buildTable(cells, tableSource, parsed.headerRow, limits, parsed.maxCells ?? DEFAULT_MAX_CELLS);
}

function openPackage(bytes: Uint8Array, source: string, options: z.infer<typeof zipLimitsSchema>): WorkbookPackage {
  return openWorkbookPackage(bytes, source, {
    maxEntries: options.maxEntries ?? DEFAULT_ZIP_LIMITS.maxEntries,
    maxUncompressedBytes: options.maxUncompressedBytes ?? DEFAULT_ZIP_LIMITS.maxUncompressedBytes,
  });
}

function chooseSheet(workbook: WorkbookPackage, wanted: string | number | undefined) {
  const { sheets, source } = workbook;
  const names = sheets.map((s) => `"${s.name}"`).join(', ');
  let sheet;
  if (wanted === undefined) sheet = sheets[0];
  else if (typeof wanted === 'number') sheet = sheets[wanted];
  else {
    sheet = sheets.find((s) => s.name === wanted);
    const folded = sheets.filter((s) => s.name.toLowerCase() === wanted.toLowerCase());
    if (sheet === undefined && folded.length === 1) sheet = folded[0];
  }
  if (sheet === undefined) {
    const what = wanted === undefined ? 'sheets' : typeof wanted === 'number' ? `sheet at position ${wanted} (counting from 0)` : `sheet named "${wanted}"`;
    throw new TableReadError(
      { code: 'missing-sheet', source },
      `${source} has no ${what}. Its sheets are: ${names || '(none)'}.`,
    );
  }
  if (sheet.kind !== 'worksheet' || sheet.part === undefined) {
    throw new TableReadError(
      { code: 'not-a-worksheet', source },
      `${source}: "${sheet.name}" is a ${sheet.kind === 'chartsheet' ? 'chart sheet' : 'sheet without cells'}, not a worksheet. Its sheets are: ${names}.`,
    );
  }
  return sheet;
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
  context: { sharedStrings: readonly string[]; dateKinds: readonly DateKind[]; limits: ReadLimits; tableSource: string },
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
    if (cells === undefined) rows.set(rowNumber, (cells = new Map()));
    cells.set(column, cell);
  };

  parseXmlPart(workbook.archive, workbook.source, part, {
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

const DEFAULT_MAX_CELLS = 20_000_000;

function buildTable(
  sheet: SheetCells,
  source: string,
  headerRowOption: number | undefined,
  limits: ReadLimits,
  maxCells: number,
): Table {
  let headerRow = headerRowOption ?? Infinity;
  if (headerRowOption === undefined) for (const row of sheet.rows.keys()) headerRow = Math.min(headerRow, row);
  let lastRow = -1;
  let firstColumn = Infinity;
  let lastColumn = -1;
  for (const [row, cells] of sheet.rows) {
    if (row < headerRow) continue;
    lastRow = Math.max(lastRow, row);
    for (const column of cells.keys()) {
      firstColumn = Math.min(firstColumn, column);
      lastColumn = Math.max(lastColumn, column);
    }
  }
  if (lastRow < 0) {
    const where = headerRowOption === undefined ? '' : ` from row ${headerRowOption} down`;
    throw new TableReadError({ code: 'empty', source }, `${source} is empty${where}: it has no header row and no data.`);
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
  if ((rowCount + 1) * width > maxCells) {
    throw new TableReadError(
      { code: 'too-large', source },
      `${source} spans ${columnLetter(firstColumn)}${headerRow}:${columnLetter(lastColumn)}${lastRow}, ${((rowCount + 1) * width).toLocaleString('en')} cells, more than the limit of ${maxCells.toLocaleString('en')}. Is there a stray value far below or to the right of the data?`,
    );
  }

  const headerCells = sheet.rows.get(headerRow);
  const names = Array.from({ length: width }, (_, index) => headerText(headerCells?.get(firstColumn + index)));
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
    if (cells) for (const [column, cell] of cells) if (column >= firstColumn) row[column - firstColumn] = cell;
    rows[index] = row;
  }

  const errors: CellErrorValue[] = sheet.errors
    .filter((e) => e.row >= headerRow && e.column >= firstColumn)
    .map((e) => ({ row: e.row - headerRow - 1, column: e.column - firstColumn, value: e.value, address: cellAddress(e.column, e.row) }));
  const mergedRanges: MergedRange[] = sheet.merges
    .filter((m) => m.lastRow >= headerRow && m.firstRow <= lastRow && m.lastColumn >= firstColumn && m.firstColumn <= lastColumn)
    .map((m) => ({
      address: m.address,
      firstRow: Math.max(m.firstRow, headerRow) - headerRow - 1,
      lastRow: Math.min(m.lastRow, lastRow) - headerRow - 1,
      firstColumn: Math.max(m.firstColumn, firstColumn) - firstColumn,
      lastColumn: Math.min(m.lastColumn, lastColumn) - firstColumn,
    }));
  return { source, header, rows, headerRow, firstColumn, errors, mergedRanges };
}
