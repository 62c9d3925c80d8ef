// Column mapping: which header holds each logical field. Detected from header names ignoring case,
// spacing and punctuation, with common synonyms; the rule set's `columns` and the caller's
// overrides win over detection.
import { z } from 'zod';
import type { RuleSet } from './rules/schema.js';
import { referencedColumns } from './rules/schema.js';
import { emptyRecord, ownValue } from './own-keys.js';

/** Logical field → header as written in the table. Only fields that were found (or overridden) appear. */
export const columnMappingSchema = z.record(z.string().min(1), z.string());
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export type MappingRole = 'mentor' | 'mentee' | 'people';

export const standardFields = ['firstName', 'lastName', 'name', 'email', 'role', 'capacity', 'bio', 'jobTitle'] as const;
export type StandardField = (typeof standardFields)[number];

/** Header comparison key: "E-mail Address" → "emailaddress". */
export function headerKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const synonyms: Record<string, readonly string[]> = {
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'work email', 'work email address', 'email addr'],
  firstName: ['first name', 'firstname', 'given name', 'forename', 'first'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'last'],
  name: ['name', 'full name', 'display name', 'your name'],
  role: ['role', 'mentor or mentee', 'mentor/mentee', 'participant type', 'taking part as', 'type'],
  capacity: ['capacity', 'max matches', 'maximum matches', 'number of matches', 'max partners', 'places', 'how many'],
  bio: ['biography', 'bio', 'about', 'about me', 'about you'],
  jobTitle: ['job title', 'title', 'role title', 'position', 'job'],
  organisation: ['organisation', 'organization', 'department', 'org', 'employer', 'agency'],
  profession: ['profession', 'professional group'],
  grade: ['grade', 'band', 'level', 'pay grade'],
};

function candidatesFor(field: string): string[] {
  const keys = new Set([headerKey(field), ...(ownValue(synonyms, field) ?? []).map(headerKey)]);
  return [...keys];
}

/**
 * Maps the standard fields and every column the rule set refers to (for this side) onto the header.
 * A field is mapped to the first header whose key equals the field's name or one of its synonyms,
 * preferring the field's own name; unmatched fields are left out (readParticipants reports them).
 */
export function detectMapping(header: readonly string[], role: MappingRole, ruleSet: RuleSet): ColumnMapping {
  const keys = header.map(headerKey);
  const referenced = referencedColumns(ruleSet);
  const ruleFields =
    role === 'mentor' ? referenced.mentor : role === 'mentee' ? referenced.mentee : [...new Set([...referenced.mentor, ...referenced.mentee])];
  const mapping: ColumnMapping = emptyRecord();
  const taken = new Set<string>();
  const assign = (field: string) => {
    if (Object.hasOwn(mapping, field)) return;
    for (const candidate of candidatesFor(field)) {
      const index = keys.indexOf(candidate);
      if (index >= 0 && (!taken.has(header[index]) || ruleFields.includes(field))) {
        mapping[field] = header[index];
        taken.add(header[index]);
        return;
      }
    }
  };
  // Rule columns first: a rule naming "role" or "title" means that exact column.
  for (const field of ruleFields) assign(field);
  for (const field of standardFields) assign(field);
  const overrides = ruleSet.columns?.[role] ?? {};
  for (const [field, column] of Object.entries(overrides)) mapping[field] = column;
  return mapping;
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
  for (const column of header) {
    const key = headerKey(column);
    const distance = key.includes(target) || target.includes(key) ? Math.abs(key.length - target.length) : editDistance(key, target);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = column;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(target.length / 3)) ? best : null;
}
