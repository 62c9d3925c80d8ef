// The rule evaluator. A rule set is compiled, against one mentor list and one mentee list, into
// conditions over typed arrays (see ../encoding.ts). Each compiled condition answers for one pair
// (`test`, used by explanations) and for one mentee against every mentor at once (`fill`, used by
// scoring): a tight loop per condition kind instead of a closure call per pair. Conditions that do
// not depend on the mentor (e.g. "mentee said yes") come back as a constant for the whole row, so
// combinators short-circuit without touching the row.
//
// Semantics, shared with the checks and documented in docs/rules.md: a blank or unknown value makes
// every leaf comparison false (so "different organisation" is false when either is blank, and an
// exclusion `not(gap 1..2)` excludes a person whose grade is not on the ladder), except that text
// compared `exact` treats a blank cell as the empty text, as the reference system's `==` does.
import type { Participant } from '../model.js';
import {
  CategoryDictionary,
  comparisonKey,
  encodeCategories,
  encodeLists,
  encodeNumbers,
  listsToBitsets,
  type TextComparison,
} from '../encoding.js';
import { participantValue } from '../participants.js';
import { buildLadder } from './ladders.js';
import type { Condition, Rule, RuleSet } from './schema.js';
import { comparisonOf, separatorOf } from './schema.js';

/** `fill` results: false for every listed mentor, true for every one, or `out` holds one 0/1 per listed mentor. */
export const ALL_FALSE = 0;
export const ALL_TRUE = 1;
export const FILLED = 2;
export type FillResult = typeof ALL_FALSE | typeof ALL_TRUE | typeof FILLED;

/**
 * A condition over (mentee, mentor) pairs. Row operations work on a list of mentor indices (the
 * candidates still eligible), so that once the exclusions have removed most pairs the scoring
 * rules only visit the few that remain.
 */
export interface CompiledCondition {
  test(mentee: number, mentor: number): boolean;
  /** For k < count: out[k] = condition(mentee, mentors[k]) XOR negate; or a constant for all of them. */
  fill(mentee: number, mentors: Int32Array, count: number, out: Uint8Array, negate: boolean): FillResult;
  /** Compacts `mentors[0..count)` in place to those where the condition equals `keepWhen`; returns the new count. */
  filter(mentee: number, mentors: Int32Array, count: number, keepWhen: boolean): number;
  /**
   * Where an index makes it cheap: writes every mentor for whom the condition equals `keepWhen`
   * into `out` (in no particular order) and returns how many; -1 when this condition cannot.
   */
  collect?(mentee: number, out: Int32Array, keepWhen: boolean): number;
}

export interface CompiledRule {
  readonly rule: Rule;
  readonly condition: CompiledCondition;
}

const constant = (value: boolean, negate: boolean): FillResult => (value !== negate ? ALL_TRUE : ALL_FALSE);

/** `filter` for conditions without a specialised loop: fill a scratch row, then compact. */
function filterByFill(fill: CompiledCondition['fill'], scratch: Uint8Array): CompiledCondition['filter'] {
  return (i, mentors, count, keepWhen) => {
    const result = fill(i, mentors, count, scratch, !keepWhen);
    if (result === ALL_TRUE) return count;
    if (result === ALL_FALSE) return 0;
    let kept = 0;
    for (let k = 0; k < count; k++) {
      mentors[kept] = mentors[k];
      kept += scratch[k];
    }
    return kept;
  };
}

/** Encodes each (side, column, encoding) once, however many conditions read it. */
class ColumnCache {
  private readonly cache = new Map<string, unknown>();

  constructor(
    readonly mentors: readonly Participant[],
    readonly mentees: readonly Participant[],
    readonly ruleSet: RuleSet,
  ) {}

