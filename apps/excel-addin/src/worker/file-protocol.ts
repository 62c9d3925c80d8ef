// Messages between the standalone page and its file worker, which reads the files a person chooses:
// the page posts a file's bytes (their buffer transferred, not copied); the worker decides what the
// file is, lists a workbook's sheets and parses only the sheet needed, and sends a table's shape
// first and its rows in slices. Parsing (and refusing a zip bomb) never runs on the page's thread.
import { z } from 'zod';
import { tableSchema } from './protocol.js';

const id = z.number().int();
/** The page's name for an opened file, unique per load (a file loaded again gets a new one). */
const fileId = z.string().min(1);

export const fileRequestSchema = z.discriminatedUnion('type', [
  /** Sniffs the bytes; reads a CSV, or opens a workbook and reads the sheet to use (sheet-choice.ts). */
  z.object({
    type: z.literal('open-file'),
    id,
    fileId,
    name: z.string().min(1),
    bytes: z.instanceof(Uint8Array),
  }),
  /** One sheet of an opened workbook (any sheet the page offers), or the CSV's table when `sheet` is absent. */
  z.object({ type: z.literal('read-sheet'), id, fileId, sheet: z.string().optional() }),
  /** A slice of the rows of a table read before. */
  z.object({
    type: z.literal('table-rows'),
    id,
    fileId,
    sheet: z.string().optional(),
    start: z.number().int().min(0),
    count: z.number().int().min(1),
  }),
  /** Forgets a file (its bytes and tables). */
  z.object({ type: z.literal('close-file'), id, fileId }),
]);
export type FileRequest = z.input<typeof fileRequestSchema>;

/** A table without its rows, which follow in 'table-rows' slices. */
export const fileTableShapeSchema = tableSchema.omit({ rows: true }).extend({ rowCount: z.number().int().min(0) });
export type FileTableShape = z.infer<typeof fileTableShapeSchema>;

export const sheetReportSchema = z.object({
  name: z.string(),
  status: z.enum(['table', 'unread', 'hidden', 'empty', 'chart', 'unreadable']),
  note: z.string(),
});
export type SheetReportData = z.infer<typeof sheetReportSchema>;

export const fileResponseSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('file-opened'),
    id,
    fileId,
    format: z.enum(['csv', 'xlsx']),
    /** Workbooks: every sheet in tab order, with what the page says about it; [] for CSV. */
    sheets: z.array(sheetReportSchema),
    /** Workbooks: the sheet to use (null when no visible sheet gives a table); CSV: null. */
    chosen: z.string().nullable(),
    /** The chosen sheet's table, or the CSV's; null when nothing was chosen. */
    table: fileTableShapeSchema.nullable(),
    /** Sentences about the file as a whole (hidden sheets, sheets passed over). */
    warnings: z.array(z.string()),
  }),
  z.object({ type: z.literal('sheet-read'), id, table: fileTableShapeSchema }),
  z.object({ type: z.literal('table-rows'), id, rows: tableSchema.shape.rows }),
  z.object({ type: z.literal('file-closed'), id }),
  /** `code`: tabular's TableReadError code where the reader refused the file or sheet. */
  z.object({ type: z.literal('failed'), id, message: z.string(), code: z.string().optional() }),
]);
export type FileResponse = z.infer<typeof fileResponseSchema>;
