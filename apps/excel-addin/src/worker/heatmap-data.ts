// Shrinks the mentees × mentors score matrix to a grid a canvas can draw: each grid cell is the mean
// eligible score of a block of pairs, so 10,000 × 10,000 becomes 300 × 300 without sampling bias.
import type { ScoreCodes } from '@mentor-matcher/engine';
import type { HeatmapData } from './protocol.js';

export interface HeatmapSource {
  readonly mentees: number;
  readonly mentors: number;
  /** Row-major mentees × mentors pair codes, as the engine's ScoreMatrix: 0 = not eligible. */
  readonly codes: ScoreCodes;
  /** Base score of each code. */
  readonly scoreOfCode: Float64Array;
  readonly chosen: readonly { mentee: number; mentor: number }[];
  readonly menteeNames: readonly string[];
  readonly mentorNames: readonly string[];
}

export function buildHeatmap(source: HeatmapSource, maxCells: number): HeatmapData {
  const { mentees, mentors, codes, scoreOfCode } = source;
  const blockRows = Math.max(1, Math.ceil(mentees / maxCells));
  const blockCols = Math.max(1, Math.ceil(mentors / maxCells));
  const rows = Math.ceil(mentees / blockRows);
  const cols = Math.ceil(mentors / blockCols);
  const sums = new Float64Array(rows * cols);
  const counts = new Uint32Array(rows * cols);
  let minScore = Infinity;
  let maxScore = -Infinity;
  for (let i = 0; i < mentees; i++) {
    const gridRow = Math.floor(i / blockRows) * cols;
    const base = i * mentors;
    for (let j = 0; j < mentors; j++) {
      const code = codes[base + j];
      if (code === 0) continue;
      const value = scoreOfCode[code];
      const cell = gridRow + Math.floor(j / blockCols);
      sums[cell] += value;
      counts[cell] += 1;
      if (value < minScore) minScore = value;
      if (value > maxScore) maxScore = value;
    }
  }
  const values = new Float32Array(rows * cols);
  for (let k = 0; k < values.length; k++) values[k] = counts[k] === 0 ? Number.NaN : sums[k] / counts[k];
  const marked = new Set<number>();
  for (const pair of source.chosen) marked.add(Math.floor(pair.mentee / blockRows) * cols + Math.floor(pair.mentor / blockCols));
  const chosen = new Int32Array(marked.size * 2);
  let k = 0;
  for (const cell of [...marked].sort((a, b) => a - b)) {
    chosen[k++] = Math.floor(cell / cols);
    chosen[k++] = cell % cols;
  }
  const aggregated = blockRows > 1 || blockCols > 1;
  return {
    mentees,
    mentors,
    rows,
    cols,
    blockRows,
    blockCols,
    values,
    chosen,
    minScore: Number.isFinite(minScore) ? minScore : 0,
    maxScore: Number.isFinite(maxScore) ? maxScore : 0,
    menteeNames: aggregated ? [] : [...source.menteeNames],
    mentorNames: aggregated ? [] : [...source.mentorNames],
  };
}