  private memo<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }

  private cells(side: 'mentor' | 'mentee', column: string) {
    return this.memo(`cells\u0000${side}\u0000${column}`, () =>
      (side === 'mentor' ? this.mentors : this.mentees).map((p) => participantValue(p, column)),
    );
  }

  /** One dictionary per pair of compared columns, so codes are small and comparable across sides. */
  categories(
    mentorColumn: string,
    menteeColumn: string,
    compare: TextComparison,
  ): { mentor: Int32Array; mentee: Int32Array } {
    return this.memo(`cat\u0000${mentorColumn}\u0000${menteeColumn}\u0000${compare}`, () => {
      const dictionary = new CategoryDictionary(compare === 'exact');
      return {
        mentor: encodeCategories(this.cells('mentor', mentorColumn), dictionary, compare),
        mentee: encodeCategories(this.cells('mentee', menteeColumn), dictionary, compare),
      };
    });
  }

  values(side: 'mentor' | 'mentee', column: string, ladder: string | undefined): Float64Array {
    return this.memo(`num\u0000${side}\u0000${column}\u0000${ladder ?? ''}`, () => {
      const cells = this.cells(side, column);
      if (ladder === undefined) return encodeNumbers(cells);
      const built = buildLadder(this.ruleSet, ladder);
      return encodeNumbers(cells, (cell) => built.rank(cell));
    });
  }

  lists(
    mentorColumn: string,
    mentorSeparator: string | null,
    menteeColumn: string,
    menteeSeparator: string | null,
    compare: TextComparison,
  ): { mentor: Uint32Array; mentee: Uint32Array; words: number } {
    const key = `list\u0000${mentorColumn}\u0000${mentorSeparator}\u0000${menteeColumn}\u0000${menteeSeparator}\u0000${compare}`;
    return this.memo(key, () => {
      const dictionary = new CategoryDictionary();
      const mentor = encodeLists(this.cells('mentor', mentorColumn), mentorSeparator, dictionary, compare);
      const mentee = encodeLists(this.cells('mentee', menteeColumn), menteeSeparator, dictionary, compare);
      const words = Math.max(1, Math.ceil(dictionary.size / 32));
      return { mentor: listsToBitsets(mentor, words), mentee: listsToBitsets(mentee, words), words };
    });
  }

  matches(
    side: 'mentor' | 'mentee',
    column: string,
    value: string | number | boolean,
    compare: TextComparison,
  ): Uint8Array {
    const wanted = comparisonKey(value, compare);
    return this.memo(`eq\u0000${side}\u0000${column}\u0000${compare}\u0000${wanted}`, () =>
      Uint8Array.from(this.cells(side, column), (cell) => (comparisonKey(cell, compare) === wanted ? 1 : 0)),
    );
  }
}

function compileSame(codes: { mentor: Int32Array; mentee: Int32Array }, different: boolean): CompiledCondition {
  const { mentor, mentee } = codes;
  return {
    test: (i, j) => mentee[i] >= 0 && mentor[j] >= 0 && (mentor[j] === mentee[i]) !== different,
    fill(i, mentors, count, out, negate) {
      const c = mentee[i];
      if (c < 0) return constant(false, negate);
      const flip = negate ? 1 : 0;
      if (different) {
        for (let k = 0; k < count; k++) {
          const v = mentor[mentors[k]];
          out[k] = (v >= 0 && v !== c ? 1 : 0) ^ flip;
        }
      } else {
        for (let k = 0; k < count; k++) out[k] = (mentor[mentors[k]] === c ? 1 : 0) ^ flip;
      }
      return FILLED;
    },
    filter(i, mentors, count, keepWhen) {
      const c = mentee[i];
      if (c < 0) return keepWhen ? 0 : count;
      const want = keepWhen ? 1 : 0;
      let kept = 0;
      for (let k = 0; k < count; k++) {
        const j = mentors[k];
        const v = mentor[j];
        const holds = different ? (v >= 0 && v !== c ? 1 : 0) : v === c ? 1 : 0;
        mentors[kept] = j;
        kept += holds === want ? 1 : 0;
      }
      return kept;
    },
  };
}

