import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSolver, type CapacitatedProblem } from '@mentor-matcher/solver';
import {
  buildLemonHarness,
  compareOptimum,
  integerScale,
  solveWithLemon,
  writeLemonInstance,
  type LemonOutput,
} from '../src/capacitated/lemon/lemon-peer.js';
import { defaultLemonAlgorithms, lemonMarkdown, runLemonPeer } from '../src/capacitated/lemon/lemon-suite.js';
import type { EngineMeasurement } from '../src/engine/task.js';
import { createRandom, randomInt } from '../src/random.js';

const dir = mkdtempSync(join(tmpdir(), 'mm-lemon-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problem: CapacitatedProblem = {
  rows: 2,
  cols: 3,
  edges: { row: Int32Array.of(0, 0, 1), col: Int32Array.of(0, 2, 1), score: Float64Array.of(1.5, 2, -0.25) },
  rowCapacity: Int32Array.of(2, 1),
  colCapacity: Int32Array.of(1, 1, 3),
  coverage: ['rows'],
};

function output(runs: LemonOutput['runs']): LemonOutput {
  return { nodes: 6, arcs: 9, rowTierGain: 10, colTierGain: 0, readMs: 0.1, buildMs: 0.1, runs };
}

const optimal = (total: number, rowsCovered = 2, colsCovered = 2) => ({
  algorithm: 'network-simplex' as const,
  status: 'optimal',
  ms: 3,
  cpuMs: 2,
  repeats: 1,
  cost: -1,
  pairs: 2,
  rowsCovered,
  colsCovered,
  total,
});

describe('the LEMON instance file', () => {
  it('scales scores by the smallest power of ten that makes them whole', () => {
    expect(integerScale(Float64Array.of(1, 2, -3))).toBe(1);
    expect(integerScale(Float64Array.of(1.5, 2, -0.25))).toBe(100);
    expect(integerScale(Float64Array.of(1 / 3))).toBeNull();
  });

  it('holds the header, the capacities, the pairs and the scaled scores, in that order', () => {
    const path = join(dir, 'instance.bin');
    expect(writeLemonInstance(problem, path)).toEqual({ scale: 100 });
    const bytes = readFileSync(path);
    const ints = new Int32Array(bytes.buffer, bytes.byteOffset, 5 + 2 + 3 + 3 + 3);
    expect(Array.from(ints)).toEqual([2, 3, 3, 1, 0, 2, 1, 1, 1, 3, 0, 0, 1, 0, 2, 1]);
    const scores = new Float64Array(
      bytes.buffer.slice(bytes.byteOffset + ints.byteLength, bytes.byteOffset + bytes.length),
    );
    expect(Array.from(scores)).toEqual([150, 200, -25]);
  });

  it('refuses locked pairs and the dense form, which the engine never hands the peer', () => {
    const path = join(dir, 'refused.bin');
    expect(() =>
      writeLemonInstance({ ...problem, locked: { row: Int32Array.of(0), col: Int32Array.of(0) } }, path),
    ).toThrow(/locked/);
    expect(() => writeLemonInstance({ ...problem, edges: undefined, scores: new Float64Array(6) }, path)).toThrow(
      /sparse/,
    );
  });
});

describe('comparing LEMON’s optimum with ours', () => {
  it('agrees when rows covered, columns covered and the total (unscaled) are ours', () => {
    const [run] = compareOptimum(output([optimal(350)]), 100, { rowsCovered: 2, colsCovered: 2, total: 3.5 });
    expect(run).toMatchObject({ algorithm: 'network-simplex', ok: true, optimum: { total: 3.5 }, cpuMs: 2, wallMs: 3 });
  });

  it('names every difference', () => {
    const [run] = compareOptimum(output([optimal(300, 1, 2)]), 100, { rowsCovered: 2, colsCovered: 2, total: 3.5 });
    expect(run.ok).toBe(false);
    expect(run.reason).toBe('rows covered 1, ours 2; total 3, ours 3.5');
  });

  it('does not agree with a run that did not finish optimal', () => {
    const [run] = compareOptimum(output([{ ...optimal(0), status: 'not optimal' }]), 1, {
      rowsCovered: 0,
      colsCovered: 0,
      total: 0,
    });
    expect(run).toMatchObject({ ok: false, reason: 'LEMON reports not optimal' });
  });
});

describe('the LEMON peer without LEMON', () => {
  it('says why in one line when the headers are missing', () => {
    const built = buildLemonHarness({ header: join(dir, 'no-such-header.h') });
    expect(built).toEqual({ ok: false, reason: expect.stringContaining('apt-get install liblemon-dev') });
  });

  it('says why when the compiler is missing', () => {
    const header = join(dir, 'instance.bin');
    writeLemonInstance(problem, header);
    expect(buildLemonHarness({ compiler: 'no-such-compiler-mm', header, parentDir: dir })).toEqual({
      ok: false,
      reason: 'no-such-compiler-mm not found',
    });
  });

  it('runs nothing, logs one notice and reports the reason in the table', () => {
    const lines: string[] = [];
    const result = runLemonPeer({
      measurements: [],
      problemFor: () => problem,
      harness: () => ({ ok: false, reason: 'g++ not found' }),
      log: (line) => lines.push(line),
    });
    expect(result).toEqual({ available: false, reason: 'g++ not found' });
    expect(lines).toEqual(['LEMON peer skipped: g++ not found']);
    expect(lemonMarkdown(result)).toBe('LEMON peer not run: g++ not found.\n');
  });
});

/** A random sparse problem shaped like the engine's: pairs row by row, small integer scores, capacities 1–3. */
function randomProblem(seed: number, rows: number, cols: number): CapacitatedProblem {
  const random = createRandom(seed);
  const row: number[] = [];
  const col: number[] = [];
  const score: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (random() < 0.3) {
        row.push(i);
        col.push(j);
        score.push(randomInt(random, 30));
      }
    }
  }
  return {
    rows,
    cols,
    edges: { row: Int32Array.from(row), col: Int32Array.from(col), score: Float64Array.from(score) },
    rowCapacity: Int32Array.from({ length: rows }, () => 1 + randomInt(random, 3)),
    colCapacity: Int32Array.from({ length: cols }, () => 1 + randomInt(random, 3)),
    coverage: ['rows', 'cols'],
  };
}

