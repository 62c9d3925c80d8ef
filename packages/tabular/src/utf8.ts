// Strict UTF-8 decoding. TextDecoder with `fatal` exists in Node, pages and Web Workers; it says
// that the input is invalid but not where, so `firstInvalidUtf8Offset` finds the byte for the message.

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The decoded text, or the byte offset of the first byte that is not valid UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array): { text: string } | { invalidAt: number } {
  try {
    return { text: strictDecoder.decode(bytes) };
  } catch {
    return { invalidAt: firstInvalidUtf8Offset(bytes) };
  }
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Offset of the first byte that starts an ill-formed sequence, following the well-formed byte
 * sequences table of the Unicode Standard (chapter 3, table 3-7): no overlong forms, no surrogates,
 * nothing above U+10FFFF. Returns -1 when every byte is valid.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b0 = bytes[i];
    if (b0 < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) length = 2;
    else if (b0 >= 0xe0 && b0 <= 0xef) {
      length = 3;
      if (b0 === 0xe0) low = 0xa0;
      if (b0 === 0xed) high = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      length = 4;
      if (b0 === 0xf0) low = 0x90;
      if (b0 === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > n) return i;
    const b1 = bytes[i + 1];
    if (b1 < low || b1 > high) return i;
    for (let k = 2; k < length; k++) {
      const b = bytes[i + k];
      if (b < 0x80 || b > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}
