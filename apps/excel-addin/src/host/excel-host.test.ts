import { mailMergeTable, notifyBulkTables, type Messages } from '@mentor-matcher/notify';
import { describe, expect, it } from 'vitest';
import { resultSheetNames, toResultSheets } from '../app/result-sheets.js';
import { createExcelHost } from './excel-host.js';
import { FakeWorkbook } from '../../test/support/fake-workbook.js';
import { memorySettings } from './memory-settings.js';
import { InputTooLargeError } from './workbook-host.js';

const header = ['first name', 'last name', 'email address', 'grade'];
const people = (n: number) =>
  Array.from({ length: n }, (_, i) => [`First${i}`, `Last${i}`, `p${i}@example.org`, i % 2 ? 'SEO' : 'HEO']);

function bookWithTables(n = 10, payloadLimit?: number) {
  return new FakeWorkbook(
    [
      {
        name: 'Signups',
        rows: [header, ...people(n)],
        tables: [{ name: 'Mentors', address: `A1:D${n + 1}` }],
      },
    ],
    payloadLimit,
  );
}

describe('the Excel host reads', () => {
  it('lists the workbook’s tables with their addresses', async () => {
    const host = createExcelHost({ run: bookWithTables().run, settings: memorySettings() });
    expect(await host.listSources()).toEqual([
      { id: 'table:Mentors', label: 'Mentors', detail: 'Signups!A1:D11, 10 rows' },
    ]);
  });

  it('reads a table into the engine’s Table shape with its place in the sheet', async () => {
    const host = createExcelHost({ run: bookWithTables(3).run, settings: memorySettings() });
    const table = await host.readSource('table:Mentors');
    expect(table).toMatchObject({ source: 'Mentors', header, headerRow: 1, firstColumn: 0 });
    expect(table.rows[2]).toEqual(['First2', 'Last2', 'p2@example.org', 'HEO']);
  });

  it('reads in several requests when the data is over the payload cap, and loses no row', async () => {
    const book = bookWithTables(500, 8_000);
    const host = createExcelHost({ run: book.run, settings: memorySettings() });
    const table = await host.readSource('table:Mentors');
    expect(table.rows).toHaveLength(500);
    expect(table.rows[499][2]).toBe('p499@example.org');
    expect(book.syncCount).toBeGreaterThan(5);
    expect(book.maxResponseBytesSeen).toBeLessThanOrEqual(8_000);
  });

  it('reads 10,000 rows × 15 columns under Excel’s 5 MB cap', async () => {
    const wide = Array.from({ length: 15 }, (_, c) => `column ${c}`);
    const rows = Array.from({ length: 10_000 }, (_, r) => wide.map((_, c) => `value r${r} c${c} ${'x'.repeat(30)}`));
    const book = new FakeWorkbook([{ name: 'Big', rows: [wide, ...rows] }]);
    const host = createExcelHost({ run: book.run, settings: memorySettings() });
    const table = await host.readSource('range:Big!A1:O10001');
    expect(table.rows).toHaveLength(10_000);
    expect(table.rows[9_999][14]).toBe(rows[9_999][14]);
    expect(book.maxResponseBytesSeen).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  it('finds the header row below a title and reports the sheet row numbers', async () => {
    const book = new FakeWorkbook([{ name: 'Form', at: 'B2', rows: [['Mentees 2026'], [''], header, ...people(2)] }]);
    book.select('Form!B2:E6');
    const host = createExcelHost({ run: book.run, settings: memorySettings() });
    const option = await host.selectionSource!();
    expect(option).toMatchObject({ id: 'range:Form!B2:E6', label: 'Form!B2:E6' });
    const table = await host.readSource(option.id);
    expect(table).toMatchObject({ header, headerRow: 4, firstColumn: 1 });
    expect(table.rows).toHaveLength(2);
  });

  it('refuses, with a message, an input over the cell limit instead of reading it', async () => {
    const host = createExcelHost({ run: bookWithTables(100).run, settings: memorySettings(), maxCells: 200 });
    await expect(host.readSource('table:Mentors')).rejects.toBeInstanceOf(InputTooLargeError);
    await expect(host.readSource('table:Mentors')).rejects.toThrow(/101 rows × 4 columns/);
  });

  it('refuses a one-row selection', async () => {
    const book = bookWithTables();
    book.select('Signups!A1:D1');
    const host = createExcelHost({ run: book.run, settings: memorySettings() });
    await expect(host.selectionSource!()).rejects.toThrow(/one row/);
  });
});

const pairs = {
  name: 'Match Pairs',
  header: ['mentor email', 'mentee email', 'score', 'mentor name', 'lock'],
  rows: [
    ['m1@x.org', 'e1@x.org', 21, '=HYPERLINK("http://x","click")', null],
    ['m2@x.org', 'e2@x.org', 9, '+1234', 'yes'],
    ['m3@x.org', 'e3@x.org', 12, '00123', null],
  ],
};

describe('the Excel host writes results', () => {
  it('writes participant values as typed, never as formulas or numbers', async () => {
    const book = new FakeWorkbook();
    const host = createExcelHost({ run: book.run, settings: memorySettings() });
    await host.writeResults([pairs]);
    expect(book.cell('Match Pairs', 'D2')).toMatchObject({ value: '=HYPERLINK("http://x","click")', formula: null });
    expect(book.cell('Match Pairs', 'D3').value).toBe('+1234');
    expect(book.cell('Match Pairs', 'D4').value).toBe('00123');
  });

  it('keeps engine numbers such as scores numeric', async () => {
    const book = new FakeWorkbook();
    await createExcelHost({ run: book.run, settings: memorySettings() }).writeResults([pairs]);
    expect(book.cell('Match Pairs', 'C2')).toMatchObject({ value: 21, numberFormat: 'General' });
  });

  it('writes each result as a named, styled Excel table with a frozen header', async () => {
    const book = new FakeWorkbook();
    await createExcelHost({ run: book.run, settings: memorySettings() }).writeResults([pairs]);
    expect(book.tableInfo('MatchPairs')).toEqual({
      name: 'MatchPairs',
      sheet: 'Match Pairs',
      address: "'Match Pairs'!A1:E4",
      style: 'TableStyleMedium2',
    });
    expect(book.frozenRows('Match Pairs')).toBe(1);
  });

  it('writes 10,000 rows × 15 columns in chunks under the 5 MB cap, suspending calculation', async () => {
    const book = new FakeWorkbook();
    const header15 = Array.from({ length: 15 }, (_, c) => `column ${c}`);
    const rows = Array.from({ length: 10_000 }, (_, r) => header15.map((_, c) => `=r${r}c${c} ${'y'.repeat(30)}`));
    await createExcelHost({ run: book.run, settings: memorySettings() }).writeResults([
      { name: 'Big', header: header15, rows },
    ]);
    expect(book.maxRequestBytesSeen).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(book.suspendCalls).toBeGreaterThan(1);
    expect(book.cell('Big', 'O10001')).toMatchObject({ value: rows[9_999][14], formula: null });
  });

  it('replaces earlier results instead of adding a second copy', async () => {
    const book = new FakeWorkbook();
    const host = createExcelHost({ run: book.run, settings: memorySettings() });
    await host.writeResults([pairs]);
    expect(await host.existingResults(['Match Pairs', 'Match Summary'])).toEqual(['Match Pairs']);
    await host.writeResults([{ ...pairs, rows: pairs.rows.slice(0, 1) }]);
    expect(book.sheetNames()).toEqual(['Sheet1', 'Match Pairs']);
    expect(book.values('Match Pairs')).toHaveLength(2);
    expect(book.tableInfo('MatchPairs')?.address).toBe("'Match Pairs'!A1:E2");
  });

  it('leaves the name of a user’s own table alone, giving the result table Excel’s default name', async () => {
    const book = new FakeWorkbook([
      { name: 'Mine', rows: [['a'], ['b']], tables: [{ name: 'MatchPairs', address: 'A1:A2' }] },
    ]);
    await createExcelHost({ run: book.run, settings: memorySettings() }).writeResults([pairs]);
    expect(book.tableInfo('MatchPairs')?.sheet).toBe('Mine');
    expect(book.values('Match Pairs')).toHaveLength(4);
  });

  it('reads back the pairs marked in the lock column', async () => {
    const book = new FakeWorkbook();
    const host = createExcelHost({ run: book.run, settings: memorySettings() });
    await host.writeResults([pairs]);
    expect(await host.readLockedPairs('Match Pairs')).toEqual([{ mentor: 'm2@x.org', mentee: 'e2@x.org' }]);
    expect(await host.readLockedPairs('No Such Sheet')).toEqual([]);
  });

  it('reads the lock and forbid columns in one go, rows added below included', async () => {
    const book = new FakeWorkbook();
    const host = createExcelHost({ run: book.run, settings: memorySettings() });
    await host.writeResults([
      toResultSheets({ pairs: { source: 'Pairs', headerRow: 1, firstColumn: 0, ...pairs } })[0],
    ]);
    const header = book.values('Match Pairs')[0];
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('Match Pairs');
      sheet.getRangeByIndexes(1, header.indexOf('forbid'), 1, 1).values = [['x']];
      // A swap typed in cells: the new pair on a row of its own, locked.
      const row = new Array<string>(header.length).fill('');
      row[0] = 'm9@x.org';
      row[1] = 'e1@x.org';
      row[header.indexOf('lock')] = 'yes';
      sheet.getRangeByIndexes(4, 0, 1, header.length).values = [row];
      await context.sync();
    });
    expect(await host.readPairDecisions!('Match Pairs')).toEqual({
      locked: [
        { mentor: 'm2@x.org', mentee: 'e2@x.org' },
        { mentor: 'm9@x.org', mentee: 'e1@x.org' },
      ],
      forbidden: [{ mentor: 'm1@x.org', mentee: 'e1@x.org' }],
      unlocked: [
        { mentor: 'm1@x.org', mentee: 'e1@x.org' },
        { mentor: 'm3@x.org', mentee: 'e3@x.org' },
      ],
    });
  });

  it('removes result sheets an earlier run wrote and this one does not, in the same syncs', async () => {
    const book = new FakeWorkbook();
    const host = createExcelHost({ run: book.run, settings: memorySettings() });
    const summary = { name: 'Match Summary', header: ['a'], rows: [['b']] };
    await host.writeResults([pairs, summary]);
    const syncsOf = async (write: () => Promise<void>) => {
      const before = book.syncCount;
      await write();
      return book.syncCount - before;
    };
    const plain = await syncsOf(() => host.writeResults([pairs, summary]));
    const removing = await syncsOf(() =>
      host.writeResults([pairs], { remove: ['Match Pairs', 'Match Summary', 'Match Skipped'] }),
    );
    expect(book.sheetNames()).toEqual(['Sheet1', 'Match Pairs']);
    // The left-over sheets are looked up and deleted in the syncs that replace the others.
    expect(removing).toBe(plain);
    expect(book.values('Match Pairs')).toHaveLength(4);
  });

  it('can remove every earlier sheet, as the new sheets are added first', async () => {
    const book = new FakeWorkbook([{ name: 'Match Summary' }]);
    const host = createExcelHost({ run: book.run, settings: memorySettings() });
    await host.writeResults([pairs], { remove: ['Match Summary'] });
    expect(book.sheetNames()).toEqual(['Match Pairs']);
  });
});

