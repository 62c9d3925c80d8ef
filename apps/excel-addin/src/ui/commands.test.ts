import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPreset, matchTables, type RuleSet } from '@mentor-matcher/engine';
import { createSolver } from '@mentor-matcher/solver';
import { readCsv } from '@mentor-matcher/tabular';
import { describe, expect, it } from 'vitest';
import type { Cell } from '@mentor-matcher/tabular';
import { createExcelHost } from '../host/excel-host.js';
import { memorySettings } from '../host/memory-settings.js';
import { createStandaloneHost } from '../host/standalone-host.js';
import { MatchClient } from '../worker/match-client.js';
import { FakeWorkbook, type FakeSheetInit } from '../../test/support/fake-workbook.js';
import { inProcessWorker } from '../../test/support/in-process-worker.js';
import { createCommands, decide, withoutPaths } from './commands.js';
import { createStore, initialState, type Action, type PairId } from './store.js';

const fixtures = join(import.meta.dirname, '../../test/fixtures');
const mentors = readCsv(readFileSync(join(fixtures, 'mentors.csv')), { source: 'mentors.csv' });
const mentees = readCsv(readFileSync(join(fixtures, 'mentees.csv')), { source: 'mentees.csv' });
const preset = getPreset('mentor-match');

function setUp(ruleSet: RuleSet = preset) {
  const settings = memorySettings();
  const host = createStandaloneHost(settings);
  host.addTable('mentors', mentors);
  host.addTable('mentees', mentees);
  const store = createStore(initialState(ruleSet));
  const actions: Action['type'][] = [];
  store.subscribe((_, action) => actions.push(action.type));
  const client = new MatchClient(() => inProcessWorker() as unknown as Worker);
  const commands = createCommands({ store, host, client, confirm: async () => true });
  return { settings, host, store, commands, actions };
}

async function engineRun(ruleSet: RuleSet) {
  const run = matchTables({ kind: 'two-tables', mentors, mentees }, { ruleSet, solver: await createSolver() });
  if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
  return run.result.summary;
}

