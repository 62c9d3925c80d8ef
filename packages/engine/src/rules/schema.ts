// The rule set: everything that decides who may be paired and how well, as JSON data that a
// coordinator can edit, save with the workbook and re-run. One zod schema is the single source of
// truth for its shape; `parseRuleSet` adds the limits and cross-field checks a schema cannot express
// and turns every failure into an InputProblem that names the path (`rules[2].points: ...`).
import { z } from 'zod';
import type { InputProblem } from '../model.js';

/** The most alternates (best unchosen mentors) the optimal strategy may list per mentee. */
export const MAX_ALTERNATES = 20;

/** Largest rule set accepted, as JSON text: rule sets are hand-sized; anything bigger is a mistake or an attack. */
export const MAX_RULE_SET_BYTES = 1_000_000;
export const MAX_RULES = 500;
/** Deepest all/any/not nesting; real rules need two or three levels, and a bound keeps evaluation shallow. */
export const MAX_CONDITION_DEPTH = 8;
/** Largest |points|: keeps sums of many rules exact in a Float64 and far from the solver's sentinels. */
export const MAX_POINTS = 1_000_000;
const MAX_JSON_DEPTH = 64;
const MAX_LADDER_STEPS = 1_000;

/** A column reference: a logical field name, resolved to a header by the column mapping. */
const columnName = z.string().trim().min(1, 'expected a column name').max(200);
const separator = z.string().min(1).max(10).nullable();
const bound = z.number().finite().min(-MAX_POINTS).max(MAX_POINTS);
const compare = z.enum(['loose', 'exact']).optional();

/**
 * How text is compared (same, different, overlap, equals): "loose" (default) ignores case and
 * spacing and never counts a blank; "exact" compares the text as written, a blank equal to a blank.
 */
export type TextComparisonSetting = 'loose' | 'exact';

export type Condition =
  | { type: 'same'; mentor: string; mentee: string; compare?: TextComparisonSetting }
  | { type: 'different'; mentor: string; mentee: string; compare?: TextComparisonSetting }
  | {
      type: 'gap';
      mentor: string;
      mentee: string;
      /** Name of a ladder; omitted = the columns are numbers. The gap is mentor − mentee. */
      ladder?: string;
      equals?: number;
      atLeast?: number;
      atMost?: number;
    }
  | {
      type: 'overlap';
      mentor: string;
      mentee: string;
      /** How each side's cell splits into a list; null = the whole cell is one value. Default ",". */
      mentorSeparator?: string | null;
      menteeSeparator?: string | null;
      compare?: TextComparisonSetting;
    }
  | {
      type: 'equals';
      side: 'mentor' | 'mentee';
      column: string;
      value: string | number | boolean;
      compare?: TextComparisonSetting;
    }
  | { type: 'all'; of: Condition[] }
  | { type: 'any'; of: Condition[] }
  | { type: 'not'; condition: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('same'), mentor: columnName, mentee: columnName, compare }),
    z.strictObject({ type: z.literal('different'), mentor: columnName, mentee: columnName, compare }),
    z.strictObject({
      type: z.literal('gap'),
      mentor: columnName,
      mentee: columnName,
      ladder: z.string().min(1).optional(),
      equals: bound.optional(),
      atLeast: bound.optional(),
      atMost: bound.optional(),
    }),
    z.strictObject({
      type: z.literal('overlap'),
      mentor: columnName,
      mentee: columnName,
      mentorSeparator: separator.optional(),
      menteeSeparator: separator.optional(),
      compare,
    }),
    z.strictObject({
      type: z.literal('equals'),
      side: z.enum(['mentor', 'mentee']),
      column: columnName,
      value: z.union([z.string().max(1000), z.number().finite(), z.boolean()]),
      compare,
    }),
    z.strictObject({ type: z.literal('all'), of: z.array(conditionSchema).min(1).max(100) }),
    z.strictObject({ type: z.literal('any'), of: z.array(conditionSchema).min(1).max(100) }),
    z.strictObject({ type: z.literal('not'), condition: conditionSchema }),
  ]),
);

const ruleId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'expected an id of letters, digits, "-", "_" or "." (at most 64)');

export const ruleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: ruleId,
    label: z.string().min(1).max(200),
    kind: z.literal('exclude'),
    when: conditionSchema,
  }),
  z.strictObject({
    id: ruleId,
    label: z.string().min(1).max(200),
    kind: z.literal('score'),
    when: conditionSchema,
    points: z
      .number()
      .finite()
      .min(0, 'expected points of 0 or more (use an exclusion rule to forbid pairs)')
      .max(MAX_POINTS, `expected points of at most ${MAX_POINTS}`),
  }),
]);
export type Rule = z.infer<typeof ruleSchema>;