describe('the Excel host writes the emails as sheets', () => {
  const person = (email: string, first: string, match: string) => ({
    id: email,
    email,
    name: first,
    personalisation: { 'first name': first, 'number of matches': match ? '1' : '0', 'match 1 name': match },
  });
  const messages: Messages = {
    version: 1,
    lists: {
      'mentor-matched': {
        kind: 'mentor-matched',
        fields: ['first name', 'number of matches', 'match 1 name'],
        recipients: [person('m1@x.org', "=cmd|' /C calc'!A0", 'Ann')],
      },
      'mentor-unmatched': { kind: 'mentor-unmatched', fields: ['first name'], recipients: [] },
      'mentee-matched': {
        kind: 'mentee-matched',
        fields: ['first name', 'number of matches', 'match 1 name'],
        recipients: [person('ann@x.org', 'Ann', "=cmd|' /C calc'!A0")],
      },
      'mentee-unmatched': {
        kind: 'mentee-unmatched',
        fields: ['first name'],
        recipients: [person('+44@x.org', '00123', '')],
      },
    },
    skipped: [],
  };
  const lists = notifyBulkTables(messages);
  const sheets = [
    { name: resultSheetNames.mailMerge, ...mailMergeTable(messages) },
    { name: resultSheetNames.notifyMentorMatched, ...lists['mentor-matched'] },
    { name: resultSheetNames.notifyMentorUnmatched, ...lists['mentor-unmatched'] },
    { name: resultSheetNames.notifyMenteeMatched, ...lists['mentee-matched'] },
    { name: resultSheetNames.notifyMenteeUnmatched, ...lists['mentee-unmatched'] },
  ];

  it('writes a Notify list with the email address column first and one column per field, every value as text', async () => {
    const book = new FakeWorkbook();
    await createExcelHost({ run: book.run, settings: memorySettings() }).writeResults(sheets);
    expect(book.values('Match Notify mentee-matched')).toEqual([
      ['email address', 'first name', 'number of matches', 'match 1 name'],
      ['ann@x.org', 'Ann', '1', "=cmd|' /C calc'!A0"],
    ]);
    expect(book.cell('Match Notify mentee-matched', 'D2')).toMatchObject({ formula: null, numberFormat: '@' });
    expect(book.cell('Match Notify mentee-matched', 'C2')).toMatchObject({ value: '1', numberFormat: '@' });
    expect(book.cell('Match Notify mentee-unmatched', 'B2').value).toBe('00123');
  });

  it('writes the mail-merge sheet with a kind column, one row per person, the name still text', async () => {
    const book = new FakeWorkbook();
    await createExcelHost({ run: book.run, settings: memorySettings() }).writeResults(sheets);
    const values = book.values('Match Mail merge');
    expect(values[0]).toEqual(['kind', 'email address', 'first name', 'number of matches', 'match 1 name']);
    expect(values.slice(1).map((row) => row[0])).toEqual(['mentor-matched', 'mentee-matched', 'mentee-unmatched']);
    expect(book.cell('Match Mail merge', 'C2')).toMatchObject({ value: "=cmd|' /C calc'!A0", formula: null });
  });

  it('writes an empty list as a header-only sheet, and replaces all of them on the next run', async () => {
    const book = new FakeWorkbook();
    const host = createExcelHost({ run: book.run, settings: memorySettings() });
    await host.writeResults(sheets);
    expect(book.values('Match Notify mentor-unmatched')).toEqual([['email address', 'first name']]);
    expect(await host.existingResults(Object.values(resultSheetNames))).toEqual(sheets.map((s) => s.name));
    await host.writeResults(sheets);
    expect(book.sheetNames()).toEqual(['Sheet1', ...sheets.map((s) => s.name)]);
  });
});

describe('the Excel host shows where a problem is', () => {
  it('selects the offending cell of a table that was read', async () => {
    const book = bookWithTables(5);
    const host = createExcelHost({ run: book.run, settings: memorySettings() });
    await host.readSource('table:Mentors');
    await host.reveal!({ source: 'Mentors', row: 4, column: 'email address' });
    expect(book.selectedAddress()).toBe('Signups!C4');
  });

  it('selects the whole row when the problem names no column', async () => {
    const book = bookWithTables(5);
    const host = createExcelHost({ run: book.run, settings: memorySettings() });
    await host.readSource('table:Mentors');
    await host.reveal!({ source: 'Mentors', row: 3 });
    expect(book.selectedAddress()).toBe('Signups!A3:D3');
  });
});
