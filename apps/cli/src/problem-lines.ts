// Input problems as lines a coordinator can act on: severity, message, and where it is when the
// message does not already say.
import { summariseProblems, type InputProblem } from '@mentor-matcher/engine';
import { printable } from './terminal-text.js';

export function problemLine(problem: InputProblem): string {
  const where: string[] = [];
  if (problem.table && !problem.message.includes(problem.table)) where.push(problem.table);
  // "row 4", or "rows 4, 9, 32", "rows 3, 7 and 9" and "rows 2, 3 and 45 more": a row the message already names.
  if (problem.row !== undefined && !new RegExp(`\\brows? (?:\\d+(?:, | and ))*${problem.row}\\b`).test(problem.message))
    where.push(`row ${problem.row}`);
  if (problem.column && !problem.message.includes(problem.column)) where.push(`column "${problem.column}"`);
  const value = problem.value;
  if (value !== undefined && value !== null && value !== '' && !problem.message.includes(String(value)))
    where.push(`value "${String(value)}"`);
  // Messages quote cells and file names: printed as they are, an ESC sequence or a bidi override
  // in a cell would act on the terminal.
  return printable(`${problem.severity}: ${problem.message}${where.length > 0 ? ` (${where.join(', ')})` : ''}`);
}

/** Errors first, then warnings; a long run of one kind is cut to its first few and a count (summariseProblems). */
export function problemReport(problems: readonly InputProblem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity !== 'error');
  const lines = summariseProblems([...errors, ...warnings]).map((p) => `${problemLine(p)}\n`);
  // The engine's and readers' sentences are shared with the add-in ("choose the column", "Name a
  // sheet"): once per kind, say which option does it here.
  const present = (code: string, hint: OptionHint) =>
    problems.some((p) => p.code === code && (hint.onWarning || p.severity === 'error'));
  const hints = Object.entries(optionHints)
    .filter(([code, hint]) => present(code, hint) && !(hint.unless && problems.some((p) => p.code === hint.unless)))
    .map(([, hint]) => `hint: ${hint.text}\n`);
  return [...lines, ...hints].join('');
}

interface OptionHint {
  readonly text: string;
  /** Also for warnings of the kind (else only for errors). */
  readonly onWarning: boolean;
  /** Not when a problem of this kind is there too (it says the option was given, and why it did not help). */
  readonly unless?: string;
}

const optionHints: Record<string, OptionHint> = {
  'missing-column': {
    text: 'to name the column that holds a field, add --column "FIELD=HEADER", e.g. --column "grade=Your grade".',
    onWarning: false,
  },
  'duplicate-id': {
    text: 'to keep one sign-up for each person instead, add --duplicates keep-latest (by the timestamp column, else the later row) or --duplicates keep-first.',
    onWarning: false,
    unless: 'unreadable-timestamps',
  },
  'unreadable-timestamps': {
    text: 'to read the sign-up times from another column, add --column "timestamp=HEADER"; with --column "timestamp=" none is read and the later row is kept.',
    onWarning: false,
  },
  'alias-suggested': {
    text: 'to accept suggested aliases, run check with --write-aliases aliases.csv, edit that file, and give it to match as --aliases aliases.csv.',
    onWarning: true,
  },
  'hidden-sheets': { text: 'to read another sheet, add --sheet NAME.', onWarning: true },
  'header-row-detected': {
    text: 'if another row is the header, delete the rows above it in the file and run again.',
    onWarning: true,
  },
};

export function countLine(problems: readonly InputProblem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