const capacitySide = z.strictObject({
  default: z.number().int().min(0).max(1000),
  /** Logical column holding each person's own capacity; blank cells take the default. */
  column: columnName.optional(),
});

export const strategySettingsSchema = z.discriminatedUnion('name', [
  z.strictObject({
    name: z.literal('rounds'),
    rounds: z.number().int().min(1).max(20).default(3),
    unmatchedBonus: z.number().finite().min(0).max(MAX_POINTS).default(6),
    /**
     * Which of several equally good assignments a round takes: "most-pairs" (absent = this) or
     * "reference", the one the reference system's Munkres step reaches (up to a size limit).
     */
    ties: z.enum(['most-pairs', 'reference']).optional(),
  }),
  z.strictObject({
    name: z.literal('optimal'),
    mentorCoverage: z.boolean().default(true),
    alternates: z.number().int().min(0).max(MAX_ALTERNATES).default(3),
  }),
]);

const pairById = z.strictObject({
  mentor: z.string().trim().min(1).max(320),
  mentee: z.string().trim().min(1).max(320),
});

const aliasText = z.string().trim().min(1).max(1000);
/** Field → variant → canonical value (aliases.ts). */
export const valueAliasesSchema = z.record(z.string().trim().min(1).max(200), z.record(aliasText, aliasText));

const columnOverrides = z.record(z.string().min(1).max(200), z.string().min(1).max(1000));

export const ruleSetSchema = z.strictObject({
  version: z.literal(1),
  name: z.string().min(1).max(200),
  description: z.string().max(10_000).optional(),
  /** Ordered steps, lowest first. */
  ladders: z
    .record(z.string().min(1).max(100), z.array(z.string().trim().min(1).max(200)).min(1).max(MAX_LADDER_STEPS))
    .default({}),
  /** Per ladder, other spellings of a step: `{ grade: { "7": "Grade 7" } }`. */
  ladderAliases: z
    .record(z.string().min(1).max(100), z.record(z.string().min(1).max(200), z.string().min(1).max(200)))
    .default({}),
  rules: z.array(ruleSchema).max(MAX_RULES, `expected at most ${MAX_RULES} rules`),
  capacity: z
    .strictObject({ mentor: capacitySide, mentee: capacitySide })
    .default({ mentor: { default: 1 }, mentee: { default: 1 } }),
  lockedPairs: z.array(pairById).max(100_000).default([]),
  forbiddenPairs: z.array(pairById).max(100_000).default([]),
  /** Pairs whose base score is below this are not eligible. */
  minScore: z.number().finite().min(-MAX_POINTS).max(MAX_POINTS).optional(),
  strategy: strategySettingsSchema.default({ name: 'optimal', mentorCoverage: true, alternates: 3 }),
  /**
   * Value aliases per field: variant → canonical value, read before any rule runs
   * (`{ "organisation": { "DWP": "Department for Work and Pensions" } }`).
   */
  aliases: valueAliasesSchema.optional(),
  /**
   * Column choices, field → header as written: for every table (`{ "grade": "Your grade" }`), or per
   * table kind (`{ "mentor": { ... }, "mentee": { ... }, "people": { ... } }`).
   */
  columns: z
    .union([
      z.strictObject({
        mentor: columnOverrides.optional(),
        mentee: columnOverrides.optional(),
        people: columnOverrides.optional(),
      }),
      columnOverrides,
    ])
    .optional(),
});

export type RuleSet = z.infer<typeof ruleSetSchema>;
/** What a person may write: defaults may be left out. */
export type RuleSetInput = z.input<typeof ruleSetSchema>;

export type ParseRuleSetResult = { ok: true; ruleSet: RuleSet } | { ok: false; problems: InputProblem[] };

/** `rules[2].when.of[0].mentor` */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text ? `.${key}` : key;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text || '(rule set)';
}

