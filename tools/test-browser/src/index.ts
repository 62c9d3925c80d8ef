export {
  bundledChromiumRunsOn,
  chromeChannelPaths,
  findBrowser,
  pathNames,
  TestBrowserNotFoundError,
  type BrowserSource,
  type BundledChromium,
  type FoundBrowser,
  type SearchEnvironment,
} from './find-browser.js';
export { isExecutableFile, unpackBundledChromium } from './bundled-chromium.js';
export { testBrowserArgs } from './launch-args.js';
export { findTestBrowser, launchTestBrowser, systemEnvironment, type LaunchedTestBrowser } from './launch.js';
