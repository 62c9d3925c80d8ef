// The review step end to end, on the 500 × 500 generated sample, in the standalone page and in the
// task pane with the fake Excel: match, open a mentee, lock one pair, forbid another, swap a third,
// undo; each re-solve's summary is checked against the engine run directly in Node with the same
// locks and forbids. Every step is checked with axe-core at 350 px and at 1280 px.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getPreset, matchTables, parseRuleSet, type RuleSet } from '@mentor-matcher/engine';
import { generateMentorMatchData } from '@mentor-matcher/sample-data';
import { createSolver } from '@mentor-matcher/solver';
import type { Cell, Table } from '@mentor-matcher/tabular';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultPreset } from '../../src/default-preset.js';
import type { FakeSheetInit } from '../support/fake-workbook.js';
import { expectAccessible } from './axe.js';
import { eventually, settled } from './eventually.js';
import { chooseOption, dropdownValueAt } from './fluent-fields.js';
import { foreignRequests, openApp, screenshotFolder, useHarness } from './harness.js';

const screenshots = screenshotFolder();
const size = 500;
const sample = generateMentorMatchData({ mentors: size, mentees: size, seed: 2026 });
const preset = getPreset(defaultPreset);
const pane = { width: 350, height: 900 };
const desktop = { width: 1280, height: 900 };

function sheet(name: string, table: Table): FakeSheetInit {
  const rows = [table.header, ...table.rows].map((row) => row.map((cell: Cell) => (cell === null ? '' : cell)));
  const lastColumn = String.fromCharCode(64 + table.header.length);
  return { name, rows, tables: [{ name, address: `A1:${lastColumn}${rows.length}` }] };
}

async function engineTotals(ruleSet: RuleSet) {
  const run = matchTables(
    { kind: 'two-tables', mentors: sample.mentors, mentees: sample.mentees },
    { ruleSet, solver: await createSolver() },
  );
  if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
  return { matched: run.result.summary.mentees.matched, total: run.result.summary.totalScore };
}

/** The change card's numbers once its title says `action`. */
async function changeAfter(page: Page, action: RegExp) {
  const card = page.locator('#review-change');
  await card.locator('h3', { hasText: action }).waitFor({ timeout: 60_000 });
  const read = async (name: string) => Number(await card.getAttribute(`data-${name}`));
  return {
    before: { matched: await read('before-matched'), total: await read('before-total') },
    after: { matched: await read('after-matched'), total: await read('after-total') },
  };
}

/** Opens the first matched mentee in the list not in `skip`; returns their id and their first partner's. */
async function openMatchedMentee(page: Page, skip: readonly string[]): Promise<{ mentee: string; partner: string }> {
  const rows = page.locator('button.person[data-matched="true"]');
  await rows.first().waitFor();
  const ids = await rows.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-person') ?? ''));
  const mentee = ids.find((id) => !skip.includes(id));
  if (!mentee) throw new Error('no matched mentee left to open');
  await page.locator(`button.person[data-person="${mentee}"]`).click();
  await page.locator('#person-name').waitFor();
  const partner = await page.locator('[data-pair]').first().getAttribute('data-pair');
  return { mentee, partner: partner ?? '' };
}

/** Every step's accessibility at the page's current width. */
/** At 500 a side the heat map sorts its rows and columns and labels blocks of people. */
/** Writes a screenshot of the page for the README (the task pane run only), or nothing. */
type Shoot = (name: string) => Promise<void>;
const noShots: Shoot = async () => undefined;

async function checkHeatmap(page: Page, shoot: Shoot): Promise<void> {
  await page.getByRole('tab', { name: 'Show work' }).click();
  await eventually(() => page.locator('#heatmap-note').textContent()).toContain(
    'sorted so that people with similar partners',
  );
  await page.locator('canvas.heatmap').focus();
  await page.keyboard.press('ArrowDown');
  await eventually(() => page.locator('#heatmap-cell').textContent()).toMatch(/^.+ … .+ \(2\) with .+ … .+ \(2\): /);
  await shoot('7-show-the-work');
}

