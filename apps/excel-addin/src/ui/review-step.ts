// Step 4: review the proposed match. Lists of mentees and mentors (search, filter); one person's pairs
// with the rules that scored them, their next-best candidates, and why anyone is unmatched. Lock,
// forbid or swap a pair: the worker re-solves with the rule set's locks and forbids, and the step
// shows what changed. Undo goes back one decision.
import type { ChangedPair, MatchChange, PersonDetail, ReviewRow } from '../worker/protocol.js';
import { dropdown } from './fluent-fields.js';
import { field, h, later } from './h.js';
import type { Pane } from './pane.js';
import { reviewList, type PairId, type ReviewFilter, type Side } from './store.js';

/** Rows drawn in a list; searching narrows the rest. */
const listedRows = 100;

const number = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
const sideWords = { mentee: ['mentee', 'mentees'], mentor: ['mentor', 'mentors'] } as const;

function pairOf(side: Side, person: string, partner: string): PairId {
  return side === 'mentee' ? { mentor: partner, mentee: person } : { mentor: person, mentee: partner };
}

function button(
  label: string,
  attributes: Record<string, string | boolean | EventListener | undefined>,
): HTMLButtonElement {
  return h('button', { type: 'button', class: 'secondary', ...attributes }, label);
}

function changedList(title: string, pairs: readonly ChangedPair[], count: number): HTMLElement | null {
  if (count === 0) return null;
  return h(
    'details',
    {},
    h('summary', {}, `${title} (${count})`),
    h(
      'ul',
      { class: 'plain' },
      pairs.map((p) => h('li', {}, `${p.mentorName} with ${p.menteeName}, ${number(p.score)} points`)),
    ),
    count > pairs.length ? h('p', { class: 'muted' }, `…and ${count - pairs.length} more.`) : null,
  );
}

function changeCard({ store, commands }: Pane, action: string, change: MatchChange): HTMLElement {
  const { before, after, added, removed, addedCount, removedCount } = change;
  const busy = store.state.review.busy;
  return h(
    'section',
    {
      class: 'card change',
      id: 'review-change',
      'aria-labelledby': 'review-change-title',
      'data-before-matched': String(before.menteesMatched),
      'data-after-matched': String(after.menteesMatched),
      'data-before-total': String(before.totalScore),
      'data-after-total': String(after.totalScore),
      'data-added': String(addedCount),
      'data-removed': String(removedCount),
    },
    h('h3', { id: 'review-change-title' }, action),
    h(
      'dl',
      { class: 'totals' },
      h('dt', {}, 'Mentees matched'),
      h('dd', {}, `${number(before.menteesMatched)} → ${number(after.menteesMatched)} of ${number(after.mentees)}`),
      h('dt', {}, 'Mentors matched'),
      h('dd', {}, `${number(before.mentorsMatched)} → ${number(after.mentorsMatched)} of ${number(after.mentors)}`),
      h('dt', {}, 'Total score'),
      h('dd', {}, `${number(before.totalScore)} → ${number(after.totalScore)}`),
    ),
    changedList('Pairs added', added, addedCount),
    changedList('Pairs removed', removed, removedCount),
    addedCount + removedCount === 0 ? h('p', { class: 'muted' }, 'No pair was added or removed.') : null,
    h(
      'div',
      { class: 'actions' },
      button('Undo', {
        id: 'review-undo',
        'data-focus': 'undo',
        disabled: busy || store.state.review.undo.length === 0,
        onclick: () => void commands.undo(),
      }),
    ),
  );
}

function rowText(row: ReviewRow, side: Side): string {
  if (row.capacity === 0) return 'takes part, capacity 0';
  if (row.partners.length === 0) return `no ${sideWords[side === 'mentee' ? 'mentor' : 'mentee'][0]}`;
  const lowest = row.lowestScore === null ? '' : `, ${number(row.lowestScore)} points`;
  return `with ${row.partners.join(', ')}${lowest}${row.locked ? ', locked' : ''}`;
}

