import { describe, expect, it } from 'vitest';
import { maxPairs, sizeProblem } from './limits.js';

describe('sizeProblem', () => {
  it('accepts 5,000 × 5,000', () => {
    expect(sizeProblem(5_000, 5_000)).toBeNull();
  });

  it('refuses more pairs than the pane can score, saying how many and what to do', () => {
    const message = sizeProblem(10_000, maxPairs / 10_000 + 1);
    expect(message).toMatch(/10,000 mentors/);
    expect(message).toMatch(/command-line tool/);
  });
});
