// The pairs of an earlier run, for re-matching: a results folder (its pairs.csv or results.xlsx) or
// a pairs file, read by its `mentor email` and `mentee email` columns.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { participantId, type EarlierPair } from '@mentor-matcher/engine';
import { displayRowNumber, type Table } from '@mentor-matcher/tabular';
import { InputError } from './cli-errors.js';
import { readTableFile } from './read-table-file.js';
import { sheetNames } from './results-writer.js';
import { printable } from './terminal-text.js';

export function readPreviousPairs(cwd: string, path: string): EarlierPair[] {
  return pairsFrom(readPreviousTable(cwd, path));
}

function readPreviousTable(cwd: string, path: string): Table {
  const full = resolve(cwd, path);
  if (existsSync(full) && statSync(full).isDirectory()) {
    // Runs in both formats leave both files (a run never removes the other format's): which is the
    // earlier result only the coordinator knows.
    if (existsSync(join(full, 'pairs.csv')) && existsSync(join(full, 'results.xlsx'))) {
      const shown = printable(path);
      throw new InputError(
        `${shown} holds both pairs.csv and results.xlsx (from runs in each format), so the earlier result is ` +
          `not clear; give one: --previous ${printable(join(path, 'pairs.csv'))} or --previous ${printable(join(path, 'results.xlsx'))}`,
      );
    }
    if (existsSync(join(full, 'pairs.csv'))) return readTableFile(cwd, join(path, 'pairs.csv'));
    if (existsSync(join(full, 'results.xlsx'))) return readTableFile(cwd, join(path, 'results.xlsx'), sheetNames.pairs);
    throw new InputError(
      `${path}: no pairs.csv or results.xlsx in this folder (give the folder a previous match wrote, or its pairs file)`,
    );
  }
  return readTableFile(cwd, path, path.toLowerCase().endsWith('.xlsx') ? sheetNames.pairs : undefined);
}

function pairsFrom(table: Table): EarlierPair[] {
  const find = (name: string) => table.header.findIndex((h) => h.trim().toLowerCase() === name);
  const mentor = find('mentor email');
  const mentee = find('mentee email');
  const missing = [mentor < 0 && '"mentor email"', mentee < 0 && '"mentee email"'].filter(Boolean);
  if (missing.length > 0)
    throw new InputError(`${table.source}: no ${missing.join(' or ')} column, so the earlier pairs cannot be read`);
  const pairs: EarlierPair[] = [];
  const problems = [];
  for (const [i, row] of table.rows.entries()) {
    const mentorId = participantId(String(row[mentor] ?? ''));
    const menteeId = participantId(String(row[mentee] ?? ''));
    if (mentorId === '' && menteeId === '') continue;
    if (mentorId === '' || menteeId === '') {
      const column = mentorId === '' ? 'mentor email' : 'mentee email';
      problems.push({
        severity: 'error' as const,
        code: 'blank-earlier-pair',
        message: `${table.source} row ${displayRowNumber(table, i)}: "${column}" is blank`,
        table: table.source,
        row: displayRowNumber(table, i),
        column,
      });
      continue;
    }
    pairs.push({ mentorId, menteeId });
  }
  if (problems.length > 0) throw new InputError(`${table.source}: some earlier pairs cannot be read`, problems);
  return pairs;
}
