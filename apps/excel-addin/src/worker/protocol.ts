// Messages between the pane and the match worker. Both sides parse what they receive with these
// schemas: a worker is a trust boundary like any other (and a stale bundle must fail loudly).
import { duplicatesPolicySchema, valueAliasesSchema } from '@mentor-matcher/engine';
import type { ReadWarningCode } from '@mentor-matcher/tabular';
import { z } from 'zod';

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
type CellValue = z.infer<typeof cell>;

function isCell(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Rows of cells, checked with a plain loop: a result can hold millions of cells, and a per-cell
 * zod union on the pane's main thread would block it for hundreds of milliseconds.
 */
const cellGrid = z.custom<CellValue[][]>(
  (value) => Array.isArray(value) && value.every((row) => Array.isArray(row) && row.every(isCell)),
  { message: 'expected rows of cells (text, number, true/false or empty)' },
);

/** What a reader did that the user should know (tabular's ReadWarning); the engine reports them. */
export const readWarningSchema = z.object({
  code: z.enum([
    'encoding-assumed',
    'blank-trimmed',
    'stray-cells-ignored',
    'header-row-detected',
    'hidden-sheets',
    'sheets-skipped',
    'sheet-ignored',
  ]),
  message: z.string(),
  source: z.string(),
  row: z.number().int().optional(),
  column: z.number().int().optional(),
});
// The codes above are tabular's, no more and no fewer (a compile error here says which changed).
type SchemaWarningCode = z.infer<typeof readWarningSchema>['code'];
export const sameWarningCodes: [SchemaWarningCode, ReadWarningCode] extends [ReadWarningCode, SchemaWarningCode]
  ? true
  : never = true;

/**
 * A Table as plain data. The reader's warnings, error cells and merged areas travel with it: the
 * engine's checks report them, and a schema without them would drop them silently.
 */
export const tableSchema = z.object({
  source: z.string(),
  header: z.array(z.string()),
  rows: cellGrid,
  headerRow: z.number().int(),
  firstColumn: z.number().int(),
  warnings: z.array(readWarningSchema).readonly().optional(),
  errors: z
    .array(z.object({ row: z.number().int(), column: z.number().int(), value: z.string(), address: z.string() }))
    .readonly()
    .optional(),
  mergedRanges: z
    .array(
      z.object({
        address: z.string(),
        firstRow: z.number().int(),
        lastRow: z.number().int(),
        firstColumn: z.number().int(),
        lastColumn: z.number().int(),
      }),
    )
    .readonly()
    .optional(),
});
export type TableData = z.infer<typeof tableSchema>;

export const matchInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('two-tables'), mentors: tableSchema, mentees: tableSchema }),
  /** `roleColumn` absent or '': the column mapping's `role` field (detected, or chosen in the Columns panel). */
  z.object({ kind: z.literal('one-table'), people: tableSchema, roleColumn: z.string().optional() }),
]);
export type MatchInputData = z.infer<typeof matchInputSchema>;

/** Field → header chosen by the coordinator; null for "no column". */
const mappingOverride = z.record(z.string(), z.string().nullable());
export const mappingOverridesSchema = z.object({
  mentors: mappingOverride.optional(),
  mentees: mappingOverride.optional(),
  people: mappingOverride.optional(),
});
export type MappingOverrides = z.infer<typeof mappingOverridesSchema>;

/**
 * How the rows are taken, besides the mapping: the accepted aliases (field → variant → canonical), what to do with someone who
 * signed up twice, and whether rows with errors are left out (the engine's MatchOptions of the same names).
 */
export const rowOptionsSchema = z.object({
  aliases: valueAliasesSchema.default({}),
  duplicates: duplicatesPolicySchema.default('error'),
  skipInvalidRows: z.boolean().default(false),
});
export type RowOptions = z.infer<typeof rowOptionsSchema>;

/**
 * The engine's result tables, the coordinator's decisions (locked and forbidden pairs, review.ts),
 * then the emails as tables (built in the worker from the MatchResult by @mentor-matcher/notify): one
 * mail-merge sheet and a GOV.UK Notify bulk-upload list per kind.
 */
