import type { CliIo } from '../io.js';

/** One entry of the command table: what `mentor-matcher <name>` does. */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}
