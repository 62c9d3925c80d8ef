// sameAsJson against its definition: the two values' JSON.stringify texts, over random plain data
// built to be alike (half of the pairs are one value and a changed copy of it).
import { describe, expect, it } from 'vitest';
import { sameAsJson } from './same-json.js';

let seed = 5;
const random = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;

const leaves = [
  0,
  -0,
  1,
  2.5,
  Number.NaN,
  Infinity,
  -Infinity,
  '',
  'a',
  'b',
  '0',
  'null',
  true,
  false,
  null,
  undefined,
];

function value(depth: number): unknown {
  const kind = depth > 3 ? 0 : random(4);
  if (kind === 0 || kind === 1) return leaves[random(leaves.length)];
  if (kind === 2) return Array.from({ length: random(4) }, () => value(depth + 1));
  const object: Record<string, unknown> = {};
  for (let k = random(4); k > 0; k--) object[['id', 'partners', 'x', 'y'][random(4)]] = value(depth + 1);
  return object;
}

/** A copy of `v` with at most one change somewhere (or none), keys kept in order unless changed. */
function changed(v: unknown): unknown {
  if (Array.isArray(v)) {
    const copy = v.map((item) => (random(3) === 0 ? changed(item) : item));
    if (random(8) === 0) copy.push(value(3));
    return copy;
  }
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v).map(([key, item]) => [key, random(3) === 0 ? changed(item) : item] as const);
    if (random(8) === 0) entries.reverse();
    return Object.fromEntries(entries);
  }
  return random(2) === 0 ? v : leaves[random(leaves.length)];
}

describe('sameAsJson', () => {
  it('agrees with comparing JSON.stringify texts on 20,000 pairs of alike values', () => {
    let same = 0;
    for (let n = 0; n < 20_000; n++) {
      const a = value(0);
      const b = random(2) === 0 ? changed(a) : value(0);
      const expected = JSON.stringify(a) === JSON.stringify(b);
      if (expected) same++;
      expect(sameAsJson(a, b), `${JSON.stringify(a)} against ${JSON.stringify(b)}`).toBe(expected);
    }
    // Both answers occur often, so that each is tested.
    expect(same).toBeGreaterThan(2_000);
    expect(same).toBeLessThan(18_000);
  });

  it('tells apart key order, a key left out and null, and a hole and null in an array', () => {
    expect(sameAsJson({ a: 1, b: 1 }, { b: 1, a: 1 })).toBe(false);
    expect(sameAsJson({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameAsJson({ a: undefined }, {})).toBe(true);
    expect(sameAsJson({ a: null }, {})).toBe(false);
    expect(sameAsJson([undefined], [null])).toBe(true);
    expect(sameAsJson([Number.NaN], [null])).toBe(true);
    expect(sameAsJson(-0, 0)).toBe(true);
  });
});
