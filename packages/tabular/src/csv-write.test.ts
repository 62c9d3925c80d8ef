import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerNames, tableOf, textCell, withoutTrailingBlankRows } from '../test/arbitraries.js';
import { readCsv } from './csv-read.js';
import { writeCsv } from './csv-write.js';

describe('writeCsv', () => {
  it('starts with a byte-order mark and ends lines with CRLF', () => {
    expect(writeCsv({ header: ['a', 'b'], rows: [['1', null]] })).toBe('\uFEFFa,b\r\n1,\r\n');
  });

  it('leaves the byte-order mark out when asked', () => {
    expect(writeCsv({ header: ['a'], rows: [] }, { bom: false })).toBe('a\r\n');
  });

  it('quotes values with separators, quotes and line breaks, doubling quotes', () => {
    const csv = writeCsv({ header: ['v'], rows: [['a,b'], ['say "hi"'], ['two\nlines']] }, { bom: false });
    expect(csv).toBe('v\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n');
  });

  it.each(['=1+2', '+1234', '-3', '@SUM(A1)', '\tx', '\rx'])('escapes the text %j against formula injection', (value) => {
    expect(writeCsv({ header: ['v'], rows: [[value]] }, { bom: false })).toBe(`v\r\n"'${value}"\r\n`);
  });

  it('does not touch numbers, so -3 as a number stays -3', () => {
    expect(writeCsv({ header: ['v'], rows: [[-3], [1.5]] }, { bom: false })).toBe('v\r\n-3\r\n1.5\r\n');
  });

  it('writes booleans as TRUE and FALSE', () => {
    expect(writeCsv({ header: ['v'], rows: [[true], [false]] }, { bom: false })).toBe('v\r\nTRUE\r\nFALSE\r\n');
  });

  it('adds a quote to text that already starts with quotes before a trigger, so reading back is exact', () => {
    expect(writeCsv({ header: ['v'], rows: [["'=x"], ["'plain"]] }, { bom: false })).toBe(`v\r\n"''=x"\r\n'plain\r\n`);
  });

  it('writes formula-like text as is when the defence is turned off', () => {
    expect(writeCsv({ header: ['v'], rows: [['=1+2']] }, { bom: false, escapeFormulas: false })).toBe('v\r\n=1+2\r\n');
  });

  it('uses another delimiter when asked', () => {
    expect(writeCsv({ header: ['a', 'b'], rows: [['x;y', '1']] }, { bom: false, delimiter: ';' })).toBe('a;b\r\n"x;y";1\r\n');
  });

  it('rejects a row wider than the header, naming it', () => {
    expect(() => writeCsv({ header: ['a'], rows: [['1', '2']] })).toThrow('rows[0] has 2 cells but the header has 1 columns');
  });

  it('rejects a cell that is not a Cell, naming it', () => {
    expect(() => writeCsv({ header: ['a'], rows: [[Number.NaN]] })).toThrow('rows[0][0] is NaN');
  });

  it('round-trips any table of text through readCsv', () => {
    fc.assert(
      fc.property(tableOf(textCell), (table) => {
        const read = readCsv(writeCsv(table), { source: 't.csv', unescapeFormulas: true });
        expect(read.header).toEqual(table.header);
        expect(read.rows).toEqual(withoutTrailingBlankRows(table.rows));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips the bytes of any table of text without the formula defence', () => {
    fc.assert(
      fc.property(tableOf(textCell), fc.constantFrom(',', ';', '\t') as fc.Arbitrary<',' | ';' | '\t'>, (table, delimiter) => {
        const bytes = new TextEncoder().encode(writeCsv(table, { escapeFormulas: false, delimiter }));
        const read = readCsv(bytes, { source: 't.csv', delimiter });
        expect(read.header).toEqual(table.header);
        expect(read.rows).toEqual(withoutTrailingBlankRows(table.rows));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips any header through delimiter detection', () => {
    fc.assert(
      fc.property(headerNames(), (header) => {
        expect(readCsv(writeCsv({ header, rows: [] }), { source: 't.csv' }).header.length).toBe(header.length);
      }),
    );
  });
});
