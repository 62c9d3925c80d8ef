import { describe, expect, it } from 'vitest';
import { createRandom, weightedTable } from './random.js';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const draws = (r: ReturnType<typeof createRandom>) => Array.from({ length: 20 }, () => r.next());
    expect(draws(b)).toEqual(draws(a));
  });

  it('stays in [0, 1)', () => {
    const r = createRandom(3);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('picks by weight', () => {
    const r = createRandom(5);
    const table = weightedTable([
      ['rare', 1],
      ['common', 9],
    ] as const);
    let common = 0;
    for (let i = 0; i < 10_000; i++) if (r.pickWeighted(table) === 'common') common++;
    expect(common / 10_000).toBeGreaterThan(0.87);
    expect(common / 10_000).toBeLessThan(0.93);
  });
});
