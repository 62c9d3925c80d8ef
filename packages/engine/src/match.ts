// The whole pipeline, tables in, result out: read participants, check them, score every pair, fix
// locked and earlier pairs, run the chosen strategy, explain. Errors in the input stop the run and
// come back as data; warnings travel with the result.
import type { Table } from '@mentor-matcher/tabular';
import type { Solver } from '@mentor-matcher/solver';
import { CapacitatedProblemError, InvalidCostMatrixError } from '@mentor-matcher/solver';
import { displayRowNumber } from '@mentor-matcher/tabular';
import type {
  InputProblem,
  MatchResult,
  PairScores,
  Participant,
  Progress,
  ScoreMatrix,
  SkippedRow,
  StrategyContext,
  StrategyOutcome,
  StrategySettings,
} from './model.js';
import type { ColumnChoices, ColumnMapping } from './mapping.js';
import type { RuleSet } from './rules/schema.js';
import { columnChoiceProblems, detectMapping } from './mapping.js';
import { cleanEmail, readParticipants, readPeople } from './participants.js';
import {
  aliasSuggestionProblem,
  applyAliases,
  aliasFieldProblems,
  mergeAliases,
  suggestAliases,
  type AliasSuggestion,
  type ValueAliases,
} from './aliases.js';
import { applyDuplicatesPolicy, inInputOrder, withoutRows, type DuplicatesPolicy } from './duplicates.js';
import { checkInput, noPartnerProblems } from './checks.js';
import { spreadsheetCellProblems } from './spreadsheet-cells.js';
import { scorePairs } from './scoring.js';
import { groupByRuleFields, type ClassGrouping } from './class-grouping.js';
import { classesPay, scoreByClasses } from './pair-classes.js';
import { EngineError, MatchCancelledError, throwIfCancelled } from './errors.js';
import { resolveFixedPairs, type EarlierPair } from './locks.js';
import { strategyFor, defaultStrategySettings } from './strategies/index.js';
import { buildResult } from './result.js';
import {
  DEFAULT_MEMORY_LIMIT_BYTES,
  estimateClassMatchMemory,
  estimateMatchMemory,
  memoryLimitProblem,
  type MemoryEstimateOptions,
} from './memory-estimate.js';

export type MatchInput =
  | { readonly kind: 'two-tables'; readonly mentors: Table; readonly mentees: Table }
  /** `roleColumn`: the header of the role column; absent or '' = the mapping's `role` field (detected or chosen). */
  | { readonly kind: 'one-table'; readonly people: Table; readonly roleColumn?: string };

export interface MatchOptions {
  readonly ruleSet: RuleSet;
  readonly solver: Solver;
  /**
   * Column choices for every table (field → header, null for none), e.g. the CLI's --column; a
   * field a table's side does not read is ignored there, and one the rule set reads nowhere is a
   * warning. Field names may be the person fields' names (`first name`, `biography`).
   */
  readonly columns?: ColumnChoices;
  /** Overrides of the detected column mappings per table (logical field → header), after `columns`. */
  readonly mapping?: {
    readonly mentors?: ColumnChoices;
    readonly mentees?: ColumnChoices;
    readonly people?: ColumnChoices;
  };
  /** Value aliases (field → variant → canonical), after the rule set's own `aliases`. */
  readonly aliases?: ValueAliases;
  /** Duplicate sign-ups (same email on one side): 'error' (default), 'keep-latest' or 'keep-first'. */
  readonly duplicates?: DuplicatesPolicy;
  /**
   * Leave out the rows that have errors (a bad role, capacity or grade, a repeated email) and run with
   * the others; each is listed in `skipped` and its error becomes a warning. Errors that are not about
   * one row (a missing column) still stop the run.
   */
  readonly skipInvalidRows?: boolean;
  /** Pairs of an earlier result: re-matching keeps every one still allowed and fills free capacity. */
  readonly previousPairs?: readonly EarlierPair[];
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
  /**
   * The most memory (bytes) scoring and solving may plan to use; a larger programme is refused as an
   * input problem ('memory-limit', 'too-many-pairs') before the allocation. Default 2 GiB.
   */
  readonly memoryLimitBytes?: number;
  /**
   * How pair scores are held. 'auto' (default): by classes of people with equal rule fields when
   * the strategy is `optimal` and that takes at most half the room of every pair (pair-classes.ts),
   * else a full matrix. 'matrix': always the full matrix, for callers that read every pair (the
   * add-in's heat map). 'classes': by classes whenever the strategy is `optimal`, even where that
   * saves nothing (for tests and benchmarks of that path).
   */
  readonly pairScores?: 'auto' | 'matrix' | 'classes';
}

