import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '@mentor-matcher/tabular';
import { person } from '../test/input-fixtures.js';
import type { Participant, Progress } from './model.js';
import type { Condition, RuleSet, RuleSetInput } from './rules/schema.js';
import { parseRuleSet } from './rules/schema.js';
import { scorePairs } from './scoring.js';
import { INELIGIBLE, isEligiblePair, pairScore } from './score-codes.js';

function ruleSet(input: Partial<RuleSetInput>): RuleSet {
  const parsed = parseRuleSet({ version: 1, name: 'Test', rules: [], ...input });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return parsed.ruleSet;
}

const scoreOnly = (when: Condition, extra: Partial<RuleSetInput> = {}) =>
  ruleSet({ rules: [{ id: 'r', label: 'Rule', kind: 'score', when, points: 5 }], ...extra });

/** score[mentee][mentor] for eligible pairs, null for ineligible ones. */
function grid(mentors: Participant[], mentees: Participant[], rules: RuleSet): (number | null)[][] {
  const matrix = scorePairs(mentors, mentees, rules);
  return mentees.map((_, i) =>
    mentors.map((_, j) =>
      isEligiblePair(matrix, i * mentors.length + j) ? pairScore(matrix, i * mentors.length + j) : null,
    ),
  );
}

const mentorsWith = (field: string, values: Cell[]) => values.map((v, i) => person('mentor', i, { [field]: v }));
const menteesWith = (field: string, values: Cell[]) => values.map((v, i) => person('mentee', i, { [field]: v }));

