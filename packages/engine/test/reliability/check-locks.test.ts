// checkTables reports what matchTables would stop on: a locked pair naming someone absent, or a pair
// the rules exclude, fails the check as well as the match.
import { describe, expect, it } from 'vitest';
import { checkTables, getPreset, matchTables } from '../../src/index.js';
import { solver } from '../solver.js';

const header = ['first name', 'email address', 'grade', 'organisation', 'profession'];
const table = (source: string, rows: string[][]) => ({ source, header, rows, headerRow: 1, firstColumn: 0 });
const input = {
  kind: 'two-tables' as const,
  mentors: table('mentors.csv', [['Ada', 'ada@x.org', 'Grade 7', 'Org A', 'P']]),
  mentees: table('mentees.csv', [
    ['Bo', 'bo@x.org', 'HEO', 'Org B', 'P'],
    ['Cy', 'cy@x.org', 'HEO', 'Org A', 'P'],
  ]),
};

describe('checkTables and locked pairs', () => {
  it.each([
    ['a lock naming someone absent', { mentor: 'ada@x.org', mentee: 'nobody@x.org' }, 'locked-pair-unknown-person'],
    ['a lock the rules exclude', { mentor: 'ada@x.org', mentee: 'cy@x.org' }, 'locked-pair-not-eligible'],
  ])('%s fails the check as it fails the match', (_, lock, code) => {
    const preset = getPreset('mentor-match');
    const ruleSet = { ...preset, rules: preset.rules.filter((r) => r.id === 'same-organisation'), lockedPairs: [lock] };
    const matched = matchTables(input, { ruleSet, solver });
    expect(matched.ok).toBe(false);
    expect(matched.problems.map((p) => p.code)).toContain(code);
    const checked = checkTables(input, { ruleSet });
    expect(checked.problems.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual([code]);
  });
});
