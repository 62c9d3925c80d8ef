// The options match and check share: which tables, which rules, and how to read them. Two tables
// (--mentors, --mentees) or one with a role column (--people, its role column detected or named by
// --role-column); --column FIELD=HEADER choices, --aliases FILE, --duplicates and
// --skip-invalid-rows.
import {
  aliasesFromTable,
  detectMapping,
  duplicatesPolicySchema,
  fieldKey,
  type ColumnChoices,
  type RuleSet,
  type MatchInput,
  type MatchOptions,
  type ValueAliases,
} from '@mentor-matcher/engine';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { InputError, UsageError } from './cli-errors.js';
import type { OptionSpec } from './parse-options.js';
import { readTableFile } from './read-table-file.js';

export const inputOptionSpec = {
  mentors: { type: 'string' },
  mentees: { type: 'string' },
  people: { type: 'string' },
  'role-column': { type: 'string' },
  sheet: { type: 'string' },
  rules: { type: 'string' },
  preset: { type: 'string' },
  column: { type: 'string', multiple: true },
  aliases: { type: 'string' },
  duplicates: { type: 'string' },
  'skip-invalid-rows': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

const path = z.string().min(1, 'expected a file name');

export const inputOptionShape = {
  mentors: path.optional(),
  mentees: path.optional(),
  people: path.optional(),
  'role-column': z.string().min(1, 'expected a column name').optional(),
  sheet: z.string().min(1, 'expected a sheet name').optional(),
  rules: path.optional(),
  preset: z.string().min(1, 'expected a preset name').optional(),
  column: z
    .array(z.string().regex(/^[^=]*[^=\s][^=]*=/, 'expected FIELD=HEADER, e.g. --column "grade=Your grade"'))
    .default([]),
  aliases: path.optional(),
  duplicates: z.enum(duplicatesPolicySchema.options, { error: 'expected error, keep-latest or keep-first' }).optional(),
  'skip-invalid-rows': z.boolean().default(false),
  quiet: z.boolean().default(false),
  help: z.boolean().default(false),
};

type InputOptions = z.infer<z.ZodObject<typeof inputOptionShape>>;

/** Checks the combination of input options; each wrong combination is a usage error saying what to give. */
export function checkInputCombination(options: InputOptions, usage: string): void {
  const two = options.mentors !== undefined || options.mentees !== undefined;
  const one = options.people !== undefined;
  if (two && one) throw new UsageError('give either --mentors and --mentees, or --people, not both', usage);
  if (two && options['role-column'] !== undefined) {
    throw new UsageError('--role-column goes with --people (one table); --mentors and --mentees need none', usage);
  }
  if (!two && !one) {
    throw new UsageError(
      options['role-column'] !== undefined
        ? '--people is missing'
        : 'no input: give --mentors FILE --mentees FILE, or --people FILE',
      usage,
    );
  }
  if (two && (options.mentors === undefined || options.mentees === undefined)) {
    throw new UsageError(
      `--${options.mentors === undefined ? 'mentors' : 'mentees'} is missing: both tables are needed`,
      usage,
    );
  }
  if (options.rules !== undefined && options.preset !== undefined)
    throw new UsageError('give --rules or --preset, not both', usage);
}

export function readMatchInput(cwd: string, options: InputOptions): MatchInput {
  if (options.people !== undefined) {
    return {
      kind: 'one-table',
      people: readTableFile(cwd, options.people, options.sheet),
      ...(options['role-column'] !== undefined ? { roleColumn: options['role-column'] } : {}),
    };
  }
  const mentors = readTableFile(cwd, options.mentors ?? '', options.sheet, ['mentors', 'mentor']);
  const mentees = readTableFile(cwd, options.mentees ?? '', options.sheet, ['mentees', 'mentee']);
  if (mentors.source.includes(' › ') && mentors.source === mentees.source && sameFile(cwd, options)) {
    throw new InputError(
      `--mentors and --mentees both read ${mentors.source}` +
        (options.sheet !== undefined ? ' (--sheet names the sheet for both)' : '') +
        `; name the workbook's sheets "Mentors" and "Mentees" (each side then reads its own` +
        `${options.sheet !== undefined ? ', without --sheet' : ''}), or save each side as its own file`,
    );
  }
  return { kind: 'two-tables', mentors, mentees };
}

function sameFile(cwd: string, options: InputOptions): boolean {
  const real = (path: string) => {
    try {
      return realpathSync.native(resolve(cwd, path));
    } catch {
      return resolve(cwd, path);
    }
  };
  return real(options.mentors ?? '') === real(options.mentees ?? '');
}

/**
 * --column FIELD=HEADER, split at the first "=" (a header may hold "="); a later choice of a field
 * wins. `FIELD=` with no header means no column for the field (e.g. no timestamp column).
 */
export function columnChoices(values: readonly string[]): ColumnChoices {
  const choices: Record<string, string | null> = Object.create(null);
  for (const value of values) {
    const at = value.indexOf('=');
    const header = value.slice(at + 1).trim();
    choices[value.slice(0, at).trim()] = header === '' ? null : header;
  }
  return choices;
}

/** The --aliases file (CSV or XLSX with columns field, value, canonical); its problems stop the run. */
export function readAliasesFile(cwd: string, path: string): ValueAliases {
  const table = readTableFile(cwd, path);
  const { aliases, problems } = aliasesFromTable(table);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new InputError(
      `${table.source}: the aliases file has ${errors.length} problem${errors.length === 1 ? '' : 's'}`,
      errors,
    );
  }
  return aliases;
}