describe('scorePairs: conditions', () => {
  it('same: compares values ignoring case and spacing, blanks never equal', () => {
    const rules = scoreOnly({ type: 'same', mentor: 'org', mentee: 'org' });
    expect(grid(mentorsWith('org', ['Dept A', 'dept  a ', null]), menteesWith('org', ['DEPT A', '']), rules)).toEqual([
      [5, 5, 0],
      [0, 0, 0],
    ]);
  });

  it('same: compares columns with different names on each side', () => {
    const mentors = [person('mentor', 0, { 'home team': 'X' })];
    const mentees = [person('mentee', 0, { 'wanted team': 'x' })];
    expect(grid(mentors, mentees, scoreOnly({ type: 'same', mentor: 'home team', mentee: 'wanted team' }))).toEqual([
      [5],
    ]);
  });

  it('different: true only when both values are present and differ', () => {
    const rules = scoreOnly({ type: 'different', mentor: 'org', mentee: 'org' });
    expect(grid(mentorsWith('org', ['A', 'B', null]), menteesWith('org', ['a', null]), rules)).toEqual([
      [0, 5, 0],
      [0, 0, 0],
    ]);
  });

  it('gap on a ladder: mentor rank − mentee rank, with aliases and unknown values never matching', () => {
    const rules = scoreOnly(
      { type: 'gap', mentor: 'grade', mentee: 'grade', ladder: 'g', equals: 1 },
      { ladders: { g: ['Low', 'Mid', 'High'] }, ladderAliases: { g: { M: 'Mid' } } },
    );
    expect(
      grid(mentorsWith('grade', ['Mid', 'high', 'm', 'Top']), menteesWith('grade', ['LOW', 'Mid', 'Nope']), rules),
    ).toEqual([
      [5, 0, 5, 0],
      [0, 5, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('gap on numbers: at least and at most bound the difference', () => {
    const rules = scoreOnly({ type: 'gap', mentor: 'years', mentee: 'years', atLeast: -1, atMost: 2 });
    expect(grid(mentorsWith('years', [1, '3', 5, 'many']), menteesWith('years', [2]), rules)).toEqual([[5, 5, 0, 0]]);
  });

  it('overlap: a single value against a list column', () => {
    const rules = scoreOnly({ type: 'overlap', mentor: 'traits', mentee: 'wanted', menteeSeparator: null });
    expect(
      grid(
        mentorsWith('traits', ['Gay, Non-binary', 'Transgender', '']),
        menteesWith('wanted', ['non-binary', 'Gay, Transgender']),
        rules,
      ),
    ).toEqual([
      [5, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('overlap: two list columns with a configurable separator', () => {
    const rules = scoreOnly({
      type: 'overlap',
      mentor: 'langs',
      mentee: 'langs',
      mentorSeparator: ';',
      menteeSeparator: ';',
    });
    expect(
      grid(
        mentorsWith('langs', ['Welsh; English', 'French']),
        menteesWith('langs', ['english;Gaelic', 'German']),
        rules,
      ),
    ).toEqual([
      [5, 0],
      [0, 0],
    ]);
  });

  it('overlap: splits on a line break', () => {
    const rules = scoreOnly({
      type: 'overlap',
      mentor: 'skills',
      mentee: 'skills',
      mentorSeparator: '\n',
      menteeSeparator: '\n',
    });
    expect(
      grid(
        mentorsWith('skills', ['Coaching\nData  analysis']),
        menteesWith('skills', ['data analysis', 'Coaching data']),
        rules,
      ),
    ).toEqual([[5], [0]]);
  });

  it('overlap: works with more distinct values than one 32-bit word', () => {
    const values = Array.from({ length: 40 }, (_, i) => `v${i}`);
    const rules = scoreOnly({ type: 'overlap', mentor: 'tags', mentee: 'tags' });
    const scores = grid(
      mentorsWith('tags', [values.slice(0, 20).join(','), values.slice(20).join(',')]),
      menteesWith('tags', ['v39']),
      rules,
    );
    expect(scores).toEqual([[0, 5]]);
  });

  it('equals: a column on either side equal to a given value', () => {
    const mentors = [person('mentor', 0, { senior: 'Yes' }), person('mentor', 1, { senior: 'no' })];
    const mentees = [person('mentee', 0, { keen: ' YES' }), person('mentee', 1, { keen: null })];
    const rules = ruleSet({
      rules: [
        {
          id: 'senior',
          label: 'Senior',
          kind: 'score',
          when: { type: 'equals', side: 'mentor', column: 'senior', value: 'yes' },
          points: 1,
        },
        {
          id: 'keen',
          label: 'Keen',
          kind: 'score',
          when: { type: 'equals', side: 'mentee', column: 'keen', value: 'yes' },
          points: 10,
        },
      ],
    });
    expect(grid(mentors, mentees, rules)).toEqual([
      [11, 10],
      [1, 0],
    ]);
  });

  it('all, any and not combine conditions', () => {
    const mentors = mentorsWith('x', ['a', 'b', 'c']).map((p, i) => ({
      ...p,
      fields: { ...p.fields, y: i === 2 ? 'on' : 'off' },
    }));
    const mentees = menteesWith('x', ['a']);
    const rules = ruleSet({
      rules: [
        {
          id: 'all',
          label: 'All',
          kind: 'score',
          points: 1,
          when: {
            type: 'all',
            of: [
              { type: 'different', mentor: 'x', mentee: 'x' },
              { type: 'equals', side: 'mentor', column: 'y', value: 'on' },
            ],
          },
        },
        {
          id: 'any',
          label: 'Any',
          kind: 'score',
          points: 10,
          when: {
            type: 'any',
            of: [
              { type: 'same', mentor: 'x', mentee: 'x' },
              { type: 'equals', side: 'mentor', column: 'y', value: 'on' },
            ],
          },
        },
        {
          id: 'not',
          label: 'Not',
          kind: 'score',
          points: 100,
          when: { type: 'not', condition: { type: 'same', mentor: 'x', mentee: 'x' } },
        },
      ],
    });
    expect(grid(mentors, mentees, rules)).toEqual([[10, 100, 111]]);
  });
});

describe('scorePairs: eligibility', () => {
  const mentors = mentorsWith('org', ['A', 'B', 'C']);
  const mentees = menteesWith('org', ['A', 'B']);

  it('an exclusion rule makes the pairs where it holds ineligible', () => {
    const rules = ruleSet({
      rules: [
        {
          id: 'org',
          label: 'Same organisation',
          kind: 'exclude',
          when: { type: 'same', mentor: 'org', mentee: 'org' },
        },
      ],
    });
    expect(grid(mentors, mentees, rules)).toEqual([
      [null, 0, 0],
      [0, null, 0],
    ]);
  });

  it('never pairs a person with themself (same id on both sides)', () => {
    const both = [person('mentor', 0, {}, { id: 'cat@x.org' }), person('mentor', 1, {})];
    const asMentee = [person('mentee', 0, {}, { id: 'cat@x.org' })];
    expect(grid(both, asMentee, ruleSet({}))).toEqual([[null, 0]]);
  });

  it('marks forbidden pairs ineligible, matching ids without regard to case', () => {
    const rules = ruleSet({ forbiddenPairs: [{ mentor: 'MENTOR.2@example.org', mentee: 'mentee.0@example.org' }] });
    expect(grid(mentors, mentees, rules)).toEqual([
      [0, 0, null],
      [0, 0, 0],
    ]);
  });

  it('names the same exclusions alone as in an explanation, with more exclusion rules than a mask holds', () => {
    // 30 rules, more than the 26 bits excludedBy keys its shared lists by: every pair is asked.
    const rules = ruleSet({
      rules: Array.from({ length: 30 }, (_, k) => ({
        id: `x${k}`,
        label: `X${k}`,
        kind: 'exclude' as const,
        when:
          k % 2 === 0
            ? { type: 'same' as const, mentor: 'org', mentee: 'org' }
            : { type: 'different' as const, mentor: 'org', mentee: 'org' },
      })),
      minScore: 1,
    });
    const matrix = scorePairs(mentors, mentees, rules);
    for (let i = 0; i < mentees.length; i++) {
      for (let j = 0; j < mentors.length; j++) {
        expect(matrix.excludedBy(i, j)).toEqual(matrix.explainPair(i, j).excludedBy);
        expect(matrix.excludedBy(i, j).length).toBeGreaterThanOrEqual(15);
      }
    }
  });

  it('marks pairs under the minimum score ineligible', () => {
    const rules = scoreOnly({ type: 'same', mentor: 'org', mentee: 'org' }, { minScore: 1 });
    expect(grid(mentors, mentees, rules)).toEqual([
      [5, null, null],
      [null, 5, null],
    ]);
  });

  it('marks pairs with a capacity-0 person ineligible', () => {
    const zero = [mentors[0], { ...mentors[1], capacity: 0 }, mentors[2]];
    expect(grid(zero, [mentees[0], { ...mentees[1], capacity: 0 }], ruleSet({}))).toEqual([
      [0, null, 0],
      [null, null, null],
    ]);
  });
});

describe('scorePairs: explanations', () => {
  const rules = ruleSet({
    rules: [
      { id: 'org', label: 'Same organisation', kind: 'exclude', when: { type: 'same', mentor: 'org', mentee: 'org' } },
      {
        id: 'prof',
        label: 'Same profession',
        kind: 'score',
        when: { type: 'same', mentor: 'prof', mentee: 'prof' },
        points: 10,
      },
      {
        id: 'any',
        label: 'Anyone',
        kind: 'score',
        when: { type: 'not', condition: { type: 'same', mentor: 'none', mentee: 'none' } },
        points: 1,
      },
    ],
    forbiddenPairs: [{ mentor: 'mentor.1@example.org', mentee: 'mentee.0@example.org' }],
  });
  const mentors = [
    person('mentor', 0, { org: 'A', prof: 'P' }),
    person('mentor', 1, { org: 'B', prof: 'P' }),
    person('mentor', 2, { org: 'C', prof: 'Q' }),
  ];
  const mentees = [person('mentee', 0, { org: 'A', prof: 'P' })];
  const matrix = scorePairs(mentors, mentees, rules);

  it("explainPair lists each score rule's contribution and the total", () => {
    expect(matrix.explainPair(0, 2)).toEqual({
      eligible: true,
      excludedBy: [],
      contributions: [{ ruleId: 'any', label: 'Anyone', points: 1 }],
      score: 1,
    });
  });

  it('explainPair names every reason an ineligible pair is excluded', () => {
    expect(matrix.explainPair(0, 0)).toMatchObject({ eligible: false, excludedBy: ['org'], score: 11 });
    expect(matrix.explainPair(0, 1)).toMatchObject({ eligible: false, excludedBy: ['forbidden-pair'], score: 11 });
  });

  it('exclusionCounts counts, per exclusion, the partners it removes', () => {
    expect(matrix.exclusionCounts('mentee', 0)).toEqual([
      { ruleId: 'org', label: 'Same organisation', count: 1 },
      { ruleId: 'forbidden-pair', label: 'Forbidden pair', count: 1 },
    ]);
    expect(matrix.exclusionCounts('mentor', 2)).toEqual([]);
  });

  it('explainPair rejects an index outside the matrix', () => {
    expect(() => matrix.explainPair(1, 0)).toThrow(RangeError);
  });
});

describe('scorePairs: reusing arrays', () => {
  const mentors = mentorsWith('org', ['A', 'B']);
  const mentees = menteesWith('org', ['A']);
  const exclude = ruleSet({
    rules: [
      { id: 'org', label: 'Same organisation', kind: 'exclude', when: { type: 'same', mentor: 'org', mentee: 'org' } },
    ],
  });
  const score = scoreOnly({ type: 'same', mentor: 'org', mentee: 'org' });

  it("refills an earlier matrix's codes of the same size, clearing what was there", () => {
    const first = scorePairs(mentors, mentees, score);
    expect(Array.from(first.codes, (code) => first.scoreOfCode[code])).toEqual([5, 0]);
    const second = scorePairs(mentors, mentees, exclude, { reuse: first });
    expect(second.codes).toBe(first.codes);
    expect(Array.from(second.codes, (code) => code !== INELIGIBLE)).toEqual([false, true]);
    expect(pairScore(second, 1)).toBe(0);
  });

  it('allocates new codes when the earlier ones are of another size', () => {
    const small = scorePairs(mentors.slice(0, 1), mentees, score);
    expect(scorePairs(mentors, mentees, score, { reuse: small }).codes).not.toBe(small.codes);
  });

  it('allocates wider codes when the earlier ones are too narrow for the new scores', () => {
    const narrow = scorePairs(mentors, mentees, score);
    const manyScores = ruleSet({ rules: manyRules(9) });
    const wide = scorePairs(mentors, mentees, manyScores, { reuse: narrow });
    expect(wide.codes).not.toBe(narrow.codes);
    expect(wide.codes).toBeInstanceOf(Uint16Array);
  });
});

/** `count` scoring rules on column `c${r}` worth 2^r points: 2^count different scores. */
function manyRules(count: number): RuleSetInput['rules'] {
  return Array.from({ length: count }, (_, r) => ({
    id: `r${r}`,
    label: `Rule ${r}`,
    kind: 'score' as const,
    when: { type: 'same' as const, mentor: `c${r}`, mentee: `c${r}` },
    points: 2 ** r,
  }));
}

describe('scorePairs: pair codes', () => {
  /** Person i has column c<r> = "x" exactly where bit r of `bits(i)` is set; others differ per side. */
  const numbered = (role: 'mentor' | 'mentee', count: number, rules: number, bits: (i: number) => number = (i) => i) =>
    Array.from({ length: count }, (_, i) =>
      person(
        role,
        i,
        Object.fromEntries(Array.from({ length: rules }, (_, r) => [`c${r}`, (bits(i) >> r) & 1 ? 'x' : role])),
      ),
    );
  const everyBit = () => -1;

  it('keeps one byte per pair while the rule set has at most 255 different scores', () => {
    const eight = scorePairs(
      numbered('mentor', 256, 8),
      numbered('mentee', 1, 8, everyBit),
      ruleSet({ rules: manyRules(8) }),
    );
    // Scores 0..255 are 256 values: one more than a byte's 255 non-zero codes.
    expect(eight.codes).toBeInstanceOf(Uint16Array);
    expect(Array.from(eight.codes, (code) => eight.scoreOfCode[code])).toEqual(
      Array.from({ length: 256 }, (_, j) => j),
    );
    const seven = scorePairs(
      numbered('mentor', 128, 7),
      numbered('mentee', 1, 7, everyBit),
      ruleSet({ rules: manyRules(7) }),
    );
    expect(seven.codes).toBeInstanceOf(Uint8Array);
    expect(Array.from(seven.codes, (code) => seven.scoreOfCode[code])).toEqual(
      Array.from({ length: 128 }, (_, j) => j),
    );
  });

  it('codes scores in ascending order, and a minimum score makes the pairs under it ineligible', () => {
    const matrix = scorePairs(
      numbered('mentor', 8, 3),
      numbered('mentee', 1, 3, everyBit),
      ruleSet({ rules: manyRules(3), minScore: 3 }),
    );
    expect(Array.from(matrix.scoreOfCode).slice(1)).toEqual([3, 4, 5, 6, 7]);
    expect(Array.from({ length: 8 }, (_, j) => (isEligiblePair(matrix, j) ? pairScore(matrix, j) : null))).toEqual([
      null,
      null,
      null,
      3,
      4,
      5,
      6,
      7,
    ]);
  });

  it('scores rule sets with more weighted rules than can be tabulated, pair by pair', () => {
    const rules = 20;
    const mentors = numbered('mentor', 40, rules, (j) => j * 26_107);
    const mentees = numbered('mentee', 3, rules, (i) => (i + 1) * 349_525);
    const matrix = scorePairs(mentors, mentees, ruleSet({ rules: manyRules(rules), minScore: 2 }));
    let eligible = 0;
    mentees.forEach((mentee, i) =>
      mentors.forEach((mentor, j) => {
        let expected = 0;
        for (let r = 0; r < rules; r++)
          if (mentor.fields?.[`c${r}`] === 'x' && mentee.fields?.[`c${r}`] === 'x') expected += 2 ** r;
        const k = i * mentors.length + j;
        expect(isEligiblePair(matrix, k)).toBe(expected >= 2);
        if (expected >= 2) expect(pairScore(matrix, k)).toBe(expected);
        if (expected >= 2) eligible++;
      }),
    );
    expect(eligible).toBeGreaterThan(60);
  });
});

describe('scorePairs: progress and cancelling', () => {
  const mentors = mentorsWith(
    'x',
    Array.from({ length: 10 }, () => 'a'),
  );
  const mentees = menteesWith(
    'x',
    Array.from({ length: 600 }, () => 'a'),
  );

  it('reports scoring progress from 0 to 1', () => {
    const seen: Progress[] = [];
    scorePairs(mentors, mentees, ruleSet({}), { onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.fraction)).toEqual([0, 256 / 600, 512 / 600, 1]);
    expect(seen.every((p) => p.phase === 'scoring')).toBe(true);
  });

  it("stops with the signal's reason when the signal aborts", () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const run = () =>
      scorePairs(mentors, mentees, ruleSet({}), {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.fraction > 0) controller.abort(reason);
        },
      });
    expect(run).toThrow(reason);
  });
});

// A deliberately plain evaluator, written from the README's semantics and sharing no code with
// src/rules/evaluation.ts, to check the encoded, row-wise scoring against.
const ladderSteps = ['L1', 'L2', 'L3', 'L4'];
const text = (cell: Cell) => (cell === null ? '' : String(cell).trim().replace(/\s+/g, ' ').toLowerCase());
function naiveNumber(cell: Cell, ladder: string | undefined): number {
  if (ladder !== undefined) {
    const key = text(cell).replace(/[^a-z0-9]/g, '');
    if (key === 'one') return 0;
    const index = ladderSteps.findIndex((step) => step.toLowerCase() === key);
    return index < 0 ? Number.NaN : index;
  }
  if (typeof cell === 'number') return cell;
  if (typeof cell !== 'string' || cell.trim() === '') return Number.NaN;
  return Number(cell.trim());
}
const naiveList = (cell: Cell, separator: string | null) =>
  separator === null
    ? [text(cell)].filter((v) => v)
    : (cell === null ? '' : String(cell))
        .split(separator)
        .map((v) => text(v))
        .filter((v) => v);
// `compare: "exact"`: the text as written, a blank cell being the empty text.
const asWritten = (cell: Cell) => (cell === null ? '' : String(cell));
const exactList = (cell: Cell, separator: string | null) =>
  (separator === null ? [asWritten(cell)] : asWritten(cell).split(separator)).filter((v) => v !== '');
const field = (p: Participant, name: string): Cell => p.fields?.[name] ?? null;

function naiveHolds(c: Condition, mentor: Participant, mentee: Participant): boolean {
  switch (c.type) {
    case 'same':
    case 'different': {
      if (c.compare === 'exact')
        return (asWritten(field(mentor, c.mentor)) === asWritten(field(mentee, c.mentee))) === (c.type === 'same');
      const a = text(field(mentor, c.mentor));
      const b = text(field(mentee, c.mentee));
      return a !== '' && b !== '' && (a === b) === (c.type === 'same');
    }
    case 'gap': {
      const gap = naiveNumber(field(mentor, c.mentor), c.ladder) - naiveNumber(field(mentee, c.mentee), c.ladder);
      if (Number.isNaN(gap)) return false;
      return (
        (c.equals === undefined || gap === c.equals) &&
        (c.atLeast === undefined || gap >= c.atLeast) &&
        (c.atMost === undefined || gap <= c.atMost)
      );
    }
    case 'overlap': {
      if (c.compare === 'exact') {
        const offered = exactList(field(mentor, c.mentor), c.mentorSeparator === undefined ? ',' : c.mentorSeparator);
        return exactList(field(mentee, c.mentee), c.menteeSeparator === undefined ? ',' : c.menteeSeparator).some((v) =>
          offered.includes(v),
        );
      }
      const wanted = naiveList(field(mentee, c.mentee), c.menteeSeparator === undefined ? ',' : c.menteeSeparator);
      const offered = naiveList(field(mentor, c.mentor), c.mentorSeparator === undefined ? ',' : c.mentorSeparator);
      return wanted.some((v) => offered.includes(v));
    }
    case 'equals':
      if (c.compare === 'exact')
        return asWritten(field(c.side === 'mentor' ? mentor : mentee, c.column)) === asWritten(c.value);
      return text(field(c.side === 'mentor' ? mentor : mentee, c.column)) === text(c.value);
    case 'all':
      return c.of.every((child) => naiveHolds(child, mentor, mentee));
    case 'any':
      return c.of.some((child) => naiveHolds(child, mentor, mentee));
    case 'not':
      return !naiveHolds(c.condition, mentor, mentee);
  }
}

const cellArb = fc.constantFrom<Cell>(
  null,
  '',
  'a',
  'A ',
  'b',
  'a, b',
  'b,c',
  'a,b',
  ' b',
  'L1',
  'l2',
  'L3',
  ' L4',
  'one',
  'zz',
  '1',
  '2',
  3,
  0,
  'yes',
  'YES',
  'no',
);
const columns = ['c1', 'c2', 'c3'];
const columnArb = fc.constantFrom(...columns);
const compareArb = fc.constantFrom('loose' as const, 'exact' as const);
const leafArb: fc.Arbitrary<Condition> = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom('same' as const, 'different' as const),
      mentor: columnArb,
      mentee: columnArb,
      compare: compareArb,
    },
    { requiredKeys: ['type', 'mentor', 'mentee'] },
  ),
  fc.record(
    {
      type: fc.constant('gap' as const),
      mentor: columnArb,
      mentee: columnArb,
      ladder: fc.constantFrom('lad', undefined),
      equals: fc.integer({ min: -3, max: 3 }),
      atLeast: fc.integer({ min: -3, max: 3 }),
      atMost: fc.integer({ min: -3, max: 3 }),
    },
    { requiredKeys: ['type', 'mentor', 'mentee', 'atLeast'] },
  ),
  fc.record(
    {
      type: fc.constant('overlap' as const),
      mentor: columnArb,
      mentee: columnArb,
      mentorSeparator: fc.constantFrom(',', ', ', null),
      menteeSeparator: fc.constantFrom(',', null),
      compare: compareArb,
    },
    { requiredKeys: ['type', 'mentor', 'mentee', 'mentorSeparator', 'menteeSeparator'] },
  ),
  fc.record(
    {
      type: fc.constant('equals' as const),
      side: fc.constantFrom('mentor' as const, 'mentee' as const),
      column: columnArb,
      value: fc.constantFrom('a', 'yes', 'YES', 3),
      compare: compareArb,
    },
    { requiredKeys: ['type', 'side', 'column', 'value'] },
  ),
);
const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true, maxDepth: 7 },
    leafArb,
    fc.record({
      type: fc.constantFrom('all' as const, 'any' as const),
      of: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ type: fc.constant('not' as const), condition: tie('condition') }),
  ),
})).condition;
const ruleArb = fc.record({
  kind: fc.constantFrom('exclude' as const, 'score' as const),
  when: conditionArb,
  points: fc.integer({ min: 0, max: 20 }),
});
const peopleArb = (role: 'mentor' | 'mentee') =>
  fc
    .array(
      fc.record({ c1: cellArb, c2: cellArb, c3: cellArb, same: fc.boolean(), capacity: fc.constantFrom(0, 1, 2, 2) }),
      { minLength: 0, maxLength: 7 },
    )
    .map((rows) =>
      rows.map(({ same, capacity, ...fields }, i) =>
        person(role, i, fields, { capacity, ...(same ? { id: `both.${i}@x.org` } : {}) }),
      ),
    );

