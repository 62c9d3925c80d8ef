// The pane, composed: the store, the workflows, the shell (title, step tabs, status line) and the
// step for the current state. Nothing else lives here: steps render from the state and act through
// the store and the workflows.
import type { RuleSet } from '@mentor-matcher/engine';
import type { WorkbookHost } from '../host/workbook-host.js';
import type { MatchClient } from '../worker/match-client.js';
import type { ResultTableName } from '../worker/protocol.js';
import { createCommands, type Commands } from './commands.js';
import type { DataSettings } from './data-settings.js';
import { renderDataStep } from './data-step.js';
import { confirmDialog } from './dialog.js';
import { focusControl } from './fluent-fields.js';
import { h, replaceChildren } from './h.js';
import { renderMatchStep } from './match-step.js';
import type { Pane } from './pane.js';
import { renderReviewStep } from './review-step.js';
import { renderRulesStep } from './rules-step.js';
import { createStore, initialState, type Action, type StepId, type Store } from './store.js';
import { renderWorkStep } from './work-step.js';

const steps: { id: StepId; label: string; render: (pane: Pane) => HTMLElement }[] = [
  { id: 'data', label: 'Data', render: renderDataStep },
  { id: 'rules', label: 'Rules', render: renderRulesStep },
  { id: 'match', label: 'Match', render: renderMatchStep },
  { id: 'review', label: 'Review', render: renderReviewStep },
  { id: 'work', label: 'Show work', render: renderWorkStep },
];

/** Actions whose change the control that made it already shows: drawing the step again would lose the user's place. */
const quietActions = new Set<Action['type']>(['pick-source', 'map-column', 'say', 'choose-result-tables']);

export interface PaneHandle {
  readonly store: Store;
  readonly commands: Commands;
}

export function startPane(
  root: HTMLElement,
  host: WorkbookHost,
  client: MatchClient,
  ruleSet: RuleSet,
  resultTables?: readonly ResultTableName[],
  data?: DataSettings,
): PaneHandle {
  const store = createStore(initialState(ruleSet, resultTables, data));
  const commands = createCommands({ store, host, client, confirm: confirmDialog });
  const pane: Pane = { store, host, commands };
  // Fluent's tablist selects a tab when it gets focus (arrow keys, Home, End, click) and says so
  // with 'change'; the store decides the step, and the tablist follows it.
  const nav = h('fluent-tablist' as 'div', {
    class: 'steps',
    'aria-label': 'Steps',
    activeid: `tab-${store.state.step}`,
  });
  nav.append(...steps.map((step) => h('fluent-tab' as 'div', { id: `tab-${step.id}`, role: 'tab' }, step.label)));
  nav.addEventListener('change', () => {
    const active = (nav as HTMLElement & { activetab?: HTMLElement }).activetab;
    const step = steps.find((s) => `tab-${s.id}` === active?.id);
    if (step && step.id !== store.state.step) go(step.id);
  });
  const panel = h('main', { id: 'panel', role: 'tabpanel', tabindex: '-1' });
  const statusLine = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  replaceChildren(
    root,
    h(
      'div',
      { class: 'app' },
      h(
        'header',
        {},
        h('h1', {}, 'Mentor Matcher'),
        h('span', { class: 'mode' }, host.kind === 'excel' ? 'in Excel' : 'your files stay on this computer'),
      ),
      nav,
      statusLine,
      panel,
    ),
  );

  function go(step: StepId): void {
    store.dispatch({ type: 'go', step });
  }

  function renderTabs(): void {
    const id = `tab-${store.state.step}`;
    if (nav.getAttribute('activeid') !== id) nav.setAttribute('activeid', id);
  }

  const intents = { info: 'info', ok: 'success', error: 'error' } as const;
  function renderStatus(): void {
    const status = store.state.status;
    statusLine.className = `status ${status?.tone ?? ''}`;
    if (!status) return replaceChildren(statusLine);
    // The message bar's own role stays off: the line around it is the one live region.
    replaceChildren(
      statusLine,
      h(
        'fluent-message-bar' as 'div',
        { intent: intents[status.tone], layout: 'multiline', role: 'none' },
        status.text,
      ),
    );
  }

  /**
   * Draws the step again, keeping focus where the work is: on the control that had it (by id or
   * data-focus key, with a text field's caret), else, when that control is gone or focus was lost
   * with it, on the step's `data-focus-fallback` element.
   */
  let lastFocus: { key: string | null; id: string | null } = { key: null, id: null };
  function renderPanel(): void {
    const focused = document.activeElement;
    const active = focused instanceof HTMLElement && panel.contains(focused) ? focused : null;
    const lost = !focused || focused === document.body;
    // A Fluent dropdown's focus is on the combobox button it draws; the dropdown carries the key, and
    // its focus() hands focus to the new button.
    const control = active?.closest<HTMLElement>('fluent-dropdown') ?? active;
    // A control disabled while a re-solve runs drops focus; the one that had it last gets it back.
    if (control) lastFocus = { key: control.dataset.focus ?? null, id: control.id || null };
    const { key: focusKey, id: focusId } = lastFocus;
    // A Fluent text input keeps its <input> in its shadow root: the caret is there.
    const typing = active?.shadowRoot?.activeElement ?? active;
    const caret =
      typing instanceof HTMLInputElement && typing.type !== 'file'
        ? [typing.selectionStart, typing.selectionEnd]
        : null;
    const step = steps.find((s) => s.id === store.state.step) ?? steps[0];
    panel.setAttribute('aria-labelledby', `tab-${step.id}`);
    replaceChildren(panel, step.render(pane));
    if (!active && !lost) return;
    const again =
      (focusKey ? panel.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`) : null) ??
      (focusId ? panel.querySelector<HTMLElement>(`#${CSS.escape(focusId)}`) : null) ??
      panel.querySelector<HTMLElement>('[data-focus-fallback]');
    if (again) focusControl(again);
    if (again && again.contains(document.activeElement))
      lastFocus = { key: again.dataset.focus ?? null, id: again.id || null };
    const typed = again?.shadowRoot?.activeElement ?? again;
    if (caret && typed instanceof HTMLInputElement) {
      try {
        typed.setSelectionRange(caret[0], caret[1]);
      } catch {
        // Not a text field (a checkbox, a number field): nothing to put back.
      }
    }
  }

  function updateProgress(): boolean {
    const bar = panel.querySelector('progress');
    const label = panel.querySelector('#progress-label');
    const running = store.state.running;
    if (!bar || !label || !running) return false;
    bar.value = running.fraction;
    label.textContent = `${running.message} (${Math.round(running.fraction * 100)}%)`;
    return true;
  }

  // Drawing waits for a task of its own: the last worker message's handling and a render never add
  // up to one long task, and several actions in a row draw once.
  let queued = false;
  function scheduleRender(): void {
    if (queued) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      renderTabs();
      renderPanel();
    }, 0);
  }

  store.subscribe((state, action, previous) => {
    if (state.status !== previous.status) renderStatus();
    if (action.type === 'run-progress' && state.running && previous.running && updateProgress()) return;
    if (action.type === 'set-rule-set' && action.from === 'form') return;
    if (quietActions.has(action.type)) return;
    scheduleRender();
  });
  renderTabs();
  renderPanel();
  return { store, commands };
}
