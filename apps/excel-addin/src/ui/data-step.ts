// Step 1: pick the tables (an Excel table, the current selection, or files on the standalone page),
// see and correct the column mapping, and see the checks, each pointing at its cell.
import { generateMentorMatchData } from '@mentor-matcher/sample-data';
import type { StandaloneHost } from '../host/standalone-host.js';
import type { ProblemData } from '../worker/protocol.js';
import type { App } from './app.js';
import { field, h, uid } from './h.js';
import type { Role } from './state.js';

const roleLabels: Record<Role, string> = { mentors: 'Mentors', mentees: 'Mentees', people: 'People (one table)' };

function sourcePicker(app: App, role: Role): HTMLElement {
  const select = h(
    'select',
    {
      onchange: (event: Event) => {
        app.state.picked[role] = (event.target as HTMLSelectElement).value || undefined;
        app.state.check = null;
      },
    },
    h('option', { value: '' }, '— choose —'),
    app.state.sources.map((s) =>
      h('option', { value: s.id, selected: app.state.picked[role] === s.id }, `${s.label} (${s.detail})`),
    ),
  );
  const selection =
    app.host.selectionSource &&
    h(
      'button',
      {
        class: 'secondary',
        onclick: async () => {
          try {
            const option = await app.host.selectionSource!();
            app.state.sources = [...app.state.sources.filter((s) => s.id !== option.id), option];
            app.state.picked[role] = option.id;
            app.say(`${roleLabels[role]}: using the selection ${option.label}.`);
            app.render();
          } catch (error) {
            app.fail(error);
          }
        },
      },
      'Use current selection',
    );
  const picked = app.state.sources.find((s) => s.id === app.state.picked[role]);
  return h(
    'div',
    { class: 'row' },
    field(roleLabels[role], select, picked ? `Reading ${picked.label}` : undefined),
    selection || null,
  );
}

function standaloneLoaders(app: App, host: StandaloneHost): HTMLElement {
  const input = h('input', {
    type: 'file',
    accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    multiple: true,
    onchange: async (event: Event) => {
      const files = [...((event.target as HTMLInputElement).files ?? [])];
      try {
        for (const file of files) host.addFile(file.name, new Uint8Array(await file.arrayBuffer()));
        await app.refreshSources();
        app.say(`Loaded ${files.map((f) => f.name).join(', ')}.`, 'ok');
      } catch (error) {
        app.fail(error);
      }
      app.render();
    },
  });
  return h(
    'div',
    { class: 'card' },
    field('Load CSV or XLSX files', input, 'The files are read by this page only; nothing is uploaded.'),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          class: 'secondary',
          onclick: async () => {
            const sample = generateMentorMatchData({ mentors: 50, mentees: 50, seed: 2026 });
            host.addTable('sample:mentors', { ...sample.mentors, source: 'sample mentors' });
            host.addTable('sample:mentees', { ...sample.mentees, source: 'sample mentees' });
            app.state.mode = 'two-tables';
            app.state.picked = { mentors: 'sample:mentors', mentees: 'sample:mentees' };
            await app.refreshSources();
            app.say('Sample data: 50 made-up mentors and 50 mentees.', 'ok');
            app.render();
          },
        },
        'Try with sample data',
      ),
    ),
  );
}