function personList(pane: Pane): HTMLElement {
  const { store, commands } = pane;
  const { review } = store.state;
  const rows = reviewList(store.state);
  const sideChoice = h(
    'div',
    { class: 'segmented', role: 'radiogroup', 'aria-label': 'Show' },
    (['mentee', 'mentor'] as const).map((side) =>
      h(
        'button',
        {
          type: 'button',
          role: 'radio',
          'aria-checked': String(review.side === side),
          'data-focus': `side-${side}`,
          onclick: () => store.dispatch({ type: 'review-list', side }),
        },
        sideWords[side][1].replace(/^./, (c) => c.toUpperCase()),
      ),
    ),
  );
  const search = h('fluent-text-input' as 'input', {
    type: 'search',
    id: 'review-search',
    value: review.query,
    autocomplete: 'off',
    oninput: (event: Event) => store.dispatch({ type: 'review-list', query: (event.target as HTMLInputElement).value }),
  });
  const filter = dropdown({
    id: 'review-filter',
    focus: 'review-filter',
    value: review.filter,
    choices: [
      ['all', 'Everyone'],
      ['unmatched', 'Unmatched'],
      ['locked', 'With a locked pair'],
      ['low', 'Low score (bottom quarter)'],
    ],
    onChange: (value) => store.dispatch({ type: 'review-list', filter: value as ReviewFilter }),
  });
  return h(
    'div',
    { class: 'review-list' },
    sideChoice,
    h('div', { class: 'row' }, field('Search by name or email', search), field('Filter', filter)),
    h(
      'p',
      { class: 'muted', id: 'review-count', 'aria-live': 'polite' },
      `${number(rows.length)} ${sideWords[review.side][rows.length === 1 ? 0 : 1]}`,
    ),
    h(
      'ul',
      { class: 'people', 'aria-label': sideWords[review.side][1] },
      rows.slice(0, listedRows).map((row) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'person',
              'data-person': row.id,
              'data-matched': String(row.partners.length > 0),
              'data-focus': `person-${row.id}`,
              'data-focus-fallback': review.lastOpened === row.id ? 'true' : undefined,
              onclick: () => void commands.openPerson(review.side, row.id),
            },
            h('span', { class: 'name' }, row.name),
            h('span', { class: 'detail' }, rowText(row, review.side)),
          ),
        ),
      ),
    ),
    rows.length > listedRows ? h('p', { class: 'muted' }, `First ${listedRows} shown; search to find others.`) : null,
  );
}

function personView(pane: Pane, detail: PersonDetail): HTMLElement {
  const { store, commands } = pane;
  const busy = store.state.review.busy;
  const { side } = detail;
  const partnerWord = sideWords[side === 'mentee' ? 'mentor' : 'mentee'];
  const swapFrom = [...detail.pairs].filter((p) => !p.locked).sort((a, b) => a.score - b.score)[0];
  const hasRoom = detail.pairs.length < detail.capacity;
  return h(
    'section',
    { class: 'person-view', 'aria-labelledby': 'person-name' },
    button('Back to the list', { 'data-focus': 'back', onclick: () => commands.closePerson() }),
    h('h3', { id: 'person-name', tabindex: '-1', 'data-focus-fallback': 'true' }, detail.name),
    h(
      'p',
      { class: 'muted' },
      `${sideWords[side][0]}, ${detail.id}; room for ${detail.capacity} ${partnerWord[detail.capacity === 1 ? 0 : 1]}`,
    ),
    h('h4', {}, detail.pairs.length ? `Matched with` : 'Not matched'),
    detail.reason ? h('p', { class: 'reason' }, detail.reason) : null,
    h(
      'ul',
      { class: 'pairs plain' },
      detail.pairs.map((pair) => {
        const ids = pairOf(side, detail.id, pair.id);
        return h(
          'li',
          { class: 'card', 'data-pair': pair.id },
          h(
            'div',
            { class: 'pair-title' },
            h('strong', {}, pair.name),
            ` ${number(pair.score)} points`,
            pair.locked ? h('span', { class: 'badge' }, 'locked') : null,
          ),
          pair.contributions.length
            ? h(
                'ul',
                { class: 'rules' },
                pair.contributions.map((c) => h('li', {}, `${c.label}: ${c.points > 0 ? '+' : ''}${number(c.points)}`)),
              )
            : h('p', { class: 'muted' }, 'No rule added points.'),
          h(
            'div',
            { class: 'actions' },
            button(pair.locked ? 'Unlock' : 'Lock', {
              'data-focus': `lock-${pair.id}`,
              'aria-label': `${pair.locked ? 'Unlock' : 'Lock'} ${pair.name}`,
              disabled: busy,
              onclick: () => void commands.decide({ kind: pair.locked ? 'unlock' : 'lock', pair: ids }),
            }),
            button('Forbid', {
              'data-focus': `forbid-${pair.id}`,
              'aria-label': `Forbid ${pair.name}`,
              disabled: busy,
              onclick: () => void commands.decide({ kind: 'forbid', pair: ids }),
            }),
          ),
        );
      }),
    ),
    h('h4', {}, `Next-best ${partnerWord[1]}`),
    detail.candidates.length === 0
      ? h('p', { class: 'muted' }, `No other eligible ${partnerWord[0]}.`)
      : h(
          'ul',
          { class: 'candidates plain' },
          detail.candidates.map((candidate) => {
            const to = pairOf(side, detail.id, candidate.id);
            const delta = swapFrom ? candidate.score - swapFrom.score : null;
            return h(
              'li',
              { class: 'card', 'data-candidate': candidate.id },
              h(
                'div',
                { class: 'pair-title' },
                h('strong', {}, candidate.name),
                ` ${number(candidate.score)} points`,
                delta !== null ? ` (${delta >= 0 ? '+' : ''}${number(delta)} against ${swapFrom!.name})` : '',
              ),
              h(
                'p',
                { class: 'muted' },
                `Has ${candidate.partnerCount} of ${candidate.capacity} ${sideWords[side][candidate.capacity === 1 ? 0 : 1]}.`,
              ),
              h(
                'div',
                { class: 'actions' },
                swapFrom && !hasRoom
                  ? button('Swap', {
                      'data-focus': `swap-${candidate.id}`,
                      'aria-label': `Swap ${swapFrom.name} for ${candidate.name}`,
                      disabled: busy,
                      onclick: () =>
                        void commands.decide({ kind: 'swap', from: pairOf(side, detail.id, swapFrom.id), to }),
                    })
                  : button('Lock', {
                      'data-focus': `lock-${candidate.id}`,
                      'aria-label': `Lock ${candidate.name}`,
                      disabled: busy,
                      onclick: () => void commands.decide({ kind: 'lock', pair: to }),
                    }),
              ),
            );
          }),
        ),
    detail.forbidden.length
      ? h(
          'div',
          {},
          h('h4', {}, 'Forbidden'),
          h(
            'ul',
            { class: 'plain' },
            detail.forbidden.map((other) =>
              h(
                'li',
                { class: 'row' },
                h('span', {}, other.name),
                button('Allow again', {
                  'data-focus': `allow-${other.id}`,
                  'aria-label': `Allow ${other.name} again`,
                  disabled: busy,
                  onclick: () => void commands.decide({ kind: 'unforbid', pair: pairOf(side, detail.id, other.id) }),
                }),
              ),
            ),
          ),
        )
      : null,
  );
}

