// The capacitated problem every optimal match solves, built as the product builds it: generated
// Mentor Match sign-ups (tools/sample-data), read and scored by the engine with the
// `mentor-match-optimal` preset, and turned into the solver's input by the engine's own
// capacitatedProblem (eligible pairs as a sparse edge list, the preset's capacities, both coverage
// tiers).
import {
  capacitatedProblem,
  detectMapping,
  getPreset,
  readParticipants,
  scorePairs,
  type RuleSet,
} from '@mentor-matcher/engine';
import { generateMentorMatchData } from '@mentor-matcher/sample-data';
import type { CapacitatedProblem } from '@mentor-matcher/solver';

export const OPTIMAL_PRESET = 'mentor-match-optimal';

export function participantsOf(data: ReturnType<typeof generateMentorMatchData>, ruleSet: RuleSet) {
  const mentors = readParticipants(
    data.mentors,
    'mentor',
    detectMapping(data.mentors.header, 'mentor', ruleSet),
    ruleSet,
  ).participants;
  const mentees = readParticipants(
    data.mentees,
    'mentee',
    detectMapping(data.mentees.header, 'mentee', ruleSet),
    ruleSet,
  ).participants;
  return { mentors, mentees };
}

/** The optimal strategy's problem for `size` generated mentors and mentees. */
export function mentorMatchProblem(size: number, seed: number): CapacitatedProblem {
  const ruleSet = getPreset(OPTIMAL_PRESET);
  const { mentors, mentees } = participantsOf(generateMentorMatchData({ mentors: size, mentees: size, seed }), ruleSet);
  return capacitatedProblem(scorePairs(mentors, mentees, ruleSet), [], ['rows', 'cols']);
}

/**
 * Enough of a problem to tell whether two are the same: its size, its pairs and a checksum of every
 * pair, score and capacity. When the solver's work counts change, this says whether the solver
 * changed or its input did (the engine's scoring, the generator).
 */
export interface ProblemFingerprint {
  readonly rows: number;
  readonly cols: number;
  readonly eligiblePairs: number;
  /** FNV-1a (32 bits, hex) over the pairs in order, their scores, the capacities and the locks. */
  readonly checksum: string;
}

export function fingerprintProblem(problem: CapacitatedProblem): ProblemFingerprint {
  if (!problem.edges) throw new Error('fingerprintProblem: expected the sparse form (edges), as the engine builds it');
  const { row, col, score } = problem.edges;
  const hash = new Fnv1a();
  for (let k = 0; k < row.length; k++) {
    hash.add(row[k]);
    hash.add(col[k]);
    // Scores are small integers or short decimals: their value times 1,000 identifies them exactly enough.
    hash.add(Math.round(score[k] * 1000));
  }
  for (const capacities of [problem.rowCapacity, problem.colCapacity])
    for (const capacity of capacities) hash.add(capacity);
  for (const side of [problem.locked?.row, problem.locked?.col]) for (const index of side ?? []) hash.add(index);
  for (const tier of problem.coverage ?? ['rows', 'cols']) hash.add(tier === 'rows' ? 1 : 2);
  return { rows: problem.rows, cols: problem.cols, eligiblePairs: row.length, checksum: hash.hex() };
}

/** FNV-1a over 32-bit integers, fed one byte at a time. */
class Fnv1a {
  private state = 0x811c9dc5;

  add(value: number): void {
    let v = value | 0;
    for (let b = 0; b < 4; b++) {
      this.state = Math.imul(this.state ^ (v & 0xff), 0x01000193);
      v >>>= 8;
    }
  }

  hex(): string {
    return (this.state >>> 0).toString(16).padStart(8, '0');
  }
}
