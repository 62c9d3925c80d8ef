// Step 2: the rule set in forms: preset, strategy, capacities, ladders, rules with their conditions.
// Every edit is validated by the engine's own parser; a valid rule set is saved with the workbook.
import { getPreset, parseRuleSet, presets, type RuleSet } from '@mentor-matcher/engine';
import { checkboxField, dropdown } from './fluent-fields.js';
import { field, h, later, uid } from './h.js';
import type { Pane } from './pane.js';
import type { Store } from './store.js';

type Json = Record<string, unknown>;

/**
 * The form edits a draft (which may be invalid while typing); `basis` is the rule set it was made
 * from or last saved as. When the store's rule set is another one (a preset, an import, a decision
 * in the review step), the draft starts again from it.
 */
const drafts = new WeakMap<Store, { draft: Json; basis: RuleSet }>();

function draftOf(store: Store): { draft: Json; basis: RuleSet } {
  let entry = drafts.get(store);
  if (!entry || entry.basis !== store.state.ruleSet) {
    entry = { draft: structuredClone(store.state.ruleSet) as unknown as Json, basis: store.state.ruleSet };
    drafts.set(store, entry);
  }
  return entry;
}

const conditionTypes = {
  same: 'same value on both sides',
  different: 'different values',
  gap: 'gap on a ladder or number',
  overlap: 'lists share a value',
  equals: 'one side has a value',
  all: 'all of',
  any: 'any of',
  not: 'not',
} as const;
type ConditionType = keyof typeof conditionTypes;

function defaultCondition(type: ConditionType, ladders: string[]): Json {
  switch (type) {
    case 'same':
    case 'different':
      return { type, mentor: 'organisation', mentee: 'organisation' };
    case 'gap':
      return { type, mentor: 'grade', mentee: 'grade', ...(ladders[0] ? { ladder: ladders[0] } : {}), equals: 1 };
    case 'overlap':
      return { type, mentor: 'characteristics', mentee: 'identity to match' };
    case 'equals':
      return { type, side: 'mentee', column: 'match with similar identity', value: 'yes' };
    case 'all':
    case 'any':
      return { type, of: [defaultCondition('same', ladders)] };
    case 'not':
      return { type, condition: defaultCondition('same', ladders) };
  }
}

interface Editor {
  readonly pane: Pane;
  readonly draft: Json;
  /** After a value changes: validate and save. */
  changed(): void;
  /** After the shape changes (added, removed, type): re-render too. */
  restructured(): void;
  readonly columns: string[];
}

function textInput(
  editor: Editor,
  target: Json,
  key: string,
  label: string,
  options: { list?: string; optional?: boolean } = {},
): HTMLElement {
  // A field with column suggestions stays a native input: its `list` names a <datalist>, which an
  // input inside Fluent's shadow root cannot reach.
  const input = h(options.list ? 'input' : ('fluent-text-input' as 'input'), {
    type: 'text',
    value: target[key] === undefined ? '' : String(target[key]),
    list: options.list,
    oninput: (event: Event) => {
      const value = (event.target as HTMLInputElement).value;
      if (options.optional && value.trim() === '') delete target[key];
      else target[key] = value;
      editor.changed();
    },
  });
  return field(label, input);
}

function numberInput(editor: Editor, target: Json, key: string, label: string, optional = false): HTMLElement {
  // Fluent has no number input: a text input whose value is read as a number; one that is not a
  // number is NaN, which the rule set's parser refuses with the field's path.
  const input = h('fluent-text-input' as 'input', {
    type: 'text',
    value: target[key] === undefined ? '' : String(target[key]),
    oninput: (event: Event) => {
      const raw = (event.target as HTMLInputElement).value;
      if (raw === '' && optional) delete target[key];
      else target[key] = raw.trim() === '' ? Number.NaN : Number(raw.trim());
      editor.changed();
    },
  });
  return field(label, input);
}

function selectInput(
  editor: Editor,
  target: Json,
  key: string,
  label: string,
  options: [string, string][],
  onChange?: (value: string) => void,
): HTMLElement {
  const select = dropdown({
    value: String(target[key] ?? ''),
    choices: options,
    onChange: (value) => {
      if (onChange) onChange(value);
      else {
        if (value === '') delete target[key];
        else target[key] = value;
        editor.changed();
      }
    },
  });
  return field(label, select);
}