/** Every pair's eligibility, score, explanation and counts, as the plain evaluator has them. */
function expectPlainEvaluation(
  mentors: Participant[],
  mentees: Participant[],
  rawRules: { kind: 'exclude' | 'score'; when: Condition; points: number }[],
  minScore: number | null,
): void {
  const rules = ruleSet({
    ladders: { lad: ladderSteps },
    ladderAliases: { lad: { one: 'L1' } },
    rules: rawRules.map((r, i) =>
      r.kind === 'score'
        ? { id: `r${i}`, label: `R${i}`, kind: 'score', when: r.when, points: r.points }
        : { id: `r${i}`, label: `R${i}`, kind: 'exclude', when: r.when },
    ),
    forbiddenPairs:
      mentors.length > 0 && mentees.length > 0
        ? [{ mentor: mentors[0].id, mentee: mentees[mentees.length - 1].id }]
        : [],
    ...(minScore === null ? {} : { minScore }),
  });
  const matrix = scorePairs(mentors, mentees, rules);
  mentees.forEach((mentee, i) =>
    mentors.forEach((mentor, j) => {
      const score = rules.rules.reduce(
        (sum, r) => (r.kind === 'score' && naiveHolds(r.when, mentor, mentee) ? sum + r.points : sum),
        0,
      );
      const excluded = rules.rules
        .filter((r) => r.kind === 'exclude' && naiveHolds(r.when, mentor, mentee))
        .map((r) => r.id);
      const eligible =
        excluded.length === 0 &&
        mentor.id !== mentee.id &&
        !(j === 0 && i === mentees.length - 1) &&
        mentor.capacity > 0 &&
        mentee.capacity > 0 &&
        (minScore === null || score >= minScore);
      expect(isEligiblePair(matrix, i * mentors.length + j)).toBe(eligible);
      if (eligible) expect(pairScore(matrix, i * mentors.length + j)).toBe(score);
      const explained = matrix.explainPair(i, j);
      expect(explained.score).toBe(score);
      expect(explained.eligible).toBe(eligible);
      expect(explained.excludedBy.filter((id) => id.startsWith('r'))).toEqual(excluded);
      // The exclusions alone: the explanation's, built-in ones and the minimum score included.
      expect(matrix.excludedBy(i, j)).toEqual(explained.excludedBy);
      expect(matrix.excludedBy(i, j).length === 0).toBe(eligible);
    }),
  );
  const eligibleIn = (pairs: number[]) => pairs.filter((k) => isEligiblePair(matrix, k)).length;
  const keys = (count: number, key: (k: number) => number) => Array.from({ length: count }, (_, k) => key(k));
  mentees.forEach((_, i) =>
    expect(matrix.eligibleCountByMentee[i]).toBe(eligibleIn(keys(mentors.length, (j) => i * mentors.length + j))),
  );
  mentors.forEach((_, j) =>
    expect(matrix.eligibleCountByMentor[j]).toBe(eligibleIn(keys(mentees.length, (i) => i * mentors.length + j))),
  );
}

