// The pane's one store: its state, the named actions that change it, and subscriptions. Steps read
// the state and dispatch actions (or call the workflows in commands.ts, which dispatch); app.ts
// subscribes and re-renders. Participant data lives only here, in memory.
import type { DuplicatesPolicy, RuleSet } from '@mentor-matcher/engine';
import type { Table } from '@mentor-matcher/tabular';
import type { LoadedFile } from '../host/standalone-host.js';
import type { SourceOption } from '../host/workbook-host.js';
import { defaultResultTables } from '../app/result-sheets.js';
import { columnsKey, emptyDataSettings, rememberColumns, type DataSettings } from './data-settings.js';
import type {
  MappingOverrides,
  MatchChange,
  PersonDetail,
  ProblemData,
  ResultTableName,
  WorkerResponse,
} from '../worker/protocol.js';

export type StepId = 'data' | 'rules' | 'match' | 'review' | 'work';
export type Role = 'mentors' | 'mentees' | 'people';
export type Tone = 'info' | 'error' | 'ok';
export type Side = 'mentee' | 'mentor';
export type ReviewFilter = 'all' | 'unmatched' | 'locked' | 'low';

export type CheckReply = Extract<WorkerResponse, { type: 'checked' }>;
export type MatchReply = Extract<WorkerResponse, { type: 'matched' }>;

export interface PairId {
  readonly mentor: string;
  readonly mentee: string;
}

/** The coordinator's decisions on pairs: what the review step changes and undo restores. */
export interface Decisions {
  readonly lockedPairs: readonly PairId[];
  readonly forbiddenPairs: readonly PairId[];
}

export interface ReviewState {
  readonly side: Side;
  readonly query: string;
  readonly filter: ReviewFilter;
  /** The person opened, and their detail once the worker has sent it. */
  readonly open: { readonly side: Side; readonly id: string } | null;
  readonly detail: PersonDetail | null;
  /** The person last closed, so that focus goes back to them in the list. */
  readonly lastOpened: string | null;
  /** What the last action's re-solve changed. */
  readonly change: { readonly action: string; readonly change: MatchChange } | null;
  /** Decisions before each action, most recent last. */
  readonly undo: readonly Decisions[];
  /** A re-solve is running. */
  readonly busy: boolean;
}

export interface AppState {
  readonly step: StepId;
  readonly mode: 'two-tables' | 'one-table';
  readonly sources: readonly SourceOption[];
  /** The standalone page's loaded files: their sheets and the readers' notes, as the Data step lists them. */
  readonly files: readonly LoadedFile[];
  readonly picked: Readonly<Partial<Record<Role, string>>>;
  readonly tables: Readonly<Partial<Record<Role, Table>>>;
  /** The column choices for the tables read (a one-table layout's role column is its `role` field). */
  readonly mapping: MappingOverrides;
  /** Column choices by table layout, aliases, duplicates policy, rows left out: saved with the rule set. */
  readonly data: DataSettings;
  readonly ruleSet: RuleSet;
  /** The result sheets to write (Excel) or put in the results workbook (the page). */
  readonly resultTables: readonly ResultTableName[];
  readonly check: CheckReply | null;
  readonly checkProblems: readonly ProblemData[];
  readonly result: MatchReply | null;
  readonly running: { readonly phase: string; readonly fraction: number; readonly message: string } | null;
  readonly status: { readonly text: string; readonly tone: Tone } | null;
  readonly review: ReviewState;
}

export const initialReview: ReviewState = {
  side: 'mentee',
  query: '',
  filter: 'all',
  open: null,
  detail: null,
  lastOpened: null,
  change: null,
  undo: [],
  busy: false,
};

export function initialState(
  ruleSet: RuleSet,
  resultTables: readonly ResultTableName[] = defaultResultTables,
  data: DataSettings = emptyDataSettings,
): AppState {
  return {
    data,
    resultTables,
    step: 'data',
    mode: 'two-tables',
    sources: [],
    files: [],
    picked: {},
    tables: {},
    mapping: {},
    ruleSet,
    check: null,
    checkProblems: [],
    result: null,
    running: null,
    status: null,
    review: initialReview,
  };
}

