// The browser suite: one run in headless Chromium through the add-in's worker. The add-in owns the
// page and the measurement (`runBrowserBenchmark` in apps/excel-addin/bench/); this suite calls it
// when it exists and records what it returns, with the browser that ran it. The browser is the one
// the tests use (@mentor-matcher/test-browser: an installed Chromium or Chrome, else the one in
// @sparticuz/chromium); where there is none, every size is 'unavailable' with the one-line reason.
import { findTestBrowser } from '@mentor-matcher/test-browser';

/** What the add-in's entry point is expected to return: named figures in milliseconds, at least. */
export type BrowserFigures = Readonly<Record<string, unknown>>;

export type BrowserMeasurement =
  | { readonly size: number; readonly status: 'ok'; readonly figures: BrowserFigures }
  | { readonly size: number; readonly status: 'unavailable' | 'failed'; readonly reason: string };

type RunBrowserBenchmark = (options: { size: number }) => Promise<BrowserFigures>;

// A variable specifier keeps TypeScript from requiring the add-in's bench module at compile time:
// the benchmarks package does not depend on the add-in, so its build is not pulled into `check`.
const BROWSER_BENCH_MODULE = '@mentor-matcher/excel-addin/bench';

export async function runBrowserSuite(
  sizes: readonly number[],
  log: (line: string) => void = () => {},
): Promise<BrowserMeasurement[]> {
  let browser: string;
  try {
    browser = (await findTestBrowser()).description;
    log(`browser: ${browser}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`browser: ${reason}`);
    return sizes.map((size) => ({ size, status: 'unavailable', reason }));
  }
  let run: RunBrowserBenchmark;
  try {
    const module = (await import(BROWSER_BENCH_MODULE)) as { runBrowserBenchmark?: RunBrowserBenchmark };
    if (typeof module.runBrowserBenchmark !== 'function')
      throw new Error(`${BROWSER_BENCH_MODULE} has no runBrowserBenchmark export`);
    run = module.runBrowserBenchmark;
  } catch (error) {
    const reason = `the add-in's browser benchmark could not be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
    log(`browser: ${reason}`);
    return sizes.map((size) => ({ size, status: 'unavailable', reason }));
  }
  const measurements: BrowserMeasurement[] = [];
  for (const size of sizes) {
    try {
      const figures = await run({ size });
      log(`browser ${size}×${size}: ${JSON.stringify(figures)}`);
      measurements.push({ size, status: 'ok', figures: { ...figures, browser } });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log(`browser ${size}×${size}: FAILED (${reason})`);
      measurements.push({ size, status: 'failed', reason });
    }
  }
  return measurements;
}

function formatFigure(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(1);
  return typeof value === 'string' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

export function browserMarkdown(measurements: readonly BrowserMeasurement[]): string {
  const keys = [...new Set(measurements.flatMap((m) => (m.status === 'ok' ? Object.keys(m.figures) : [])))];
  const lines = [`| people per side | status | ${keys.join(' | ')} |`, `|---|---|${keys.map(() => '---').join('|')}|`];
  for (const m of measurements) {
    const cells = keys.map((k) => (m.status === 'ok' && k in m.figures ? formatFigure(m.figures[k]) : ''));
    lines.push(`| ${m.size} | ${m.status === 'ok' ? 'ok' : `${m.status}: ${m.reason}`} | ${cells.join(' | ')} |`);
  }
  lines.push(
    '',
    'Headless Chromium through `playwright-core` (`browser`: which one, as `@mentor-matcher/test-browser` found it); ' +
      "figures as reported by the add-in's `runBrowserBenchmark` (times in ms).",
  );
  return lines.join('\n') + '\n';
}
