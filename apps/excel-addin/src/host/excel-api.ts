// The small slice of the Excel JavaScript API the add-in uses (all within ExcelApi 1.7), written
// structurally so that both the real `Excel` global and the tests' in-memory fake satisfy it.
// office.ts assigns the real `Excel.run` to `ExcelRun` without a cast, so the compiler checks every
// member here against @types/office-js, and the fake (test/support/) implements these interfaces.

export type ExcelValue = string | number | boolean;

export interface ExcelLoadable<T> {
  load(properties: string): T;
}

export interface ExcelRange extends ExcelLoadable<ExcelRange> {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly worksheet: ExcelWorksheet;
  /** Excel accepts one value (applied to every cell) or a grid of the range's size. */
  get values(): ExcelValue[][];
  set values(input: ExcelValue[][] | ExcelValue);
  get numberFormat(): string[][];
  set numberFormat(input: string[][] | string);
  readonly format: {
    autofitColumns(): void;
    readonly font: { bold: boolean };
  };
  select(): void;
}

export interface ExcelTable extends ExcelLoadable<ExcelTable> {
  name: string;
  style: string;
  readonly worksheet: ExcelWorksheet;
  getRange(): ExcelRange;
}

export interface ExcelTableCollection extends ExcelLoadable<ExcelTableCollection> {
  readonly items: ExcelTable[];
  getItemOrNullObject(name: string): ExcelTable & { readonly isNullObject: boolean };
}

export interface ExcelWorksheet extends ExcelLoadable<ExcelWorksheet> {
  readonly isNullObject: boolean;
  readonly name: string;
  readonly tables: ExcelTableCollection & { add(address: string, hasHeaders: boolean): ExcelTable };
  readonly freezePanes: { freezeRows(count: number): void };
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): ExcelRange;
  getRange(address: string): ExcelRange;
  activate(): void;
  delete(): void;
}

export interface ExcelWorksheetCollection extends ExcelLoadable<ExcelWorksheetCollection> {
  readonly items: ExcelWorksheet[];
  getItemOrNullObject(name: string): ExcelWorksheet;
  add(name: string): ExcelWorksheet;
  getActiveWorksheet(): ExcelWorksheet;
}

export interface ExcelRequestContext {
  readonly workbook: {
    readonly worksheets: ExcelWorksheetCollection;
    readonly tables: ExcelTableCollection;
    getSelectedRange(): ExcelRange;
  };
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  sync(): Promise<void>;
}

export type ExcelRun = <T>(batch: (context: ExcelRequestContext) => Promise<T>) => Promise<T>;

/** Error codes Excel uses when one request or response is over its size cap (5 MB on the web). */
export const payloadErrorCodes: readonly string[] = [
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
];

export function isPayloadTooLarge(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && payloadErrorCodes.includes(code)) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && /payload size/i.test(message);
}
