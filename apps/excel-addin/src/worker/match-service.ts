// What the match worker does with each request, apart from the Worker global itself, so it can be
// tested in Node: validate the message, run the engine, shrink the matrix for the heat map, and keep
// the last matrix for "beat the computer".
import {
  checkTables,
  describeMapping,
  matchTables,
  parseRuleSet,
  resultTables,
  skippedTable,
  type MappingRole,
  type MatchInput,
  type MatchOptions,
  type MatchResult,
  type RuleSet,
  type ScoreMatrix,
} from '@mentor-matcher/engine';
import { buildMessages, mailMergeTable, notifyBulkTables } from '@mentor-matcher/notify';
import type { Solver } from '@mentor-matcher/solver';
import type { Table } from '@mentor-matcher/tabular';
import { sizeProblem } from '../app/limits.js';
import { toResultSheets } from '../app/result-sheets.js';
import { csvDownloads, xlsxDownload } from '../host/downloads.js';
import { beatSample } from './beat-sample.js';
import { buildHeatmap, type HeatmapSource } from './heatmap-data.js';
import {
  changeBetween,
  decisionsTable,
  personDetail,
  preferEarlierPairs,
  reviewRows,
  totalsOf,
  trimmedChange,
} from './review.js';
import {
  requestSchema,
  resultTableNames,
  type FieldMappingData,
  type MappingOverrides,
  type ProblemData,
  type MatchInputData,
  type RowOptions,
  type ResultTablesData,
  type TableData,
  type TableShape,
  type WorkerResponse,
} from './protocol.js';

export type Post = (message: WorkerResponse, transfer?: Transferable[]) => void;

/** Progress messages are throttled: a flood of them would keep the pane's main thread busy. */
const progressIntervalMs = 50;

function problemsOf(problems: readonly ProblemData[]): ProblemData[] {
  return problems.map((p) => ({ ...p }));
}

function plainTable(table: Table): TableData {
  return { ...table, header: [...table.header], rows: table.rows.map((row) => [...row]) };
}

/** The engine's result tables, the skipped rows, and the emails as tables (mail merge, one Notify list per kind). */
function plainTables(result: MatchResult, ruleSet: RuleSet): ResultTablesData {
  const tables = resultTables(result);
  const skipped = skippedTable(result.skipped ?? []);
  const messages = buildMessages(result);
  const notify = notifyBulkTables(messages);
  return {
    pairs: plainTable(tables.pairs),
    mentors: plainTable(tables.mentors),
    mentees: plainTable(tables.mentees),
    unmatched: plainTable(tables.unmatched),
    summary: plainTable(tables.summary),
    decisions: decisionsTable(result, ruleSet),
    skipped: { ...plainTable(skipped), source: 'Skipped' },
    mailMerge: plainTable(mailMergeTable(messages)),
    notifyMentorMatched: plainTable(notify['mentor-matched']),
    notifyMentorUnmatched: plainTable(notify['mentor-unmatched']),
    notifyMenteeMatched: plainTable(notify['mentee-matched']),
    notifyMenteeUnmatched: plainTable(notify['mentee-unmatched']),
  };
}

function shapeOf(table: TableData): TableShape {
  const { rows, ...shape } = table;
  return { ...shape, rowCount: rows.length };
}

function mappingsOf(mappings: unknown): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  if (typeof mappings !== 'object' || mappings === null) return out;
  for (const [table, mapping] of Object.entries(mappings)) {
    if (typeof mapping !== 'object' || mapping === null) continue;
    const fields: Record<string, string> = {};
    for (const [field, header] of Object.entries(mapping)) if (typeof header === 'string') fields[field] = header;
    out[table] = fields;
  }
  return out;
}

/**
 * Every field of each table as the Columns panel shows it. A one-table input's role column given
 * outright (`roleColumn`) is its `role` field's choice.
 */
function fieldsOf(
  input: MatchInput,
  ruleSet: RuleSet,
  mapping: MappingOverrides = {},
): Record<string, FieldMappingData[]> {
  const describe = (table: Table, role: MappingRole, choices: MappingOverrides[keyof MappingOverrides]) =>
    describeMapping(table.header, role, ruleSet, choices ?? {}).map((f): FieldMappingData => ({
      ...f,
      requiredBy: [...f.requiredBy],
      candidates: [...f.candidates],
    }));
  if (input.kind === 'two-tables') {
    return {
      mentors: describe(input.mentors, 'mentor', mapping.mentors),
      mentees: describe(input.mentees, 'mentee', mapping.mentees),
    };
  }
  const people = { ...(mapping.people ?? {}), ...(input.roleColumn ? { role: input.roleColumn } : {}) };
  return { people: describe(input.people, 'people', people) };
}