function decisionsFile(pane: Pane): HTMLElement {
  const { store, host, commands } = pane;
  const { lockedPairs, forbiddenPairs } = store.state.ruleSet;
  const counts = `${lockedPairs.length} locked and ${forbiddenPairs.length} forbidden ${lockedPairs.length + forbiddenPairs.length === 1 ? 'pair' : 'pairs'}`;
  if (host.kind === 'excel') {
    return h(
      'p',
      { class: 'muted', id: 'decisions' },
      `${counts}, saved with the workbook. You can also type in the “lock” column of Match Pairs and match again.`,
    );
  }
  const load = h('input', {
    type: 'file',
    id: 'decisions-load',
    accept: '.json,application/json',
    onchange: later(async (event: Event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (!file) return;
      try {
        await commands.loadRuleSet(JSON.parse(await file.text()), file.name);
      } catch {
        commands.say(`${file.name} is not a JSON file. Choose a file saved with “Save decisions”.`, 'error');
      }
    }),
  });
  return h(
    'details',
    { class: 'decisions', id: 'decisions' },
    h('summary', {}, `Decisions: ${counts}`),
    h(
      'p',
      { class: 'muted' },
      'This page keeps them only until it is closed. Save them with the rules as a file, and load it again next time.',
    ),
    h(
      'div',
      { class: 'actions' },
      button('Save decisions', {
        id: 'decisions-save',
        'data-download': 'rules-with-decisions.json',
        onclick: () => {
          const text = JSON.stringify(store.state.ruleSet, null, 2);
          const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
          const link = h('a', {
            href: url,
            download: `${store.state.ruleSet.name.replace(/[^\w.-]+/g, '-')}-decisions.json`,
          });
          document.body.append(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        },
      }),
    ),
    field('Load decisions (a saved JSON file)', load),
  );
}

export function renderReviewStep(pane: Pane): HTMLElement {
  const { store } = pane;
  const { result, review } = store.state;
  if (!result) return h('section', {}, h('h2', {}, 'Review'), h('p', { class: 'muted' }, 'Run a match first.'));
  const opened = review.open;
  const body = opened
    ? review.detail && review.detail.id === opened.id
      ? personView(pane, review.detail)
      : h('p', { class: 'muted', 'aria-busy': 'true' }, 'Opening…')
    : personList(pane);
  return h(
    'section',
    { 'aria-busy': String(review.busy) },
    h('h2', {}, 'Review'),
    h(
      'p',
      { class: 'muted', id: 'review-totals' },
      `${number(result.totals.menteesMatched)} of ${number(result.totals.mentees)} mentees matched; total score ${number(result.totals.totalScore)}.`,
    ),
    review.change ? changeCard(pane, review.change.action, review.change.change) : null,
    body,
    decisionsFile(pane),
  );
}
