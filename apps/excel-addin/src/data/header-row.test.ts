import { describe, expect, it } from 'vitest';
import { detectHeaderRow } from './header-row.js';

describe('detectHeaderRow', () => {
  it('takes the first row when it holds the column names', () => {
    expect(detectHeaderRow([['name', 'email'], ['Ada', 'ada@x.org']])).toBe(0);
  });

  it('skips a title and a blank line above the column names', () => {
    const rows = [['Mentor sign-ups 2026', null, null], [null, null, null], ['first name', 'email', 'grade'], ['Ada', 'a@x', 'SEO']];
    expect(detectHeaderRow(rows)).toBe(2);
  });

  it('falls back to the first row when no row has two labels', () => {
    expect(detectHeaderRow([[1, 2], [3, 4]])).toBe(0);
  });
});
