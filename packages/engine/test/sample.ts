// The reference system's 50 × 50 sample, read with the project's one CSV reader.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCsv, type Table } from '@mentor-matcher/tabular';

const folder = fileURLToPath(new URL('../../../examples/mentor-match-small/', import.meta.url));

export function sampleTable(name: 'mentors' | 'mentees'): Table {
  return readCsv(readFileSync(`${folder}${name}.csv`), { source: `${name}.csv` });
}

/** The same table without the data rows for which `drop` is true (a drop-out). */
export function withoutRows(table: Table, drop: (row: Table['rows'][number]) => boolean): Table {
  return { ...table, rows: table.rows.filter((row) => !drop(row)) };
}
