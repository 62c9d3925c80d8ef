// Writes a result folder: the result tables, the Notify bulk lists, the mail-merge sheet and the
// input rows not used (skipped.csv) as CSV files (or one results.xlsx), plus summary.json and
// notify.json for machines (the notify command reads notify.json). Nothing in it depends on the
// clock, so two runs give identical bytes.
import { resultTables, skippedTable, summariseProblems, type MatchResult } from '@mentor-matcher/engine';
import { buildMessages, mailMergeTable, messageKinds, notifyBulkTables, type Messages } from '@mentor-matcher/notify';
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

const csvNames = [
  'pairs.csv',
  'mentors.csv',
  'mentees.csv',
  'unmatched.csv',
  'summary.csv',
  ...messageKinds.map((kind) => `notify-${kind}.csv`),
  'mail-merge.csv',
  'skipped.csv',
];

/** Every file a run writes in this format, so that the folder can be checked before the work. */
export function resultFileNames(format: ResultFormat): string[] {
  return [...(format === 'xlsx' ? ['results.xlsx'] : csvNames), summaryFileName, notifyFileName];
}

export interface ResultFiles {
  readonly dir: string;
  readonly files: readonly string[];
  /** Files that were already in the folder and were replaced. */
  readonly replaced: readonly string[];
  readonly messages: Messages;
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
): ResultFiles {
  const tables = resultTables(result);
  const messages = buildMessages(result);
  const bulk = notifyBulkTables(messages);
  const named: { file: string; sheet: string; table: Table }[] = [
    { file: 'pairs.csv', sheet: sheetNames.pairs, table: tables.pairs },
    { file: 'mentors.csv', sheet: sheetNames.mentors, table: tables.mentors },
    { file: 'mentees.csv', sheet: sheetNames.mentees, table: tables.mentees },
    { file: 'unmatched.csv', sheet: sheetNames.unmatched, table: tables.unmatched },
    { file: 'summary.csv', sheet: sheetNames.summary, table: tables.summary },
    ...messageKinds.map((kind) => ({ file: `notify-${kind}.csv`, sheet: `Notify ${kind}`, table: bulk[kind] })),
    { file: 'mail-merge.csv', sheet: sheetNames.mailMerge, table: mailMergeTable(messages) },
    // Every input row the run did not use, and why: written even when empty, so nobody wonders.
    { file: 'skipped.csv', sheet: sheetNames.skipped, table: skippedTable(result.skipped ?? []) },
  ];
  const { dir, replaced } = planOutput(cwd, outDir, resultFileNames(format), inputs);
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
    write(notifyFileName, `${JSON.stringify(messages, null, 2)}\n`);
    writer.commit();
  } finally {
    writer.abort();
  }
  return { dir, files, replaced, messages };
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
