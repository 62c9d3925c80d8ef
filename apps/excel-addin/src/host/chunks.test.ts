import { describe, expect, it } from 'vitest';
import { ChunkTooLargeError, forEachChunk } from './chunks.js';

const tooLarge = Object.assign(new Error('The request payload size has exceeded the limit.'), {
  code: 'RequestPayloadSizeLimitExceeded',
});

describe('forEachChunk', () => {
  it('covers every row exactly once', async () => {
    const seen: number[] = [];
    await forEachChunk(23, 5, async (start, count) => {
      for (let i = start; i < start + count; i++) seen.push(i);
    });
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => i));
  });

  it('halves the chunk and retries the same rows when Excel reports a payload over its limit', async () => {
    const calls: [number, number][] = [];
    const outcome = await forEachChunk(100, 100, async (start, count) => {
      calls.push([start, count]);
      if (count > 30) throw tooLarge;
    });
    expect(calls.slice(0, 3)).toEqual([
      [0, 100],
      [0, 50],
      [0, 25],
    ]);
    expect(outcome.retries).toBe(2);
    expect(calls.filter(([, count]) => count <= 30).reduce((sum, [, count]) => sum + count, 0)).toBe(100);
  });

  it('gives up with a clear error when a single row is too large', async () => {
    await expect(forEachChunk(3, 2, async () => Promise.reject(tooLarge))).rejects.toBeInstanceOf(ChunkTooLargeError);
  });

  it('passes other errors through untouched', async () => {
    const other = new Error('InvalidArgument');
    await expect(forEachChunk(3, 2, async () => Promise.reject(other))).rejects.toBe(other);
  });
});
