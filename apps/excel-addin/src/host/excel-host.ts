// The WorkbookHost for Excel: reads tables and ranges in chunks, writes result sheets as formatted
// Excel tables with participant data as text, reads locks back, selects the cells checks point at.
import { columnLetter, type Cell, type Table } from '@mentor-matcher/tabular';
import { detectHeaderRow } from '../data/header-row.js';
import { fromExcel, textColumns, toExcel } from './cells.js';
import { forEachChunk, rowsPerReadChunk, targetChunkBytes } from './chunks.js';
import type { ExcelRequestContext, ExcelRange, ExcelRun, ExcelWorksheet } from './excel-api.js';
import {
  InputTooLargeError,
  type CellLocation,
  type PairDecisions,
  type ResultSheet,
  type SettingsStore,
  type SourceOption,
  type WorkbookHost,
  type WriteOptions,
} from './workbook-host.js';

/** Excel may return nulls instead of failing for reads over 5 million cells. */
export const maxReadCells = 5_000_000;

export interface ExcelHostOptions {
  readonly run: ExcelRun;
  readonly settings: SettingsStore;
  readonly maxCells?: number;
}

interface SourcePlacement {
  readonly sheet: string;
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly header: readonly string[];
  readonly lastRow: number;
}

function splitAddress(address: string): { sheet: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) throw new Error(`The address ${address} names no sheet.`);
  return { sheet: address.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'"), local: address.slice(bang + 1) };
}

function locateSource(context: ExcelRequestContext, id: string): ExcelRange {
  if (id.startsWith('table:')) return context.workbook.tables.getItemOrNullObject(id.slice(6)).getRange();
  if (id.startsWith('range:')) {
    const { sheet, local } = splitAddress(id.slice(6));
    return context.workbook.worksheets.getItemOrNullObject(sheet).getRange(local);
  }
  throw new Error(`Unknown source ${id}.`);
}

function headerNames(cells: readonly Cell[], firstColumn: number): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = cell === null ? `Column ${columnLetter(firstColumn + i)}` : String(cell).trim();
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

function tableName(sheetName: string): string {
  return sheetName.replace(/[^A-Za-z0-9_]/g, '');
}

/** A result sheet with its cells laid out for writing: header first, and which columns are text. */
interface PlannedSheet {
  readonly sheet: ResultSheet;
  readonly all: readonly (readonly Cell[])[];
  readonly asText: boolean[];
  /** Estimated request bytes per row: the values' JSON plus about 6 bytes a cell of number format. */
  readonly rowBytes: number;
}

function planSheet(sheet: ResultSheet): PlannedSheet {
  const columns = sheet.header.length;
  const all: (readonly Cell[])[] = [sheet.header, ...sheet.rows];
  const sample = all.slice(0, 200);
  const rowBytes = JSON.stringify(sample).length / sample.length + columns * 6;
  return { sheet, all, asText: textColumns(sheet.rows, columns), rowBytes };
}

/**
 * Writes result sheets in a bounded number of round trips: one sync to find earlier results, sheets
 * to remove and table-name clashes, one to delete and add the sheets (and remove the left-over ones), one per data chunk (rows of every sheet
 * packed together up to the request budget, halved on a payload error), and one for the tables,
 * styles, frozen headers, column widths and the active sheet. Tables come after all the values, as
 * Excel advises for large writes.
 */
