// The rows a run did not use, as a table: the CLI's skipped.csv, the add-in's Skipped sheet.
import type { Table } from '@mentor-matcher/tabular';
import type { SkippedRow } from './model.js';

export const skippedHeader = ['file or sheet', 'row', 'email', 'reason'] as const;

/** One row per skipped input row, in the order given: file or sheet, row, email, reason. */
export function skippedTable(skipped: readonly SkippedRow[]): Table {
  return {
    source: 'Skipped',
    header: [...skippedHeader],
    rows: skipped.map((s) => [s.table, s.row, s.email ?? '', s.reason]),
    headerRow: 1,
    firstColumn: 0,
  };
}