function mappingEditor(app: App): HTMLElement | null {
  const check = app.state.check;
  if (!check) return null;
  const kinds = Object.entries(check.mappings);
  if (kinds.length === 0) return null;
  return h(
    'section',
    {},
    h('h2', {}, 'Columns'),
    h('p', { class: 'muted' }, 'The columns found for each field. Change one if it is wrong, then check again.'),
    kinds.map(([kind, mapping]) => {
      const role = (kind === 'mentor' ? 'mentors' : kind === 'mentee' ? 'mentees' : kind) as Role;
      const header = app.state.tables[role]?.header ?? Object.values(mapping);
      return h(
        'fieldset',
        { class: 'mapping' },
        h('legend', {}, roleLabels[role] ?? kind),
        Object.entries(mapping).map(([logical, column]) => {
          const select = h(
            'select',
            {
              'data-field': logical,
              onchange: (event: Event) => {
                const value = (event.target as HTMLSelectElement).value;
                const overrides = { ...(app.state.mapping[role as keyof typeof app.state.mapping] ?? {}) };
                overrides[logical] = value;
                app.state.mapping = { ...app.state.mapping, [role]: overrides };
              },
            },
            header.map((name) => h('option', { value: name, selected: name === column }, name)),
          );
          return field(logical, select);
        }),
      );
    }),
  );
}

export function problemList(app: App, problems: readonly ProblemData[]): HTMLElement {
  if (problems.length === 0) return h('p', { class: 'muted' }, 'No problems found.');
  const shown = problems.slice(0, 50);
  return h(
    'div',
    {},
    h(
      'ul',
      { class: 'problems' },
      shown.map((p) =>
        h(
          'li',
          { class: p.severity },
          h('span', { class: 'sr-only' }, `${p.severity}: `),
          p.message,
          app.host.reveal && p.table
            ? h(
                'button',
                {
                  class: 'link',
                  'aria-label': `Show in the sheet: ${p.message}`,
                  onclick: () => void app.host.reveal!({ source: p.table!, row: p.row, column: p.column }).catch((e) => app.fail(e)),
                },
                'Show',
              )
            : null,
        ),
      ),
    ),
    problems.length > shown.length ? h('p', { class: 'muted' }, `…and ${problems.length - shown.length} more.`) : null,
  );
}

export function renderDataStep(app: App): HTMLElement {
  const { state } = app;
  const name = uid('layout');
  const layout = h(
    'fieldset',
    {},
    h('legend', {}, 'How is the sign-up data laid out?'),
    (
      [
        ['two-tables', 'Two tables: mentors and mentees'],
        ['one-table', 'One table with a role column'],
      ] as const
    ).map(([value, label]) => {
      const id = uid('layout-option');
      return h(
        'div',
        {},
        h('input', {
          type: 'radio',
          name,
          id,
          value,
          checked: state.mode === value,
          onchange: () => {
            state.mode = value;
            state.check = null;
            void app.refreshSources().then(() => app.render());
          },
        }),
        h('label', { for: id }, ` ${label}`),
      );
    }),
  );
  const people = state.tables.people;
  const roleColumn =
    state.mode === 'one-table' && people
      ? field(
          'Role column',
          h(
            'select',
            {
              onchange: (event: Event) => {
                state.roleColumn = (event.target as HTMLSelectElement).value;
              },
            },
            h('option', { value: '' }, '— choose —'),
            people.header.map((c) => h('option', { value: c, selected: c === state.roleColumn }, c)),
          ),
          'Values: mentor, mentee or both.',
        )
      : null;
  const refresh =
    app.host.kind === 'excel'
      ? h(
          'button',
          {
            class: 'secondary',
            onclick: async () => {
              try {
                await app.refreshSources();
              } catch (error) {
                app.fail(error);
              }
              app.render();
            },
          },
          'Refresh the list of tables',
        )
      : null;
  return h(
    'section',
    {},
    h('h2', {}, 'Data'),
    app.host.kind === 'standalone' ? standaloneLoaders(app, app.host as StandaloneHost) : null,
    layout,
    app.rolesNeeded().map((role) => sourcePicker(app, role)),
    roleColumn,
    h(
      'div',
      { class: 'actions' },
      h('button', { class: 'primary', onclick: () => void app.check() }, 'Read and check'),
      refresh,
    ),
    mappingEditor(app),
    state.check || state.checkProblems.length ? h('h2', {}, 'Checks') : null,
    state.check || state.checkProblems.length ? problemList(app, state.checkProblems) : null,
  );
}