/**
 * The parser's message in words for the form: its path ("rules[1].when.of[0].mentor") becomes "Rule 2,
 * condition 1, mentor", and a blank number field is asked for, not reported as NaN.
 */
export function plainProblem(message: string): string {
  const match = /^([\w$[\].]+): (.*)$/.exec(message);
  const [where, what] = match ? [match[1], match[2]] : ['', message];
  const words = where
    .split('.')
    .filter((part) => part !== 'when' && part !== 'condition')
    .map((part) =>
      part
        .replace(/^rules\[(\d+)\]$/, (_, i: string) => `rule ${Number(i) + 1}`)
        .replace(/^of\[(\d+)\]$/, (_, i: string) => `condition ${Number(i) + 1}`)
        .replace(/^default$/, 'default capacity'),
    )
    .filter(Boolean);
  const fix = /NaN|received undefined|expected a number/.test(what) ? 'type a number' : what;
  const sentence = words.length ? `${words.join(', ')}: ${fix}` : fix;
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}${/[.!?]$/.test(sentence) ? '' : '.'}`;
}

function conditionEditor(editor: Editor, condition: Json, depth: number): HTMLElement {
  const ladders = Object.keys((editor.draft.ladders as Json) ?? {});
  const type = condition.type as ConditionType;
  const typeSelect = selectInput(editor, condition, 'type', 'Condition', Object.entries(conditionTypes), (value) => {
    for (const key of Object.keys(condition)) delete condition[key];
    Object.assign(condition, defaultCondition(value as ConditionType, ladders));
    editor.restructured();
  });
  const columnList = 'rule-columns';
  const body: (HTMLElement | null)[] = [];
  if (type === 'same' || type === 'different' || type === 'gap' || type === 'overlap') {
    body.push(
      h(
        'div',
        { class: 'row' },
        textInput(editor, condition, 'mentor', 'Mentor column', { list: columnList }),
        textInput(editor, condition, 'mentee', 'Mentee column', { list: columnList }),
      ),
    );
  }
  if (type === 'gap') {
    body.push(
      h(
        'div',
        { class: 'row' },
        selectInput(editor, condition, 'ladder', 'Ladder', [
          ['', '(numbers)'],
          ...ladders.map((l): [string, string] => [l, l]),
        ]),
        numberInput(editor, condition, 'equals', 'Mentor − mentee equals', true),
        numberInput(editor, condition, 'atLeast', 'at least', true),
        numberInput(editor, condition, 'atMost', 'at most', true),
      ),
    );
  }
  if (type === 'overlap') {
    body.push(
      h(
        'div',
        { class: 'row' },
        textInput(editor, condition, 'mentorSeparator', 'Mentor list separator', { optional: true }),
        textInput(editor, condition, 'menteeSeparator', 'Mentee list separator', { optional: true }),
      ),
    );
  }
  if (type === 'equals') {
    body.push(
      h(
        'div',
        { class: 'row' },
        selectInput(editor, condition, 'side', 'Side', [
          ['mentor', 'mentor'],
          ['mentee', 'mentee'],
        ]),
        textInput(editor, condition, 'column', 'Column', { list: columnList }),
        textInput(editor, condition, 'value', 'Value'),
      ),
    );
  }
  if (type === 'all' || type === 'any') {
    const list = condition.of as Json[];
    body.push(
      ...list.map((child, i) =>
        h(
          'div',
          { class: 'card nested' },
          conditionEditor(editor, child, depth + 1),
          list.length > 1
            ? h(
                'button',
                { class: 'link', onclick: () => (list.splice(i, 1), editor.restructured()) },
                'Remove this condition',
              )
            : null,
        ),
      ),
      h(
        'button',
        { class: 'link', onclick: () => (list.push(defaultCondition('same', ladders)), editor.restructured()) },
        'Add a condition',
      ),
    );
  }
  if (type === 'not')
    body.push(h('div', { class: 'card nested' }, conditionEditor(editor, condition.condition as Json, depth + 1)));
  return h('div', { class: 'condition', 'data-depth': depth }, typeSelect, body);
}

function ruleCard(editor: Editor, rules: Json[], rule: Json, index: number): HTMLElement {
  return h(
    'div',
    { class: 'card', 'data-rule': String(rule.id) },
    h(
      'div',
      { class: 'row' },
      textInput(editor, rule, 'label', 'Rule'),
      selectInput(
        editor,
        rule,
        'kind',
        'Kind',
        [
          ['score', 'adds points'],
          ['exclude', 'excludes the pair'],
        ],
        (value) => {
          rule.kind = value;
          if (value === 'exclude') delete rule.points;
          else rule.points = 5;
          editor.restructured();
        },
      ),
      rule.kind === 'score' ? numberInput(editor, rule, 'points', 'Points') : null,
    ),
    conditionEditor(editor, rule.when as Json, 0),
    h(
      'button',
      { class: 'link', onclick: () => (rules.splice(index, 1), editor.restructured()) },
      `Remove “${String(rule.label)}”`,
    ),
  );
}

function ladderCard(editor: Editor, ladders: Json, name: string): HTMLElement {
  const steps = ladders[name] as string[];
  const area = h('fluent-textarea' as 'textarea', {
    'auto-resize': true,
    resize: 'vertical',
    oninput: (event: Event) => {
      ladders[name] = (event.target as HTMLTextAreaElement).value
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
      editor.changed();
    },
  });
  area.value = steps.join('\n');
  return h(
    'div',
    { class: 'card' },
    field(`Ladder “${name}”, lowest first, one step a line`, area),
    h(
      'button',
      { class: 'link', onclick: () => (delete ladders[name], editor.restructured()) },
      `Remove ladder “${name}”`,
    ),
  );
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = h('a', { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function renderRulesStep(pane: Pane): HTMLElement {
  const { store, commands } = pane;
  const entry = draftOf(store);
  const { draft } = entry;
  const problemsBox = h('div', { role: 'alert', class: 'status error' });
  const columns = [...new Set(Object.values(store.state.tables).flatMap((t) => (t ? [...t.header] : [])))];
  const editor: Editor = {
    pane,
    draft,
    columns,
    changed() {
      const parsed = parseRuleSet(draft);
      if (parsed.ok) {
        problemsBox.textContent = '';
        // Locks and forbids are the review step's: the form never changes them.
        const { lockedPairs, forbiddenPairs } = store.state.ruleSet;
        const ruleSet = { ...parsed.ruleSet, lockedPairs, forbiddenPairs };
        entry.basis = ruleSet;
        void commands.saveRuleSet(ruleSet, 'form').catch((error) => commands.fail(error));
      } else {
        problemsBox.textContent = parsed.problems.map((p) => plainProblem(p.message)).join('\n');
      }
    },
    restructured() {
      this.changed();
      store.dispatch({ type: 'redraw' });
    },
  };
  const rules = draft.rules as Json[];
  const ladders = (draft.ladders ??= {}) as Json;
  const capacity = draft.capacity as { mentor: Json; mentee: Json };
  const strategy = draft.strategy as Json;
  const presetSelect = dropdown({
    value: Object.keys(presets)[0],
    choices: Object.keys(presets).map((name) => [name, name] as const),
    onChange: () => undefined,
  });
  const importInput = h('input', {
    type: 'file',
    accept: '.json,application/json',
    onchange: later(async (event: Event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (!file) return;
      try {
        const parsed = parseRuleSet(JSON.parse(await file.text()));
        if (!parsed.ok) {
          commands.say(`${file.name}: ${parsed.problems.map((p) => plainProblem(p.message)).join('; ')}`, 'error');
          return;
        }
        await commands.saveRuleSet(parsed.ruleSet);
        commands.say(`Rule set “${parsed.ruleSet.name}” imported from ${file.name}.`, 'ok');
      } catch (error) {
        commands.say(
          `${file.name} is not a JSON rule set: ${error instanceof Error ? error.message : String(error)}`,
          'error',
        );
      }
    }),
  });
  const newLadder = h('fluent-text-input' as 'input', { type: 'text', placeholder: 'name, e.g. grade' });
  const strategyFields =
    strategy.name === 'rounds'
      ? [
          numberInput(editor, strategy, 'rounds', 'Rounds'),
          numberInput(editor, strategy, 'unmatchedBonus', 'Unmatched bonus (points)'),
        ]
      : [
          numberInput(editor, strategy, 'alternates', 'Alternates listed per mentee'),
          checkboxField('Also maximise mentors with a mentee', {
            checked: strategy.mentorCoverage !== false,
            onChange: (on) => {
              strategy.mentorCoverage = on;
              editor.changed();
            },
          }),
        ];
  return h(
    'section',
    {},
    h('h2', {}, 'Rules'),
    h(
      'datalist',
      { id: 'rule-columns' },
      columns.map((c) => h('option', { value: c })),
    ),
    h(
      'div',
      { class: 'row' },
      field('Start from a preset', presetSelect),
      h(
        'button',
        {
          class: 'secondary',
          onclick: later(async () => {
            const { lockedPairs, forbiddenPairs } = store.state.ruleSet;
            await commands.saveRuleSet({
              ...getPreset(presetSelect.value ?? Object.keys(presets)[0]),
              lockedPairs,
              forbiddenPairs,
            });
            commands.say(`Rules reset to the preset “${presetSelect.value ?? Object.keys(presets)[0]}”.`);
          }),
        },
        'Use preset',
      ),
    ),
    h(
      'div',
      { class: 'row' },
      field('Import a rule set (JSON)', importInput),
      h(
        'button',
        {
          class: 'secondary',
          onclick: () =>
            download(
              `${String(draft.name || 'rules').replace(/[^\w.-]+/g, '-')}.json`,
              JSON.stringify(store.state.ruleSet, null, 2),
            ),
        },
        'Export as JSON',
      ),
    ),
    problemsBox,
    textInput(editor, draft, 'name', 'Rule set name'),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Method'),
      selectInput(
        editor,
        strategy,
        'name',
        'Strategy',
        [
          ['optimal', 'optimal: most mentees matched, then the best total score'],
          ['rounds', 'rounds: the reference system’s three rounds'],
        ],
        (value) => {
          for (const key of Object.keys(strategy)) delete strategy[key];
          Object.assign(
            strategy,
            value === 'rounds'
              ? { name: 'rounds', rounds: 3, unmatchedBonus: 6 }
              : { name: 'optimal', mentorCoverage: true, alternates: 3 },
          );
          editor.restructured();
        },
      ),
      h('div', { class: 'row' }, strategyFields),
      numberInput(editor, draft, 'minScore', 'Lowest score a pair may have (blank: no limit)', true),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Capacity: how many partners each person may have'),
      h(
        'div',
        { class: 'row' },
        numberInput(editor, capacity.mentor, 'default', 'Mentors (default)'),
        textInput(editor, capacity.mentor, 'column', 'Mentors’ own column (optional)', {
          list: 'rule-columns',
          optional: true,
        }),
      ),
      h(
        'div',
        { class: 'row' },
        numberInput(editor, capacity.mentee, 'default', 'Mentees (default)'),
        textInput(editor, capacity.mentee, 'column', 'Mentees’ own column (optional)', {
          list: 'rule-columns',
          optional: true,
        }),
      ),
    ),
    h('h3', {}, `Rules (${rules.length})`),
    rules.map((rule, i) => ruleCard(editor, rules, rule, i)),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          class: 'secondary',
          onclick: () => {
            let n = rules.length + 1;
            while (rules.some((r) => r.id === `rule-${n}`)) n += 1;
            rules.push({
              id: `rule-${n}`,
              label: `New rule ${n}`,
              kind: 'score',
              points: 5,
              when: defaultCondition('same', Object.keys(ladders)),
            });
            editor.restructured();
          },
        },
        'Add a rule',
      ),
    ),
    h('h3', {}, 'Ladders (ordered values such as grades)'),
    Object.keys(ladders).map((name) => ladderCard(editor, ladders, name)),
    h(
      'div',
      { class: 'row' },
      field('New ladder', newLadder),
      h(
        'button',
        {
          class: 'secondary',
          onclick: () => {
            const name = newLadder.value.trim();
            if (!name || name in ladders) return;
            ladders[name] = ['low', 'high'];
            editor.restructured();
          },
        },
        'Add ladder',
      ),
    ),
    h(
      'p',
      { class: 'muted', id: uid('pairs') },
      `Locked pairs: ${store.state.ruleSet.lockedPairs.length}; forbidden pairs: ${store.state.ruleSet.forbiddenPairs.length}. Lock, forbid and swap pairs in the Review step after a match${pane.host.kind === 'excel' ? ', or type anything in the “lock” column of Match Pairs and match again' : ''}.`,
    ),
  );
}
