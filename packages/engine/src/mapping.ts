// Column mapping: which header holds each logical field. Detected from header names ignoring case,
// spacing and punctuation, with common synonyms and form phrasings ("Your grade", "Do you want to
// be a mentor, a mentee or both?"); the rule set's `columns` and the caller's overrides win over
// detection. describeMapping lists every field, found or not, for a Columns panel.
import { z } from 'zod';
import type { InputProblem, Role } from './model.js';
import type { RuleSet } from './rules/schema.js';
import { referencedColumns } from './rules/schema.js';
import { emptyRecord, ownValue } from './own-keys.js';
import { fieldKey, fieldLabel, personFields, ruleSetFields, type FieldKind } from './fields.js';

/** Logical field → header as written in the table. Only fields that were found (or overridden) appear. */
export const columnMappingSchema = z.record(z.string().min(1), z.string());
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export type MappingRole = 'mentor' | 'mentee' | 'people';

/** The person fields' mapping keys (see fields.ts for their names and kinds). */
export const standardFields = [
  'firstName',
  'lastName',
  'name',
  'email',
  'role',
  'capacity',
  'bio',
  'jobTitle',
  'timestamp',
] as const;
export type StandardField = (typeof standardFields)[number];

/** Header comparison key: "E-mail Address" → "emailaddress". */
export function headerKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const synonyms: Record<string, readonly string[]> = {
  email: [
    'email',
    'e-mail',
    'email address',
    'e-mail address',
    'mail',
    'work email',
    'work email address',
    'email addr',
  ],
  firstName: ['first name', 'firstname', 'given name', 'forename', 'first', 'preferred first name'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'last'],
  name: ['name', 'full name', 'display name', 'your name'],
  role: ['role', 'mentor or mentee', 'mentor/mentee', 'participant type', 'taking part as', 'type'],
  capacity: ['capacity', 'max matches', 'maximum matches', 'number of matches', 'max partners', 'places', 'how many'],
  bio: ['biography', 'bio', 'about', 'about me', 'about you', 'about yourself', 'tell us about yourself'],
  jobTitle: ['job title', 'title', 'role title', 'position', 'job'],
  timestamp: [
    'timestamp',
    'completion time',
    'submitted',
    'submitted at',
    'submission time',
    'date submitted',
    'submission date',
    'start time',
  ],
  organisation: [
    'organisation',
    'organization',
    'department',
    'org',
    'employer',
    'agency',
    'department or agency',
    'department or organisation',
    'organisation or department',
    'government department',
  ],
  profession: ['profession', 'professional group', 'professional family'],
  grade: ['grade', 'band', 'level', 'pay grade', 'grade or equivalent'],
  characteristics: [
    'characteristics',
    'protected characteristics',
    'which of these describe you',
    'which of these describes you',
  ],
  'identity to match': ['identity to match', 'which identity would you like your mentor to share'],
  'match with similar identity': ['match with similar identity'],
};

/**
 * Words that open a form question without saying what it asks ("What is your grade?", "Please enter
 * your email address"), and text in brackets ("(select all that apply)").
 */
const questionOpenings =
  /^(?:please\s+)?(?:(?:what\s+is|what's|whats|which\s+is|enter|give|state|tell\s+us)\s+)?(?:your\s+)?(?:current\s+)?/;

/** A header or synonym as a form question's subject: "What is your grade?" → "grade". */
export function phraseKey(text: string): string {
  const plain = text
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}\p{N}'&]+/gu, ' ')
    .trim();
  return headerKey(plain.replace(questionOpenings, ''));
}

/**
 * Last resort, for headers that are whole questions: the words a question about the field must
 * hold. Tried only after every field has had its exact name and synonyms matched.
 */
const questionPatterns: Record<string, RegExp> = {
  role: /\bmentor\b.*\bmentee\b|\bmentee\b.*\bmentor\b/,
  email: /\be-?mail\b/,
  firstName: /\b(?:first name|forename|given name)\b/,
  lastName: /\b(?:last name|surname|family name)\b/,
  bio: /\babout (?:yourself|you|me)\b|\bbiography\b/,
  jobTitle: /\bjob title\b|\bjob role\b/,
  timestamp: /\b(?:completion|submission) (?:time|date)\b|\btimestamp\b/,
  organisation: /\b(?:organisation|organization|department|agency|employer)\b/,
  grade: /\bgrade\b/,
  profession: /\bprofession\b/,
  characteristics: /\bdescribes? you\b|\bcharacteristics\b/,
  'match with similar identity': /\b(?:similar|shares?)\b.*\bidentity\b|\bidentity\b.*\b(?:similar|shares?)\b/,
  'identity to match': /\bwhich identity\b|\bidentity to match\b/,
};

/** A header as lower-case words with single spaces: "About  you?" → "about you". */
function questionWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'&-]+/gu, ' ')
    .trim();
}

