// Test oracles for linearSumAssignment that do not trust the solver: exhaustive search on small
// matrices, and a check of the dual certificate (LP duality) on any size.
import { expect } from 'vitest';
import type { AssignmentWithDuals } from '../src/index.js';

export type Matrix = number[][];

/** A forbidden pair for the given sense. */
export const forbidden = (maximize: boolean): number => (maximize ? -Infinity : Infinity);

/**
 * Every way to give each row of the short side a distinct column of the long side: the best total
 * over those using only allowed pairs, and the most allowed pairs any of them uses (the maximum
 * matching size, since every matching extends to such a full assignment).
 */
export function bruteForce(costs: Matrix, rows: number, cols: number, maximize: boolean) {
  const short = Math.min(rows, cols);
  const long = Math.max(rows, cols);
  const entry = (s: number, l: number) => (rows <= cols ? costs[s][l] : costs[l][s]);
  const used = new Array<boolean>(long).fill(false);
  let best: number | undefined;
  let mostAllowed = 0;
  const visit = (s: number, total: number, allowed: number) => {
    if (s === short) {
      mostAllowed = Math.max(mostAllowed, allowed);
      if (allowed === short && (best === undefined || (maximize ? total > best : total < best))) best = total;
      return;
    }
    for (let l = 0; l < long; l++) {
      if (used[l]) continue;
      used[l] = true;
      const value = entry(s, l);
      const isAllowed = Number.isFinite(value);
      visit(s + 1, isAllowed ? total + value : total, isAllowed ? allowed + 1 : allowed);
      used[l] = false;
    }
  };
  visit(0, 0, 0);
  return { best, mostAllowed };
}

/** The result is a valid assignment of min(rows, cols) pairs sorted by row, and total is their sum. */
export function expectValidAssignment(costs: Matrix, rows: number, cols: number, result: AssignmentWithDuals) {
  const pairs = Math.min(rows, cols);
  expect(result.rowIndices.length).toBe(pairs);
  expect(result.colIndices.length).toBe(pairs);
  for (let k = 1; k < pairs; k++) expect(result.rowIndices[k]).toBeGreaterThan(result.rowIndices[k - 1]);
  expect(new Set(result.colIndices).size).toBe(pairs);
  let total = 0;
  for (let k = 0; k < pairs; k++) {
    const [i, j] = [result.rowIndices[k], result.colIndices[k]];
    expect(i >= 0 && i < rows && j >= 0 && j < cols).toBe(true);
    expect(Number.isFinite(costs[i][j])).toBe(true);
    total += costs[i][j];
  }
  expect(result.total).toBe(total);
}

/**
 * Optimality without trusting the solver: the duals are feasible (u[i] + v[j] <= c[i][j] on every
 * allowed pair when minimising, >= when maximising), tight on the chosen pairs, and the longer
 * side's duals have the right sign and are 0 where unassigned. Then the total equals the dual
 * objective, a bound on every assignment, so no assignment is better.
 */
export function expectDualCertificate(
  costs: Matrix,
  rows: number,
  cols: number,
  maximize: boolean,
  result: AssignmentWithDuals,
) {
  const { rowDuals: u, colDuals: v } = result;
  expect(u.length).toBe(rows);
  expect(v.length).toBe(cols);
  let scale = 1;
  for (const row of costs) for (const c of row) if (Number.isFinite(c)) scale = Math.max(scale, Math.abs(c));
  const tolerance = 1e-9 * scale * Math.max(rows, cols);
  // Work in the minimising form: slack = sign * (c - u - v) must be >= 0.
  const sign = maximize ? -1 : 1;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (!Number.isFinite(costs[i][j])) continue;
      const slack = sign * (costs[i][j] - u[i] - v[j]);
      if (slack < -tolerance) throw new Error(`dual infeasible at (${i}, ${j}): slack ${slack}`);
    }
  }
  for (let k = 0; k < result.rowIndices.length; k++) {
    const [i, j] = [result.rowIndices[k], result.colIndices[k]];
    expect(Math.abs(costs[i][j] - u[i] - v[j])).toBeLessThanOrEqual(tolerance);
  }
  const longSide = rows > cols ? u : v;
  const assigned = new Set(rows > cols ? result.rowIndices : result.colIndices);
  if (rows !== cols) {
    for (let k = 0; k < longSide.length; k++) {
      expect(sign * longSide[k]).toBeLessThanOrEqual(tolerance);
      if (!assigned.has(k)) expect(longSide[k]).toBe(0);
    }
  }
  const dualObjective = u.reduce((a, b) => a + b, 0) + v.reduce((a, b) => a + b, 0);
  expect(Math.abs(dualObjective - result.total)).toBeLessThanOrEqual(tolerance * Math.max(rows, cols, 1));
}
