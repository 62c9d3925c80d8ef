// Assertions on what the page shows after an action. The pane changes asynchronously (a worker's
// reply, a render queued with setTimeout, Office's saveAsync), so a value read once right after a
// click or an upload can still be the old one on a loaded machine. `eventually` reads again until
// the assertion holds, and fails with the last value read when it never does.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Far beyond a render's lag under CPU load, far below the tests' own timeouts. */
export const eventuallyTimeoutMs = 20_000;

export function eventually<T>(read: () => T | Promise<T>, message?: string): ReturnType<typeof expect.poll<T>> {
  return expect.poll(read, { timeout: eventuallyTimeoutMs, interval: 50, message });
}

/** Waits until no animation runs (a tab's indicator sliding, a dialog fading in): a still frame. */
export async function settled(page: Page): Promise<void> {
  const running = () => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length);
  await eventually(running, 'animations still running').toBe(0);
}
