// Result tables → sheets: names that never clash with a coordinator's own "Mentors" sheet, and the
// `lock` and `forbid` columns on Pairs that carry decisions typed in the sheet to the next run.
import type { ResultSheet } from '../host/workbook-host.js';
import { resultTableNames, type ResultTableName, type ResultTablesData, type TableData } from '../worker/protocol.js';

export const resultSheetNames = {
  pairs: 'Match Pairs',
  mentors: 'Match Mentors',
  mentees: 'Match Mentees',
  unmatched: 'Match Unmatched',
  summary: 'Match Summary',
  decisions: 'Match Decisions',
  skipped: 'Match Skipped',
  mailMerge: 'Match Mail merge',
  notifyMentorMatched: 'Match Notify mentor-matched',
  notifyMentorUnmatched: 'Match Notify mentor-unmatched',
  notifyMenteeMatched: 'Match Notify mentee-matched',
  notifyMenteeUnmatched: 'Match Notify mentee-unmatched',
} as const satisfies Record<ResultTableName, string>;

/** The sheets that hold emails rather than match results (the page offers them as their own downloads). */
export const emailSheetNames: readonly string[] = [
  resultSheetNames.mailMerge,
  resultSheetNames.notifyMentorMatched,
  resultSheetNames.notifyMentorUnmatched,
  resultSheetNames.notifyMenteeMatched,
  resultSheetNames.notifyMenteeUnmatched,
];

export const lockColumn = 'lock';
/** Typing anything here and matching again forbids the pair (and a lock on a new row locks that pair). */
export const forbidColumn = 'forbid';

/** The engine's `locked` column says "locked" (other values, such as "kept from earlier", are not locks). */
function isLocked(value: unknown): boolean {
  return value === true || (typeof value === 'string' && /^(locked|yes|true)$/i.test(value.trim()));
}

/**
 * Adds the columns a coordinator types in to decide pairs from the sheet: `lock` (filled for pairs
 * the engine kept locked) and `forbid` (empty). A column already there is left as it is.
 */
export function withLockColumn(pairs: TableData): TableData {
  const has = (name: string) => pairs.header.some((h) => h.trim().toLowerCase() === name);
  const addLock = !has(lockColumn);
  const addForbid = !has(forbidColumn);
  if (!addLock && !addForbid) return pairs;
  const locked = pairs.header.findIndex((h) => h.trim().toLowerCase() === 'locked');
  return {
    ...pairs,
    header: [...pairs.header, ...(addLock ? [lockColumn] : []), ...(addForbid ? [forbidColumn] : [])],
    rows: pairs.rows.map((row) => [
      ...row,
      ...(addLock ? [locked >= 0 && isLocked(row[locked]) ? 'yes' : null] : []),
      ...(addForbid ? [null] : []),
    ]),
  };
}

/** Each result table given as a sheet, in resultTableNames order: the engine's results, then the emails. */
export function toResultSheets(tables: Partial<ResultTablesData>): ResultSheet[] {
  return resultTableNames.flatMap((key) => {
    const table = tables[key];
    if (!table) return [];
    const { header, rows } = key === 'pairs' ? withLockColumn(table) : table;
    return [{ name: resultSheetNames[key], header, rows }];
  });
}

/** The four GOV.UK Notify lists: written only when the coordinator asks for them. */
export const notifyTables: readonly ResultTableName[] = [
  'notifyMentorMatched',
  'notifyMentorUnmatched',
  'notifyMenteeMatched',
  'notifyMenteeUnmatched',
];

/** The sheets written unless the coordinator chooses others: everything but the Notify lists. */
export const defaultResultTables: readonly ResultTableName[] = resultTableNames.filter(
  (name) => !notifyTables.includes(name),
);

/** Whether a table or sheet is one this app wrote ("MatchMentors" on "Match Mentors"), never an input. */
export function isResultTableName(label: string): boolean {
  const key = label.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  return Object.values(resultSheetNames).some((name) => name.replace(/[^A-Za-z0-9]/g, '').toLowerCase() === key);
}
