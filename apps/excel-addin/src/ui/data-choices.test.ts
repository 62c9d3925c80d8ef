// The Data step's choices through the pane's workflows, on a Microsoft Forms-style export (one
// sheet, form questions as headers, organisations as people type them, people who signed up twice):
// every field's column, accepted aliases, the duplicates policy and rows left out, each saved, each
// used by the next check and match exactly as the engine uses the same options.
import { getPreset, matchTables, resultTables, type MatchOptions } from '@mentor-matcher/engine';
import { generateFormsExport } from '@mentor-matcher/sample-data';
import { createSolver } from '@mentor-matcher/solver';
import { describe, expect, it } from 'vitest';
import { memorySettings } from '../host/memory-settings.js';
import { createStandaloneHost } from '../host/standalone-host.js';
import { MatchClient } from '../worker/match-client.js';
import { inProcessWorker } from '../../test/support/in-process-worker.js';
import { createCommands } from './commands.js';
import { parseDataSettings } from './data-settings.js';
import { createStore, initialState } from './store.js';

const exported = generateFormsExport({ mentors: 40, mentees: 40, seed: 14 });
const ruleSet = getPreset('mentor-match');

function setUp(table = exported.table, saved?: unknown) {
  const settings = memorySettings(saved ?? null);
  const host = createStandaloneHost(settings);
  host.addTable('signups', table);
  const store = createStore(initialState(ruleSet, undefined, parseDataSettings((saved as { data?: unknown })?.data)));
  const client = new MatchClient(() => inProcessWorker() as unknown as Worker);
  const commands = createCommands({ store, host, client, confirm: async () => true });
  store.dispatch({ type: 'set-mode', mode: 'one-table' });
  store.dispatch({ type: 'pick-source', role: 'people', id: 'signups' });
  return { settings, host, store, commands };
}

const errors = (problems: readonly { severity: string; message: string }[]) =>
  problems.filter((p) => p.severity === 'error').map((p) => p.message);