export const resultTableNames = [
  'pairs',
  'mentors',
  'mentees',
  'unmatched',
  'summary',
  'decisions',
  'skipped',
  'mailMerge',
  'notifyMentorMatched',
  'notifyMentorUnmatched',
  'notifyMenteeMatched',
  'notifyMenteeUnmatched',
] as const;
export type ResultTableName = (typeof resultTableNames)[number];

const pairIdSchema = z.object({ mentor: z.string(), mentee: z.string() });

export const requestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('check'),
    id: z.number().int(),
    input: matchInputSchema,
    /** The input tables' rows were sent before, in 'stage' messages. */
    staged: z.boolean().default(false),
    ruleSet: z.unknown(),
    mapping: mappingOverridesSchema.optional(),
    rows: rowOptionsSchema.optional(),
  }),
  z.object({
    type: z.literal('match'),
    id: z.number().int(),
    input: matchInputSchema,
    staged: z.boolean().default(false),
    ruleSet: z.unknown(),
    mapping: mappingOverridesSchema.optional(),
    rows: rowOptionsSchema.optional(),
    /** Pairs locked in the Pairs sheet; added to the rule set's locked pairs for this run. */
    lockedPairs: z.array(pairIdSchema).default([]),
    /** Largest heat-map grid (cells per side) the page will draw. */
    heatmapSize: z.number().int().min(8).max(2000).default(300),
  }),
  z.object({
    type: z.literal('beat-sample'),
    id: z.number().int(),
    size: z.number().int().min(2).max(12),
    seed: z.number().int(),
  }),
  /**
   * The review step's re-solve: the last match's input and column mapping again, with this rule set
   * (its locked and forbidden pairs changed by the coordinator). The reply is a 'matched' with `change`.
   */
  z.object({
    type: z.literal('rematch'),
    id: z.number().int(),
    ruleSet: z.unknown(),
    heatmapSize: z.number().int().min(8).max(2000).default(300),
  }),
  /**
   * A result file of the last match, built here so that the pane's main thread never does: the
   * results workbook (these tables, one sheet each) or one table as CSV.
   */
  z.object({
    type: z.literal('file'),
    id: z.number().int(),
    format: z.enum(['xlsx', 'csv']),
    tables: z.array(z.enum(resultTableNames)).min(1),
  }),
  /** One person of the last match: their pairs and why, their next-best candidates, or why unmatched. */
  z.object({
    type: z.literal('person'),
    id: z.number().int(),
    side: z.enum(['mentor', 'mentee']),
    person: z.string(),
    candidates: z.number().int().min(0).max(50).default(5),
  }),
  /**
   * A slice of an input table's rows, sent ahead of a 'check' or 'match' with `staged: true`:
   * posting a big input in one message blocks the pane while it is copied.
   */
  z.object({
    type: z.literal('stage'),
    id: z.number().int(),
    slot: z.enum(['mentors', 'mentees', 'people']),
    start: z.number().int().min(0),
    rows: cellGrid,
  }),
  /** A slice of one result table of the last match (results travel in slices: see resultTableNames). */
  z.object({
    type: z.literal('rows'),
    id: z.number().int(),
    table: z.enum(resultTableNames),
    start: z.number().int().min(0),
    count: z.number().int().min(1),
  }),
]);
export type WorkerRequest = z.input<typeof requestSchema>;

export const problemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  table: z.string().optional(),
  row: z.number().optional(),
  column: z.string().optional(),
  value: cell.optional(),
});
export type ProblemData = z.infer<typeof problemSchema>;

/** One field of a table for the Columns panel (the engine's FieldMapping). */
export const fieldMappingSchema = z.object({
  field: z.string(),
  label: z.string(),
  kind: z.enum(['category', 'ladder', 'list', 'number', 'text', 'timestamp']),
  separator: z.string().nullable().optional(),
  ladder: z.string().optional(),
  requiredBy: z.array(z.string()),
  header: z.string().nullable(),
  source: z.enum(['detected', 'chosen', 'none']),
  candidates: z.array(z.string()),
});
export type FieldMappingData = z.infer<typeof fieldMappingSchema>;

