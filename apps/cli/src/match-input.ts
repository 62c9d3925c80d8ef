// The options match and check share: which tables, which rules. Two tables (--mentors, --mentees)
// or one with a role column (--people, --role-column).
import type { MatchInput } from '@mentor-matcher/engine';
import { z } from 'zod';
import { UsageError } from './cli-errors.js';
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
  quiet: z.boolean().default(false),
  help: z.boolean().default(false),
};

type InputOptions = z.infer<z.ZodObject<typeof inputOptionShape>>;

/** Checks the combination of input options; each wrong combination is a usage error saying what to give. */
export function checkInputCombination(options: InputOptions, usage: string): void {
  const two = options.mentors !== undefined || options.mentees !== undefined;
  const one = options.people !== undefined || options['role-column'] !== undefined;
  if (two && one) throw new UsageError('give either --mentors and --mentees, or --people and --role-column, not both', usage);
  if (!two && !one) throw new UsageError('no input: give --mentors FILE --mentees FILE, or --people FILE --role-column NAME', usage);
  if (two && (options.mentors === undefined || options.mentees === undefined)) {
    throw new UsageError(`--${options.mentors === undefined ? 'mentors' : 'mentees'} is missing: both tables are needed`, usage);
  }
  if (one && (options.people === undefined || options['role-column'] === undefined)) {
    throw new UsageError(options.people === undefined ? '--people is missing' : '--role-column is missing: name the column that says mentor, mentee or both', usage);
  }
  if (options.rules !== undefined && options.preset !== undefined) throw new UsageError('give --rules or --preset, not both', usage);
}

export function readMatchInput(cwd: string, options: InputOptions): MatchInput {
  if (options.people !== undefined) {
    return { kind: 'one-table', people: readTableFile(cwd, options.people, options.sheet), roleColumn: options['role-column'] ?? '' };
  }
  return {
    kind: 'two-tables',
    mentors: readTableFile(cwd, options.mentors ?? '', options.sheet),
    mentees: readTableFile(cwd, options.mentees ?? '', options.sheet),
  };
}
