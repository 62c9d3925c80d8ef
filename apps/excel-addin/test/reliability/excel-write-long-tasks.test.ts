// The add-in's Excel write path at 2,000 × 2,000 (issue 16): from pressing Match to every result
// sheet written in the fake Excel, the main thread stays free. The target is no task over 100 ms
// (measured here: none over 50 ms on a quiet machine, 52 ms once under CI's load); the test fails
// above 400 ms, which still catches building a workbook on the main thread again (0.7–0.9 s tasks
// before) while leaving a loaded 2-core machine room, since a task's length grows with the load. The fake workbook runs
// on the page's main thread and answers each sync in a later task, as Excel does; its own work (the
// stand-in for Excel's) is counted too, so the bound is stricter than in Excel.
import { generateMentorMatchData } from '@mentor-matcher/sample-data';
import type { Cell, Table } from '@mentor-matcher/tabular';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FakeSheetInit } from '../support/fake-workbook.js';
import { eventually } from '../e2e/eventually.js';
import { openApp, useHarness } from '../e2e/harness.js';

const size = 2_000;

const harness = useHarness(240_000);

function sheet(name: string, table: Table): FakeSheetInit {
  const rows = [table.header, ...table.rows].map((row) => row.map((cell: Cell) => (cell === null ? '' : cell)));
  const lastColumn = String.fromCharCode(64 + table.header.length);
  return { name, rows, tables: [{ name, address: `A1:${lastColumn}${rows.length}` }] };
}

/** Every main-thread task over 50 ms from now on (the Long Tasks API reports no shorter ones). */
async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}

describe('writing a 2,000 × 2,000 match to Excel', () => {
  it('keeps the pane’s main thread free from Match to the sheets written (target 100 ms)', async () => {
    const data = generateMentorMatchData({ mentors: size, mentees: size, seed: 2026 });
    const { page } = await openApp(harness(), {
      fakeOffice: { sheets: [sheet('Mentors', data.mentors), sheet('Mentees', data.mentees)] },
      viewport: { width: 350, height: 900 },
    });
    await page.waitForSelector('html[data-ready="excel"]');
    await page.getByRole('tab', { name: 'Match' }).click();
    const longTasks = await watchLongTasks(page);
    await page.locator('#run-match').click();
    await page
      .getByRole('status')
      .filter({ hasText: /Done in/ })
      .waitFor({ timeout: 300_000 });
    const pairs = () =>
      page.evaluate(
        () =>
          (window as unknown as { __fakeWorkbook: { values(s: string): unknown[][] } }).__fakeWorkbook.values(
            'Match Pairs',
          ).length,
      );
    await eventually(pairs).toBeGreaterThan(size / 2);
    const tasks = await longTasks();
    console.info(`long tasks from Match to the sheets written at ${size} × ${size}: [${tasks.join(', ')}] ms`);
    expect(Math.max(0, ...tasks)).toBeLessThanOrEqual(400);
  }, 400_000);
});
