// Checks before solving, over participants already read: duplicate people, values a ladder does
// not know, near-duplicate categories, capacity against demand, forbidden pairs naming nobody,
// and (given the score matrix) people left with no eligible partner. Each problem names the
// table, the row the user sees, the column and the value.
import type { Cell } from '@mentor-matcher/tabular';
import type { InputProblem, PairScores, Participant, Role } from './model.js';
import type { AliasSuggestion } from './aliases.js';
import { findNearDuplicates } from './near-duplicates.js';
import { categoryKey, comparisonKey, numericValue } from './encoding.js';
import { participantId, participantValue } from './participants.js';
import { buildLadder } from './rules/ladders.js';
import type { RuleSet } from './rules/schema.js';
import { comparisonOf, forEachCondition, separatorOf } from './rules/schema.js';
import { ownValue } from './own-keys.js';
import { emailAddressProblem } from './email-address.js';

const ROWS_LISTED = 5;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const sideName = (role: Role) => (role === 'mentor' ? 'mentors' : 'mentees');

/** The header a logical field was read from, for messages; the field name when unknown. */
function headerOf(person: Participant | undefined, field: string): string {
  return ownValue(person?.mapping, field) ?? field;
}

function listRows(rows: readonly number[]): string {
  const shown = rows.slice(0, ROWS_LISTED).join(', ');
  return rows.length > ROWS_LISTED ? `${shown} and ${rows.length - ROWS_LISTED} more` : shown;
}

function duplicateIds(people: readonly Participant[], role: Role): InputProblem[] {
  const byId = new Map<string, Participant[]>();
  for (const person of people) {
    if (person.email === null) continue;
    const same = byId.get(person.id) ?? [];
    same.push(person);
    byId.set(person.id, same);
  }
  const problems: InputProblem[] = [];
  for (const [id, same] of byId) {
    if (same.length < 2) continue;
    const [first, ...others] = same;
    for (const other of others) {
      problems.push({
        severity: 'error',
        code: 'duplicate-id',
        table: other.source,
        row: other.row,
        column: headerOf(other, 'email'),
        value: other.email,
        message: `${other.source} row ${other.row}: ${id} is already listed as a ${role} on ${first.source === other.source ? '' : `${first.source} `}row ${first.row}; each person may appear once among the ${sideName(role)}`,
      });
    }
  }
  return problems;
}

/**
 * People whose email cell is blank or not an address: they still take part, but Notify and the
 * mail merge cannot reach them and locked pairs cannot name them. One warning per side and kind.
 * An address that looks like one but that GOV.UK Notify would refuse (`jane.doe@gov`) is warned
 * about row by row, with Notify's reason: a mail merge may still reach it, so it is not an error.
 */
function emailProblems(people: readonly Participant[], role: Role): InputProblem[] {
  const withColumn = people.filter((person) => person.mapping?.email !== undefined);
  const blank = withColumn.filter((person) => person.email === null);
  const odd = withColumn.filter((person) => person.email !== null && !/^[^\s@]+@[^\s@]+$/.test(person.email));
  const problems: InputProblem[] = [];
  if (blank.length > 0) {
    const first = blank[0];
    problems.push({
      severity: 'warning',
      code: 'missing-email',
      table: first.source,
      row: first.row,
      column: headerOf(first, 'email'),
      message: `${first.source}: ${blank.length} ${blank.length === 1 ? role : sideName(role)} with a blank "${headerOf(first, 'email')}" (row${blank.length === 1 ? '' : 's'} ${listRows(blank.map((p) => p.row))}); they are matched, but cannot be emailed or named in locked pairs`,
    });
  }
  if (odd.length > 0) {
    const first = odd[0];
    problems.push({
      severity: 'warning',
      code: 'invalid-email',
      table: first.source,
      row: first.row,
      column: headerOf(first, 'email'),
      value: first.email,
      message:
        odd.length === 1
          ? `${first.source} row ${first.row}, column "${headerOf(first, 'email')}": "${first.email}" does not look like an email address`
          : `${first.source}: ${odd.length} ${sideName(role)} whose "${headerOf(first, 'email')}" does not look like an email address (rows ${listRows(odd.map((p) => p.row))}; first "${first.email}")`,
    });
  }
  const oddOnes = new Set(odd);
  for (const person of withColumn) {
    if (person.email === null || oddOnes.has(person)) continue;
    const problem = emailAddressProblem(person.email);
    if (problem === null) continue;
    const column = headerOf(person, 'email');
    problems.push({
      severity: 'warning',
      code: 'email-not-deliverable',
      table: person.source,
      row: person.row,
      column,
      value: person.email,
      message: `${person.source} row ${person.row}, column "${column}": "${person.email}" is not an address GOV.UK Notify can send to: ${problem}`,
    });
  }
  return problems;
}

