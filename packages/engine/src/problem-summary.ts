// Long lists of the same problem, shortened for people: a sheet with 50,000 rows of one bad grade is
// 50,000 problems, and printed or saved whole they bury everything else (a million such lines made
// a 223 MB summary.json). The engine's runs keep every problem; what is shown or saved goes through
// summariseProblems: the first few of each kind as they are, then one line saying how many more.
import type { InputProblem } from './model.js';

/** Problems of one kind (severity, code and table) shown before the rest are counted. */
export const PROBLEMS_SHOWN_PER_KIND = 10;

/** Rows named in a summary line before "and N more". */
const ROWS_NAMED = 5;

const kindOf = (problem: InputProblem) => `${problem.severity}\u0000${problem.code}\u0000${problem.table ?? ''}`;

/**
 * `problems` in their order, each kind cut to its first `shownPerKind`, followed (where the kind
 * had more) by one problem of the same severity, code and table that says how many more there are
 * and names their first rows. The count of problems a run had is `problems.length`, not the
 * length of this list.
 */
export function summariseProblems(
  problems: readonly InputProblem[],
  shownPerKind: number = PROBLEMS_SHOWN_PER_KIND,
): InputProblem[] {
  const kinds = new Map<string, { shown: number; more: number; rows: number[]; last: number }>();
  const kept: InputProblem[] = [];
  const lastOfKind = new Map<string, number>();
  for (const problem of problems) {
    const kind = kindOf(problem);
    const seen = kinds.get(kind) ?? { shown: 0, more: 0, rows: [], last: -1 };
    kinds.set(kind, seen);
    if (seen.shown < shownPerKind) {
      seen.shown++;
      kept.push(problem);
      lastOfKind.set(kind, kept.length - 1);
      continue;
    }
    seen.more++;
    if (problem.row !== undefined && seen.rows.length < ROWS_NAMED) seen.rows.push(problem.row);
  }
  // Each summary follows the last problem shown of its kind.
  const after = new Map<number, InputProblem[]>();
  for (const [kind, seen] of kinds) {
    if (seen.more === 0) continue;
    const [severity, code, table] = kind.split('\u0000');
    // The code stays on the problem for programs; the sentence a coordinator reads names the rows only.
    const rows =
      seen.rows.length > 0 ? ` (rows ${seen.rows.join(', ')}${seen.more > seen.rows.length ? ', …' : ''})` : '';
    const where = table !== '' ? `${table}: ` : '';
    const summary: InputProblem = {
      severity: severity as InputProblem['severity'],
      code,
      ...(table !== '' ? { table } : {}),
      message: `${where}and ${seen.more.toLocaleString('en')} more ${severity}${seen.more === 1 ? '' : 's'} like the above${rows}`,
    };
    const at = lastOfKind.get(kind)!;
    after.set(at, [...(after.get(at) ?? []), summary]);
  }
  return kept.flatMap((problem, i) => [problem, ...(after.get(i) ?? [])]);
}