async function checkEveryStep(page: Page, width: string): Promise<void> {
  for (const tab of ['Data', 'Rules', 'Match', 'Review', 'Show work']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.locator(`#panel[aria-labelledby="tab-${tab === 'Show work' ? 'work' : tab.toLowerCase()}"]`).waitFor();
    // The game's board too: its cells are buttons with scores on them.
    if (tab === 'Show work' && (await page.locator('#beat-board button').count()) === 0) {
      await page.locator('#new-sample').click();
      await page.locator('#beat-board button').first().waitFor();
    }
    await expectAccessible(page, `${tab} at ${width}`);
    if (width === '350 px') await noHorizontalScroll(page);
  }
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await eventually(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
}

/** Match, then lock, forbid, swap and undo, each checked against the engine. */
async function reviewAndCheck(page: Page, shoot: Shoot = noShots): Promise<RuleSet> {
  await page.getByRole('tab', { name: 'Match' }).click();
  await page.locator('#run-match').click();
  await page
    .getByRole('status')
    .filter({ hasText: /Done in/ })
    .waitFor({ timeout: 120_000 });
  await expectAccessible(page, 'Match with results at 350 px');
  await shoot('3-match');
  await page.getByRole('tab', { name: 'Review' }).click();
  const baseline = await engineTotals(preset);
  await eventually(() => page.locator('#review-totals').textContent()).toContain(
    `${baseline.matched} of ${size} mentees matched`,
  );
  await expectAccessible(page, 'the review list at 350 px');
  await noHorizontalScroll(page);
  await shoot('4-review-list');

  // Lock the first matched mentee's pair.
  const first = await openMatchedMentee(page, []);
  await shoot('5-review-person');
  await expectAccessible(page, 'a person in the review at 350 px');
  await noHorizontalScroll(page);
  await page
    .locator(`[data-pair="${first.partner}"]`)
    .getByRole('button', { name: /^Lock / })
    .click();
  const locked: RuleSet = { ...preset, lockedPairs: [{ mentor: first.partner, mentee: first.mentee }] };
  let change = await changeAfter(page, /^Locked /);
  // A lock on a pair already chosen changes nothing else: among equal optima the nearest is kept.
  const card = page.locator('#review-change');
  expect({ added: await card.getAttribute('data-added'), removed: await card.getAttribute('data-removed') }).toEqual({
    added: '0',
    removed: '0',
  });
  await card.getByText('No pair was added or removed.').waitFor();
  let expected = await engineTotals(locked);
  expect(change).toEqual({
    before: { matched: baseline.matched, total: baseline.total },
    after: { matched: expected.matched, total: expected.total },
  });
  await expect.poll(() => page.locator(`[data-pair="${first.partner}"] .badge`).textContent()).toBe('locked');
  // Focus stays on the pair's button (now Unlock), where the work is.
  await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('data-focus') ?? '')).toBe(
    `lock-${first.partner}`,
  );
  await expectAccessible(page, 'a re-solve’s summary at 350 px');
  await page.locator('#review-change').scrollIntoViewIfNeeded();
  await shoot('6-review-change');

  // Forbid a second mentee's pair.
  await page.getByRole('button', { name: 'Back to the list' }).click();
  const second = await openMatchedMentee(page, [first.mentee]);
  await page
    .locator(`[data-pair="${second.partner}"]`)
    .getByRole('button', { name: /^Forbid / })
    .click();
  const forbidden: RuleSet = { ...locked, forbiddenPairs: [{ mentor: second.partner, mentee: second.mentee }] };
  const before = expected;
  change = await changeAfter(page, /^Forbade /);
  expected = await engineTotals(forbidden);
  expect(change).toEqual({
    before: { matched: before.matched, total: before.total },
    after: { matched: expected.matched, total: expected.total },
  });

  // Swap a third mentee's mentor for their best candidate.
  await page.getByRole('button', { name: 'Back to the list' }).click();
  const third = await openMatchedMentee(page, [first.mentee, second.mentee]);
  const candidate = page.locator('[data-candidate]').first();
  const to = (await candidate.getAttribute('data-candidate')) ?? '';
  await candidate.getByRole('button', { name: /^Swap / }).click();
  const swapped: RuleSet = {
    ...forbidden,
    lockedPairs: [...forbidden.lockedPairs, { mentor: to, mentee: third.mentee }],
    forbiddenPairs: [...forbidden.forbiddenPairs, { mentor: third.partner, mentee: third.mentee }],
  };
  change = await changeAfter(page, /^Swapped /);
  const beforeSwap = expected;
  expected = await engineTotals(swapped);
  expect(change).toEqual({
    before: { matched: beforeSwap.matched, total: beforeSwap.total },
    after: { matched: expected.matched, total: expected.total },
  });
  await page.locator(`[data-pair="${to}"] .badge`).waitFor();

  // Undo the swap.
  await page.locator('#review-undo').click();
  change = await changeAfter(page, /^Undone/);
  expect(change.after).toEqual({ matched: beforeSwap.matched, total: beforeSwap.total });
  await checkHeatmap(page, shoot);
  return forbidden;
}

const harness = useHarness(180_000);