/** A likely variant of a value, for the coordinator to accept as an alias (the engine's AliasSuggestion). */
export const aliasSuggestionSchema = z.object({
  field: z.string(),
  value: z.string(),
  canonical: z.string(),
  reason: z.string(),
  rows: z.array(z.object({ table: z.string(), row: z.number().int() })),
});
export type AliasSuggestionData = z.infer<typeof aliasSuggestionSchema>;

/** An input row the run does not use, and why (the engine's SkippedRow). */
export const skippedRowSchema = z.object({
  table: z.string(),
  row: z.number().int(),
  email: z.string().nullable(),
  code: z.string(),
  reason: z.string(),
});
export type SkippedRowData = z.infer<typeof skippedRowSchema>;

export const heatmapSchema = z.object({
  /** Full matrix size: mentees (rows) × mentors (columns). */
  mentees: z.number().int(),
  mentors: z.number().int(),
  /** Grid drawn: each cell covers blockRows × blockCols pairs. */
  rows: z.number().int(),
  cols: z.number().int(),
  blockRows: z.number().int(),
  blockCols: z.number().int(),
  /** rows × cols mean eligible score per cell; NaN where no pair in the cell is eligible. */
  values: z.instanceof(Float32Array),
  /** Grid cells holding a chosen pair, as flat [row, col, row, col, ...]. */
  chosen: z.instanceof(Int32Array),
  minScore: z.number(),
  maxScore: z.number(),
  /** A label per grid row and column: the person's name, or for a block its first and last names and count. */
  menteeNames: z.array(z.string()),
  mentorNames: z.array(z.string()),
  /** Rows and columns are in an order that shows structure (from 500 a side), not the input order. */
  sorted: z.boolean(),
});
export type HeatmapData = z.infer<typeof heatmapSchema>;

/**
 * A result table without its rows. Rows follow in slices ('rows' requests): one big message would
 * be deserialised on the pane's main thread in one go, blocking it for hundreds of milliseconds.
 */
const tableShapeSchema = tableSchema.omit({ rows: true }).extend({ rowCount: z.number().int().min(0) });
export type TableShape = z.infer<typeof tableShapeSchema>;

export const resultTablesSchema = z.object({
  pairs: tableSchema,
  mentors: tableSchema,
  mentees: tableSchema,
  unmatched: tableSchema,
  summary: tableSchema,
  decisions: tableSchema,
  skipped: tableSchema,
  mailMerge: tableSchema,
  notifyMentorMatched: tableSchema,
  notifyMentorUnmatched: tableSchema,
  notifyMenteeMatched: tableSchema,
  notifyMenteeUnmatched: tableSchema,
});
export type ResultTablesData = z.infer<typeof resultTablesSchema>;

export const beatSampleSchema = z.object({
  mentorNames: z.array(z.string()),
  menteeNames: z.array(z.string()),
  /** size × size, rows mentees; ineligible pairs are null. */
  scores: z.array(z.array(z.number().nullable())),
  optimum: z.object({
    total: z.number(),
    covered: z.number().int(),
    pairs: z.array(z.object({ mentee: z.number().int(), mentor: z.number().int() })),
  }),
});
export type BeatSample = z.infer<typeof beatSampleSchema>;

/** A person in the review step's lists. */
export const reviewRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  capacity: z.number().int(),
  /** Partners' names, in the order of the pairs. */
  partners: z.array(z.string()),
  /** Lowest score among the person's pairs; null when unmatched. */
  lowestScore: z.number().nullable(),
  locked: z.number().int(),
});
export type ReviewRow = z.infer<typeof reviewRowSchema>;

export const matchTotalsSchema = z.object({
  mentees: z.number().int(),
  mentors: z.number().int(),
  menteesMatched: z.number().int(),
  mentorsMatched: z.number().int(),
  pairs: z.number().int(),
  totalScore: z.number(),
});
export type MatchTotals = z.infer<typeof matchTotalsSchema>;

const changedPairSchema = z.object({
  mentor: z.string(),
  mentee: z.string(),
  mentorName: z.string(),
  menteeName: z.string(),
  score: z.number(),
});
export type ChangedPair = z.infer<typeof changedPairSchema>;

