// The command table and the one place that turns errors into messages and exit statuses: user
// errors print a message and no stack; anything unexpected prints one line and asks for a report.
import { EngineError } from '@mentor-matcher/engine';
import { TableReadError } from '@mentor-matcher/tabular';
import { InputError, UsageError } from './cli-errors.js';
import { checkCommand } from './commands/check.js';
import type { Command } from './commands/command.js';
import { generateCommand } from './commands/generate.js';
import { matchCommand } from './commands/match.js';
import { notifySummary, notifyUsage } from './commands/notify-usage.js';
import { exitCodes } from './exit-codes.js';
import type { CliIo } from './io.js';
import { problemReport } from './problem-lines.js';
import { printable } from './terminal-text.js';

const commands: Readonly<Record<string, Command>> = {
  match: matchCommand,
  check: checkCommand,
  generate: generateCommand,
  // Loaded when it runs (see notify-usage.ts): Notify's client is slow to load and only notify needs it.
  notify: {
    summary: notifySummary,
    usage: notifyUsage,
    run: async (args, io) => (await import('./commands/notify.js')).notifyCommand.run(args, io),
  },
};

export const generalUsage = `Usage: mentor-matcher <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join('\n')}

Run "mentor-matcher <command> --help" for a command's options.
`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  try {
    if (name === '--help' || name === '-h' || name === 'help') {
      io.stdout(generalUsage);
      return exitCodes.ok;
    }
    if (name === undefined) throw new UsageError('no command given', generalUsage);
    const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!command) throw new UsageError(`unknown command "${name}"`, generalUsage);
    // Every command's --help is answered here, from its usage text, before its options are parsed.
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(command.usage);
      return exitCodes.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr(`mentor-matcher: ${printable(error.message)}\n\n${error.usage}`);
    return exitCodes.usage;
  }
  if (error instanceof InputError) {
    io.stderr(`error: ${printable(error.message)}\n${problemReport(error.problems)}`);
    return exitCodes.inputProblems;
  }
  if (error instanceof TableReadError) {
    io.stderr(`error: ${printable(error.message)}\n`);
    return exitCodes.inputProblems;
  }
  if (error instanceof EngineError) {
    io.stderr(`error: ${printable(error.message)}\n`);
    return error.code === 'cancelled' ? exitCodes.interrupted : exitCodes.inputProblems;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  io.stderr(
    `mentor-matcher: unexpected error: ${printable(message.split('\n')[0])}\nThis is a bug; please report it with the command you ran.\n`,
  );
  return exitCodes.internal;
}
