// Shrinks the mentees × mentors score matrix to a grid a canvas can draw: each grid cell is the mean
// eligible score of a block of pairs, so 10,000 × 10,000 becomes 300 × 300 without sampling bias.
// From 500 a side, rows and columns are first put in an order that shows the matrix's structure
// (seriate below); smaller matrices keep the input order, which a coordinator can follow.
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

/** Both sides at least this many: rows and columns are sorted. */
export const sortFrom = 500;
/** Passes of the barycentre heuristic: 6 up to 2,000 × 2,000, fewer above (each pass sweeps the matrix twice). */
const passesFor = (pairs: number) => Math.max(1, Math.min(6, Math.floor(2e8 / (2 * pairs))));

/**
 * An order of mentees and of mentors that brings similar rows together and similar columns
 * together, so that bands and blocks (grade ladders, exclusions by organisation) show as shapes
 * rather than noise. The barycentre heuristic for two-mode seriation (Mäkinen and Siirtola, "The
 * barycenter heuristic and the reorderable matrix", Informatica 29, 2005): start from the mentors
 * ordered by how many mentees may have them, then (up to six times) repeatedly place each mentee at the mean position
 * of its eligible mentors (weighted by score) and each mentor at the mean position of its eligible
 * mentees. Each pass is two sweeps over the matrix: O(passes × mentees × mentors), no extra memory
 * beyond a few arrays per side. People with no eligible partner go last.
 */
export function seriate(source: HeatmapSource): { mentees: Int32Array; mentors: Int32Array } {
  const { mentees, mentors, codes, scoreOfCode } = source;
  let lowest = Infinity;
  for (let c = 1; c < scoreOfCode.length; c++) lowest = Math.min(lowest, scoreOfCode[c]);
  // Every eligible pair weighs at least 1, whatever the sign of its score.
  const weight = Float64Array.from(scoreOfCode, (s, c) => (c === 0 ? 0 : s - lowest + 1));
  const eligibleCount = new Float64Array(mentors);
  for (let i = 0; i < mentees; i++) {
    const base = i * mentors;
    for (let j = 0; j < mentors; j++) if (codes[base + j] !== 0) eligibleCount[j] += 1;
  }
  const order = (keys: Float64Array) => Int32Array.from(keys.keys()).sort((a, b) => keys[a] - keys[b] || a - b);
  const positions = (ordering: Int32Array) => {
    const at = new Float64Array(ordering.length);
    ordering.forEach((index, position) => (at[index] = position));
    return at;
  };
  let mentorOrder = order(eligibleCount.map((n) => -n));
  let menteeOrder = Int32Array.from({ length: mentees }, (_, i) => i);
  const passes = passesFor(mentees * mentors);
  for (let pass = 0; pass < passes; pass++) {
    const mentorAt = positions(mentorOrder);
    const menteeKey = new Float64Array(mentees);
    for (let i = 0; i < mentees; i++) {
      const base = i * mentors;
      let sum = 0;
      let total = 0;
      for (let j = 0; j < mentors; j++) {
        const w = weight[codes[base + j]];
        sum += w * mentorAt[j];
        total += w;
      }
      menteeKey[i] = total === 0 ? Infinity : sum / total;
    }
    menteeOrder = order(menteeKey);
    const menteeAt = positions(menteeOrder);
    const mentorSum = new Float64Array(mentors);
    const mentorTotal = new Float64Array(mentors);
    for (let i = 0; i < mentees; i++) {
      const base = i * mentors;
      const at = menteeAt[i];
      for (let j = 0; j < mentors; j++) {
        const w = weight[codes[base + j]];
        mentorSum[j] += w * at;
        mentorTotal[j] += w;
      }
    }
    mentorOrder = order(mentorSum.map((sum, j) => (mentorTotal[j] === 0 ? Infinity : sum / mentorTotal[j])));
  }
  return { mentees: menteeOrder, mentors: mentorOrder };
}

/** A grid row's or column's label: the name, or for a block the first and last names and the count. */
function labels(names: readonly string[], order: ArrayLike<number>, block: number): string[] {
  const out: string[] = [];
  for (let start = 0; start < order.length; start += block) {
    const end = Math.min(order.length, start + block);
    const first = names[order[start]] ?? '';
    out.push(end - start === 1 ? first : `${first} … ${names[order[end - 1]] ?? ''} (${end - start})`);
  }
  return out;
}

export function buildHeatmap(source: HeatmapSource, maxCells: number): HeatmapData {
  const { mentees, mentors, codes, scoreOfCode } = source;
  const sorted = mentees >= sortFrom && mentors >= sortFrom;
  const order = sorted
    ? seriate(source)
    : {
        mentees: Int32Array.from({ length: mentees }, (_, i) => i),
        mentors: Int32Array.from({ length: mentors }, (_, j) => j),
      };
  const blockRows = Math.max(1, Math.ceil(mentees / maxCells));
  const blockCols = Math.max(1, Math.ceil(mentors / maxCells));
  const rows = Math.ceil(mentees / blockRows);
  const cols = Math.ceil(mentors / blockCols);
  const gridRowOf = new Int32Array(mentees);
  order.mentees.forEach((i, position) => (gridRowOf[i] = Math.floor(position / blockRows)));
  const gridColOf = new Int32Array(mentors);
  order.mentors.forEach((j, position) => (gridColOf[j] = Math.floor(position / blockCols)));
  const sums = new Float64Array(rows * cols);
  const counts = new Uint32Array(rows * cols);
  let minScore = Infinity;
  let maxScore = -Infinity;
  for (let i = 0; i < mentees; i++) {
    const gridRow = gridRowOf[i] * cols;
    const base = i * mentors;
    for (let j = 0; j < mentors; j++) {
      const code = codes[base + j];
      if (code === 0) continue;
      const value = scoreOfCode[code];
      const cell = gridRow + gridColOf[j];
      sums[cell] += value;
      counts[cell] += 1;
      if (value < minScore) minScore = value;
      if (value > maxScore) maxScore = value;
    }
  }
  const values = new Float32Array(rows * cols);
  for (let k = 0; k < values.length; k++) values[k] = counts[k] === 0 ? Number.NaN : sums[k] / counts[k];
  const marked = new Set<number>();
  for (const pair of source.chosen) marked.add(gridRowOf[pair.mentee] * cols + gridColOf[pair.mentor]);
  const chosen = new Int32Array(marked.size * 2);
  let k = 0;
  for (const cell of [...marked].sort((a, b) => a - b)) {
    chosen[k++] = Math.floor(cell / cols);
    chosen[k++] = cell % cols;
  }
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
    menteeNames: labels(source.menteeNames, order.mentees, blockRows),
    mentorNames: labels(source.mentorNames, order.mentors, blockCols),
    sorted,
  };
}
