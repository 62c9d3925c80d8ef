import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { anyCell, tableOf } from '../test/arbitraries.js';
import type { Cell } from './table.js';
import { listXlsxSheets, readXlsx } from './xlsx-read.js';
import { writeXlsx } from './xlsx-write.js';

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

const people = {
  header: ['name', 'note', 'score'],
  rows: [
    ['Ada', '=1+2', 3],
    ['Bob', '+1234', -3],
  ] as Cell[][],
};

describe('writeXlsx', () => {
  it('writes the parts of a minimal workbook', () => {
    expect(Object.keys(parts(writeXlsx([{ name: 'People', table: people }]))).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/tables/table1.xml',
      'xl/workbook.xml',
      'xl/worksheets/_rels/sheet1.xml.rels',
      'xl/worksheets/sheet1.xml',
    ]);
  });

  it('gives byte-identical workbooks for the same tables, whenever it runs', () => {
    const sheets = [{ name: 'Pairs', table: { header: ['mentor', 'mentee'], rows: [['a@x', 'b@y']] } }];
    // The clock is moved, not waited for: zip entry times have 2 s resolution, so a writer that
    // stamped the current time would differ between these two dates.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2024-01-01T09:00:00Z'));
      const first = writeXlsx(sheets);
      vi.setSystemTime(new Date('2026-06-30T17:45:10Z'));
      expect(Buffer.from(writeXlsx(sheets)).equals(Buffer.from(first))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('puts [Content_Types].xml first in the zip', () => {
    expect(Object.keys(unzipSync(writeXlsx([{ name: 'People', table: people }])))[0]).toBe('[Content_Types].xml');
  });

  it('writes formula-like text as an inline string with the text style, never as a formula', () => {
    const sheet = parts(writeXlsx([{ name: 'People', table: people }]))['xl/worksheets/sheet1.xml'];
    expect(sheet).toContain('<c r="B2" t="inlineStr" s="2"><is><t xml:space="preserve">=1+2</t></is></c>');
    expect(sheet).toContain('<c r="B3" t="inlineStr" s="2"><is><t xml:space="preserve">+1234</t></is></c>');
    expect(sheet).not.toContain('<f>');
  });

  it('writes numbers as numbers and the header in the bold text style', () => {
    const sheet = parts(writeXlsx([{ name: 'People', table: people }]))['xl/worksheets/sheet1.xml'];
    expect(sheet).toContain('<c r="C3"><v>-3</v></c>');
    expect(sheet).toContain('<c r="A1" t="inlineStr" s="1">');
    const styles = parts(writeXlsx([{ name: 'People', table: people }]))['xl/styles.xml'];
    expect(styles).toContain('<font><b/>');
    expect(styles).toContain('<xf numFmtId="49" fontId="1"');
  });

  it('makes each sheet with a header and rows an Excel table with a filter', () => {
    const table = parts(writeXlsx([{ name: 'People', table: people }]))['xl/tables/table1.xml'];
    expect(table).toContain('name="People" displayName="People" ref="A1:C3"');
    expect(table).toContain('<autoFilter ref="A1:C3"/>');
    expect(table).toContain('<tableColumn id="2" name="note"/>');
  });

  it('writes no table for a sheet with a header but no rows', () => {
    const files = parts(writeXlsx([{ name: 'Empty', table: { header: ['a'], rows: [] } }]));
    expect(Object.keys(files)).not.toContain('xl/tables/table1.xml');
    expect(files['xl/worksheets/sheet1.xml']).not.toContain('tableParts');
  });

  it('writes a plain filter instead of a table when header names repeat ignoring case', () => {
    const files = parts(writeXlsx([{ name: 'S', table: { header: ['a', 'A'], rows: [['1', '2']] } }]));
    expect(Object.keys(files)).not.toContain('xl/tables/table1.xml');
    expect(files['xl/worksheets/sheet1.xml']).toContain('<autoFilter ref="A1:B2"/>');
  });

  it('freezes the header row', () => {
    expect(parts(writeXlsx([{ name: 'P', table: people }]))['xl/worksheets/sheet1.xml']).toContain(
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
    );
  });

  it('writes the column widths given, and text-formats the columns asked for', () => {
    const sheet = parts(writeXlsx([{ name: 'P', table: people, columnWidths: [20, 30, 5], textColumns: [1] }]))[
      'xl/worksheets/sheet1.xml'
    ];
    expect(sheet).toContain('<col min="1" max="1" width="20" customWidth="1"/>');
    expect(sheet).toContain('<col min="2" max="2" width="30" customWidth="1" style="2"/>');
  });

  it('estimates column widths from the content when none are given', () => {
    const sheet = parts(writeXlsx([{ name: 'P', table: { header: ['id'], rows: [['a'.repeat(30)]] } }]))[
      'xl/worksheets/sheet1.xml'
    ];
    expect(sheet).toContain('<col min="1" max="1" width="31" customWidth="1"/>');
  });

  it('makes sheet names valid and unique', () => {
    const bytes = writeXlsx([
      { name: 'Pairs: [2025]/a*b?', table: people },
      { name: 'pairs: [2025]/a*b?', table: people },
      { name: 'A very long sheet name that Excel would refuse', table: people },
      { name: '', table: people },
      { name: 'History', table: people },
    ]);
    expect(listXlsxSheets(bytes)).toEqual([
      'Pairs_ _2025__a_b_',
      'pairs_ _2025__a_b_ (2)',
      'A very long sheet name that Exc',
      'Sheet',
      'History_',
    ]);
  });

  it('gives every table a valid, unique name', () => {
    const files = parts(
      writeXlsx([
        { name: 'A1', table: people },
        { name: 'a1', table: people },
        { name: '2025 pairs', table: people },
      ]),
    );
    expect(files['xl/tables/table1.xml']).toContain('name="Table_A1"');
    expect(files['xl/tables/table2.xml']).toContain('name="a1__2_"');
    expect(files['xl/tables/table3.xml']).toContain('name="Table_2025_pairs"');
  });

  it('rejects a workbook without sheets', () => {
    expect(() => writeXlsx([])).toThrow('a workbook needs at least one sheet');
  });

  it('rejects a cell that is not a Cell, naming it', () => {
    expect(() => writeXlsx([{ name: 'S', table: { header: ['a'], rows: [[Infinity]] } }])).toThrow(
      'sheets[0].table: rows[0][0] is Infinity',
    );
  });

  it('is read back by readXlsx as the same tables, on every sheet', () => {
    const bytes = writeXlsx([
      { name: 'People', table: people },
      { name: 'Flags', table: { header: ['ok'], rows: [[true], [false], [null]] } },
    ]);
    expect(readXlsx(bytes, { source: 'out.xlsx' }).rows).toEqual(people.rows);
    expect(readXlsx(bytes, { source: 'out.xlsx', sheet: 'Flags' }).rows).toEqual([[true], [false]]);
  });

  it('round-trips any table of text, numbers and booleans through readXlsx', () => {
    fc.assert(
      fc.property(tableOf(anyCell), (table) => {
        const read = readXlsx(writeXlsx([{ name: 'T', table }]), { source: 't.xlsx' });
        // A sheet has no end marker, so blank rows after the last value are not part of it.
        const expected = table.rows.map((row) => row.map((cell) => (cell === '' ? null : cell)));
        while (expected.length > 0 && expected[expected.length - 1].every((cell) => cell === null)) expected.pop();
        expect(read.header).toEqual(table.header);
        expect(read.rows).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
