// The pane's workflows: read from the host, talk to the worker, write results, and dispatch to the
// store what happened. No DOM here: a unit test drives them with the in-memory host and the worker's
// service in-process (commands.test.ts).
import { parseRuleSet, type DuplicatesPolicy, type RuleSet } from '@mentor-matcher/engine';
import type { Table } from '@mentor-matcher/tabular';
import { sizeProblem } from '../app/limits.js';
import { isResultTableName, resultSheetNames, toResultSheets } from '../app/result-sheets.js';
import type { WorkbookHost } from '../host/workbook-host.js';
import { MatchCancelled, type MatchClient } from '../worker/match-client.js';
import type {
  AliasSuggestionData,
  BeatSample,
  MatchInputData,
  ResultTableName,
  RowOptions,
  TableData,
} from '../worker/protocol.js';
import {
  decisionsOf,
  rolesNeeded,
  type Decisions,
  type MatchReply,
  type PairId,
  type Role,
  type Side,
  type Store,
  type Tone,
} from './store.js';

/** Every sheet a run may write: a later run removes those it no longer writes. */
const allResultSheets: readonly string[] = Object.values(resultSheetNames);

/** Largest heat-map grid (cells per side) the page draws. */
const heatmapSize = 300;

/**
 * A Table is already plain data; only its types are read-only. Copying it would cost the pane's main
 * thread an allocation per row right when a run starts; postMessage copies it anyway.
 */
function plain(table: Table): TableData {
  return table as TableData;
}

const sameId = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const samePair = (a: PairId, b: PairId) => sameId(a.mentor, b.mentor) && sameId(a.mentee, b.mentee);
const normalised = (pair: PairId): PairId => ({
  mentor: pair.mentor.trim().toLowerCase(),
  mentee: pair.mentee.trim().toLowerCase(),
});

/** A decision on a pair in the review step. A swap locks the new pair and forbids the old one. */
export type Decision =
  | { readonly kind: 'lock' | 'unlock' | 'forbid' | 'unforbid'; readonly pair: PairId }
  | { readonly kind: 'swap'; readonly from: PairId; readonly to: PairId };

/** The rule set's locks and forbids after a decision. */
export function decide(decisions: Decisions, decision: Decision): Decisions {
  const without = (pairs: readonly PairId[], pair: PairId) => pairs.filter((p) => !samePair(p, pair));
  const { lockedPairs, forbiddenPairs } = decisions;
  switch (decision.kind) {
    case 'lock':
      return {
        lockedPairs: [...without(lockedPairs, decision.pair), normalised(decision.pair)],
        forbiddenPairs: without(forbiddenPairs, decision.pair),
      };
    case 'unlock':
      return { lockedPairs: without(lockedPairs, decision.pair), forbiddenPairs };
    case 'forbid':
      return {
        lockedPairs: without(lockedPairs, decision.pair),
        forbiddenPairs: [...without(forbiddenPairs, decision.pair), normalised(decision.pair)],
      };
    case 'unforbid':
      return { lockedPairs, forbiddenPairs: without(forbiddenPairs, decision.pair) };
    case 'swap':
      return {
        lockedPairs: [...without(without(lockedPairs, decision.from), decision.to), normalised(decision.to)],
        forbiddenPairs: [...without(without(forbiddenPairs, decision.to), decision.from), normalised(decision.from)],
      };
  }
}

function describeDecision(decision: Decision, names: (id: string) => string): string {
  const pair = (p: PairId) => `${names(p.mentor)} with ${names(p.mentee)}`;
  switch (decision.kind) {
    case 'lock':
      return `Locked ${pair(decision.pair)}`;
    case 'unlock':
      return `Unlocked ${pair(decision.pair)}`;
    case 'forbid':
      return `Forbade ${pair(decision.pair)}`;
    case 'unforbid':
      return `Allowed ${pair(decision.pair)} again`;
    case 'swap':
      return sameId(decision.from.mentor, decision.to.mentor)
        ? `Swapped ${names(decision.from.mentee)} for ${names(decision.to.mentee)} (mentor ${names(decision.from.mentor)})`
        : `Swapped ${names(decision.from.mentor)} for ${names(decision.to.mentor)} (mentee ${names(decision.from.mentee)})`;
  }
}

