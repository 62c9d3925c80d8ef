// The fields a run reads, by name and kind: the person fields every table may have (names, email,
// role, capacity, biography, job title, sign-up time) and the fields the rule set's conditions read
// (organisation, grade, ...). Rules name fields, never headers; the column mapping says which header
// holds each field (mapping.ts).
import type { Role } from './model.js';
import type { Condition, RuleSet } from './rules/schema.js';
import { forEachCondition, separatorOf } from './rules/schema.js';

/**
 * How a field's values are read: a category compared as text, a step on a ladder, a list split on
 * a separator, a number, free text (names, biographies), or a sign-up time.
 */
export type FieldKind = 'category' | 'ladder' | 'list' | 'number' | 'text' | 'timestamp';

export interface PersonField {
  /** The key in a ColumnMapping (`firstName`). */
  readonly field: string;
  /** The name people use, on the command line and in the app (`first name`). */
  readonly label: string;
  readonly kind: FieldKind;
}

/** The fields every table may have, whatever the rule set; `role` only in a one-table (people) input. */
export const personFields: readonly PersonField[] = [
  { field: 'firstName', label: 'first name', kind: 'text' },
  { field: 'lastName', label: 'last name', kind: 'text' },
  { field: 'name', label: 'name', kind: 'text' },
  { field: 'email', label: 'email', kind: 'text' },
  { field: 'role', label: 'role', kind: 'category' },
  { field: 'capacity', label: 'capacity', kind: 'number' },
  { field: 'bio', label: 'biography', kind: 'text' },
  { field: 'jobTitle', label: 'job title', kind: 'text' },
  { field: 'timestamp', label: 'timestamp', kind: 'timestamp' },
];

/** A field the rule set reads, with what reads it. */
export interface RuleField {
  readonly field: string;
  readonly kind: FieldKind;
  /** List fields: the separator the rules split on (null: the whole cell is one value). */
  readonly separator?: string | null;
  /** Ladder fields: the ladder's name. */
  readonly ladder?: string;
  /** The sides whose table must hold it. */
  readonly sides: readonly Role[];
  /** Ids of the rules that read it; `capacity` for a capacity column. */
  readonly requiredBy: readonly string[];
}

// When conditions read one field in different ways, the strictest reading names its kind.
const kindRank: Record<FieldKind, number> = { ladder: 4, list: 3, number: 2, category: 1, text: 0, timestamp: 0 };

function kindOf(condition: Condition, side: Role): { kind: FieldKind; separator?: string | null; ladder?: string } {
  if (condition.type === 'gap')
    return condition.ladder ? { kind: 'ladder', ladder: condition.ladder } : { kind: 'number' };
  if (condition.type === 'overlap') {
    const separator = separatorOf(side === 'mentor' ? condition.mentorSeparator : condition.menteeSeparator);
    return separator === null ? { kind: 'category' } : { kind: 'list', separator };
  }
  return { kind: 'category' };
}

/** Every field the rule set reads, in the order its rules first name them. */
export function ruleSetFields(ruleSet: RuleSet): RuleField[] {
  const found = new Map<
    string,
    { kind: FieldKind; separator?: string | null; ladder?: string; sides: Set<Role>; rules: Set<string> }
  >();
  const add = (field: string, side: Role, use: ReturnType<typeof kindOf>, rule: string) => {
    const entry = found.get(field) ?? { kind: use.kind, sides: new Set<Role>(), rules: new Set<string>() };
    if (kindRank[use.kind] > kindRank[entry.kind] || !found.has(field)) {
      entry.kind = use.kind;
      entry.separator = use.separator;
      entry.ladder = use.ladder;
    }
    entry.sides.add(side);
    entry.rules.add(rule);
    found.set(field, entry);
  };
  forEachCondition(ruleSet, (condition, rule) => {
    if (condition.type === 'equals') add(condition.column, condition.side, kindOf(condition, condition.side), rule.id);
    else if ('mentor' in condition) {
      add(condition.mentor, 'mentor', kindOf(condition, 'mentor'), rule.id);
      add(condition.mentee, 'mentee', kindOf(condition, 'mentee'), rule.id);
    }
  });
  for (const side of ['mentor', 'mentee'] as const) {
    const column = ruleSet.capacity[side].column;
    if (column) add(column, side, { kind: 'number' }, 'capacity');
  }
  return [...found].map(([field, entry]) => ({
    field,
    kind: entry.kind,
    ...(entry.kind === 'list' ? { separator: entry.separator } : {}),
    ...(entry.ladder !== undefined ? { ladder: entry.ladder } : {}),
    sides: [...entry.sides],
    requiredBy: [...entry.rules],
  }));
}

const personByName = new Map<string, string>();
for (const { field, label } of personFields) {
  personByName.set(nameKey(field), field);
  personByName.set(nameKey(label), field);
}
personByName.set('bio', 'bio');
personByName.set('emailaddress', 'email');
personByName.set('fullname', 'name');

function nameKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The mapping key of a field as a person names it: `first name` → `firstName`, `biography` →
 * `bio`, `job title` → `jobTitle`; a field the rule set reads keeps its own name (a rule set may
 * name a field `job title`), and anything else is returned as given.
 */
export function fieldKey(name: string, ruleSet?: RuleSet): string {
  const trimmed = name.trim();
  if (ruleSet && ruleSetFields(ruleSet).some((f) => f.field === trimmed)) return trimmed;
  return personByName.get(nameKey(trimmed)) ?? trimmed;
}

/** The name people use for a field: `firstName` → `first name`; rule fields as the rule set names them. */
export function fieldLabel(field: string): string {
  return personFields.find((p) => p.field === field)?.label ?? field;
}

/** Whether a field is one of the person fields (by mapping key). */
export function isPersonField(field: string): boolean {
  return personFields.some((p) => p.field === field);
}
