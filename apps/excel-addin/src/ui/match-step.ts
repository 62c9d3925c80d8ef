// Step 3: choose the result sheets, run the match in the worker with a progress bar and Cancel;
// then the headlines, any warnings, and on the standalone page one primary download (the results
// workbook), the other formats behind one control, and a preview of each sheet.
import { notifyTables, resultSheetNames } from '../app/result-sheets.js';
import type { StandaloneHost } from '../host/standalone-host.js';
import type { ResultSheet } from '../host/workbook-host.js';
import { resultTableNames, type ResultTableName } from '../worker/protocol.js';
import { checkboxField, setChecked } from './fluent-fields.js';
import { h, later } from './h.js';
import type { Pane } from './pane.js';
import { problemList } from './problem-list.js';
import { skippedList } from './row-policy.js';

const previewRows = 25;

/** The choices of result sheets: one per table, the four Notify lists as one. */
const sheetChoices: { label: string; tables: readonly ResultTableName[] }[] = [
  ...resultTableNames
    .filter((name) => !notifyTables.includes(name))
    .map((name) => ({ label: resultSheetNames[name].replace(/^Match /, ''), tables: [name] })),
  { label: 'GOV.UK Notify lists (4)', tables: notifyTables },
];

/** Files are built in the worker when asked for: the page's main thread only hands the bytes over. */
function downloadButton(
  pane: Pane,
  label: string,
  key: string,
  format: 'xlsx' | 'csv',
  tables: readonly ResultTableName[],
  primary = false,
): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: primary ? 'primary' : 'secondary',
      'data-download': key,
      'data-focus': `download-${key}`,
      onclick: later(async () => {
        try {
          const file = await pane.commands.resultFile(format, tables);
          const url = URL.createObjectURL(new Blob([file.bytes], { type: file.mimeType }));
          const link = h('a', { href: url, download: file.fileName });
          document.body.append(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        } catch (error) {
          pane.commands.fail(error);
        }
      }),
    },
    label,
  );
}

function sheetChoice({ store, host, commands }: Pane): HTMLElement {
  const chosen = new Set(store.state.resultTables);
  const title = host.kind === 'excel' ? 'Sheets to write' : 'Sheets in the results';
  const counted = (n: number) => `${title}: ${n} of ${resultTableNames.length}`;
  // The choice does not draw the step again (that would fold this list): the summary follows it here.
  const summary = h('summary', {}, counted(chosen.size));
  const choose = async (tables: readonly ResultTableName[], on: boolean, box: Element) => {
    const next = resultTableNames.filter((t) => (tables.includes(t) ? on : store.state.resultTables.includes(t)));
    if (next.length === 0) {
      setChecked(box, true);
      return commands.say('Keep at least one sheet.', 'error');
    }
    summary.textContent = counted(next.length);
    await commands.chooseResultTables(next);
  };
  return h(
    'details',
    { class: 'sheet-choice', id: 'sheet-choice' },
    summary,
    h(
      'fieldset',
      {},
      h('legend', { class: 'sr-only' }, title),
      sheetChoices.map((choice) => {
        const id = `sheet-${choice.tables[0]}`;
        return checkboxField(choice.label, {
          id,
          focus: id,
          checked: choice.tables.every((t) => chosen.has(t)),
          onChange: (on, event) => void choose(choice.tables, on, event.target as Element),
        });
      }),
    ),
  );
}

function previewTable(sheet: ResultSheet): HTMLElement {
  // Focusable, so the table can be scrolled sideways by keyboard.
  return h(
    'div',
    { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': `${sheet.name}, first rows` },
    h(
      'table',
      { class: 'data', 'data-sheet': sheet.name },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          sheet.header.map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        sheet.rows.slice(0, previewRows).map((row) =>
          h(
            'tr',
            {},
            row.map((cell) => h('td', {}, cell === null ? '' : String(cell))),
          ),
        ),
      ),
    ),
  );
}

/** A closed preview builds its table only when opened, to keep the page quick after a big run. */
function preview(sheet: ResultSheet, open: boolean): HTMLElement {
  const details = h(
    'details',
    { open },
    h('summary', {}, `${sheet.name} (${sheet.rows.length} rows)`),
    open ? previewTable(sheet) : null,
    sheet.rows.length > previewRows
      ? h('p', { class: 'muted' }, `First ${previewRows} rows shown; the downloads hold all of them.`)
      : null,
  );
  details.addEventListener('toggle', () => {
    if (details.open && !details.querySelector('table')) details.querySelector('summary')!.after(previewTable(sheet));
  });
  return details;
}

function standaloneResults(pane: Pane, host: StandaloneHost): HTMLElement | null {
  const sheets = host.results();
  if (sheets.length === 0 || !pane.store.state.result) return null;
  const written = resultTableNames.filter((name) => sheets.some((sheet) => sheet.name === resultSheetNames[name]));
  const downloads = h(
    'div',
    { id: 'downloads' },
    h(
      'div',
      { class: 'actions' },
      downloadButton(pane, 'Download the results workbook', 'mentor-matches.xlsx', 'xlsx', written, true),
    ),
    h(
      'details',
      { id: 'other-formats' },
      h('summary', {}, 'Other formats: one CSV file per sheet'),
      h(
        'div',
        { class: 'actions' },
        written.map((name) =>
          downloadButton(pane, `${resultSheetNames[name]} (CSV)`, `${resultSheetNames[name]}.csv`, 'csv', [name]),
        ),
      ),
    ),
  );
  return h(
    'section',
    {},
    h('h2', {}, 'Results'),
    downloads,
    sheets.map((sheet, i) => preview(sheet, i === 0)),
  );
}

export function renderMatchStep(pane: Pane): HTMLElement {
  const { store, host, commands } = pane;
  const { running, result } = store.state;
  const progress = running
    ? h(
        'div',
        { class: 'card', 'aria-busy': 'true' },
        h(
          'label',
          { for: 'match-progress', id: 'progress-label' },
          `${running.message} (${Math.round(running.fraction * 100)}%)`,
        ),
        h('progress', { id: 'match-progress', max: '1', value: String(running.fraction) }),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', class: 'secondary', id: 'cancel', onclick: () => commands.cancel() }, 'Cancel'),
        ),
      )
    : null;
  return h(
    'section',
    {},
    h('h2', {}, 'Match'),
    h(
      'p',
      { class: 'muted' },
      host.kind === 'excel'
        ? 'Matching runs in the background; Excel stays responsive. Results go to new sheets; pairs marked in the “lock” column of Match Pairs are kept.'
        : 'Matching runs in this page, in the background. Nothing is sent anywhere.',
    ),
    sheetChoice(pane),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          id: 'run-match',
          disabled: running !== null,
          onclick: () => void commands.match(),
        },
        result ? 'Match again' : 'Match',
      ),
      result
        ? h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              id: 'go-review',
              onclick: () => store.dispatch({ type: 'go', step: 'review' }),
            },
            'Review the pairs',
          )
        : null,
    ),
    progress,
    result
      ? h(
          'section',
          {},
          h('h2', {}, 'Summary'),
          h(
            'ul',
            { class: 'headlines' },
            result.headlines.map((line) => h('li', {}, line)),
          ),
          skippedList(store, result.skipped),
          result.problems.length ? h('h3', {}, 'Warnings') : null,
          result.problems.length ? problemList(pane, result.problems) : null,
        )
      : null,
    host.kind === 'standalone' ? standaloneResults(pane, host as StandaloneHost) : null,
  );
}
