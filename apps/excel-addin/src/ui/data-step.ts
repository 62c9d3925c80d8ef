// Step 1: pick the tables (an Excel table, the current selection, or files on the standalone page),
// see and correct the column of every field (columns-panel.ts), accept value aliases
// (alias-suggestions.ts), choose what happens to repeated and bad rows (row-policy.ts), and see the
// checks, each pointing at its cell.
import { generateMentorMatchData } from '@mentor-matcher/sample-data';
import { loadStatus, preselect } from '../data/file-loading.js';
import type { LoadedFile, StandaloneHost } from '../host/standalone-host.js';
import { aliasSuggestions } from './alias-suggestions.js';
import { columnsPanel } from './columns-panel.js';
import { dropdown, radioGroupField } from './fluent-fields.js';
import { field, h, later } from './h.js';
import type { Pane } from './pane.js';
import { problemList } from './problem-list.js';
import { rowPolicy } from './row-policy.js';
import { rolesNeeded, type Role } from './store.js';

/** The sample size last chosen: the Data step is drawn again after a sample loads, and keeps it. */
let chosenSampleSize = 50;

const roleLabels: Record<Role, string> = { mentors: 'Mentors', mentees: 'Mentees', people: 'People (one table)' };

function sourcePicker({ store, host, commands }: Pane, role: Role): HTMLElement {
  const { state } = store;
  const select = dropdown({
    focus: `source-${role}`,
    value: state.picked[role] ?? '',
    choices: [['', '— choose —'], ...state.sources.map((s) => [s.id, `${s.label} (${s.detail})`] as const)],
    onChange: (id) => store.dispatch({ type: 'pick-source', role, id: id || undefined }),
  });
  const selection =
    host.selectionSource &&
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'data-focus': `selection-${role}`,
        onclick: later(async () => {
          try {
            const option = await host.selectionSource!();
            store.dispatch({
              type: 'set-sources',
              sources: [...store.state.sources.filter((s) => s.id !== option.id), option],
            });
            store.dispatch({ type: 'pick-source', role, id: option.id });
            commands.say(`${roleLabels[role]}: using the selection ${option.label}.`);
            store.dispatch({ type: 'redraw' });
          } catch (error) {
            commands.fail(error);
          }
        }),
      },
      'Use current selection',
    );
  const picked = state.sources.find((s) => s.id === state.picked[role]);
  return h(
    'div',
    { class: 'row' },
    field(roleLabels[role], select, picked ? `Reading ${picked.label}` : undefined),
    selection || null,
  );
}

/** Each loaded file: its sheets with what was found on each, and what the reader had to say. */
function loadedFiles(files: readonly LoadedFile[]): HTMLElement | null {
  if (files.length === 0) return null;
  return h(
    'ul',
    { class: 'loaded-files', 'aria-label': 'Loaded files' },
    files.map((file) =>
      h(
        'li',
        { 'data-file': file.name },
        h('strong', {}, file.name),
        file.sheets.length
          ? h(
              'ul',
              {},
              file.sheets.map((sheet) => h('li', {}, `${sheet.name}: ${sheet.note}`)),
            )
          : null,
        file.warnings.map((warning) => h('p', { class: 'muted' }, warning)),
      ),
    ),
  );
}

function standaloneLoaders({ store, commands }: Pane, host: StandaloneHost): HTMLElement {
  const input = h('input', {
    type: 'file',
    accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    multiple: true,
    onchange: later(async (event: Event) => {
      const files = [...((event.target as HTMLInputElement).files ?? [])];
      commands.say(`Reading ${files.map((f) => f.name).join(', ')}…`);
      // Each file is read in the file worker on its own: one refused file does not stop the others.
      const reads = await Promise.all(
        files.map(async (file) => {
          try {
            return { loaded: await host.addFile(file.name, new Uint8Array(await file.arrayBuffer())) };
          } catch (error) {
            return { refused: { name: file.name, message: error instanceof Error ? error.message : String(error) } };
          }
        }),
      );
      const loaded = reads.flatMap((r) => (r.loaded ? [r.loaded] : []));
      const refused = reads.flatMap((r) => (r.refused ? [r.refused] : []));
      try {
        store.dispatch({ type: 'files-loaded', files: loaded });
        await commands.refreshSources();
        const picked = preselect(rolesNeeded(store.state), store.state.picked, store.state.sources, loaded);
        for (const role of rolesNeeded(store.state)) {
          if (picked[role]) store.dispatch({ type: 'pick-source', role, id: picked[role] });
        }
        const status = loadStatus(loaded, refused);
        commands.say(status.text, status.tone);
      } catch (error) {
        commands.fail(error);
      }
    }),
  });
  const sampleSize = dropdown({
    focus: 'sample-size',
    value: String(chosenSampleSize),
    choices: [50, 500, 2000].map((n) => [String(n), `${n} × ${n}`] as const),
    onChange: (size) => {
      chosenSampleSize = Number(size);
    },
  });
  return h(
    'div',
    { class: 'card' },
    field('Load CSV or XLSX files', input, 'The files are read by this page only; nothing is uploaded.'),
    loadedFiles(store.state.files),
    h(
      'div',
      { class: 'actions' },
      field('Sample size', sampleSize),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-focus': 'sample',
          onclick: later(async () => {
            const size = chosenSampleSize;
            const sample = generateMentorMatchData({ mentors: size, mentees: size, seed: 2026 });
            host.addTable('sample:mentors', { ...sample.mentors, source: 'sample mentors' });
            host.addTable('sample:mentees', { ...sample.mentees, source: 'sample mentees' });
            store.dispatch({ type: 'set-mode', mode: 'two-tables' });
            store.dispatch({ type: 'pick-source', role: 'mentors', id: 'sample:mentors' });
            store.dispatch({ type: 'pick-source', role: 'mentees', id: 'sample:mentees' });
            await commands.refreshSources();
            commands.say(`Sample data: ${size} made-up mentors and ${size} mentees.`, 'ok');
          }),
        },
        'Try with sample data',
      ),
    ),
  );
}

export function renderDataStep(pane: Pane): HTMLElement {
  const { store, host, commands } = pane;
  const { state } = store;
  const layout = radioGroupField('How is the sign-up data laid out?', {
    value: state.mode,
    choices: [
      ['two-tables', 'Two tables: mentors and mentees'],
      ['one-table', 'One table with a role column'],
    ],
    focus: (value) => `layout-${value}`,
    onChange: (mode) => {
      store.dispatch({ type: 'set-mode', mode });
      void commands.refreshSources().catch((error) => commands.fail(error));
    },
  });
  const refresh =
    host.kind === 'excel'
      ? h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-focus': 'refresh',
            onclick: () => void commands.refreshSources().catch((error) => commands.fail(error)),
          },
          'Refresh the list of tables',
        )
      : null;
  return h(
    'section',
    {},
    h('h2', {}, 'Data'),
    host.kind === 'standalone' ? standaloneLoaders(pane, host as StandaloneHost) : null,
    layout,
    rolesNeeded(state).map((role) => sourcePicker(pane, role)),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'primary', 'data-focus': 'check', onclick: () => void commands.check() },
        'Read and check',
      ),
      refresh,
    ),
    columnsPanel(pane),
    aliasSuggestions(pane),
    rowPolicy(pane),
    state.check || state.checkProblems.length ? h('h2', {}, 'Checks') : null,
    // Alias suggestions are listed above, each with its Accept button.
    state.check || state.checkProblems.length
      ? problemList(
          pane,
          state.checkProblems.filter((p) => p.code !== 'alias-suggested'),
        )
      : null,
  );
}
