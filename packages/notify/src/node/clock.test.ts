import { afterEach, describe, expect, it, vi } from 'vitest';
import { longestTimerMs, systemClock } from './clock.js';

afterEach(() => vi.restoreAllMocks());

describe('systemClock.sleep', () => {
  it('never asks setTimeout for more than it can wait (which would fire at once, with a warning)', async () => {
    const setTimer = vi.spyOn(globalThis, 'setTimeout');
    const abort = new AbortController();
    const sleeping = systemClock.sleep(3_000_000_000, abort.signal);
    expect(setTimer).toHaveBeenLastCalledWith(expect.any(Function), longestTimerMs);
    abort.abort();
    await sleeping;
  });

  it('ends a wait at once when the signal aborts', async () => {
    const abort = new AbortController();
    const sleeping = systemClock.sleep(60_000, abort.signal);
    abort.abort();
    await expect(sleeping).resolves.toBeUndefined();
  });
});
