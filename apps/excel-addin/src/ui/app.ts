// The pane: four steps (Data, Rules, Match, Show the work) over one state object. Actions read
// from the host, talk to the worker, and re-render the current step.
import { parseRuleSet, type RuleSet } from '@mentor-matcher/engine';
import type { Table } from '@mentor-matcher/tabular';
import { sizeProblem } from '../app/limits.js';
import { isResultTableName, resultSheetNames, toResultSheets } from '../app/result-sheets.js';
import type { WorkbookHost } from '../host/workbook-host.js';
import { MatchCancelled, type MatchClient } from '../worker/match-client.js';
import type { MatchInputData, TableData } from '../worker/protocol.js';
import { renderDataStep } from './data-step.js';
import { confirmDialog } from './dialog.js';
import { h, replaceChildren } from './h.js';
import { renderMatchStep } from './match-step.js';
import { renderRulesStep } from './rules-step.js';
import { initialState, type AppState, type Role, type StepId } from './state.js';
import { renderWorkStep } from './work-step.js';

const steps: { id: StepId; label: string }[] = [
  { id: 'data', label: '1. Data' },
  { id: 'rules', label: '2. Rules' },
  { id: 'match', label: '3. Match' },
  { id: 'work', label: '4. Show the work' },
];

/**
 * A Table is already plain data; only its types are read-only. Copying it would cost the pane's main
 * thread an allocation per row right when a run starts; postMessage copies it anyway.
 */
function plain(table: Table): TableData {
  return table as TableData;
}

export class App {
  readonly state: AppState;
  private readonly nav: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly statusLine: HTMLElement;

  constructor(
    readonly root: HTMLElement,
    readonly host: WorkbookHost,
    readonly client: MatchClient,
    ruleSet: RuleSet,
  ) {
    this.state = initialState(ruleSet);
    this.nav = h('nav', { class: 'steps', role: 'tablist', 'aria-label': 'Steps' });
    this.panel = h('main', { id: 'panel', role: 'tabpanel', tabindex: '-1' });
    this.statusLine = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    replaceChildren(
      root,
      h(
        'div',
        { class: 'app' },
        h(
          'header',
          {},
          h('h1', {}, 'Mentor Matcher'),
          h('span', { class: 'mode' }, host.kind === 'excel' ? 'in Excel' : 'standalone page: your files stay on this computer'),
        ),
        this.nav,
        this.statusLine,
        this.panel,
      ),
    );
    this.render();
  }

  render(): void {
    replaceChildren(
      this.nav,
      steps.map((step, i) =>
        h(
          'button',
          {
            role: 'tab',
            id: `tab-${step.id}`,
            'aria-selected': String(step.id === this.state.step),
            'aria-controls': 'panel',
            tabindex: step.id === this.state.step ? '0' : '-1',
            onclick: () => this.go(step.id),
            onkeydown: (event: Event) => {
              const key = (event as KeyboardEvent).key;
              if (key !== 'ArrowRight' && key !== 'ArrowLeft') return;
              const next = steps[(i + (key === 'ArrowRight' ? 1 : steps.length - 1)) % steps.length];
              this.go(next.id);
              document.getElementById(`tab-${next.id}`)?.focus();
            },
          },
          step.label,
        ),
      ),
    );
    const status = this.state.status;
    this.statusLine.className = `status ${status?.tone ?? ''}`;
    this.statusLine.textContent = status?.text ?? '';
    this.panel.setAttribute('aria-labelledby', `tab-${this.state.step}`);
    const view =
      this.state.step === 'data'
        ? renderDataStep(this)
        : this.state.step === 'rules'
          ? renderRulesStep(this)
          : this.state.step === 'match'
            ? renderMatchStep(this)
            : renderWorkStep(this);
    replaceChildren(this.panel, view);
  }

  go(step: StepId): void {
    this.state.step = step;
    this.render();
  }

  say(text: string, tone: 'info' | 'error' | 'ok' = 'info'): void {
    this.state.status = { text, tone };
    this.statusLine.className = `status ${tone}`;
    this.statusLine.textContent = text;
  }

  fail(error: unknown): void {
    this.say(error instanceof Error ? error.message : String(error), 'error');
  }

  /** Reloads the list of tables or files, and picks likely ones for roles not chosen yet. */
  async refreshSources(): Promise<void> {
    this.state.sources = await this.host.listSources();
    for (const role of this.rolesNeeded()) {
      if (this.state.picked[role]) continue;
      const pattern = role === 'mentors' ? /mentor(?!.*mentee)/i : role === 'mentees' ? /mentee/i : /people|sign.?ups|all/i;
      this.state.picked[role] = this.state.sources.find((s) => pattern.test(s.label) && !isResultTableName(s.label))?.id;
    }
  }

  rolesNeeded(): Role[] {
    return this.state.mode === 'two-tables' ? ['mentors', 'mentees'] : ['people'];
  }

  async readTables(): Promise<boolean> {
    for (const role of this.rolesNeeded()) {
      const id = this.state.picked[role];
      if (!id) {
        this.say(`Choose the ${role === 'people' ? 'people' : role} table first.`, 'error');
        return false;
      }
      this.state.tables[role] = await this.host.readSource(id);
    }
    const people = this.state.tables.people;
    if (this.state.mode === 'one-table' && people && !people.header.includes(this.state.roleColumn)) {
      this.state.roleColumn = people.header.find((name) => /role|mentor or mentee/i.test(name)) ?? '';
    }
    return true;
  }

