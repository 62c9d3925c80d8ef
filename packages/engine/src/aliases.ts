// Value aliases: for a category or list field, each variant a coordinator declares ("DWP",
// "Dept for Work & Pensions") is read as its canonical value ("Department for Work and Pensions")
// before any rule runs, so the hard rules and the scores see one organisation. suggestAliases finds
// likely variants in the data for the coordinator to accept: case, spacing and punctuation; "&" for
// "and"; common abbreviations ("Dept"); an acronym of a longer value's initials; a value with its
// acronym in brackets; and small misspellings of long names.
import type { z } from 'zod';
import type { Cell, Table } from '@mentor-matcher/tabular';
import { displayRowNumber } from '@mentor-matcher/tabular';
import type { InputProblem, Participant, Role } from './model.js';
import type { RuleSet } from './rules/schema.js';
import { comparisonOf, forEachCondition, separatorOf, valueAliasesSchema } from './rules/schema.js';
import { categoryKey } from './encoding.js';
import { editDistance, headerKey } from './mapping.js';
import { ruleSetFields } from './fields.js';
import { abbreviations } from './near-duplicates.js';
import { emptyRecord, ownValue } from './own-keys.js';

export { valueAliasesSchema };
export type ValueAliases = z.infer<typeof valueAliasesSchema>;

/** Why a variant is suggested as another value. */
export type AliasReason = 'case-spacing' | 'and-ampersand' | 'abbreviation' | 'acronym' | 'brackets' | 'spelling';

export interface AliasSuggestion {
  readonly field: string;
  /** The variant as written. */
  readonly value: string;
  /** The value it is suggested to mean. */
  readonly canonical: string;
  readonly reason: AliasReason;
  /** Where the variant is (file or sheet, row). */
  readonly rows: readonly { readonly table: string; readonly row: number }[];
}

/** The separator a list field splits on; null (whole cell) for any other field. */
function separatorsOf(ruleSet: RuleSet): Map<string, string | null> {
  const separators = new Map<string, string | null>();
  for (const field of ruleSetFields(ruleSet)) {
    separators.set(field.field, field.kind === 'list' ? (field.separator ?? null) : null);
  }
  return separators;
}

/** A cell's items; compared exactly, as written (so "Policy " is a variant of "Policy"), else trimmed. */
function itemsOf(cell: Cell, separator: string | null, exact = false): string[] {
  if (cell === null) return [];
  const whole = String(cell);
  const items = separator === null ? [whole] : whole.split(separator);
  return (exact ? items : items.map((item) => item.trim())).filter((item) => item.trim() !== '');
}

/**
 * A copy of each participant with its aliased fields read as their canonical values. A value matches
 * a variant, or the canonical value itself, ignoring case and spacing (so once `DWP` is declared,
 * `dwp` is the canonical value too); list fields are aliased item by item and joined again with
 * their separator. `attributes` keep the values as written.
 */
export function applyAliases(people: readonly Participant[], aliases: ValueAliases, ruleSet: RuleSet): Participant[] {
  const fields = Object.keys(aliases);
  if (fields.length === 0) return [...people];
  const separators = separatorsOf(ruleSet);
  const lookups = new Map<string, Map<string, string>>();
  for (const field of fields) {
    const lookup = new Map<string, string>();
    for (const [variant, canonical] of Object.entries(aliases[field])) {
      lookup.set(categoryKey(canonical), canonical);
      lookup.set(categoryKey(variant), canonical);
    }
    lookups.set(field, lookup);
  }
  return people.map((person) => {
    const present = fields.filter((field) => person.fields !== undefined && Object.hasOwn(person.fields, field));
    if (present.length === 0) return person;
    const next = Object.assign(emptyRecord<Cell>(), person.fields);
    let changed = false;
    for (const field of present) {
      const cell = next[field] ?? null;
      if (cell === null) continue;
      const lookup = lookups.get(field)!;
      const separator = separators.get(field) ?? null;
      let value: Cell;
      if (separator === null) value = lookup.get(categoryKey(cell)) ?? cell;
      else {
        const items = String(cell).split(separator);
        const mapped = items.map((item) => lookup.get(categoryKey(item)) ?? item);
        value = mapped.some((item, i) => item !== items[i]) ? mapped.join(separator) : cell;
      }
      if (value !== cell) {
        next[field] = value;
        changed = true;
      }
    }
    return changed ? { ...person, fields: next } : person;
  });
}