export type MatchRun<Scores extends PairScores = PairScores> =
  | {
      readonly ok: true;
      readonly result: MatchResult;
      readonly matrix: Scores;
      readonly problems: readonly InputProblem[];
      readonly skipped: readonly SkippedRow[];
    }
  | { readonly ok: false; readonly problems: readonly InputProblem[]; readonly skipped: readonly SkippedRow[] };

export interface CheckReport {
  readonly problems: readonly InputProblem[];
  readonly mappings: {
    readonly mentors?: ColumnMapping;
    readonly mentees?: ColumnMapping;
    readonly people?: ColumnMapping;
  };
  readonly mentors: number;
  readonly mentees: number;
  /** Likely variants of one value, for the coordinator to accept as aliases (each is also a warning). */
  readonly aliasSuggestions: readonly AliasSuggestion[];
  /** Rows that would not be used (superseded sign-ups, rows left out for errors). */
  readonly skipped: readonly SkippedRow[];
}

interface Participants {
  readonly mentors: Participant[];
  readonly mentees: Participant[];
  readonly problems: InputProblem[];
  readonly mappings: CheckReport['mappings'];
  readonly skipped: SkippedRow[];
  /** Email as written per `table\0row`, for listing rows that never became participants. */
  readonly emailAt: (table: string, row: number) => string | null;
}

function choices(options: Omit<MatchOptions, 'solver'>, table: 'mentors' | 'mentees' | 'people'): ColumnChoices {
  return { ...(options.columns ?? {}), ...(options.mapping?.[table] ?? {}) };
}

function emailsOf(table: Table, mapping: ColumnMapping, into: Map<string, string | null>): void {
  const column = mapping.email === undefined ? -1 : table.header.indexOf(mapping.email);
  table.rows.forEach((row, index) => {
    const cell = column < 0 ? null : (row[column] ?? null);
    const email = cell === null ? '' : cleanEmail(String(cell));
    into.set(`${table.source}\u0000${displayRowNumber(table, index)}`, email === '' ? null : email);
  });
}

