import { readXlsx, writeXlsx } from '@mentor-matcher/tabular';
import { describe, expect, it } from 'vitest';
import { detectHeaderRow } from './header-row.js';

describe('detectHeaderRow (the Excel range path)', () => {
  it('takes the first row when it holds the column names', () => {
    expect(
      detectHeaderRow([
        ['name', 'email'],
        ['Ada', 'ada@x.org'],
      ]),
    ).toBe(0);
  });

  it('skips a title and a blank line above the column names', () => {
    const rows = [
      ['Mentor sign-ups 2026', null, null],
      [null, null, null],
      ['first name', 'email', 'grade'],
      ['Ada', 'a@x', 'SEO'],
    ];
    expect(detectHeaderRow(rows)).toBe(2);
  });

  it('falls back to the first row when no row has two labels', () => {
    expect(
      detectHeaderRow([
        [1, 2],
        [3, 4],
      ]),
    ).toBe(0);
  });

  it('skips only rows of one value, as the file reader does: a first row of two values is the header', () => {
    // The old rule here skipped any top row with under 60% of the most labels, so this read row 2.
    const rows = [
      ['Sign-ups', 'draft'],
      ['first name', 'email address', 'grade', 'organisation'],
      ['Ada', 'ada@x.org', 'SEO', 'DfE'],
    ];
    expect(detectHeaderRow(rows)).toBe(0);
  });

  it('finds the same row as the page’s file reader for a sheet with a title line', () => {
    const rows = [
      ['Mentor sign-ups 2026', '', ''],
      ['first name', 'email address', 'grade'],
      ['Ada', 'ada@x.org', 'SEO'],
    ];
    const bytes = writeXlsx([{ name: 'Mentors', table: { header: rows[0], rows: rows.slice(1) } }]);
    const table = readXlsx(bytes, { source: 'mentors.xlsx', headerRow: 'auto' });
    expect(table.headerRow).toBe(detectHeaderRow(rows.map((r) => r.map((c) => c || null))) + 1);
    expect(table.header).toEqual(rows[1]);
  });
});
