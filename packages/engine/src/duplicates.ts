// Duplicate sign-ups: the same email (cleaned, case ignored; see participantId) twice on one side.
// The policy says what happens: `error` (the default) stops the run with one error per repeat;
// `keep-latest` keeps the sign-up with the latest time in the timestamp column (the later row when
// there is no such column, or when times tie); `keep-first` keeps the earliest. Every row left
// behind becomes a SkippedRow naming the row that was kept, so nobody disappears without a reason.
import { z } from 'zod';
import type { Cell } from '@mentor-matcher/tabular';
import type { InputProblem, Participant, SkippedRow } from './model.js';
import { readTimestamps } from './timestamps.js';
import { ownValue } from './own-keys.js';

export const duplicatesPolicySchema = z.enum(['error', 'keep-latest', 'keep-first']);
export type DuplicatesPolicy = z.infer<typeof duplicatesPolicySchema>;

export interface DuplicatesOutcome {
  readonly mentors: Participant[];
  readonly mentees: Participant[];
  readonly skipped: SkippedRow[];
  readonly problems: InputProblem[];
}

const cellText = (cell: Cell) => (cell === null ? '' : String(cell).trim());
const rowKey = (person: Participant) => `${person.source}\u0000${person.row}`;

/** Sign-up times per table and row, each table's column read as a whole (timestamps.ts). */
function signUpTimes(people: readonly Participant[]): {
  timeOf: (person: Participant) => number | null;
  problems: InputProblem[];
} {
  const bySource = new Map<string, Participant[]>();
  for (const person of people) {
    if (ownValue(person.mapping, 'timestamp') === undefined) continue;
    const list = bySource.get(person.source) ?? [];
    list.push(person);
    bySource.set(person.source, list);
  }
  const times = new Map<string, number | null>();
  const problems: InputProblem[] = [];
  for (const [source, list] of bySource) {
    // A "both" row is on each side: read each row once, so the column's order is decided over rows.
    const rows = [...new Map(list.map((person) => [person.row, person])).values()];
    const column = readTimestamps(rows.map((person) => ownValue(person.fields, 'timestamp') ?? null));
    const header = ownValue(rows[0].mapping, 'timestamp') ?? 'timestamp';
    if (column.unreadable.length > 0) {
      const bad = column.unreadable.map((i) => rows[i]);
      const shown = bad
        .slice(0, 5)
        .map((p) => `row ${p.row} ${JSON.stringify(cellText(ownValue(p.fields, 'timestamp') ?? null))}`);
      problems.push({
        severity: 'error',
        code: 'unreadable-timestamps',
        table: source,
        column: header,
        message:
          `${source}: the sign-up times in column "${header}" cannot be read as dates and times ` +
          `(${shown.join(', ')}${bad.length > 5 ? ` and ${bad.length - 5} more` : ''}), so the latest ` +
          'sign-up cannot be told; correct them, or choose another timestamp column or none ' +
          '(then the later row is kept)',
      });
      continue;
    }
    if (column.orderAssumed) {
      problems.push({
        severity: 'warning',
        code: 'timestamp-order-assumed',
        table: source,
        column: header,
        message:
          `${source}: no date in column "${header}" says whether the day or the month comes first; ` +
          'they were read day first (as UK exports write them)',
      });
    }
    rows.forEach((person, i) => times.set(rowKey(person), column.times[i]));
  }
  return { timeOf: (person) => times.get(rowKey(person)) ?? null, problems };
}

/**
 * Which of a person's sign-ups to keep: by time where every one has a time, else by row; ties go
 * to the later row for keep-latest and the earlier for keep-first.
 */
function chooseKept(
  same: readonly Participant[],
  latest: boolean,
  timeOf: (p: Participant) => number | null,
): Participant {
  const byTime = same.every((person) => timeOf(person) !== null);
  let kept = same[0];
  for (const person of same.slice(1)) {
    const a = byTime ? timeOf(person)! : 0;
    const b = byTime ? timeOf(kept)! : 0;
    const later = a > b || (a === b && person.row > kept.row);
    const earlier = a < b || (a === b && person.row < kept.row);
    if (latest ? later : earlier) kept = person;
  }
  return kept;
}

const reindex = (people: readonly Participant[]): Participant[] =>
  people.map((person, index) => (person.index === index ? person : { ...person, index }));

/** Applies the policy to both sides; `error` changes nothing (checkInput reports the duplicates). */
export function applyDuplicatesPolicy(
  mentors: readonly Participant[],
  mentees: readonly Participant[],
  policy: DuplicatesPolicy,
): DuplicatesOutcome {
  if (policy === 'error') return { mentors: [...mentors], mentees: [...mentees], skipped: [], problems: [] };
  const { timeOf, problems } = signUpTimes([...mentors, ...mentees]);
  if (problems.some((p) => p.severity === 'error'))
    return { mentors: [...mentors], mentees: [...mentees], skipped: [], problems };
  const skipped = new Map<string, SkippedRow>();
  const keepSide = (people: readonly Participant[]): Participant[] => {
    const byId = new Map<string, Participant[]>();
    for (const person of people) {
      if (person.email === null) continue;
      byId.set(person.id, [...(byId.get(person.id) ?? []), person]);
    }
    const dropped = new Set<Participant>();
    for (const same of byId.values()) {
      if (same.length < 2) continue;
      const kept = chooseKept(same, policy === 'keep-latest', timeOf);
      const keptTime = cellText(ownValue(kept.fields, 'timestamp') ?? null);
      for (const person of same) {
        if (person === kept) continue;
        dropped.add(person);
        const which = policy === 'keep-latest' ? 'later' : 'earlier';
        const place = kept.source === person.source ? `row ${kept.row}` : `${kept.source} row ${kept.row}`;
        skipped.set(rowKey(person), {
          table: person.source,
          row: person.row,
          email: person.email,
          code: 'duplicate-superseded',
          reason:
            `${person.email} signed up again; ` +
            `the ${which} sign-up on ${place}${keptTime ? ` (${keptTime})` : ''} is used`,
        });
      }
    }
    return reindex(people.filter((person) => !dropped.has(person)));
  };
  const keptMentors = keepSide(mentors);
  const keptMentees = keepSide(mentees);
  return { mentors: keptMentors, mentees: keptMentees, skipped: inInputOrder([...skipped.values()]), problems };
}

/** Skipped rows table by table (in the order the tables are first met), each table's rows in order. */
export function inInputOrder(skipped: readonly SkippedRow[]): SkippedRow[] {
  const tables = [...new Set(skipped.map((s) => s.table))];
  return [...skipped].sort((a, b) => tables.indexOf(a.table) - tables.indexOf(b.table) || a.row - b.row);
}

/** Participants without the rows in `rows` (`source\0row` keys), re-indexed. */
export function withoutRows(people: readonly Participant[], rows: ReadonlySet<string>): Participant[] {
  return reindex(people.filter((person) => !rows.has(rowKey(person))));
}

export { rowKey as participantRowKey };
