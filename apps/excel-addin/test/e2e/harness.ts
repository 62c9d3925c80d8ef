// Shared set-up for the browser tests and the browser benchmark: build the app once, bundle the fake
// Office host for injection, serve the build on a local port, and launch the headless Chromium that
// @mentor-matcher/test-browser finds (an installed one, else the one npm install brings).
import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchTestBrowser, type FoundBrowser } from '@mentor-matcher/test-browser';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { build } from 'vite';
import { buildApp } from '../../scripts/build-app.js';
import { appRoot, createStaticServer, listen } from '../../scripts/static-server.js';
import type { FakeOfficeOptions } from '../support/fake-office.js';

/**
 * Where the tests' screenshots go: the README's pictures in docs/screenshots when asked for
 * (`npm run screenshots`, which sets UPDATE_SCREENSHOTS=1), else a temporary folder, so that an
 * ordinary test run takes every picture but leaves the working tree as it was.
 */
export function screenshotFolder(): string {
  const folder = process.env.UPDATE_SCREENSHOTS
    ? join(import.meta.dirname, '../../docs/screenshots')
    : join(tmpdir(), 'mentor-matcher-screenshots');
  mkdirSync(folder, { recursive: true });
  return folder;
}

const officeCdn = 'https://appsforoffice.microsoft.com/';
const officeDist = join(appRoot, '../../node_modules/@microsoft/office-js/dist');

export interface Harness {
  readonly origin: string;
  readonly browser: Browser;
  /** Which Chromium, and where it was found. */
  readonly found: FoundBrowser;
  readonly fakeOfficeScript: string;
  /** The built app's folder. */
  readonly dist: string;
  close(): Promise<void>;
}

async function bundleFakeOffice(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
    build: {
      write: false,
      minify: false,
      lib: {
        entry: join(appRoot, 'test/support/fake-office.ts'),
        formats: ['iife'],
        name: 'MentorMatcherFakeOffice',
        fileName: 'fake-office',
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if ('output' in result) {
      const chunk = result.output.find((o) => o.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('Bundling the fake Office host produced no code.');
}

/**
 * One harness for a test file: started before its tests (building the app takes a while, hence the
 * timeout) and closed after them. Call the returned function inside a test to get it.
 */
export function useHarness(startTimeoutMs: number): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  }, startTimeoutMs);
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (harness === undefined) throw new Error('the test harness has not started (its beforeAll failed or timed out)');
    return harness;
  };
}

export async function startHarness(): Promise<Harness> {
  // The browser first: where there is none, its one-line reason comes before the app is built.
  const { browser, found } = await launchTestBrowser();
  try {
    const outDir = await mkdtemp(join(tmpdir(), 'mentor-matcher-e2e-'));
    const [dist, fakeOfficeScript] = await Promise.all([buildApp(outDir), bundleFakeOffice()]);
    const server: Server = createStaticServer(dist);
    const port = await listen(server, 0, '127.0.0.1');
    return {
      origin: `http://127.0.0.1:${port}`,
      browser,
      found,
      fakeOfficeScript,
      dist,
      async close() {
        await browser.close();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export interface OpenedPage {
  readonly page: Page;
  /** Every URL the page asked for. */
  readonly requests: string[];
}

/**
 * Opens the app: with `fakeOffice`, the task pane with the fake Excel injected and office.js answered
 * with an empty script; without it, the standalone page. Where a page asks for office.js (taskpane.html
 * opened with `path`), it and its files are served from the npm package in place of Microsoft's CDN.
 */
export async function openApp(
  harness: Harness,
  options: { fakeOffice?: FakeOfficeOptions; viewport?: { width: number; height: number }; path?: string } = {},
): Promise<OpenedPage> {
  const context = await harness.browser.newContext({
    viewport: options.viewport ?? { width: 1100, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const requests: string[] = [];
  context.on('request', (request: Request) => requests.push(request.url()));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(harness.origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    if (url.startsWith(officeCdn)) {
      if (options.fakeOffice)
        return route.fulfill({
          status: 200,
          contentType: 'text/javascript',
          body: '/* the fake Office host is already installed */',
        });
      const file = new URL(url).pathname.replace(/^\/lib\/1\/hosted\//, '');
      try {
        return await route.fulfill({
          status: 200,
          contentType: 'text/javascript',
          body: await readFile(join(officeDist, file)),
        });
      } catch {
        return route.fulfill({ status: 404, body: '' });
      }
    }
    return route.abort();
  });
  if (options.fakeOffice) {
    await page.addInitScript(
      `${harness.fakeOfficeScript}\nMentorMatcherFakeOffice.installFakeOffice(window, ${JSON.stringify(options.fakeOffice)});`,
    );
  }
  // The pane Office opens (taskpane.html, with office.js) or the standalone page (index.html, without).
  await page.goto(`${harness.origin}/${options.path ?? (options.fakeOffice ? 'taskpane.html' : 'index.html')}`);
  return { page, requests };
}

/** Requests that went anywhere but the page's origin and Office's own script. */
export function foreignRequests(harness: Harness, requests: readonly string[]): string[] {
  return requests.filter(
    (url) =>
      !url.startsWith(harness.origin) &&
      !url.startsWith(officeCdn) &&
      !url.startsWith('blob:') &&
      !url.startsWith('data:'),
  );
}
