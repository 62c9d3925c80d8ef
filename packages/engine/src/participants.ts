// Tables → participants. Each data row becomes one Participant (two for a "both" row of a people
// table), keyed by email; every column is kept as an attribute, and the mapped fields are kept by
// their logical names for the rules. Row-level problems (missing columns, blank rows, bad
// capacities or roles) are reported with the row number the user sees.
import type { Cell, Table } from '@mentor-matcher/tabular';
import { columnLetter, displayRowNumber } from '@mentor-matcher/tabular';
import type { InputProblem, Participant, Role } from './model.js';
import type { ColumnMapping } from './mapping.js';
import { headerKey, nearestHeader } from './mapping.js';
import { fieldLabel } from './fields.js';
import type { Rule, RuleSet } from './rules/schema.js';
import { forEachCondition, referencedColumns } from './rules/schema.js';
import { emptyRecord, ownValue } from './own-keys.js';

export interface ReadResult {
  participants: Participant[];
  problems: InputProblem[];
}

export interface ReadPeopleResult {
  mentors: Participant[];
  mentees: Participant[];
  problems: InputProblem[];
}

/** Characters that show as nothing: zero-width space, non-joiner and joiner, word joiner, byte order mark, soft hyphen. */
const invisibleInAddresses = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/**
 * An email address as it can be used: Unicode NFKC (full-width `ａ` is `a`), invisible characters
 * removed, trimmed. A copy-paste from a web page or a document often brings a zero-width space or a
 * soft hyphen along; left in, the same person looked like two and could be paired with themself.
 */
export function cleanEmail(email: string): string {
  return email.normalize('NFKC').replace(invisibleInAddresses, '').trim();
}

/** The id of a person: their email cleaned (see cleanEmail) and lower-cased. */
export function participantId(email: string): string {
  return cleanEmail(email).toLowerCase();
}

/** A logical field's value: from `fields` when the reader set it, else the attribute with that header. */
export function participantValue(participant: Participant, field: string): Cell {
  if (participant.fields && Object.hasOwn(participant.fields, field)) return participant.fields[field] ?? null;
  if (Object.hasOwn(participant.attributes, field)) return participant.attributes[field] ?? null;
  const key = headerKey(field);
  for (const [column, value] of Object.entries(participant.attributes)) {
    if (headerKey(column) === key) return value;
  }
  return null;
}

const cellText = (cell: Cell) => (cell === null ? '' : String(cell).trim());
const isBlankRow = (row: readonly Cell[]) => row.every((cell) => cellText(cell) === '');

function rulesUsing(ruleSet: RuleSet, field: string, side: Role): string[] {
  const ids = new Set<string>();
  forEachCondition(ruleSet, (condition, rule: Rule) => {
    const uses =
      condition.type === 'equals'
        ? condition.side === side && condition.column === field
        : 'mentor' in condition && condition[side] === field;
    if (uses) ids.add(rule.id);
  });
  return [...ids];
}

