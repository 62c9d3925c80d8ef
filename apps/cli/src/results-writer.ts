// Writes a result folder: the result tables, the Notify bulk lists and the mail-merge sheet as CSV
// files (or one results.xlsx), plus summary.json and notify.json for machines (the notify command
// reads notify.json). Nothing in it depends on the clock, so two runs give identical bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resultTables, type MatchResult } from '@mentor-matcher/engine';
import { buildMessages, mailMergeTable, messageKinds, notifyBulkTables, type Messages } from '@mentor-matcher/notify';
import { writeCsv, writeXlsx, type Table } from '@mentor-matcher/tabular';
import { InputError } from './cli-errors.js';

export type ResultFormat = 'csv' | 'xlsx';

export const sheetNames = {
  pairs: 'Pairs',
  mentors: 'Mentors',
  mentees: 'Mentees',
  unmatched: 'Unmatched',
  summary: 'Summary',
  mailMerge: 'Mail merge',
} as const;

export const notifyFileName = 'notify.json';
export const summaryFileName = 'summary.json';

export interface ResultFiles {
  readonly dir: string;
  readonly files: readonly string[];
  readonly messages: Messages;
}

export function writeResults(cwd: string, outDir: string, result: MatchResult, format: ResultFormat): ResultFiles {
  const dir = resolve(cwd, outDir);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot write the results to ${outDir}${code === 'EEXIST' || code === 'ENOTDIR' ? ': a file of that name is in the way' : code ? ` (${code})` : ''}`);
  }
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
  ];
  const files: string[] = [];
  const write = (file: string, data: string | Uint8Array) => {
    writeFileSync(join(dir, file), data);
    files.push(file);
  };
  if (format === 'xlsx') {
    write('results.xlsx', writeXlsx(named.map(({ sheet, table }) => ({ name: sheet, table }))));
  } else {
    for (const { file, table } of named) write(file, writeCsv(table));
  }
  write(summaryFileName, `${JSON.stringify(summaryJson(result), null, 2)}\n`);
  write(notifyFileName, `${JSON.stringify(messages, null, 2)}\n`);
  return { dir, files, messages };
}

function summaryJson(result: MatchResult) {
  return {
    strategy: result.strategySettings ?? { name: result.summary.strategy },
    summary: result.summary,
    problems: result.problems,
    droppedEarlierPairs: result.droppedEarlierPairs,
  };
}
