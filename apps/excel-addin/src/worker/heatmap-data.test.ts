import { describe, expect, it } from 'vitest';
import { buildHeatmap } from './heatmap-data.js';

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

  it('averages blocks of pairs when the matrix is bigger than the canvas, and drops names', () => {
    const map = buildHeatmap(source(100, 50), 10);
    expect(map).toMatchObject({ rows: 10, cols: 10, blockRows: 10, blockCols: 5, menteeNames: [] });
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
