// The file worker's logic, free of the Worker global so tests run it in-process: what a file is
// (tabular's sniffFileKind, by content, never by name), a CSV read whole, a workbook opened (its
// directory and workbook part only) with the sheet to use chosen by src/data/sheet-choice.ts, other
// sheets read when the page asks, and tables sent back as a shape plus rows in slices.
import {
  openXlsx,
  readTableFile,
  sniffFileKind,
  TableReadError,
  type Table,
  type XlsxWorkbook,
} from '@mentor-matcher/tabular';
import { chooseSheet, nothingToUse } from '../data/sheet-choice.js';
import { fileRequestSchema, type FileResponse, type FileTableShape } from './file-protocol.js';

type TableRows = Extract<FileResponse, { type: 'table-rows' }>['rows'];
type Post = (message: FileResponse, transfer?: Transferable[]) => void;

interface OpenedFile {
  readonly name: string;
  /** Workbooks only. */
  readonly workbook?: XlsxWorkbook;
  /** Tables read so far, by sheet name ('' for a CSV). */
  readonly tables: Map<string, Table>;
}

function shapeOf(table: Table): FileTableShape {
  const { rows, ...rest } = table;
  return { ...rest, header: [...rest.header], rowCount: rows.length };
}

export function createFileService() {
  const files = new Map<string, OpenedFile>();

  function opened(fileId: string): OpenedFile {
    const file = files.get(fileId);
    if (!file) throw new Error('That file is no longer open here. Load it again.');
    return file;
  }

  function tableOf(file: OpenedFile, sheet: string | undefined): Table {
    const key = sheet ?? '';
    const known = file.tables.get(key);
    if (known) return known;
    if (!file.workbook || sheet === undefined) throw new Error(`${file.name} has no sheet to read.`);
    const table = file.workbook.readSheet(sheet, { headerRow: 'auto' });
    file.tables.set(key, table);
    return table;
  }

  function open(fileId: string, name: string, bytes: Uint8Array): Extract<FileResponse, { type: 'file-opened' }> {
    const sniffed = sniffFileKind(bytes);
    if (sniffed.reader !== 'xlsx') {
      // readTableFile refuses what is no table (a PDF, an image, an old .xls) with its own sentence.
      const read = readTableFile(bytes, { source: name, headerRow: 'auto' });
      files.set(fileId, { name, tables: new Map([['', read.table]]) });
      return {
        type: 'file-opened',
        id: 0,
        fileId,
        format: 'csv',
        sheets: [],
        chosen: null,
        table: shapeOf(read.table),
        warnings: [],
      };
    }
    const workbook = openXlsx(bytes, { source: name });
    const file: OpenedFile = { name, workbook, tables: new Map() };
    const choice = chooseSheet(name, workbook.sheets, (sheet) => tableOf(file, sheet));
    const unusable = nothingToUse(name, choice);
    if (unusable) throw new TableReadError({ code: 'empty', source: name }, unusable);
    files.set(fileId, file);
    const chosen = choice.chosen === null ? null : tableOf(file, choice.chosen);
    return {
      type: 'file-opened',
      id: 0,
      fileId,
      format: 'xlsx',
      sheets: choice.sheets.map(({ name: sheet, status, note }) => ({ name: sheet, status, note })),
      chosen: choice.chosen,
      table: chosen && shapeOf(chosen),
      warnings: [...choice.warnings],
    };
  }

  async function handle(raw: unknown, post: Post): Promise<void> {
    const parsed = fileRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const rawId = (raw as { id?: unknown } | null)?.id;
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      post({ type: 'failed', id: typeof rawId === 'number' ? rawId : -1, message: `Malformed request: ${issues}` });
      return;
    }
    const request = parsed.data;
    try {
      switch (request.type) {
        case 'open-file':
          post({ ...open(request.fileId, request.name, request.bytes), id: request.id });
          return;
        case 'read-sheet':
          post({ type: 'sheet-read', id: request.id, table: shapeOf(tableOf(opened(request.fileId), request.sheet)) });
          return;
        case 'table-rows': {
          const table = tableOf(opened(request.fileId), request.sheet);
          // Rows go out as they are: a Table's rows are plain arrays, only typed read-only.
          const rows = table.rows.slice(request.start, request.start + request.count) as TableRows;
          post({ type: 'table-rows', id: request.id, rows });
          return;
        }
        case 'close-file':
          files.delete(request.fileId);
          post({ type: 'file-closed', id: request.id });
          return;
      }
    } catch (error) {
      const code = error instanceof TableReadError ? error.code : undefined;
      const message = error instanceof Error ? error.message : String(error);
      post({ type: 'failed', id: request.id, message, ...(code ? { code } : {}) });
    }
  }

  return { handle };
}
