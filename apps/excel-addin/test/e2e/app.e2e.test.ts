// The app in headless Chromium: inside a fake Excel (the same fake workbook as the unit tests,
// bundled and injected before the page loads) and as the standalone page. Every check of state that
// an action changes waits for that state (a locator's waitFor, or `eventually`), never reads it once.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getPreset, matchTables, resultTables } from '@mentor-matcher/engine';
import { generateMentorMatchData } from '@mentor-matcher/sample-data';
import { createSolver } from '@mentor-matcher/solver';
import { readCsv, readXlsx, type Cell, type Table } from '@mentor-matcher/tabular';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FakeSheetInit, FakeWorkbook } from '../support/fake-workbook.js';
import { expectAccessible } from './axe.js';
import { eventually, settled } from './eventually.js';
import { dropdownNamed, dropdownValue, dropdownValueAt, fillField, setCheckbox } from './fluent-fields.js';
import { foreignRequests, openApp, useHarness } from './harness.js';
import { defaultPreset } from '../../src/default-preset.js';

const fixtures = join(import.meta.dirname, '../fixtures');
const mentors = readCsv(readFileSync(join(fixtures, 'mentors.csv')), { source: 'mentors.csv' });
const mentees = readCsv(readFileSync(join(fixtures, 'mentees.csv')), { source: 'mentees.csv' });

function sheet(name: string, table: Table): FakeSheetInit {
  const rows = [table.header, ...table.rows].map((row) => row.map((cell: Cell) => (cell === null ? '' : cell)));
  const lastColumn = String.fromCharCode(64 + table.header.length);
  return { name, rows, tables: [{ name, address: `A1:${lastColumn}${rows.length}` }] };
}

async function expectedPairs(): Promise<string[]> {
  const run = matchTables(
    { kind: 'two-tables', mentors, mentees },
    { ruleSet: getPreset(defaultPreset), solver: await createSolver() },
  );
  if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
  const pairs = resultTables(run.result).pairs;
  return pairs.rows.map((row) => `${String(row[0])} → ${String(row[1])}`).sort();
}

function pairKeys(rows: readonly (readonly unknown[])[]): string[] {
  return rows
    .slice(1)
    .map((row) => `${String(row[0])} → ${String(row[1])}`)
    .sort();
}

async function sheetValues(page: Page, name: string): Promise<unknown[][]> {
  return page.evaluate(
    (n) => (window as unknown as { __fakeWorkbook: { values(s: string): unknown[][] } }).__fakeWorkbook.values(n),
    name,
  );
}

const harness = useHarness(180_000);

