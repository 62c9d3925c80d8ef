// A table file as a Table, read by tabular's readTableFile: CSV or XLSX is decided by the bytes,
// never by the name (a workbook saved as .csv is read as a workbook; a PDF renamed .csv is refused
// saying what it is), CSV encodings and separators are detected, a title line above the header is
// passed over, and what the reader assumed comes back as table.warnings (printed with the engine's
// warnings). Read errors are tabular's TableReadError, which names the file, row and column.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DEFAULT_LIMITS, readTableFile as readTable, type Table } from '@mentor-matcher/tabular';
import { InputError } from './cli-errors.js';
import { printable } from './terminal-text.js';

/**
 * With no sheet named, a workbook is read at its first visible sheet with data, unless one of its
 * sheets is named as `sideNames` says ("Mentees" for the mentees): one workbook with a Mentors and
 * a Mentees sheet then serves --mentors and --mentees alike.
 */
export function readTableFile(cwd: string, path: string, sheet?: string, sideNames?: readonly string[]): Table {
  const source = printable(basename(path));
  const bytes = readBytes(cwd, path);
  const read = readTable(bytes, { source, ...(sheet !== undefined ? { sheet } : {}) });
  if (sheet !== undefined || sideNames === undefined || read.format !== 'xlsx') return read.table;
  const named = read.sheets.find((s) => s.kind === 'worksheet' && sideNames.includes(sheetKey(s.name)));
  return named === undefined || named.name === read.sheet
    ? read.table
    : readTable(bytes, { source, sheet: named.name }).table;
}

const sheetKey = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');

function kindOf(info: Stats): string {
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isFIFO()) return 'a pipe';
  return info.isSocket() ? 'a socket' : 'not a file';
}

/**
 * A file's bytes, checked before reading: it must be a regular file (a device such as /dev/zero or
 * a pipe never ends) and no larger than `maxBytes` (the table readers' own limit by default), so
 * that a wrong path fails at once with the numbers instead of reading until memory runs out. The
 * checks and the read use one open file, so the file cannot be swapped between them.
 */
export function readBytes(cwd: string, path: string, maxBytes: number = DEFAULT_LIMITS.maxBytes): Uint8Array {
  const full = resolve(cwd, path);
  const shown = printable(path);
  let fd: number | undefined;
  try {
    // Non-blocking, so that opening a pipe with no writer returns at once (and is then refused).
    fd = openSync(full, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new InputError(`${shown} is a folder, not a file`);
    if (!info.isFile()) {
      throw new InputError(
        `${shown} is ${kindOf(info)}, not a regular file; give the path of a saved .csv, .xlsx or .json file`,
      );
    }
    if (info.size > maxBytes) {
      throw new InputError(
        `${shown} is ${info.size.toLocaleString('en')} bytes, ` +
          `larger than the limit of ${maxBytes.toLocaleString('en')} bytes for this file`,
      );
    }
    const bytes = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return bytes.subarray(0, filled);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`cannot read ${shown}: no such file`);
    if (code === 'EACCES') throw new InputError(`cannot read ${shown}: permission denied`);
    if (code === 'EISDIR') throw new InputError(`${shown} is a folder, not a file`);
    throw new InputError(`cannot read ${shown}${code ? ` (${code})` : ''}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
