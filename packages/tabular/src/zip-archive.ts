// Reading the parts of an XLSX zip with fflate, guarded against zip bombs. fflate inflates an entry
// into a buffer of the size the archive declares and never grows it, so capping the declared sizes
// (and the entry count) before inflating anything caps the memory a hostile file can take.
import { unzipSync } from 'fflate';
import { TableReadError } from './table-read-error.js';

export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxUncompressedBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
};

export class ZipArchive {
  /** Lower-cased part name → name as stored (OPC part names are case-insensitive). */
  private readonly names = new Map<string, string>();

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly source: string,
  ) {}

  static open(bytes: Uint8Array, source: string, limits: ZipLimits): ZipArchive {
    if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
      throw new TableReadError(
        { code: 'legacy-xls', source },
        `${source} is an Excel 97–2003 workbook (.xls) or a password-protected workbook, not a plain .xlsx. Open it in Excel, remove any password, and save it as "Excel Workbook (.xlsx)".`,
      );
    }
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      throw new TableReadError({ code: 'not-zip', source }, `${source} is not an XLSX workbook (it is not a zip archive).`);
    }
    const archive = new ZipArchive(bytes, source);
    let entries = 0;
    let declared = 0;
    try {
      unzipSync(bytes, {
        filter(file) {
          entries++;
          declared += file.originalSize;
          archive.names.set(normalise(file.name).toLowerCase(), file.name);
          return false;
        },
      });
    } catch (error) {
      throw new TableReadError(
        { code: 'not-zip', source },
        `${source} is not an XLSX workbook (its zip structure is damaged: ${(error as Error).message}).`,
      );
    }
    if (entries > limits.maxEntries) {
      throw new TableReadError(
        { code: 'zip-bomb', source },
        `${source} holds ${entries.toLocaleString('en')} files, more than the limit of ${limits.maxEntries.toLocaleString('en')} for a workbook.`,
      );
    }
    if (declared > limits.maxUncompressedBytes) {
      throw new TableReadError(
        { code: 'zip-bomb', source },
        `${source} would unpack to ${declared.toLocaleString('en')} bytes, more than the limit of ${limits.maxUncompressedBytes.toLocaleString('en')}.`,
      );
    }
    return archive;
  }

  has(name: string): boolean {
    return this.names.has(normalise(name).toLowerCase());
  }

  /** The part's bytes, or undefined when the archive has no such part. */
  read(name: string): Uint8Array | undefined {
    const stored = this.names.get(normalise(name).toLowerCase());
    if (stored === undefined) return undefined;
    let found: Uint8Array | undefined;
    try {
      const files = unzipSync(this.bytes, { filter: (file) => file.name === stored });
      // fflate returns a plain object keyed by entry names; read only an own property of it.
      found = Object.hasOwn(files, stored) ? files[stored] : undefined;
    } catch (error) {
      throw new TableReadError(
        { code: 'not-zip', source: this.source },
        `${this.source}: the part ${stored} cannot be unpacked (${(error as Error).message}).`,
      );
    }
    return found;
  }
}

function normalise(name: string): string {
  return name.replaceAll('\\', '/').replace(/^\/+/, '');
}
