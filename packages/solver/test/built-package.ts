// Where the built package lives, for the tests that exercise it as users get it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** Fails with the fix when dist/ is missing (the Nx test target builds it first). */
export function requireBuiltPackage(): void {
  if (!existsSync(`${packageRoot}dist/index.js`)) {
    throw new Error(`${packageRoot}dist/index.js is missing: run "npm run build" in packages/solver first`);
  }
}
