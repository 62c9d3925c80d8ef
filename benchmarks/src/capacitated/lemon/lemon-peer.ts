// LEMON (the COIN-OR graph library, C++) as the capacitated suite's peer, as scipy is the dense
// suite's: its NetworkSimplex and CostScaling solve the exact problem the engine hands our solver,
// and the suite checks that their optimum (rows covered, columns covered, total score) is ours and
// reports their times beside ours. The harness (lemon_mcf.cpp, beside this file) is compiled on
// first use into the system's temporary folder when g++ and Debian's liblemon-dev headers are
// present; otherwise the suite says so in one line and runs without it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { CapacitatedProblem } from '@mentor-matcher/solver';

const SOURCE = fileURLToPath(new URL('./lemon_mcf.cpp', import.meta.url));
/** Where Debian's liblemon-dev puts the headers the harness includes. */
export const LEMON_HEADER = '/usr/include/lemon/network_simplex.h';

export const LEMON_ALGORITHMS = ['network-simplex', 'cost-scaling'] as const;
export type LemonAlgorithm = (typeof LEMON_ALGORITHMS)[number];

export type LemonHarness =
  { readonly ok: true; readonly binary: string } | { readonly ok: false; readonly reason: string };

/**
 * Compiles lemon_mcf.cpp into a folder of `parentDir` (default: the system's temporary folder)
 * named by the source's hash, so once per version of the source, or says why it cannot.
 */
