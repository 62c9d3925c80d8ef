// Which rows the match uses: what to do with someone who signed up more than once (stop, keep their
// latest sign-up by the timestamp column, or keep their first), whether to match without the rows
// that have errors, and the list of every input row that is not used, with why. The same list
// follows the results (the Match step, and the Skipped sheet or file).
import type { DuplicatesPolicy } from '@mentor-matcher/engine';
import type { SkippedRowData } from '../worker/protocol.js';
import { disclosure } from './disclosure.js';
import { checkboxField, dropdown } from './fluent-fields.js';
import { field, h } from './h.js';
import type { Pane } from './pane.js';
import type { Store } from './store.js';

const policies: { value: DuplicatesPolicy; label: string }[] = [
  { value: 'error', label: 'Stop and list them as errors' },
  { value: 'keep-latest', label: 'Keep their latest sign-up' },
  { value: 'keep-first', label: 'Keep their first sign-up' },
];

/** The timestamp column the mapping has for the tables read, for the duplicates hint. */
function timestampColumns({ store }: Pane): string[] {
  const fields = Object.values(store.state.check?.fields ?? {}).flat();
  return [...new Set(fields.filter((f) => f.field === 'timestamp' && f.header !== null).map((f) => f.header!))];
}

function duplicatesChoice(pane: Pane): HTMLElement {
  const { store, commands } = pane;
  const columns = timestampColumns(pane);
  const select = dropdown({
    choices: policies.map((p) => [p.value, p.label] as const),
    value: store.state.data.duplicates,
    focus: 'duplicates',
    disabled: store.state.running !== null,
    onChange: (value) => void commands.setDuplicates(value as DuplicatesPolicy),
  });
  const hint = columns.length
    ? `Same email on one side. Latest and first go by the timestamp column “${columns.join('”, “')}”.`
    : 'Same email on one side. There is no timestamp column, so the lower row counts as the later sign-up.';
  return field('Someone who signed up more than once', select, hint);
}

function skipRowsChoice({ store, commands }: Pane): HTMLElement {
  return checkboxField('Match without the rows that have errors (each is listed as not used)', {
    checked: store.state.data.skipInvalidRows,
    disabled: store.state.running !== null,
    focus: 'skip-invalid-rows',
    onChange: (skip) => void commands.setSkipInvalidRows(skip),
  });
}

/** Every input row not used, with why: "Mentoring sign-up.csv row 4 (ada@…): signed up again; …". */
export function skippedList(store: Store, skipped: readonly SkippedRowData[]): HTMLElement | null {
  if (skipped.length === 0) return null;
  return disclosure(
    store,
    'skipped',
    false,
    { class: 'skipped' },
    `Rows not used (${skipped.length})`,
    h(
      'ul',
      { class: 'skipped-rows', 'aria-label': 'Rows not used' },
      skipped.map((s) =>
        h(
          'li',
          { 'data-row': `${s.table}:${s.row}` },
          h('strong', {}, `${s.table} row ${s.row}`),
          s.email ? ` (${s.email})` : '',
          `: ${s.reason}`,
        ),
      ),
    ),
  );
}

/**
 * The choices about rows, shown once the check finds something they apply to (a repeated email, a
 * row with an error) or once chosen; and the rows the check would leave out.
 */
export function rowPolicy(pane: Pane): HTMLElement | null {
  const { state } = pane.store;
  const check = state.check;
  const problems = state.checkProblems;
  const duplicates =
    problems.some((p) => p.code === 'duplicate-id') ||
    state.data.duplicates !== 'error' ||
    (check?.skipped ?? []).some((s) => s.code === 'duplicate-superseded');
  const rowErrors = problems.some((p) => p.severity === 'error' && p.row !== undefined) || state.data.skipInvalidRows;
  if (!check && !duplicates && !rowErrors) return null;
  if (!duplicates && !rowErrors && (check?.skipped.length ?? 0) === 0) return null;
  return h(
    'section',
    { class: 'row-policy', 'aria-labelledby': 'row-policy-title' },
    h('h2', { id: 'row-policy-title' }, 'Rows'),
    duplicates ? duplicatesChoice(pane) : null,
    rowErrors ? skipRowsChoice(pane) : null,
    skippedList(pane.store, check?.skipped ?? []),
  );
}