/** The engine's options for the rows: aliases, duplicates, rows with errors. */
function rowOptionsOf(rows: RowOptions | undefined): Pick<MatchOptions, 'aliases' | 'duplicates' | 'skipInvalidRows'> {
  return rows ? { aliases: rows.aliases, duplicates: rows.duplicates, skipInvalidRows: rows.skipInvalidRows } : {};
}

/** Mentors and mentees; for one table, its row count on both sides (an upper bound, as the pane counts). */
function sideCounts(input: MatchInput): [number, number] {
  return input.kind === 'two-tables'
    ? [input.mentors.rows.length, input.mentees.rows.length]
    : [input.people.rows.length, input.people.rows.length];
}

export function createMatchService(
  loadSolver: () => Promise<Solver> | Solver,
  now: () => number = () => performance.now(),
) {
  let solver: Promise<Solver> | null = null;
  let last: HeatmapSource | null = null;
  let lastTables: ResultTablesData | null = null;
  /** The last match's input, mapping, rule set, matrix and result: what a re-solve and the review step start from. */
  let lastRun: {
    input: MatchInput;
    mapping: MatchOptions['mapping'];
    rows: RowOptions | undefined;
    ruleSet: RuleSet;
    matrix: ScoreMatrix;
    result: MatchResult;
  } | null = null;
  const staging = new Map<string, TableData['rows']>();

  /** The input with the rows sent ahead in 'stage' messages put back in place. */
  function unstage(input: MatchInputData): MatchInputData {
    const rowsOf = (slot: string) => staging.get(slot) ?? [];
    return input.kind === 'two-tables'
      ? {
          ...input,
          mentors: { ...input.mentors, rows: rowsOf('mentors') },
          mentees: { ...input.mentees, rows: rowsOf('mentees') },
        }
      : { ...input, people: { ...input.people, rows: rowsOf('people') } };
  }

  /**
   * Solves, keeps what the review step and 'rows' need, and posts 'matched' (with what changed
   * against `previous`, for a re-solve). A rejected re-solve leaves the last result in place.
   */
  async function solveAndPost(
    id: number,
    input: MatchInput,
    ruleSet: RuleSet,
    mapping: MatchOptions['mapping'],
    rows: RowOptions | undefined,
    heatmapSize: number,
    post: Post,
    previous?: MatchResult,
  ): Promise<void> {
    const started = now();
    solver ??= Promise.resolve(loadSolver());
    const ready = await solver;
    let lastProgress = -Infinity;
    // The heat map and "beat the computer" read every pair, so the pane always scores the full matrix.
    const run = matchTables(input, {
      ruleSet,
      solver: ready,
      mapping,
      pairScores: 'matrix',
      ...rowOptionsOf(rows),
      onProgress: (p) => {
        const t = now();
        if (t - lastProgress < progressIntervalMs && p.fraction < 1) return;
        lastProgress = t;
        post({ type: 'progress', id, phase: p.phase, fraction: p.fraction, message: p.message });
      },
    });
    if (!run.ok) {
      post({ type: 'rejected', id, problems: problemsOf(run.problems) });
      return;
    }
    const { matrix, result } = previous
      ? preferEarlierPairs(run, previous, (previousPairs) =>
          matchTables(input, {
            ruleSet,
            solver: ready,
            mapping,
            pairScores: 'matrix',
            ...rowOptionsOf(rows),
            previousPairs,
          }),
        )
      : run;
    lastRun = { input, mapping, rows, ruleSet, matrix, result };
    last = {
      mentees: matrix.mentees.length,
      mentors: matrix.mentors.length,
      codes: matrix.codes,
      scoreOfCode: matrix.scoreOfCode,
      chosen: result.pairs.map((p) => ({ mentee: p.mentee.index, mentor: p.mentor.index })),
      menteeNames: matrix.mentees.map((p) => p.name),
      mentorNames: matrix.mentors.map((p) => p.name),
    };
    post({ type: 'progress', id, phase: 'writing', fraction: 1, message: 'Preparing the result tables' });
    lastTables = plainTables(result, ruleSet);
    const tables = Object.fromEntries(resultTableNames.map((name) => [name, shapeOf(lastTables![name])])) as Record<
      (typeof resultTableNames)[number],
      TableShape
    >;
    const heatmap = buildHeatmap(last, heatmapSize);
    post(
      {
        type: 'matched',
        id,
        tables,
        headlines: [...result.summary.headlines],
        problems: problemsOf(run.problems),
        heatmap,
        elapsedMs: now() - started,
        totals: totalsOf(result),
        skipped: (result.skipped ?? []).map((s) => ({ ...s })),
        people: reviewRows(result),
        ...(previous ? { change: trimmedChange(changeBetween(previous, result)) } : {}),
      },
      [heatmap.values.buffer, heatmap.chosen.buffer],
    );
  }

  async function handle(raw: unknown, post: Post): Promise<void> {
    const parsed = requestSchema.safeParse(raw);
    if (!parsed.success) {
      const id =
        typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'number'
          ? (raw as { id: number }).id
          : -1;
      post({
        type: 'failed',
        id,
        message: `Malformed request: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      });
      return;
    }
    const request = parsed.data;
    try {
      if (request.type === 'stage') {
        if (request.start === 0) staging.set(request.slot, []);
        const rows = staging.get(request.slot);
        if (!rows || rows.length !== request.start)
          throw new Error(`Input rows for ${request.slot} arrived out of order.`);
        for (const row of request.rows) rows.push(row);
        post({ type: 'staged', id: request.id, rows: rows.length });
        return;
      }
      if (request.type === 'rows') {
        if (!lastTables) throw new Error('Run a match first.');
        const rows = lastTables[request.table].rows.slice(request.start, request.start + request.count);
        post({ type: 'rows', id: request.id, rows });
        return;
      }
      if (request.type === 'beat-sample') {
        if (!last) throw new Error('Run a match first.');
        solver ??= Promise.resolve(loadSolver());
        post({
          type: 'beat-sample',
          id: request.id,
          sample: beatSample(last, await solver, request.size, request.seed),
        });
        return;
      }
      if (request.type === 'file') {
        if (!lastTables) throw new Error('Run a match first.');
        const tables = lastTables;
        const sheets = toResultSheets(Object.fromEntries(request.tables.map((name) => [name, tables[name]])));
        const file = request.format === 'xlsx' ? xlsxDownload(sheets) : csvDownloads(sheets.slice(0, 1))[0];
        // A copy of its own, so that handing its buffer to the pane cannot detach anything kept here.
        const bytes =
          typeof file.content === 'string' ? new TextEncoder().encode(file.content) : new Uint8Array(file.content);
        post({ type: 'file', id: request.id, fileName: file.fileName, mimeType: file.mimeType, bytes }, [bytes.buffer]);
        return;
      }
      if (request.type === 'person') {
        if (!lastRun) throw new Error('Run a match first.');
        const { matrix, result, ruleSet } = lastRun;
        const detail = personDetail(matrix, result, ruleSet, request.side, request.person, request.candidates);
        if (!detail) throw new Error(`No ${request.side} ${request.person} in the last match.`);
        post({ type: 'person', id: request.id, detail });
        return;
      }
      if (request.type === 'rematch') {
        if (!lastRun) throw new Error('Run a match first.');
        const rules = parseRuleSet(request.ruleSet);
        if (!rules.ok) {
          post({ type: 'rejected', id: request.id, problems: problemsOf(rules.problems) });
          return;
        }
        await solveAndPost(
          request.id,
          lastRun.input,
          rules.ruleSet,
          lastRun.mapping,
          lastRun.rows,
          request.heatmapSize,
          post,
          lastRun.result,
        );
        return;
      }
      const rules = parseRuleSet(request.ruleSet);
      if (!rules.ok) {
        post({ type: 'rejected', id: request.id, problems: problemsOf(rules.problems) });
        return;
      }
      const input = (request.staged ? unstage(request.input) : request.input) as MatchInput;
      if (request.staged) staging.clear();
      // The pane refuses these sizes too; refusing here as well covers the Data step's check, which
      // scores every pair, and any caller that posts to the worker directly.
      const tooBig = sizeProblem(...sideCounts(input));
      if (tooBig) {
        post({ type: 'failed', id: request.id, message: tooBig });
        return;
      }
      if (request.type === 'check') {
        const checked = checkTables(input, {
          ruleSet: rules.ruleSet,
          mapping: request.mapping,
          ...rowOptionsOf(request.rows),
        });
        post({
          type: 'checked',
          id: request.id,
          problems: problemsOf(checked.problems),
          mappings: mappingsOf(checked.mappings),
          fields: fieldsOf(input, rules.ruleSet, request.mapping),
          aliasSuggestions: checked.aliasSuggestions.map((s) => ({ ...s, rows: s.rows.map((r) => ({ ...r })) })),
          skipped: checked.skipped.map((s) => ({ ...s })),
          mentors: checked.mentors,
          mentees: checked.mentees,
        });
        return;
      }
      const seen = new Set(rules.ruleSet.lockedPairs.map((p) => `${p.mentor}\u0000${p.mentee}`));
      const lockedPairs = [...rules.ruleSet.lockedPairs];
      for (const pair of request.lockedPairs) {
        const key = `${pair.mentor.toLowerCase()}\u0000${pair.mentee.toLowerCase()}`;
        if (!seen.has(key)) lockedPairs.push({ mentor: pair.mentor.toLowerCase(), mentee: pair.mentee.toLowerCase() });
        seen.add(key);
      }
      lastRun = null;
      await solveAndPost(
        request.id,
        input,
        { ...rules.ruleSet, lockedPairs },
        request.mapping,
        request.rows,
        request.heatmapSize,
        post,
      );
    } catch (error) {
      post({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
    }
  }

  return { handle };
}
