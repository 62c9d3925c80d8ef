// A <details> that stays as the coordinator left it when the step is drawn again (a check after
// each choice redraws the Data step): folded or unfolded by its default until someone toggles it,
// then as they left it, for the rest of the session.
import { h } from './h.js';
import type { Store } from './store.js';

const toggled = new WeakMap<Store, Map<string, boolean>>();

export function disclosure(
  store: Store,
  key: string,
  openByDefault: boolean,
  attributes: Record<string, string>,
  summary: HTMLElement | string,
  ...content: (HTMLElement | null)[]
): HTMLDetailsElement {
  const choices = toggled.get(store) ?? new Map<string, boolean>();
  toggled.set(store, choices);
  const open = choices.get(key) ?? openByDefault;
  const details = h('details', { ...attributes, open }, h('summary', {}, summary), ...content);
  // Creating it open fires a toggle too; only a change from what was drawn is the coordinator's.
  details.addEventListener('toggle', () => {
    if (details.open !== open) choices.set(key, details.open);
  });
  return details;
}
