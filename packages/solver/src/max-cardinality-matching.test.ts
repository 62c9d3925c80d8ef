import { describe, expect, it } from 'vitest';
import { maxCardinalityMatching } from './max-cardinality-matching.js';

describe('maxCardinalityMatching', () => {
  it('finds a perfect matching that needs augmenting paths through taken columns', () => {
    // Greedy gives row 0 column 0 and strands row 1; the augmenting path reroutes row 0.
    const allowed = [
      [1, 1, 0],
      [1, 0, 0],
      [0, 1, 1],
    ];
    expect(maxCardinalityMatching(3, 3, (i, j) => allowed[i][j] === 1)).toBe(3);
  });

  it('counts the pairs that rows sharing one column can get', () => {
    expect(maxCardinalityMatching(4, 3, (_, j) => j === 1)).toBe(1);
  });

  it('handles empty sides', () => {
    expect(maxCardinalityMatching(0, 5, () => true)).toBe(0);
    expect(maxCardinalityMatching(5, 0, () => true)).toBe(0);
  });
});
