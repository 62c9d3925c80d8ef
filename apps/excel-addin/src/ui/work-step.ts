// Step 4: show the work. The heat map of every score with the chosen pairs, and "beat the
// computer": pick pairs on a small sample and compare with the optimum.
import { scorePicks } from '../worker/beat-sample.js';
import type { BeatSample } from '../worker/protocol.js';
import { h, replaceChildren } from './h.js';
import type { Pane } from './pane.js';
import type { Store } from './store.js';
import { drawHeatmap } from './heatmap.js';

interface BeatState {
  sample: BeatSample | null;
  picks: { mentee: number; mentor: number }[];
  reveal: boolean;
  seed: number;
}

/** The game's own state: it never leaves this step, so it is kept beside the store, not in it. */
const games = new WeakMap<Store, BeatState>();

function game(store: Store): BeatState {
  let state = games.get(store);
  if (!state) {
    state = { sample: null, picks: [], reveal: false, seed: 1 };
    games.set(store, state);
  }
  return state;
}

function beatBoard(state: BeatState, container: HTMLElement): void {
  const sample = state.sample;
  if (!sample) return;
  const mine = scorePicks(sample, state.picks);
  const best = sample.optimum;
  const optimal = new Set(best.pairs.map((p) => `${p.mentee},${p.mentor}`));
  const picked = new Set(state.picks.map((p) => `${p.mentee},${p.mentor}`));
  const verdict = !mine.valid
    ? 'Each person may have only one partner here, and only eligible pairs count.'
    : mine.covered > best.covered || (mine.covered === best.covered && mine.total > best.total)
      ? 'You beat the computer! (Tell us: that should not happen.)'
      : mine.covered === best.covered && mine.total === best.total
        ? 'You matched the computer’s optimum.'
        : `The computer does better: ${best.covered} mentees matched, total ${best.total}.`;
  replaceChildren(
    container,
    h(
      'table',
      { class: 'beat', 'aria-label': 'Pick pairs: mentees in rows, mentors in columns' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, ''),
          sample.mentorNames.map((name) => h('th', { scope: 'col', title: name }, name)),
        ),
      ),
      h(
        'tbody',
        {},
        sample.menteeNames.map((name, r) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row', title: name }, name),
            sample.mentorNames.map((mentorName, c) => {
              const score = sample.scores[r][c];
              const key = `${r},${c}`;
              return h(
                'td',
                {},
                h(
                  'button',
                  {
                    class: state.reveal && optimal.has(key) ? 'optimal' : '',
                    disabled: score === null,
                    'aria-pressed': String(picked.has(key)),
                    'aria-label': `${name} with ${mentorName}: ${score === null ? 'not eligible' : `${score} points`}`,
                    onclick: () => {
                      state.picks = picked.has(key)
                        ? state.picks.filter((p) => `${p.mentee},${p.mentor}` !== key)
                        : [...state.picks.filter((p) => p.mentee !== r && p.mentor !== c), { mentee: r, mentor: c }];
                      beatBoard(state, container);
                    },
                  },
                  score === null ? '—' : String(score),
                ),
              );
            }),
          ),
        ),
      ),
    ),
    h(
      'p',
      { id: 'beat-score', 'aria-live': 'polite' },
      `Your pairs: ${mine.covered} of ${sample.menteeNames.length} mentees matched, total ${mine.total}. `,
      state.reveal ? `Computer: ${best.covered} matched, total ${best.total}. ` : '',
      state.picks.length ? verdict : '',
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          class: 'secondary',
          onclick: () => {
            state.reveal = !state.reveal;
            beatBoard(state, container);
          },
        },
        state.reveal ? 'Hide the computer’s pairs' : 'Show the computer’s pairs',
      ),
    ),
  );
}

export function renderWorkStep({ store, commands }: Pane): HTMLElement {
  const result = store.state.result;
  if (!result) return h('section', {}, h('h2', {}, 'Show the work'), h('p', { class: 'muted' }, 'Run a match first.'));
  const state = game(store);
  const board = h('div', { id: 'beat-board' });
  if (state.sample) beatBoard(state, board);
  const newSample = async () => {
    const sample = await commands.beatSample(state.seed++);
    if (!sample) return;
    state.sample = sample;
    state.picks = [];
    state.reveal = false;
    startButton.textContent = 'New sample';
    beatBoard(state, board);
  };
  const startButton = h(
    'button',
    { type: 'button', class: 'primary', id: 'new-sample', onclick: () => void newSample() },
    state.sample ? 'New sample' : 'Start',
  );
  return h(
    'section',
    {},
    h('h2', {}, 'Scores of every pair'),
    drawHeatmap(result.heatmap),
    h('h2', {}, 'Beat the computer'),
    h(
      'p',
      { class: 'muted' },
      'A sample of 8 mentees and 8 mentors from your data. Pick one mentor per mentee (click a score); try to match as many mentees as possible with the highest total, then compare with the computer’s optimum.',
    ),
    h('div', { class: 'actions' }, startButton),
    board,
  );
}
