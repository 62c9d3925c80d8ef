import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-read.js';
import { readError } from '../test/read-error.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const source = 'people.csv';

describe('readCsv', () => {
  it('reads a header and rows, keeping values as strings', () => {
    const table = readCsv(utf8('name,grade,age\nAda,HEO,007\n'), { source });
    expect(table).toEqual({
      source,
      header: ['name', 'grade', 'age'],
      rows: [['Ada', 'HEO', '007']],
      headerRow: 1,
      firstColumn: 0,
    });
  });

  it('skips a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('name\nZoë\n')]);
    expect(readCsv(bytes, { source }).header).toEqual(['name']);
    expect(readCsv(bytes, { source }).rows).toEqual([['Zoë']]);
  });

  it('skips a byte-order mark in a string', () => {
    expect(readCsv('\uFEFFname\nx', { source }).header).toEqual(['name']);
  });

  it('accepts CRLF, LF and CR line ends, even mixed', () => {
    const table = readCsv('a,b\r\n1,2\n3,4\r5,6', { source });
    expect(table.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const table = readCsv('bio,n\r\n"Hello, ""world""\r\nsecond line\nthird",1\r\n', { source });
    expect(table.rows).toEqual([['Hello, "world"\r\nsecond line\nthird', '1']]);
  });

  it('detects a semicolon-separated file', () => {
    expect(readCsv('a;b\n"x;y";2', { source }).rows).toEqual([['x;y', '2']]);
  });

  it('detects a tab-separated file', () => {
    expect(readCsv('a\tb\tc, d\n1\t2', { source }).header).toEqual(['a', 'b', 'c, d']);
  });

  it('uses the delimiter option over detection', () => {
    expect(readCsv('a;b,c\n1;2,3', { source, delimiter: ',' }).header).toEqual(['a;b', 'c']);
  });

  it('follows a "sep=" first line and numbers rows from the header after it', () => {
    const table = readCsv('sep=;\r\na;b\r\n1,5;2\r\n', { source });
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([['1,5', '2']]);
    expect(table.headerRow).toBe(2);
  });

  it('keeps blank rows as rows of nulls', () => {
    expect(readCsv('a,b\n1,2\n\n,\n3,4\n', { source }).rows).toEqual([
      ['1', '2'],
      [null, null],
      [null, null],
      ['3', '4'],
    ]);
  });

  it('pads short rows with nulls', () => {
    expect(readCsv('a,b,c\n1\n', { source }).rows).toEqual([['1', null, null]]);
  });

  it('ignores empty trailing fields beyond the header', () => {
    expect(readCsv('a,b\n1,2,,\n', { source }).rows).toEqual([['1', '2']]);
  });

  it('rejects a non-empty value beyond the header, naming row and column', () => {
    const error = readError(() => readCsv('a,b\n1,2\nx,y,z\n', { source }));
    expect(error.code).toBe('extra-values');
    expect(error.row).toBe(3);
    expect(error.column).toBe(2);
    expect(error.message).toContain('row 3');
    expect(error.message).toContain('column C');
  });

  it('trims header names but not values', () => {
    const table = readCsv(' name , grade\n  Ada  ,HEO', { source });
    expect(table.header).toEqual(['name', 'grade']);
    expect(table.rows).toEqual([['  Ada  ', 'HEO']]);
  });

  it('keeps characters after a closing quote', () => {
    expect(readCsv('a\n"x"y', { source }).rows).toEqual([['xy']]);
  });

  it('rejects an unterminated quote, naming the row where it opens', () => {
    const error = readError(() => readCsv('a,b\n1,"never closed\n2,3\n', { source }));
    expect(error.code).toBe('unterminated-quote');
    expect(error.row).toBe(2);
    expect(error.message).toContain('column B');
  });

  it('rejects duplicate header names, naming both columns', () => {
    const error = readError(() => readCsv('email,name,email\n', { source }));
    expect(error.code).toBe('duplicate-header');
    expect(error.message).toContain('"email" (column A and column C)');
  });

  it('rejects empty header names, naming the columns', () => {
    const error = readError(() => readCsv('name,,grade,,x\n', { source }));
    expect(error.code).toBe('empty-header');
    expect(error.message).toContain('column B, column D');
  });

  it('ignores unnamed columns at the right that hold no value, with one warning', () => {
    const table = readCsv('name,grade,,\nAda,HEO,,\nBob,,,\n', { source });
    expect(table.header).toEqual(['name', 'grade']);
    expect(table.rows).toEqual([
      ['Ada', 'HEO'],
      ['Bob', null],
    ]);
    expect(table.warnings?.map((w) => w.message)).toEqual([
      'people.csv: left out 2 empty columns at the right with no name (C–D).',
    ]);
  });

  it('still rejects an unnamed column at the right that holds a value, naming it', () => {
    const error = readError(() => readCsv('name,grade,\nAda,HEO,x\n', { source }));
    expect(error.code).toBe('empty-header');
    expect(error.message).toContain('column C');
  });

  it('reports an empty file', () => {
    const error = readError(() => readCsv(new Uint8Array(0), { source }));
    expect(error.code).toBe('empty');
    expect(error.message).toBe('people.csv is empty: it has no header row and no data.');
  });

  it('reports a file of only a byte-order mark and line breaks as empty', () => {
    expect(readError(() => readCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a]), { source })).code).toBe('empty');
  });

  it('reads a header-only file as a table with no rows', () => {
    const table = readCsv('a,b\r\n', { source });
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([]);
  });

  it('reports invalid UTF-8 in a file that is otherwise UTF-8 with row, column and byte offset', () => {
    const bytes = new Uint8Array([...utf8('name,org\r\nAda,"Dept\r\nof '), 0xe9, ...utf8('t"\r\nZoë,x\r\n')]);
    const error = readError(() => readCsv(bytes, { source }));
    expect(error.code).toBe('invalid-utf8');
    expect(error.row).toBe(2);
    expect(error.column).toBe(1);
    expect(error.byteOffset).toBe(24);
    expect(error.message).toContain('row 2, column B (byte 24)');
    expect(error.message).toContain('0xE9');
  });

  it('counts the byte-order mark in the byte offset of invalid UTF-8', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a\n'), 0xc3, 0x28, ...utf8('\né')]);
    const error = readError(() => readCsv(bytes, { source }));
    expect(error.byteOffset).toBe(5);
    expect(error.row).toBe(2);
    expect(error.column).toBe(0);
  });

  it('rejects an encoded surrogate, which is not valid UTF-8', () => {
    const bytes = new Uint8Array([...utf8('a,b\n1,'), 0xed, 0xa0, 0x80, ...utf8('\n2,é')]);
    const error = readError(() => readCsv(bytes, { source }));
    expect(error.byteOffset).toBe(6);
    expect(error.column).toBe(1);
  });

  it('accepts a 1 MB cell', () => {
    const long = 'x'.repeat(1024 * 1024);
    expect(readCsv(`bio\n"${long}"\n`, { source }).rows[0][0]).toHaveLength(1024 * 1024);
  });

  it('rejects a 10 MB cell by default, naming the cell', () => {
    const error = readError(() => readCsv(`a,bio\n1,${'x'.repeat(10 * 1024 * 1024)}\n`, { source }));
    expect(error.code).toBe('cell-too-long');
    expect(error.row).toBe(2);
    expect(error.message).toContain('column B');
  });

  it('rejects input over maxBytes before decoding it', () => {
    const error = readError(() => readCsv(utf8('a\n1\n2\n'), { source, maxBytes: 4 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('6 bytes');
  });

  it('rejects more rows than maxRows', () => {
    expect(readError(() => readCsv('a\n1\n2\n3\n', { source, maxRows: 2 })).code).toBe('too-many-rows');
  });

  it('accepts exactly maxRows rows', () => {
    expect(readCsv('a\n1\n2\n', { source, maxRows: 2 }).rows).toHaveLength(2);
  });

  it('rejects more columns than maxColumns', () => {
    expect(readError(() => readCsv('a,b,c\n', { source, maxColumns: 2 })).code).toBe('too-many-columns');
  });

  it('rejects invalid options, naming the option', () => {
    const error = readError(() => readCsv('a', { source, maxRows: -1 }));
    expect(error.code).toBe('invalid-options');
    expect(error.message).toContain('maxRows');
  });

  it('removes the formula escape only when asked', () => {
    const text = `a\r\n"'=1+2"\r\n'abc\r\n`;
    expect(readCsv(text, { source }).rows).toEqual([["'=1+2"], ["'abc"]]);
    expect(readCsv(text, { source, unescapeFormulas: true }).rows).toEqual([['=1+2'], ["'abc"]]);
  });

  it('reads the Mentor Match sample files', () => {
    const bytes = readFileSync(new URL('../../../examples/mentor-match-small/mentors.csv', import.meta.url));
    const table = readCsv(new Uint8Array(bytes), { source: 'mentors.csv' });
    expect(table.header).toContain('characteristics');
    expect(table.rows).toHaveLength(50);
    expect(table.rows.every((row) => row.length === table.header.length)).toBe(true);
  });
});
