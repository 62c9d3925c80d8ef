// Worksheets: add (names checked like Excel's), find or null object, delete, activate, and the
// ranges and tables on a sheet.
import type { ExcelRange, ExcelWorksheet, ExcelWorksheetCollection } from '../../src/host/excel-api.js';
import type { Batch } from './fake-batch.js';
import { Loaded } from './fake-batch.js';
import { FakeExcelError } from './fake-excel-error.js';
import { FakeRange } from './fake-range.js';
import { parseAddress, SheetData } from './fake-sheet.js';
import { FakeSheetTables } from './fake-tables.js';

export class FakeWorksheet extends Loaded implements ExcelWorksheet {
  constructor(
    private readonly batch: Batch,
    private readonly locate: () => SheetData | null,
  ) {
    super();
  }
  private data(): SheetData {
    const s = this.locate();
    if (!s) throw new FakeExcelError('ItemNotFound', 'The requested resource does not exist.');
    return s;
  }
  fill(snapshot: Record<string, unknown>): void {
    this.snapshot = snapshot;
  }
  load(): ExcelWorksheet {
    this.batch.read(() => {
      const s = this.locate();
      this.snapshot = { isNullObject: s === null, ...(s ? { name: s.name } : {}) };
      return { n: s?.name };
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get name(): string {
    return this.get('name');
  }
  get tables() {
    return new FakeSheetTables(this.batch, this.locate);
  }
  get freezePanes() {
    return {
      freezeRows: (count: number) =>
        this.batch.write(count, () => {
          this.data().frozenRows = count;
        }),
    };
  }
  getUsedRangeOrNullObject(): ExcelRange {
    return new FakeRange(this.batch, () => {
      const sheet = this.locate();
      const used = sheet?.usedArea();
      return sheet && used ? { sheet, ...used } : null;
    });
  }
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): ExcelRange {
    return new FakeRange(this.batch, () => {
      if (rowCount < 1 || columnCount < 1 || row < 0 || column < 0) {
        throw new FakeExcelError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      }
      return { sheet: this.data(), row, column, rowCount, columnCount };
    });
  }
  getRange(address: string): ExcelRange {
    return new FakeRange(this.batch, () => ({ sheet: this.data(), ...parseAddress(address) }));
  }
  activate(): void {
    this.batch.write(null, () => {
      this.batch.book.activeSheet = this.data();
    });
  }
  delete(): void {
    this.batch.write(null, () => {
      const sheet = this.data();
      const book = this.batch.book;
      book.sheets = book.sheets.filter((s) => s !== sheet);
      book.tables = book.tables.filter((t) => t.sheet !== sheet);
      if (book.activeSheet === sheet) book.activeSheet = book.sheets[0];
      if (book.selection.sheet === sheet)
        book.selection = { sheet: book.sheets[0], row: 0, column: 0, rowCount: 1, columnCount: 1 };
    });
  }
}

export class FakeWorksheetCollection extends Loaded implements ExcelWorksheetCollection {
  constructor(private readonly batch: Batch) {
    super();
  }
  load(): ExcelWorksheetCollection {
    this.batch.read(() => {
      const items = this.batch.book.sheets.map((s) => {
        const ws = new FakeWorksheet(this.batch, () => (this.batch.book.sheets.includes(s) ? s : null));
        ws.fill({ isNullObject: false, name: s.name });
        return ws;
      });
      this.snapshot = { items };
      return items.length;
    });
    return this;
  }
  get items(): ExcelWorksheet[] {
    return this.get('items');
  }
  getItemOrNullObject(name: string): ExcelWorksheet {
    return new FakeWorksheet(this.batch, () => this.batch.book.findSheet(name));
  }
  add(name: string): ExcelWorksheet {
    let created: SheetData | null = null;
    this.batch.write(name, () => {
      if (this.batch.book.findSheet(name)) {
        throw new FakeExcelError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
      }
      if (name.length > 31 || /[[\]:*?/\\]/.test(name)) {
        throw new FakeExcelError('InvalidArgument', `The worksheet name '${name}' is not valid.`);
      }
      created = new SheetData(name);
      this.batch.book.sheets.push(created);
    });
    return new FakeWorksheet(this.batch, () => created);
  }
  getActiveWorksheet(): ExcelWorksheet {
    return new FakeWorksheet(this.batch, () => this.batch.book.activeSheet);
  }
}