function readInput(input: MatchInput, options: Omit<MatchOptions, 'solver'>): Participants {
  const { ruleSet } = options;
  const emails = new Map<string, string | null>();
  let read: {
    mentors: Participant[];
    mentees: Participant[];
    problems: InputProblem[];
    mappings: CheckReport['mappings'];
  };
  if (input.kind === 'one-table') {
    const people = detectMapping(input.people.header, 'people', ruleSet, choices(options, 'people'));
    const roleColumn = input.roleColumn || people.role;
    if (roleColumn) people.role = roleColumn;
    const both = readPeople(input.people, roleColumn, people, ruleSet);
    const cells = spreadsheetCellProblems(input.people, people, roleColumn ? [roleColumn] : []);
    emailsOf(input.people, people, emails);
    read = {
      mentors: both.mentors,
      mentees: both.mentees,
      problems: [...cells, ...both.problems],
      mappings: { people },
    };
  } else {
    const mentorMapping = detectMapping(input.mentors.header, 'mentor', ruleSet, choices(options, 'mentors'));
    const menteeMapping = detectMapping(input.mentees.header, 'mentee', ruleSet, choices(options, 'mentees'));
    const mentors = readParticipants(input.mentors, 'mentor', mentorMapping, ruleSet);
    const mentees = readParticipants(input.mentees, 'mentee', menteeMapping, ruleSet);
    emailsOf(input.mentors, mentorMapping, emails);
    emailsOf(input.mentees, menteeMapping, emails);
    read = {
      mentors: mentors.participants,
      mentees: mentees.participants,
      problems: [
        ...spreadsheetCellProblems(input.mentors, mentorMapping),
        ...mentors.problems,
        ...spreadsheetCellProblems(input.mentees, menteeMapping),
        ...mentees.problems,
      ],
      mappings: { mentors: mentorMapping, mentees: menteeMapping },
    };
  }
  // Choices for every table (the rule set's own, in its flat form, and the caller's) may name
  // fields this rule set does not read: one warning each.
  const ruleSetColumns = ruleSet.columns ?? {};
  const flat = Object.values(ruleSetColumns).every((value) => typeof value === 'string') ? ruleSetColumns : {};
  const unused = columnChoiceProblems(
    { ...(flat as ColumnChoices), ...(options.columns ?? {}) },
    ruleSet,
    input.kind === 'one-table' ? 'people' : 'mentor',
  );
  const aliases = mergeAliases(ruleSet.aliases, options.aliases);
  unused.push(...aliasFieldProblems(aliases, ruleSet));
  const deduplicated = applyDuplicatesPolicy(
    applyAliases(read.mentors, aliases, ruleSet),
    applyAliases(read.mentees, aliases, ruleSet),
    options.duplicates ?? 'error',
  );
  return {
    mentors: deduplicated.mentors,
    mentees: deduplicated.mentees,
    problems: [...unused, ...read.problems, ...deduplicated.problems],
    mappings: read.mappings,
    skipped: inInputOrder([...blankRowsSkipped(read.problems), ...deduplicated.skipped]),
    emailAt: (table, row) => emails.get(`${table}\u0000${row}`) ?? null,
  };
}

/**
 * Blank rows are not used either, so skipped.csv says so: one line per table, its first blank row and
 * the reader's count ("3 blank rows were skipped (rows 4, 9, 12)"), never a line per blank row, so a
 * sheet exported with a million empty rows cannot make the outputs grow.
 */
function blankRowsSkipped(problems: readonly InputProblem[]): SkippedRow[] {
  return problems
    .filter((problem) => problem.code === 'blank-row' && problem.table !== undefined && problem.row !== undefined)
    .map((problem) => ({
      table: problem.table!,
      row: problem.row!,
      email: null,
      code: 'blank-row',
      reason: problem.message,
    }));
}

/**
 * Alias suggestions over what is left after aliasing (each also a warning), and the checks, which
 * then leave out the near-duplicates a suggestion covers.
 */
function checkWithSuggestions(mentors: readonly Participant[], mentees: readonly Participant[], ruleSet: RuleSet) {
  const suggestions = suggestAliases(mentors, mentees, ruleSet);
  const problems = [
    ...checkInput(mentors, mentees, ruleSet, undefined, suggestions),
    ...suggestions.map(aliasSuggestionProblem),
  ];
  return { suggestions, problems };
}

/**
 * A column that is not there is one error, "no column was found for the field": not also a
 * warning that every row has it blank.
 */
function withoutBlanksOfMissingColumns(problems: InputProblem[]): InputProblem[] {
  const key = (p: InputProblem) => `${p.table}\u0000${p.column}`;
  const missing = new Set(problems.filter((p) => p.severity === 'error' && p.code === 'missing-column').map(key));
  return missing.size === 0 ? problems : problems.filter((p) => p.code !== 'blank-value' || !missing.has(key(p)));
}

/**
 * The checks before scoring, with --skip-invalid-rows applied: rows with an error of their own are
 * left out (their errors become warnings, each row listed as skipped) and the rest checked again.
 */
