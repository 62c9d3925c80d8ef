import { describe, expect, it } from 'vitest';
import type { AssignmentAdapter } from '../src/lsa/adapter.js';
import { uniformCase } from '../src/lsa/cases.js';
import { munkresAdapter } from '../src/lsa/npm-peers.js';
import { runAssignmentSuite } from '../src/lsa/suite.js';

/** Always pairs row i with column i: a valid assignment, but not an optimal one. */
const identitySolver: AssignmentAdapter = {
  name: 'identity',
  label: 'identity (wrong on purpose)',
  isOurs: false,
  prepare(matrix) {
    const n = Math.min(matrix.rows, matrix.cols);
    const indices = Array.from({ length: n }, (_, i) => i);
    return { kind: 'in-process', solve: () => ({ rowIndices: indices, colIndices: indices }) };
  },
};

const throwingSolver: AssignmentAdapter = {
  name: 'throws',
  label: 'throws',
  isOurs: false,
  prepare: () => ({
    kind: 'in-process',
    solve: () => {
      throw new Error('out of memory');
    },
  }),
};

describe('runAssignmentSuite', () => {
  const cases = [uniformCase(30), uniformCase(60)];
  const [first] = runAssignmentSuite({
    cases: [cases[0]],
    adapters: [throwingSolver, munkresAdapter, identitySolver],
    budgetMs: 50,
  });
  const run = (name: string) => first.runs.find((r) => r.solver === name)!;

  it('reports a solver with a wrong total as WRONG and does not time it', () => {
    expect(run('identity').status).toBe('wrong');
    expect(run('identity').reason).toMatch(/^total \d+, best found \d+$/);
    expect(run('identity').samplesMs).toBeUndefined();
    expect(run('identity').medianMs).toBeUndefined();
  });

  it('times a correct solver and records its total', () => {
    expect(run('munkres').status).toBe('ok');
    expect(run('munkres').total).toBe(first.bestTotal);
    expect(run('munkres').samplesMs!.length).toBeGreaterThanOrEqual(5);
    expect(run('munkres').medianMs).toBeGreaterThan(0);
  });

  it('reports a solver that throws as failed, and carries on with the others', () => {
    expect(run('throws')).toMatchObject({ status: 'failed', reason: 'out of memory' });
  });

  it('skips a solver on larger cases once one run went over the limit', () => {
    const results = runAssignmentSuite({ cases, adapters: [munkresAdapter], budgetMs: 50, dropAfterMs: 0 });
    expect(results[0].runs[0].status).toBe('ok');
    expect(results[1].runs[0]).toMatchObject({ status: 'skipped', reason: 'over 0 s at uniform-30' });
  });
});
