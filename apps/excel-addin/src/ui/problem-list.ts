// The checks' problems as a list, each with Show (Excel: select the cell). Used by the Data and
// Match steps.
import type { ProblemData } from '../worker/protocol.js';
import { h } from './h.js';
import type { Pane } from './pane.js';

export function problemList({ host, commands }: Pane, problems: readonly ProblemData[]): HTMLElement {
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
          host.reveal && p.table
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  'aria-label': `Show in the sheet: ${p.message}`,
                  onclick: () =>
                    void host.reveal!({ source: p.table!, row: p.row, column: p.column }).catch((e) =>
                      commands.fail(e),
                    ),
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