async function writeSheets(
  context: ExcelRequestContext,
  sheets: readonly ResultSheet[],
  options: WriteOptions,
): Promise<void> {
  const plans = sheets.map(planSheet);
  const { worksheets, tables } = context.workbook;
  const earlier = sheets.map((sheet) => worksheets.getItemOrNullObject(sheet.name).load('name'));
  const writing = new Set(sheets.map((sheet) => sheet.name.toLowerCase()));
  const leftOver = (options.remove ?? [])
    .filter((name) => !writing.has(name.toLowerCase()))
    .map((name) => worksheets.getItemOrNullObject(name).load('name'));
  const clashes = sheets.map((sheet) => {
    const clash = tables.getItemOrNullObject(tableName(sheet.name));
    clash.load('name,worksheet/name');
    return clash;
  });
  await context.sync();

  const replaced = new Set(sheets.filter((_, i) => !earlier[i].isNullObject).map((s) => s.name.toLowerCase()));
  // Each sheet is deleted just before its replacement is added, so the workbook never runs out of sheets.
  const added = sheets.map((sheet, i) => {
    if (!earlier[i].isNullObject) earlier[i].delete();
    return worksheets.add(sheet.name);
  });
  // After the additions, so that removing them never leaves the workbook without a sheet.
  for (const sheet of leftOver) if (!sheet.isNullObject) sheet.delete();
  await context.sync();

  // Rows of all sheets in one sequence, so small sheets share a request instead of one each.
  const offsets: number[] = [];
  let total = 0;
  for (const plan of plans) {
    offsets.push(total);
    total += plan.all.length;
  }
  const widestRow = Math.max(1, ...plans.map((plan) => plan.rowBytes));
  await forEachChunk(total, Math.floor(targetChunkBytes / widestRow), async (start, count) => {
    context.application.suspendApiCalculationUntilNextSync();
    plans.forEach((plan, i) => {
      const from = Math.max(start, offsets[i]) - offsets[i];
      const to = Math.min(start + count, offsets[i] + plan.all.length) - offsets[i];
      if (to > from) writeRows(added[i], plan, from, to - from);
    });
    await context.sync();
  });

  plans.forEach(({ sheet, all }, i) => {
    const table = added[i].tables.add(`A1:${columnLetter(sheet.header.length - 1)}${all.length}`, true);
    const clash = clashes[i];
    if (clash.isNullObject || replaced.has(clash.worksheet.name.toLowerCase())) table.name = tableName(sheet.name);
    table.style = 'TableStyleMedium2';
    added[i].freezePanes.freezeRows(1);
    table.getRange().format.autofitColumns();
  });
  added[0].activate();
  await context.sync();
}

/** Queues rows `start` to `start + count` of a planned sheet: the text format first, then the values. */
function writeRows(worksheet: ExcelWorksheet, plan: PlannedSheet, start: number, count: number): void {
  const range = worksheet.getRangeByIndexes(start, 0, count, plan.sheet.header.length);
  const formats: string[][] = [];
  const values = [];
  for (let r = start; r < start + count; r++) {
    const isHeader = r === 0;
    formats.push(plan.asText.map((text) => (text || isHeader ? '@' : 'General')));
    values.push(plan.all[r].map((cell, c) => toExcel(cell, plan.asText[c] || isHeader)));
  }
  // The text format must be in place before the values arrive, or Excel parses them.
  range.numberFormat = formats;
  range.values = values;
}

