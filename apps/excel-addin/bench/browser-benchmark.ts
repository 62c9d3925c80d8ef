// The `browser` benchmark: a size × size match on the standalone page in headless Chromium, through
// the worker. Measures the time from pressing Match to the results on the page and to the results
// workbook downloaded, then a lock in the review step and its re-solve, and the longest
// main-thread task through all of it (target under 100 ms).
//   npx tsx --conditions source apps/excel-addin/bench/browser-benchmark.ts 2000
import { generateMentorMatchData } from '@mentor-matcher/sample-data';
import { writeCsv } from '@mentor-matcher/tabular';
import { openApp, startHarness } from '../test/e2e/harness.js';

export interface BrowserBenchmarkResult {
  readonly size: number;
  readonly timeToResultsMs: number;
  /** From pressing Match to the results workbook downloaded (built in the worker). */
  readonly timeToWorkbookMs: number;
  /** In the review step, from pressing Lock on a mentee's pair to the re-solve's summary. */
  readonly timeToLockMs: number;
  /** Longest main-thread task after Match was pressed; 0 = none over 50 ms (the Long Tasks API reports only those). */
  readonly longestTaskMs: number;
}

/** Counts only tasks that start after Match is pressed (loading the files is not part of the run). */
const observeLongTasks = `
  window.__longestTask = 0;
  window.__since = performance.now();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.startTime >= window.__since) window.__longestTask = Math.max(window.__longestTask, entry.duration);
    }
  }).observe({ type: 'longtask' });
`;

export async function runBrowserBenchmark(options: { size: number; seed?: number }): Promise<BrowserBenchmarkResult> {
  const { size } = options;
  const data = generateMentorMatchData({ mentors: size, mentees: size, seed: options.seed ?? 1 });
  const harness = await startHarness();
  try {
    const { page } = await openApp(harness);
    await page.waitForSelector('html[data-ready="standalone"]', { state: 'attached' });
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles([
        { name: 'mentors.csv', mimeType: 'text/csv', buffer: Buffer.from(writeCsv(data.mentors)) },
        { name: 'mentees.csv', mimeType: 'text/csv', buffer: Buffer.from(writeCsv(data.mentees)) },
      ]);
    await page.getByRole('status').filter({ hasText: 'Loaded' }).waitFor();
    await page.getByRole('tab', { name: 'Match' }).click();
    await page.evaluate(observeLongTasks);
    const started = Date.now();
    await page.locator('#run-match').click();
    await page.locator('#downloads').waitFor({ timeout: 600_000 });
    const timeToResultsMs = Date.now() - started;
    await Promise.all([
      page.waitForEvent('download', { timeout: 600_000 }),
      page.locator('[data-download="mentor-matches.xlsx"]').click(),
    ]);
    const timeToWorkbookMs = Date.now() - started;
    await page.getByRole('tab', { name: 'Review' }).click();
    await page.locator('button.person[data-matched="true"]').first().click();
    const lock = page
      .locator('[data-pair]')
      .first()
      .getByRole('button', { name: /^Lock / });
    const lockStarted = Date.now();
    await lock.click();
    await page.locator('#review-change h3', { hasText: /^Locked / }).waitFor({ timeout: 600_000 });
    const timeToLockMs = Date.now() - lockStarted;
    const longestTaskMs = await page.evaluate(() => (window as unknown as { __longestTask: number }).__longestTask);
    return { size, timeToResultsMs, timeToWorkbookMs, timeToLockMs, longestTaskMs };
  } finally {
    await harness.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = Number(process.argv[2] ?? 2000);
  console.log(JSON.stringify(await runBrowserBenchmark({ size })));
}
