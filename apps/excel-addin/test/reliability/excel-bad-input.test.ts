// Bad input that only Excel produces, through the add-in's own path: the Excel host reads the range
// (error values arrive as text such as "#N/A", as Office.js returns them), the worker's service
// checks it, and the problem names the table, row, column and value, so the pane can select the cell.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPreset } from '@mentor-matcher/engine';
import { createSolver } from '@mentor-matcher/solver';
import { readCsv, type Cell } from '@mentor-matcher/tabular';
import { describe, expect, it } from 'vitest';
import { createExcelHost } from '../../src/host/excel-host.js';
import { FakeWorkbook } from '../support/fake-workbook.js';
import { memorySettings } from '../../src/host/memory-settings.js';
import { createMatchService } from '../../src/worker/match-service.js';
import { responseSchema, type TableData, type WorkerResponse } from '../../src/worker/protocol.js';

const fixtures = join(import.meta.dirname, '../fixtures');
const grid = (file: string): (string | number)[][] => {
  const table = readCsv(readFileSync(join(fixtures, file)), { source: file });
  return [
    table.header as string[],
    ...table.rows.map((row) => row.map((cell: Cell) => (cell === null ? '' : (cell as string | number)))),
  ];
};

describe('Excel error values in the add-in', () => {
  it('a #N/A left by a failed lookup stops the check, naming the table, row, column and value', async () => {
    const mentors = grid('mentors.csv');
    const organisation = mentors[0].indexOf('organisation');
    mentors[4][organisation] = '#N/A';
    const mentees = grid('mentees.csv');
    const book = new FakeWorkbook([
      { name: 'Mentors', rows: mentors, tables: [{ name: 'Mentors', address: `A1:J${mentors.length}` }] },
      { name: 'Mentees', rows: mentees, tables: [{ name: 'Mentees', address: `A1:K${mentees.length}` }] },
    ]);
    const host = createExcelHost({ run: book.run, settings: memorySettings() });
    const plain = (t: Awaited<ReturnType<typeof host.readSource>>): TableData => ({
      ...t,
      header: [...t.header],
      rows: t.rows.map((r) => [...r]),
    });
    const input = {
      kind: 'two-tables',
      mentors: plain(await host.readSource('table:Mentors')),
      mentees: plain(await host.readSource('table:Mentees')),
    };

    const replies: WorkerResponse[] = [];
    await createMatchService(() => createSolver()).handle(
      { type: 'check', id: 1, input, ruleSet: getPreset('mentor-match') },
      (m) => replies.push(responseSchema.parse(m)),
    );
    const [reply] = replies;
    expect(reply.type).toBe('checked');
    const problem = reply.type === 'checked' ? reply.problems.find((p) => p.code === 'cell-error-value') : undefined;
    expect(problem).toMatchObject({
      severity: 'error',
      table: 'Mentors',
      row: 5,
      column: 'organisation',
      value: '#N/A',
    });
    expect(problem?.message).toContain('Mentors row 5, column "organisation" (cell G5) holds the Excel error #N/A');
  });
});
