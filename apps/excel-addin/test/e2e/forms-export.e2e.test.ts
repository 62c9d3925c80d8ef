// Issue 14, done when: a Microsoft Forms-style export gets to a match with dropdown choices and
// accepted suggestions only, no header typed, on the page (the export as a Windows-1252 CSV file) and
// in the add-in (the export as a sheet of the fake workbook). Each run picks a column from a dropdown,
// accepts the organisation aliases with one click each (and undoes one), keeps the latest of each
// repeated sign-up, matches, and is checked against the engine run in Node with the same columns,
// aliases and policy: the pairs, each matched person's biography in the mail merge, and the
// superseded rows in the skipped list. The export is generated (tools/sample-data), not committed.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPreset, matchTables, resultTables, type ValueAliases } from '@mentor-matcher/engine';
import { formsHeader, generateFormsExport } from '@mentor-matcher/sample-data';
import { createSolver } from '@mentor-matcher/solver';
import { readCsv, readXlsx, type Cell, type Table } from '@mentor-matcher/tabular';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultPreset } from '../../src/default-preset.js';
import { expectAccessible } from './axe.js';
import { eventually, settled } from './eventually.js';
import {
  chooseOption,
  chooseRadio,
  dropdownNamed,
  dropdownValue,
  dropdownValueAt,
  optionTexts,
} from './fluent-fields.js';
import { openApp, screenshotFolder, useHarness } from './harness.js';

const screenshots = screenshotFolder();
const exported = generateFormsExport({ mentors: 40, mentees: 40, seed: 14 });
const fileName = 'Mentoring sign-up.csv';
const roleQuestion = 'Do you want to be a mentor, a mentee or both?';
const bioQuestion = 'Tell us a little about yourself';

const harness = useHarness(240_000);

type Rows = readonly (readonly Cell[])[];
interface Results {
  readonly pairs: Rows;
  readonly mailMerge: Rows;
  readonly skipped: Rows;
}

const statusText = (page: Page) => page.getByRole('status').innerText();
const cleanEmail = (cell: Cell) =>
  String(cell ?? '')
    .trim()
    .toLowerCase();

/**
 * The Data step as a coordinator does it, by dropdowns and buttons only. The tables are picked
 * already (one-table layout); returns the aliases accepted.
 */