describe('the pane’s workflows, driven through the store', () => {
  it('picks the likely tables, reads and checks them, and says what it found', async () => {
    const { store, commands } = setUp();
    await commands.refreshSources();
    expect(store.state.picked).toEqual({ mentors: 'mentors', mentees: 'mentees' });
    await commands.check();
    expect(store.state.check).toMatchObject({ mentors: 50, mentees: 50 });
    expect(store.state.status).toMatchObject({ tone: 'ok' });
    expect(store.state.status?.text).toMatch(/^50 mentors and 50 mentees read; 0 errors/);
  });

  it('asks for a table before reading', async () => {
    const { store, commands } = setUp();
    await commands.check();
    expect(store.state.status).toEqual({ text: 'Choose the mentors table first.', tone: 'error' });
  });

  it('matches, writes the results, and ends the run', async () => {
    const { store, commands, host, actions } = setUp();
    await commands.refreshSources();
    await commands.match();
    expect(store.state.running).toBeNull();
    expect(store.state.result?.totals.mentees).toBe(50);
    expect(store.state.result?.people.mentees).toHaveLength(50);
    expect(host.results().map((s) => s.name)).toContain('Match Pairs');
    expect(actions).toContain('run-progress');
    expect(store.state.status?.text).toMatch(/^Done in/);
  });

  it('locks, forbids and swaps pairs, each re-solve agreeing with the engine, and undoes the last', async () => {
    const { store, commands, host, settings } = setUp();
    await commands.refreshSources();
    await commands.match();
    const people = store.state.result!.people.mentees.filter((m) => m.partners.length > 0);

    // Lock a pair of the first mentee.
    await commands.openPerson('mentee', people[0].id);
    const first = store.state.review.detail!;
    expect(first.id).toBe(people[0].id);
    expect(await commands.decide({ kind: 'lock', pair: { mentor: first.pairs[0].id, mentee: first.id } })).toBe(true);
    let summary = await engineRun(store.state.ruleSet);
    expect(store.state.ruleSet.lockedPairs).toEqual([{ mentor: first.pairs[0].id, mentee: first.id }]);
    expect(store.state.result!.totals).toMatchObject({
      menteesMatched: summary.mentees.matched,
      totalScore: summary.totalScore,
    });
    expect(store.state.review.change?.change.after.totalScore).toBe(summary.totalScore);
    expect(store.state.review.detail?.pairs).toContainEqual(
      expect.objectContaining({ id: first.pairs[0].id, locked: true }),
    );
    expect((settings.value as { ruleSet: RuleSet }).ruleSet.lockedPairs).toHaveLength(1);
    const pairsSheet = host.results().find((s) => s.name === 'Match Pairs')!;
    const lockAt = pairsSheet.header.indexOf('lock');
    expect(pairsSheet.rows.filter((row) => row[lockAt] === 'yes')).toHaveLength(1);

    // Forbid the second mentee's pair.
    await commands.openPerson('mentee', people[1].id);
    const second = store.state.review.detail!;
    const forbidden = { mentor: second.pairs[0].id, mentee: second.id };
    expect(await commands.decide({ kind: 'forbid', pair: forbidden })).toBe(true);
    summary = await engineRun(store.state.ruleSet);
    expect(store.state.result!.totals).toMatchObject({
      menteesMatched: summary.mentees.matched,
      totalScore: summary.totalScore,
    });
    expect(store.state.review.change?.change.removed).toContainEqual(expect.objectContaining(forbidden));
    expect(store.state.review.detail?.forbidden.map((f) => f.id)).toEqual([forbidden.mentor]);

    // Swap the third mentee's mentor for their best candidate.
    await commands.openPerson('mentee', people[2].id);
    const third = store.state.review.detail!;
    const to = { mentor: third.candidates[0].id, mentee: third.id };
    expect(await commands.decide({ kind: 'swap', from: { mentor: third.pairs[0].id, mentee: third.id }, to })).toBe(
      true,
    );
    summary = await engineRun(store.state.ruleSet);
    expect(store.state.result!.totals).toMatchObject({
      menteesMatched: summary.mentees.matched,
      totalScore: summary.totalScore,
    });
    expect(store.state.review.change?.change.added).toContainEqual(expect.objectContaining(to));
    expect(store.state.review.undo).toHaveLength(3);

    // Undo the swap: the locks and forbids before it, and the result they give.
    const beforeSwap = store.state.review.undo[2];
    expect(await commands.undo()).toBe(true);
    expect(store.state.ruleSet.lockedPairs).toEqual(beforeSwap.lockedPairs);
    expect(store.state.ruleSet.forbiddenPairs).toEqual(beforeSwap.forbiddenPairs);
    summary = await engineRun(store.state.ruleSet);
    expect(store.state.result!.totals.totalScore).toBe(summary.totalScore);
    expect(store.state.review.undo).toHaveLength(2);
  });

  it('puts the decisions back and says why when a re-solve is refused', async () => {
    const { store, commands } = setUp({ ...preset, capacity: { mentor: { default: 1 }, mentee: { default: 1 } } });
    await commands.refreshSources();
    await commands.match();
    const mentee = store.state.result!.people.mentees.find((m) => m.partners.length > 0)!;
    await commands.openPerson('mentee', mentee.id);
    const detail = store.state.review.detail!;
    await commands.decide({ kind: 'lock', pair: { mentor: detail.pairs[0].id, mentee: mentee.id } });
    // A second lock for a mentee with room for one mentor: more locks than capacity.
    const before = store.state.ruleSet;
    expect(await commands.decide({ kind: 'lock', pair: { mentor: detail.candidates[0].id, mentee: mentee.id } })).toBe(
      false,
    );
    expect(store.state.ruleSet).toBe(before);
    expect(store.state.review.undo).toHaveLength(1);
    expect(store.state.status?.tone).toBe('error');
    expect(store.state.status?.text).toMatch(/cannot be done/);
    expect(store.state.status?.text).not.toMatch(/Pairs\[/);
    expect(store.state.review.busy).toBe(false);
  });

  it('loads a saved rule set with its decisions, and refuses a file that is not one', async () => {
    const { store, commands } = setUp();
    const saved = { ...preset, lockedPairs: [{ mentor: 'a@x.org', mentee: 'b@x.org' }] };
    expect(await commands.loadRuleSet(JSON.parse(JSON.stringify(saved)), 'decisions.json')).toBe(true);
    expect(store.state.ruleSet.lockedPairs).toEqual([{ mentor: 'a@x.org', mentee: 'b@x.org' }]);
    expect(await commands.loadRuleSet({ version: 2 }, 'other.json')).toBe(false);
    expect(store.state.status?.text).toMatch(/^other\.json is not a rule set/);
  });
});

describe('decisions typed in the Excel results, on the fake workbook', () => {
  const asSheet = (name: string, table: typeof mentors): FakeSheetInit => {
    const rows = [table.header, ...table.rows].map((row) => row.map((cell: Cell) => cell ?? ''));
    return {
      name,
      rows,
      tables: [{ name, address: `A1:${String.fromCharCode(64 + table.header.length)}${rows.length}` }],
    };
  };

  function setUpExcel() {
    const book = new FakeWorkbook([asSheet('Mentors', mentors), asSheet('Mentees', mentees)]);
    const host = createExcelHost({ run: book.run, settings: memorySettings() });
    const store = createStore(initialState(preset));
    const client = new MatchClient(() => inProcessWorker() as unknown as Worker);
    const commands = createCommands({ store, host, client, confirm: async () => true });
    return { book, store, commands };
  }

  /** The Pairs sheet's row for a pair, and the `lock` column's index. */
  const pairRow = (book: FakeWorkbook, pair: PairId) => {
    const [header, ...rows] = book.values('Match Pairs');
    const [mentor, mentee] = [header.indexOf('mentor email'), header.indexOf('mentee email')];
    const at = rows.findIndex((row) => row[mentor] === pair.mentor && row[mentee] === pair.mentee);
    return { at: at + 1, lock: header.indexOf('lock'), value: rows[at]?.[header.indexOf('lock')] };
  };

  it('unlocks a locked pair whose lock cell was cleared, on the next match', async () => {
    const { book, store, commands } = setUpExcel();
    await commands.refreshSources();
    await commands.match();
    const mentee = store.state.result!.people.mentees.find((m) => m.partners.length > 0)!;
    await commands.openPerson('mentee', mentee.id);
    const pair = { mentor: store.state.review.detail!.pairs[0].id, mentee: mentee.id };
    expect(await commands.decide({ kind: 'lock', pair })).toBe(true);
    const locked = pairRow(book, pair);
    expect(locked.value).toBe('yes');

    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('Match Pairs');
      sheet.getRangeByIndexes(locked.at, locked.lock, 1, 1).values = [['']];
      await context.sync();
    });
    await commands.match();
    expect(store.state.status?.text).toMatch(/^Done in/);
    expect(store.state.ruleSet.lockedPairs).toEqual([]);
    expect(pairRow(book, pair).value ?? '').toBe('');
  });

  it('keeps a lock whose cell still says so, and removes result sheets no longer chosen', async () => {
    const { book, store, commands } = setUpExcel();
    await commands.refreshSources();
    await commands.match();
    expect(book.sheetNames()).toContain('Match Summary');
    const mentee = store.state.result!.people.mentees.find((m) => m.partners.length > 0)!;
    await commands.openPerson('mentee', mentee.id);
    const pair = { mentor: store.state.review.detail!.pairs[0].id, mentee: mentee.id };
    expect(await commands.decide({ kind: 'lock', pair })).toBe(true);

    await commands.chooseResultTables(store.state.resultTables.filter((name) => name !== 'summary'));
    await commands.match();
    expect(store.state.status?.text).toMatch(/^Done in/);
    expect(store.state.ruleSet.lockedPairs).toEqual([pair]);
    expect(book.sheetNames()).not.toContain('Match Summary');
    expect(book.sheetNames()).toContain('Match Pairs');
  });
});

