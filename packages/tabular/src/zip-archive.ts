// Reading the parts of an XLSX zip (PKWARE APPNOTE 6.3.x: end-of-central-directory record §4.3.16,
// central directory §4.3.12, local header §4.3.7, ZIP64 §4.3.14–4.5.3), guarded against zip bombs.
//
// The central directory is parsed here (it is small and only names, sizes and offsets); fflate's
// streaming `Inflate` unpacks one entry at a time. Limits are checked before the work they protect:
// the entry count and the declared sizes before anything is inflated, and while inflating a running
// count of the bytes produced, per entry and in total, stops the moment an entry produces more than
// it declared, more than the per-entry cap, or more than `maxCompressionRatio` times the compressed
// bytes fed so far. That ratio rule is Apache POI's (`ZipSecureFile`, minimum inflate ratio 0.01,
// i.e. at most 100:1 once an entry is past a grace size, here 8 MiB where POI uses 100 KiB, so that
// a small part of one repeated character is never refused); a real worksheet part compresses 9–21:1
// (measured on Excel-like parts of 100,000 rows: styled empty cells, repeated shared strings, empty
// rows), a zip bomb about 1,000:1. Input is fed in 2 KiB pieces, so one step can produce at most
// about 2 MiB (DEFLATE's own ceiling is 1,032:1) before the count is checked: a 0.9 MB bomb that
// lies about its size is stopped within tens of milliseconds.
import { Inflate } from 'fflate';
import { TableReadError } from './table-read-error.js';

export interface ZipLimits {
  /** Entries in the zip. */
  readonly maxEntries: number;
  /** Sum of the bytes all entries declare, and of the bytes actually unpacked. */
  readonly maxUncompressedBytes: number;
  /** Bytes one entry may unpack to. */
  readonly maxEntryBytes: number;
  /** Unpacked bytes per compressed byte, for an entry past RATIO_GRACE_BYTES. */
  readonly maxCompressionRatio: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxUncompressedBytes: 1024 * MiB,
  maxEntryBytes: 256 * MiB,
  maxCompressionRatio: 100,
};

/** Up to this many unpacked bytes an entry may compress as well as it likes (a cell of one repeated letter). */
export const RATIO_GRACE_BYTES = 8 * MiB;
const FEED_BYTES = 2 * 1024;

interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

class StopInflating extends Error {}