  matchInput(): MatchInputData | null {
    const { mentors, mentees, people } = this.state.tables;
    if (this.state.mode === 'two-tables') {
      return mentors && mentees ? { kind: 'two-tables', mentors: plain(mentors), mentees: plain(mentees) } : null;
    }
    if (!people) return null;
    if (!this.state.roleColumn) {
      this.say('Choose the column that says who is a mentor and who is a mentee.', 'error');
      return null;
    }
    return { kind: 'one-table', people: plain(people), roleColumn: this.state.roleColumn };
  }

  async check(): Promise<void> {
    try {
      this.say('Reading the tables…');
      if (!(await this.readTables())) return this.render();
      const input = this.matchInput();
      if (!input) return this.render();
      this.say('Checking…');
      const reply = await this.client.run({ type: 'check', input, ruleSet: this.state.ruleSet, mapping: this.state.mapping });
      if (reply.type === 'checked') {
        this.state.check = reply;
        this.state.checkProblems = reply.problems;
        const errors = reply.problems.filter((p) => p.severity === 'error').length;
        this.say(
          `${reply.mentors} mentors and ${reply.mentees} mentees read; ${errors} error${errors === 1 ? '' : 's'}, ${reply.problems.length - errors} warning${reply.problems.length - errors === 1 ? '' : 's'}.`,
          errors ? 'error' : 'ok',
        );
      } else if (reply.type === 'rejected') {
        this.state.checkProblems = reply.problems;
        this.say('The rule set has problems: see the list below.', 'error');
      } else if (reply.type === 'failed') {
        this.say(reply.message, 'error');
      }
    } catch (error) {
      this.fail(error);
    }
    this.render();
  }

  async saveRuleSet(ruleSet: RuleSet): Promise<void> {
    this.state.ruleSet = ruleSet;
    await this.host.settings.save({ ruleSet });
  }

  setRuleSetJson(json: unknown): string[] {
    const parsed = parseRuleSet(json);
    if (!parsed.ok) return parsed.problems.map((p) => p.message);
    void this.saveRuleSet(parsed.ruleSet).catch((error) => this.fail(error));
    return [];
  }

  async match(): Promise<void> {
    if (this.client.busy) return;
    try {
      this.state.result = null;
      this.state.running = { phase: 'reading', fraction: 0, message: 'Reading the tables' };
      this.render();
      if (!(await this.readTables())) return this.finishRun();
      const input = this.matchInput();
      if (!input) return this.finishRun();
      const counts =
        input.kind === 'two-tables' ? [input.mentors.rows.length, input.mentees.rows.length] : [input.people.rows.length, input.people.rows.length];
      const tooBig = sizeProblem(counts[0], counts[1]);
      if (tooBig) {
        this.say(tooBig, 'error');
        return this.finishRun();
      }
      const lockedPairs = await this.host.readLockedPairs(resultSheetNames.pairs);
      const reply = await this.client.run(
        { type: 'match', input, ruleSet: this.state.ruleSet, mapping: this.state.mapping, lockedPairs, heatmapSize: 300 },
        (progress) => {
          this.state.running = { phase: progress.phase, fraction: progress.fraction, message: progress.message ?? progress.phase };
          this.updateProgress();
        },
      );
      if (reply.type === 'rejected') {
        this.state.checkProblems = reply.problems;
        this.say('The input has errors; nothing was matched. See the Data step.', 'error');
        return this.finishRun();
      }
      if (reply.type === 'failed') {
        this.say(reply.message, 'error');
        return this.finishRun();
      }
      if (reply.type !== 'matched') return this.finishRun();
      this.state.running = { phase: 'writing', fraction: 1, message: 'Receiving the results' };
      this.updateProgress();
      const sheets = toResultSheets(await this.client.fetchResultTables(reply.tables));
      this.state.result = reply;
      const earlier = await this.host.existingResults(sheets.map((s) => s.name));
      if (earlier.length > 0) {
        const replace = await confirmDialog(
          `Replace the earlier results (${earlier.join(', ')})? Excel clears its undo history when sheets are deleted.`,
          'Replace results',
          'Keep the earlier results',
        );
        if (!replace) {
          this.say('Matched, but the earlier result sheets were kept. Run again to replace them.');
          return this.finishRun();
        }
      }
      this.state.running = { phase: 'writing', fraction: 1, message: 'Writing the results' };
      this.updateProgress();
      await this.host.writeResults(sheets);
      this.say(
        this.host.kind === 'excel'
          ? `Done in ${(reply.elapsedMs / 1000).toFixed(1)} s: results are in the sheets ${sheets.map((s) => s.name).join(', ')}.`
          : `Done in ${(reply.elapsedMs / 1000).toFixed(1)} s. Download the results below.`,
        'ok',
      );
    } catch (error) {
      if (error instanceof MatchCancelled) this.say('Cancelled. Nothing was written.');
      else this.fail(error);
    }
    this.finishRun();
  }

  cancel(): void {
    this.client.cancel();
  }

  private finishRun(): void {
    this.state.running = null;
    // A separate task: the last worker message's handling and this render never add up to one long task.
    setTimeout(() => this.render(), 0);
  }

  private updateProgress(): void {
    const bar = this.panel.querySelector('progress');
    const label = this.panel.querySelector('#progress-label');
    const running = this.state.running;
    if (!bar || !label || !running) return this.render();
    bar.value = running.fraction;
    label.textContent = `${running.message} (${Math.round(running.fraction * 100)}%)`;
  }
}
