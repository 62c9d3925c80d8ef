// Privacy, proved in headless Chromium on the standalone page after a whole run (load both CSV
// files, check, match, download): no request leaves the page's origin (not even for Office's script,
// which only the task pane loads), no
// request to the origin itself carries participant data or is anything but a GET, and the browser
// keeps nothing but the settings: no cookie, no sessionStorage, no IndexedDB, no Cache Storage, and
// localStorage holds only the settings key, in which no participant's email appears.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '@mentor-matcher/tabular';
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settingsKey } from '../../src/host/browser-settings.js';
import { openApp, useHarness } from '../e2e/harness.js';

const fixtures = join(import.meta.dirname, '../fixtures');
const emails = ['mentors.csv', 'mentees.csv'].flatMap((file) => {
  const table = readCsv(readFileSync(join(fixtures, file)), { source: file });
  const column = table.header.indexOf('email address');
  return table.rows.map((row) => String(row[column]));
});

const harness = useHarness(180_000);

describe('privacy on the standalone page', () => {
  it('sends nothing anywhere and stores nothing but the settings', async () => {
    const { page, requests } = await openApp(harness());
    const sent: { method: string; url: string; body: string }[] = [];
    page
      .context()
      .on('request', (request: Request) =>
        sent.push({ method: request.method(), url: request.url(), body: request.postData() ?? '' }),
      );
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
    await page.locator('#run-match').click();
    await page.locator('#downloads').waitFor({ timeout: 60_000 });
    await Promise.all([page.waitForEvent('download'), page.locator('[data-download="mentor-matches.xlsx"]').click()]);

    expect(requests.filter((url) => !url.startsWith(`${harness().origin}/`) && !/^(blob|data):/.test(url))).toEqual([]);
    expect(requests.some((url) => url.endsWith('/office.js'))).toBe(false);
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('undefined');
    for (const request of sent) {
      expect(request.method).toBe('GET');
      for (const email of emails) expect(`${request.url}\n${request.body}`).not.toContain(email);
    }

    const stored = await page.evaluate(async () => ({
      local: Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key) ?? ''])),
      session: sessionStorage.length,
      cookie: document.cookie,
      databases: (await indexedDB.databases()).map((db) => db.name),
      caches: await caches.keys(),
    }));
    expect(Object.keys(stored.local).every((key) => key === settingsKey)).toBe(true);
    for (const email of emails) expect(JSON.stringify(stored.local)).not.toContain(email);
    expect(stored.session).toBe(0);
    expect(stored.cookie).toBe('');
    expect(stored.databases).toEqual([]);
    expect(stored.caches).toEqual([]);
    expect(await page.context().cookies()).toEqual([]);
    await page.context().close();
  });
});

describe('the built page', () => {
  it('bundles only the pure email builder, never the Node-only Notify sender or its HTTP client', () => {
    const assets = join(harness().dist, 'assets');
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(scripts.some((name) => name.startsWith('match-worker'))).toBe(true);
    for (const name of scripts)
      expect(readFileSync(join(assets, name), 'utf8')).not.toMatch(/notifications-node-client|axios/);
  });
});

describe('the pages’ Content-Security-Policy', () => {
  const directives = (page: string) => {
    const html = readFileSync(join(import.meta.dirname, '../..', page), 'utf8');
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    return new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
  };

  it('lets the standalone page load and connect to nothing but its own origin', () => {
    const policy = directives('index.html');
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('lets the task pane load script from Office’s CDN as well, and connect only to its own origin', () => {
    const policy = directives('taskpane.html');
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    const remote = policy.get('script-src')?.filter((s) => s.startsWith('http'));
    expect(remote).toEqual(['https://appsforoffice.microsoft.com']);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });
});
