import { getPreset } from '@mentor-matcher/engine';
import { describe, expect, it } from 'vitest';
import type { ReviewRow } from '../worker/protocol.js';
import { createStore, initialState, reduce, reviewList, rolesNeeded, type Action, type MatchReply } from './store.js';

const ruleSet = getPreset('mentor-match');

function row(id: string, partners: string[], lowestScore: number | null, locked = 0): ReviewRow {
  return { id, name: id.replace(/@.*/, ''), capacity: 1, partners, lowestScore, locked };
}

/** Enough of a match reply for the review lists. */
function resultWith(mentees: ReviewRow[]): MatchReply {
  return { people: { mentees, mentors: [] } } as unknown as MatchReply;
}

describe('the store', () => {
  it('lists loaded files, a file loaded again under its name replacing the earlier one', () => {
    const file = (name: string, warnings: string[] = []) => ({ name, format: 'csv' as const, sheets: [], warnings });
    let state = reduce(initialState(ruleSet), { type: 'files-loaded', files: [file('a.csv'), file('b.csv')] });
    state = reduce(state, { type: 'files-loaded', files: [file('a.csv', ['read as Windows-1252'])] });
    expect(state.files.map((f) => [f.name, f.warnings.length])).toEqual([
      ['b.csv', 0],
      ['a.csv', 1],
    ]);
  });

  it('tells every subscriber about each action, with the state before and after, until unsubscribed', () => {
    const store = createStore(initialState(ruleSet));
    const seen: string[] = [];
    const stop = store.subscribe((state, action, previous) =>
      seen.push(`${action.type}: ${previous.step} → ${state.step}`),
    );
    store.dispatch({ type: 'go', step: 'rules' });
    stop();
    store.dispatch({ type: 'go', step: 'match' });
    expect(seen).toEqual(['go: data → rules']);
    expect(store.state.step).toBe('match');
  });

  it('never changes the state it is given', () => {
    const before = initialState(ruleSet);
    const frozen = JSON.stringify(before);
    const actions: Action[] = [
      { type: 'pick-source', role: 'mentors', id: 'a' },
      { type: 'map-column', role: 'mentors', field: 'email', column: 'Email' },
      { type: 'review-list', query: 'ann' },
    ];
    for (const action of actions) reduce(before, action);
    expect(JSON.stringify(before)).toBe(frozen);
  });

  it('forgets the check when the tables or the layout change', () => {
    const checked = reduce(initialState(ruleSet), {
      type: 'checked',
      check: { type: 'checked' } as never,
      problems: [],
    });
    expect(reduce(checked, { type: 'pick-source', role: 'mentors', id: 'x' }).check).toBeNull();
    expect(reduce(checked, { type: 'set-mode', mode: 'one-table' }).check).toBeNull();
  });

  it('remembers column choices for a table with the same header, and only for that header', () => {
    const header = ['name', 'Do you want to be a mentor, a mentee or both?', 'Band'];
    const table = { source: 'people', header, rows: [], headerRow: 1, firstColumn: 0 };
    let state = reduce(reduce(initialState(ruleSet), { type: 'set-mode', mode: 'one-table' }), {
      type: 'read-table',
      role: 'people',
      table,
    });
    expect(rolesNeeded(state)).toEqual(['people']);
    state = reduce(state, { type: 'map-column', role: 'people', field: 'grade', column: 'Band' });
    state = reduce(state, { type: 'map-column', role: 'people', field: 'jobTitle', column: null });
    // A new session with the saved settings, and a new export of the same form.
    const again = reduce(initialState(ruleSet, undefined, state.data), {
      type: 'read-table',
      role: 'people',
      table: { ...table, source: 'people (2)' },
    });
    expect(again.mapping.people).toEqual({ grade: 'Band', jobTitle: null });
    const other = reduce(again, { type: 'read-table', role: 'people', table: { ...table, header: ['name', 'Grade'] } });
    expect(other.mapping.people).toEqual({});
  });

  it('accepts an alias and undoes it, leaving the others', () => {
    let state = reduce(initialState(ruleSet), {
      type: 'accept-alias',
      field: 'organisation',
      value: 'DWP',
      canonical: 'Department for Work and Pensions',
    });
    state = reduce(state, {
      type: 'accept-alias',
      field: 'organisation',
      value: 'HMRC',
      canonical: 'HM Revenue and Customs',
    });
    state = reduce(state, { type: 'remove-alias', field: 'organisation', value: 'DWP' });
    expect(state.data.aliases).toEqual({ organisation: { HMRC: 'HM Revenue and Customs' } });
    state = reduce(state, { type: 'remove-alias', field: 'organisation', value: 'HMRC' });
    expect(state.data.aliases).toEqual({});
  });

  it('keeps one override per field in the column mapping', () => {
    const mentors = { source: 'm', header: ['Email', 'Work email', 'Band'], rows: [], headerRow: 1, firstColumn: 0 };
    let state = reduce(initialState(ruleSet), { type: 'read-table', role: 'mentors', table: mentors });
    state = reduce(state, { type: 'map-column', role: 'mentors', field: 'email', column: 'Email' });
    state = reduce(state, { type: 'map-column', role: 'mentors', field: 'email', column: 'Work email' });
    state = reduce(state, { type: 'map-column', role: 'mentors', field: 'grade', column: 'Band' });
    expect(state.mapping).toEqual({ mentors: { email: 'Work email', grade: 'Band' } });
  });

  it('starts a fresh review, keeping the side shown, when a new match arrives', () => {
    let state = reduce(initialState(ruleSet), { type: 'review-list', side: 'mentor', query: 'x' });
    state = reduce(state, { type: 'review-open', side: 'mentor', id: 'a' });
    state = reduce(state, { type: 'matched', result: resultWith([]) });
    expect(state.review).toMatchObject({ side: 'mentor', query: '', open: null });
  });

  it('remembers who was open when the person is closed, for focus to go back to them', () => {
    let state = reduce(initialState(ruleSet), { type: 'review-open', side: 'mentee', id: 'ann@x.org' });
    state = reduce(state, { type: 'review-close' });
    expect(state.review).toMatchObject({ open: null, lastOpened: 'ann@x.org' });
  });
});

describe('the review lists', () => {
  const mentees = [
    row('ann@x.org', ['Bob'], 30, 1),
    row('cat@x.org', [], null),
    row('dan@x.org', ['Eve'], 4),
    row('fay@x.org', ['Gus'], 22),
  ];
  const base = { ...initialState(ruleSet), result: resultWith(mentees) };
  const ids = (filter: 'all' | 'unmatched' | 'locked' | 'low', query = '') =>
    reviewList(reduce(base, { type: 'review-list', filter, query })).map((r) => r.id);

  it('filters by unmatched, locked and low score (the bottom quarter of the range)', () => {
    expect(ids('all')).toEqual(['ann@x.org', 'cat@x.org', 'dan@x.org', 'fay@x.org']);
    expect(ids('unmatched')).toEqual(['cat@x.org']);
    expect(ids('locked')).toEqual(['ann@x.org']);
    expect(ids('low')).toEqual(['dan@x.org']);
  });

  it('searches names and emails, ignoring case', () => {
    expect(ids('all', 'FAY')).toEqual(['fay@x.org']);
    expect(ids('all', 'dan@')).toEqual(['dan@x.org']);
  });

  it('is empty before a match', () => {
    expect(reviewList(initialState(ruleSet))).toEqual([]);
  });
});
