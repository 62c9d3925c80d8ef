// axe-core in the page under test: its script is evaluated through the browser's debugging protocol
// (not a <script> tag, which the page's Content-Security-Policy would refuse), then run on the whole
// document. Only serious and critical violations fail a test; each is named with its elements.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { eventually } from './eventually.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/** Serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } })
      .axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: String(v.impact),
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => String(n.target)),
      }));
  });
}

/**
 * Fails unless the page reaches a state with no serious or critical violation. axe judges the frame it
 * sees: a dialog or a tab indicator caught mid-transition under CPU load has colours that are neither
 * the start nor the end, so the check reads again until the page is still, and fails with the last
 * findings when it never gets there.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  await eventually(() => seriousViolations(page), `axe-core on ${where}`).toEqual([]);
}
