// The Data step's value aliases: the check's suggestions (values that are probably one, such as "DWP"
// and "Department for Work and Pensions"), each accepted with one click or all at once, and the
// aliases accepted so far, each undone with one click. Accepted aliases are saved with the rule set
// and used by every check and match after.
import type { AliasSuggestionData } from '../worker/protocol.js';
import { disclosure } from './disclosure.js';
import { h, later } from './h.js';
import type { Pane } from './pane.js';

function rowsOf(s: AliasSuggestionData): string {
  const rows = s.rows.map((r) => r.row);
  const shown = rows.slice(0, 5).join(', ');
  return `row${rows.length === 1 ? '' : 's'} ${shown}${rows.length > 5 ? ` and ${rows.length - 5} more` : ''}`;
}

// Focus keys by place in the list: once a suggestion is accepted (or an alias undone), the one that
// takes its place gets the focus, so a keyboard user goes on down the list.
function suggestionItem({ store, commands }: Pane, s: AliasSuggestionData, index: number): HTMLElement {
  const busy = store.state.running !== null;
  return h(
    'li',
    { 'data-alias': `${s.field}:${s.value}` },
    h('span', {}, `${s.field}: “${s.value}” (${rowsOf(s)}) may be “${s.canonical}”`),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        disabled: busy,
        'data-focus': `alias-accept-${index}`,
        'aria-label': `Accept: read “${s.value}” as “${s.canonical}”`,
        onclick: later(() => commands.acceptAliases([s])),
      },
      'Accept',
    ),
  );
}

function acceptedItem(
  { store, commands }: Pane,
  { field: fieldName, value, canonical }: { field: string; value: string; canonical: string },
  index: number,
): HTMLElement {
  return h(
    'li',
    { 'data-accepted': `${fieldName}:${value}` },
    h('span', {}, `${fieldName}: “${value}” is read as “${canonical}”`),
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        disabled: store.state.running !== null,
        'data-focus': `alias-undo-${index}`,
        'aria-label': `Undo: read “${value}” as written`,
        onclick: later(() => commands.removeAlias(fieldName, value)),
      },
      'Undo',
    ),
  );
}

/** Suggestions to accept and aliases accepted; nothing when there are neither. */
export function aliasSuggestions(pane: Pane): HTMLElement | null {
  const { state } = pane.store;
  const suggestions = state.check?.aliasSuggestions ?? [];
  const accepted = Object.entries(state.data.aliases).flatMap(([f, map]) =>
    Object.entries(map).map(([value, canonical]) => ({ field: f, value, canonical })),
  );
  if (suggestions.length === 0 && accepted.length === 0) return null;
  return h(
    'section',
    { class: 'aliases', 'aria-labelledby': 'aliases-title' },
    h('h2', { id: 'aliases-title' }, 'Values that may be the same'),
    suggestions.length
      ? h(
          'div',
          {},
          h(
            'p',
            { class: 'muted' },
            'Accept a suggestion to treat both as one value, as rules such as “same organisation” will.',
          ),
          h(
            'ul',
            { class: 'alias-suggestions', 'aria-label': 'Suggested aliases' },
            suggestions.map((s, i) => suggestionItem(pane, s, i)),
          ),
          suggestions.length > 1
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'secondary',
                  disabled: state.running !== null,
                  'data-focus': 'alias-accept-all',
                  onclick: later(() => pane.commands.acceptAliases(suggestions)),
                },
                `Accept all ${suggestions.length}`,
              )
            : null,
        )
      : null,
    accepted.length
      ? disclosure(
          pane.store,
          'aliases-accepted',
          false,
          { class: 'aliases-accepted' },
          `Accepted aliases (${accepted.length})`,
          h(
            'ul',
            { 'aria-label': 'Accepted aliases' },
            accepted.map((a, i) => acceptedItem(pane, a, i)),
          ),
        )
      : null,
  );
}