export class ZipArchive {
  /** Lower-cased part name → entry (OPC part names are case-insensitive). */
  private readonly entries = new Map<string, ZipEntry>();
  private unpacked = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly source: string,
    private readonly limits: ZipLimits,
  ) {}

  static open(bytes: Uint8Array, source: string, limits: ZipLimits): ZipArchive {
    if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
      throw new TableReadError(
        { code: 'legacy-xls', source },
        `${source} is an Excel 97–2003 workbook (.xls) or a password-protected workbook, not a plain .xlsx. Open it in Excel, remove any password, and save it as "Excel Workbook (.xlsx)".`,
      );
    }
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      throw new TableReadError(
        { code: 'not-zip', source },
        `${source} is not an XLSX workbook (it is not a zip archive).`,
      );
    }
    const archive = new ZipArchive(bytes, source, limits);
    let declared = 0;
    for (const entry of readCentralDirectory(bytes, source, limits.maxEntries)) {
      declared += entry.size;
      const key = normalise(entry.name).toLowerCase();
      if (!archive.entries.has(key)) archive.entries.set(key, entry);
    }
    if (declared > limits.maxUncompressedBytes) {
      throw new TableReadError(
        { code: 'zip-bomb', source },
        `${source} would unpack to ${declared.toLocaleString('en')} bytes, more than the limit of ${limits.maxUncompressedBytes.toLocaleString('en')}.`,
      );
    }
    return archive;
  }

  /** Entry names as stored, in central-directory order (duplicates after the first left out). */
  names(): string[] {
    return [...this.entries.values()].map((entry) => entry.name);
  }

  has(name: string): boolean {
    return this.entries.has(normalise(name).toLowerCase());
  }

  /** The part's bytes, or undefined when the archive has no such part. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entries.get(normalise(name).toLowerCase());
    if (entry === undefined) return undefined;
    const data = this.compressedData(entry);
    if ((entry.flags & 1) !== 0) {
      throw new TableReadError(
        { code: 'not-xlsx', source: this.source },
        `${this.source}: the part ${entry.name} is encrypted. Open the workbook in Excel, remove the password, and save it again.`,
      );
    }
    const cap = Math.min(entry.size, this.limits.maxEntryBytes, this.limits.maxUncompressedBytes - this.unpacked);
    if (entry.size > this.limits.maxEntryBytes || tooCompressed(entry.size, data.length, this.limits)) {
      throw this.expandsTooMuch(entry, data.length, entry.size);
    }
    let out: Uint8Array;
    if (entry.method === 0) {
      if (data.length > cap) throw this.expandsTooMuch(entry, data.length, data.length);
      out = data;
    } else if (entry.method === 8) {
      out = this.inflate(entry, data, cap);
    } else {
      throw new TableReadError(
        { code: 'not-zip', source: this.source },
        `${this.source}: the part ${entry.name} uses zip compression method ${entry.method}, which this reader does not support. Open the file in Excel and save it again as "Excel Workbook (.xlsx)".`,
      );
    }
    this.unpacked += out.length;
    return out;
  }

  private compressedData(entry: ZipEntry): Uint8Array {
    const { bytes } = this;
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || readUint32(bytes, at) !== 0x04034b50) {
      throw damaged(this.source, `the local header of ${entry.name} is missing`);
    }
    const start = at + 30 + readUint16(bytes, at + 26) + readUint16(bytes, at + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw damaged(this.source, `${entry.name} is cut short`);
    return bytes.subarray(start, end);
  }

  private inflate(entry: ZipEntry, data: Uint8Array, cap: number): Uint8Array {
    const chunks: Uint8Array[] = [];
    let produced = 0;
    let fed = 0;
    let overflow = false;
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
      if (produced > cap || tooCompressed(produced, fed, this.limits)) {
        overflow = true;
        throw new StopInflating();
      }
      if (chunk.length > 0) chunks.push(chunk);
    });
    try {
      if (data.length === 0) inflater.push(data, true);
      for (let at = 0; at < data.length; at += FEED_BYTES) {
        const piece = data.subarray(at, at + FEED_BYTES);
        fed += piece.length;
        inflater.push(piece, at + FEED_BYTES >= data.length);
      }
    } catch (error) {
      if (overflow) {
        if (
          produced > entry.size &&
          entry.size <= Math.min(this.limits.maxEntryBytes, this.limits.maxUncompressedBytes - this.unpacked)
        ) {
          throw new TableReadError(
            { code: 'zip-bomb', source: this.source },
            `${this.source}: the part ${entry.name} unpacks to more than the ${entry.size.toLocaleString('en')} bytes its zip entry declares, so the file was refused (it is damaged or built to exhaust memory).`,
          );
        }
        throw this.expandsTooMuch(entry, fed, produced);
      }
      throw damaged(this.source, `the part ${entry.name} cannot be unpacked (${(error as Error).message})`);
    }
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(produced);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }

  private expandsTooMuch(entry: ZipEntry, compressed: number, size: number): TableReadError {
    const limit = Math.min(this.limits.maxEntryBytes, this.limits.maxUncompressedBytes - this.unpacked);
    const why =
      size > limit
        ? `more than the limit of ${limit.toLocaleString('en')} bytes`
        : `over ${this.limits.maxCompressionRatio} times its ${compressed.toLocaleString('en')} compressed bytes`;
    return new TableReadError(
      { code: 'zip-bomb', source: this.source },
      `${this.source}: the part ${entry.name} expands too much (to ${size.toLocaleString('en')} bytes or more, ${why}). No workbook does that, so the file was refused; it may be a zip bomb.`,
    );
  }
}

function tooCompressed(size: number, compressed: number, limits: ZipLimits): boolean {
  return size > RATIO_GRACE_BYTES && size > limits.maxCompressionRatio * Math.max(compressed, 1);
}

function damaged(source: string, what: string): TableReadError {
  return new TableReadError(
    { code: 'not-zip', source },
    `${source} is not an XLSX workbook (its zip structure is damaged: ${what}).`,
  );
}

function readUint16(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** An 8-byte little-endian size; beyond 2^53 it is not a size any real file has. */
function readUint64(bytes: Uint8Array, at: number): number {
  return readUint32(bytes, at) + readUint32(bytes, at + 4) * 2 ** 32;
}

