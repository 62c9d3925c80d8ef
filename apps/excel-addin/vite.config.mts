// Vite builds the two pages (index.html, the standalone page, and taskpane.html, the add-in's pane
// with Office's script), their match worker, and the manifests for the base URL the site will be
// served from (ADDIN_BASE_URL, default https://localhost:3000; not BASE_URL, which Vite and vitest
// keep for the page's own base path). Workspace packages resolve to their
// TypeScript sources (the "source" export condition), so the app needs no prior library build
// apart from the solver's generated wasm module.
import { defaultClientConditions, defineConfig } from 'vite';
import { addinManifests, defaultBaseUrl } from './scripts/addin-manifests.js';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  publicDir: 'public',
  resolve: { conditions: ['source', ...defaultClientConditions] },
  worker: { format: 'es' },
  plugins: [addinManifests(import.meta.dirname, process.env.ADDIN_BASE_URL || defaultBaseUrl)],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Everything is served from the add-in's own origin; no inlined data: URLs beyond small assets.
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: {
        index: `${import.meta.dirname}/index.html`,
        taskpane: `${import.meta.dirname}/taskpane.html`,
      },
    },
  },
});
