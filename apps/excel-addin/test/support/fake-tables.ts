// Tables: the workbook's and a sheet's collections, named and styled like Excel's (names unique and
// valid, no overlapping tables, the header row required).
import type { ExcelRange, ExcelTable, ExcelTableCollection, ExcelWorksheet } from '../../src/host/excel-api.js';
import { Loaded, splitProperties, type Batch } from './fake-batch.js';
import { FakeExcelError } from './fake-excel-error.js';
import { FakeRange } from './fake-range.js';
import { parseAddress, type SheetData, type TableData } from './fake-sheet.js';
import { FakeWorksheet } from './fake-worksheets.js';

export class FakeTable extends Loaded implements ExcelTable {
  constructor(
    private readonly batch: Batch,
    private readonly locate: () => TableData | null,
  ) {
    super();
  }
  private data(): TableData {
    const t = this.locate();
    if (!t) throw new FakeExcelError('ItemNotFound', 'The requested resource does not exist.');
    return t;
  }
  load(properties: string): ExcelTable {
    const wanted = splitProperties(properties);
    this.batch.read(() => {
      const t = this.locate();
      this.snapshot = { isNullObject: t === null };
      if (t) {
        this.snapshot.name = t.name;
        this.snapshot.style = t.style;
        if (wanted.some((p) => p.startsWith('worksheet'))) {
          const ws = new FakeWorksheet(this.batch, () => t.sheet);
          ws.fill({ isNullObject: false, name: t.sheet.name });
          this.snapshot.worksheet = ws;
        }
      }
      return { n: t?.name };
    });
    return this;
  }
  fill(snapshot: Record<string, unknown>): void {
    this.snapshot = snapshot;
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.batch.write(value, () => {
      const t = this.data();
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(value) || /^[A-Za-z]{1,3}\d+$/.test(value)) {
        throw new FakeExcelError('InvalidArgument', `The table name '${value}' is not valid.`);
      }
      if (
        this.batch.book.allTables().some((other) => other !== t && other.name.toLowerCase() === value.toLowerCase())
      ) {
        throw new FakeExcelError('InvalidArgument', `A table named '${value}' already exists.`);
      }
      t.name = value;
    });
  }
  get style(): string {
    return this.get('style');
  }
  set style(value: string) {
    this.batch.write(value, () => {
      this.data().style = value;
    });
  }
  get worksheet(): ExcelWorksheet {
    const ws = this.snapshot?.worksheet as ExcelWorksheet | undefined;
    return ws ?? new FakeWorksheet(this.batch, () => this.locate()?.sheet ?? null);
  }
  getRange(): ExcelRange {
    return new FakeRange(this.batch, () => {
      const t = this.locate();
      return t
        ? { sheet: t.sheet, row: t.row, column: t.column, rowCount: t.rowCount, columnCount: t.columnCount }
        : null;
    });
  }
}

export class FakeTableCollection extends Loaded implements ExcelTableCollection {
  constructor(
    protected readonly batch: Batch,
    private readonly list: () => TableData[],
  ) {
    super();
  }
  load(properties: string): ExcelTableCollection {
    const wantsSheet = properties.includes('worksheet');
    this.batch.read(() => {
      const items = this.list().map((t) => {
        const table = new FakeTable(this.batch, () => (this.batch.book.allTables().includes(t) ? t : null));
        const snap: Record<string, unknown> = { isNullObject: false, name: t.name, style: t.style };
        if (wantsSheet) {
          const ws = new FakeWorksheet(this.batch, () => t.sheet);
          ws.fill({ isNullObject: false, name: t.sheet.name });
          snap.worksheet = ws;
        }
        table.fill(snap);
        return table;
      });
      this.snapshot = { items };
      return items.map((t) => t.name);
    });
    return this;
  }
  get items(): ExcelTable[] {
    return this.get('items');
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(
      this.batch,
      () => this.list().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null,
    );
  }
}

export class FakeSheetTables extends FakeTableCollection {
  constructor(
    batch: Batch,
    private readonly sheet: () => SheetData | null,
  ) {
    super(batch, () => batch.book.allTables().filter((t) => t.sheet === sheet()));
  }
  add(address: string, hasHeaders: boolean): ExcelTable {
    let created: TableData | null = null;
    this.batch.write(address, () => {
      const sheet = this.sheet();
      if (!sheet) throw new FakeExcelError('InvalidObjectPath', 'The worksheet does not exist.');
      const area = parseAddress(address);
      const overlaps = this.batch.book
        .allTables()
        .some(
          (t) =>
            t.sheet === sheet &&
            t.row < area.row + area.rowCount &&
            area.row < t.row + t.rowCount &&
            t.column < area.column + area.columnCount &&
            area.column < t.column + t.columnCount,
        );
      if (overlaps) throw new FakeExcelError('InvalidOperation', 'A table can’t overlap another table.');
      if (!hasHeaders) throw new FakeExcelError('InvalidArgument', 'The fake only supports tables with headers.');
      const book = this.batch.book;
      created = { name: `Table${++book.tableCounter}`, style: 'TableStyleMedium2', sheet, ...area };
      book.tables.push(created);
    });
    return new FakeTable(this.batch, () => created);
  }
}