/**
 * Aliases for a field the rule set does not read (a misspelt `organisaton`, or `Organisation` for
 * `organisation`) change nothing: a warning each, naming the field the rules read that it most
 * likely means.
 */
export function aliasFieldProblems(aliases: ValueAliases, ruleSet: RuleSet): InputProblem[] {
  const read = ruleSetFields(ruleSet).map((f) => f.field);
  const problems: InputProblem[] = [];
  for (const field of Object.keys(aliases)) {
    if (read.includes(field)) continue;
    const nearest = read
      .map((name) => ({ name, distance: editDistance(headerKey(name), headerKey(field)) }))
      .filter(({ distance }) => distance <= 2)
      .sort((a, b) => a.distance - b.distance)[0];
    problems.push({
      severity: 'warning',
      code: 'unused-alias-field',
      value: field,
      message:
        `Aliases are given for the field "${field}", which the rule set "${ruleSet.name}" does not read, ` +
        `so they are not used${nearest ? `; did you mean "${nearest.name}"?` : '.'} Fields read: ${read.join(', ')}.`,
    });
  }
  return problems;
}

/** Merges alias sets; later ones win for the same field and variant. */
export function mergeAliases(...sets: readonly (ValueAliases | undefined)[]): ValueAliases {
  const merged: ValueAliases = emptyRecord();
  for (const set of sets) {
    for (const [field, map] of Object.entries(set ?? {})) {
      merged[field] = Object.assign(ownValue(merged, field) ?? emptyRecord<string>(), map);
    }
  }
  return merged;
}

// Comparison forms, strictest first; two values with the same form at some level are variants.
const stopWords = new Set(['the', 'of', 'for', 'and']);
const plainKey = (value: string) => headerKey(value);
const andKey = (value: string) => headerKey(value.replace(/&/g, ' and ').replace(/\+/g, ' and '));
function wordsOf(value: string): string[] {
  return value
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
}
function expandedKey(value: string): string {
  return wordsOf(value)
    .flatMap((word) => (Object.hasOwn(abbreviations, word) ? abbreviations[word] : word).split(' '))
    .filter((word) => !stopWords.has(word))
    .join(' ');
}

/** "DWP", "HMRC", "MoJ": one word of 2 to 8 letters, at least two of them capitals. */
function isAcronym(value: string): boolean {
  return /^[\p{L}]{2,8}$/u.test(value) && (value.match(/\p{Lu}/gu) ?? []).length >= 2;
}

/** The acronyms a name could have: initials of every word, and of the words that are not "of", "and", …. */
function initialsOf(value: string): string[] {
  const words = value
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  if (words.length < 2) return [];
  // A short word in capitals ("HM", "UK") gives all its letters.
  const letters = (word: string) => (/^\p{Lu}{2,4}$/u.test(word) ? word : word[0]).toUpperCase();
  const all = words.map(letters).join('');
  const some = words
    .filter((word) => !stopWords.has(word.toLowerCase()))
    .map(letters)
    .join('');
  return [...new Set([all, some])];
}

/** "Department for Work and Pensions (DWP)" → ["Department for Work and Pensions", "DWP"]. */
function bracketParts(value: string): [string, string] | null {
  const match = value.match(/^(.*\S)\s*[([]\s*([^)\]]+?)\s*[)\]]\s*$/);
  return match ? [match[1], match[2]] : null;
}

function allowedTypos(length: number): number {
  if (length < 10) return 0;
  return length < 20 ? 1 : 2;
}

