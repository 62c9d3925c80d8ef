import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerNames, tableOf, textCell, withoutTrailingBlankRows } from '../test/arbitraries.js';
import { readCsv } from './csv-read.js';
import { writeCsv } from './csv-write.js';
import type { Cell } from './table.js';
import { escapeFormula, unescapeFormula } from './formula-escape.js';

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

  it.each([
    '=1+2',
    '@SUM(A1)',
    '@handle',
    '\tx',
    '\rx',
    '-2+3',
    '+A1',
    '- none',
    "-cmd|'/c calc'!A0",
    '+',
    '-',
    '+(1)',
    '-1e5',
  ])('escapes the text %j, which a spreadsheet would evaluate', (value) => {
    expect(writeCsv({ header: ['v'], rows: [[value]] }, { bom: false })).toBe(`v\r\n"'${value}"\r\n`);
  });

  it.each(['+44 7700 900123', '-5', '-3.5', '+1,000', '+1234', '0-5', 'a=b', 'x@example.org'])(
    'leaves the text %j as typed: a signed plain number or no trigger at the start',
    (value) => {
      expect(writeCsv({ header: ['v'], rows: [[value]] }, { bom: false })).toBe(
        `v\r\n${value.includes(',') ? `"${value}"` : value}\r\n`,
      );
    },
  );

  it('escapes exactly what a plain reading of the rule says Excel would evaluate, reversibly', () => {
    // The rule from its documentation, written without the code's regular expressions.
    const evaluated = (text: string) => {
      const first = text.charAt(0);
      if ('=@\t\r'.includes(first) && first !== '') return true;
      if (first !== '+' && first !== '-') return false;
      const rest = text.slice(1);
      const plainNumber =
        rest.length > 0 &&
        rest[0] >= '0' &&
        rest[0] <= '9' &&
        [...rest].every((c) => (c >= '0' && c <= '9') || ' .,'.includes(c));
      return !plainNumber;
    };
    const unit = fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '1', '9', ' ', '.', ',', 'a', '(');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 8 }), (value) => {
        const escaped = escapeFormula(value);
        expect(evaluated(escaped)).toBe(false);
        expect(escaped === value).toBe(!evaluated(value.replace(/^'+/, '')));
        expect(unescapeFormula(escaped)).toBe(value);
      }),
      { numRuns: 2000 },
    );
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

  it('writes formula-like text as is when the defence is turned off (GOV.UK Notify upload lists)', () => {
    expect(
      writeCsv({ header: ['v'], rows: [['=1+2'], ['@handle'], ['-2+3']] }, { bom: false, escapeFormulas: false }),
    ).toBe('v\r\n=1+2\r\n@handle\r\n-2+3\r\n');
  });

  it('uses another delimiter when asked', () => {
    expect(writeCsv({ header: ['a', 'b'], rows: [['x;y', '1']] }, { bom: false, delimiter: ';' })).toBe(
      'a;b\r\n"x;y";1\r\n',
    );
  });

  it('rejects a row wider than the header, naming it', () => {
    expect(() => writeCsv({ header: ['a'], rows: [['1', '2']] })).toThrow(
      'rows[0] has 2 cells but the header has 1 columns',
    );
  });

  it('rejects a cell that is not a Cell, naming it', () => {
    expect(() => writeCsv({ header: ['a'], rows: [[Number.NaN]] })).toThrow('rows[0][0] is NaN');
  });

  it('names every kind of bad cell and row, wherever it is', () => {
    const bad = (rows: unknown[]) => () => writeCsv({ header: ['a', 'b'], rows: rows as Cell[][] });
    expect(
      bad([
        ['x', 'y'],
        ['x', Infinity],
      ]),
    ).toThrow('writeCsv: rows[1][1] is Infinity; a cell must be');
    expect(bad([['x', { v: 1 }]])).toThrow('writeCsv: rows[0][1] is an object;');
    expect(bad([['x', undefined]])).toThrow('writeCsv: rows[0][1] is undefined;');
    expect(bad([['x'], 'x,y'])).toThrow('writeCsv: rows[1] is a string, not an array.');
    expect(() => writeCsv({ header: ['a', 7 as unknown as string], rows: [] })).toThrow(
      'writeCsv: header[1] is 7, not a string.',
    );
  });

  it('writes a short row with blank cells, and an empty table as its header line', () => {
    expect(writeCsv({ header: ['a', 'b', 'c'], rows: [['x'], [], [null, 2]] }, { bom: false })).toBe(
      'a,b,c\r\nx,,\r\n,,\r\n,2,\r\n',
    );
    expect(writeCsv({ header: ['a'], rows: [] })).toBe('\uFEFFa\r\n');
    expect(writeCsv({ header: [], rows: [] }, { bom: false })).toBe('\r\n');
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
      fc.property(
        tableOf(textCell),
        fc.constantFrom(',', ';', '\t') as fc.Arbitrary<',' | ';' | '\t'>,
        (table, delimiter) => {
          const bytes = new TextEncoder().encode(writeCsv(table, { escapeFormulas: false, delimiter }));
          const read = readCsv(bytes, { source: 't.csv', delimiter });
          expect(read.header).toEqual(table.header);
          expect(read.rows).toEqual(withoutTrailingBlankRows(table.rows));
        },
      ),
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