function columnProblems(
  table: Table,
  mapping: ColumnMapping,
  ruleSet: RuleSet,
  sides: readonly Role[],
): InputProblem[] {
  const problems: InputProblem[] = [];
  const referenced = referencedColumns(ruleSet);
  const reported = new Set<string>();
  for (const side of sides) {
    for (const field of referenced[side]) {
      if (reported.has(field)) continue;
      const mapped = ownValue(mapping, field);
      if (mapped !== undefined && table.header.includes(mapped)) continue;
      reported.add(field);
      const wanted = mapped ?? field;
      const suggestion = nearestHeader(table.header, wanted);
      const users = rulesUsing(ruleSet, field, side);
      const usedBy =
        users.length > 0
          ? `rule${users.length > 1 ? 's' : ''} ${users.map((id) => `"${id}"`).join(', ')} read${users.length > 1 ? '' : 's'} it`
          : 'the capacity setting reads it';
      // One sentence naming the field and what needs it; the header list is the Columns panel's job.
      const what =
        mapped === undefined
          ? `no column was found for the field "${field}"`
          : `the field "${field}" is set to the column "${mapped}", which is not in the header`;
      problems.push({
        severity: 'error',
        code: 'missing-column',
        table: table.source,
        column: wanted,
        message: `${table.source}: ${what} (${usedBy}); choose the column that holds it${suggestion ? `, perhaps "${suggestion}"` : ''}`,
      });
    }
  }
  for (const [field, column] of Object.entries(mapping)) {
    if (reported.has(field) || table.header.includes(column)) continue;
    const suggestion = nearestHeader(table.header, column);
    problems.push({
      severity: 'error',
      code: 'missing-column',
      table: table.source,
      column,
      message: `${table.source}: the ${fieldLabel(field)} column is set to "${column}", which is not in the header${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
    });
  }
  problems.push(...readerWarnings(table), ...lookalikeColumnProblems(table, mapping));
  if (ownValue(mapping, 'email') === undefined) {
    problems.push({
      severity: 'warning',
      code: 'missing-column',
      table: table.source,
      column: 'email',
      message: `${table.source}: no email column, so people are told apart by row number and locked or forbidden pairs cannot name them`,
    });
  }
  if (['name', 'firstName', 'lastName'].every((field) => ownValue(mapping, field) === undefined)) {
    problems.push({
      severity: 'warning',
      code: 'missing-column',
      table: table.source,
      column: 'name',
      message: `${table.source}: no name column (first name, last name or name), so results show emails instead of names`,
    });
  }
  return problems;
}

/**
 * What the table reader did that the user should know (an encoding assumed, blank rows trimmed, a
 * hidden first sheet passed over), as warnings beside the engine's own, so every adapter shows them.
 */
function readerWarnings(table: Table): InputProblem[] {
  return (table.warnings ?? []).map((warning) => ({
    severity: 'warning' as const,
    code: warning.code,
    table: table.source,
    message: warning.message,
    ...(warning.row !== undefined ? { row: warning.row } : {}),
    ...(warning.column !== undefined && warning.column < table.header.length
      ? { column: table.header[warning.column] }
      : {}),
  }));
}

/**
 * Two headers that differ only in case, spacing or punctuation ("email address", "Email Address")
 * are the same column to detection, which used the first one without a word; the other may hold
 * the values someone meant. One warning per mapped column, naming both (with their letters) and
 * the one used. Empty headers are never a field's column and are not compared.
 */
function lookalikeColumnProblems(table: Table, mapping: ColumnMapping): InputProblem[] {
  const letter = (index: number) => columnLetter(table.firstColumn + index);
  const problems: InputProblem[] = [];
  const reported = new Set<string>();
  for (const column of Object.values(mapping)) {
    const key = headerKey(column);
    const used = table.header.indexOf(column);
    if (key === '' || used < 0 || reported.has(column)) continue;
    reported.add(column);
    const others = table.header.flatMap((header, index) =>
      index !== used && headerKey(header) === key ? [index] : [],
    );
    if (others.length === 0) continue;
    const named = others.map((index) => `"${table.header[index]}" (column ${letter(index)})`).join(', ');
    problems.push({
      severity: 'warning',
      code: 'lookalike-columns',
      table: table.source,
      column,
      message:
        `${table.source}: columns "${column}" (column ${letter(used)}) and ${named} have the same name but for case ` +
        `or punctuation; "${column}" (column ${letter(used)}) is used. ` +
        'Rename or delete the other if it holds what you meant.',
    });
  }
  return problems;
}

interface RowContext {
  table: Table;
  mapping: ColumnMapping;
  ruleSet: RuleSet;
  columnIndex: Map<string, number>;
  problems: InputProblem[];
}

function rowCell(context: RowContext, row: readonly Cell[], field: string): Cell {
  const column = ownValue(context.mapping, field);
  if (column === undefined) return null;
  const index = context.columnIndex.get(column);
  return index === undefined ? null : (row[index] ?? null);
}

function capacityOf(context: RowContext, row: readonly Cell[], rowNumber: number, role: Role): number {
  const setting = context.ruleSet.capacity[role];
  const field = setting.column ?? (ownValue(context.mapping, 'capacity') !== undefined ? 'capacity' : undefined);
  if (field === undefined) return setting.default;
  const cell = rowCell(context, row, field);
  if (cellText(cell) === '') return setting.default;
  const value = typeof cell === 'number' ? cell : Number(cellText(cell));
  if (!Number.isInteger(value) || value < 0 || value > 1000) {
    const column = ownValue(context.mapping, field) ?? field;
    context.problems.push({
      severity: 'error',
      code: 'invalid-capacity',
      table: context.table.source,
      row: rowNumber,
      column,
      value: cell,
      message: `${context.table.source} row ${rowNumber}, column "${column}": capacity ${JSON.stringify(cell)} is not a whole number from 0 to 1000`,
    });
    return setting.default;
  }
  return value;
}

function buildParticipant(
  context: RowContext,
  row: readonly Cell[],
  rowIndex: number,
  role: Role,
  index: number,
): Participant {
  const { table } = context;
  const rowNumber = displayRowNumber(table, rowIndex);
  const attributes = emptyRecord<Cell>();
  table.header.forEach((column, c) => {
    const name = column.trim() === '' ? `column ${columnLetter(table.firstColumn + c)}` : column;
    if (!Object.hasOwn(attributes, name)) attributes[name] = row[c] ?? null;
  });
  const fields = emptyRecord<Cell>();
  for (const field of Object.keys(context.mapping)) fields[field] = rowCell(context, row, field);
  const email = cleanEmail(cellText(fields.email ?? null));
  const first = cellText(fields.firstName ?? null);
  const last = cellText(fields.lastName ?? null);
  const fullName = cellText(fields.name ?? null) || [first, last].filter((part) => part !== '').join(' ');
  const id = email !== '' ? participantId(email) : `${table.source}#${rowNumber}`;
  return {
    id,
    role,
    index,
    // With neither a name nor an email, the row says who it is; the email column stays blank.
    name: fullName || email || `${table.source} row ${rowNumber}`,
    firstName: first || fullName.split(/\s+/)[0] || '',
    email: email !== '' ? email : null,
    capacity: capacityOf(context, row, rowNumber, role),
    source: table.source,
    row: rowNumber,
    attributes,
    fields,
    mapping: context.mapping,
  };
}

/** Blank rows of one table, counted as they are met; the first few are kept to be named. */
class BlankRows {
  private readonly first: number[] = [];
  private count = 0;

  constructor(private readonly table: Table) {}

  add(rowIndex: number): void {
    if (this.first.length < ROWS_NAMED) this.first.push(displayRowNumber(this.table, rowIndex));
    this.count++;
  }

  /**
   * One warning for all of them: a sheet exported with a million empty rows gives one line, not a
   * million (each a problem object, a line on the terminal and an entry in summary.json).
   */
  problems(): InputProblem[] {
    const { table, first, count } = this;
    if (count === 0) return [];
    const row = first[0];
    const more = count > first.length ? ` and ${(count - first.length).toLocaleString('en')} more` : '';
    const message =
      count === 1
        ? `${table.source} row ${row} is blank and was skipped`
        : `${table.source}: ${count.toLocaleString('en')} blank rows were skipped (rows ${first.join(', ')}${more})`;
    return [{ severity: 'warning', code: 'blank-row', table: table.source, row, message }];
  }
}

const ROWS_NAMED = 5;

/**
 * A table with a header and nobody under it (only blank rows, or none) is a mistake in the input:
 * the wrong file, sheet or range. Matching nobody would "succeed" and tell everyone else that no
 * partner was possible.
 */
function noDataRowsProblem(table: Table, who: string): InputProblem {
  const blanks = table.rows.length;
  const what =
    blanks === 0
      ? 'only a header row'
      : `a header and ${blanks.toLocaleString('en')} blank row${blanks === 1 ? '' : 's'}`;
  return {
    severity: 'error',
    code: 'no-data-rows',
    table: table.source,
    message: `${table.source} has ${what}, so there are no ${who} to match; check that this is the right file, sheet or range`,
  };
}

function context(table: Table, mapping: ColumnMapping, ruleSet: RuleSet, problems: InputProblem[]): RowContext {
  const columnIndex = new Map<string, number>();
  table.header.forEach((column, index) => {
    if (!columnIndex.has(column)) columnIndex.set(column, index);
  });
  return { table, mapping, ruleSet, columnIndex, problems };
}

/** One side's participants from one table (mentors.csv, mentees.csv). */
export function readParticipants(table: Table, role: Role, mapping: ColumnMapping, ruleSet: RuleSet): ReadResult {
  const problems = columnProblems(table, mapping, ruleSet, [role]);
  const rows = context(table, mapping, ruleSet, problems);
  const participants: Participant[] = [];
  const blank = new BlankRows(table);
  table.rows.forEach((row, rowIndex) => {
    if (isBlankRow(row)) blank.add(rowIndex);
    else participants.push(buildParticipant(rows, row, rowIndex, role, participants.length));
  });
  const empty = participants.length === 0 ? [noDataRowsProblem(table, `${role}s`)] : [];
  return { participants, problems: [...problems, ...empty, ...blank.problems()] };
}

const roleWords = new Map<string, readonly Role[]>([
  ['mentor', ['mentor']],
  ['mentors', ['mentor']],
  ['mentee', ['mentee']],
  ['mentees', ['mentee']],
  ['both', ['mentor', 'mentee']],
  ['mentorandmentee', ['mentor', 'mentee']],
  ['menteeandmentor', ['mentor', 'mentee']],
  ['bothmentorandmentee', ['mentor', 'mentee']],
]);

/**
 * Both sides from one table with a role column (mentor / mentee / both). Someone marked "both"
 * appears on each side with the same id, and scoring never pairs them with themself.
 */
export function readPeople(
  table: Table,
  roleColumnOrNone: string | undefined,
  mapping: ColumnMapping,
  ruleSet: RuleSet,
): ReadPeopleResult {
  const roleColumn = roleColumnOrNone || (ownValue(mapping, 'role') ?? '');
  const problems = columnProblems(table, mapping, ruleSet, ['mentor', 'mentee']);
  const rows = context(table, mapping, ruleSet, problems);
  const mentors: Participant[] = [];
  const mentees: Participant[] = [];
  const roleIndex = rows.columnIndex.get(roleColumn);
  if (roleIndex === undefined) {
    const suggestion = roleColumn === '' ? null : nearestHeader(table.header, roleColumn);
    // A role column chosen but not in the header is already one error, from columnProblems.
    if (problems.some((p) => p.code === 'missing-column' && p.severity === 'error' && p.column === roleColumn))
      return { mentors, mentees, problems };
    problems.push({
      severity: 'error',
      code: 'missing-column',
      table: table.source,
      column: roleColumn === '' ? 'role' : roleColumn,
      message:
        roleColumn === ''
          ? `${table.source}: no column was found for the field "role" (mentor, mentee or both); choose the column that holds it`
          : `${table.source}: no role column "${roleColumn}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
    });
    return { mentors, mentees, problems };
  }
  const blank = new BlankRows(table);
  table.rows.forEach((row, rowIndex) => {
    if (isBlankRow(row)) {
      blank.add(rowIndex);
      return;
    }
    const cell = row[roleIndex] ?? null;
    const roles = roleWords.get(headerKey(cellText(cell)));
    if (!roles) {
      const rowNumber = displayRowNumber(table, rowIndex);
      problems.push({
        severity: 'error',
        code: 'invalid-role',
        table: table.source,
        row: rowNumber,
        column: roleColumn,
        value: cell,
        message:
          cellText(cell) === ''
            ? `${table.source} row ${rowNumber}, column "${roleColumn}": the role is blank; write mentor, mentee or both`
            : `${table.source} row ${rowNumber}, column "${roleColumn}": role ${JSON.stringify(cell)} is not mentor, mentee or both`,
      });
      return;
    }
    for (const role of roles) {
      const side = role === 'mentor' ? mentors : mentees;
      side.push(buildParticipant(rows, row, rowIndex, role, side.length));
    }
  });
  if (mentors.length === 0 && mentees.length === 0 && !problems.some((p) => p.code === 'invalid-role')) {
    problems.push(noDataRowsProblem(table, 'mentors or mentees'));
  } else {
    for (const [side, people] of [
      ['mentor', mentors],
      ['mentee', mentees],
    ] as const) {
      if (people.length > 0 || problems.some((p) => p.code === 'invalid-role')) continue;
      problems.push({
        severity: 'error',
        code: 'no-data-rows',
        table: table.source,
        column: roleColumn,
        message: `${table.source}: no row has the role ${side} (or both) in column "${roleColumn}", so there are no ${side}s to match`,
      });
    }
  }
  problems.push(...blank.problems());
  // A "both" row is read once per side; a bad cell in it is still one problem.
  const seen = new Set<string>();
  const unique = problems.filter((problem) => {
    if (seen.has(problem.message)) return false;
    seen.add(problem.message);
    return true;
  });
  return { mentors, mentees, problems: unique };
}
