import { TableReadError } from '../src/table-read-error.js';

/** Runs a read that must fail, and returns its TableReadError (any other outcome fails the test). */
export function readError(run: () => unknown): TableReadError {
  try {
    run();
  } catch (error) {
    if (error instanceof TableReadError) return error;
    throw error;
  }
  throw new Error('expected a TableReadError');
}
