// Unpacks the Chromium that @sparticuz/chromium ships brotli-compressed inside its npm package.
//
// Its own `executablePath()` always unpacks into os.tmpdir() (chromium, its SwiftShader libraries
// beside it, fonts/) and returns /tmp/chromium whenever that file exists, complete or not. Two test
// processes starting together (nx runs two projects at a time) or a run stopped mid-unpack would then
// launch a half-written binary. So it runs here in a child process whose TMPDIR is a fresh folder, and
// the finished folder is renamed into place in one step: a folder under the final name is always
// complete, and the process that loses a race to rename simply uses the winner's.
//
// The binary needs NSS, NSPR and expat from the system (libnss3 and friends). A desktop has them; a
// slim container may not. The package also ships them, built for Amazon Linux 2023 (glibc 2.34 or
// later), and unpacks them only where it detects AWS Lambda, so the child says it runs there. They
// are used only when the binary does not start without them (probed with --version, 50 ms).
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { BundledChromium } from './find-browser.js';

const run = promisify(execFile);

export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

interface BundledPackage {
  /** The package's CommonJS entry, loaded by the child process. */
  readonly entry: string;
  readonly version: string;
  /** The node_modules folder that holds @sparticuz/chromium. */
  readonly nodeModules: string;
}

async function locatePackage(): Promise<BundledPackage | undefined> {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  } catch {
    return undefined;
  }
  // entry is <node_modules>/@sparticuz/chromium/build/cjs/index.cjs; its exports hide package.json.
  const root = join(dirname(entry), '..', '..');
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  return { entry, version, nodeModules: join(root, '..', '..') };
}

/**
 * The unpacked binary, under node_modules/.cache/ (one folder per package version, per checkout,
 * gone with node_modules). Unpacks it first when needed: about 190 MB, 3 s on a 2-core machine.
 */
export async function unpackBundledChromium(): Promise<BundledChromium | undefined> {
  const found = await locatePackage();
  if (!found) return undefined;
  const cache = join(found.nodeModules, '.cache', 'mentor-matcher-test-browser');
  const folder = join(cache, `chromium-${found.version}`);
  const binary = join(folder, 'chromium');
  const libraries = join(folder, 'al2023', 'lib');
  if (!isExecutableFile(binary)) await unpack(found, cache, folder, binary);
  return { executablePath: binary, version: found.version, ...(await libraryPathNeeded(binary, libraries)) };
}

async function unpack(found: BundledPackage, cache: string, folder: string, binary: string): Promise<void> {
  await mkdir(cache, { recursive: true });
  const staging = await mkdtemp(join(cache, `chromium-${found.version}.unpacking-`));
  try {
    const entry = JSON.stringify(found.entry);
    const script = `require(${entry}).executablePath().then((path) => process.stdout.write(path))`;
    const { stdout } = await run(process.execPath, ['-e', script], {
      env: { ...process.env, TMPDIR: staging, AWS_LAMBDA_JS_RUNTIME: 'nodejs20.x' },
      timeout: 300_000,
    });
    if (stdout !== join(staging, 'chromium')) {
      throw new Error(`@sparticuz/chromium unpacked to ${stdout}, not into ${staging}`);
    }
    await rename(staging, folder).catch(async (error: NodeJS.ErrnoException) => {
      // Another process finished first: its folder is complete, so keep it.
      if ((error.code === 'ENOTEMPTY' || error.code === 'EEXIST') && isExecutableFile(binary)) return;
      throw error;
    });
  } catch (error) {
    throw new Error(
      `Could not unpack the Chromium in @sparticuz/chromium ${found.version} into ${cache}: ${String(error)}`,
      { cause: error },
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Nothing when the binary starts with the system's libraries, else the LD_LIBRARY_PATH it needs. */
async function libraryPathNeeded(binary: string, libraries: string): Promise<{ libraryPath?: string }> {
  const starts = (env: NodeJS.ProcessEnv) =>
    run(binary, ['--version'], { env, timeout: 30_000 }).then(
      () => undefined,
      (error: Error & { stderr?: string }) => (error.stderr || error.message).trim().split('\n')[0],
    );
  const withSystemLibraries = await starts(process.env);
  if (withSystemLibraries === undefined) return {};
  const libraryPath = [libraries, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  const withBundledLibraries = await starts({ ...process.env, LD_LIBRARY_PATH: libraryPath });
  if (withBundledLibraries === undefined) return { libraryPath };
  throw new Error(`The Chromium in @sparticuz/chromium does not start here: ${withSystemLibraries}`);
}
