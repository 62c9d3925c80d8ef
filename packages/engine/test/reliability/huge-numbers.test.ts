// Numbers too large for JSON's double (1e999 parses as Infinity) are named as such, not as "null".
import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../../src/index.js';

describe('huge numbers in a rule set', () => {
  it('says a number that overflows is too large', () => {
    const parsed = parseRuleSet('{"version":1,"name":"x","rules":[],"minScore":1e999}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems.map((p) => p.message)).toEqual([
        'minScore: expected a number, got Infinity (a number too large to use)',
      ]);
  });

  it('says a finite number over the limit is over the limit', () => {
    const parsed = parseRuleSet(
      '{"version":1,"name":"x","rules":[{"id":"a","label":"A","kind":"score","points":1e308,"when":{"type":"same","mentor":"g","mentee":"g"}}]}',
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0].message).toMatch(/^rules\[0\]\.points: .*at most 1000000/);
  });
});
