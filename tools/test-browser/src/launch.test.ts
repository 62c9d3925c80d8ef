// The browser this machine's tests will use, launched with the shared arguments: a page, a module
// Web Worker, WebAssembly in both, and a 2D canvas (the add-in's heat map) all work with the GPU off.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBrowserArgs } from './launch-args.js';
import { launchTestBrowser, type LaunchedTestBrowser } from './launch.js';

// (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
const addWasm = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127, 3, 2, 1, 0, 7, 7, 1, 3, 97, 100, 100, 0, 0, 10, 9, 1,
  7, 0, 32, 0, 32, 1, 106, 11,
];
const add = `export async function add(a, b) {
  const { instance } = await WebAssembly.instantiate(new Uint8Array(${JSON.stringify(addWasm)}));
  return instance.exports.add(a, b);
}`;
const files: Record<string, string> = {
  '/add.js': add,
  '/worker.js': `import { add } from '/add.js';
    add(40, 2).then((sum) => postMessage(sum), (e) => postMessage(String(e)));`,
  '/index.html': `<!doctype html>
    <meta http-equiv="Content-Security-Policy"
      content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'">
    <canvas width="4" height="4"></canvas>
    <script type="module">
      import { add } from '/add.js';
      const context = document.querySelector('canvas').getContext('2d');
      context.fillStyle = 'rgb(200, 10, 10)';
      context.fillRect(0, 0, 4, 4);
      const worker = new Worker('/worker.js', { type: 'module' });
      window.results = Promise.all([
        add(2, 3),
        new Promise((resolve) => {
          worker.onmessage = (event) => resolve(event.data);
          worker.onerror = () => resolve('worker failed');
        }),
        Array.from(context.getImageData(1, 1, 1, 1).data),
        new Promise((resolve) => {
          const violated = (event) => resolve(event.effectiveDirective);
          document.addEventListener('securitypolicyviolation', violated, { once: true });
          fetch('http://example.invalid/').catch(() => {});
        }),
      ]);
    </script>`,
};

let server: Server;
let origin: string;
let launched: LaunchedTestBrowser;

beforeAll(async () => {
  server = createServer((request, response) => {
    const body = files[request.url ?? ''];
    response
      .writeHead(body ? 200 : 404, { 'content-type': request.url?.endsWith('.html') ? 'text/html' : 'text/javascript' })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  launched = await launchTestBrowser();
}, 120_000);

afterAll(async () => {
  await launched?.browser.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the test browser', () => {
  it('runs WebAssembly in a page and in a module worker, draws on a canvas, and keeps the page’s CSP', async () => {
    const page = await launched.browser.newPage();
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => 'results' in globalThis);
    const results = await page.evaluate(() => (globalThis as unknown as { results: Promise<unknown[]> }).results);
    expect(results).toEqual([5, 42, [200, 10, 10, 255], 'connect-src']);
  });

  it('is launched without the Lambda flags that would switch off web security', () => {
    expect(testBrowserArgs).not.toContain('--disable-web-security');
    expect(testBrowserArgs).not.toContain('--single-process');
  });
});
