// Office's real script (office.js from @microsoft/office-js, its whole dist/ folder served in place of
// Microsoft's CDN) under the task pane's own Content-Security-Policy: opened outside Office, the pane
// hears from Office.onReady that there is no host and runs as the standalone page, without waiting
// and without a policy violation. (That the standalone page never asks for it: privacy.test.ts.)
import { describe, expect, it } from 'vitest';
import { openApp, useHarness } from '../e2e/harness.js';

const officeJs = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Collects Content-Security-Policy violations from the first moment of the page (an init script). */
function recordViolations(): void {
  const seen: string[] = [];
  (window as unknown as { __violations: string[] }).__violations = seen;
  document.addEventListener('securitypolicyviolation', (e) =>
    seen.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
  );
}

const harness = useHarness(180_000);

describe('the task pane with the real office.js, outside Office', () => {
  it('loads office.js, hears there is no host, and falls back to the standalone page', async () => {
    const { page, requests } = await openApp(harness(), { path: 'taskpane.html' });
    await page.addInitScript(recordViolations);
    await page.reload();
    await page.waitForSelector('html[data-ready="standalone"]', { timeout: 15_000 });
    expect(requests).toContain(officeJs);
    const ready = await page.evaluate(async () => {
      const office = (window as unknown as { Office: typeof Office }).Office;
      const info = await office.onReady();
      return { host: info.host, excel: typeof (window as unknown as { Excel?: unknown }).Excel };
    });
    expect(ready).toEqual({ host: null, excel: 'undefined' });
    await page.getByRole('button', { name: 'Try with sample data' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await page.context().close();
  });
});
