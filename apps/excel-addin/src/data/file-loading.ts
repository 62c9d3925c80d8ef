// What the standalone page says and preselects after files are chosen: pure, so the rules are
// tested without a page. The page reads each file on its own, so one refused file (a PDF chosen
// by mistake) does not stop the others.
import type { SourceOption } from '../host/workbook-host.js';

/** A file that was read: its name and the source to use first (absent when none was chosen). */
export interface FileLoad {
  readonly name: string;
  readonly preferred?: string;
  readonly warnings: readonly string[];
}

/** A file the reader refused, with its sentence (which names the file). */
export interface FileRefusal {
  readonly name: string;
  readonly message: string;
}

/**
 * The status line after a load: the refusals, as an error, before anything that loaded; "Loaded …"
 * only for files that did.
 */
export function loadStatus(
  loaded: readonly FileLoad[],
  refused: readonly FileRefusal[],
): { readonly text: string; readonly tone: 'ok' | 'error' } {
  const names = loaded.map((f) => f.name).join(', ');
  const noted = loaded.some((f) => f.warnings.length > 0) ? ' See the notes under the file list.' : '';
  const done = loaded.length > 0 ? `Loaded ${names}.${noted}` : '';
  if (refused.length === 0) return { text: done, tone: 'ok' };
  return { text: [...refused.map((r) => r.message), done].filter(Boolean).join(' '), tone: 'error' };
}

/**
 * Sources for roles nothing was picked for (after the guess by name): each loaded file's chosen
 * sheet, in the order the files were loaded, one role each; never a hidden sheet, never a source
 * already picked for another role.
 */
export function preselect<Role extends string>(
  roles: readonly Role[],
  picked: Readonly<Partial<Record<Role, string>>>,
  sources: readonly SourceOption[],
  loaded: readonly FileLoad[],
): Partial<Record<Role, string>> {
  const taken = new Set(Object.values(picked).filter((id): id is string => typeof id === 'string'));
  const candidates = loaded
    .map((f) => f.preferred)
    .filter((id): id is string => id !== undefined && sources.some((s) => s.id === id && !s.hidden));
  const chosen: Partial<Record<Role, string>> = {};
  for (const role of roles) {
    if (picked[role]) continue;
    const id = candidates.find((candidate) => !taken.has(candidate));
    if (id === undefined) break;
    chosen[role] = id;
    taken.add(id);
  }
  return chosen;
}
