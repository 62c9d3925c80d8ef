// Excel 2019 and earlier on Windows show add-ins in Internet Explorer 11 or the old Edge, which have
// no WebAssembly, no ES modules or no module workers, and never run the app's module script. A classic
// script (public/check-support.js) says so in plain words instead of "Loading" for ever. Chromium
// plays the old webview here: an init script takes away one feature before the page's scripts run.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, useHarness } from '../e2e/harness.js';

const harness = useHarness(180_000);

/** Opens `path` with `takeAway` run before any of the page's scripts; resolves once the page has loaded. */
async function openWithout(path: string, takeAway: () => void): Promise<Page> {
  const { page } = await openApp(harness(), { path });
  await page.addInitScript(takeAway);
  await page.reload();
  return page;
}

async function expectUnsupportedMessage(page: Page): Promise<void> {
  await page.waitForSelector('html[data-ready="unsupported"]');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.innerText();
  for (const needed of ['Microsoft 365', 'Excel 2021', 'Excel on the web', 'Excel 2019'])
    expect(text).toContain(needed);
  expect(await page.locator('#app').innerText()).not.toContain('Loading');
}

describe('a webview too old for the app', () => {
  it('without WebAssembly, says which versions of Excel are needed', async () => {
    const page = await openWithout('index.html', () => {
      delete (window as { WebAssembly?: unknown }).WebAssembly;
    });
    await expectUnsupportedMessage(page);
    await page.context().close();
  });

  it('without ES modules, says so (its module script would never run)', async () => {
    const page = await openWithout('index.html', () => {
      delete (HTMLScriptElement.prototype as { noModule?: boolean }).noModule;
    });
    await expectUnsupportedMessage(page);
    await page.context().close();
  });

  it('without module workers (Worker ignores its options, as in the old Edge), says so', async () => {
    const page = await openWithout('index.html', () => {
      const Original = window.Worker;
      window.Worker = function Worker(url: string | URL) {
        return new Original(url);
      } as unknown as typeof window.Worker;
    });
    await expectUnsupportedMessage(page);
    await page.context().close();
  });

  it('in the task pane, with office.js loaded, says so too', async () => {
    const page = await openWithout('taskpane.html', () => {
      delete (window as { WebAssembly?: unknown }).WebAssembly;
    });
    await expectUnsupportedMessage(page);
    await page.context().close();
  });
});

describe('a current browser', () => {
  it('passes the check without a policy violation and runs the app', async () => {
    const page = await openWithout('index.html', () => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.waitForSelector('html[data-ready="standalone"]');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await page.context().close();
  });
});
