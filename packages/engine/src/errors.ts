// The engine's own errors. Everything else a caller can get wrong (tables, rules, locks) comes back
// as InputProblem data, not as an exception; these are for control flow a caller asked for.

/** Base class, so that an adapter can tell the engine's errors from bugs with one `instanceof`. */
export class EngineError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EngineError';
    this.code = code;
  }
}

/** The caller's AbortSignal fired; the run stopped between two phases (or two rounds). */
export class MatchCancelledError extends EngineError {
  constructor(phase: string) {
    super('cancelled', `Matching was cancelled (during ${phase}).`);
    this.name = 'MatchCancelledError';
  }
}

/** Checked between phases and rounds: a solve itself runs to the end, so cancelling waits for it. */
export function throwIfCancelled(signal: AbortSignal | undefined, phase: string): void {
  if (signal?.aborted) throw new MatchCancelledError(phase);
}
