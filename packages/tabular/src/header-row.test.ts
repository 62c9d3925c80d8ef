import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectHeaderRow } from './header-row.js';
import type { Cell } from './table.js';

describe('detectHeaderRow', () => {
  it('takes the first row when it has several values', () => {
    expect(
      detectHeaderRow([
        ['name', 'email'],
        ['Ada', 'a@x'],
      ]),
    ).toBe(0);
  });

  it('skips a title and a blank line above the header', () => {
    expect(
      detectHeaderRow([
        ['Mentor sign-ups 2026', null, null],
        [null, null, null],
        ['name', 'email', 'grade'],
        ['Ada', 'a@x', 'HEO'],
      ]),
    ).toBe(2);
  });

  it('skips up to five title or note rows, not more', () => {
    const notes = (n: number): Cell[][] => Array.from({ length: n }, (_, i) => [`note ${i}`, null]);
    expect(detectHeaderRow([...notes(5), ['name', 'email'], ['Ada', 'a@x']])).toBe(5);
    expect(detectHeaderRow([...notes(6), ['name', 'email'], ['Ada', 'a@x']])).toBe(0);
  });

  it('keeps the first row when the candidate below it is mostly numbers or has nothing below it', () => {
    expect(detectHeaderRow([['ids'], [1, 2, 'x'], [3, 4, 'y']])).toBe(0);
    expect(
      detectHeaderRow([
        ['name', null],
        ['Ada', 'x'],
      ]),
    ).toBe(0);
  });

  it('reads a one-column list from its first row', () => {
    expect(detectHeaderRow([['email'], ['a@x'], ['b@x']])).toBe(0);
  });

  it('never passes over a row with two or more values, and only goes down to one that is mostly text', () => {
    const cell: fc.Arbitrary<Cell> = fc.oneof(
      fc.constant(null),
      fc.constantFrom('name', 'email', 'Ada', '12', '2024-01-02', ' '),
      fc.integer(),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 25 }), (rows) => {
        const found = detectHeaderRow(rows);
        const values = (row: readonly Cell[]) =>
          row.filter((c) => c !== null && !(typeof c === 'string' && c.trim() === '')).length;
        const firstNonBlank = rows.findIndex((row) => values(row) > 0);
        for (let r = 0; r < found; r++) expect(values(rows[r])).toBeLessThanOrEqual(1);
        if (firstNonBlank < 0) expect(found).toBe(0);
        if (firstNonBlank >= 0 && found > firstNonBlank) {
          const labels = new Set(
            rows[found]
              .filter((c): c is string => typeof c === 'string' && /[a-z]/i.test(c))
              .map((c) => c.toLowerCase()),
          );
          expect(labels.size).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: 500 },
    );
  });
});
