// Rows of the score matrix that differ only in a field no rule but one exclusion reads. In the
// Mentor Match presets the organisation is read by "same organisation" alone, so two mentees of the
// same grade, profession and identity have the same candidates and codes, save the mentors of their
// own organisation. scorePairs works out such a group's row once (its template) and each member
// then only applies its own exclusions to it: at 10,000 a side, 992 templates for 4,760 mentee
// classes.
import type { Participant } from './model.js';
import { groupByRuleFields } from './class-grouping.js';
import type { Rule, RuleSet } from './rules/schema.js';
import { forEachCondition } from './rules/schema.js';

export interface RowTemplates {
  /** Ids of the exclusion rules each row applies itself; the others are in the template. */
  readonly ownExclusions: ReadonlySet<string>;
  /** Template of each row (mentee), by index; −1 for a row with no room (never scored). */
  readonly templateOf: Int32Array;
  /** The rows with room, template by template (in index order within one), so that one template is worked out at a time. */
  readonly order: Int32Array;
  readonly count: number;
}

/** Templates pay when there are at most this share as many as rows. */
const MOST_TEMPLATES_PER_ROW = 0.7;

/** The mentee fields each rule reads (any condition of it, nested or not). */
function menteeFieldsByRule(ruleSet: RuleSet): Map<string, Set<string>> {
  const byRule = new Map<string, Set<string>>();
  forEachCondition(ruleSet, (condition, rule: Rule) => {
    const fields = byRule.get(rule.id) ?? new Set<string>();
    byRule.set(rule.id, fields);
    if (condition.type === 'equals') {
      if (condition.side === 'mentee') fields.add(condition.column);
    } else if ('mentee' in condition) fields.add(condition.mentee);
  });
  return byRule;
}

/**
 * The row templates of these mentees under this rule set, or null when they do not pay: no
 * exclusion reads a mentee field that no other rule reads, or nearly every row is its own template.
 */
export function rowTemplates(ruleSet: RuleSet, mentees: readonly Participant[]): RowTemplates | null {
  const fieldsOf = menteeFieldsByRule(ruleSet);
  const readBy = new Map<string, number>();
  for (const fields of fieldsOf.values()) for (const field of fields) readBy.set(field, (readBy.get(field) ?? 0) + 1);
  const ownExclusions = new Set(
    ruleSet.rules
      .filter((rule) => {
        const fields = fieldsOf.get(rule.id);
        return rule.kind === 'exclude' && fields && fields.size > 0 && [...fields].every((f) => readBy.get(f) === 1);
      })
      .map((rule) => rule.id),
  );
  if (ownExclusions.size === 0) return null;
  // Rows with room grouped by every mentee field the other rules read: a class is a template.
  const withRoom: number[] = [];
  mentees.forEach((mentee, i) => {
    if (mentee.capacity > 0) withRoom.push(i);
  });
  const others = { ...ruleSet, rules: ruleSet.rules.filter((rule) => !ownExclusions.has(rule.id)) };
  const grouping = groupByRuleFields(
    withRoom.map((i) => mentees[i]),
    others,
    'mentee',
  );
  if (grouping.count > MOST_TEMPLATES_PER_ROW * withRoom.length) return null;
  const templateOf = new Int32Array(mentees.length).fill(-1);
  withRoom.forEach((i, k) => (templateOf[i] = grouping.classOf[k]));
  return {
    ownExclusions,
    templateOf,
    order: Int32Array.from(grouping.members, (k) => withRoom[k]),
    count: grouping.count,
  };
}