describe('scorePairs agrees with a plain evaluator', () => {
  it('on random tables and rule sets', () => {
    fc.assert(
      fc.property(
        peopleArb('mentor'),
        peopleArb('mentee'),
        fc.array(ruleArb, { maxLength: 5 }),
        fc.option(fc.integer({ min: 0, max: 25 })),
        expectPlainEvaluation,
      ),
      { numRuns: 300 },
    );
  });

  it('when rows share a template: mentees alike but in a column only one exclusion reads', () => {
    // Mentees take one of two profiles in c1..c3 and any value in c4; an exclusion compares c4 (or
    // a condition on it), which no other rule reads, so most rows are worked out from a template.
    const profileArb = fc.record({ c1: cellArb, c2: cellArb, c3: cellArb });
    const ownExclusionArb = fc.record({
      kind: fc.constant('exclude' as const),
      when: fc.oneof(
        fc.constantFrom<Condition>(
          { type: 'same', mentor: 'c4', mentee: 'c4' },
          { type: 'different', mentor: 'c1', mentee: 'c4', compare: 'exact' },
          { type: 'overlap', mentor: 'c4', mentee: 'c4', mentorSeparator: ',', menteeSeparator: ',' },
          { type: 'not', condition: { type: 'equals', side: 'mentee', column: 'c4', value: 'a' } },
        ),
      ),
      points: fc.constant(0),
    });
    fc.assert(
      fc.property(
        peopleArb('mentor').map((mentors) =>
          mentors.map((m, i) => ({ ...m, fields: { ...m.fields, c4: ['a', 'b', null][i % 3] } })),
        ),
        fc.tuple(profileArb, profileArb),
        fc.array(fc.record({ profile: fc.nat(1), c4: cellArb, capacity: fc.constantFrom(0, 1, 2) }), {
          minLength: 3,
          maxLength: 12,
        }),
        // ruleArb's conditions read c1..c3 only.
        fc.array(ruleArb, { maxLength: 4 }),
        ownExclusionArb,
        fc.nat(4),
        fc.option(fc.integer({ min: 0, max: 25 })),
        (mentors, profiles, rows, others, own, at, minScore) => {
          const mentees = rows.map((row, i) =>
            person('mentee', i, { ...profiles[row.profile], c4: row.c4 }, { capacity: row.capacity }),
          );
          const rules = [...others];
          rules.splice(Math.min(at, rules.length), 0, own);
          expectPlainEvaluation(mentors, mentees, rules, minScore);
        },
      ),
      { numRuns: 300 },
    );
  });
});