describe('inside Excel (fake host)', () => {
  it('matches the two tables picked from the workbook and writes the expected pairs as sheets', async () => {
    const { page, requests } = await openApp(harness(), {
      fakeOffice: { sheets: [sheet('Mentors', mentors), sheet('Mentees', mentees)] },
      viewport: { width: 420, height: 900 },
    });
    await page.waitForSelector('html[data-ready="excel"]');
    await eventually(() => dropdownValueAt(page, '[data-focus="source-mentors"]')).toBe('table:Mentors');
    await eventually(() => dropdownValueAt(page, '[data-focus="source-mentees"]')).toBe('table:Mentees');
    await page.getByRole('button', { name: 'Read and check' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /50 mentors and 50 mentees read/ })
      .waitFor();

    await page.getByRole('tab', { name: 'Match' }).click();
    await page.locator('#run-match').click();
    await page
      .getByRole('status')
      .filter({ hasText: /Done in/ })
      .waitFor({ timeout: 60_000 });

    const expected = await expectedPairs();
    const pairsHeader = async () => (await sheetValues(page, 'Match Pairs'))[0].slice(0, 3);
    await eventually(pairsHeader).toEqual(['mentor email', 'mentee email', 'score']);
    await eventually(async () => pairKeys(await sheetValues(page, 'Match Pairs'))).toEqual(expected);
    await eventually(async () => (await sheetValues(page, 'Match Mentors')).length).toBe(51);
    await eventually(async () => (await sheetValues(page, 'Match Mentees')).length).toBe(51);
    // The Notify lists are written only when chosen; the mail merge is by default.
    const names = await page.evaluate(() =>
      (window as unknown as { __fakeWorkbook: { sheetNames(): string[] } }).__fakeWorkbook.sheetNames(),
    );
    expect(names).toContain('Match Mail merge');
    expect(names.filter((name) => name.startsWith('Match Notify'))).toEqual([]);
    expect(foreignRequests(harness(), requests)).toEqual([]);

    await page.getByRole('tab', { name: 'Show work' }).click();
    const canvas = page.locator('canvas.heatmap');
    await canvas.waitFor();
    // Pointing at a chosen pair's square names both people, the score, and that it was chosen.
    const pairs = await sheetValues(page, 'Match Pairs');
    const [mentorEmail, menteeEmail, score, mentorName, menteeName] = pairs[1].map(String);
    const emailAt = (table: Table) => table.header.indexOf('email address');
    const row = mentees.rows.findIndex((r) => r[emailAt(mentees)] === menteeEmail);
    const col = mentors.rows.findIndex((r) => r[emailAt(mentors)] === mentorEmail);
    const box = (await canvas.boundingBox())!;
    await canvas.hover({ position: { x: ((col + 0.5) * box.width) / 50, y: ((row + 0.5) * box.height) / 50 } });
    await eventually(() => page.locator('#heatmap-tooltip').textContent()).toBe(
      `${menteeName} with ${mentorName}: score ${score}; chosen.`,
    );
    // The arrow keys move over the squares and say the same.
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    await eventually(() => page.locator('#heatmap-cell').textContent()).toMatch(
      / with .+: (score [\d.]+|no eligible pair); (not )?chosen\.$/,
    );
    await page.locator('#new-sample').click();
    await page.locator('#beat-board button').first().waitFor();
    await page.locator('#beat-board button:not([disabled])').first().click();
    await eventually(() => page.locator('#beat-score').textContent()).toMatch(/Your pairs: 1 of \d+ mentees matched/);
    await page.context().close();
  });

  it('keeps a pair locked and drops one forbidden in the Pairs sheet when matching again, after asking', async () => {
    const { page } = await openApp(harness(), {
      fakeOffice: { sheets: [sheet('Mentors', mentors), sheet('Mentees', mentees)] },
    });
    await page.waitForSelector('html[data-ready="excel"]');
    await page.getByRole('tab', { name: 'Match' }).click();
    await page.locator('#run-match').click();
    await page
      .getByRole('status')
      .filter({ hasText: /Done in/ })
      .waitFor({ timeout: 60_000 });
    const before = await sheetValues(page, 'Match Pairs');
    const lockColumn = before[0].indexOf('lock');
    const lockedColumn = before[0].indexOf('locked');
    const chosen = before[5];
    // Row 6's pair is forbidden by typing in its forbid column.
    const forbidden = before[6];
    await page.evaluate(
      async ([row, column, forbidColumn]) => {
        const book = (window as unknown as { __fakeWorkbook: Pick<FakeWorkbook, 'run'> }).__fakeWorkbook;
        await book.run(async (context) => {
          const sheet = context.workbook.worksheets.getItemOrNullObject('Match Pairs');
          sheet.getRangeByIndexes(row, column, 1, 1).values = [['yes']];
          sheet.getRangeByIndexes(row + 1, forbidColumn, 1, 1).values = [['x']];
          await context.sync();
        });
      },
      [5, lockColumn, before[0].indexOf('forbid')],
    );
    await page.locator('#run-match').click();
    // The dialog keeps focus: tabbing cycles through its buttons, never the page behind it.
    await page.getByRole('button', { name: 'Replace results' }).waitFor();
    const inDialog = () => page.evaluate(() => document.activeElement?.closest('fluent-dialog') !== null);
    await eventually(inDialog).toBe(true);
    // Contrast is judged once the dialog has finished fading in, not on a frame of the animation.
    await settled(page);
    await expectAccessible(page, 'the confirmation dialog');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await inDialog(), await page.evaluate(() => `${document.activeElement?.outerHTML.slice(0, 120)}`)).toBe(
        true,
      );
    }
    await page.getByRole('button', { name: 'Replace results' }).click();
    // The status still says "Done in" from the first run until the second one has written: wait for
    // the rewritten sheet itself.
    const keptPair = async () => {
      const kept = (await sheetValues(page, 'Match Pairs')).find((row) => row[0] === chosen[0] && row[1] === chosen[1]);
      return kept && { locked: String(kept[lockedColumn]).toLowerCase(), lock: kept[lockColumn] };
    };
    await eventually(keptPair, 'the chosen pair, locked, in the rewritten Pairs sheet').toEqual({
      locked: 'locked',
      lock: 'yes',
    });
    const forbiddenPairs = async () =>
      (await sheetValues(page, 'Match Pairs')).filter((row) => row[0] === forbidden[0] && row[1] === forbidden[1]);
    await eventually(forbiddenPairs, 'the forbidden pair, gone from the rewritten Pairs sheet').toEqual([]);
    const saved = () =>
      page.evaluate(() => {
        const settings = (window as unknown as { __fakeSettings: Map<string, unknown> }).__fakeSettings;
        const value = settings.get('mentorMatcher') as { ruleSet?: { forbiddenPairs: unknown[] } } | undefined;
        return value?.ruleSet?.forbiddenPairs;
      });
    await eventually(saved).toEqual([{ mentor: forbidden[0], mentee: forbidden[1] }]);
    await page
      .getByRole('status')
      .filter({ hasText: /Done in/ })
      .waitFor({ timeout: 60_000 });
    await page.context().close();
  });

  it('saves a rule edited in the form with the workbook, and restores it when the workbook is reopened', async () => {
    const { page } = await openApp(harness(), {
      fakeOffice: { sheets: [sheet('Mentors', mentors), sheet('Mentees', mentees)] },
      viewport: { width: 420, height: 900 },
    });
    await page.waitForSelector('html[data-ready="excel"]');
    await page.getByRole('tab', { name: 'Rules' }).click();
    await fillField(page, 'Points', '17');
    await fillField(page, 'Rule set name', 'Spring 2026');
    await page.evaluate(() => window.scrollTo(0, 0));
    type Saved = { ruleSet: { name: string; rules: { points?: number }[] } } | undefined;
    const readSaved = () =>
      page.evaluate(() => {
        const settings = (window as unknown as { __fakeSettings: Map<string, unknown> }).__fakeSettings;
        return settings.get('mentorMatcher') as Saved;
      });
    // Saving goes through Office's asynchronous settings.saveAsync.
    await eventually(async () => {
      const saved = await readSaved();
      return { name: saved?.ruleSet.name, has17: saved?.ruleSet.rules.some((rule) => rule.points === 17) };
    }).toEqual({ name: 'Spring 2026', has17: true });
    const saved = await readSaved();
    await page.context().close();

    const reopened = await openApp(harness(), {
      fakeOffice: {
        sheets: [sheet('Mentors', mentors), sheet('Mentees', mentees)],
        settings: { mentorMatcher: saved },
      },
    });
    await reopened.page.waitForSelector('html[data-ready="excel"]');
    await reopened.page.getByRole('tab', { name: 'Rules' }).click();
    await eventually(() =>
      reopened.page.getByRole('textbox', { name: 'Rule set name', exact: true }).inputValue(),
    ).toBe('Spring 2026');
    await reopened.page.context().close();
  });

  it('stops the worker when Cancel is pressed, and writes nothing', async () => {
    const big = generateMentorMatchData({ mentors: 1500, mentees: 1500, seed: 3 });
    const { page } = await openApp(harness(), {
      fakeOffice: { sheets: [sheet('Mentors', big.mentors), sheet('Mentees', big.mentees)] },
    });
    await page.waitForSelector('html[data-ready="excel"]');
    await page.getByRole('tab', { name: 'Match' }).click();
    await page.locator('#run-match').click();
    await page.locator('#cancel').click();
    await page.getByRole('status').filter({ hasText: 'Cancelled' }).waitFor();
    // The status changes at once; the step re-renders (Match enabled again) in a later task.
    await eventually(() => page.locator('#run-match').isEnabled(), 'Match is enabled again after Cancel').toBe(true);
    // Read once the run is over (Match enabled), so any write the cancelled run still made is there.
    const sheetNames = await page.evaluate(() =>
      (window as unknown as { __fakeWorkbook: { sheetNames(): string[] } }).__fakeWorkbook.sheetNames(),
    );
    expect(sheetNames).toEqual(['Mentors', 'Mentees']);
    await page.context().close();
  });
});