function compileGap(
  mentor: Float64Array,
  mentee: Float64Array,
  condition: Extract<Condition, { type: 'gap' }>,
): CompiledCondition {
  let low = condition.atLeast ?? -Infinity;
  let high = condition.atMost ?? Infinity;
  if (condition.equals !== undefined) {
    low = Math.max(low, condition.equals);
    high = Math.min(high, condition.equals);
  }
  // Mentors with a value, sorted by it: "gap within [low, high]" is then one slice, found by
  // binary search, which lets "exclude unless the mentor is 1 or 2 grades above" produce the few
  // remaining candidates directly instead of scanning every mentor.
  let byValue: Int32Array | null = null;
  let sortedValues: Float64Array | null = null;
  const firstAtLeast = (values: Float64Array, target: number, strict: boolean) => {
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (strict ? values[mid] <= target : values[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    test(i, j) {
      const gap = mentor[j] - mentee[i];
      return gap >= low && gap <= high;
    },
    collect(i, out, keepWhen) {
      if (!keepWhen) return -1;
      const base = mentee[i];
      if (Number.isNaN(base) || low > high) return 0;
      if (byValue === null || sortedValues === null) {
        const present = Array.from(mentor.keys()).filter((j) => !Number.isNaN(mentor[j]));
        present.sort((a, b) => mentor[a] - mentor[b] || a - b);
        byValue = Int32Array.from(present);
        sortedValues = Float64Array.from(present, (j) => mentor[j]);
      }
      const from = firstAtLeast(sortedValues, base + low, false);
      const to = firstAtLeast(sortedValues, base + high, true);
      out.set(byValue.subarray(from, Math.max(from, to)));
      return Math.max(0, to - from);
    },
    fill(i, mentors, count, out, negate) {
      const base = mentee[i];
      if (Number.isNaN(base) || low > high) return constant(false, negate);
      // gap in [low, high]  ⇔  mentor value in [base + low, base + high]; NaN compares false.
      const from = base + low;
      const to = base + high;
      const flip = negate ? 1 : 0;
      for (let k = 0; k < count; k++) {
        const v = mentor[mentors[k]];
        out[k] = (v >= from && v <= to ? 1 : 0) ^ flip;
      }
      return FILLED;
    },
    filter(i, mentors, count, keepWhen) {
      const base = mentee[i];
      if (Number.isNaN(base) || low > high) return keepWhen ? 0 : count;
      const from = base + low;
      const to = base + high;
      const want = keepWhen ? 1 : 0;
      let kept = 0;
      for (let k = 0; k < count; k++) {
        const j = mentors[k];
        const v = mentor[j];
        mentors[kept] = j;
        kept += (v >= from && v <= to ? 1 : 0) === want ? 1 : 0;
      }
      return kept;
    },
  };
}

function compileOverlap(
  bits: { mentor: Uint32Array; mentee: Uint32Array; words: number },
  scratch: Uint8Array,
): CompiledCondition {
  const { mentor, mentee, words } = bits;
  const overlaps = (i: number, j: number) => {
    for (let w = 0; w < words; w++) if ((mentee[i * words + w] & mentor[j * words + w]) !== 0) return true;
    return false;
  };
  const fill: CompiledCondition['fill'] = (i, mentors, count, out, negate) => {
    let empty = true;
    for (let w = 0; w < words; w++) if (mentee[i * words + w] !== 0) empty = false;
    if (empty) return constant(false, negate);
    const flip = negate ? 1 : 0;
    if (words === 1) {
      const mask = mentee[i];
      for (let k = 0; k < count; k++) out[k] = ((mentor[mentors[k]] & mask) !== 0 ? 1 : 0) ^ flip;
    } else {
      for (let k = 0; k < count; k++) out[k] = (overlaps(i, mentors[k]) ? 1 : 0) ^ flip;
    }
    return FILLED;
  };
  return { test: overlaps, fill, filter: filterByFill(fill, scratch) };
}

function compileEquals(matches: Uint8Array, side: 'mentor' | 'mentee', scratch: Uint8Array): CompiledCondition {
  if (side === 'mentee') {
    return {
      test: (i) => matches[i] === 1,
      fill: (i, _mentors, _count, _out, negate) => constant(matches[i] === 1, negate),
      filter: (i, _mentors, count, keepWhen) => ((matches[i] === 1) === keepWhen ? count : 0),
    };
  }
  const fill: CompiledCondition['fill'] = (_i, mentors, count, out, negate) => {
    const flip = negate ? 1 : 0;
    for (let k = 0; k < count; k++) out[k] = matches[mentors[k]] ^ flip;
    return FILLED;
  };
  return { test: (_i, j) => matches[j] === 1, fill, filter: filterByFill(fill, scratch) };
}

/** all (and) or any (or); a negated all is an any of negated children (De Morgan), and vice versa. */
function compileCombinator(children: CompiledCondition[], isAll: boolean, mentorCount: number): CompiledCondition {
  const scratch = new Uint8Array(mentorCount);
  const filterScratch = new Uint8Array(mentorCount);
  const fill: CompiledCondition['fill'] = (i, mentors, count, out, negate) => {
    const conjunction = isAll !== negate;
    const absorbing = conjunction ? ALL_FALSE : ALL_TRUE;
    let state: FillResult = conjunction ? ALL_TRUE : ALL_FALSE;
    for (const child of children) {
      const result = child.fill(i, mentors, count, state === FILLED ? scratch : out, negate);
      if (result === absorbing) return absorbing;
      if (result !== FILLED) continue;
      if (state !== FILLED) {
        state = FILLED;
        continue;
      }
      if (conjunction) for (let k = 0; k < count; k++) out[k] &= scratch[k];
      else for (let k = 0; k < count; k++) out[k] |= scratch[k];
    }
    return state;
  };
  return {
    test: isAll ? (i, j) => children.every((c) => c.test(i, j)) : (i, j) => children.some((c) => c.test(i, j)),
    fill,
    filter: filterByFill(fill, filterScratch),
  };
}

function compileCondition(condition: Condition, columns: ColumnCache): CompiledCondition {
  switch (condition.type) {
    case 'same':
    case 'different':
      return compileSame(
        columns.categories(condition.mentor, condition.mentee, comparisonOf(condition)),
        condition.type === 'different',
      );
    case 'gap':
      return compileGap(
        columns.values('mentor', condition.mentor, condition.ladder),
        columns.values('mentee', condition.mentee, condition.ladder),
        condition,
      );
    case 'overlap':
      return compileOverlap(
        columns.lists(
          condition.mentor,
          separatorOf(condition.mentorSeparator),
          condition.mentee,
          separatorOf(condition.menteeSeparator),
          comparisonOf(condition),
        ),
        new Uint8Array(columns.mentors.length),
      );
    case 'equals':
      return compileEquals(
        columns.matches(condition.side, condition.column, condition.value, comparisonOf(condition)),
        condition.side,
        new Uint8Array(columns.mentors.length),
      );
    case 'all':
    case 'any':
      return compileCombinator(
        condition.of.map((child) => compileCondition(child, columns)),
        condition.type === 'all',
        columns.mentors.length,
      );
    case 'not': {
      const inner = compileCondition(condition.condition, columns);
      return {
        test: (i, j) => !inner.test(i, j),
        fill: (i, mentors, count, out, negate) => inner.fill(i, mentors, count, out, !negate),
        filter: (i, mentors, count, keepWhen) => inner.filter(i, mentors, count, !keepWhen),
        ...(inner.collect
          ? { collect: (i: number, out: Int32Array, keepWhen: boolean) => inner.collect!(i, out, !keepWhen) }
          : {}),
      };
    }
  }
}

/** Compiles every rule of the set against these participants (columns encoded once, here). */
export function compileRules(
  ruleSet: RuleSet,
  mentors: readonly Participant[],
  mentees: readonly Participant[],
): CompiledRule[] {
  const columns = new ColumnCache(mentors, mentees, ruleSet);
  return ruleSet.rules.map((rule) => ({ rule, condition: compileCondition(rule.when, columns) }));
}
