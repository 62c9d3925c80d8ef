// Where the browser tests find a Chromium, in order: the one CHROMIUM_PATH names; an installed
// Chromium or Chrome (on PATH, or Google Chrome where Playwright's `chrome` channel looks on macOS
// and Windows); otherwise the Chromium that the @sparticuz/chromium devDependency ships inside its npm
// package (Linux x64 only), so that `npm install && npm test` needs nothing from the system.
import { posix, win32 } from 'node:path';

export type BrowserSource = 'CHROMIUM_PATH' | 'PATH' | 'chrome channel' | '@sparticuz/chromium';

export interface FoundBrowser {
  readonly executablePath: string;
  readonly source: BrowserSource;
  /** For logs and results: what was found and where, e.g. `chromium on PATH (/usr/bin/chromium)`. */
  readonly description: string;
  /** Variables to add to the browser's environment. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface BundledChromium {
  readonly executablePath: string;
  /** The @sparticuz/chromium package's version (its Chromium's major version). */
  readonly version: string;
  /** Set when the binary starts only with the libraries the package ships (a system without NSS). */
  readonly libraryPath?: string;
}

/** What the search reads from the machine; the tests pass their own. */
export interface SearchEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  /** A regular file this process may execute. */
  isExecutable(path: string): boolean;
  /** Unpacks the bundled Chromium (once) and says where; undefined when the package is missing. */
  bundledChromium(): Promise<BundledChromium | undefined>;
}

/** The names looked up on PATH, in order. */
export const pathNames = ['chromium', 'chromium-browser', 'google-chrome'] as const;

/**
 * Google Chrome's stable install locations, as Playwright's `chrome` channel looks them up
 * (playwright-core's browser registry): one path on macOS, one suffix under several roots on Windows.
 */
export function chromeChannelPaths(platform: NodeJS.Platform, env: SearchEnvironment['env']): string[] {
  if (platform === 'darwin') return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  if (platform !== 'win32') return [];
  const roots = [
    env.LOCALAPPDATA,
    env.PROGRAMFILES,
    env['PROGRAMFILES(X86)'],
    env.HOMEDRIVE && `${env.HOMEDRIVE}\\Program Files`,
    env.HOMEDRIVE && `${env.HOMEDRIVE}\\Program Files (x86)`,
  ];
  return roots
    .filter((root): root is string => Boolean(root))
    .map((root) => win32.join(root, 'Google\\Chrome\\Application\\chrome.exe'));
}

/** Whether @sparticuz/chromium's binary runs here: its npm package holds only a Linux x86-64 build. */
export function bundledChromiumRunsOn(platform: NodeJS.Platform, arch: string): boolean {
  return platform === 'linux' && arch === 'x64';
}

export class TestBrowserNotFoundError extends Error {
  override readonly name = 'TestBrowserNotFoundError';
}

const installHint =
  'install Chromium or Google Chrome (Debian/Ubuntu: apt-get install chromium; macOS/Windows: google.com/chrome), ' +
  'or set CHROMIUM_PATH to a Chromium executable';

function onPath(environment: SearchEnvironment): FoundBrowser | undefined {
  const windows = environment.platform === 'win32';
  const { join, delimiter } = windows ? win32 : posix;
  const folders = (environment.env.PATH ?? environment.env.Path ?? '').split(delimiter).filter(Boolean);
  for (const name of pathNames) {
    for (const folder of folders) {
      const candidate = join(folder, windows ? `${name}.exe` : name);
      if (environment.isExecutable(candidate)) {
        return { executablePath: candidate, source: 'PATH', description: `${name} on PATH (${candidate})` };
      }
    }
  }
  return undefined;
}

export async function findBrowser(environment: SearchEnvironment): Promise<FoundBrowser> {
  const configured = environment.env.CHROMIUM_PATH;
  if (configured) {
    // A path given on purpose that does not work is a mistake to report, not a reason to quietly
    // use another browser.
    if (!environment.isExecutable(configured)) {
      throw new TestBrowserNotFoundError(
        `CHROMIUM_PATH is ${configured}, which is not an executable file: ${installHint}.`,
      );
    }
    return { executablePath: configured, source: 'CHROMIUM_PATH', description: `CHROMIUM_PATH (${configured})` };
  }
  const installed = onPath(environment);
  if (installed) return installed;
  for (const candidate of chromeChannelPaths(environment.platform, environment.env)) {
    if (environment.isExecutable(candidate)) {
      return { executablePath: candidate, source: 'chrome channel', description: `Google Chrome (${candidate})` };
    }
  }
  if (bundledChromiumRunsOn(environment.platform, environment.arch)) {
    const bundled = await environment.bundledChromium().catch((error: unknown) => {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new TestBrowserNotFoundError(`${reason}; ${installHint}.`, { cause: error });
    });
    if (bundled) {
      const { executablePath, version, libraryPath } = bundled;
      const libraries = libraryPath ? ', with its own NSS libraries' : '';
      const description = `@sparticuz/chromium ${version} (unpacked in node_modules/.cache${libraries})`;
      const env = libraryPath ? { LD_LIBRARY_PATH: libraryPath } : undefined;
      return { executablePath, source: '@sparticuz/chromium', description, ...(env && { env }) };
    }
  }
  throw new TestBrowserNotFoundError(
    `No Chromium for the browser tests on ${environment.platform}-${environment.arch} ` +
      `(looked for CHROMIUM_PATH, ${pathNames.join(', ')} on PATH, Google Chrome, ` +
      `and the Chromium in @sparticuz/chromium, which runs on Linux x64 after npm install): ${installHint}.`,
  );
}