describe('the review step on the 500 × 500 sample', () => {
  it('in the standalone page: lock, forbid, swap and undo agree with the engine; decisions go to a file', async () => {
    const { page, requests } = await openApp(harness(), { viewport: pane });
    await page.waitForSelector('html[data-ready="standalone"]');
    await chooseOption(page, 'Sample size', `${size} × ${size}`);
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Sample data: ${size} made-up mentors` })
      .waitFor();
    await page.getByRole('button', { name: 'Read and check' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${size} mentors and ${size} mentees read` })
      .waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'Data at 350 px');
    // The README's screenshots of the page: its Data step and its results, at 350 px.
    const shoot: Shoot = async (name) => {
      if (name !== '3-match') return;
      await page.locator('#downloads').scrollIntoViewIfNeeded();
      await settled(page);
      await page.screenshot({ path: join(screenshots, 'page-2-results.png') });
    };
    await settled(page);
    await page.screenshot({ path: join(screenshots, 'page-1-data.png') });
    await noHorizontalScroll(page);

    const decided = await reviewAndCheck(page, shoot);

    await page.getByRole('tab', { name: 'Review' }).click();
    await page.locator('#decisions summary').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#decisions-save').click()]);
    const saved = parseRuleSet(JSON.parse(await readFile(await file.path(), 'utf8')));
    expect(saved.ok && { locked: saved.ruleSet.lockedPairs, forbidden: saved.ruleSet.forbiddenPairs }).toEqual({
      locked: decided.lockedPairs,
      forbidden: decided.forbiddenPairs,
    });

    await checkEveryStep(page, '350 px');
    await page.setViewportSize(desktop);
    await checkEveryStep(page, '1280 px');
    expect(foreignRequests(harness(), requests)).toEqual([]);
    await page.context().close();
  });

  it('in the task pane: the same, with the decisions saved in the workbook and written into Match Pairs', async () => {
    const { page } = await openApp(harness(), {
      fakeOffice: { sheets: [sheet('Mentors', sample.mentors), sheet('Mentees', sample.mentees)] },
      viewport: pane,
    });
    await page.waitForSelector('html[data-ready="excel"]');
    await eventually(() => dropdownValueAt(page, '[data-focus="source-mentees"]')).toBe('table:Mentees');
    await page.getByRole('button', { name: 'Read and check' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${size} mentors and ${size} mentees read` })
      .waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'Data in the pane at 350 px');
    // The README's screenshots: every step of the pane at 350 px.
    const shoot: Shoot = async (name) => {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await settled(page);
      await page.screenshot({ path: join(screenshots, `pane-${name}.png`) });
    };
    await shoot('1-data');
    await page.getByRole('tab', { name: 'Rules' }).click();
    await page.getByRole('textbox', { name: 'Rule set name', exact: true }).waitFor();
    await shoot('2-rules');

    const decided = await reviewAndCheck(page, shoot);

    const savedDecisions = () =>
      page.evaluate(() => {
        const settings = (window as unknown as { __fakeSettings: Map<string, unknown> }).__fakeSettings;
        const saved = settings.get('mentorMatcher') as { ruleSet?: RuleSet } | undefined;
        return { locked: saved?.ruleSet?.lockedPairs, forbidden: saved?.ruleSet?.forbiddenPairs };
      });
    await eventually(savedDecisions).toEqual({ locked: decided.lockedPairs, forbidden: decided.forbiddenPairs });
    const lockedInSheet = async () => {
      const rows = await page.evaluate(() =>
        (window as unknown as { __fakeWorkbook: { values(s: string): unknown[][] } }).__fakeWorkbook.values(
          'Match Pairs',
        ),
      );
      const lock = rows[0].indexOf('lock');
      return rows
        .slice(1)
        .filter((row) => row[lock] === 'yes')
        .map((row) => ({ mentor: row[0], mentee: row[1] }));
    };
    await eventually(lockedInSheet).toEqual(decided.lockedPairs);
    const decisionsSheet = async () =>
      (
        await page.evaluate(() =>
          (window as unknown as { __fakeWorkbook: { values(s: string): unknown[][] } }).__fakeWorkbook.values(
            'Match Decisions',
          ),
        )
      )
        .slice(1)
        .map((row) => `${String(row[4])} ${String(row[0])} ${String(row[1])}`);
    await eventually(decisionsSheet).toEqual([
      ...decided.lockedPairs.map((p) => `locked ${p.mentor} ${p.mentee}`),
      ...decided.forbiddenPairs.map((p) => `forbidden ${p.mentor} ${p.mentee}`),
    ]);

    await checkEveryStep(page, '350 px');
    await page.setViewportSize(desktop);
    await checkEveryStep(page, '1280 px');
    // Office's dark themes reach the page as the system's colour scheme: Fluent's dark tokens.
    await page.emulateMedia({ colorScheme: 'dark' });
    await eventually(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await checkEveryStep(page, '1280 px, dark');
    await page.emulateMedia({ colorScheme: 'light' });
    // The narrowest pane Office gives: still nothing to scroll sideways.
    await page.setViewportSize({ width: 320, height: 900 });
    for (const tab of ['Data', 'Rules', 'Match', 'Review', 'Show work']) {
      await page.getByRole('tab', { name: tab }).click();
      await noHorizontalScroll(page);
    }
    await page.context().close();
  });

  it('moves between the steps with the arrow keys, and the focus stays on the tabs', async () => {
    const { page } = await openApp(harness(), { viewport: pane });
    await page.waitForSelector('html[data-ready="standalone"]');
    await page.getByRole('tab', { name: 'Data' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('#panel[aria-labelledby="tab-rules"]').waitFor();
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('tab-rules');
    await page.keyboard.press('End');
    await page.locator('#panel[aria-labelledby="tab-work"]').waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.locator('#panel[aria-labelledby="tab-review"]').waitFor();
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('tab-review');
    await page.context().close();
  });
});