export type Action =
  | { readonly type: 'go'; readonly step: StepId }
  | { readonly type: 'say'; readonly text: string; readonly tone: Tone }
  | {
      readonly type: 'set-sources';
      readonly sources: readonly SourceOption[];
      readonly picked?: Partial<Record<Role, string>>;
    }
  | { readonly type: 'pick-source'; readonly role: Role; readonly id: string | undefined }
  /** Files read on the standalone page; one loaded again under its name replaces the earlier one. */
  | { readonly type: 'files-loaded'; readonly files: readonly LoadedFile[] }
  | { readonly type: 'set-mode'; readonly mode: AppState['mode'] }
  | { readonly type: 'read-table'; readonly role: Role; readonly table: Table }
  /** A field's column chosen in the Columns panel; null for none. Remembered for tables with this header. */
  | { readonly type: 'map-column'; readonly role: Role; readonly field: string; readonly column: string | null }
  | { readonly type: 'accept-alias'; readonly field: string; readonly value: string; readonly canonical: string }
  | { readonly type: 'remove-alias'; readonly field: string; readonly value: string }
  | { readonly type: 'set-duplicates'; readonly policy: DuplicatesPolicy }
  | { readonly type: 'set-skip-invalid-rows'; readonly skip: boolean }
  /** `from: 'form'` is an edit typed in the Rules step, which already shows it: no re-render. */
  | { readonly type: 'set-rule-set'; readonly ruleSet: RuleSet; readonly from?: 'form' }
  | { readonly type: 'choose-result-tables'; readonly tables: readonly ResultTableName[] }
  | { readonly type: 'checked'; readonly check: CheckReply | null; readonly problems: readonly ProblemData[] }
  | { readonly type: 'run-progress'; readonly running: AppState['running'] }
  | { readonly type: 'matched'; readonly result: MatchReply | null }
  | { readonly type: 'review-list'; readonly side?: Side; readonly query?: string; readonly filter?: ReviewFilter }
  | { readonly type: 'review-open'; readonly side: Side; readonly id: string }
  | { readonly type: 'review-close' }
  | { readonly type: 'review-detail'; readonly detail: PersonDetail | null }
  | { readonly type: 'review-busy'; readonly busy: boolean }
  | { readonly type: 'review-decided'; readonly ruleSet: RuleSet; readonly undo: readonly Decisions[] }
  | {
      readonly type: 'review-resolved';
      readonly result: MatchReply;
      readonly action: string;
    }
  /** Nothing changes, but the current step is drawn again (a form changed its own shape). */
  | { readonly type: 'redraw' };

export type ActionType = Action['type'];

