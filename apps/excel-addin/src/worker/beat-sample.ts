// "Beat the computer": a small square sample of the real problem (people with eligible partners,
// including some the computer paired) and its optimum, for a person to try to match by hand.
import { createRandom } from '@mentor-matcher/sample-data';
import type { Solver } from '@mentor-matcher/solver';
import type { BeatSample } from './protocol.js';
import type { HeatmapSource } from './heatmap-data.js';

function shuffled(n: number, next: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Picks up to `size` chosen pairs' people first, so the sample has good pairs to find. */
export function pickSample(
  source: HeatmapSource,
  size: number,
  seed: number,
): { mentees: number[]; mentors: number[] } {
  // The project's one seeded generator, so a seed gives the same sample again.
  const next = createRandom(seed).next;
  const n = Math.min(size, source.mentees, source.mentors);
  const mentees: number[] = [];
  const mentors: number[] = [];
  for (const k of shuffled(source.chosen.length, next)) {
    const pair = source.chosen[k];
    if (mentees.length >= n) break;
    if (mentees.includes(pair.mentee) || mentors.includes(pair.mentor)) continue;
    mentees.push(pair.mentee);
    mentors.push(pair.mentor);
  }
  for (const i of shuffled(source.mentees, next)) if (mentees.length < n && !mentees.includes(i)) mentees.push(i);
  for (const j of shuffled(source.mentors, next)) if (mentors.length < n && !mentors.includes(j)) mentors.push(j);
  return { mentees, mentors };
}

export function beatSample(source: HeatmapSource, solver: Solver, size: number, seed: number): BeatSample {
  const picked = pickSample(source, size, seed);
  const rows = picked.mentees.length;
  const cols = picked.mentors.length;
  const scores = new Float64Array(rows * cols);
  const eligible = new Uint8Array(rows * cols);
  const grid = picked.mentees.map((i, r) =>
    picked.mentors.map((j, c) => {
      const k = i * source.mentors + j;
      const code = source.codes[k];
      if (code === 0) return null;
      scores[r * cols + c] = source.scoreOfCode[code];
      eligible[r * cols + c] = 1;
      return source.scoreOfCode[code];
    }),
  );
  const solved = solver.capacitatedAssignment({
    rows,
    cols,
    scores,
    eligible,
    rowCapacity: new Int32Array(rows).fill(1),
    colCapacity: new Int32Array(cols).fill(1),
    coverage: ['rows'],
  });
  const pairs = Array.from(solved.rowIndices, (mentee, k) => ({ mentee, mentor: solved.colIndices[k] }));
  return {
    menteeNames: picked.mentees.map((i) => source.menteeNames[i]),
    mentorNames: picked.mentors.map((j) => source.mentorNames[j]),
    scores: grid,
    optimum: { total: solved.total, covered: solved.rowsCovered, pairs },
  };
}

/** Scores a person's picks on a sample: at most one mentor per mentee and one mentee per mentor. */
export function scorePicks(
  sample: Pick<BeatSample, 'scores'>,
  picks: readonly { mentee: number; mentor: number }[],
): { total: number; covered: number; valid: boolean } {
  const mentees = new Set<number>();
  const mentors = new Set<number>();
  let total = 0;
  let valid = true;
  for (const { mentee, mentor } of picks) {
    const value = sample.scores[mentee]?.[mentor];
    if (value === null || value === undefined || mentees.has(mentee) || mentors.has(mentor)) valid = false;
    else total += value;
    mentees.add(mentee);
    mentors.add(mentor);
  }
  return { total, covered: mentees.size, valid };
}
