import { describe, expect, it } from 'vitest';
import { Utf8Builder } from './utf8-builder.js';

describe('Utf8Builder', () => {
  it('gives the UTF-8 of everything appended, across many chunks', () => {
    const pieces = Array.from({ length: 40_000 }, (_, i) => `<c r="A${i}">é😀${i}</c>`);
    const builder = new Utf8Builder();
    for (const piece of pieces) builder.append(piece);
    expect(builder.bytes()).toEqual(new TextEncoder().encode(pieces.join('')));
  });

  it('gives empty bytes when nothing was appended', () => {
    expect(new Utf8Builder().bytes()).toEqual(new Uint8Array(0));
  });
});
