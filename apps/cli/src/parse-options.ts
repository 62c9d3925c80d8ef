// node:util parseArgs for the syntax, a zod schema per command for the meaning. Either failing is a
// usage error that names the option.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { UsageError } from './cli-errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export function parseOptions<S extends z.ZodType>(
  args: readonly string[],
  spec: OptionSpec,
  schema: S,
  usage: string,
): z.infer<S> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: [...args], options: spec, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(parseArgsMessage(error), usage);
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = issue.path.length > 0 ? `--${issue.path.map(String).join('.')}` : 'options';
    throw new UsageError(`${option}: ${issue.message}`, usage);
  }
  return parsed.data;
}

/** parseArgs messages carry advice about positionals that confuses more than it helps; keep the first sentence. */
function parseArgsMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/\.\s/)[0].replace(/\.$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

export function rejectOption(args: readonly string[], name: string, why: string, usage: string): void {
  if (args.some((a) => a === `--${name}` || a.startsWith(`--${name}=`)))
    throw new UsageError(`--${name} is not accepted: ${why}`, usage);
}
