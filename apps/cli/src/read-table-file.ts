// A CSV or XLSX file, chosen by its extension, as a Table. Read errors come back as the tabular
// package's TableReadError, which names the file, row and column.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { readCsv, readXlsx, type Table } from '@mentor-matcher/tabular';
import { InputError } from './cli-errors.js';

export function readTableFile(cwd: string, path: string, sheet?: string): Table {
  const source = basename(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return readCsv(readBytes(cwd, path), { source });
  if (ext === '.xlsx' || ext === '.xlsm') return readXlsx(readBytes(cwd, path), { source, ...(sheet !== undefined ? { sheet } : {}) });
  if (ext === '.xls') throw new InputError(`${source}: the old .xls format is not supported; save it as .xlsx or CSV`);
  throw new InputError(`${source}: cannot tell the file type from "${ext || 'no extension'}"; use a .csv or .xlsx file`);
}

export function readBytes(cwd: string, path: string): Uint8Array {
  const full = resolve(cwd, path);
  try {
    if (statSync(full).isDirectory()) throw new InputError(`${path} is a folder, not a file`);
    return readFileSync(full);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`cannot read ${path}: no such file`);
    if (code === 'EACCES') throw new InputError(`cannot read ${path}: permission denied`);
    throw new InputError(`cannot read ${path}${code ? ` (${code})` : ''}`);
  }
}
