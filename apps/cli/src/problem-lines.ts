// Input problems as lines a coordinator can act on: severity, message, and where it is when the
// message does not already say.
import { summariseProblems, type InputProblem } from '@mentor-matcher/engine';
import { printable } from './terminal-text.js';

export function problemLine(problem: InputProblem): string {
  const where: string[] = [];
  if (problem.table && !problem.message.includes(problem.table)) where.push(problem.table);
  // "row 4", or "rows 4, 9, 32" and "rows 2, 3 and 45 more": a row the message already names.
  if (problem.row !== undefined && !new RegExp(`\\brows? (?:\\d+, )*${problem.row}\\b`).test(problem.message))
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
  return summariseProblems([...errors, ...warnings])
    .map((p) => `${problemLine(p)}\n`)
    .join('');
}

export function countLine(problems: readonly InputProblem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
