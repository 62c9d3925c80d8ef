// Files a coordinator might choose on the standalone page, fed to the page in headless Chromium
// (issues 14 and 15): what loads, what is refused with the reader's sentence, which sheet and
// header row are used, and that refusing a zip bomb never blocks the page's main thread.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateMentorMatchData } from '@mentor-matcher/sample-data';
import { writeXlsx } from '@mentor-matcher/tabular';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually } from '../e2e/eventually.js';
import { openApp, useHarness } from '../e2e/harness.js';
import { fixtureRows, fixtureText, mentorsWithZoe, workbook, zipBombWorkbook } from '../support/sign-up-files.js';

const harness = useHarness(240_000);

const mentors = fixtureRows('mentors.csv');
const mentees = { name: 'mentees.csv', bytes: new TextEncoder().encode(fixtureText('mentees.csv')) };

async function openPage(): Promise<Page> {
  const { page } = await openApp(harness());
  await page.waitForSelector('html[data-ready="standalone"]', { state: 'attached' });
  return page;
}

/**
 * Chooses files in the page's file input. They are written to disk first: given as buffers,
 * Playwright decodes them inside the page, a main-thread task of its own (84 ms for the zip bomb)
 * that would be counted against the page.
 */
async function choose(page: Page, files: { name: string; bytes: Uint8Array }[]): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'mentor-matcher-files-'));
  const paths: string[] = [];
  for (const file of files) {
    paths.push(join(folder, file.name));
    await writeFile(paths[paths.length - 1], file.bytes);
  }
  await page.locator('input[type=file]').first().setInputFiles(paths);
}

const statusText = (page: Page) => page.getByRole('status').innerText();
const statusClass = (page: Page) => page.getByRole('status').getAttribute('class');
const fileNotes = (page: Page) => page.locator('.loaded-files').innerText();
const pickedMentors = (page: Page) => page.locator('[data-focus="source-mentors"] > [role="combobox"]').innerText();

/**
 * The target is no main-thread task over 100 ms; measured here, none over 50 ms. The tests fail above
 * 400 ms, which still catches parsing on the main thread (a 1.3 s task for 20,000 rows before) while
 * leaving a loaded 2-core machine room, since a task's length grows with the load.
 */
const mainThreadGuardMs = 400;

/** Records the longest main-thread task from now on (the Long Tasks API reports those over 50 ms). */
async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { longestTask: number };
    w.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longestTask = Math.max(w.longestTask, entry.duration);
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);
}

async function checkReads(page: Page, mentorCount: number): Promise<void> {
  await page.getByRole('button', { name: 'Read and check' }).click();
  await eventually(() => statusText(page)).toMatch(new RegExp(`${mentorCount} mentors and 50 mentees read`));
}

