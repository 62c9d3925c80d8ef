import { describe, expect, it } from 'vitest';
import { buildCostMatrix, COST_RANGE, selectCostCases, SHAPED_CASES, tiesCase, uniformCase } from '../src/lsa/cases.js';
import { createRandom } from '../src/random.js';
import { munkresAdapter } from '../src/lsa/npm-peers.js';
import { evaluateAssignment } from '../src/lsa/evaluate.js';

describe('cost cases', () => {
  it('are the same matrix for the same case, so every solver sees identical input', () => {
    expect(buildCostMatrix(uniformCase(40)).data).toEqual(buildCostMatrix(uniformCase(40)).data);
  });

  it('differ between seeds', () => {
    expect(buildCostMatrix(uniformCase(40, 1)).data).not.toEqual(buildCostMatrix(uniformCase(40, 2)).data);
  });

  it('hold integer costs in [0, 1000)', () => {
    const { data } = buildCostMatrix(uniformCase(50));
    expect(data.every((v) => Number.isInteger(v) && v >= 0 && v < COST_RANGE)).toBe(true);
  });

  it('forbid about 40% of pairs in the forbidden case and still admit a complete assignment', () => {
    const forbidden = { ...SHAPED_CASES.find((c) => c.kind === 'forbidden')!, rows: 120, cols: 120, size: 120 };
    const matrix = buildCostMatrix(forbidden);
    const share = matrix.data.filter((v) => v === Infinity).length / matrix.data.length;
    expect(share).toBeGreaterThan(0.35);
    expect(share).toBeLessThan(0.45);
    const prepared = munkresAdapter.prepare(matrix);
    if (prepared.kind !== 'in-process') throw new Error('munkres runs in process');
    expect(evaluateAssignment(matrix, prepared.solve()).ok).toBe(true);
  });

  it('add the tie-heavy cases from 500 up, and the shaped cases when their larger side is among the sizes', () => {
    expect(selectCostCases([250, 1000]).map((c) => c.id)).toEqual([
      'uniform-250',
      'uniform-1000',
      'ties-1000',
      'forbidden40-1000',
    ]);
    expect(selectCostCases([2000]).map((c) => c.id)).toEqual([
      'uniform-2000',
      'ties-2000',
      'rectangular-500x2000',
      'rectangular-2000x500',
      'round-2000x1000',
    ]);
  });

  it('hold integer costs 0–20 in the tie-heavy cases, every value many times in each row', () => {
    const { data } = buildCostMatrix(tiesCase(500));
    expect(data.every((v) => Number.isInteger(v) && v >= 0 && v <= 20)).toBe(true);
    const firstRow = data.subarray(0, 500);
    for (let value = 0; value <= 20; value++) expect(firstRow.filter((v) => v === value).length).toBeGreaterThan(5);
  });

  it('shape the round case like a reference Mentor Match round: scores as negative costs, ineligible pairs 0', () => {
    const round = { ...SHAPED_CASES.find((c) => c.kind === 'round')!, rows: 200, cols: 100, size: 200 };
    const { data, rows, cols } = buildCostMatrix(round);
    expect([rows, cols]).toEqual([200, 100]);
    expect(data.every((v) => Number.isInteger(v) && v <= 0)).toBe(true);
    const zeros = data.filter((v) => v === 0).length / data.length;
    expect(zeros).toBeGreaterThan(0.5);
    expect(zeros).toBeLessThan(0.95);
  });
});

describe('createRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
