// Writing a results folder without harming anything already there. Three rules:
// - an output never replaces an input: each output path is compared with the inputs by real path
//   (symbolic links and `.`/`..` resolved), so `--out .` beside mentors.csv is refused, not obeyed;
// - each file is written to a new temporary file in the same folder (created with O_EXCL, so a
//   planted link is never followed), and only when all are written are they renamed into place: a
//   crash or a full disk leaves the old files or the new ones, never half of one, and a symbolic
//   link at the output name is replaced, its target untouched;
// - an existing file that is read-only (no write bit at all) is left alone and the run refused: its
//   owner marked it as not to be changed, and renaming over it would ignore that.
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from './cli-errors.js';
import { printable } from './terminal-text.js';

export interface OutputPlan {
  /** The output folder's real path. */
  readonly dir: string;
  /** Output names already present, which the run will replace. */
  readonly replaced: readonly string[];
}

const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/** The real path of an input file, or of where it would be when it does not exist. */
function realInputPath(cwd: string, path: string): string {
  const full = resolve(cwd, path);
  try {
    return realpathSync.native(full);
  } catch {
    try {
      return join(realpathSync.native(dirname(full)), full.slice(dirname(full).length + 1));
    } catch {
      return full;
    }
  }
}

/**
 * Creates the folder when needed and checks every output name before anything is written: no input
 * among them, no folder or read-only file in the way. Throws InputError naming the file. With
 * `create: false` (the check before a run's work) a folder that does not exist yet is left so: it
 * holds no input and nothing to replace.
 */
export function planOutput(
  cwd: string,
  outDir: string,
  names: readonly string[],
  inputs: readonly string[],
  { create = true }: { readonly create?: boolean } = {},
): OutputPlan {
  const shown = printable(outDir);
  const wanted = resolve(cwd, outDir);
  if (!create && !existsSync(wanted)) return { dir: wanted, replaced: [] };
  try {
    mkdirSync(wanted, { recursive: true });
  } catch (error) {
    const code = errnoOf(error);
    const why =
      code === 'EEXIST' || code === 'ENOTDIR' ? ': a file of that name is in the way' : code ? ` (${code})` : '';
    throw new InputError(`cannot write the results to ${shown}${why}`);
  }
  const dir = realpathSync.native(wanted);
  const inputPaths = new Map(inputs.map((input) => [realInputPath(cwd, input), input]));
  const replaced: string[] = [];
  for (const name of names) {
    const target = join(dir, name);
    const input = inputPaths.get(target);
    if (input !== undefined) {
      throw new InputError(
        `--out ${shown} would overwrite the input ${printable(input)} with the results' ${name}; ` +
          'choose another folder for the results (for example --out results)',
      );
    }
    let info;
    try {
      info = lstatSync(target);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') continue;
      throw new InputError(
        `cannot write the results to ${shown}: ${name} cannot be checked (${errnoOf(error) ?? 'error'})`,
      );
    }
    if (info.isDirectory())
      throw new InputError(`cannot write the results to ${shown}: a folder named ${name} is in the way`);
    if (!info.isSymbolicLink() && (info.mode & 0o222) === 0) {
      throw new InputError(
        `cannot write the results to ${shown}: ${name} is read-only; make it writable, or choose another --out folder`,
      );
    }
    replaced.push(info.isSymbolicLink() ? `${name} (a link; the link is replaced, not what it points to)` : name);
  }
  return { dir, replaced };
}

let sequence = 0;

function writeError(name: string, dir: string, error: unknown): InputError {
  const code = errnoOf(error);
  const why =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EROFS'
          ? 'the disk is read-only'
          : (code ?? String(error));
  return new InputError(`cannot write ${name} in ${printable(dir)}: ${why}`);
}

/**
 * Writes a set of files into `dir` all or nothing, as far as a file system allows: each is written
 * in full to a new temporary file (O_EXCL: a planted link is never followed) as it is added, and
 * only when every one is written are they renamed into place, so a full disk half-way leaves the
 * earlier results as they were. A rename replaces a link at the name, never its target.
 */
export class ReplacingWriter {
  private readonly pending: { readonly temporary: string; readonly name: string }[] = [];

  constructor(private readonly dir: string) {}

  add(name: string, data: string | Uint8Array): void {
    const temporary = join(this.dir, `.${name}.${process.pid}.${++sequence}.tmp`);
    let fd: number | undefined;
    try {
      fd = openSync(temporary, 'wx', 0o644);
      this.pending.push({ temporary, name });
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } catch (error) {
      this.abort();
      throw writeError(name, this.dir, error);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** Renames every file written into place. */
  commit(): void {
    for (const { temporary, name } of this.pending) {
      try {
        renameSync(temporary, join(this.dir, name));
      } catch (error) {
        this.abort();
        throw writeError(name, this.dir, error);
      }
    }
    this.pending.length = 0;
  }

  /** Removes the temporary files not yet renamed. */
  abort(): void {
    for (const { temporary } of this.pending) rmSync(temporary, { force: true });
    this.pending.length = 0;
  }
}