function checkParticipants(
  participants: Participants,
  options: Omit<MatchOptions, 'solver'>,
): Participants & { readonly suggestions: readonly AliasSuggestion[] } {
  const { ruleSet } = options;
  const first = checkWithSuggestions(participants.mentors, participants.mentees, ruleSet);
  const checked = withoutBlanksOfMissingColumns([...participants.problems, ...first.problems]);
  const rowErrors = checked.filter((p) => p.severity === 'error' && p.table !== undefined && p.row !== undefined);
  const otherErrors = checked.some((p) => p.severity === 'error' && !rowErrors.includes(p));
  if (!options.skipInvalidRows || rowErrors.length === 0 || otherErrors) {
    return { ...participants, problems: checked, suggestions: first.suggestions };
  }
  const rows = new Set(rowErrors.map((p) => `${p.table}\u0000${p.row}`));
  const mentors = withoutRows(participants.mentors, rows);
  const mentees = withoutRows(participants.mentees, rows);
  const skipped = new Map(participants.skipped.map((s) => [`${s.table}\u0000${s.row}`, s]));
  for (const problem of rowErrors) {
    const key = `${problem.table}\u0000${problem.row}`;
    if (skipped.has(key)) continue;
    skipped.set(key, {
      table: problem.table!,
      row: problem.row!,
      email: participants.emailAt(problem.table!, problem.row!),
      code: problem.code,
      reason: problem.message,
    });
  }
  const leftOut = rowErrors.map((p) => ({
    ...p,
    severity: 'warning' as const,
    message: `${p.message} (the row was left out)`,
  }));
  const readProblems = participants.problems.filter((p) => !rowErrors.includes(p));
  const again = checkWithSuggestions(mentors, mentees, ruleSet);
  return {
    ...participants,
    mentors,
    mentees,
    skipped: inInputOrder([...skipped.values()]),
    problems: [...readProblems, ...leftOut, ...again.problems],
    suggestions: again.suggestions,
  };
}

const hasErrors = (problems: readonly InputProblem[]) => problems.some((p) => p.severity === 'error');

/** Scoring throws the signal's own reason; callers of the engine only ever see MatchCancelledError. */
function cancellable<T>(options: Omit<MatchOptions, 'solver'>, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (options.signal?.aborted) throw new MatchCancelledError('scoring');
    throw error;
  }
}

function score(participants: Participants, options: Omit<MatchOptions, 'solver'>): ScoreMatrix {
  return cancellable(options, () =>
    scorePairs(participants.mentors, participants.mentees, options.ruleSet, {
      onProgress: options.onProgress,
      signal: options.signal,
    }),
  );
}

/**
 * The solver validates what it is given; what it rejects (scores with too many decimals, totals too
 * large to be exact) is something the user can fix in the rule set, so it comes back as a problem.
 * Anything else from the solver is a fault, wrapped so that callers see only the engine's errors.
 */