/** What the reading options ask of the engine. */
export function readingOptions(
  cwd: string,
  options: InputOptions,
  input: MatchInput,
  ruleSet: RuleSet,
): Pick<MatchOptions, 'columns' | 'mapping' | 'aliases' | 'duplicates' | 'skipInvalidRows'> {
  const columns = columnChoices(options.column);
  return {
    columns,
    ...oneSidedColumns(input, columns, ruleSet),
    ...(options.aliases !== undefined ? { aliases: readAliasesFile(cwd, options.aliases) } : {}),
    duplicates: options.duplicates ?? 'error',
    skipInvalidRows: options['skip-invalid-rows'],
  };
}

/**
 * --column applies to both tables, but a mentors and a mentees export often head a field
 * differently ("Grade level", "grade"). A header found in only one of the two tables is taken as
 * that table's choice: the other keeps the column detection (and the rule set's `columns`) found
 * for it, and is an error only when there is none.
 */
function oneSidedColumns(input: MatchInput, columns: ColumnChoices, ruleSet: RuleSet): Pick<MatchOptions, 'mapping'> {
  if (input.kind !== 'two-tables') return {};
  const sides = [
    { key: 'mentors', table: input.mentors, role: 'mentor' },
    { key: 'mentees', table: input.mentees, role: 'mentee' },
  ] as const;
  const mapping: Record<'mentors' | 'mentees', Record<string, string>> = {
    mentors: Object.create(null) as Record<string, string>,
    mentees: Object.create(null) as Record<string, string>,
  };
  for (const [name, header] of Object.entries(columns)) {
    if (typeof header !== 'string') continue;
    const without = sides.filter((side) => !side.table.header.includes(header));
    if (without.length !== 1) continue;
    const { key, table, role } = without[0];
    const detected = detectMapping(table.header, role, ruleSet)[fieldKey(name, ruleSet)];
    if (typeof detected === 'string') mapping[key][name] = detected;
  }
  return { mapping };
}

/** Every file the options name for reading (tables, rule set, aliases), so that no output replaces one. */
export function inputPaths(options: InputOptions): string[] {
  return [options.mentors, options.mentees, options.people, options.rules, options.aliases].filter(
    (f): f is string => f !== undefined,
  );
}