/**
 * The engine names a lock or forbid by its place in the rule set ("lockedPairs[3] (mentor a, mentee
 * b): …"); the coordinator knows it by the two people.
 */
export function withoutPaths(message: string): string {
  return message.replace(
    /\b(locked|forbidden)Pairs\[\d+\] \(mentor ([^,]+), mentee ([^)]+)\)/g,
    'the $1 pair $2 with $3',
  );
}

export interface CommandsOptions {
  readonly store: Store;
  readonly host: WorkbookHost;
  readonly client: MatchClient;
  /** Asks the user; the pane shows a dialog, tests answer directly. */
  readonly confirm: (message: string, confirmLabel: string, cancelLabel: string) => Promise<boolean>;
}

export type Commands = ReturnType<typeof createCommands>;

export function createCommands({ store, host, client, confirm }: CommandsOptions) {
  const say = (text: string, tone: Tone = 'info') => store.dispatch({ type: 'say', text, tone });
  const fail = (error: unknown) => say(error instanceof Error ? error.message : String(error), 'error');

  /**
   * The rule set, the choice of result sheets and the Data step's choices (columns, aliases, rows),
   * saved together (the workbook, or the browser).
   */
  const saveSettings = () =>
    host.settings.save({
      ruleSet: store.state.ruleSet,
      resultTables: store.state.resultTables,
      data: store.state.data,
    });

  const rowOptions = (): RowOptions => {
    const { aliases, duplicates, skipInvalidRows } = store.state.data;
    return { aliases, duplicates, skipInvalidRows };
  };

  async function saveRuleSet(ruleSet: RuleSet, from?: 'form'): Promise<void> {
    store.dispatch({ type: 'set-rule-set', ruleSet, from });
    await saveSettings();
  }

  async function chooseResultTables(tables: readonly ResultTableName[]): Promise<void> {
    store.dispatch({ type: 'choose-result-tables', tables });
    await saveSettings();
  }

  /** A result file built in the worker: the results workbook of the chosen sheets, or one sheet as CSV. */
  async function resultFile(format: 'xlsx' | 'csv', tables: readonly ResultTableName[]) {
    const reply = await client.request({ type: 'file', format, tables: [...tables] });
    if (reply.type === 'file') return reply;
    throw new Error(reply.type === 'failed' ? reply.message : `Unexpected reply ${reply.type}.`);
  }

  /** Reloads the list of tables or files, and picks likely ones for roles not chosen yet. */
  async function refreshSources(): Promise<void> {
    const sources = await host.listSources();
    const picked: Record<string, string | undefined> = {};
    for (const role of rolesNeeded(store.state)) {
      if (store.state.picked[role]) continue;
      const pattern =
        role === 'mentors' ? /mentor(?!.*mentee)/i : role === 'mentees' ? /mentee/i : /people|sign.?ups|all/i;
      // A hidden sheet is never guessed: it is used only when someone picks it.
      picked[role] = sources.find((s) => !s.hidden && pattern.test(s.label) && !isResultTableName(s.label))?.id;
    }
    store.dispatch({ type: 'set-sources', sources, picked });
  }

  async function readTables(): Promise<boolean> {
    for (const role of rolesNeeded(store.state)) {
      const id = store.state.picked[role];
      if (!id) {
        say(`Choose the ${role === 'people' ? 'people' : role} table first.`, 'error');
        return false;
      }
      store.dispatch({ type: 'read-table', role, table: await host.readSource(id) });
    }
    return true;
  }

  function matchInput(): MatchInputData | null {
    const { mentors, mentees, people } = store.state.tables;
    if (store.state.mode === 'two-tables') {
      return mentors && mentees ? { kind: 'two-tables', mentors: plain(mentors), mentees: plain(mentees) } : null;
    }
    // The role column is the mapping's `role` field: detected, or chosen in the Columns panel.
    return people ? { kind: 'one-table', people: plain(people) } : null;
  }

  async function check(): Promise<void> {
    try {
      say('Reading the tables…');
      if (!(await readTables())) return;
      const input = matchInput();
      if (!input) return;
      say('Checking…');
      const { ruleSet, mapping } = store.state;
      const reply = await client.run({ type: 'check', input, ruleSet, mapping, rows: rowOptions() });
      if (reply.type === 'checked') {
        store.dispatch({ type: 'checked', check: reply, problems: reply.problems });
        const errors = reply.problems.filter((p) => p.severity === 'error').length;
        const warnings = reply.problems.length - errors;
        say(
          `${reply.mentors} mentors and ${reply.mentees} mentees read; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`,
          errors ? 'error' : 'ok',
        );
      } else if (reply.type === 'rejected') {
        store.dispatch({ type: 'checked', check: null, problems: reply.problems });
        say('The rule set has problems: see the list below.', 'error');
      } else if (reply.type === 'failed') {
        say(reply.message, 'error');
      }
    } catch (error) {
      fail(error);
    }
  }

  /** A Data step choice: saved at once, and the data checked again with it when it was checked before. */
  async function changeData(action: Parameters<Store['dispatch']>[0], done: string): Promise<void> {
    try {
      store.dispatch(action);
      await saveSettings();
      if (!store.state.check) return say(done, 'ok');
      await check();
      const checked = store.state.status;
      say(checked ? `${done} Checked again: ${checked.text}` : done, checked?.tone ?? 'ok');
    } catch (error) {
      fail(error);
    }
  }

  const chooseColumn = (role: Role, field: string, column: string | null, label: string) =>
    changeData(
      { type: 'map-column', role, field, column },
      column === null ? `No column for ${label}.` : `${label}: column “${column}”.`,
    );

  /** Accepts suggested aliases (one, or all at once), then saves and checks once. */
  const acceptAliases = (list: readonly Pick<AliasSuggestionData, 'field' | 'value' | 'canonical'>[]) => {
    const [first, ...rest] = list;
    if (!first) return Promise.resolve();
    for (const s of rest)
      store.dispatch({ type: 'accept-alias', field: s.field, value: s.value, canonical: s.canonical });
    return changeData(
      { type: 'accept-alias', field: first.field, value: first.value, canonical: first.canonical },
      list.length === 1 ? `“${first.value}” is now read as “${first.canonical}”.` : `${list.length} aliases accepted.`,
    );
  };

  const removeAlias = (field: string, value: string) =>
    changeData({ type: 'remove-alias', field, value }, `“${value}” is read as written again.`);

  const setDuplicates = (policy: DuplicatesPolicy) =>
    changeData({ type: 'set-duplicates', policy }, 'Duplicate sign-ups: choice saved.');

  const setSkipInvalidRows = (skip: boolean) =>
    changeData(
      { type: 'set-skip-invalid-rows', skip },
      skip ? 'Rows with errors will be left out.' : 'Rows with errors stop the match again.',
    );

  const progress = (message: string, fraction = 1) =>
    store.dispatch({ type: 'run-progress', running: { phase: 'writing', fraction, message } });

  /**
   * Decisions typed in the Pairs sheet join the rule set's, so they are saved and shown too: anything
   * in `lock` locks that pair (a row added at the bottom included), anything in `forbid` forbids it,
   * and a locked pair whose `lock` cell was cleared (on every row it has) is unlocked.
   */
  async function withSheetDecisions(): Promise<RuleSet> {
    const typed = host.readPairDecisions
      ? await host.readPairDecisions(resultSheetNames.pairs)
      : { locked: await host.readLockedPairs(resultSheetNames.pairs), forbidden: [], unlocked: [] };
    let decisions = decisionsOf(store.state.ruleSet);
    for (const pair of typed.unlocked) {
      if (typed.locked.some((p) => samePair(p, pair))) continue;
      if (decisions.lockedPairs.some((p) => samePair(p, pair))) decisions = decide(decisions, { kind: 'unlock', pair });
    }
    for (const pair of typed.forbidden) decisions = decide(decisions, { kind: 'forbid', pair });
    for (const pair of typed.locked) {
      if (typed.forbidden.some((p) => samePair(p, pair))) continue;
      if (!decisions.lockedPairs.some((p) => samePair(p, pair))) decisions = decide(decisions, { kind: 'lock', pair });
    }
    const { ruleSet } = store.state;
    const same = (a: readonly PairId[], b: readonly PairId[]) =>
      a.length === b.length && a.every((p, i) => samePair(p, b[i]));
    if (same(decisions.lockedPairs, ruleSet.lockedPairs) && same(decisions.forbiddenPairs, ruleSet.forbiddenPairs))
      return ruleSet;
    const next = { ...ruleSet, lockedPairs: [...decisions.lockedPairs], forbiddenPairs: [...decisions.forbiddenPairs] };
    await saveRuleSet(next);
    return next;
  }

  async function match(): Promise<void> {
    if (client.busy) return;
    try {
      store.dispatch({ type: 'matched', result: null });
      store.dispatch({
        type: 'run-progress',
        running: { phase: 'reading', fraction: 0, message: 'Reading the tables' },
      });
      if (!(await readTables())) return;
      const input = matchInput();
      if (!input) return;
      const counts =
        input.kind === 'two-tables'
          ? [input.mentors.rows.length, input.mentees.rows.length]
          : [input.people.rows.length, input.people.rows.length];
      const tooBig = sizeProblem(counts[0], counts[1]);
      if (tooBig) return say(tooBig, 'error');
      const ruleSet = await withSheetDecisions();
      const reply = await client.run(
        { type: 'match', input, ruleSet, mapping: store.state.mapping, rows: rowOptions(), heatmapSize },
        (p) =>
          store.dispatch({
            type: 'run-progress',
            running: { phase: p.phase, fraction: p.fraction, message: p.message ?? p.phase },
          }),
      );
      if (reply.type === 'rejected') {
        store.dispatch({ type: 'checked', check: store.state.check, problems: reply.problems });
        return say('The input has errors; nothing was matched. See the Data step.', 'error');
      }
      if (reply.type === 'failed') return say(reply.message, 'error');
      if (reply.type !== 'matched') return;
      progress('Receiving the results');
      const sheets = toResultSheets(await client.fetchResultTables(reply.tables, store.state.resultTables));
      store.dispatch({ type: 'matched', result: reply });
      // Every result sheet, the ones this run does not write included: those are left from an earlier run.
      const earlier = await host.existingResults(allResultSheets);
      if (earlier.length > 0) {
        const replace = await confirm(
          `Replace the earlier results (${earlier.join(', ')})? Excel clears its undo history when sheets are deleted.`,
          'Replace results',
          'Keep the earlier results',
        );
        if (!replace) return say('Matched, but the earlier result sheets were kept. Run again to replace them.');
      }
      progress('Writing the results');
      await host.writeResults(sheets, { remove: allResultSheets });
      const seconds = reply.elapsedMs < 100 ? 'under 0.1' : (reply.elapsedMs / 1000).toFixed(1);
      say(
        host.kind === 'excel'
          ? `Done in ${seconds} s: results are in the sheets ${sheets.map((s) => s.name).join(', ')}.`
          : `Done in ${seconds} s. Review the pairs, or download the results below.`,
        'ok',
      );
    } catch (error) {
      if (error instanceof MatchCancelled) say('Cancelled. Nothing was written.');
      else fail(error);
    } finally {
      store.dispatch({ type: 'run-progress', running: null });
    }
  }

  async function openPerson(side: Side, id: string): Promise<void> {
    store.dispatch({ type: 'review-open', side, id });
    try {
      const reply = await client.request({ type: 'person', side, person: id, candidates: 5 });
      if (reply.type === 'person') store.dispatch({ type: 'review-detail', detail: reply.detail });
      else if (reply.type === 'failed') say(reply.message, 'error');
    } catch (error) {
      fail(error);
    }
  }

  /** Names for ids, from the last result's lists. */
  function nameOf(id: string): string {
    const people = store.state.result?.people;
    return people?.mentees.find((p) => p.id === id)?.name ?? people?.mentors.find((p) => p.id === id)?.name ?? id;
  }

  /**
   * Re-solves with `decisions` in the rule set. On success the result, its sheets or downloads, the
   * saved rule set and the opened person follow; on failure the decisions go back as they were.
   */
  async function resolve(decisions: Decisions, undo: readonly Decisions[], label: string): Promise<boolean> {
    if (client.busy || store.state.review.busy) return false;
    const before = store.state.ruleSet;
    const previousUndo = store.state.review.undo;
    const ruleSet = {
      ...before,
      lockedPairs: [...decisions.lockedPairs],
      forbiddenPairs: [...decisions.forbiddenPairs],
    };
    store.dispatch({ type: 'review-busy', busy: true });
    store.dispatch({ type: 'review-decided', ruleSet, undo });
    try {
      say(`${label}: matching again…`);
      const reply = await client.request({ type: 'rematch', ruleSet, heatmapSize });
      if (reply.type !== 'matched') {
        store.dispatch({ type: 'review-decided', ruleSet: before, undo: previousUndo });
        const why =
          reply.type === 'rejected'
            ? reply.problems
                .filter((p) => p.severity === 'error')
                .map((p) => withoutPaths(p.message))
                .join(' ')
            : reply.type === 'failed'
              ? reply.message
              : reply.type;
        say(`${label} cannot be done: ${why}`, 'error');
        return false;
      }
      const sheets = toResultSheets(await client.fetchResultTables(reply.tables, store.state.resultTables));
      store.dispatch({ type: 'review-resolved', result: reply, action: label });
      await host.writeResults(sheets, { remove: allResultSheets });
      await saveSettings();
      const open = store.state.review.open;
      if (open) await openPerson(open.side, open.id);
      const { before: was, after: now } = reply.change ?? { before: reply.totals, after: reply.totals };
      say(
        `${label}. Mentees matched ${was.menteesMatched} → ${now.menteesMatched}; total score ${was.totalScore} → ${now.totalScore}.`,
        'ok',
      );
      return true;
    } catch (error) {
      store.dispatch({ type: 'review-decided', ruleSet: before, undo: previousUndo });
      fail(error);
      return false;
    } finally {
      store.dispatch({ type: 'review-busy', busy: false });
    }
  }

  async function decidePair(decision: Decision): Promise<boolean> {
    const current = decisionsOf(store.state.ruleSet);
    return resolve(
      decide(current, decision),
      [...store.state.review.undo, current],
      describeDecision(decision, nameOf),
    );
  }

  async function undo(): Promise<boolean> {
    const stack = store.state.review.undo;
    const last = stack.at(-1);
    if (!last) return false;
    return resolve(last, stack.slice(0, -1), 'Undone');
  }

  /** Replaces the rule set with one loaded from a file (the page's way to bring decisions back). */
  async function loadRuleSet(json: unknown, fileName: string): Promise<boolean> {
    const parsed = parseRuleSet(json);
    if (!parsed.ok) {
      say(`${fileName} is not a rule set this app can use: ${parsed.problems[0]?.message ?? ''}`, 'error');
      return false;
    }
    await saveRuleSet(parsed.ruleSet);
    say(
      `Rule set “${parsed.ruleSet.name}” loaded from ${fileName}, with ${parsed.ruleSet.lockedPairs.length} locked and ${parsed.ruleSet.forbiddenPairs.length} forbidden pairs.`,
      'ok',
    );
    return true;
  }

  async function beatSample(seed: number): Promise<BeatSample | null> {
    try {
      const reply = await client.request({ type: 'beat-sample', size: 8, seed });
      if (reply.type === 'beat-sample') return reply.sample;
      if (reply.type === 'failed') say(reply.message, 'error');
    } catch (error) {
      fail(error);
    }
    return null;
  }

  return {
    say,
    fail,
    saveRuleSet,
    chooseResultTables,
    resultFile,
    loadRuleSet,
    refreshSources,
    check,
    chooseColumn,
    acceptAliases,
    removeAlias,
    setDuplicates,
    setSkipInvalidRows,
    match,
    cancel: () => client.cancel(),
    openPerson,
    closePerson: () => store.dispatch({ type: 'review-close' }),
    decide: decidePair,
    undo,
    beatSample,
  };
}

export type { MatchReply };
