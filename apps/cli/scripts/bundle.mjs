// The build's last step (`npm run build`, after tsc): bundles dist/cli.js with every workspace
// package and zod into one file, dist/mentor-matcher.mjs, which bin/mentor-matcher.js runs. Node
// otherwise resolves, reads and compiles about 200 modules on every start (95 of them zod's): 0.22
// s for `--help` against 0.15 s bundled, the same saving on every command. The GOV.UK Notify client
// is bundled too: left outside, its import would move to the bundle's top and load on every start.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const appRoot = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: appRoot,
  entryPoints: ['dist/cli.js'],
  outfile: 'dist/mentor-matcher.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS among the bundled modules may require Node's own modules, which an ES module cannot
  // do without a `require` of its own.
  banner: {
    js: "import { createRequire as bundleRequire } from 'node:module';\nconst require = bundleRequire(import.meta.url);",
  },
  legalComments: 'eof',
  logLevel: 'warning',
});