describe('decisions on pairs', () => {
  const a = { mentor: 'm1@x.org', mentee: 'e1@x.org' };
  const b = { mentor: 'm2@x.org', mentee: 'e1@x.org' };

  it('never leaves a pair both locked and forbidden', () => {
    const locked = decide({ lockedPairs: [], forbiddenPairs: [a] }, { kind: 'lock', pair: a });
    expect(locked).toEqual({ lockedPairs: [a], forbiddenPairs: [] });
    expect(decide(locked, { kind: 'forbid', pair: a })).toEqual({ lockedPairs: [], forbiddenPairs: [a] });
  });

  it('swaps by locking the new pair and forbidding the old one', () => {
    expect(decide({ lockedPairs: [a], forbiddenPairs: [b] }, { kind: 'swap', from: a, to: b })).toEqual({
      lockedPairs: [b],
      forbiddenPairs: [a],
    });
  });

  it('matches ids whatever their case, and stores them lower-cased', () => {
    const upper = { mentor: 'M1@X.org', mentee: 'E1@x.org' };
    expect(decide({ lockedPairs: [a], forbiddenPairs: [] }, { kind: 'unlock', pair: upper })).toEqual({
      lockedPairs: [],
      forbiddenPairs: [],
    });
    expect(decide({ lockedPairs: [], forbiddenPairs: [] }, { kind: 'lock', pair: upper }).lockedPairs).toEqual([a]);
  });
});

describe('messages about locks and forbids', () => {
  it('name the two people, not the place in the rule set', () => {
    expect(
      withoutPaths('lockedPairs[3] (mentor a@x.org, mentee b@x.org): the pair is not allowed (Same organisation).'),
    ).toBe('the locked pair a@x.org with b@x.org: the pair is not allowed (Same organisation).');
  });
});
