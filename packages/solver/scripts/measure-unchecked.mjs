/* global WebAssembly */
// Measures what `unchecked()` buys: the release wasm against the same source compiled with
// `--uncheckedBehavior never` (every array access bounds-checked), on the same matrices, in CPU
// time of the solve alone. Run after `npm run build`: node scripts/measure-unchecked.mjs [n ...]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(
  'npx',
  [
    'asc',
    'assembly/index.ts',
    '--config',
    'asconfig.json',
    '--target',
    'release',
    '--uncheckedBehavior',
    'never',
    '-o',
    'build/release-checked.wasm',
    '-t',
    'build/release-checked.wat',
  ],
  { cwd: root, stdio: 'inherit' },
);

async function load(file) {
  const { instance } = await WebAssembly.instantiate(readFileSync(`${root}build/${file}`), {
    env: {
      abort: () => {
        throw new Error('wasm abort');
      },
    },
  });
  return instance.exports;
}

function randomCosts(n, integerSpread) {
  const data = new Float64Array(n * n);
  for (let k = 0; k < data.length; k++) {
    data[k] = integerSpread ? Math.floor(Math.random() * integerSpread) : Math.random();
  }
  return data;
}

function solveCpuMs(wasm, data, n) {
  const costs = wasm.alloc(n * n * 8);
  const col4row = wasm.alloc(n * 4);
  const rowDuals = wasm.alloc(n * 8);
  const colDuals = wasm.alloc(n * 8);
  try {
    new Float64Array(wasm.memory.buffer, costs, n * n).set(data);
    const start = process.cpuUsage();
    wasm.lsapSolve(costs, n, n, col4row, rowDuals, colDuals);
    return process.cpuUsage(start).user / 1000;
  } finally {
    for (const pointer of [costs, col4row, rowDuals, colDuals]) wasm.free(pointer);
  }
}

const builds = { unchecked: await load('release.wasm'), 'every access checked': await load('release-checked.wasm') };
const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [1000, 2000];
for (const n of sizes) {
  const matrices = [randomCosts(n), randomCosts(n), randomCosts(n), randomCosts(n, 1000)];
  const best = Object.fromEntries(Object.keys(builds).map((name) => [name, matrices.map(() => Infinity)]));
  for (let repeat = 0; repeat < 3; repeat++) {
    for (const [name, wasm] of Object.entries(builds)) {
      matrices.forEach((data, m) => {
        best[name][m] = Math.min(best[name][m], solveCpuMs(wasm, data, n));
      });
    }
  }
  for (const [name, times] of Object.entries(best)) {
    console.log(`${n} × ${n} ${name}: ${times.map((t) => t.toFixed(0)).join(' / ')} ms (3 uniform real, 1 integer)`);
  }
}
