// Size limits shared by the readers. Every limit protects a browser tab or a Web Worker from input
// that would exhaust its memory; the defaults are far above any real mentoring programme.
import { z } from 'zod';
import { TableReadError } from './table-read-error.js';

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS = {
  /** Input size: bytes, or UTF-16 code units when a string is given. */
  maxBytes: 200 * MiB,
  /** Characters in one cell. 1 MiB must be accepted (long biographies pasted from documents). */
  maxCellLength: 4 * MiB,
  /** Data rows, the header excluded. Excel's own limit is 1,048,576 sheet rows. */
  maxRows: 1_048_576,
  /** Excel's own column limit (XFD). */
  maxColumns: 16_384,
  /**
   * Cells in the table, (data rows + 1) × columns: 20 million, about 160 MB of cell slots. Stops a
   * header of 16,384 names over hundreds of thousands of rows, or one value at XFD900000, from
   * taking gigabytes.
   */
  maxCells: 20_000_000,
} as const;

const positiveInteger = z.number().int().positive();

export const readLimitsSchema = z.object({
  maxBytes: positiveInteger.optional(),
  maxCellLength: positiveInteger.optional(),
  maxRows: positiveInteger.optional(),
  maxColumns: positiveInteger.optional(),
  maxCells: positiveInteger.optional(),
});

export type ReadLimits = { readonly [K in keyof typeof DEFAULT_LIMITS]: number };

/** Parses caller options with `schema`, turning a zod error into a TableReadError naming the option. */
export function parseReadOptions<T extends z.ZodType>(schema: T, options: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const source =
    typeof options === 'object' && options !== null && typeof (options as { source?: unknown }).source === 'string'
      ? (options as { source: string }).source
      : '(unknown source)';
  const path = issue.path.length > 0 ? issue.path.join('.') : '(options)';
  throw new TableReadError({ code: 'invalid-options', source }, `${what} options: ${path}: ${issue.message}`);
}

export function resolveLimits(options: Partial<ReadLimits>): ReadLimits {
  return {
    maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    maxCellLength: options.maxCellLength ?? DEFAULT_LIMITS.maxCellLength,
    maxRows: options.maxRows ?? DEFAULT_LIMITS.maxRows,
    maxColumns: options.maxColumns ?? DEFAULT_LIMITS.maxColumns,
    maxCells: options.maxCells ?? DEFAULT_LIMITS.maxCells,
  };
}
