// The one argument list every browser test and the browser benchmark launch Chromium with.
// Not @sparticuz/chromium's own `args`: those are for AWS Lambda and include --disable-web-security
// and --single-process, which would switch off the same-origin and Content-Security-Policy checks
// that the privacy tests rely on. Its binary (a headless shell) needs nothing beyond these: pages,
// module workers, WebAssembly and a 2D canvas all run with the GPU off (checked by this package's
// own test and by the solver's and the add-in's browser tests).
export const testBrowserArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