describe('standalone page', () => {
  it('loads the CSV files, matches, and downloads the results, with no request leaving the page', async () => {
    const { page, requests } = await openApp(harness());
    await page.waitForSelector('html[data-ready="standalone"]');
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles([join(fixtures, 'mentors.csv'), join(fixtures, 'mentees.csv')]);
    await page.getByRole('status').filter({ hasText: 'Loaded mentors.csv, mentees.csv' }).waitFor();
    await page.getByRole('button', { name: 'Read and check' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /50 mentors and 50 mentees read/ })
      .waitFor();
    await page.getByRole('tab', { name: 'Match' }).click();
    // The Notify lists are written only when asked for.
    await page.locator('#sheet-choice summary').click();
    await setCheckbox(page, 'GOV.UK Notify lists (4)');
    await eventually(() => page.locator('#sheet-choice summary').textContent()).toContain('12 of 12');
    await page.locator('#run-match').click();
    await page.locator('#downloads').waitFor({ timeout: 60_000 });
    await page.locator('#other-formats summary').click();

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-download="mentor-matches.xlsx"]').click(),
    ]);
    const bytes = new Uint8Array(await readFile(await xlsx.path()));
    const pairsSheet = readXlsx(bytes, { source: 'download', sheet: 'Match Pairs' });
    expect(pairKeys([pairsSheet.header, ...pairsSheet.rows])).toEqual(await expectedPairs());
    expect(readXlsx(bytes, { source: 'download', sheet: 'Match Notify mentee-matched' }).header[0]).toBe(
      'email address',
    );

    const [notify] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-download="Match Notify mentee-matched.csv"]').click(),
    ]);
    expect(notify.suggestedFilename()).toBe('match-notify-mentee-matched.csv');
    const notifyList = readCsv(await readFile(await notify.path()), { source: 'notify' });
    expect(notifyList.header.slice(0, 2)).toEqual(['email address', 'first name']);
    expect(notifyList.header).toContain('match 1 name');
    expect(notifyList.rows.length).toBe(new Set(pairsSheet.rows.map((row) => row[1])).size);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-download="Match Summary.csv"]').click(),
    ]);
    expect(csv.suggestedFilename()).toBe('match-summary.csv');
    expect(await readFile(await csv.path(), 'utf8')).toMatch(/mentees/i);
    expect(foreignRequests(harness(), requests)).toEqual([]);
    await page.context().close();
  });

  it('works from the keyboard: a dropdown, a checkbox and a radio, focus kept where it was', async () => {
    const { page } = await openApp(harness(), { viewport: { width: 350, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.waitForSelector('html[data-ready="standalone"]');
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    await page.getByRole('button', { name: 'Read and check' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /50 mentors and 50 mentees read/ })
      .waitFor();
    const focusIn = (selector: string) => page.evaluate((s) => document.activeElement?.closest(s) !== null, selector);
    const layout = () =>
      page.locator('fluent-radio-group').evaluate((group) => (group as unknown as { value: string }).value);

    // The layout radios: the arrow key moves the choice, as in a native radio group. The Data step
    // may be drawn again under the key (the check's last messages), so a press that lands on the
    // radios being replaced is pressed again; each try starts from the radio it moves away from.
    const pressOn = (radio: string, key: string, expected: string) =>
      eventually(async () => {
        if ((await layout()) === expected) return expected;
        await page.getByRole('radio', { name: radio, exact: true }).focus();
        await page.keyboard.press(key);
        return layout();
      }).toBe(expected);
    await pressOn('Two tables: mentors and mentees', 'ArrowDown', 'one-table');
    await eventually(() => page.getByText('People (one table)', { exact: true }).count()).toBe(1);
    await pressOn('One table with a role column', 'ArrowUp', 'two-tables');

    await page.getByRole('tab', { name: 'Match' }).click();
    await page.locator('#sheet-choice summary').click();
    // A sheet's checkbox: Space clears it, and the count follows.
    await page.getByRole('checkbox', { name: 'Summary', exact: true }).focus();
    await page.keyboard.press('Space');
    await eventually(() => page.locator('#sheet-choice summary').innerText()).toBe('Sheets in the results: 7 of 12');
    await page.keyboard.press('Space');
    await eventually(() => page.locator('#sheet-choice summary').innerText()).toBe('Sheets in the results: 8 of 12');

    await page.locator('#run-match').click();
    await page.locator('#downloads').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Review' }).click();
    // The review filter: Space opens it, an arrow moves, Enter chooses; the list is drawn again and
    // the focus stays on the filter.
    await dropdownNamed(page, 'Filter').focus();
    await page.keyboard.press('Space');
    await eventually(() => dropdownNamed(page, 'Filter').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await eventually(() => dropdownValue(page, 'Filter')).toBe('unmatched');
    await eventually(() => page.locator('#review-count').innerText()).not.toBe('50 mentees');
    await eventually(() => focusIn('#review-filter')).toBe(true);
    expect(errors, 'errors thrown in the page').toEqual([]);
    await page.context().close();
  });

  it('runs on generated sample data', async () => {
    const { page } = await openApp(harness());
    await page.waitForSelector('html[data-ready="standalone"]');
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    await page.getByRole('status').filter({ hasText: 'Sample data: 50 made-up mentors' }).waitFor();
    await page.getByRole('button', { name: 'Read and check' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /50 mentors and 50 mentees read/ })
      .waitFor();
    await page.getByRole('tab', { name: 'Match' }).click();
    await page.locator('#run-match').click();
    await page.locator('table[data-sheet="Match Pairs"] tbody tr').first().waitFor({ timeout: 60_000 });
    await eventually(() => page.locator('table[data-sheet="Match Pairs"] tbody tr').count()).toBeGreaterThan(10);
    await page.context().close();
  });
});
