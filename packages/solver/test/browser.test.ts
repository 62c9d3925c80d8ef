// The built package in headless Chromium (whichever @mentor-matcher/test-browser finds): imported by
// a page and by a module Web Worker, straight from dist/ over http (no bundler), which is how the
// embedded wasm must load without a fetch.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchTestBrowser } from '@mentor-matcher/test-browser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot, requireBuiltPackage } from './built-package.js';

const solveScript = `
  import { createSolver } from '/dist/index.js';
  export async function solve() {
    const solver = await createSolver();
    const result = solver.linearSumAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]]);
    return { cols: Array.from(result.colIndices), total: result.total };
  }
  // 5,000 x 5,000 (200 MB of costs in wasm memory) with the identity as its unique optimum.
  export async function solveLarge() {
    const solver = await createSolver();
    const n = 5000;
    const data = new Float64Array(n * n).fill(1);
    for (let i = 0; i < n; i++) data[i * n + i] = 0;
    const result = solver.linearSumAssignment({ data, rows: n, cols: n });
    return { pairs: result.colIndices.length, identity: result.colIndices.every((j, i) => j === i), total: result.total };
  }
`;
const pages: Record<string, string> = {
  '/solve.js': solveScript,
  '/worker.js': `import { solve, solveLarge } from '/solve.js';
    Promise.all([solve(), solveLarge()]).then(([small, large]) => postMessage({ ...small, large }), (e) => postMessage({ error: String(e) }));`,
  '/page.html': `<!doctype html><script type="module">
    import { solve } from '/solve.js';
    window.pageResult = solve().catch((e) => ({ error: String(e) }));
    window.workerResult = new Promise((resolve) => {
      const worker = new Worker('/worker.js', { type: 'module' });
      worker.onmessage = (event) => resolve(event.data);
      worker.onerror = (event) => resolve({ error: event.message || 'worker failed to load' });
    });
  </script>`,
};

describe('the built package in headless Chromium', () => {
  let server: Server;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    requireBuiltPackage();
    const serve = async (request: IncomingMessage, response: ServerResponse) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const type = path.endsWith('.html') ? 'text/html' : 'text/javascript';
      const inline = pages[path];
      const body =
        inline ??
        (path.startsWith('/dist/')
          ? await readFile(`${packageRoot}${path.slice(1)}`).catch(() => undefined)
          : undefined);
      response.writeHead(body === undefined ? 404 : 200, { 'content-type': type }).end(body);
    };
    server = createServer((request, response) => void serve(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ({ browser } = await launchTestBrowser());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('solves a small matrix in a page, and a small and a 5,000 × 5,000 one in a module Web Worker', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/page.html`);
    await page.waitForFunction(() => 'workerResult' in globalThis);
    const expected = { cols: [1, 0, 2], total: 5 };
    expect(await page.evaluate(() => (globalThis as unknown as { pageResult: Promise<unknown> }).pageResult)).toEqual(
      expected,
    );
    expect(
      await page.evaluate(() => (globalThis as unknown as { workerResult: Promise<unknown> }).workerResult),
    ).toEqual({
      ...expected,
      large: { pairs: 5000, identity: true, total: 0 },
    });
  }, 60_000);
});
