// Command-line options of `npm run bench` (and the `check` / `baseline` commands), parsed with a
// schema so that a bad flag is reported by name.
import { z } from 'zod';

export const suiteNames = ['solver', 'capacitated', 'engine', 'browser'] as const;
export type SuiteName = (typeof suiteNames)[number];

const sizeList = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map(Number),
  )
  .pipe(z.array(z.number().int().min(2).max(20_000)).min(1));

export const cliOptionsSchema = z.object({
  command: z.enum(['bench', 'check', 'baseline', 'report']).default('bench'),
  suite: z
    .string()
    .default('all')
    .transform((text) => (text === 'all' ? [...suiteNames] : text.split(',').map((s) => s.trim())))
    .pipe(z.array(z.enum(suiteNames)).min(1)),
  sizes: sizeList.optional(),
  quick: z.boolean().default(false),
  out: z.string().optional(),
});

export type CliOptions = z.infer<typeof cliOptionsSchema>;

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** Turns argv (without node and the script) into options: `check`, `--suite solver`, `--sizes=500,1000`, `--quick`. */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    if (!arg.startsWith('--')) {
      if (raw.command !== undefined) throw new CliUsageError(`unexpected argument "${arg}"`);
      raw.command = arg;
      continue;
    }
    const [flag, inline] = arg.slice(2).split('=', 2);
    if (flag === 'quick') {
      raw.quick = true;
      continue;
    }
    if (!['suite', 'sizes', 'out'].includes(flag))
      throw new CliUsageError(`unknown option --${flag} (options: --suite, --sizes, --quick, --out)`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new CliUsageError(`--${flag}: expected a value`);
    raw[flag] = value;
  }
  const parsed = cliOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.length ? `--${String(issue.path[0])}` : 'options';
    const given = issue.path.length ? ` (got "${String(raw[String(issue.path[0])])}")` : '';
    throw new CliUsageError(`${path}: ${issue.message}${given}`);
  }
  return parsed.data;
}
