// An in-memory workbook with the Excel semantics the add-in depends on: proxy objects whose
// properties exist only after load() + sync(), operations queued until sync(), a payload cap per
// sync that fails like Excel on the web (5 MB), null objects, and cell typing (a string starting
// with "=" becomes a formula, "+1234" a number) unless the cell's number format is text ("@").
// Used by the unit tests and, bundled, by the browser end-to-end tests.
import type {
  ExcelRange,
  ExcelRequestContext,
  ExcelRun,
  ExcelTable,
  ExcelTableCollection,
  ExcelValue,
  ExcelWorksheet,
  ExcelWorksheetCollection,
} from './excel-api.js';
import { columnLetter } from '@mentor-matcher/tabular';

export const excelPayloadLimitBytes = 5 * 1024 * 1024;

export interface FakeCell {
  value: ExcelValue;
  formula: string | null;
  numberFormat: string;
}

interface Area {
  readonly sheet: SheetData;
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

interface TableData {
  name: string;
  style: string;
  sheet: SheetData;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

class SheetData {
  readonly cells = new Map<string, FakeCell>();
  frozenRows = 0;
  readonly boldRanges: string[] = [];
  constructor(public name: string) {}

  cell(row: number, column: number): FakeCell {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: '', formula: null, numberFormat: 'General' };
      this.cells.set(key, cell);
    }
    return cell;
  }

  peek(row: number, column: number): FakeCell | undefined {
    return this.cells.get(`${row},${column}`);
  }

  usedArea(): Omit<Area, 'sheet'> | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      if (cell.value === '' && cell.formula === null) continue;
      const [r, c] = key.split(',').map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    if (bottom < 0) return null;
    return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }
}

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** What Excel stores when a value is typed into a cell with the given number format. */
function typeIntoCell(cell: FakeCell, value: ExcelValue): void {
  cell.formula = null;
  if (typeof value !== 'string' || cell.numberFormat === '@') {
    cell.value = value;
    return;
  }
  const trimmed = value.trim();
  if (numberPattern.test(trimmed)) {
    cell.value = Number(trimmed);
  } else if (/^(TRUE|FALSE)$/i.test(trimmed)) {
    cell.value = trimmed.toUpperCase() === 'TRUE';
  } else if (/^[=+\-@]/.test(value) && value.length > 1) {
    cell.formula = value.startsWith('=') ? value : `=${value}`;
    cell.value = '#FORMULA';
  } else {
    cell.value = value;
  }
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function formatAddress(area: Area): string {
  const start = `${columnLetter(area.column)}${area.row + 1}`;
  const end = `${columnLetter(area.column + area.columnCount - 1)}${area.row + area.rowCount}`;
  return `${sheetPrefix(area.sheet.name)}!${start === end ? start : `${start}:${end}`}`;
}

/** Parses "A1", "A1:C3", "Sheet1!A1:C3" or "'My sheet'!$A$1:$C$3" (the sheet part is ignored). */
export function parseAddress(address: string): Omit<Area, 'sheet'> {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(local);
  if (!match) throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing: ${address}`);
  const c1 = columnIndex(match[1]);
  const r1 = Number(match[2]) - 1;
  const c2 = match[3] ? columnIndex(match[3]) : c1;
  const r2 = match[4] ? Number(match[4]) - 1 : r1;
  return {
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    rowCount: Math.abs(r2 - r1) + 1,
    columnCount: Math.abs(c2 - c1) + 1,
  };
}

type Operation =
  | { kind: 'write'; bytes: number; apply: () => void }
  | { kind: 'read'; apply: () => number };

function notLoaded(property: string): never {
  throw new FakeExcelError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function bytesOf(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

class Batch {
  readonly queue: Operation[] = [];
  constructor(readonly book: FakeWorkbook) {}

  write(payload: unknown, apply: () => void): void {
    this.queue.push({ kind: 'write', bytes: bytesOf(payload) + 32, apply });
  }

  read(apply: () => unknown): void {
    this.queue.push({ kind: 'read', apply: () => bytesOf(apply()) + 32 });
  }

  async sync(): Promise<void> {
    const operations = this.queue.splice(0);
    this.book.syncCount += 1;
    const requestBytes = operations.reduce((sum, op) => sum + (op.kind === 'write' ? op.bytes : 64), 0);
    if (requestBytes > this.book.payloadLimitBytes) {
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    let responseBytes = 0;
    for (const op of operations) {
      if (op.kind === 'write') op.apply();
      else responseBytes += op.apply();
    }
    if (responseBytes > this.book.payloadLimitBytes) {
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    this.book.maxResponseBytesSeen = Math.max(this.book.maxResponseBytesSeen, responseBytes);
    this.book.maxRequestBytesSeen = Math.max(this.book.maxRequestBytesSeen, requestBytes);
  }
}

function splitProperties(properties: string): string[] {
  return properties
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

class Loaded {
  protected snapshot: Record<string, unknown> | null = null;
  protected get<T>(property: string): T {
    if (!this.snapshot || !(property in this.snapshot)) notLoaded(property);
    return this.snapshot[property] as T;
  }
}

class FakeRange extends Loaded implements ExcelRange {
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
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
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
    this.batch.write(input, () => this.assign(this.area(), input, typeIntoCell, 'values'));
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(input: string[][] | string) {
    this.batch.write(input, () =>
      this.assign(this.area(), input, (cell, format) => {
        cell.numberFormat = format;
      }, 'numberFormat'),
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

class FakeTable extends Loaded implements ExcelTable {
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
      if (this.batch.book.allTables().some((other) => other !== t && other.name.toLowerCase() === value.toLowerCase())) {
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
      return t ? { sheet: t.sheet, row: t.row, column: t.column, rowCount: t.rowCount, columnCount: t.columnCount } : null;
    });
  }
}

class FakeTableCollection extends Loaded implements ExcelTableCollection {
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

class FakeSheetTables extends FakeTableCollection {
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

class FakeWorksheet extends Loaded implements ExcelWorksheet {
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
      if (book.selection.sheet === sheet) book.selection = { sheet: book.sheets[0], row: 0, column: 0, rowCount: 1, columnCount: 1 };
    });
  }
}

class FakeWorksheetCollection extends Loaded implements ExcelWorksheetCollection {
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
  syncCount = 0;
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
    const sheetName = address.includes('!') ? address.slice(0, address.lastIndexOf('!')).replace(/^'|'$/g, '') : this.activeSheet.name;
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
