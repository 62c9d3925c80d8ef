import { describe, expect, it } from 'vitest';
import { summariseList } from './read-warning.js';

describe('summariseList', () => {
  it('joins a few items in words', () => {
    expect(summariseList([])).toBe('');
    expect(summariseList(['row 3'])).toBe('row 3');
    expect(summariseList(['row 3', 'row 7', 'row 9'])).toBe('row 3, row 7 and row 9');
  });

  it('shows the first few and counts the rest', () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => String(i + 1));
    expect(summariseList(rows)).toBe('1, 2, 3, 4, 5 and 999,995 more');
    expect(summariseList(['a', 'b', 'c', 'd'], 2)).toBe('a, b and 2 more');
  });
});