interface Found {
  readonly value: string;
  rows: { table: string; row: number }[];
  readonly fields: Set<string>;
}

class Groups {
  private readonly parent = new Map<string, string>();
  readonly reasonTo = new Map<string, { other: string; reason: AliasReason }[]>();
  find(value: string): string {
    let root = value;
    while (this.parent.get(root) !== undefined && this.parent.get(root) !== root) root = this.parent.get(root)!;
    return root;
  }
  join(a: string, b: string, reason: AliasReason): void {
    this.reasonTo.set(a, [...(this.reasonTo.get(a) ?? []), { other: b, reason }]);
    this.reasonTo.set(b, [...(this.reasonTo.get(b) ?? []), { other: a, reason }]);
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/** Each variant's link to the canonical value, or its first link when not linked directly. */
function reasonFor(groups: Groups, value: string, canonical: string): AliasReason {
  const links = groups.reasonTo.get(value) ?? [];
  return (links.find((link) => link.other === canonical) ?? links[0]).reason;
}

/** Variants among one comparison's values (both sides pooled); see suggestAliases. */
function suggestAmong(
  found: readonly Found[],
  loose: boolean,
): { variant: Found; canonical: Found; reason: AliasReason }[] {
  const groups = new Groups();
  const byKey = (key: (value: string) => string, reason: AliasReason) => {
    const seen = new Map<string, string>();
    for (const { value } of found) {
      const k = key(value);
      if (k === '') continue;
      const first = seen.get(k);
      if (first === undefined) seen.set(k, value);
      // Compared loosely, case and spacing variants are one value already: nothing to suggest.
      else if (!(loose && categoryKey(first) === categoryKey(value))) groups.join(first, value, reason);
    }
  };
  byKey(plainKey, 'case-spacing');
  byKey(andKey, 'and-ampersand');
  byKey(expandedKey, 'abbreviation');
  // Misspellings first, so that an acronym is matched against groups of one name, not spellings.
  const keys = found.map(({ value }) => ({ value, key: expandedKey(value) }));
  for (let x = 0; x < keys.length; x++) {
    for (let y = x + 1; y < keys.length; y++) {
      const a = keys[x];
      const b = keys[y];
      const limit = allowedTypos(Math.min(a.key.length, b.key.length));
      if (limit === 0 || a.key === b.key || Math.abs(a.key.length - b.key.length) > limit) continue;
      if (editDistance(a.key, b.key) <= limit) groups.join(a.value, b.value, 'spelling');
    }
  }
  const longer = found.filter(({ value }) => !isAcronym(value));
  for (const { value } of found) {
    if (isAcronym(value)) {
      const upper = value.toUpperCase();
      const names = longer.filter((other) => initialsOf(other.value).includes(upper));
      const distinct = new Set(names.map((other) => groups.find(other.value)));
      if (distinct.size === 1) for (const other of names) groups.join(other.value, value, 'acronym');
    }
    const parts = bracketParts(value);
    if (parts) {
      for (const other of found) {
        if (other.value === value) continue;
        if (expandedKey(other.value) === expandedKey(parts[0]) || plainKey(other.value) === plainKey(parts[1])) {
          groups.join(other.value, value, 'brackets');
        }
      }
    }
  }
  const members = new Map<string, Found[]>();
  for (const item of found) {
    if (!groups.reasonTo.has(item.value)) continue;
    const root = groups.find(item.value);
    members.set(root, [...(members.get(root) ?? []), item]);
  }
  const suggestions: { variant: Found; canonical: Found; reason: AliasReason }[] = [];
  for (const group of members.values()) {
    // The canonical value: a full name rather than an acronym or a bracketed form, without spaces
    // around or doubled, then the most used, then the first met.
    const tidy = (value: string) => value === value.trim().replace(/\s+/g, ' ');
    const score = (item: Found) =>
      (isAcronym(item.value) ? 0 : 4) +
      (bracketParts(item.value) ? 0 : 2) +
      (tidy(item.value) ? 1 : 0) +
      item.rows.length / 1e6;
    const canonical = group.reduce((best, item) => (score(item) > score(best) ? item : best));
    for (const variant of group) {
      if (variant !== canonical)
        suggestions.push({ variant, canonical, reason: reasonFor(groups, variant.value, canonical.value) });
    }
  }
  return suggestions;
}

/**
 * Likely variants of one value among the fields the rules compare as categories or lists (same,
 * different, overlap, equals), the values of both sides of a comparison pooled: one suggestion per
 * field and variant, with the value it probably means (a full name before an acronym or a bracketed
 * form, then the most used) and where the variant occurs. Ladder and number fields are left to
 * ladder aliases. Pass participants already aliased to be told only about what is left.
 */
export function suggestAliases(
  mentors: readonly Participant[],
  mentees: readonly Participant[],
  ruleSet: RuleSet,
): AliasSuggestion[] {
  const comparisons = new Map<
    string,
    { uses: { side: Role; field: string; separator: string | null }[]; loose: boolean }
  >();
  forEachCondition(ruleSet, (condition) => {
    let uses: { side: Role; field: string; separator: string | null }[] = [];
    if (condition.type === 'same' || condition.type === 'different') {
      uses = [
        { side: 'mentor', field: condition.mentor, separator: null },
        { side: 'mentee', field: condition.mentee, separator: null },
      ];
    } else if (condition.type === 'overlap') {
      uses = [
        { side: 'mentor', field: condition.mentor, separator: separatorOf(condition.mentorSeparator) },
        { side: 'mentee', field: condition.mentee, separator: separatorOf(condition.menteeSeparator) },
      ];
    } else if (condition.type === 'equals') {
      uses = [{ side: condition.side, field: condition.column, separator: null }];
    } else return;
    const key = JSON.stringify(uses);
    if (!comparisons.has(key)) comparisons.set(key, { uses, loose: comparisonOf(condition) === 'loose' });
  });
  const suggestions = new Map<string, AliasSuggestion>();
  for (const { uses, loose } of comparisons.values()) {
    const found = new Map<string, Found>();
    // Each value's rows so far, by table: a common value (an organisation) is on thousands of rows.
    const rowsSeen = new Map<Found, Map<string, Set<number>>>();
    for (const use of uses) {
      for (const person of use.side === 'mentor' ? mentors : mentees) {
        const cell = ownValue(person.fields, use.field) ?? null;
        for (const item of itemsOf(cell, use.separator, !loose)) {
          let entry = found.get(item);
          if (entry === undefined) {
            entry = { value: item, rows: [], fields: new Set<string>() };
            found.set(item, entry);
            rowsSeen.set(entry, new Map());
          }
          const byTable = rowsSeen.get(entry)!;
          let seen = byTable.get(person.source);
          if (seen === undefined) byTable.set(person.source, (seen = new Set()));
          if (!seen.has(person.row)) {
            seen.add(person.row);
            entry.rows.push({ table: person.source, row: person.row });
          }
          entry.fields.add(use.field);
        }
      }
    }
    const tableOrder = new Map<string, number>();
    for (const entry of found.values()) {
      for (const r of entry.rows) if (!tableOrder.has(r.table)) tableOrder.set(r.table, tableOrder.size);
    }
    for (const entry of found.values()) {
      entry.rows.sort((a, b) => tableOrder.get(a.table)! - tableOrder.get(b.table)! || a.row - b.row);
    }
    for (const { variant, canonical, reason } of suggestAmong([...found.values()], loose)) {
      for (const field of variant.fields) {
        const key = `${field}\u0000${variant.value}`;
        if (!suggestions.has(key)) {
          suggestions.set(key, { field, value: variant.value, canonical: canonical.value, reason, rows: variant.rows });
        }
      }
    }
  }
  return [...suggestions.values()];
}

const reasonWords: Record<AliasReason, string> = {
  'case-spacing': 'they differ only in case, spacing or punctuation',
  'and-ampersand': 'they differ in "&" and "and"',
  abbreviation: 'one abbreviates words of the other',
  acronym: 'one is the initials of the other',
  brackets: 'one is the other with a part in brackets',
  spelling: 'they differ by a letter or two',
};

/** A suggestion as a warning a coordinator can act on. */
export function aliasSuggestionProblem(suggestion: AliasSuggestion): InputProblem {
  const first = suggestion.rows[0];
  const where = `${first.table} row${suggestion.rows.length === 1 ? '' : 's'} ${suggestion.rows
    .slice(0, 5)
    .map((r) => r.row)
    .join(', ')}${suggestion.rows.length > 5 ? ` and ${suggestion.rows.length - 5} more` : ''}`;
  return {
    severity: 'warning',
    code: 'alias-suggested',
    table: first.table,
    row: first.row,
    column: suggestion.field,
    value: suggestion.value,
    message:
      `Field "${suggestion.field}": "${suggestion.value}" (${where}) may mean "${suggestion.canonical}" ` +
      `(${reasonWords[suggestion.reason]}); accept the alias to treat them as one value`,
  };
}

/** The CSV shape of aliases and suggestions: `field,value,canonical`. */
export const aliasTableHeader = ['field', 'value', 'canonical'] as const;

/** Suggestions (or any aliases) as a `field,value,canonical` table, for a coordinator to edit. */
export function aliasTable(entries: readonly Pick<AliasSuggestion, 'field' | 'value' | 'canonical'>[]): {
  header: string[];
  rows: string[][];
} {
  return { header: [...aliasTableHeader], rows: entries.map((e) => [e.field, e.value, e.canonical]) };
}

/**
 * Aliases from a `field,value,canonical` table (the CLI's --aliases file). Rows missing a part, and
 * a variant given two different canonical values, are errors naming the row.
 */
export function aliasesFromTable(table: Table): { aliases: ValueAliases; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const index = aliasTableHeader.map((name) =>
    table.header.findIndex((column) => headerKey(column) === headerKey(name)),
  );
  const missing = aliasTableHeader.filter((_, i) => index[i] < 0);
  if (missing.length > 0) {
    return {
      aliases: {},
      problems: [
        {
          severity: 'error',
          code: 'missing-column',
          table: table.source,
          message:
            `${table.source}: an aliases file needs the columns field, value and canonical ` +
            `(missing: ${missing.join(', ')})`,
        },
      ],
    };
  }
  const aliases: ValueAliases = emptyRecord();
  const firstRow = new Map<string, number>();
  table.rows.forEach((row, rowIndex) => {
    const [field, value, canonical] = index.map((i) =>
      row[i] === null || row[i] === undefined ? '' : String(row[i]).trim(),
    );
    if (field === '' && value === '' && canonical === '') return;
    const rowNumber = displayRowNumber(table, rowIndex);
    if (field === '' || value === '' || canonical === '') {
      problems.push({
        severity: 'error',
        code: 'invalid-alias',
        table: table.source,
        row: rowNumber,
        message: `${table.source} row ${rowNumber}: an alias needs a field, a value and its canonical value`,
      });
      return;
    }
    const map = ownValue(aliases, field) ?? emptyRecord<string>();
    const key = `${field}\u0000${categoryKey(value)}`;
    const earlier = ownValue(map, value);
    if (firstRow.has(key) && earlier !== undefined && earlier !== canonical) {
      problems.push({
        severity: 'error',
        code: 'invalid-alias',
        table: table.source,
        row: rowNumber,
        value,
        message:
          `${table.source} row ${rowNumber}: "${value}" (${field}) is already an alias of "${earlier}" ` +
          `on row ${firstRow.get(key)}`,
      });
      return;
    }
    firstRow.set(key, rowNumber);
    map[value] = canonical;
    aliases[field] = map;
  });
  return { aliases, problems };
}
