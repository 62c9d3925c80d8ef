// Token bucket. Notify allows 3,000 requests in any rolling 60 seconds. A bucket of size `burst`
// refilled at r per minute lets through at most burst + r in any minute, so r = limit − burst keeps
// every window within the limit.
import type { Clock } from './clock.js';

export interface RateLimiterOptions {
  readonly perMinute: number;
  readonly burst?: number;
  readonly clock: Clock;
}

export class RateLimiter {
  readonly #clock: Clock;
  readonly #burst: number;
  readonly #perMs: number;
  #tokens: number;
  #updated: number;
  #queue: Promise<void> = Promise.resolve();

  constructor(options: RateLimiterOptions) {
    if (!(options.perMinute >= 1)) throw new RangeError(`perMinute: expected at least 1, got ${options.perMinute}`);
    this.#clock = options.clock;
    this.#burst = Math.max(1, Math.min(options.burst ?? 25, Math.floor(options.perMinute / 2)));
    this.#perMs = (options.perMinute - this.#burst) / 60_000;
    this.#tokens = this.#burst;
    this.#updated = options.clock.now();
  }

  /** Resolves when one request may be made, or at once when `signal` aborts. Callers are served in order. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.#queue.then(() => this.#takeNow(signal));
    this.#queue = turn;
    return turn;
  }

  async #takeNow(signal: AbortSignal | undefined): Promise<void> {
    while (!signal?.aborted) {
      const now = this.#clock.now();
      this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#updated) * this.#perMs);
      this.#updated = now;
      if (this.#tokens >= 1) {
        this.#tokens -= 1;
        return;
      }
      await this.#clock.sleep(Math.ceil((1 - this.#tokens) / this.#perMs), signal);
    }
  }
}