async function chooseInDataStep(
  page: Page,
  shoot: (name: string) => Promise<void> = async () => undefined,
): Promise<void> {
  await page.getByRole('button', { name: 'Read and check' }).click();
  // Twelve people signed up twice: by default each repeat is an error.
  await eventually(() => statusText(page)).toMatch(/mentors and \d+ mentees read; [1-9]\d* errors?/);

  // Every field is listed, found or not; the role question was found without being told.
  const columns = page.locator('details.columns');
  await columns.locator('summary').click();
  await eventually(() => dropdownValueAt(page, '[data-focus="map-people-role"]')).toBe(roleQuestion);
  await eventually(() => dropdownValueAt(page, '[data-focus="map-people-bio"]')).toBe(bioQuestion);
  await eventually(() => columns.locator('fluent-dropdown').count()).toBe(14);
  expect(await optionTexts(page, 'timestamp')).toEqual(['— no column —', ...formsHeader]);
  // The form's own "Completion time" was found; the coordinator chooses "Start time" instead.
  await eventually(() => dropdownValue(page, 'timestamp')).toBe('Completion time');
  await chooseOption(page, 'timestamp', 'Start time');
  // The hint under a column's dropdown is its description, as a screen reader says it.
  const description = () =>
    dropdownNamed(page, 'timestamp').evaluate(
      (button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent,
    );
  await eventually(description).toBe('Chosen.');
  await eventually(() => statusText(page)).toMatch(/^timestamp: column “Start time”\. Checked again:/);

  await page.evaluate(() => document.querySelector('details.columns')?.scrollIntoView({ block: 'start' }));
  await shoot('1-data-columns');

  await chooseOption(page, 'Someone who signed up more than once', 'Keep their latest sign-up');
  await eventually(() => statusText(page)).toMatch(/^Duplicate sign-ups: choice saved\. Checked again: .* 0 errors/);
  await eventually(() => page.locator('ul.skipped-rows li').count()).toBe(exported.superseded.length);

  // One suggestion accepted by its own button, the rest all at once; one undone and accepted again.
  // (The first by keyboard: the suggestion that takes its place has the focus next.)
  const suggestions = page.locator('ul.alias-suggestions li');
  const suggested = await suggestions.count();
  expect(suggested).toBeGreaterThan(2);
  await page.evaluate(() => document.querySelector('.aliases')?.scrollIntoView({ block: 'start' }));
  await shoot('1-data-aliases');
  const second = await suggestions.nth(1).getByRole('button').getAttribute('aria-label');
  await suggestions.first().getByRole('button').focus();
  await page.keyboard.press('Enter');
  await eventually(() => suggestions.count()).toBe(suggested - 1);
  await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(second);
  await page.getByRole('button', { name: `Accept all ${suggested - 1}` }).click();
  await eventually(() => suggestions.count()).toBe(0);
  const accepted = page.locator('details.aliases-accepted');
  await accepted.locator('summary').click();
  await eventually(() => accepted.locator('li').count()).toBe(suggested);
  const undo = accepted.getByRole('button', { name: /^Undo: read/ }).first();
  const undone = (await undo.getAttribute('aria-label'))!.match(/“(.+)”/)![1];
  await undo.click();
  await eventually(() => suggestions.count()).toBe(1);
  await eventually(() => suggestions.first().innerText()).toContain(`“${undone}”`);
  await suggestions
    .first()
    .getByRole('button', { name: /^Accept: read/ })
    .click();
  await eventually(() => suggestions.count()).toBe(0);
  await eventually(() => statusText(page)).toMatch(/Checked again: .* 0 errors/);

  await expectAccessible(page, 'the Data step with its choices open');
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(sideways, 'nothing scrolls sideways at 350 px').toBeLessThanOrEqual(0);
}

async function matchInMatchStep(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Match' }).click();
  await page.locator('#run-match').click();
  await eventually(() => statusText(page)).toMatch(/^Done in/);
  // The rows not used follow the results.
  await eventually(() => page.locator('ul.skipped-rows li').count()).toBe(exported.superseded.length);
}

/** What the app did, against the engine run directly with the same columns, aliases and policy. */
async function expectSameAsEngine(people: Table, aliases: ValueAliases, results: Results): Promise<void> {
  for (const [value, canonical] of Object.entries(aliases.organisation ?? {})) {
    expect(exported.aliases).toContainEqual({ field: 'organisation', value, canonical });
  }
  const run = matchTables(
    { kind: 'one-table', people },
    {
      ruleSet: getPreset(defaultPreset),
      solver: await createSolver(),
      mapping: { people: { timestamp: 'Start time' } },
      aliases,
      duplicates: 'keep-latest',
    },
  );
  if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
  const keys = (rows: Rows) => rows.map((r) => `${String(r[0])} → ${String(r[1])}`).sort();
  const expected = resultTables(run.result).pairs.rows;
  expect(expected.length).toBeGreaterThan(10);
  expect(keys(results.pairs.slice(1))).toEqual(keys(expected));

  // Each matched person's biography reaches their partners' rows of the mail merge.
  const bioAt = people.header.indexOf(bioQuestion);
  const emailAt = people.header.indexOf('Email');
  const bio = new Map(people.rows.map((row) => [cleanEmail(row[emailAt]), String(row[bioAt])]));
  const [mergeHeader, ...merge] = results.mailMerge;
  const bioColumns = mergeHeader.flatMap((name, i) => (/^match \d+ biography$/.test(String(name)) ? [i] : []));
  expect(bioColumns.length).toBeGreaterThan(0);
  for (const side of ['mentor', 'mentee'] as const) {
    const [own, other] = side === 'mentor' ? [0, 1] : [1, 0];
    const partners = new Map<string, string[]>();
    for (const pair of results.pairs.slice(1)) {
      const email = cleanEmail(pair[own]);
      partners.set(email, [...(partners.get(email) ?? []), bio.get(cleanEmail(pair[other]))!]);
    }
    for (const [email, bios] of partners) {
      const row = merge.find((r) => r[0] === `${side}-matched` && cleanEmail(r[1]) === email);
      expect(row, `${email} in the mail merge`).toBeDefined();
      const shown = bioColumns.map((i) => String(row![i] ?? '')).filter((text) => text !== '');
      expect(shown.sort()).toEqual([...bios].sort());
    }
  }

  // The superseded sign-ups, row by row, with the reason.
  const [skippedHeader, ...skipped] = results.skipped;
  expect(skippedHeader).toEqual(['file or sheet', 'row', 'email', 'reason']);
  expect(skipped.map((r) => Number(r[1]))).toEqual(exported.superseded.map((s) => s.row));
  for (const row of skipped) expect(String(row[3])).toMatch(/signed up again; the later sign-up on row \d+/);
}

describe('a Forms export to a match, by dropdowns and accepted suggestions only', () => {
  it('on the page, from a Windows-1252 CSV file', async () => {
    const { page } = await openApp(harness(), { viewport: { width: 350, height: 900 } });
    await page.waitForSelector('html[data-ready="standalone"]', { state: 'attached' });
    await chooseRadio(page, 'One table with a role column');
    const folder = await mkdtemp(join(tmpdir(), 'mentor-matcher-forms-'));
    await writeFile(join(folder, fileName), exported.bytes);
    await page.locator('input[type=file]').first().setInputFiles(join(folder, fileName));
    await eventually(() => statusText(page)).toContain(`Loaded ${fileName}`);
    await eventually(() => page.locator('.loaded-files').innerText()).toMatch(/Windows-1252/);
    await eventually(() => dropdownValueAt(page, '[data-focus="source-people"]')).not.toBe('');

    await chooseInDataStep(page);
    await matchInMatchStep(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-download="mentor-matches.xlsx"]').click(),
    ]);
    const bytes = new Uint8Array(await readFile(await download.path()));
    const sheet = (name: string) => {
      const table = readXlsx(bytes, { source: 'download', sheet: name });
      return [table.header, ...table.rows];
    };
    const saved = await page.evaluate(() => localStorage.getItem('mentor-matcher.settings.v1'));
    const aliases = (JSON.parse(saved!) as { data: { aliases: ValueAliases } }).data.aliases;
    await expectSameAsEngine(readCsv(exported.bytes, { source: fileName }), aliases, {
      pairs: sheet('Match Pairs'),
      mailMerge: sheet('Match Mail merge'),
      skipped: sheet('Match Skipped'),
    });

    // The same headers again (a reload, the export chosen again): the column choice is remembered.
    await page.reload();
    await page.waitForSelector('html[data-ready="standalone"]', { state: 'attached' });
    await chooseRadio(page, 'One table with a role column');
    await page.locator('input[type=file]').first().setInputFiles(join(folder, fileName));
    await eventually(() => statusText(page)).toContain(`Loaded ${fileName}`);
    await page.getByRole('button', { name: 'Read and check' }).click();
    await eventually(() => statusText(page)).toMatch(/mentees read; 0 errors/);
    await page.locator('details.columns summary').click();
    await eventually(() => dropdownValue(page, 'timestamp')).toBe('Start time');
    await page.context().close();
  }, 240_000);

  it('in the add-in, from a sheet of the workbook (fake Excel), with the choices saved in the workbook', async () => {
    const rows = [exported.table.header, ...exported.table.rows].map((row) => row.map((c) => (c === null ? '' : c)));
    const lastColumn = String.fromCharCode(64 + exported.table.header.length);
    const { page } = await openApp(harness(), {
      fakeOffice: {
        sheets: [{ name: 'Sign-ups', rows, tables: [{ name: 'SignUps', address: `A1:${lastColumn}${rows.length}` }] }],
      },
      viewport: { width: 350, height: 900 },
    });
    await page.waitForSelector('html[data-ready="excel"]', { state: 'attached' });
    await chooseRadio(page, 'One table with a role column');
    await eventually(() => dropdownValueAt(page, '[data-focus="source-people"]')).toBe('table:SignUps');

    // The README's screenshots of the Data step's Columns panel and alias suggestions, at 350 px.
    await chooseInDataStep(page, async (name) => {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await settled(page);
      await page.screenshot({ path: join(screenshots, `pane-${name}.png`) });
    });
    await matchInMatchStep(page);

    const sheetValues = (name: string) =>
      page.evaluate(
        (n) => (window as unknown as { __fakeWorkbook: { values(s: string): Cell[][] } }).__fakeWorkbook.values(n),
        name,
      );
    const saved = await page.evaluate(() => {
      const settings = (window as unknown as { __fakeSettings: Map<string, unknown> }).__fakeSettings;
      return settings.get('mentorMatcher') as { data: { aliases: ValueAliases; duplicates: string } };
    });
    expect(saved.data.duplicates).toBe('keep-latest');
    await expectSameAsEngine(exported.table, saved.data.aliases, {
      pairs: await sheetValues('Match Pairs'),
      mailMerge: await sheetValues('Match Mail merge'),
      skipped: await sheetValues('Match Skipped'),
    });
    await page.context().close();
  }, 240_000);
});