export function createExcelHost(options: ExcelHostOptions): WorkbookHost {
  const { run, settings } = options;
  const maxCells = options.maxCells ?? maxReadCells;
  const placements = new Map<string, SourcePlacement>();

  async function readRange(context: ExcelRequestContext, range: ExcelRange, source: string): Promise<Table> {
    range.load('address,rowIndex,columnIndex,rowCount,columnCount');
    const worksheet: ExcelWorksheet = range.worksheet;
    worksheet.load('name');
    await context.sync();
    if (range.isNullObject) throw new Error(`${source} is empty or no longer exists.`);
    const { rowIndex, columnIndex, rowCount, columnCount } = range;
    if (rowCount * columnCount > maxCells) {
      throw new InputTooLargeError(
        `${source} has ${rowCount.toLocaleString('en-GB')} rows × ${columnCount} columns, more than the ${maxCells.toLocaleString('en-GB')} cells the add-in reads from Excel at once. Select only the columns you need, or use the CLI for inputs this large.`,
      );
    }
    const rows: Cell[][] = [];
    await forEachChunk(rowCount, rowsPerReadChunk(columnCount), async (start, count) => {
      const part = worksheet.getRangeByIndexes(rowIndex + start, columnIndex, count, columnCount);
      part.load('values');
      await context.sync();
      for (const row of part.values) rows.push(row.map(fromExcel));
    });
    const headerIndex = detectHeaderRow(rows);
    const header = headerNames(rows[headerIndex] ?? [], columnIndex);
    const headerRow = rowIndex + headerIndex + 1;
    placements.set(source, {
      sheet: worksheet.name,
      headerRow,
      firstColumn: columnIndex,
      header,
      lastRow: rowIndex + rowCount,
    });
    return { source, header, rows: rows.slice(headerIndex + 1), headerRow, firstColumn: columnIndex };
  }

  /** Pairs marked in an earlier Pairs result: anything in `lock` locks the pair, in `forbid` forbids it. */
  async function readPairDecisions(pairsSheet: string): Promise<PairDecisions> {
    return run(async (context) => {
      const none: PairDecisions = { locked: [], forbidden: [], unlocked: [] };
      const sheet = context.workbook.worksheets.getItemOrNullObject(pairsSheet);
      sheet.load('name');
      await context.sync();
      if (sheet.isNullObject) return none;
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('rowCount');
      await context.sync();
      if (used.isNullObject) return none;
      const table = await readRange(context, used, pairsSheet);
      const find = (name: string) => table.header.findIndex((h) => h.trim().toLowerCase() === name);
      const mentor = find('mentor email');
      const mentee = find('mentee email');
      if (mentor < 0 || mentee < 0) return none;
      const filled = (cell: Cell) => cell !== null && String(cell).trim() !== '';
      const pairOf = (row: readonly Cell[]) => ({
        mentor: String(row[mentor] ?? '').trim(),
        mentee: String(row[mentee] ?? '').trim(),
      });
      const marked = (column: number) =>
        column < 0
          ? []
          : table.rows
              .filter((row) => filled(row[column]))
              .map(pairOf)
              .filter((pair) => pair.mentor !== '' && pair.mentee !== '');
      const lock = find('lock');
      const unlocked =
        lock < 0
          ? []
          : table.rows
              .filter((row) => !filled(row[lock]))
              .map(pairOf)
              .filter((pair) => pair.mentor !== '' && pair.mentee !== '');
      return { locked: marked(lock), forbidden: marked(find('forbid')), unlocked };
    });
  }

  return {
    kind: 'excel',
    settings,

    async listSources(): Promise<SourceOption[]> {
      return run(async (context) => {
        const tables = context.workbook.tables;
        tables.load('items/name,items/worksheet/name');
        await context.sync();
        const ranges = tables.items.map((t) => {
          const r = t.getRange();
          r.load('address,rowCount');
          return r;
        });
        await context.sync();
        return tables.items.map((t, i) => ({
          id: `table:${t.name}`,
          label: t.name,
          detail: `${ranges[i].address}, ${ranges[i].rowCount - 1} rows`,
        }));
      });
    },

    async selectionSource(): Promise<SourceOption> {
      return run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load('address,rowCount,columnCount');
        await context.sync();
        if (range.rowCount < 2) {
          throw new Error(`The selection ${range.address} is one row: select the header row and the rows below it.`);
        }
        return { id: `range:${range.address}`, label: range.address, detail: `selection, ${range.rowCount} rows` };
      });
    },

    async readSource(id: string): Promise<Table> {
      return run(async (context) => {
        const source = id.replace(/^(table|range):/, '');
        return readRange(context, locateSource(context, id), source);
      });
    },

    async existingResults(names: readonly string[]): Promise<string[]> {
      return run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        const present = new Set(sheets.items.map((s) => s.name.toLowerCase()));
        return names.filter((n) => present.has(n.toLowerCase()));
      });
    },

    async writeResults(sheets: readonly ResultSheet[], options: WriteOptions = {}): Promise<void> {
      if (sheets.length === 0) return;
      await run((context) => writeSheets(context, sheets, options));
    },

    async readLockedPairs(pairsSheet: string): Promise<{ mentor: string; mentee: string }[]> {
      return (await readPairDecisions(pairsSheet)).locked;
    },

    readPairDecisions,

    async reveal(location: CellLocation): Promise<void> {
      const placement = placements.get(location.source);
      if (!placement) return;
      const column = location.column === undefined ? -1 : placement.header.indexOf(location.column);
      const firstLetter = columnLetter(placement.firstColumn);
      const lastLetter = columnLetter(placement.firstColumn + placement.header.length - 1);
      const row = location.row ?? placement.headerRow;
      const address =
        column >= 0
          ? `${columnLetter(placement.firstColumn + column)}${row}`
          : location.row === undefined && location.column === undefined
            ? `${firstLetter}${placement.headerRow}:${lastLetter}${placement.lastRow}`
            : `${firstLetter}${row}:${lastLetter}${row}`;
      await run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(placement.sheet);
        sheet.activate();
        sheet.getRange(address).select();
        await context.sync();
      });
    },
  };
}