export function decisionsOf(ruleSet: RuleSet): Decisions {
  return { lockedPairs: ruleSet.lockedPairs, forbiddenPairs: ruleSet.forbiddenPairs };
}

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'go':
      return { ...state, step: action.step };
    case 'say':
      return { ...state, status: { text: action.text, tone: action.tone } };
    case 'set-sources':
      return { ...state, sources: action.sources, picked: { ...state.picked, ...action.picked } };
    case 'files-loaded': {
      const names = new Set(action.files.map((f) => f.name));
      return { ...state, files: [...state.files.filter((f) => !names.has(f.name)), ...action.files] };
    }
    case 'pick-source':
      return { ...state, picked: { ...state.picked, [action.role]: action.id }, check: null };
    case 'set-mode':
      return { ...state, mode: action.mode, check: null };
    case 'read-table': {
      // The choices made for a table with this header before, in this session or an earlier one.
      const tables = { ...state.tables, [action.role]: action.table };
      const remembered = state.data.columns[columnsKey(action.role, action.table.header)];
      return { ...state, tables, mapping: { ...state.mapping, [action.role]: remembered ?? {} } };
    }
    case 'map-column': {
      const overrides = { ...(state.mapping[action.role] ?? {}), [action.field]: action.column };
      const table = state.tables[action.role];
      const columns = table
        ? rememberColumns(state.data.columns, columnsKey(action.role, table.header), overrides)
        : state.data.columns;
      return { ...state, mapping: { ...state.mapping, [action.role]: overrides }, data: { ...state.data, columns } };
    }
    case 'accept-alias': {
      const field = { ...(state.data.aliases[action.field] ?? {}), [action.value]: action.canonical };
      return { ...state, data: { ...state.data, aliases: { ...state.data.aliases, [action.field]: field } } };
    }
    case 'remove-alias': {
      const { [action.value]: _removed, ...field } = state.data.aliases[action.field] ?? {};
      const { [action.field]: _all, ...others } = state.data.aliases;
      const aliases = Object.keys(field).length > 0 ? { ...others, [action.field]: field } : others;
      return { ...state, data: { ...state.data, aliases } };
    }
    case 'set-duplicates':
      return { ...state, data: { ...state.data, duplicates: action.policy } };
    case 'set-skip-invalid-rows':
      return { ...state, data: { ...state.data, skipInvalidRows: action.skip } };
    case 'set-rule-set':
      return { ...state, ruleSet: action.ruleSet };
    case 'choose-result-tables':
      return { ...state, resultTables: action.tables };
    case 'checked':
      return { ...state, check: action.check, checkProblems: action.problems };
    case 'run-progress':
      return { ...state, running: action.running };
    case 'matched':
      // A fresh match starts a fresh review; the decisions themselves live in the rule set.
      return { ...state, result: action.result, review: { ...initialReview, side: state.review.side } };
    case 'review-list':
      return {
        ...state,
        review: {
          ...state.review,
          side: action.side ?? state.review.side,
          query: action.query ?? state.review.query,
          filter: action.filter ?? state.review.filter,
        },
      };
    case 'review-open':
      return { ...state, review: { ...state.review, open: { side: action.side, id: action.id }, detail: null } };
    case 'review-close':
      return {
        ...state,
        review: { ...state.review, open: null, detail: null, lastOpened: state.review.open?.id ?? null },
      };
    case 'review-detail':
      return { ...state, review: { ...state.review, detail: action.detail } };
    case 'review-busy':
      return { ...state, review: { ...state.review, busy: action.busy } };
    case 'review-decided':
      return { ...state, ruleSet: action.ruleSet, review: { ...state.review, undo: action.undo } };
    case 'review-resolved':
      return {
        ...state,
        result: action.result,
        review: {
          ...state.review,
          change: action.result.change ? { action: action.action, change: action.result.change } : null,
        },
      };
    case 'redraw':
      return state;
  }
}

export type Listener = (state: AppState, action: Action, previous: AppState) => void;

export interface Store {
  readonly state: AppState;
  dispatch(action: Action): void;
  /** Calls `listener` after every action; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: AppState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get state() {
      return state;
    },
    dispatch(action) {
      const previous = state;
      state = reduce(state, action);
      for (const listener of [...listeners]) listener(state, action, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The tables a layout needs. */
export function rolesNeeded(state: AppState): Role[] {
  return state.mode === 'two-tables' ? ['mentors', 'mentees'] : ['people'];
}

/** Pairs at or under this share of the way from the lowest to the highest score count as low. */
const lowShare = 0.25;

/** The review list for the current side, query and filter. */
export function reviewList(state: AppState): NonNullable<AppState['result']>['people']['mentees'] {
  const result = state.result;
  if (!result) return [];
  const { side, query, filter } = state.review;
  const rows = side === 'mentee' ? result.people.mentees : result.people.mentors;
  const scores = rows.map((r) => r.lowestScore).filter((s): s is number => s !== null);
  const lowest = Math.min(...scores);
  const highest = Math.max(...scores);
  const low = lowest + (highest - lowest) * lowShare;
  const words = query.trim().toLowerCase();
  return rows.filter((row) => {
    if (words && !row.name.toLowerCase().includes(words) && !row.id.includes(words)) return false;
    if (filter === 'unmatched') return row.partners.length === 0 && row.capacity > 0;
    if (filter === 'locked') return row.locked > 0;
    if (filter === 'low') return row.lowestScore !== null && row.lowestScore <= low;
    return true;
  });
}
