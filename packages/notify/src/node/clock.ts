// Time as a dependency, so that rate limiting and backoff are tested without waiting.
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts (Ctrl-C does not wait out a backoff). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** setTimeout treats anything longer (about 24.8 days) as 1 ms, with a TimeoutOverflowWarning. */
export const longestTimerMs = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(Math.max(0, ms), longestTimerMs));
      signal?.addEventListener('abort', done, { once: true });
    }),
};