function problem(path: string, message: string, code = 'invalid-rule-set'): InputProblem {
  return { severity: 'error', code, message: `${path}: ${message}`, column: path };
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const found = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined) return `missing (expected ${article(issue.expected)})`;
      return `expected ${article(issue.expected)}, got ${describeValue(found)}`;
    case 'invalid_union': {
      // zod reports a bad discriminator at the discriminator field itself.
      const field = issue.path[issue.path.length - 1];
      if (field === 'kind') return `unknown rule kind ${describeValue(found)} (expected "exclude" or "score")`;
      if (field === 'type')
        return `unknown condition type ${describeValue(found)} (expected same, different, gap, overlap, equals, all, any or not)`;
      if (field === 'name') return `unknown strategy ${describeValue(found)} (expected "rounds" or "optimal")`;
      return issue.message;
    }
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(found)}`;
    default:
      return issue.message;
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  // JSON.parse reads 1e999 as Infinity, which JSON.stringify would show as "null".
  if (typeof value === 'number' && !Number.isFinite(value)) return `${value} (a number too large to use)`;
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Walks the raw input without recursion, before zod sees it, so that a hostile document (deep
 * nesting, huge arrays) fails with a message instead of a stack overflow or a long hang.
 */
function checkShape(input: unknown): InputProblem[] {
  const stack: { value: unknown; depth: number; path: PropertyKey[] }[] = [{ value: input, depth: 0, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_JSON_DEPTH)
      return [problem(formatPath(path), `nested more than ${MAX_JSON_DEPTH} levels deep`, 'rule-set-too-deep')];
    if (++nodes > 200_000)
      return [problem('(rule set)', 'too large (more than 200,000 objects and lists)', 'rule-set-too-large')];
    for (const [key, child] of Object.entries(value)) {
      stack.push({ value: child, depth: depth + 1, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
  return [];
}

function conditionDepthProblems(condition: unknown, path: PropertyKey[], depth: number): InputProblem[] {
  if (condition === null || typeof condition !== 'object') return [];
  const record = condition as Record<string, unknown>;
  const children: [unknown, PropertyKey[]][] = [];
  if ((record.type === 'all' || record.type === 'any') && Array.isArray(record.of)) {
    record.of.forEach((child, i) => children.push([child, [...path, 'of', i]]));
  } else if (record.type === 'not') {
    children.push([record.condition, [...path, 'condition']]);
  }
  if (children.length === 0) return [];
  if (depth >= MAX_CONDITION_DEPTH) {
    return [
      problem(formatPath(path), `conditions nested more than ${MAX_CONDITION_DEPTH} levels deep`, 'rule-set-too-deep'),
    ];
  }
  return children.flatMap(([child, childPath]) => conditionDepthProblems(child, childPath, depth + 1));
}

function visitConditions(condition: Condition, visit: (c: Condition) => void): void {
  visit(condition);
  if (condition.type === 'all' || condition.type === 'any') condition.of.forEach((c) => visitConditions(c, visit));
  if (condition.type === 'not') visitConditions(condition.condition, visit);
}

/** Cross-field checks: unique ids, ladders that exist, aliases that point at steps, gaps with a bound. */
function semanticProblems(ruleSet: RuleSet): InputProblem[] {
  const problems: InputProblem[] = [];
  const seenIds = new Map<string, number>();
  ruleSet.rules.forEach((rule, index) => {
    const earlier = seenIds.get(rule.id);
    if (earlier !== undefined)
      problems.push(problem(`rules[${index}].id`, `"${rule.id}" is already the id of rules[${earlier}]`));
    else seenIds.set(rule.id, index);
    const visitAt = (condition: Condition, path: string) => {
      if (condition.type === 'gap') {
        if (condition.equals === undefined && condition.atLeast === undefined && condition.atMost === undefined) {
          problems.push(problem(path, 'a gap condition needs at least one of equals, atLeast, atMost'));
        }
        if (condition.ladder !== undefined && !(condition.ladder in ruleSet.ladders)) {
          problems.push(
            problem(
              `${path}.ladder`,
              `no ladder named "${condition.ladder}" (ladders: ${Object.keys(ruleSet.ladders).join(', ') || 'none'})`,
            ),
          );
        }
      }
      if (condition.type === 'all' || condition.type === 'any')
        condition.of.forEach((c, i) => visitAt(c, `${path}.of[${i}]`));
      if (condition.type === 'not') visitAt(condition.condition, `${path}.condition`);
    };
    visitAt(rule.when, `rules[${index}].when`);
  });
  for (const [ladder, steps] of Object.entries(ruleSet.ladders)) {
    const seen = new Set<string>();
    steps.forEach((step, i) => {
      const key = step.toLowerCase();
      if (seen.has(key)) problems.push(problem(`ladders.${ladder}[${i}]`, `"${step}" appears twice`));
      seen.add(key);
    });
  }
  for (const [ladder, aliases] of Object.entries(ruleSet.ladderAliases)) {
    const steps = ruleSet.ladders[ladder];
    if (!steps) {
      problems.push(problem(`ladderAliases.${ladder}`, `no ladder named "${ladder}"`));
      continue;
    }
    for (const [alias, target] of Object.entries(aliases)) {
      if (!steps.includes(target))
        problems.push(
          problem(
            `ladderAliases.${ladder}[${JSON.stringify(alias)}]`,
            `"${target}" is not a step of ladder "${ladder}"`,
          ),
        );
    }
  }
  const forbidden = new Set(
    ruleSet.forbiddenPairs.map((p) => `${p.mentor.toLowerCase()}\u0000${p.mentee.toLowerCase()}`),
  );
  ruleSet.lockedPairs.forEach((pair, i) => {
    if (forbidden.has(`${pair.mentor.toLowerCase()}\u0000${pair.mentee.toLowerCase()}`)) {
      problems.push(problem(`lockedPairs[${i}]`, `${pair.mentor} with ${pair.mentee} is both locked and forbidden`));
    }
  });
  return problems;
}

/** A list column's separator: "," when not given; null (explicitly) = the whole cell is one value. */
export function separatorOf(separator: string | null | undefined): string | null {
  return separator === undefined ? ',' : separator;
}

/** A condition's text comparison: "loose" when not given. */
export function comparisonOf(condition: { compare?: TextComparisonSetting }): TextComparisonSetting {
  return condition.compare ?? 'loose';
}

/** Every column a rule set reads, per side (logical names). */
export function referencedColumns(ruleSet: RuleSet): { mentor: string[]; mentee: string[] } {
  const mentor = new Set<string>();
  const mentee = new Set<string>();
  for (const rule of ruleSet.rules) {
    visitConditions(rule.when, (c) => {
      if (c.type === 'equals') (c.side === 'mentor' ? mentor : mentee).add(c.column);
      else if ('mentor' in c) {
        mentor.add(c.mentor);
        mentee.add(c.mentee);
      }
    });
  }
  if (ruleSet.capacity.mentor.column) mentor.add(ruleSet.capacity.mentor.column);
  if (ruleSet.capacity.mentee.column) mentee.add(ruleSet.capacity.mentee.column);
  return { mentor: [...mentor], mentee: [...mentee] };
}

/** Visits every condition of a rule set, combinators included. */
export function forEachCondition(ruleSet: RuleSet, visit: (condition: Condition, rule: Rule) => void): void {
  for (const rule of ruleSet.rules) visitConditions(rule.when, (c) => visit(c, rule));
}

/**
 * Validates a rule set given as parsed JSON or as JSON text. Never throws: every problem (bad JSON,
 * oversized or deeply nested input, schema errors, cross-field errors) comes back as an InputProblem.
 */
export function parseRuleSet(json: unknown): ParseRuleSetResult {
  let input = json;
  if (typeof json === 'string') {
    if (json.length > MAX_RULE_SET_BYTES) {
      return {
        ok: false,
        problems: [
          problem(
            '(rule set)',
            `larger than ${MAX_RULE_SET_BYTES.toLocaleString('en-GB')} characters`,
            'rule-set-too-large',
          ),
        ],
      };
    }
    try {
      input = JSON.parse(json);
    } catch (error) {
      return {
        ok: false,
        problems: [problem('(rule set)', `not valid JSON (${(error as Error).message})`, 'rule-set-not-json')],
      };
    }
  }
  const shape = checkShape(input);
  if (shape.length > 0) return { ok: false, problems: shape };
  if (typeof json !== 'string') {
    let size = 0;
    try {
      size = JSON.stringify(input)?.length ?? 0;
    } catch {
      return {
        ok: false,
        problems: [
          problem('(rule set)', 'cannot be written as JSON (a cycle or a non-JSON value)', 'rule-set-not-json'),
        ],
      };
    }
    if (size > MAX_RULE_SET_BYTES) {
      return {
        ok: false,
        problems: [
          problem(
            '(rule set)',
            `larger than ${MAX_RULE_SET_BYTES.toLocaleString('en-GB')} characters of JSON`,
            'rule-set-too-large',
          ),
        ],
      };
    }
  }
  if (input !== null && typeof input === 'object' && Array.isArray((input as { rules?: unknown }).rules)) {
    const rules = (input as { rules: unknown[] }).rules;
    if (rules.length > MAX_RULES)
      return {
        ok: false,
        problems: [problem('rules', `expected at most ${MAX_RULES} rules, got ${rules.length}`, 'rule-set-too-large')],
      };
    const depth = rules.flatMap((rule, i) =>
      rule && typeof rule === 'object'
        ? conditionDepthProblems((rule as { when?: unknown }).when, ['rules', i, 'when'], 0)
        : [],
    );
    if (depth.length > 0) return { ok: false, problems: depth };
  }
  const parsed = ruleSetSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => problem(formatPath(issue.path), describeIssue(issue, input))),
    };
  }
  const semantic = semanticProblems(parsed.data);
  return semantic.length > 0 ? { ok: false, problems: semantic } : { ok: true, ruleSet: parsed.data };
}
