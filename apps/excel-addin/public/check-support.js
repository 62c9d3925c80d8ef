// Runs before the app, as a classic script in ES5, so that webviews too old for the app (Internet
// Explorer 11 and the old Edge, which Excel 2019 and earlier use on Windows) get a plain message
// instead of "Loading" for ever: they never run the app's module script. The app needs WebAssembly,
// ES modules and module Web Workers. A browser that supports module workers reads the `type` option
// before it parses the worker's URL; the URL here never parses, so no worker starts.
/* global document, Worker, WebAssembly */
(function () {
  var moduleWorkers = false;
  try {
    new Worker('http://[', {
      get type() {
        moduleWorkers = true;
        return 'module';
      },
    });
    // ES5 has no catch without a binding.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
  } catch (ignored) {
    // The unparsable URL always throws; only whether `type` was read matters.
  }
  var modules = 'noModule' in document.createElement('script');
  if (typeof WebAssembly === 'object' && modules && moduleWorkers) return;
  document.documentElement.setAttribute('data-ready', 'unsupported');
  var app = document.getElementById('app');
  if (!app) return;
  app.innerHTML =
    '<p role="alert">Mentor Matcher needs a newer version of Excel or a newer browser: Microsoft 365, ' +
    'Excel 2021 or later, Excel on the web, or Excel for Mac, or a current Edge, Chrome, Firefox or ' +
    'Safari. Excel 2019 and earlier on Windows show add-ins in Internet Explorer or the old Edge, which ' +
    'cannot run it.</p>';
})();
