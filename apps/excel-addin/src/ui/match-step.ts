// Step 3: run the match in the worker with a progress bar and Cancel; then the headlines, any
// warnings, and on the standalone page the result tables with downloads.
import { emailSheetNames } from '../app/result-sheets.js';
import { csvDownloads, xlsxDownload, type Download } from '../host/downloads.js';
import type { StandaloneHost } from '../host/standalone-host.js';
import type { ResultSheet } from '../host/workbook-host.js';
import { h } from './h.js';
import type { Pane } from './pane.js';
import { problemList } from './problem-list.js';

const previewRows = 25;

/** Files are built only when asked for, so a big result never blocks the page right after a run. */
function downloadButton(pane: Pane, label: string, fileName: string, make: () => Download): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      'data-download': fileName,
      'data-focus': `download-${fileName}`,
      onclick: () => {
        try {
          const item = make();
          const url = URL.createObjectURL(new Blob([item.content as BlobPart], { type: item.mimeType }));
          const link = h('a', { href: url, download: item.fileName });
          document.body.append(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        } catch (error) {
          pane.commands.fail(error);
        }
      },
    },
    label,
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
      h('thead', {}, h('tr', {}, sheet.header.map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        sheet.rows.slice(0, previewRows).map((row) => h('tr', {}, row.map((cell) => h('td', {}, cell === null ? '' : String(cell))))),
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
    sheet.rows.length > previewRows ? h('p', { class: 'muted' }, `First ${previewRows} rows shown; the downloads hold all of them.`) : null,
  );
  details.addEventListener('toggle', () => {
    if (details.open && !details.querySelector('table')) details.querySelector('summary')!.after(previewTable(sheet));
  });
  return details;
}

function standaloneResults(pane: Pane, host: StandaloneHost): HTMLElement | null {
  const sheets = host.results();
  if (sheets.length === 0 || !pane.store.state.result) return null;
  const csvButton = (sheet: ResultSheet) => downloadButton(pane, `${sheet.name} (CSV)`, `${sheet.name}.csv`, () => csvDownloads([sheet])[0]);
  const isEmail = (sheet: ResultSheet) => emailSheetNames.includes(sheet.name);
  const downloads = h(
    'div',
    { id: 'downloads' },
    h(
      'div',
      { class: 'actions' },
      'Download:',
      downloadButton(pane, 'All results (XLSX)', 'mentor-matches.xlsx', () => xlsxDownload(sheets)),
      sheets.filter((sheet) => !isEmail(sheet)).map(csvButton),
    ),
    h('div', { class: 'actions' }, 'Emails (a GOV.UK Notify bulk list per kind, and one mail-merge sheet):', sheets.filter(isEmail).map(csvButton)),
  );
  return h('section', {}, h('h2', {}, 'Results'), downloads, sheets.map((sheet, i) => preview(sheet, i === 0)));
}

export function renderMatchStep(pane: Pane): HTMLElement {
  const { store, host, commands } = pane;
  const { running, result } = store.state;
  const progress = running
    ? h(
        'div',
        { class: 'card', 'aria-busy': 'true' },
        h('label', { for: 'match-progress', id: 'progress-label' }, `${running.message} (${Math.round(running.fraction * 100)}%)`),
        h('progress', { id: 'match-progress', max: '1', value: String(running.fraction) }),
        h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'cancel', onclick: () => commands.cancel() }, 'Cancel')),
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
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'primary', id: 'run-match', disabled: running !== null, onclick: () => void commands.match() },
        result ? 'Match again' : 'Match',
      ),
      result
        ? h('button', { type: 'button', class: 'secondary', id: 'go-review', onclick: () => store.dispatch({ type: 'go', step: 'review' }) }, 'Review the pairs')
        : null,
    ),
    progress,
    result
      ? h(
          'section',
          {},
          h('h2', {}, 'Summary'),
          h('ul', { class: 'headlines' }, result.headlines.map((line) => h('li', {}, line))),
          result.problems.length ? h('h3', {}, 'Warnings') : null,
          result.problems.length ? problemList(pane, result.problems) : null,
        )
      : null,
    host.kind === 'standalone' ? standaloneResults(pane, host as StandaloneHost) : null,
  );
}