describe('loading files on the standalone page', () => {
  it('loads a Windows "CSV (Comma delimited)" file with Zoë, showing the reader’s notice', async () => {
    const page = await openPage();
    await choose(page, [{ name: 'mentors.csv', bytes: mentorsWithZoe() }, mentees]);
    await eventually(() => statusText(page)).toContain('Loaded mentors.csv, mentees.csv');
    await eventually(() => fileNotes(page)).toContain('read as Windows-1252');
    expect(await fileNotes(page)).toContain('Zoë');
    await checkReads(page, 50);
  });

  it('refuses a PDF with the reader’s sentence, as an error, never "Loaded"', async () => {
    const page = await openPage();
    await choose(page, [{ name: 'signups.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\n') }]);
    await eventually(() => statusText(page)).toContain('signups.pdf: this looks like a PDF file, not a spreadsheet.');
    expect(await statusText(page)).toContain('Save the sign-ups as .xlsx or .csv');
    expect(await statusText(page)).not.toContain('Loaded');
    expect(await statusClass(page)).toContain('error');
  });

  it('reads the sign-ups after a Notes sheet, below their title line, and says which row is the header', async () => {
    const page = await openPage();
    const title = ['Mentor sign-ups 2026', ...mentors[0].slice(1).map(() => null)];
    const bytes = workbook([
      { name: 'Notes', rows: [['Sign-ups closed on 1 March.'], ['Ask Sam before changing anything.']] },
      { name: 'Sign-ups', rows: [title, ...mentors] },
    ]);
    await choose(page, [{ name: 'signups.xlsx', bytes }, mentees]);
    await eventually(() => statusText(page)).toContain('Loaded signups.xlsx, mentees.csv');
    await eventually(() => pickedMentors(page)).toContain('signups.xlsx › Sign-ups');
    expect(await pickedMentors(page)).toContain('header on row 2');
    expect(await fileNotes(page)).toContain('the header is row 2');
    expect(await fileNotes(page)).toContain('passing over "Notes"');
    await checkReads(page, 50);
  });

  it('loads a workbook with an empty Sheet2 and a chart sheet beside the data', async () => {
    const page = await openPage();
    const bytes = workbook([
      { name: 'Sheet1', rows: mentors },
      { name: 'Sheet2', rows: [] },
      { name: 'Chart1', chart: true },
    ]);
    await choose(page, [{ name: 'mentors.xlsx', bytes }, mentees]);
    await eventually(() => statusText(page)).toContain('Loaded mentors.xlsx, mentees.csv');
    await eventually(() => fileNotes(page)).toContain('Chart1');
    expect(await fileNotes(page)).toContain('a chart sheet');
    await checkReads(page, 50);
  });

  it('does not use a hidden first sheet silently', async () => {
    const page = await openPage();
    const bytes = workbook([
      { name: 'Old mentors', hidden: true, rows: mentors.slice(0, 4) },
      { name: 'Mentors', rows: mentors },
    ]);
    await choose(page, [{ name: 'mentors.xlsx', bytes }, mentees]);
    await eventually(() => statusText(page)).toContain('Loaded mentors.xlsx, mentees.csv');
    await eventually(() => fileNotes(page)).toContain('a hidden sheet, "Old mentors", which was not used');
    expect(await pickedMentors(page)).toContain('mentors.xlsx › Mentors');
    await checkReads(page, 50);
  });

  it('refuses a zip bomb quickly, in the worker, with the main thread free', async () => {
    const page = await openPage();
    const longestTask = await watchLongTasks(page);
    const bytes = zipBombWorkbook();
    const started = Date.now();
    await choose(page, [{ name: 'signups.xlsx', bytes }]);
    await eventually(() => statusText(page)).toContain('it may be a zip bomb');
    const elapsedMs = Date.now() - started;
    const longestTaskMs = await longestTask();
    console.log(`zip bomb: refused after ${elapsedMs} ms; longest main-thread task ${longestTaskMs} ms`);
    expect(await statusText(page)).not.toContain('Loaded');
    expect(await statusClass(page)).toContain('error');
    expect(longestTaskMs).toBeLessThan(mainThreadGuardMs);
    expect(elapsedMs).toBeLessThan(10_000);
  });

  it('loads a big workbook without blocking the page: it is parsed in the worker', async () => {
    const page = await openPage();
    const data = generateMentorMatchData({ mentors: 20_000, mentees: 10, seed: 7 });
    const bytes = writeXlsx([{ name: 'Mentors', table: data.mentors }]);
    const longestTask = await watchLongTasks(page);
    const started = Date.now();
    await choose(page, [{ name: 'mentors.xlsx', bytes }]);
    await eventually(() => statusText(page)).toContain('Loaded mentors.xlsx');
    const elapsedMs = Date.now() - started;
    const longestTaskMs = await longestTask();
    console.log(`20,000-row workbook: loaded after ${elapsedMs} ms; longest main-thread task ${longestTaskMs} ms`);
    expect(longestTaskMs).toBeLessThan(mainThreadGuardMs);
    expect(await pickedMentors(page)).toContain('20,000 rows');
  });
});