describe('the Data step’s choices on a Forms export', () => {
  it('lists every field, found or not, with every header to choose from, the role question found', async () => {
    const { store, commands } = setUp();
    await commands.check();
    const fields = store.state.check!.fields.people;
    expect(fields.map((f) => f.field)).toEqual([
      'firstName',
      'lastName',
      'name',
      'email',
      'role',
      'capacity',
      'bio',
      'jobTitle',
      'timestamp',
      'organisation',
      'grade',
      'profession',
      'characteristics',
      'identity to match',
    ]);
    const byField = new Map(fields.map((f) => [f.field, f]));
    expect(byField.get('role')?.header).toBe('Do you want to be a mentor, a mentee or both?');
    expect(byField.get('bio')?.header).toBe('Tell us a little about yourself');
    expect(byField.get('capacity')?.header).toBeNull();
    expect(byField.get('organisation')?.requiredBy).toEqual(['same-organisation']);
    for (const f of fields) expect(f.candidates).toEqual(exported.table.header);
  });

  it('names the field and the rule when a needed field has no column, and remembers each choice', async () => {
    const { store, commands, settings } = setUp();
    await commands.check();
    await commands.chooseColumn('people', 'organisation', null, 'organisation');
    const missing = errors(store.state.checkProblems).filter((m) => /organisation/.test(m));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatch(
      /no column was found for the field "organisation" \(rule "same-organisation" reads it\)/,
    );
    expect(missing[0]).not.toMatch(/Your grade/);
    await commands.chooseColumn('people', 'organisation', 'Your department or agency', 'organisation');
    await commands.chooseColumn('people', 'timestamp', 'Start time', 'timestamp');
    expect(errors(store.state.checkProblems).filter((m) => /organisation/.test(m))).toEqual([]);
    expect(store.state.check!.fields.people.find((f) => f.field === 'timestamp')).toMatchObject({
      header: 'Start time',
      source: 'chosen',
    });

    // Another session, the same form exported again: the choices are there before anything is chosen.
    const again = setUp({ ...exported.table, source: 'export (2).csv' }, settings.value);
    await again.commands.check();
    expect(again.store.state.mapping.people).toEqual({
      organisation: 'Your department or agency',
      timestamp: 'Start time',
    });
    expect(again.store.state.check!.fields.people.find((f) => f.field === 'timestamp')?.header).toBe('Start time');
  });

  it('accepts alias suggestions with one action, saves them, and undoes one', async () => {
    const { store, commands, settings } = setUp();
    store.dispatch({ type: 'set-duplicates', policy: 'keep-latest' });
    await commands.check();
    const suggested = store.state.check!.aliasSuggestions;
    expect(suggested.length).toBeGreaterThan(1);
    for (const s of suggested) {
      expect(exported.aliases).toContainEqual({ field: 'organisation', value: s.value, canonical: s.canonical });
    }
    await commands.acceptAliases(suggested);
    expect(store.state.check!.aliasSuggestions).toEqual([]);
    expect(parseDataSettings((settings.value as { data: unknown }).data).aliases).toEqual(store.state.data.aliases);
    const [first] = suggested;
    await commands.removeAlias(first.field, first.value);
    expect(store.state.check!.aliasSuggestions.map((s) => s.value)).toEqual([first.value]);
  });

  it('matches with the chosen columns, aliases and keep-latest exactly as the engine does, and lists the superseded rows', async () => {
    const { store, commands, host } = setUp();
    await commands.check();
    expect(store.state.checkProblems.filter((p) => p.code === 'duplicate-id').length).toBeGreaterThan(0);
    await commands.setDuplicates('keep-latest');
    expect(errors(store.state.checkProblems)).toEqual([]);
    expect(store.state.check!.skipped.map((s) => s.row)).toEqual(exported.superseded.map((s) => s.row));
    await commands.acceptAliases(store.state.check!.aliasSuggestions);
    await commands.chooseColumn('people', 'timestamp', 'Start time', 'timestamp');
    await commands.match();
    expect(store.state.status?.text).toMatch(/^Done in/);

    const options: Omit<MatchOptions, 'solver'> = {
      ruleSet,
      mapping: { people: { timestamp: 'Start time' } },
      aliases: store.state.data.aliases,
      duplicates: 'keep-latest',
    };
    const run = matchTables(
      { kind: 'one-table', people: exported.table },
      { ...options, solver: await createSolver() },
    );
    if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
    const sheet = (name: string) => host.results().find((s) => s.name === name)!;
    const pairs = (rows: readonly (readonly unknown[])[]) => rows.map((r) => `${r[0]} → ${r[1]}`).sort();
    expect(pairs(sheet('Match Pairs').rows)).toEqual(pairs(resultTables(run.result).pairs.rows));
    expect(store.state.result!.skipped.map((s) => s.row)).toEqual(exported.superseded.map((s) => s.row));
    expect(sheet('Match Skipped').header).toEqual(['file or sheet', 'row', 'email', 'reason']);
    expect(sheet('Match Skipped').rows.map((r) => r[1])).toEqual(exported.superseded.map((s) => s.row));
  });

  it('matches without the rows that have errors when asked, listing each', async () => {
    const bad = [...exported.table.rows[0]];
    bad[3] = 'manager@example.org';
    bad[6] = 'Manager';
    const table = { ...exported.table, rows: [...exported.table.rows, bad] };
    const { store, commands } = setUp(table);
    await commands.check();
    await commands.setDuplicates('keep-latest');
    expect(errors(store.state.checkProblems)).toEqual([
      expect.stringMatching(/role "Manager" is not mentor, mentee or both/),
    ]);
    await commands.setSkipInvalidRows(true);
    expect(errors(store.state.checkProblems)).toEqual([]);
    const row = table.rows.length + 1;
    expect(store.state.check!.skipped.find((s) => s.row === row)).toMatchObject({
      email: 'manager@example.org',
      code: 'invalid-role',
    });
    await commands.match();
    expect(store.state.result!.skipped.map((s) => s.row)).toContain(row);
  });
});