const nameDecoder = new TextDecoder('utf-8');

/** The central directory's entries. Every offset is checked against the input before it is read. */
function readCentralDirectory(bytes: Uint8Array, source: string, maxEntries: number): ZipEntry[] {
  const n = bytes.length;
  let end = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (readUint32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged(source, 'it has no end-of-archive record, so it may be cut short');
  let count = readUint16(bytes, end + 10);
  let directorySize = readUint32(bytes, end + 12);
  let offset = readUint32(bytes, end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator >= 0 && readUint32(bytes, locator) === 0x07064b50) {
      const record = readUint64(bytes, locator + 8);
      if (record + 56 <= n && readUint32(bytes, record) === 0x06064b50) {
        count = readUint64(bytes, record + 32);
        directorySize = readUint64(bytes, record + 40);
        offset = readUint64(bytes, record + 48);
      }
    }
  }
  if (count > maxEntries) {
    throw new TableReadError(
      { code: 'zip-bomb', source },
      `${source} holds ${count.toLocaleString('en')} files, more than the limit of ${maxEntries.toLocaleString('en')} for a workbook.`,
    );
  }
  if (offset + directorySize > n) throw damaged(source, 'its central directory lies beyond the end of the file');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > n || readUint32(bytes, at) !== 0x02014b50)
      throw damaged(source, `entry ${k + 1} of its central directory is missing`);
    const nameLength = readUint16(bytes, at + 28);
    const extraLength = readUint16(bytes, at + 30);
    const next = at + 46 + nameLength + extraLength + readUint16(bytes, at + 32);
    if (next > n) throw damaged(source, `entry ${k + 1} of its central directory is cut short`);
    let compressedSize = readUint32(bytes, at + 20);
    let size = readUint32(bytes, at + 24);
    let localHeaderOffset = readUint32(bytes, at + 42);
    // ZIP64 extended information (§4.5.3): only the saturated fields are present, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = readUint16(bytes, x);
      const length = readUint16(bytes, x + 2);
      if (id === 0x0001) {
        let field = x + 4;
        const take = () => {
          const value = field + 8 <= x + 4 + length ? readUint64(bytes, field) : 0xffffffff;
          field += 8;
          return value;
        };
        if (size === 0xffffffff) size = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      }
      x += 4 + length;
    }
    entries.push({
      name: nameDecoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: readUint16(bytes, at + 8),
      method: readUint16(bytes, at + 10),
      compressedSize,
      size,
      localHeaderOffset,
    });
    at = next;
  }
  return entries;
}

/**
 * The entry names of a zip, from its central directory alone (nothing is inflated), or undefined when
 * the bytes are not a readable zip. For telling an .xlsx from a .docx or another zip.
 */
export function zipEntryNames(bytes: Uint8Array, maxEntries = DEFAULT_ZIP_LIMITS.maxEntries): string[] | undefined {
  try {
    return readCentralDirectory(bytes, '', maxEntries).map((entry) => normalise(entry.name));
  } catch (error) {
    if (error instanceof TableReadError) return undefined;
    throw error;
  }
}

function normalise(name: string): string {
  return name.replaceAll('\\', '/').replace(/^\/+/, '');
}
