// Writes a result folder: the result tables, the input rows not used (skipped.csv) and, when asked,
// the mail merge and the Notify bulk lists, as CSV files (or one results.xlsx), plus summary.json
// and notify.json for machines (the notify command reads notify.json). Nothing in it depends on the
// clock, so two runs give identical bytes.
//
// Each person's text (job title, biography) is written once for people, in their own row of
// mentors.csv or mentees.csv, and once for machines, in notify.json; everywhere else a match is
// named and referred to by email. The two lists that repeat a biography in every partner's row
// (the mail merge, which a word processor reads without look-ups, and the Notify upload lists) are
// written only when asked for. At 10,000 × 10,000 sign-ups (7.1 MB) the results were 150 MB, then
// 38.5 MB with the mail merge always written, and are now 20 MB.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { resultTables, skippedTable, summariseProblems, type MatchResult } from '@mentor-matcher/engine';
import {
  buildCompactMessageFile,
  expandMessages,
  mailMergeTable,
  messageKinds,
  notifyBulkTables,
  notifyFileText,
  resolveMessageFile,
} from '@mentor-matcher/notify';
import { writeCsv, writeXlsx, type Table } from '@mentor-matcher/tabular';
import { planOutput, ReplacingWriter } from './safe-output.js';

export type ResultFormat = 'csv' | 'xlsx';

export const sheetNames = {
  pairs: 'Pairs',
  mentors: 'Mentors',
  mentees: 'Mentees',
  unmatched: 'Unmatched',
  summary: 'Summary',
  mailMerge: 'Mail merge',
  skipped: 'Skipped',
} as const;

export const notifyFileName = 'notify.json';
export const summaryFileName = 'summary.json';

const notifyListNames = messageKinds.map((kind) => `notify-${kind}.csv`);
export const mailMergeFileName = 'mail-merge.csv';

export interface ResultOptions {
  /** Also write GOV.UK Notify's bulk upload lists (a file or sheet per kind). Default false. */
  readonly notifyLists?: boolean;
  /** Also write the mail merge: every match's details, biography included, in each person's row. Default false. */
  readonly mailMerge?: boolean;
}

/** Every file a run writes in this format, so that the folder can be checked before the work. */
export function resultFileNames(
  format: ResultFormat,
  { notifyLists = false, mailMerge = false }: ResultOptions = {},
): string[] {
  const csvNames = [
    'pairs.csv',
    'mentors.csv',
    'mentees.csv',
    'unmatched.csv',
    'summary.csv',
    ...(notifyLists ? notifyListNames : []),
    ...(mailMerge ? [mailMergeFileName] : []),
    'skipped.csv',
  ];
  return [...(format === 'xlsx' ? ['results.xlsx'] : csvNames), summaryFileName, notifyFileName];
}

/**
 * Files of an earlier run that this one removes: Notify lists or a mail merge it does not write
 * would be out of date beside the new result, and sending from them would tell people about
 * partners they no longer have.
 */
export function staleFileNames(
  format: ResultFormat,
  { notifyLists = false, mailMerge = false }: ResultOptions = {},
): string[] {
  if (format !== 'csv') return [];
  return [...(notifyLists ? [] : notifyListNames), ...(mailMerge ? [] : [mailMergeFileName])];
}

export interface ResultFiles {
  readonly dir: string;
  readonly files: readonly string[];
  /** Files that were already in the folder and were replaced. */
  readonly replaced: readonly string[];
  /** Files of an earlier run that were removed (staleFileNames). */
  readonly removed: readonly string[];
}

/**
 * Writes the results to `outDir` (created when needed). `inputs` are the files the run read: an
 * output that would replace one of them stops the run before anything is written (safe-output.ts).
 */
