// `npm pack` gives a tarball that works where users put it: unpacked into an empty folder's
// node_modules (as `npm install` of the tarball would, without the network), run from plain Node
// ESM, and bundled by vite.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot, requireBuiltPackage } from './built-package.js';

const run = promisify(execFile);
// Runners such as Nx set FORCE_COLOR, which makes console.log colour the arrays the example prints.
const { FORCE_COLOR: _forceColor, ...plainEnv } = process.env;

const entry = `
import { createSolver, InfeasibleAssignmentError } from '@mentor-matcher/solver';
const solver = await createSolver();
const result = solver.linearSumAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]]);
let infeasible = '';
try { solver.linearSumAssignment([[Infinity]]); } catch (error) { infeasible = error instanceof InfeasibleAssignmentError ? error.name : String(error); }
console.log(JSON.stringify({ cols: Array.from(result.colIndices), total: result.total, infeasible }));
`;
const expected = { cols: [1, 0, 2], total: 5, infeasible: 'InfeasibleAssignmentError' };

describe('the npm pack tarball', () => {
  let folder: string;
  const runNode = (args: string[]) => run(process.execPath, args, { cwd: folder, env: { ...plainEnv, NO_COLOR: '1' } });
  let files: string[];

  beforeAll(async () => {
    requireBuiltPackage();
    folder = await mkdtemp(join(tmpdir(), 'solver-pack-'));
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', folder], { cwd: packageRoot });
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    files = packed.files.map((file) => file.path);
    const installed = join(folder, 'node_modules', '@mentor-matcher', 'solver');
    await mkdir(installed, { recursive: true });
    await run('tar', ['-xzf', join(folder, packed.filename), '-C', installed, '--strip-components=1']);
    await writeFile(join(folder, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await writeFile(join(folder, 'main.js'), entry);
  }, 60_000);

  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('ships the compiled package and README, not sources or tests', () => {
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('README.md');
    expect(
      files.filter((path) => path.includes('.test.') || path.startsWith('src/') || path.startsWith('assembly/')),
    ).toEqual([]);
  });

  it('runs from plain Node ESM in an empty folder', async () => {
    const { stdout } = await runNode(['main.js']);
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  it('runs the README example as printed', async () => {
    const readme = await readFile(join(folder, 'node_modules', '@mentor-matcher', 'solver', 'README.md'), 'utf8');
    const example = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    await writeFile(join(folder, 'readme-example.js'), example!);
    const { stdout } = await runNode(['readme-example.js']);
    expect(stdout.split('\n').slice(0, 2)).toEqual(['[ 0, 1, 2 ] [ 1, 0, 2 ] 5', '15']);
    expect(stdout).toContain('only 1 of the 2 rows be assigned');
  });

  it('works when bundled by vite', async () => {
    await build({
      root: folder,
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir: join(folder, 'bundle'),
        target: 'es2022',
        minify: false,
        lib: { entry: join(folder, 'main.js'), formats: ['es'], fileName: 'main' },
      },
    });
    // The bundle must not reach back into node_modules: run it from a folder without them.
    await rm(join(folder, 'node_modules'), { recursive: true });
    const { stdout } = await runNode([join(folder, 'bundle', 'main.js')]);
    expect(JSON.parse(stdout)).toEqual(expected);
  }, 60_000);
});
