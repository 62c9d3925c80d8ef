// Near-duplicate category values: "Dept for Education" and "Department for Education" are one
// organisation to a person and two to a "same organisation" rule. Compares the distinct values
// only (a few hundred at most), so the O(k²) pass is cheap; the edit distance is bounded.
import { categoryKey } from './encoding.js';
import { editDistance } from './mapping.js';

export const abbreviations: Record<string, string> = {
  dept: 'department',
  depts: 'department',
  dep: 'department',
  departments: 'department',
  govt: 'government',
  gov: 'government',
  min: 'ministry',
  mins: 'ministry',
  intl: 'international',
  natl: 'national',
  dev: 'development',
  mgmt: 'management',
  svc: 'service',
  svcs: 'service',
  services: 'service',
  hr: 'human resources',
  it: 'information technology',
  uk: 'united kingdom',
  cttee: 'committee',
  ctte: 'committee',
  org: 'organisation',
  organization: 'organisation',
  st: 'saint',
  co: 'company',
  ltd: 'limited',
};
const fillerWords = new Set(['of', 'for', 'the', 'and', 'in', 'on', 'ministry', 'department', 'office']);

/**
 * A value's comparison form: case, spacing and punctuation dropped, "&" read as "and", common
 * abbreviations expanded, and filler words ("of", "for", "Department", "Ministry") removed, so that
 * "Dept. for Education", "Department of Education" and "Education" meet.
 */
export function looseKey(value: string): string {
  const words = value
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '')
    .flatMap((word) => (Object.hasOwn(abbreviations, word) ? abbreviations[word] : word).split(' '));
  const meaningful = words.filter((word) => !fillerWords.has(word));
  return (meaningful.length > 0 ? meaningful : words).join(' ');
}

export interface NearDuplicate {
  readonly a: string;
  readonly b: string;
  /** True when the two only differ in case or spacing: rules treat them as one value already. */
  readonly sameForRules: boolean;
}

/** Edit distance allowed between two loose keys: typos in long names, nothing in short codes. */
function allowedDistance(length: number): number {
  if (length < 4) return 0;
  if (length < 10) return 1;
  return 2;
}

/**
 * Pairs of distinct values that probably mean the same thing, each pair once, in input order.
 * `asWritten`: the values are compared exactly by the rules, so "Policy" and "Policy " are kept
 * apart here too (and reported), instead of being trimmed into one.
 */
export function findNearDuplicates(values: readonly string[], asWritten = false): NearDuplicate[] {
  const distinct = [...new Set(values.map((v) => (asWritten ? v : v.trim())).filter((v) => v.trim() !== ''))];
  const keys = distinct.map((value) => ({ value, exact: categoryKey(value), loose: looseKey(value) }));
  const found: NearDuplicate[] = [];
  for (let x = 0; x < keys.length; x++) {
    for (let y = x + 1; y < keys.length; y++) {
      const a = keys[x];
      const b = keys[y];
      if (a.exact === b.exact) {
        found.push({ a: a.value, b: b.value, sameForRules: true });
        continue;
      }
      const limit = allowedDistance(Math.min(a.loose.length, b.loose.length));
      if (
        a.loose === b.loose ||
        (Math.abs(a.loose.length - b.loose.length) <= limit && limit > 0 && editDistance(a.loose, b.loose) <= limit)
      ) {
        found.push({ a: a.value, b: b.value, sameForRules: false });
      }
    }
  }
  return found;
}
