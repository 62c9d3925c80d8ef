// Round trips to Excel: each `context.sync()` is a request to Excel (across the network on the web),
// so writing a run's results takes a fixed handful of syncs plus one per data chunk, never one or
// more per sheet. Measured on the results of a real 50 × 50 run (ten sheets) and on a large sheet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPreset } from '@mentor-matcher/engine';
import { createSolver } from '@mentor-matcher/solver';
import { readCsv } from '@mentor-matcher/tabular';
import { describe, expect, it } from 'vitest';
import { toResultSheets } from '../../src/app/result-sheets.js';
import { createExcelHost } from '../../src/host/excel-host.js';
import { memorySettings } from '../../src/host/memory-settings.js';
import type { ResultSheet } from '../../src/host/workbook-host.js';
import { createMatchService } from '../../src/worker/match-service.js';
import {
  resultTableNames,
  responseSchema,
  type ResultTablesData,
  type WorkerResponse,
} from '../../src/worker/protocol.js';
import { FakeWorkbook } from '../support/fake-workbook.js';

/** Syncs besides the data chunks: look up earlier results, replace the sheets, then tables and formats. */
const fixedSyncs = 4;

const fixtures = join(import.meta.dirname, '../fixtures');
const table = (name: string) => {
  const t = readCsv(readFileSync(join(fixtures, name)), { source: name });
  return { ...t, header: [...t.header], rows: t.rows.map((r) => [...r]) };
};

async function fiftyByFiftyResults(): Promise<ResultSheet[]> {
  const service = createMatchService(() => createSolver());
  const ask = async (request: unknown): Promise<WorkerResponse> => {
    const replies: WorkerResponse[] = [];
    await service.handle(request, (message) => replies.push(responseSchema.parse(message)));
    return replies.at(-1)!;
  };
  const input = { kind: 'two-tables', mentors: table('mentors.csv'), mentees: table('mentees.csv') };
  const done = await ask({ type: 'match', id: 1, input, ruleSet: getPreset('mentor-match') });
  if (done.type !== 'matched') throw new Error(JSON.stringify(done));
  const tables = {} as Record<string, unknown>;
  for (const name of resultTableNames) {
    const rows = await ask({ type: 'rows', id: 2, table: name, start: 0, count: 100_000 });
    if (rows.type !== 'rows') throw new Error(JSON.stringify(rows));
    tables[name] = { ...done.tables[name], rows: rows.rows };
  }
  return toResultSheets(tables as ResultTablesData);
}

describe('writing results to Excel', () => {
  it('writes a 50 × 50 run’s twelve result sheets in a handful of syncs, not one or more per sheet', async () => {
    const sheets = await fiftyByFiftyResults();
    expect(sheets).toHaveLength(12);
    const book = new FakeWorkbook([{ name: 'Sheet1' }]);
    const host = createExcelHost({ run: book.run, settings: memorySettings() });
    await host.writeResults(sheets);
    expect(book.dataSyncs).toBe(1);
    expect(book.syncCount).toBeLessThanOrEqual(fixedSyncs + book.dataSyncs);
    for (const sheet of sheets) expect(book.values(sheet.name)).toHaveLength(sheet.rows.length + 1);

    const again = book.syncCount;
    await host.writeResults(sheets);
    expect(book.syncCount - again).toBeLessThanOrEqual(fixedSyncs + 1);
    expect(book.sheetNames()).toEqual(['Sheet1', ...sheets.map((s) => s.name)]);
  });
});

describe('writing large results to Excel', () => {
  it('adds to the fixed syncs only the data chunks the 5 MB cap needs, small sheets packed with big', async () => {
    const header = Array.from({ length: 15 }, (_, c) => `column ${c}`);
    const rows = Array.from({ length: 10_000 }, (_, r) => header.map((_, c) => `r${r}c${c} ${'z'.repeat(30)}`));
    const small: ResultSheet = { name: 'Small', header: ['a'], rows: [['b']] };
    const book = new FakeWorkbook([{ name: 'Sheet1' }]);
    await createExcelHost({ run: book.run, settings: memorySettings() }).writeResults([
      small,
      { name: 'Big', header, rows },
      { ...small, name: 'Small 2' },
    ]);
    const bytes = JSON.stringify([header, ...rows]).length;
    expect(book.dataSyncs).toBeLessThanOrEqual(Math.ceil(bytes / (2 * 1024 * 1024)));
    expect(book.syncCount).toBeLessThanOrEqual(fixedSyncs + book.dataSyncs);
    expect(book.maxRequestBytesSeen).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(book.values('Big')).toHaveLength(10_001);
    expect(book.values('Small 2')).toEqual([['a'], ['b']]);
  });

  it('halves a packed chunk that Excel refuses as too large, and still writes every sheet', async () => {
    const sheets = await fiftyByFiftyResults();
    const book = new FakeWorkbook([{ name: 'Sheet1' }], 20_000);
    await createExcelHost({ run: book.run, settings: memorySettings() }).writeResults(sheets);
    expect(book.maxRequestBytesSeen).toBeLessThanOrEqual(20_000);
    for (const sheet of sheets) expect(book.values(sheet.name)).toHaveLength(sheet.rows.length + 1);
  });
});
