// node:util parseArgs for the syntax, a zod schema per command for the meaning. Either failing is a
// usage error that names the option.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { UsageError } from './cli-errors.js';
import { printable } from './terminal-text.js';

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
    // A repeatable option's path ends in the index of the bad value ("column.0"): name the option,
    // and quote the value given (when the message does not), as notify's --template does.
    const [name, ...rest] = issue.path;
    const option = name === undefined ? 'options' : `--${String(name)}`;
    const given = rest.reduce<unknown>(
      (value, key) => (Array.isArray(value) ? value[Number(key)] : undefined),
      values[String(name)],
    );
    const quoted =
      typeof given === 'string' && (issue.message.includes(`"${given}"`) || issue.message.includes(`got ${given}`));
    const got = typeof given === 'string' && !quoted ? `, got "${printable(given)}"` : '';
    throw new UsageError(`${option}: ${issue.message}${got}`, usage);
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
