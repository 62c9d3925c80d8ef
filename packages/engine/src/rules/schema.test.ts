import { describe, expect, it } from 'vitest';
import { MAX_RULES, parseRuleSet } from './schema.js';
import { presets } from './presets.js';

const minimal = () => ({
  version: 1,
  name: 'Test',
  rules: [
    {
      id: 'org',
      label: 'Same organisation',
      kind: 'exclude',
      when: { type: 'same', mentor: 'organisation', mentee: 'organisation' },
    },
    {
      id: 'prof',
      label: 'Same profession',
      kind: 'score',
      when: { type: 'same', mentor: 'profession', mentee: 'profession' },
      points: 10,
    },
    {
      id: 'grade',
      label: 'Grade',
      kind: 'score',
      when: { type: 'gap', mentor: 'grade', mentee: 'grade', atLeast: 1 },
      points: 5,
    },
  ],
});

const messages = (json: unknown) => {
  const result = parseRuleSet(json);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => p.message);
};

describe('parseRuleSet', () => {
  it('accepts a minimal rule set and fills in the defaults', () => {
    const result = parseRuleSet(minimal());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ruleSet.capacity).toEqual({ mentor: { default: 1 }, mentee: { default: 1 } });
    expect(result.ruleSet.lockedPairs).toEqual([]);
    expect(result.ruleSet.strategy.name).toBe('optimal');
  });

  it('accepts JSON text as well as parsed JSON', () => {
    expect(parseRuleSet(JSON.stringify(minimal())).ok).toBe(true);
  });

  it('accepts every preset written out as JSON and read back', () => {
    for (const preset of Object.values(presets))
      expect(parseRuleSet(JSON.stringify(preset))).toEqual({ ok: true, ruleSet: preset });
  });

  it('names the path of a non-numeric weight', () => {
    const json = minimal();
    (json.rules[2] as Record<string, unknown>).points = 'ten';
    expect(messages(json)).toEqual(['rules[2].points: expected a number, got "ten"']);
  });

  it('rejects a negative weight', () => {
    const json = minimal();
    json.rules[1].points = -3;
    expect(messages(json)[0]).toMatch(/^rules\[1\]\.points: expected points of 0 or more/);
  });

  it('rejects a huge weight', () => {
    const json = minimal();
    json.rules[1].points = 1e9;
    expect(messages(json)[0]).toMatch(/^rules\[1\]\.points: expected points of at most 1000000/);
  });

  it('names an unknown rule kind', () => {
    const json = minimal();
    (json.rules[0] as Record<string, unknown>).kind = 'prefer';
    expect(messages(json)).toEqual(['rules[0].kind: unknown rule kind "prefer" (expected "exclude" or "score")']);
  });

  it('names an unknown condition type deep inside a combinator', () => {
    const json = minimal();
    (json.rules[0] as Record<string, unknown>).when = {
      type: 'all',
      of: [{ type: 'same', mentor: 'a', mentee: 'b' }, { type: 'similar' }],
    };
    expect(messages(json)[0]).toMatch(/^rules\[0\]\.when\.of\[1\]\.type: unknown condition type "similar"/);
  });

  it('rejects unknown fields, so a misspelt "point" is not silently ignored', () => {
    const json = minimal();
    (json.rules[1] as Record<string, unknown>).point = 4;
    expect(messages(json)).toContain('rules[1]: unknown field "point"');
  });

  it('names an unknown strategy', () => {
    expect(messages({ ...minimal(), strategy: { name: 'greedy' } })).toEqual([
      'strategy.name: unknown strategy "greedy" (expected "rounds" or "optimal")',
    ]);
  });

  it('requires version 1', () => {
    expect(messages({ ...minimal(), version: 2 })).toEqual(['version: expected 1, got 2']);
  });

  it('reports a missing field', () => {
    const { name: _name, ...json } = minimal();
    expect(messages(json)).toEqual(['name: missing (expected a string)']);
  });

  it(`rejects more than ${MAX_RULES} rules without validating each`, () => {
    const rule = minimal().rules[1];
    const json = { ...minimal(), rules: Array.from({ length: MAX_RULES + 1 }, (_, i) => ({ ...rule, id: `r${i}` })) };
    expect(messages(json)).toEqual([`rules: expected at most ${MAX_RULES} rules, got ${MAX_RULES + 1}`]);
  });

  it('rejects conditions nested deeper than 8 levels', () => {
    let when: unknown = { type: 'same', mentor: 'a', mentee: 'a' };
    for (let i = 0; i < 9; i++) when = { type: 'not', condition: when };
    const json = { ...minimal(), rules: [{ id: 'deep', label: 'Deep', kind: 'exclude', when }] };
    expect(messages(json)[0]).toMatch(/conditions nested more than 8 levels deep/);
  });

  it('rejects absurdly deep JSON without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(messages({ ...minimal(), description: deep })[0]).toMatch(/nested more than 64 levels deep/);
  });

  it('rejects JSON text over 1 MB', () => {
    const text = JSON.stringify({ ...minimal(), description: 'x'.repeat(1_000_001) });
    expect(messages(text)[0]).toMatch(/larger than 1,000,000 characters/);
  });

  it('reports text that is not JSON', () => {
    expect(messages('{"version": 1,')[0]).toMatch(/^\(rule set\): not valid JSON/);
  });

  it('reports a rule set with a cycle instead of throwing', () => {
    const json: Record<string, unknown> = minimal();
    json.self = json;
    expect(() => parseRuleSet(json)).not.toThrow();
    expect(parseRuleSet(json).ok).toBe(false);
  });

  it('rejects two rules with the same id', () => {
    const json = minimal();
    json.rules[2].id = 'org';
    expect(messages(json)).toEqual(['rules[2].id: "org" is already the id of rules[0]']);
  });

  it('rejects a gap on a ladder that does not exist', () => {
    const json = minimal();
    (json.rules[2].when as Record<string, unknown>).ladder = 'band';
    expect(messages(json)).toEqual(['rules[2].when.ladder: no ladder named "band" (ladders: none)']);
  });

  it('rejects a gap condition without any bound', () => {
    const json = minimal();
    json.rules[2].when = { type: 'gap', mentor: 'grade', mentee: 'grade' } as never;
    expect(messages(json)).toEqual(['rules[2].when: a gap condition needs at least one of equals, atLeast, atMost']);
  });

  it('rejects an alias that points at no step of its ladder', () => {
    const json = { ...minimal(), ladders: { grade: ['A', 'B'] }, ladderAliases: { grade: { a1: 'C' } } };
    expect(messages(json)).toEqual(['ladderAliases.grade["a1"]: "C" is not a step of ladder "grade"']);
  });

  it('rejects a pair that is both locked and forbidden', () => {
    const pair = { mentor: 'a@x.org', mentee: 'b@x.org' };
    expect(
      messages({ ...minimal(), lockedPairs: [pair], forbiddenPairs: [{ mentor: 'A@x.org', mentee: 'b@x.org' }] }),
    ).toEqual(['lockedPairs[0]: a@x.org with b@x.org is both locked and forbidden']);
  });

  it('reports problems as errors with a stable code', () => {
    const result = parseRuleSet({ ...minimal(), version: 'one' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]).toMatchObject({ severity: 'error', code: 'invalid-rule-set', column: 'version' });
  });
});
