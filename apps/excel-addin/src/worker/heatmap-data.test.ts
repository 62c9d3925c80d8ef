import { describe, expect, it } from 'vitest';
import { buildHeatmap, sortFrom } from './heatmap-data.js';

function source(mentees: number, mentors: number) {
  // Code c scores c - 1 (code 0 is "not eligible"), so pair k scores k % 7.
  const codes = new Uint8Array(mentees * mentors).map((_, k) => (k % 7) + 1);
  const scoreOfCode = Float64Array.from([Number.NaN, 0, 1, 2, 3, 4, 5, 6, 1000]);
  return {
    mentees,
    mentors,
    codes,
    scoreOfCode,
    chosen: [{ mentee: 0, mentor: 1 }],
    menteeNames: Array.from({ length: mentees }, (_, i) => `mentee ${i}`),
    mentorNames: Array.from({ length: mentors }, (_, j) => `mentor ${j}`),
  };
}

describe('buildHeatmap', () => {
  it('keeps one cell per pair, with names, when the matrix fits', () => {
    const map = buildHeatmap(source(3, 4), 10);
    expect(map).toMatchObject({ rows: 3, cols: 4, blockRows: 1, blockCols: 1 });
    expect(map.values[1]).toBe(1);
    expect([...map.chosen]).toEqual([0, 1]);
    expect(map.mentorNames).toHaveLength(4);
  });

  it('averages blocks of pairs when the matrix is bigger than the canvas, labelling each block', () => {
    const map = buildHeatmap(source(100, 50), 10);
    expect(map).toMatchObject({ rows: 10, cols: 10, blockRows: 10, blockCols: 5, sorted: false });
    expect(map.menteeNames[0]).toBe('mentee 0 … mentee 9 (10)');
    expect(map.mentorNames[9]).toBe('mentor 45 … mentor 49 (5)');
    let sum = 0;
    for (let i = 0; i < 10; i++) for (let j = 0; j < 5; j++) sum += (i * 50 + j) % 7;
    expect(map.values[0]).toBeCloseTo(sum / 50);
  });

  it('leaves a cell with no eligible pair empty (NaN) and reads scores through the codes', () => {
    const s = source(2, 2);
    s.codes[3] = 0;
    s.codes[2] = 8; // the code of a score of 1000
    const map = buildHeatmap(s, 10);
    expect(Number.isNaN(map.values[3])).toBe(true);
    expect(map.values[2]).toBe(1000);
    expect(map.maxScore).toBe(1000);
  });
});

/** Where the eligible cells of a row start and stop being eligible, summed over the rows. */
function edges(values: Float32Array, rows: number, cols: number): number {
  let count = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 1; c < cols; c++)
      if (Number.isNaN(values[r * cols + c]) !== Number.isNaN(values[r * cols + c - 1])) count++;
  }
  return count;
}

describe('sorting rows and columns from 500 a side', () => {
  // Three groups, shuffled: a pair is eligible only within a group (as "same organisation only").
  const size = sortFrom;
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const groupOfMentee = Array.from({ length: size }, () => Math.floor(random() * 3));
  const groupOfMentor = Array.from({ length: size }, () => Math.floor(random() * 3));
  const grouped = {
    ...source(size, size),
    codes: new Uint8Array(size * size).map((_, k) =>
      groupOfMentee[Math.floor(k / size)] === groupOfMentor[k % size] ? 2 : 0,
    ),
  };

  it('brings each group together, so the grid shows three blocks instead of noise', () => {
    const map = buildHeatmap(grouped, size);
    expect(map.sorted).toBe(true);
    // Each row of a block-diagonal grid switches between eligible and not at most twice.
    expect(edges(map.values, map.rows, map.cols)).toBeLessThanOrEqual(2 * map.rows);
    const unsorted = buildHeatmap(
      { ...grouped, mentees: size - 1, codes: grouped.codes.subarray(0, (size - 1) * size) },
      size,
    );
    expect(unsorted.sorted).toBe(false);
    expect(edges(unsorted.values, unsorted.rows, unsorted.cols)).toBeGreaterThan(50 * unsorted.rows);
  });

  it('keeps chosen pairs and names with their people', () => {
    const chosen = [{ mentee: 3, mentor: 0 }];
    const map = buildHeatmap({ ...grouped, chosen }, size);
    const row = map.menteeNames.indexOf('mentee 3');
    const col = map.mentorNames.indexOf('mentor 0');
    expect([...map.chosen]).toEqual([row, col]);
    expect(Number.isNaN(map.values[row * map.cols + col])).toBe(groupOfMentee[3] !== groupOfMentor[0]);
  });
});
