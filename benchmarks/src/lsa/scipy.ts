// scipy's linear_sum_assignment (Crouse 2016, C++), through benchmarks/scipy_lsa.py, where Debian's
// python3-scipy is installed. /usr/bin/python3 is named explicitly: a `python3` earlier on PATH
// (pyenv, a virtualenv) often lacks scipy.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DenseMatrix } from '@mentor-matcher/solver';
import type { AssignmentAdapter } from './adapter.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('../../scipy_lsa.py', import.meta.url));

export interface ScipyOutput {
  readonly scipy: string;
  readonly samples_ms: number[];
  readonly rows: number[];
  readonly cols: number[];
}

/** scipy's version, or null when /usr/bin/python3 cannot import it. */
export function scipyVersion(): string | null {
  try {
    return execFileSync(PYTHON, ['-c', 'import scipy; print(scipy.__version__)'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

/**
 * Runs scipy_lsa.py on `matrix` once, `repetitions` solves in one Python process, timed with the
 * wall clock or with the process's CPU time.
 */
export function runScipy(matrix: DenseMatrix, repetitions: number, clock: 'wall' | 'cpu' = 'wall'): ScipyOutput {
  const dir = mkdtempSync(join(tmpdir(), 'mm-bench-scipy-'));
  try {
    const file = join(dir, 'costs.f64');
    writeFileSync(file, new Uint8Array(matrix.data.buffer, matrix.data.byteOffset, matrix.data.byteLength));
    const args = [SCRIPT, file, String(matrix.rows), String(matrix.cols), String(repetitions), clock];
    return JSON.parse(execFileSync(PYTHON, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as ScipyOutput;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function scipyAdapter(version: string): AssignmentAdapter {
  return {
    name: 'scipy',
    label: `scipy ${version}`,
    isOurs: false,
    prepare(matrix) {
      return {
        kind: 'external',
        run(repetitions) {
          const output = runScipy(matrix, repetitions);
          return { samplesMs: output.samples_ms, assignment: { rowIndices: output.rows, colIndices: output.cols } };
        },
      };
    },
  };
}
