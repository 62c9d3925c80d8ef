// Zip bombs built in the test, not stored as files: a DEFLATE stream (RFC 1951) written bit by bit,
// and a zip (PKWARE APPNOTE §4.3) around it whose declared sizes the test chooses, honest or not.
//
// The stream is one dynamic-Huffman block whose codes are chosen so that "copy 258 bytes from
// distance 1" costs two zero bits: after one literal zero byte, every further zero byte of the
// stream unpacks to 1,032 bytes, the most DEFLATE allows. 0.9 MB of it unpacks to about 930 MB.
//
// For tests only, this package's and others' (`@mentor-matcher/tabular/testing`, resolved under the
// `source` condition alone and left out of the build). It sits under src/ so that Nx counts it as
// production input: a change here re-runs the cached tests of every project that depends on it.

class BitWriter {
  readonly bytes: number[] = [];
  private current = 0;
  bit = 0;

  /** `count` bits of `value`, least significant first (header fields and extra bits). */
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.current |= ((value >> i) & 1) << this.bit;
      if (++this.bit === 8) {
        this.bytes.push(this.current);
        this.current = 0;
        this.bit = 0;
      }
    }
  }

  /** A Huffman code, most significant bit first (RFC 1951 §3.1.1). */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits((value >> i) & 1, 1);
  }

  finish(): Uint8Array {
    if (this.bit > 0) this.bytes.push(this.current);
    return new Uint8Array(this.bytes);
  }
}

/** A raw DEFLATE stream of at least `zeroBytes` compressed zero bytes; returns it and the unpacked size. */
export function deflateBomb(zeroBytes: number): { data: Uint8Array; size: number } {
  const w = new BitWriter();
  w.bits(1, 1); // BFINAL
  w.bits(2, 2); // BTYPE = dynamic Huffman
  w.bits(29, 5); // HLIT: 286 literal/length codes
  w.bits(1, 5); // HDIST: 2 distance codes
  w.bits(15, 4); // HCLEN: all 19 code-length codes (one more than needed, so the header has an even bit count)
  const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  const codeLengthLengths = new Map([
    [18, 1],
    [1, 2],
    [2, 2],
  ]);
  for (const symbol of order) w.bits(codeLengthLengths.get(symbol) ?? 0, 3);
  // Canonical codes for the code-length alphabet: 18 → 0, 1 → 10, 2 → 11.
  const length1 = () => w.code(0b10, 2);
  const length2 = () => w.code(0b11, 2);
  const zeros = (count: number) => {
    w.code(0, 1);
    w.bits(count - 11, 7);
  };
  length2(); // literal 0: 2 bits
  zeros(138);
  zeros(117); // literals 1–255 unused
  length2(); // 256, end of block: 2 bits
  zeros(28); // lengths 257–284 unused
  length1(); // 285, length 258: 1 bit
  length1(); // distance code 0 (distance 1): 1 bit
  length1(); // distance code 1, unused, to complete the code
  // Literal/length codes: 285 → 0, 0 → 10, 256 → 11. Distance 0 → 0.
  w.code(0b10, 2);
  let size = 1;
  // Pairs are two bits, and the header above is an even number of bits, so this ends.
  while (w.bit !== 0) {
    w.code(0, 2);
    size += 258;
  }
  const head = w.bytes.slice();
  w.bytes.length = 0;
  // Each zero byte is four copies of 258.
  size += zeroBytes * 4 * 258;
  w.code(0b11, 2); // end of block
  const tail = w.finish();
  const data = new Uint8Array(head.length + zeroBytes + tail.length);
  data.set(head, 0);
  data.set(tail, head.length + zeroBytes);
  return { data, size };
}

export interface RawZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: 0 | 8;
  readonly data: Uint8Array;
  /** The uncompressed size the zip declares: the truth or a lie. */
  readonly size: number;
}

/** A zip of the given entries, exactly as described (the CRC is left 0: readers here do not check it). */
export function rawZip(entries: readonly RawZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, entry.method, true);
    lv.setUint32(18, entry.data.length, true);
    lv.setUint32(22, entry.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const record = new Uint8Array(46 + name.length);
    const cv = new DataView(record.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, entry.method, true);
    cv.setUint32(20, entry.data.length, true);
    cv.setUint32(24, entry.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    record.set(name, 46);
    chunks.push(local, entry.data);
    central.push(record);
    offset += local.length + entry.data.length;
  }
  const centralSize = central.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
