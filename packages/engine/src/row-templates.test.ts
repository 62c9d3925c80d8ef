import { describe, expect, it } from 'vitest';
import { person } from '../test/input-fixtures.js';
import { presets } from './rules/presets.js';
import type { RuleSet, RuleSetInput } from './rules/schema.js';
import { parseRuleSet } from './rules/schema.js';
import { rowTemplates } from './row-templates.js';

function ruleSet(input: Partial<RuleSetInput>): RuleSet {
  const parsed = parseRuleSet({ version: 1, name: 'Test', rules: [], ...input });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return parsed.ruleSet;
}

const sameOrg = {
  id: 'org',
  label: 'Same org',
  kind: 'exclude',
  when: { type: 'same', mentor: 'org', mentee: 'org' },
} as const;
const sameProfession = {
  id: 'prof',
  label: 'Same profession',
  kind: 'score',
  points: 5,
  when: { type: 'same', mentor: 'prof', mentee: 'prof' },
} as const;
const mentees = (rows: Record<string, string>[]) => rows.map((fields, i) => person('mentee', i, fields));

describe('rowTemplates', () => {
  it('groups mentees alike in every field but those only an exclusion reads, in template order', () => {
    const rules = ruleSet({ rules: [sameOrg, sameProfession] });
    const people = mentees([
      { org: 'A', prof: 'x' },
      { org: 'B', prof: 'y' },
      { org: 'C', prof: 'x' },
      { org: 'A', prof: 'y' },
      { org: 'D', prof: 'x' },
    ]);
    const templates = rowTemplates(rules, people)!;
    expect([...templates.ownExclusions]).toEqual(['org']);
    expect([...templates.templateOf]).toEqual([0, 1, 0, 1, 0]);
    expect(templates.count).toBe(2);
    expect([...templates.order]).toEqual([0, 2, 4, 1, 3]);
  });

  it('keeps an exclusion in the template when another rule reads its mentee field', () => {
    const scoredOrg = {
      ...sameProfession,
      id: 'org-score',
      when: { type: 'same', mentor: 'org', mentee: 'org' },
    } as const;
    const rules = ruleSet({ rules: [sameOrg, sameProfession, scoredOrg] });
    expect(
      rowTemplates(
        rules,
        mentees([
          { org: 'A', prof: 'x' },
          { org: 'B', prof: 'x' },
          { org: 'C', prof: 'x' },
        ]),
      ),
    ).toBeNull();
  });

  it('finds the fields of nested conditions, and leaves out mentees with no room', () => {
    const nested = {
      id: 'n',
      label: 'Nested',
      kind: 'exclude',
      when: {
        type: 'all',
        of: [{ type: 'not', condition: { type: 'equals', side: 'mentee', column: 'site', value: 'x' } }],
      },
    } as const;
    const rules = ruleSet({ rules: [nested, sameProfession] });
    const people = [
      person('mentee', 0, { site: 'x', prof: 'p' }),
      person('mentee', 1, { site: 'y', prof: 'p' }, { capacity: 0 }),
      person('mentee', 2, { site: 'z', prof: 'p' }),
      person('mentee', 3, { site: 'x', prof: 'p' }),
    ];
    const templates = rowTemplates(rules, people)!;
    expect([...templates.ownExclusions]).toEqual(['n']);
    expect([...templates.templateOf]).toEqual([0, -1, 0, 0]);
    expect([...templates.order]).toEqual([0, 2, 3]);
  });

  it('is not used when an exclusion reads only mentor fields, or when nearly every row is its own', () => {
    const mentorOnly = {
      id: 'm',
      label: 'Mentor only',
      kind: 'exclude',
      when: { type: 'equals', side: 'mentor', column: 'org', value: 'A' },
    } as const;
    const people = mentees([
      { org: 'A', prof: 'x' },
      { org: 'B', prof: 'x' },
      { org: 'C', prof: 'x' },
    ]);
    expect(rowTemplates(ruleSet({ rules: [mentorOnly, sameProfession] }), people)).toBeNull();
    const distinct = mentees([
      { org: 'A', prof: 'x' },
      { org: 'B', prof: 'y' },
      { org: 'C', prof: 'z' },
    ]);
    expect(rowTemplates(ruleSet({ rules: [sameOrg, sameProfession] }), distinct)).toBeNull();
  });

  it('takes the organisation rule of the Mentor Match preset as a row’s own', () => {
    expect([...(rowTemplates(presets['mentor-match'], mentees(Array(4).fill({})))?.ownExclusions ?? [])]).toEqual([
      'same-organisation',
    ]);
  });
});
