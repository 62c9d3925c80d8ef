import { describe, expect, it, vi } from 'vitest';
import { findBrowser, TestBrowserNotFoundError, type BundledChromium, type SearchEnvironment } from './find-browser.js';

/** A machine with these executable files (anything else is missing or not executable). */
function machine(
  options: {
    platform?: NodeJS.Platform;
    arch?: string;
    env?: Record<string, string>;
    executables?: string[];
    bundled?: () => Promise<BundledChromium | undefined>;
  } = {},
): SearchEnvironment & { bundledChromium: ReturnType<typeof vi.fn> } {
  const executables = new Set(options.executables ?? []);
  return {
    env: options.env ?? {},
    platform: options.platform ?? 'linux',
    arch: options.arch ?? 'x64',
    isExecutable: (path) => executables.has(path),
    bundledChromium: vi.fn(
      options.bundled ?? (async () => ({ executablePath: '/repo/node_modules/.cache/chromium', version: '143.0.4' })),
    ),
  };
}

describe('findBrowser', () => {
  it('uses CHROMIUM_PATH before any installed browser', async () => {
    const found = await findBrowser(
      machine({
        env: { CHROMIUM_PATH: '/opt/chromium/chrome', PATH: '/usr/bin' },
        executables: ['/opt/chromium/chrome', '/usr/bin/chromium'],
      }),
    );
    expect(found).toMatchObject({ executablePath: '/opt/chromium/chrome', source: 'CHROMIUM_PATH' });
  });

  it('refuses a CHROMIUM_PATH that is not executable instead of quietly using another browser', async () => {
    const search = findBrowser(
      machine({ env: { CHROMIUM_PATH: '/opt/missing', PATH: '/usr/bin' }, executables: ['/usr/bin/chromium'] }),
    );
    await expect(search).rejects.toThrow(
      /^CHROMIUM_PATH is \/opt\/missing, which is not an executable file: install Chromium/,
    );
  });

  it('looks on PATH for chromium, then chromium-browser, then google-chrome, skipping what it cannot run', async () => {
    const env = { PATH: '/home/me/bin:/usr/bin:/snap/bin' };
    const all = ['/usr/bin/google-chrome', '/snap/bin/chromium-browser', '/usr/bin/chromium'];
    expect(await findBrowser(machine({ env, executables: all }))).toMatchObject({
      executablePath: '/usr/bin/chromium',
      source: 'PATH',
    });
    expect(await findBrowser(machine({ env, executables: all.slice(0, 2) }))).toMatchObject({
      executablePath: '/snap/bin/chromium-browser',
    });
    expect(await findBrowser(machine({ env, executables: all.slice(0, 1) }))).toMatchObject({
      executablePath: '/usr/bin/google-chrome',
    });
  });

  it('prefers an installed browser to the bundled one, and does not unpack the bundled one then', async () => {
    const environment = machine({ env: { PATH: '/usr/bin' }, executables: ['/usr/bin/chromium'] });
    await findBrowser(environment);
    expect(environment.bundledChromium).not.toHaveBeenCalled();
  });

  it('finds Google Chrome where Playwright’s chrome channel looks on macOS', async () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const found = await findBrowser(
      machine({ platform: 'darwin', arch: 'arm64', env: { PATH: '/usr/bin' }, executables: [chrome] }),
    );
    expect(found).toMatchObject({ executablePath: chrome, source: 'chrome channel' });
  });

  it('finds chrome.exe under the Windows install roots, and .exe files on a semicolon-separated PATH', async () => {
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const env = {
      PATH: 'C:\\Windows;C:\\Tools',
      LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local',
      PROGRAMFILES: 'C:\\Program Files',
    };
    expect(await findBrowser(machine({ platform: 'win32', env, executables: [chrome] }))).toMatchObject({
      executablePath: chrome,
    });
    const onPath = await findBrowser(
      machine({ platform: 'win32', env, executables: [chrome, 'C:\\Tools\\chromium.exe'] }),
    );
    expect(onPath).toMatchObject({ executablePath: 'C:\\Tools\\chromium.exe', source: 'PATH' });
  });

  it('does not look for Chrome in the macOS or Windows places on Linux', async () => {
    const environment = machine({
      env: { PATH: '/usr/bin' },
      executables: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    });
    expect(await findBrowser(environment)).toMatchObject({ source: '@sparticuz/chromium' });
  });

  it('falls back to the Chromium bundled in @sparticuz/chromium on Linux x64', async () => {
    const environment = machine({ env: { PATH: '/usr/bin' } });
    expect(await findBrowser(environment)).toMatchObject({
      executablePath: '/repo/node_modules/.cache/chromium',
      source: '@sparticuz/chromium',
      description: '@sparticuz/chromium 143.0.4 (unpacked in node_modules/.cache)',
    });
    expect(environment.bundledChromium).toHaveBeenCalledOnce();
  });

  it('passes the bundled libraries to the browser when it starts only with them', async () => {
    const libraryPath = '/repo/node_modules/.cache/chromium-143.0.4/al2023/lib';
    const bundled = async () => ({
      executablePath: '/repo/node_modules/.cache/chromium',
      version: '143.0.4',
      libraryPath,
    });
    const found = await findBrowser(machine({ env: { PATH: '/usr/bin' }, bundled }));
    expect(found.env).toEqual({ LD_LIBRARY_PATH: libraryPath });
    expect(found.description).toContain('with its own NSS libraries');
  });

  it('adds nothing to the environment of a browser that starts with the system libraries', async () => {
    expect((await findBrowser(machine({ env: { PATH: '/usr/bin' } }))).env).toBeUndefined();
    const installed = await findBrowser(machine({ env: { PATH: '/usr/bin' }, executables: ['/usr/bin/chromium'] }));
    expect(installed.env).toBeUndefined();
  });

  it.each([
    ['linux', 'arm64'],
    ['darwin', 'x64'],
    ['win32', 'x64'],
  ] as const)(
    'on %s-%s with nothing installed, fails with one line that says what to install',
    async (platform, arch) => {
      const environment = machine({ platform, arch, env: { PATH: '/usr/bin' } });
      const error = await findBrowser(environment).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TestBrowserNotFoundError);
      expect((error as Error).message).not.toContain('\n');
      expect((error as Error).message).toMatch(/install Chromium or Google Chrome .*or set CHROMIUM_PATH/);
      expect(environment.bundledChromium).not.toHaveBeenCalled();
    },
  );

  it('fails with what to install when the bundled package is missing (npm install --omit=dev)', async () => {
    const search = findBrowser(machine({ env: { PATH: '/usr/bin' }, bundled: async () => undefined }));
    await expect(search).rejects.toThrow(TestBrowserNotFoundError);
  });

  it('reports the first line of an unpacking failure, then what to install', async () => {
    const search = findBrowser(
      machine({
        env: {},
        bundled: () => Promise.reject(new Error('Could not unpack the Chromium: ENOSPC\n    at stack')),
      }),
    );
    await expect(search).rejects.toThrow(
      /^Could not unpack the Chromium: ENOSPC; install Chromium or Google Chrome[^\n]*\.$/,
    );
  });
});
