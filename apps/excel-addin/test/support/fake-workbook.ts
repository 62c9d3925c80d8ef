// An in-memory workbook with the Excel semantics the add-in depends on: proxy objects whose
// properties exist only after load() + sync(), operations queued until sync(), a payload cap per
// sync that fails like Excel on the web (5 MB), null objects, and cell typing (a string starting
// with "=" becomes a formula, "+1234" a number) unless the cell's number format is text ("@").
// Its `run` is an `ExcelRun`, the slice of the API the add-in uses, which src/host/office.ts
// assigns the real `Excel.run` to without a cast: the compiler holds the fake and the add-in to
// @types/office-js. Used by the unit tests and, bundled, by the browser tests (fake-office.ts).
import type { ExcelRequestContext, ExcelRun, ExcelValue } from '../../src/host/excel-api.js';
import { Batch } from './fake-batch.js';
import { FakeRange } from './fake-range.js';
import {
  formatAddress,
  parseAddress,
  SheetData,
  typeIntoCell,
  type Area,
  type FakeCell,
  type TableData,
} from './fake-sheet.js';
import { FakeTableCollection } from './fake-tables.js';
import { FakeWorksheetCollection } from './fake-worksheets.js';

export { FakeExcelError } from './fake-excel-error.js';
export { parseAddress, type FakeCell } from './fake-sheet.js';

export const excelPayloadLimitBytes = 5 * 1024 * 1024;

export interface FakeSheetInit {
  readonly name: string;
  /** Rows of values typed in from the top-left cell (`at`, default A1). */
  readonly rows?: readonly (readonly ExcelValue[])[];
  readonly at?: string;
  /** Tables over parts of the sheet, e.g. { name: 'Mentors', address: 'A1:J51' }. */
  readonly tables?: readonly { name: string; address: string }[];
}

export class FakeWorkbook {
  sheets: SheetData[] = [];
  tables: TableData[] = [];
  activeSheet: SheetData;
  selection: Area;
  tableCounter = 0;
  /** Every `context.sync()`, the implicit one at the end of `run` included: each is a round trip. */
  syncCount = 0;
  /** The syncs that carried cells' values. */
  dataSyncs = 0;
  suspendCalls = 0;
  maxRequestBytesSeen = 0;
  maxResponseBytesSeen = 0;

  constructor(
    init: readonly FakeSheetInit[] = [{ name: 'Sheet1' }],
    public payloadLimitBytes = excelPayloadLimitBytes,
  ) {
    for (const sheetInit of init) this.addSheet(sheetInit);
    if (this.sheets.length === 0) this.addSheet({ name: 'Sheet1' });
    this.activeSheet = this.sheets[0];
    this.selection = { sheet: this.sheets[0], row: 0, column: 0, rowCount: 1, columnCount: 1 };
  }

  addSheet(init: FakeSheetInit): void {
    const sheet = new SheetData(init.name);
    this.sheets.push(sheet);
    const origin = parseAddress(init.at ?? 'A1');
    (init.rows ?? []).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== '') typeIntoCell(sheet.cell(origin.row + r, origin.column + c), value);
      }),
    );
    for (const t of init.tables ?? []) {
      this.tableCounter += 1;
      this.tables.push({ name: t.name, style: 'TableStyleMedium2', sheet, ...parseAddress(t.address) });
    }
  }

  findSheet(name: string): SheetData | null {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  allTables(): TableData[] {
    return this.tables;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Selects an address such as "Sheet1!A1:C4" (the user's selection). */
  select(address: string): void {
    const sheetName = address.includes('!')
      ? address.slice(0, address.lastIndexOf('!')).replace(/^'|'$/g, '')
      : this.activeSheet.name;
    const sheet = this.findSheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    this.selection = { sheet, ...parseAddress(address) };
    this.activeSheet = sheet;
  }

  selectedAddress(): string {
    return formatAddress(this.selection);
  }

  cell(sheetName: string, address: string): FakeCell {
    const sheet = this.findSheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const { row, column } = parseAddress(address);
    return sheet.peek(row, column) ?? { value: '', formula: null, numberFormat: 'General' };
  }

  /** The used range's values, as Excel would return them. */
  values(sheetName: string): ExcelValue[][] {
    const sheet = this.findSheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const used = sheet.usedArea();
    if (!used) return [];
    const rows: ExcelValue[][] = [];
    for (let r = 0; r < used.rowCount; r++) {
      const row: ExcelValue[] = [];
      for (let c = 0; c < used.columnCount; c++) row.push(sheet.peek(used.row + r, used.column + c)?.value ?? '');
      rows.push(row);
    }
    return rows;
  }

  tableInfo(name: string): { name: string; sheet: string; address: string; style: string } | null {
    const t = this.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
    return t ? { name: t.name, sheet: t.sheet.name, address: formatAddress(t), style: t.style } : null;
  }

  frozenRows(sheetName: string): number {
    return this.findSheet(sheetName)?.frozenRows ?? 0;
  }

  readonly run: ExcelRun = async (batchFn) => {
    const batch = new Batch(this);
    const context: ExcelRequestContext = {
      workbook: {
        worksheets: new FakeWorksheetCollection(batch),
        tables: new FakeTableCollection(batch, () => this.tables),
        getSelectedRange: () => new FakeRange(batch, () => this.selection),
      },
      application: {
        suspendApiCalculationUntilNextSync: () => {
          batch.write(null, () => {
            this.suspendCalls += 1;
          });
        },
      },
      sync: () => batch.sync(),
    };
    const result = await batchFn(context);
    await batch.sync();
    return result;
  };
}
