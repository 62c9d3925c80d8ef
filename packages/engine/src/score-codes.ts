// Pair scores are stored as small codes, not as numbers. A pair's base score is the sum of the
// points of the scoring rules it meets, so with R scoring rules there are at most 2^R different
// scores: the Mentor Match preset has 4 rules and so at most 16. One byte per pair then holds both
// the score (as a code into a table) and eligibility (code 0), where a Float64 score plus a Uint8
// flag took 9. At 10,000 × 10,000 that is 100 MB instead of 900 MB, and writing fresh memory, not
// arithmetic, was what bounded scoring at that size.
import type { PairScores, ScoreCodes, ScoreMatrix } from './model.js';

/** The code of a pair that may not be chosen. */
export const INELIGIBLE = 0;

/** Up to this many weighted rules, every combination's code is tabulated before scoring (2^16 entries). */
export const MAX_TABULATED_RULES = 16;

export interface CombinationCodes {
  /** Code of each combination of rules (bit r set = rule r holds); INELIGIBLE when under the minimum score. */
  readonly codeOfCombination: Uint32Array;
  /** Base score of each code, in ascending order of score; entry 0 (INELIGIBLE) is NaN. */
  readonly scoreOfCode: Float64Array;
}

/**
 * Codes for every combination of rules with these points. Sums are taken in rule order, as adding
 * rule by rule would, so a code's score is bit-for-bit the score a pair-by-pair sum gives.
 */
export function combinationCodes(points: readonly number[], minScore: number | undefined): CombinationCodes {
  if (points.length > MAX_TABULATED_RULES)
    throw new RangeError(`at most ${MAX_TABULATED_RULES} rules can be tabulated, got ${points.length}`);
  const combinations = 1 << points.length;
  const sums = new Float64Array(combinations);
  for (let combination = 0; combination < combinations; combination++) {
    let sum = 0;
    for (let r = 0; r < points.length; r++) if (combination & (1 << r)) sum += points[r];
    sums[combination] = sum;
  }
  const kept = [...new Set(Array.from(sums).filter((sum) => minScore === undefined || sum >= minScore))].sort(
    (a, b) => a - b,
  );
  const codeOf = new Map(kept.map((sum, k) => [sum, k + 1]));
  const codeOfCombination = Uint32Array.from(sums, (sum) => codeOf.get(sum) ?? INELIGIBLE);
  return { codeOfCombination, scoreOfCode: Float64Array.from([Number.NaN, ...kept]) };
}

/**
 * Codes handed out as scores are met, for rule sets with too many weighted rules to tabulate. Codes
 * follow first appearance (deterministic for a given input), not score order.
 */
export class ScoreInterner {
  private readonly codes = new Map<number, number>();
  private readonly scores: number[] = [Number.NaN];

  constructor(private readonly minScore: number | undefined) {}

  code(score: number): number {
    if (this.minScore !== undefined && score < this.minScore) return INELIGIBLE;
    let code = this.codes.get(score);
    if (code === undefined) {
      code = this.scores.length;
      this.scores.push(score);
      this.codes.set(score, code);
    }
    return code;
  }

  scoreOfCode(): Float64Array {
    return Float64Array.from(this.scores);
  }
}

/** The narrowest unsigned array whose elements hold codes up to `largestCode`. */
export function codeArray(length: number, largestCode: number): ScoreCodes {
  if (largestCode <= 0xff) return new Uint8Array(length);
  if (largestCode <= 0xffff) return new Uint16Array(length);
  return new Uint32Array(length);
}

/** Whether the pair at `index` (mentee * mentors.length + mentor) of a full matrix may be chosen. */
export function isEligiblePair(matrix: ScoreMatrix, index: number): boolean {
  return matrix.codes[index] !== INELIGIBLE;
}

/** The base score of the pair at `index` of a full matrix; NaN when the pair is not eligible. */
export function pairScore(matrix: ScoreMatrix, index: number): number {
  return matrix.scoreOfCode[matrix.codes[index]];
}

/** Whether the pair may be chosen, however the scores are held. */
export function mayPair(scores: PairScores, mentee: number, mentor: number): boolean {
  return scores.codeOf(mentee, mentor) !== INELIGIBLE;
}

/** The pair's base score, however the scores are held; NaN when the pair is not eligible. */
export function scoreOfPair(scores: PairScores, mentee: number, mentor: number): number {
  return scores.scoreOfCode[scores.codeOf(mentee, mentor)];
}