export function buildLemonHarness(
  options: { compiler?: string; header?: string; parentDir?: string } = {},
): LemonHarness {
  const { compiler = 'g++', header = LEMON_HEADER, parentDir = tmpdir() } = options;
  if (!existsSync(header))
    return { ok: false, reason: `LEMON headers not found (${header}; Debian: apt-get install liblemon-dev)` };
  const source = readFileSync(SOURCE);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const dir = join(parentDir, `mentor-matcher-lemon-${hash}`);
  const binary = join(dir, 'lemon_mcf');
  if (existsSync(binary)) return { ok: true, binary };
  mkdirSync(dir, { recursive: true });
  // Compiled under another name and renamed, so a half-written binary is never run.
  const partial = `${binary}.${process.pid}.partial`;
  try {
    execFileSync(compiler, ['-O2', '-DNDEBUG', '-std=c++17', '-o', partial, SOURCE], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    rmSync(partial, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: `${compiler} not found` };
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').split('\n')[0];
    return { ok: false, reason: `${compiler} could not build the LEMON harness: ${stderr}` };
  }
  renameSync(partial, binary);
  return { ok: true, binary };
}

/**
 * The smallest power of ten, at most 10^9, that makes every score a whole number (the solver's own
 * rule, docs/capacitated.md "Input rules"), or null when there is none.
 */
export function integerScale(scores: Float64Array): number | null {
  for (let scale = 1; scale <= 1e9; scale *= 10) {
    let whole = true;
    for (let k = 0; k < scores.length && whole; k++) whole = Math.round(scores[k] * scale) / scale === scores[k];
    if (whole) return scale;
  }
  return null;
}

/**
 * Writes the problem in lemon_mcf's format (see lemon_mcf.cpp) and returns the scale its scores
 * were multiplied by. Only what the engine builds: the sparse form, no locked pairs.
 */
export function writeLemonInstance(problem: CapacitatedProblem, path: string): { readonly scale: number } {
  const { rows, cols, edges } = problem;
  if (!edges) throw new Error('the LEMON peer takes the sparse form (edges), as the engine builds it');
  if ((problem.locked?.row.length ?? 0) > 0) throw new Error('the LEMON peer does not take locked pairs');
  const scale = integerScale(edges.score);
  if (scale === null) throw new Error('the LEMON peer needs scores with at most 9 decimals');
  const coverage = problem.coverage ?? ['rows', 'cols'];
  const header = Int32Array.of(
    rows,
    cols,
    edges.row.length,
    coverage.includes('rows') ? 1 : 0,
    coverage.includes('cols') ? 1 : 0,
  );
  const scores = scale === 1 ? edges.score : edges.score.map((s) => Math.round(s * scale));
  const file = openSync(path, 'w');
  try {
    for (const part of [header, problem.rowCapacity, problem.colCapacity, edges.row, edges.col, scores]) {
      const bytes = new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
      // writeSync may write less than asked for large buffers.
      for (let offset = 0; offset < bytes.length;) offset += writeSync(file, bytes, offset, bytes.length - offset);
    }
  } finally {
    closeSync(file);
  }
  return { scale };
}

const lemonRunSchema = z.object({
  algorithm: z.enum(LEMON_ALGORITHMS),
  status: z.string(),
  /** Of the run of median CPU time, among `repeats` runs. */
  ms: z.number(),
  cpuMs: z.number(),
  repeats: z.number().int().positive(),
  cost: z.number().optional(),
  pairs: z.number().optional(),
  rowsCovered: z.number().optional(),
  colsCovered: z.number().optional(),
  /** Sum of the chosen pairs' integer scores (scores times the scale). */
  total: z.number().optional(),
});

export const lemonOutputSchema = z.object({
  nodes: z.number(),
  arcs: z.number(),
  rowTierGain: z.number(),
  colTierGain: z.number(),
  readMs: z.number(),
  buildMs: z.number(),
  runs: z.array(lemonRunSchema),
});

export type LemonOutput = z.infer<typeof lemonOutputSchema>;

/**
 * Runs the harness on a problem, through a temporary instance file; each algorithm solves it
 * `repeats` times and reports the run of median CPU time.
 */
export function solveWithLemon(
  binary: string,
  problem: CapacitatedProblem,
  algorithms: readonly LemonAlgorithm[],
  repeats = 1,
): { output: LemonOutput; scale: number } {
  const dir = mkdtempSync(join(tmpdir(), 'mm-bench-lemon-'));
  try {
    const instance = join(dir, 'instance.bin');
    const { scale } = writeLemonInstance(problem, instance);
    const args = [instance, ...algorithms, `repeat=${repeats}`];
    const stdout = execFileSync(binary, args, { encoding: 'utf8', maxBuffer: 1024 * 1024 });
    return { output: lemonOutputSchema.parse(JSON.parse(stdout)), scale };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Our solver's optimum as the capacitated suite measured it. */
export interface CapacitatedOptimum {
  readonly rowsCovered: number;
  readonly colsCovered: number;
  readonly total: number;
}

/** One LEMON algorithm on one instance: its time, its optimum, and whether that optimum is ours. */
export interface LemonRun {
  readonly algorithm: LemonAlgorithm;
  readonly ok: boolean;
  /** Why it does not agree (or did not solve). */
  readonly reason?: string;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly optimum?: CapacitatedOptimum;
}

/** Checks each LEMON run's optimum against ours: the same coverage of both sides and the same total score. */
export function compareOptimum(output: LemonOutput, scale: number, ours: CapacitatedOptimum): LemonRun[] {
  return output.runs.map((run) => {
    const base = { algorithm: run.algorithm, wallMs: run.ms, cpuMs: run.cpuMs };
    if (
      run.status !== 'optimal' ||
      run.total === undefined ||
      run.rowsCovered === undefined ||
      run.colsCovered === undefined
    ) {
      return { ...base, ok: false, reason: `LEMON reports ${run.status}` };
    }
    const optimum = { rowsCovered: run.rowsCovered, colsCovered: run.colsCovered, total: run.total / scale };
    const differences: string[] = [];
    if (optimum.rowsCovered !== ours.rowsCovered)
      differences.push(`rows covered ${optimum.rowsCovered}, ours ${ours.rowsCovered}`);
    if (optimum.colsCovered !== ours.colsCovered)
      differences.push(`columns covered ${optimum.colsCovered}, ours ${ours.colsCovered}`);
    if (Math.abs(optimum.total - ours.total) > 1e-9 * Math.max(1, Math.abs(ours.total)))
      differences.push(`total ${optimum.total}, ours ${ours.total}`);
    return differences.length === 0
      ? { ...base, ok: true, optimum }
      : { ...base, ok: false, reason: differences.join('; '), optimum };
  });
}
