// The one error every reader throws for input it cannot turn into a Table. It carries where the
// problem is (source, row, column, byte offset) as data, so that a CLI or a task pane can point at
// it, and its message says the same in words.

export type TableReadErrorCode =
  | 'invalid-options'
  | 'empty'
  | 'too-large'
  | 'too-many-rows'
  | 'too-many-columns'
  | 'cell-too-long'
  | 'invalid-utf8'
  | 'invalid-utf16'
  | 'not-a-spreadsheet'
  | 'not-csv'
  | 'unterminated-quote'
  | 'extra-values'
  | 'empty-header'
  | 'duplicate-header'
  | 'not-zip'
  | 'legacy-xls'
  | 'not-xlsx'
  | 'zip-bomb'
  | 'malformed-xml'
  | 'missing-sheet'
  | 'not-a-worksheet';

export interface TableReadErrorDetails {
  readonly code: TableReadErrorCode;
  readonly source: string;
  /** Row as the user sees it: the CSV record number (header = 1) or the sheet row. */
  readonly row?: number;
  /** 0-based column index (0 = the first column of the file or column A of the sheet). */
  readonly column?: number;
  /** Byte offset into the input, where the problem is a byte (invalid UTF-8). */
  readonly byteOffset?: number;
}

export class TableReadError extends Error {
  override readonly name = 'TableReadError';
  readonly code: TableReadErrorCode;
  readonly source: string;
  readonly row: number | undefined;
  readonly column: number | undefined;
  readonly byteOffset: number | undefined;

  constructor(details: TableReadErrorDetails, message: string) {
    super(message);
    this.code = details.code;
    this.source = details.source;
    this.row = details.row;
    this.column = details.column;
    this.byteOffset = details.byteOffset;
  }
}