export function writeResults(
  cwd: string,
  outDir: string,
  result: MatchResult,
  format: ResultFormat,
  inputs: readonly string[] = [],
  options: ResultOptions = {},
): ResultFiles {
  // Each person's job title and biography in their own row; a match is a name and an email to look up.
  const tables = resultTables(result, { partnerProfiles: false, ownProfile: true });
  const stored = buildCompactMessageFile(result);
  // Every message in full (each biography in each partner's message) only for the lists that need it.
  const messages = options.notifyLists || options.mailMerge ? expandMessages(resolveMessageFile(stored)) : null;
  const bulk = messages && options.notifyLists ? notifyBulkTables(messages) : null;
  const named: { file: string; sheet: string; table: Table }[] = [
    { file: 'pairs.csv', sheet: sheetNames.pairs, table: tables.pairs },
    { file: 'mentors.csv', sheet: sheetNames.mentors, table: tables.mentors },
    { file: 'mentees.csv', sheet: sheetNames.mentees, table: tables.mentees },
    { file: 'unmatched.csv', sheet: sheetNames.unmatched, table: tables.unmatched },
    { file: 'summary.csv', sheet: sheetNames.summary, table: tables.summary },
    ...(bulk
      ? messageKinds.map((kind) => ({ file: `notify-${kind}.csv`, sheet: `Notify ${kind}`, table: bulk[kind] }))
      : []),
    ...(messages && options.mailMerge
      ? [{ file: mailMergeFileName, sheet: sheetNames.mailMerge, table: mailMergeTable(messages, stored.fieldNames) }]
      : []),
    // Every input row the run did not use, and why: written even when empty, so nobody wonders.
    { file: 'skipped.csv', sheet: sheetNames.skipped, table: skippedTable(result.skipped ?? []) },
  ];
  const stale = staleFileNames(format, options);
  const plan = planOutput(cwd, outDir, [...resultFileNames(format, options), ...stale], inputs);
  const { dir } = plan;
  const isNamed = (entry: string, name: string) => entry === name || entry.startsWith(`${name} `);
  const replaced = plan.replaced.filter((entry) => !stale.some((name) => isNamed(entry, name)));
  const removed = stale.filter((name) => plan.replaced.some((entry) => isNamed(entry, name)));
  const files: string[] = [];
  const writer = new ReplacingWriter(dir);
  const write = (file: string, data: string | Uint8Array) => {
    writer.add(file, data);
    files.push(file);
  };
  try {
    if (format === 'xlsx') {
      write('results.xlsx', writeXlsx(named.map(({ sheet, table }) => ({ name: sheet, table }))));
    } else {
      // GOV.UK Notify reads its upload lists as data and never evaluates them, and a ' added in front
      // of `=…` or `@…` would reach the participant's email; the other files are opened in Excel.
      for (const { file, table } of named) write(file, writeCsv(table, { escapeFormulas: !isNotifyUpload(file) }));
    }
    write(summaryFileName, `${JSON.stringify(summaryJson(result), null, 2)}\n`);
    write(notifyFileName, notifyFileText(stored));
    writer.commit();
  } finally {
    writer.abort();
  }
  // After the new files are in place: a run stopped before here leaves the earlier result whole.
  for (const name of stale) rmSync(join(dir, name), { force: true });
  return { dir, files, replaced, removed };
}

const isNotifyUpload = (file: string) => file.startsWith('notify-') && file.endsWith('.csv');

function summaryJson(result: MatchResult) {
  return {
    strategy: result.strategySettings ?? { name: result.summary.strategy },
    summary: result.summary,
    // Shortened like the terminal's list (the first few of each kind and a count), so that a sheet
    // with a million blank or bad rows does not make a summary.json of hundreds of megabytes.
    problemCount: result.problems.length,
    problems: summariseProblems(result.problems),
    // The rows listed in skipped.csv (superseded duplicate sign-ups, rows left out for errors).
    skippedRows: (result.skipped ?? []).length,
    droppedEarlierPairs: result.droppedEarlierPairs,
  };
}