function synonymsOf(field: string): string[] {
  return [field, ...(ownValue(synonyms, field) ?? [])];
}

/** Column choices made by a person: field → header, or null for "no column". */
export type ColumnChoices = Readonly<Record<string, string | null | undefined>>;

function fieldsFor(role: MappingRole, ruleSet: RuleSet): { rule: string[]; person: string[] } {
  const referenced = referencedColumns(ruleSet);
  const rule =
    role === 'mentor'
      ? referenced.mentor
      : role === 'mentee'
        ? referenced.mentee
        : [...new Set([...referenced.mentor, ...referenced.mentee])];
  // Two tables are one side each: a column saying mentor or mentee is no role to them.
  const person = standardFields.filter((field) => role === 'people' || field !== 'role');
  return { rule, person };
}

function detect(header: readonly string[], role: MappingRole, ruleSet: RuleSet): ColumnMapping {
  const usable = header.map((column, index) => ({ column, index })).filter(({ column }) => headerKey(column) !== '');
  const { rule, person } = fieldsFor(role, ruleSet);
  const mapping: ColumnMapping = emptyRecord();
  const taken = new Set<string>();
  const tryTier = (field: string, matches: (column: string) => boolean, reuse: boolean) => {
    if (Object.hasOwn(mapping, field)) return;
    const found = usable.find(({ column }) => (!taken.has(column) || reuse) && matches(column));
    if (found) {
      mapping[field] = found.column;
      taken.add(found.column);
    }
  };
  const fields = [...rule, ...person.filter((field) => !rule.includes(field))];
  // Tier 1: the field's own name, then its synonyms, ignoring case and punctuation. A rule naming
  // "role" or "title" means that exact column even when a person field took it.
  for (const field of fields) {
    for (const synonym of synonymsOf(field)) {
      tryTier(field, (column) => headerKey(column) === headerKey(synonym), rule.includes(field));
    }
  }
  // Tier 2: the same names as a question's subject ("Your grade", "What is your email address?").
  for (const field of fields) {
    for (const synonym of synonymsOf(field))
      tryTier(field, (column) => phraseKey(column) === phraseKey(synonym), false);
  }
  // Tier 3: a question that holds the field's words ("Do you want to be a mentor, a mentee or both?").
  for (const field of fields) {
    const pattern = ownValue(questionPatterns, field);
    // Words are compared with any run of spaces or punctuation between them read as one space.
    if (pattern) tryTier(field, (column) => pattern.test(questionWords(column)), false);
  }
  return mapping;
}

/**
 * Maps the person fields and every field the rule set reads (for this side) onto the header:
 * first by a field's name or synonyms ignoring case and punctuation, then as the subject of a form
 * question ("Your grade"), then by the words a question about it holds. The rule set's `columns`
 * for this role, then `overrides`, win over detection; an override of null removes the field, and
 * an override for a field this side does not read is ignored (see columnChoiceProblems). Fields not
 * found are left out (readParticipants reports those a rule needs).
 */
export function detectMapping(
  header: readonly string[],
  role: MappingRole,
  ruleSet: RuleSet,
  overrides: ColumnChoices = {},
): ColumnMapping {
  const mapping = detect(header, role, ruleSet);
  const { rule, person } = fieldsFor(role, ruleSet);
  const apply = (choices: ColumnChoices, strict: boolean) => {
    for (const [name, column] of Object.entries(choices)) {
      const field = fieldKey(name, ruleSet);
      if (strict && !rule.includes(field) && !(person as readonly string[]).includes(field)) continue;
      if (column === null) delete mapping[field];
      else if (column !== undefined) mapping[field] = column;
    }
  };
  const columns = ruleSet.columns ?? {};
  const perTable = Object.values(columns).some((value) => typeof value === 'object');
  if (perTable) apply((columns as Record<string, ColumnChoices>)[role] ?? {}, false);
  else apply(columns as ColumnChoices, true);
  apply(overrides, true);
  return mapping;
}