describe('the LEMON peer on this machine', () => {
  it('finds our optimum on random problems where LEMON is installed, and says what is missing elsewhere', async () => {
    const built = buildLemonHarness();
    if (!built.ok) {
      expect(built.reason).toMatch(/liblemon-dev|not found|could not build/);
      return;
    }
    const solver = await createSolver();
    for (let seed = 1; seed <= 8; seed++) {
      const random = randomProblem(seed, 20 + seed * 5, 15 + seed * 3);
      const ours = solver.capacitatedAssignment(random);
      const { output: lemon, scale } = solveWithLemon(built.binary, random, ['network-simplex', 'cost-scaling']);
      const runs = compareOptimum(lemon, scale, ours);
      expect(runs.map((r) => [r.algorithm, r.ok, r.reason])).toEqual([
        ['network-simplex', true, undefined],
        ['cost-scaling', true, undefined],
      ]);
    }
  }, 120_000);

  it('solves as many times as asked and reports one run of them, with the same optimum', async () => {
    const built = buildLemonHarness();
    if (!built.ok) return;
    const random = randomProblem(3, 30, 25);
    const ours = (await createSolver()).capacitatedAssignment(random);
    const { output, scale } = solveWithLemon(built.binary, random, ['network-simplex'], 5);
    expect(output.runs.map((r) => r.repeats)).toEqual([5]);
    expect(compareOptimum(output, scale, ours).map((r) => r.ok)).toEqual([true]);
  }, 120_000);
});

describe('the LEMON algorithms per size', () => {
  it('run NetworkSimplex everywhere and CostScaling up to 2,000 per side', () => {
    expect(defaultLemonAlgorithms(2000)).toEqual(['network-simplex', 'cost-scaling']);
    expect(defaultLemonAlgorithms(10_000)).toEqual(['network-simplex']);
  });
});

describe('the LEMON table', () => {
  it('sets LEMON’s CPU time beside ours, as a multiple of ours, and marks a different optimum', () => {
    const measurement: EngineMeasurement = {
      task: 'capacitated',
      size: 500,
      ok: true,
      timeMs: 20,
      cpuMs: 18,
      eligiblePairs: 3,
    };
    const markdown = lemonMarkdown({
      available: true,
      comparisons: [
        {
          size: measurement.size,
          eligiblePairs: 3,
          nodes: 6,
          arcs: 9,
          setupMs: 1,
          ours: { wallMs: 20, cpuMs: 18 },
          runs: [
            { algorithm: 'network-simplex', ok: true, wallMs: 40, cpuMs: 36 },
            { algorithm: 'cost-scaling', ok: false, reason: 'total 3, ours 4', wallMs: 90, cpuMs: 90 },
          ],
        },
      ],
    });
    expect(markdown).toContain(
      '| 500 | 3 | 6, 9 | 18.0 ms (20.0 ms) | 36.0 ms ×2.00 (wall 40.0 ms) | ' +
        '**DIFFERENT** (total 3, ours 4); 90.0 ms ×5.00',
    );
    expect(markdown).toContain('| **no** |');
  });
});
