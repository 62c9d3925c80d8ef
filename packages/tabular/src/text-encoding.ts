// Which text encoding a CSV file is in, and its text. Excel on Windows saves "CSV (Comma delimited)"
// in the ANSI code page (Windows-1252 in English and Western European locales), "CSV UTF-8" as
// UTF-8 with a byte-order mark, and "Unicode Text" as UTF-16 LE with a byte-order mark; other tools
// write UTF-16 without one. The order of the checks, and why:
//   1. a byte-order mark says the encoding outright (UTF-8, UTF-16 LE, UTF-16 BE);
//   2. UTF-16 without a mark: Latin text in UTF-16 has a zero byte in every other position, which no
//      8-bit text file has (the Unicode Standard, §23.8, and the WHATWG encoding sniffing advice);
//   3. bytes that are valid UTF-8 are UTF-8 (valid UTF-8 by chance in Windows-1252 text needs pairs
//      such as "Ã©", which real text almost never has);
//   4. otherwise Windows-1252, unless the file also holds well-formed multi-byte UTF-8 sequences:
//      then it is UTF-8 with damaged bytes, and guessing would turn the good characters into
//      mojibake, so it stays an error that names the byte.
import { z } from 'zod';
import { firstInvalidUtf8Offset, hasUtf8Bom } from './utf8.js';

export const textEncodingSchema = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']);
export type TextEncoding = z.infer<typeof textEncodingSchema>;

/** How the encoding was decided: from a byte-order mark, detected from the bytes, or given by the caller. */
export type EncodingEvidence = 'bom' | 'detected' | 'given';

export type DecodedText =
  | {
      readonly ok: true;
      readonly text: string;
      readonly encoding: TextEncoding;
      readonly evidence: EncodingEvidence;
      readonly bomLength: number;
    }
  | { readonly ok: false; readonly encoding: TextEncoding; readonly byteOffset: number; readonly bomLength: number };

/** Plain names for messages. */
export const ENCODING_NAMES: Readonly<Record<TextEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252 (Western European)',
};

/** The encoding the byte-order mark names, if there is one. */
export function byteOrderMark(bytes: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  if (hasUtf8Bom(bytes)) return { encoding: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

const SAMPLE_BYTES = 4096;

/**
 * 'utf-16le' or 'utf-16be' when the zero bytes fall in every other position, as they do in Latin
 * text in UTF-16 without a byte-order mark: at least a third of the sampled code units have a zero
 * high byte, and at most 1 in 50 a zero low byte.
 */
export function detectUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const units = Math.floor(Math.min(bytes.length, SAMPLE_BYTES) / 2);
  if (units < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let k = 0; k < units; k++) {
    if (bytes[2 * k] === 0) evenZeros++;
    if (bytes[2 * k + 1] === 0) oddZeros++;
  }
  if (oddZeros * 3 >= units && evenZeros * 50 <= units) return 'utf-16le';
  if (evenZeros * 3 >= units && oddZeros * 50 <= units) return 'utf-16be';
  return undefined;
}

/** Whether `bytes` hold at least one well-formed multi-byte UTF-8 sequence. */
function hasMultibyteUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b0 = bytes[i];
    if (b0 < 0xc2 || b0 > 0xf4) continue;
    const length = b0 < 0xe0 ? 2 : b0 < 0xf0 ? 3 : 4;
    if (i + length > bytes.length) continue;
    if (firstInvalidUtf8Offset(bytes.subarray(i, i + length)) < 0) return true;
  }
  return false;
}

/** Decodes `bytes` as `requested`, or detects the encoding ('auto') as the header comment says. */
export function decodeText(bytes: Uint8Array, requested: TextEncoding | 'auto'): DecodedText {
  const bom = byteOrderMark(bytes);
  if (requested !== 'auto') {
    const bomLength = bom?.encoding === requested ? bom.length : 0;
    return decodeAs(bytes, requested, bomLength, 'given');
  }
  if (bom) return decodeAs(bytes, bom.encoding, bom.length, 'bom');
  const utf16 = detectUtf16(bytes);
  if (utf16) return decodeAs(bytes, utf16, 0, 'detected');
  const utf8 = decodeAs(bytes, 'utf-8', 0, 'detected');
  if (utf8.ok || hasMultibyteUtf8(bytes)) return utf8;
  return decodeAs(bytes, 'windows-1252', 0, 'detected');
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16Decoder = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });

function decodeAs(
  bytes: Uint8Array,
  encoding: TextEncoding,
  bomLength: number,
  evidence: EncodingEvidence,
): DecodedText {
  const body = bytes.subarray(bomLength);
  switch (encoding) {
    case 'utf-8':
      try {
        return { ok: true, text: utf8Decoder.decode(body), encoding, evidence, bomLength };
      } catch {
        return { ok: false, encoding, byteOffset: bomLength + firstInvalidUtf8Offset(body), bomLength };
      }
    case 'utf-16le':
    case 'utf-16be': {
      // Big-endian is swapped into little-endian: TextDecoder is only required to know UTF-16 LE
      // in every host (Node without full ICU included).
      const units = encoding === 'utf-16le' ? body : swapPairs(body);
      try {
        return { ok: true, text: utf16Decoder.decode(units), encoding, evidence, bomLength };
      } catch {
        return { ok: false, encoding, byteOffset: bomLength + firstInvalidUtf16Offset(units), bomLength };
      }
    }
    case 'windows-1252':
      return { ok: true, text: decodeWindows1252(body), encoding, evidence, bomLength };
  }
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1];
    out[i + 1] = bytes[i];
  }
  if (bytes.length % 2 === 1) out[bytes.length - 1] = bytes[bytes.length - 1];
  return out;
}

/** Byte offset of the first unpaired surrogate or odd trailing byte in UTF-16 LE. */
function firstInvalidUtf16Offset(units: Uint8Array): number {
  const count = Math.floor(units.length / 2);
  for (let k = 0; k < count; k++) {
    const unit = units[2 * k] | (units[2 * k + 1] << 8);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = k + 1 < count ? units[2 * k + 2] | (units[2 * k + 3] << 8) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) k++;
      else return 2 * k;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return 2 * k;
  }
  return units.length % 2 === 1 ? units.length - 1 : -1;
}

// Bytes 0x80–0x9F of Windows-1252 as the WHATWG Encoding Standard maps them (index-windows-1252);
// the five unassigned bytes map to the C1 control of the same value. Every other byte is Latin-1.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  const codes = new Uint16Array(CHUNK);
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes[i - start] = b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode.apply(null, codes.subarray(0, end - start) as unknown as number[]));
  }
  return parts.join('');
}
