import { arch, platform } from 'node:process';
import { chromium, type Browser } from 'playwright-core';
import { isExecutableFile, unpackBundledChromium } from './bundled-chromium.js';
import { findBrowser, type FoundBrowser, type SearchEnvironment } from './find-browser.js';
import { testBrowserArgs } from './launch-args.js';

export const systemEnvironment: SearchEnvironment = {
  env: process.env,
  platform,
  arch,
  isExecutable: isExecutableFile,
  bundledChromium: unpackBundledChromium,
};

let found: Promise<FoundBrowser> | undefined;

/** This machine's browser for the tests, searched once per process. */
export function findTestBrowser(): Promise<FoundBrowser> {
  found ??= findBrowser(systemEnvironment);
  return found;
}

export interface LaunchedTestBrowser {
  readonly browser: Browser;
  readonly found: FoundBrowser;
}

/** Launches this machine's browser headless, with the shared arguments. */
export async function launchTestBrowser(): Promise<LaunchedTestBrowser> {
  const target = await findTestBrowser();
  const browser = await chromium.launch({
    executablePath: target.executablePath,
    args: [...testBrowserArgs],
    ...(target.env && { env: { ...process.env, ...target.env } }),
  });
  return { browser, found: target };
}
