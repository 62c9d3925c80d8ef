// A range proxy: load() snapshots its address and cells at the next sync; values and number formats
// written to it are checked against its dimensions and typed into the cells at the sync.
import type { ExcelRange, ExcelValue, ExcelWorksheet } from '../../src/host/excel-api.js';
import { Loaded, splitProperties, type Batch } from './fake-batch.js';
import { FakeExcelError, notLoaded } from './fake-excel-error.js';
import { formatAddress, type Area, type FakeCell, typeIntoCell } from './fake-sheet.js';
import { FakeWorksheet } from './fake-worksheets.js';

export class FakeRange extends Loaded implements ExcelRange {
  constructor(
    private readonly batch: Batch,
    private readonly locate: () => Area | null,
  ) {
    super();
  }

  private area(): Area {
    const area = this.locate();
    if (!area) throw new FakeExcelError('InvalidObjectPath', 'The object path is not valid: null object.');
    return area;
  }

  load(properties: string): ExcelRange {
    const wanted = splitProperties(properties);
    this.batch.read(() => {
      const area = this.locate();
      const snap: Record<string, unknown> = { isNullObject: area === null };
      if (area) {
        snap.address = formatAddress(area);
        snap.rowIndex = area.row;
        snap.columnIndex = area.column;
        snap.rowCount = area.rowCount;
        snap.columnCount = area.columnCount;
        if (wanted.includes('values')) snap.values = this.grid(area, (c) => c?.value ?? '');
        if (wanted.includes('numberFormat')) snap.numberFormat = this.grid(area, (c) => c?.numberFormat ?? 'General');
        if (wanted.includes('formulas')) snap.formulas = this.grid(area, (c) => c?.formula ?? c?.value ?? '');
      }
      this.snapshot = snap;
      return wanted.some((p) => ['values', 'numberFormat', 'formulas'].includes(p)) ? snap : { a: snap.address };
    });
    return this;
  }

  private grid<T>(area: Area, pick: (cell: FakeCell | undefined) => T): T[][] {
    const rows: T[][] = [];
    for (let r = 0; r < area.rowCount; r++) {
      const row: T[] = [];
      for (let c = 0; c < area.columnCount; c++) row.push(pick(area.sheet.peek(area.row + r, area.column + c)));
      rows.push(row);
    }
    return rows;
  }

  private assign<T>(area: Area, input: T[][] | T, set: (cell: FakeCell, value: T) => void, what: string): void {
    if (Array.isArray(input)) {
      const grid = input as T[][];
      if (grid.length !== area.rowCount || grid.some((row) => !Array.isArray(row) || row.length !== area.columnCount)) {
        throw new FakeExcelError(
          'InvalidArgument',
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range " +
            `(${what}).`,
        );
      }
      for (let r = 0; r < area.rowCount; r++)
        for (let c = 0; c < area.columnCount; c++) set(area.sheet.cell(area.row + r, area.column + c), grid[r][c]);
    } else {
      for (let r = 0; r < area.rowCount; r++)
        for (let c = 0; c < area.columnCount; c++) set(area.sheet.cell(area.row + r, area.column + c), input);
    }
  }

  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): ExcelValue[][] {
    return this.get('values');
  }
  set values(input: ExcelValue[][] | ExcelValue) {
    this.batch.write(input, () => this.assign(this.area(), input, typeIntoCell, 'values'), true);
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(input: string[][] | string) {
    this.batch.write(input, () =>
      this.assign(
        this.area(),
        input,
        (cell, format) => {
          cell.numberFormat = format;
        },
        'numberFormat',
      ),
    );
  }
  get worksheet(): ExcelWorksheet {
    return new FakeWorksheet(this.batch, () => this.locate()?.sheet ?? null);
  }
  get format() {
    const batch = this.batch;
    const area = () => this.area();
    return {
      autofitColumns(): void {
        batch.write(null, () => void area());
      },
      font: {
        set bold(value: boolean) {
          batch.write(value, () => {
            const a = area();
            a.sheet.boldRanges.push(formatAddress(a));
          });
        },
        get bold(): boolean {
          return notLoaded('bold');
        },
      },
    };
  }
  select(): void {
    this.batch.write(null, () => {
      const a = this.area();
      this.batch.book.selection = a;
      this.batch.book.activeSheet = a.sheet;
    });
  }
}
