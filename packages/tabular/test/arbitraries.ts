// fast-check generators of tables shaped like what the readers return: unique trimmed header names,
// rows as wide as the header, cells that include quotes, line breaks, separators, leading = + - @ ',
// and any Unicode (astral characters included).
import fc from 'fast-check';
import type { Cell } from '../src/table.js';

const awkwardText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom(
      '"',
      ',',
      ';',
      '\t',
      '\r',
      '\n',
      '=',
      '+',
      '-',
      '@',
      "'",
      ' ',
      'a',
      'é',
      '😀',
      '_',
      'x',
      '0',
      'D',
    ),
    maxLength: 10,
  }),
  fc.constantFrom(
    '=1+2',
    '+1234',
    '-3',
    '@SUM(A1)',
    '=HYPERLINK("http://x","y")',
    "'=x",
    '_x000D_',
    '\t=x',
    '\r=x',
    '0012',
  ),
);

export const textCell: fc.Arbitrary<string | null> = awkwardText.map((s) => (s === '' ? null : s));

// Unique ignoring case and spacing, as the readers require.
export const headerNames = (minLength = 1) =>
  fc.uniqueArray(
    awkwardText.map((s) => s.trim()).filter((s) => s !== ''),
    { minLength, maxLength: 6, selector: (s) => s.toLowerCase().replace(/\s+/gu, '') },
  );

/** What a reader returns for `rows`: blank rows at the end are left out. */
export function withoutTrailingBlankRows<T>(rows: readonly (readonly T[])[]): (readonly T[])[] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((cell) => cell === null)) end--;
  return rows.slice(0, end);
}

export function tableOf(cell: fc.Arbitrary<Cell>) {
  return headerNames().chain((header) =>
    fc.record({
      header: fc.constant(header),
      rows: fc.array(fc.array(cell, { minLength: header.length, maxLength: header.length }), { maxLength: 8 }),
    }),
  );
}

export const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  textCell,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