/** One field of a table, for a Columns panel: which header holds it, and which could. */
export interface FieldMapping {
  /** The ColumnMapping key: `firstName`, `bio`, or the rule set's field name (`grade`). */
  readonly field: string;
  /** The name people use: `first name`, `biography`, `grade`. */
  readonly label: string;
  readonly kind: FieldKind;
  /** List fields: the separator the rules split on. */
  readonly separator?: string | null;
  /** Ladder fields: the ladder's name. */
  readonly ladder?: string;
  /** Ids of the rules that read it on this table's side(s) (`capacity` for a capacity column); [] for person fields. */
  readonly requiredBy: readonly string[];
  /** The header holding it, or null when none does. */
  readonly header: string | null;
  /** How the header was chosen: found by detection, chosen (rule set `columns` or overrides), or none. */
  readonly source: 'detected' | 'chosen' | 'none';
  /** Every header the field could be mapped to, in table order (empty names left out). */
  readonly candidates: readonly string[];
}

/**
 * Every field of a table, found or not: the person fields, then each field the rule set reads on
 * this table's side(s), with the header that holds it (detection with the rule set's `columns` and
 * `overrides` applied) and every header it could be given instead. For a Columns panel that shows a
 * dropdown per field; a required field whose header is null is what readParticipants reports.
 */
export function describeMapping(
  header: readonly string[],
  role: MappingRole,
  ruleSet: RuleSet,
  overrides: ColumnChoices = {},
): FieldMapping[] {
  const detected = detect(header, role, ruleSet);
  const mapping = detectMapping(header, role, ruleSet, overrides);
  const candidates = [...new Set(header.filter((column) => headerKey(column) !== ''))];
  const sides: readonly Role[] = role === 'people' ? ['mentor', 'mentee'] : [role];
  const entry = (
    field: string,
    rest: Omit<FieldMapping, 'field' | 'header' | 'source' | 'candidates'>,
  ): FieldMapping => {
    const column = ownValue(mapping, field) ?? null;
    const source = column === null ? 'none' : ownValue(detected, field) === column ? 'detected' : 'chosen';
    return { field, ...rest, header: column, source, candidates };
  };
  const { person } = fieldsFor(role, ruleSet);
  const rules = ruleSetFields(ruleSet).filter((f) => f.sides.some((side) => sides.includes(side)));
  return [
    ...personFields
      .filter((p) => (person as readonly string[]).includes(p.field) && !rules.some((r) => r.field === p.field))
      .map((p) => entry(p.field, { label: p.label, kind: p.kind, requiredBy: [] })),
    ...rules.map((r) =>
      entry(r.field, {
        label: r.field,
        kind: r.kind,
        ...(r.separator !== undefined ? { separator: r.separator } : {}),
        ...(r.ladder !== undefined ? { ladder: r.ladder } : {}),
        requiredBy: r.requiredBy,
      }),
    ),
  ];
}

/**
 * Column choices that name a field no table reads under this rule set (a mapping kept for another
 * rule set, or a misspelt field): a warning each, never an error, so one mapping serves several
 * rule sets.
 */
export function columnChoiceProblems(choices: ColumnChoices, ruleSet: RuleSet, role: MappingRole): InputProblem[] {
  const read = new Set([...fieldsFor(role, ruleSet).rule, ...fieldsFor(role, ruleSet).person]);
  if (role !== 'people') for (const field of fieldsFor('people', ruleSet).rule) read.add(field);
  const problems: InputProblem[] = [];
  for (const [name, column] of Object.entries(choices)) {
    const field = fieldKey(name, ruleSet);
    if (read.has(field) || column === undefined) continue;
    problems.push({
      severity: 'warning',
      code: 'unused-column-choice',
      column: column ?? undefined,
      message:
        `A column is given for the field "${name}", which the rule set "${ruleSet.name}" does not read; ` +
        `it is not used. Fields read: ${[...read].map(fieldLabel).join(', ')}.`,
    });
  }
  return problems;
}

/** Levenshtein distance, for "did you mean" suggestions over a handful of headers. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The header closest to a wanted column name, when one is close enough to be a likely typo. */
export function nearestHeader(header: readonly string[], wanted: string): string | null {
  const target = headerKey(wanted);
  let best: string | null = null;
  let bestDistance = Infinity;
  const near = Math.max(2, Math.floor(target.length / 3));
  for (const column of header) {
    const key = headerKey(column);
    // One name inside the other ("Your department" in "Your department or agency") is a likely
    // meaning however much longer the header is, once the shorter has a word's length.
    const inside = key !== '' && target !== '' && (key.includes(target) || target.includes(key));
    const distance = inside ? Math.abs(key.length - target.length) : editDistance(key, target);
    const close = distance <= near || (inside && Math.min(key.length, target.length) >= 4);
    if (close && distance < bestDistance) {
      bestDistance = distance;
      best = column;
    }
  }
  return best;
}
