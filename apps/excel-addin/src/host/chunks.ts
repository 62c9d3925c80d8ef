// Row chunking for Excel requests: Excel on the web rejects any request or response over 5 MB, so
// big reads and writes go in slices, and a slice that is still too big is halved and retried.
import { isPayloadTooLarge } from './excel-api.js';

/** Keep each request well under Excel's 5 MB cap: JSON overhead and Excel's own envelope add to it. */
export const targetChunkBytes = 3 * 1024 * 1024;
export const maxChunkRows = 5000;

export class ChunkTooLargeError extends Error {
  constructor(row: number) {
    super(`One row (row ${row + 1}) is larger than Excel accepts in one request.`);
    this.name = 'ChunkTooLargeError';
  }
}

/**
 * Calls `step(start, count)` over `total` rows, starting with `initialRows` per call and halving
 * (then retrying the same rows) whenever Excel reports a payload over its limit.
 */
export async function forEachChunk(
  total: number,
  initialRows: number,
  step: (start: number, count: number) => Promise<void>,
): Promise<{ chunks: number; retries: number }> {
  let size = Math.max(1, Math.min(maxChunkRows, Math.floor(initialRows)));
  let start = 0;
  let chunks = 0;
  let retries = 0;
  while (start < total) {
    const count = Math.min(size, total - start);
    try {
      await step(start, count);
    } catch (error) {
      if (!isPayloadTooLarge(error)) throw error;
      if (count === 1) throw new ChunkTooLargeError(start);
      size = Math.max(1, Math.floor(count / 2));
      retries += 1;
      continue;
    }
    chunks += 1;
    start += count;
  }
  return { chunks, retries };
}

/** Rows per request for reading `columns` columns, guessing a cell's size before anything is read. */
export function rowsPerReadChunk(columns: number, bytesPerCell = 48): number {
  return Math.max(1, Math.min(maxChunkRows, Math.floor(targetChunkBytes / Math.max(1, columns * bytesPerCell))));
}
