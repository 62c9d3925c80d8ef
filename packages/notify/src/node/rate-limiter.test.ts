import { describe, expect, it } from 'vitest';
import type { Clock } from './clock.js';
import { RateLimiter } from './rate-limiter.js';

function fakeClock(): Clock {
  let t = 0;
  return { now: () => t, sleep: async (ms) => void (t += ms) };
}

describe('RateLimiter', () => {
  it('never lets more than perMinute through in any 60-second window', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perMinute: 120, burst: 10, clock });
    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      await limiter.take();
      times.push(clock.now());
    }
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter((t) => t >= times[i] && t < times[i] + 60_000).length;
      expect(inWindow).toBeLessThanOrEqual(120);
    }
  });

  it('lets a burst through without waiting', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perMinute: 3000, burst: 25, clock });
    for (let i = 0; i < 25; i++) await limiter.take();
    expect(clock.now()).toBe(0);
  });

  it('keeps up the steady rate after the burst', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perMinute: 3000, burst: 25, clock });
    for (let i = 0; i < 25 + 2975; i++) await limiter.take();
    expect(clock.now()).toBeGreaterThanOrEqual(59_000);
    expect(clock.now()).toBeLessThanOrEqual(60_100);
  });

  it('stops waiting for a token when the signal aborts', async () => {
    const clock: Clock = {
      now: () => 0,
      sleep: (_ms, signal) => new Promise((resolve) => signal?.addEventListener('abort', () => resolve())),
    };
    const limiter = new RateLimiter({ perMinute: 2, burst: 1, clock });
    await limiter.take();
    const abort = new AbortController();
    const waiting = limiter.take(abort.signal);
    abort.abort();
    await expect(waiting).resolves.toBeUndefined();
  });
});