/** What a re-solve changed against the result before it. */
export const matchChangeSchema = z.object({
  before: matchTotalsSchema,
  after: matchTotalsSchema,
  /** The pairs added and removed, at most changedPairsListed of each (review.ts); the counts are all of them. */
  added: z.array(changedPairSchema),
  removed: z.array(changedPairSchema),
  addedCount: z.number().int(),
  removedCount: z.number().int(),
});
export type MatchChange = z.infer<typeof matchChangeSchema>;

const partnerRef = z.object({ id: z.string(), name: z.string() });

export const personDetailSchema = z.object({
  side: z.enum(['mentor', 'mentee']),
  id: z.string(),
  name: z.string(),
  capacity: z.number().int(),
  pairs: z.array(
    partnerRef.extend({
      score: z.number(),
      locked: z.boolean(),
      contributions: z.array(z.object({ label: z.string(), points: z.number() })),
    }),
  ),
  /** Best eligible partners not chosen, highest score first: the pair's score and the partner's own pair count. */
  candidates: z.array(
    partnerRef.extend({ score: z.number(), partnerCount: z.number().int(), capacity: z.number().int() }),
  ),
  /** Why nobody was matched with this person, in a sentence; null when matched. */
  reason: z.string().nullable(),
  /** Pairs with this person forbidden in the rule set. */
  forbidden: z.array(partnerRef),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const responseSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    id: z.number().int(),
    phase: z.string(),
    fraction: z.number(),
    message: z.string().optional(),
  }),
  z.object({
    type: z.literal('checked'),
    id: z.number().int(),
    problems: z.array(problemSchema),
    mappings: z.record(z.string(), z.record(z.string(), z.string())),
    /** Every field of each table (mentors, mentees or people), found or not, for the Columns panel. */
    fields: z.record(z.string(), z.array(fieldMappingSchema)),
    aliasSuggestions: z.array(aliasSuggestionSchema),
    /** Rows that would not be used: superseded sign-ups, rows left out for errors. */
    skipped: z.array(skippedRowSchema),
    mentors: z.number().int(),
    mentees: z.number().int(),
  }),
  z.object({
    type: z.literal('matched'),
    id: z.number().int(),
    tables: z.object({
      pairs: tableShapeSchema,
      mentors: tableShapeSchema,
      mentees: tableShapeSchema,
      unmatched: tableShapeSchema,
      summary: tableShapeSchema,
      decisions: tableShapeSchema,
      skipped: tableShapeSchema,
      mailMerge: tableShapeSchema,
      notifyMentorMatched: tableShapeSchema,
      notifyMentorUnmatched: tableShapeSchema,
      notifyMenteeMatched: tableShapeSchema,
      notifyMenteeUnmatched: tableShapeSchema,
    }),
    headlines: z.array(z.string()),
    problems: z.array(problemSchema),
    heatmap: heatmapSchema,
    elapsedMs: z.number(),
    totals: matchTotalsSchema,
    /** Input rows the run did not use, and why. */
    skipped: z.array(skippedRowSchema),
    /** The review step's lists. */
    people: z.object({ mentees: z.array(reviewRowSchema), mentors: z.array(reviewRowSchema) }),
    /** A re-solve ('rematch') only: what changed. */
    change: matchChangeSchema.optional(),
  }),
  z.object({ type: z.literal('person'), id: z.number().int(), detail: personDetailSchema }),
  z.object({
    type: z.literal('file'),
    id: z.number().int(),
    fileName: z.string(),
    mimeType: z.string(),
    bytes: z.instanceof(Uint8Array),
  }),
  z.object({ type: z.literal('rejected'), id: z.number().int(), problems: z.array(problemSchema) }),
  z.object({ type: z.literal('beat-sample'), id: z.number().int(), sample: beatSampleSchema }),
  z.object({ type: z.literal('rows'), id: z.number().int(), rows: cellGrid }),
  z.object({ type: z.literal('staged'), id: z.number().int(), rows: z.number().int() }),
  z.object({ type: z.literal('failed'), id: z.number().int(), message: z.string() }),
]);
export type WorkerResponse = z.infer<typeof responseSchema>;
