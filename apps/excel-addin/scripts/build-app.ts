// Builds the app with Vite into `outDir` (dist/ by default); used by `serve`, the e2e tests and the
// browser benchmark.
import { join } from 'node:path';
import { build } from 'vite';
import { appRoot } from './static-server.js';

export async function buildApp(outDir = join(appRoot, 'dist')): Promise<string> {
  await build({
    configFile: join(appRoot, 'vite.config.mts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
