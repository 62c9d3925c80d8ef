// Errors that are the user's to fix. The top-level handler prints their message and no stack.
import type { InputProblem } from '@mentor-matcher/engine';

/** The command line is wrong: exit 2 with the command's usage text. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

/** A file, a rule set or a results folder cannot be used: exit 1, listing every problem found. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    readonly problems: readonly InputProblem[] = [],
  ) {
    super(message);
  }
}