// Invisible in a cell: format characters (zero-width, soft hyphen, byte order mark, bidirectional
// controls) and control characters. Names may keep the zero-width (non-)joiner, which Persian and
// Indic scripts need between letters.
const invisibleInEmail = /[\p{Cf}\p{Cc}]/gu;
const invisibleInName = /(?![\u200C\u200D])[\p{Cf}\p{Cc}]/gu;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A name or email holding characters that show as nothing: the text looks right and is not (a
 * pasted zero-width space, a soft hyphen, a bidirectional override). One warning per cell, naming
 * the row, the column and the characters; emails are compared without them (participantId).
 */
function invisibleCharacterProblems(people: readonly Participant[]): InputProblem[] {
  const problems: InputProblem[] = [];
  const reported = new Set<string>();
  for (const person of people) {
    for (const field of ['email', 'name', 'firstName', 'lastName'] as const) {
      const cell = ownValue(person.fields, field);
      if (typeof cell !== 'string') continue;
      const found = cell.match(field === 'email' ? invisibleInEmail : invisibleInName);
      if (!found) continue;
      const column = headerOf(person, field);
      const key = `${person.source}\u0000${person.row}\u0000${column}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const chars = [...new Set(found.map(codePoint))].join(', ');
      problems.push({
        severity: 'warning',
        code: 'invisible-characters',
        table: person.source,
        row: person.row,
        column,
        value: cell,
        message:
          `${person.source} row ${person.row}, column "${column}": the ${field === 'email' ? 'email' : 'name'} holds ` +
          `invisible characters (${chars})` +
          (field === 'email' ? '; they are ignored when telling people apart, and left out of the address' : ''),
      });
    }
  }
  return problems;
}

interface ColumnUse {
  readonly side: Role;
  readonly field: string;
}

/** Every ladder (or numeric) column a gap condition reads, once per side and column. */
function gapColumns(ruleSet: RuleSet): { use: ColumnUse; ladder: string | undefined }[] {
  const seen = new Map<string, { use: ColumnUse; ladder: string | undefined }>();
  forEachCondition(ruleSet, (condition) => {
    if (condition.type !== 'gap') return;
    for (const side of ['mentor', 'mentee'] as const) {
      const key = `${side}\u0000${condition[side]}\u0000${condition.ladder ?? ''}`;
      if (!seen.has(key)) seen.set(key, { use: { side, field: condition[side] }, ladder: condition.ladder });
    }
  });
  return [...seen.values()];
}

function ladderProblems(
  mentors: readonly Participant[],
  mentees: readonly Participant[],
  ruleSet: RuleSet,
): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const { use, ladder } of gapColumns(ruleSet)) {
    const people = use.side === 'mentor' ? mentors : mentees;
    const rank = ladder === undefined ? numericValue : buildLadder(ruleSet, ladder).rank;
    const blanks: Participant[] = [];
    for (const person of people) {
      const cell = participantValue(person, use.field);
      if (cell === null || String(cell).trim() === '') {
        blanks.push(person);
        continue;
      }
      if (!Number.isNaN(rank(cell))) continue;
      const column = headerOf(person, use.field);
      const expected = ladder === undefined ? 'a number' : `one of ${ruleSet.ladders[ladder].join(', ')}`;
      problems.push({
        severity: 'error',
        code: ladder === undefined ? 'not-a-number' : 'value-not-on-ladder',
        table: person.source,
        row: person.row,
        column,
        value: cell,
        message: `${person.source} row ${person.row}, column "${column}": ${JSON.stringify(cell)} is not ${expected}`,
      });
    }
    if (blanks.length > 0) {
      const column = headerOf(blanks[0], use.field);
      problems.push({
        severity: 'warning',
        code: 'blank-value',
        table: blanks[0].source,
        row: blanks[0].row,
        column,
        value: null,
        message: `${blanks[0].source}: ${plural(blanks.length, use.side)} with a blank "${column}" (row${blanks.length === 1 ? '' : 's'} ${listRows(blanks.map((p) => p.row))}); rules comparing ${column} will not hold for them`,
      });
    }
  }
  return problems;
}

/** Category columns compared across sides (same/different/overlap) or with a value (equals). */
interface CategoryGroup {
  uses: ColumnUse[];
  separators: (string | null)[];
  /** Compared exactly: variants in case or spacing are different values to the rules. */
  exact: boolean;
}

function categoryColumnGroups(ruleSet: RuleSet): CategoryGroup[] {
  const groups = new Map<string, CategoryGroup>();
  forEachCondition(ruleSet, (condition) => {
    let group: CategoryGroup | undefined;
    if (condition.type === 'same' || condition.type === 'different') {
      group = {
        uses: [
          { side: 'mentor', field: condition.mentor },
          { side: 'mentee', field: condition.mentee },
        ],
        separators: [null, null],
        exact: comparisonOf(condition) === 'exact',
      };
    } else if (condition.type === 'overlap') {
      group = {
        uses: [
          { side: 'mentor', field: condition.mentor },
          { side: 'mentee', field: condition.mentee },
        ],
        separators: [separatorOf(condition.mentorSeparator), separatorOf(condition.menteeSeparator)],
        exact: comparisonOf(condition) === 'exact',
      };
    }
    if (!group) return;
    const key = JSON.stringify(group);
    if (!groups.has(key)) groups.set(key, group);
  });
  return [...groups.values()];
}

function nearDuplicateProblems(
  mentors: readonly Participant[],
  mentees: readonly Participant[],
  ruleSet: RuleSet,
  suggested: readonly AliasSuggestion[] = [],
): InputProblem[] {
  // Two values that one alias suggestion already joins are said once, as that suggestion.
  const canonical = new Map(suggested.map((s) => [s.value, s.canonical]));
  const oneValue = (a: string, b: string) =>
    (canonical.has(a) || canonical.has(b)) && (canonical.get(a) ?? a) === (canonical.get(b) ?? b);
  const problems: InputProblem[] = [];
  const reported = new Set<string>();
  for (const { uses, separators, exact } of categoryColumnGroups(ruleSet)) {
    // Where each distinct value (as written) occurs: "mentors.csv row 4".
    const places = new Map<string, { person: Participant; field: string }[]>();
    uses.forEach((use, u) => {
      for (const person of use.side === 'mentor' ? mentors : mentees) {
        const cell: Cell = participantValue(person, use.field);
        const separator = separators[u];
        const items = exact
          ? exactItems(cell, separator)
          : separator === null
            ? [cell === null ? '' : String(cell).trim()]
            : splitAsWritten(cell, separator);
        for (const item of items) {
          if (item === '') continue;
          const list = places.get(item) ?? [];
          list.push({ person, field: use.field });
          places.set(item, list);
        }
      }
    });
    for (const { a, b, sameForRules } of findNearDuplicates([...places.keys()], exact)) {
      const key = `${a}\u0000${b}`;
      if (reported.has(key) || oneValue(a, b)) continue;
      reported.add(key);
      const where = (value: string) => {
        const at = places.get(value)!;
        const tables = new Map<string, number[]>();
        for (const { person } of at) tables.set(person.source, [...(tables.get(person.source) ?? []), person.row]);
        return [...tables]
          .map(([table, rows]) => `${table} row${rows.length === 1 ? '' : 's'} ${listRows(rows)}`)
          .join('; ');
      };
      const first = places.get(a)![0];
      const column = headerOf(first.person, first.field);
      problems.push({
        severity: 'warning',
        code: 'near-duplicate-value',
        table: first.person.source,
        row: first.person.row,
        column,
        value: a,
        message:
          `Column "${column}": "${a}" (${where(a)}) and "${b}" (${where(b)}) look like the same value` +
          (sameForRules && !exact
            ? '; they differ only in case or spacing, and the rules treat them as the same.'
            : '; the rules treat them as different, so correct one of them if they are the same.'),
      });
    }
  }
  return problems;
}

/** Items exactly as an `exact` comparison reads them (encoding.listKeys): split, not trimmed. */
function exactItems(cell: Cell, separator: string | null): string[] {
  if (cell === null) return [];
  const text = String(cell);
  return (separator === null ? [text] : text.split(separator)).filter((item) => item !== '');
}

/** List items as written (trimmed), for messages; comparison keys come from encoding.listKeys. */
function splitAsWritten(cell: Cell, separator: string): string[] {
  if (cell === null) return [];
  return String(cell)
    .split(separator)
    .map((item) => item.trim().replace(/\s+/g, ' '))
    .filter((item) => item !== '');
}

/**
 * An `equals` condition whose value no row has is almost always a spelling difference ("Y" for
 * "yes"), and it silently turns its rule off.
 */
function unmatchedValueProblems(
  mentors: readonly Participant[],
  mentees: readonly Participant[],
  ruleSet: RuleSet,
): InputProblem[] {
  const problems: InputProblem[] = [];
  const reported = new Set<string>();
  forEachCondition(ruleSet, (condition, rule) => {
    if (condition.type !== 'equals') return;
    const people = condition.side === 'mentor' ? mentors : mentees;
    const compare = comparisonOf(condition);
    const wanted = comparisonKey(condition.value, compare);
    const key = `${condition.side}\u0000${condition.column}\u0000${compare}\u0000${wanted}`;
    if (people.length === 0 || reported.has(key)) return;
    if (people.some((person) => comparisonKey(participantValue(person, condition.column), compare) === wanted)) return;
    reported.add(key);
    const column = headerOf(people[0], condition.column);
    const seen = [
      ...new Set(
        people
          .map((person) => participantValue(person, condition.column))
          .filter((cell) => categoryKey(cell) !== '')
          .map(String),
      ),
    ];
    problems.push({
      severity: 'warning',
      code: 'value-never-present',
      table: people[0].source,
      column,
      value: condition.value,
      message: `Rule "${rule.id}" looks for ${JSON.stringify(condition.value)} in the ${sideName(condition.side)}' "${column}" column, but no row has it${
        seen.length > 0
          ? ` (values found: ${seen
              .slice(0, 5)
              .map((v) => JSON.stringify(v))
              .join(', ')}${seen.length > 5 ? ', ...' : ''})`
          : ''
      }, so the rule never applies`,
    });
  });
  return problems;
}

function capacityProblems(mentors: readonly Participant[], mentees: readonly Participant[]): InputProblem[] {
  const problems: InputProblem[] = [];
  const places = (people: readonly Participant[]) => people.reduce((sum, p) => sum + p.capacity, 0);
  const wanting = (people: readonly Participant[]) => people.filter((p) => p.capacity > 0).length;
  const mentorPlaces = places(mentors);
  const menteesWanting = wanting(mentees);
  if (mentorPlaces < menteesWanting) {
    problems.push({
      severity: 'warning',
      code: 'capacity-short',
      message: `Mentors offer ${plural(mentorPlaces, 'place')} for ${plural(menteesWanting, 'mentee')}, so at least ${menteesWanting - mentorPlaces} mentee${menteesWanting - mentorPlaces === 1 ? '' : 's'} will have no mentor`,
    });
  }
  const menteePlaces = places(mentees);
  const mentorsWanting = wanting(mentors);
  if (menteePlaces < mentorsWanting) {
    problems.push({
      severity: 'warning',
      code: 'capacity-short',
      message: `Mentees accept ${plural(menteePlaces, 'mentor')} in all for ${plural(mentorsWanting, 'mentor')}, so at least ${mentorsWanting - menteePlaces} mentor${mentorsWanting - menteePlaces === 1 ? '' : 's'} will have no mentee`,
    });
  }
  return problems;
}

function forbiddenPairProblems(
  mentors: readonly Participant[],
  mentees: readonly Participant[],
  ruleSet: RuleSet,
): InputProblem[] {
  const mentorIds = new Set(mentors.map((p) => p.id));
  const menteeIds = new Set(mentees.map((p) => p.id));
  const problems: InputProblem[] = [];
  ruleSet.forbiddenPairs.forEach((pair, i) => {
    const missing = [
      mentorIds.has(participantId(pair.mentor)) ? null : `no mentor ${pair.mentor}`,
      menteeIds.has(participantId(pair.mentee)) ? null : `no mentee ${pair.mentee}`,
    ].filter((text) => text !== null);
    if (missing.length === 0) return;
    problems.push({
      severity: 'warning',
      code: 'unknown-pair-id',
      column: `forbiddenPairs[${i}]`,
      message: `forbiddenPairs[${i}] (${pair.mentor} with ${pair.mentee}) has no effect: ${missing.join(' and ')} in the data`,
    });
  });
  return problems;
}

/**
 * The checks that need the score matrix: who has no eligible partner. `checkInput` with a matrix is
 * its matrix-free checks followed by these, so a caller that already ran those adds only these.
 */
export function noPartnerProblems(matrix: PairScores): InputProblem[] {
  const problems: InputProblem[] = [];
  const rows = matrix.mentees.length;
  const cols = matrix.mentors.length;
  const report = (person: Participant, role: Role) => {
    const reasons = matrix
      .exclusionCounts(role, person.index)
      .filter((r) => r.count > 0)
      .sort((x, y) => y.count - x.count)
      .map((r) => `${r.label} (${r.count})`);
    const others = role === 'mentee' ? cols : rows;
    problems.push({
      severity: 'warning',
      code: 'no-eligible-partner',
      table: person.source,
      row: person.row,
      value: person.id,
      message: `${person.source} row ${person.row}: ${person.name} (${role}) has no eligible ${role === 'mentee' ? 'mentor' : 'mentee'}${others > 0 && reasons.length > 0 ? `; excluded by ${reasons.join(', ')}` : ''}`,
    });
  };
  matrix.mentees.forEach((person, i) => {
    if (person.capacity > 0 && matrix.eligibleCountByMentee[i] === 0) report(person, 'mentee');
  });
  matrix.mentors.forEach((person, j) => {
    if (person.capacity > 0 && matrix.eligibleCountByMentor[j] === 0) report(person, 'mentor');
  });
  return problems;
}

/**
 * Everything that can be checked about the participants before solving; with `matrix`, also who
 * has no eligible partner. Errors stop a run; warnings are reported and it goes on.
 */
export function checkInput(
  mentors: readonly Participant[],
  mentees: readonly Participant[],
  ruleSet: RuleSet,
  matrix?: PairScores,
  /** Alias suggestions already made (suggestAliases): the near-duplicates they cover are not repeated. */
  suggested?: readonly AliasSuggestion[],
): InputProblem[] {
  return [
    ...duplicateIds(mentors, 'mentor'),
    ...duplicateIds(mentees, 'mentee'),
    ...emailProblems(mentors, 'mentor'),
    ...emailProblems(mentees, 'mentee'),
    // One list, so that someone on both sides of a people table is warned about once.
    ...invisibleCharacterProblems([...mentors, ...mentees]),
    ...ladderProblems(mentors, mentees, ruleSet),
    ...nearDuplicateProblems(mentors, mentees, ruleSet, suggested),
    ...unmatchedValueProblems(mentors, mentees, ruleSet),
    ...capacityProblems(mentors, mentees),
    ...forbiddenPairProblems(mentors, mentees, ruleSet),
    ...(matrix ? noPartnerProblems(matrix) : []),
  ];
}