function solve(
  settings: StrategySettings,
  context: StrategyContext,
): { outcome: StrategyOutcome } | { problem: InputProblem } {
  try {
    return { outcome: strategyFor(settings).run(context) };
  } catch (error) {
    if (error instanceof EngineError) throw error;
    if (error instanceof CapacitatedProblemError || error instanceof InvalidCostMatrixError) {
      return {
        problem: {
          severity: 'error',
          code: 'scores-not-solvable',
          message: `The scores cannot be solved as they are: ${error.message}`,
        },
      };
    }
    throw new EngineError(
      'solver-failed',
      `The solver failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** Mentees scored to estimate the share of eligible pairs before the full matrix is allocated. */
const SAMPLE_MENTEES = 64;
/** At most this many pairs are scored for the sample (fewer mentees when there are many mentors). */
const SAMPLE_PAIRS = 4_000_000;

/**
 * The memory check before scoring. Every pair is assumed eligible first; only when that does not fit
 * is an evenly spaced sample of mentees scored against every mentor to estimate the eligible share
 * (the check after scoring counts it exactly), so that a refusal states a likely figure, not the
 * worst case.
 */
function memoryBeforeScoring(participants: Participants, ruleSet: RuleSet, limit: number): InputProblem | null {
  const { mentors, mentees } = participants;
  const places = placesOf(participants);
  const worst = estimateMatchMemory(mentors.length, mentees.length, ruleSet, places);
  if (!worst.tooManyPairs && worst.totalBytes <= limit) return null;
  if (worst.tooManyPairs) return memoryLimitProblem(worst, limit);
  const size = Math.max(1, Math.min(SAMPLE_MENTEES, Math.floor(SAMPLE_PAIRS / Math.max(1, mentors.length))));
  const step = Math.max(1, Math.floor(mentees.length / size));
  const sample = mentees.filter((_, i) => i % step === 0).slice(0, size);
  const sampled = scorePairs(mentors, sample, ruleSet);
  let eligible = 0;
  for (const n of sampled.eligibleCountByMentee) eligible += n;
  const eligiblePairs = (eligible / Math.max(1, sample.length)) * mentees.length;
  const counts = { ...places, eligiblePairs, eligibleCounted: false };
  const estimate = estimateMatchMemory(mentors.length, mentees.length, ruleSet, counts);
  return memoryLimitProblem(estimate, limit);
}

/** The memory check after scoring, with the eligible pairs counted, before the strategy builds its edge list. */
function memoryAfterScoring(
  participants: Participants,
  matrix: ScoreMatrix,
  ruleSet: RuleSet,
  limit: number,
): InputProblem | null {
  let eligiblePairs = 0;
  for (const n of matrix.eligibleCountByMentee) eligiblePairs += n;
  const { mentors, mentees } = participants;
  const counts = { ...placesOf(participants), eligiblePairs };
  const estimate = estimateMatchMemory(mentors.length, mentees.length, ruleSet, counts);
  return memoryLimitProblem(estimate, limit);
}

function placesOf(participants: Participants): MemoryEstimateOptions {
  const sum = (people: readonly Participant[]) => people.reduce((total, person) => total + person.capacity, 0);
  return { mentorPlaces: sum(participants.mentors), menteePlaces: sum(participants.mentees) };
}

/** The classes to hold scores by, when they pay (see MatchOptions.pairScores); else null. */
function classGroupings(
  participants: Participants,
  options: Omit<MatchOptions, 'solver'>,
): { readonly mentors: ClassGrouping; readonly mentees: ClassGrouping } | null {
  const settings = options.ruleSet.strategy ?? defaultStrategySettings;
  if (options.pairScores === 'matrix' || settings.name !== 'optimal') return null;
  const mentors = groupByRuleFields(participants.mentors, options.ruleSet, 'mentor');
  const mentees = groupByRuleFields(participants.mentees, options.ruleSet, 'mentee');
  const pays = classesPay(mentors.count, mentees.count, participants.mentors.length, participants.mentees.length);
  return pays || options.pairScores === 'classes' ? { mentors, mentees } : null;
}

/**
 * Scores every pair, by classes or in a full matrix, each after its memory check: a programme
 * too large for `limit` comes back as a problem before the large allocation.
 */
function scoreWithinLimit(
  participants: Participants,
  options: Omit<MatchOptions, 'solver'>,
  limit: number,
): { readonly matrix: PairScores } | { readonly problem: InputProblem } {
  const { ruleSet } = options;
  const groupings = classGroupings(participants, options);
  if (groupings) {
    const counts = {
      mentors: participants.mentors.length,
      mentees: participants.mentees.length,
      mentorClasses: groupings.mentors.count,
      menteeClasses: groupings.mentees.count,
    };
    const tooLarge = memoryLimitProblem(estimateClassMatchMemory(counts, ruleSet, placesOf(participants)), limit);
    if (tooLarge) return { problem: tooLarge };
    throwIfCancelled(options.signal, 'scoring');
    options.onProgress?.({ phase: 'scoring', fraction: 0 });
    return {
      matrix: cancellable(options, () =>
        scoreByClasses(participants.mentors, participants.mentees, ruleSet, groupings, options),
      ),
    };
  }
  const tooLarge = memoryBeforeScoring(participants, ruleSet, limit);
  if (tooLarge) return { problem: tooLarge };
  throwIfCancelled(options.signal, 'scoring');
  options.onProgress?.({ phase: 'scoring', fraction: 0 });
  const matrix = score(participants, options);
  const unsolvable = memoryAfterScoring(participants, matrix, ruleSet, limit);
  return unsolvable ? { problem: unsolvable } : { matrix };
}

/** Reads and checks without solving: for the CLI's `check` command and the add-in's Data step. */
export function checkTables(input: MatchInput, options: Omit<MatchOptions, 'solver'>): CheckReport {
  const { onProgress, signal, ruleSet } = options;
  throwIfCancelled(signal, 'reading');
  onProgress?.({ phase: 'reading', fraction: 0 });
  const read = readInput(input, options);
  throwIfCancelled(signal, 'checking');
  onProgress?.({ phase: 'checking', fraction: 0 });
  const participants = checkParticipants(read, options);
  const report = {
    mappings: participants.mappings,
    mentors: participants.mentors.length,
    mentees: participants.mentees.length,
    aliasSuggestions: participants.suggestions,
    skipped: participants.skipped,
  };
  const early = participants.problems;
  if (hasErrors(early)) return { ...report, problems: early };
  const limit = options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES;
  const scored = scoreWithinLimit(participants, options, limit);
  if ('problem' in scored) return { ...report, problems: [...early, scored.problem] };
  const { matrix } = scored;
  // Locks are checked here too, so that a lock naming someone absent fails the check, not only the match.
  const fixed = resolveFixedPairs(matrix, ruleSet.lockedPairs, options.previousPairs);
  return {
    ...report,
    problems: [...early, ...noPartnerProblems(matrix), ...fixed.problems],
  };
}

export function matchTables(input: MatchInput, options: MatchOptions & { pairScores: 'matrix' }): MatchRun<ScoreMatrix>;
export function matchTables(input: MatchInput, options: MatchOptions): MatchRun;
export function matchTables(input: MatchInput, options: MatchOptions): MatchRun {
  const { onProgress, signal, ruleSet, solver } = options;
  throwIfCancelled(signal, 'reading');
  onProgress?.({ phase: 'reading', fraction: 0 });
  const read = readInput(input, options);
  throwIfCancelled(signal, 'checking');
  onProgress?.({ phase: 'checking', fraction: 0 });
  const participants = checkParticipants(read, options);
  const { skipped } = participants;
  const early = participants.problems;
  if (hasErrors(early)) return { ok: false, problems: early, skipped };

  const limit = options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES;
  const scored = scoreWithinLimit(participants, options, limit);
  if ('problem' in scored) return { ok: false, problems: [...early, scored.problem], skipped };
  const { matrix } = scored;
  // The matrix-free checks ran above (near-duplicate categories alone are a noticeable share of a run).
  const checked = [...early, ...noPartnerProblems(matrix)];
  const fixed = resolveFixedPairs(matrix, ruleSet.lockedPairs, options.previousPairs);
  const problems = [...checked, ...fixed.problems];
  if (hasErrors(problems)) return { ok: false, problems, skipped };

  throwIfCancelled(signal, 'solving');
  onProgress?.({ phase: 'solving', fraction: 0 });
  const settings = ruleSet.strategy ?? defaultStrategySettings;
  const solved = solve(settings, { matrix, solver, locked: fixed.fixed, onProgress, signal });
  if ('problem' in solved) return { ok: false, problems: [...problems, solved.problem], skipped };
  const { outcome } = solved;

  throwIfCancelled(signal, 'explaining');
  onProgress?.({ phase: 'explaining', fraction: 0 });
  const profile = (mapping: ColumnMapping | undefined) => ({
    jobTitle: mapping?.jobTitle,
    bio: mapping?.bio,
    lastName: mapping?.lastName,
  });
  const mentorMapping = participants.mappings.mentors ?? participants.mappings.people;
  const menteeMapping = participants.mappings.mentees ?? participants.mappings.people;
  const result = buildResult({
    matrix,
    settings,
    outcome,
    kept: fixed.kept,
    problems,
    droppedEarlierPairs: fixed.dropped,
    scoreRules: ruleSet.rules.filter((r) => r.kind === 'score').map((r) => ({ ruleId: r.id, label: r.label })),
    profileColumns: { mentor: profile(mentorMapping), mentee: profile(menteeMapping) },
  });
  onProgress?.({ phase: 'explaining', fraction: 1 });
  return { ok: true, result: { ...result, skipped }, matrix, problems, skipped };
}
