// How much memory a match will need, from the counts, before anything large is allocated. Without it
// a programme too large for the machine failed deep inside scoring or solving: 40,000 × 40,000 went
// past 4 GB with no warning, and 100,000 × 100,000 asked for a typed array longer than JavaScript
// allows (`RangeError: Invalid typed array length`). The figures follow the real allocations:
//
// - scoring (scoring.ts, score-codes.ts): one code per mentee × mentor pair, in the narrowest array
//   that holds the rule set's largest code: 1 byte for up to 255 different scores (the presets), 2
//   for up to 65,535, else 4;
// - solving (strategies/capacitated-problem.ts and the solver's docs/capacitated.md, "Performance and
//   memory"): per eligible pair the edge list the engine builds (row and column Int32, score
//   Float64: 16 bytes) and the solver's own state (1 byte) and row order (4 bytes); per candidate
//   pair 20 bytes in the candidate set and about 25 in the network copied into wasm. Candidates are
//   each person's capacity + 12 best pairs per pricing pass; 8 passes covers every run measured
//   (10,000 × 10,000 took 8). `rounds` builds at most the same edge list per round and finishes with
//   the same exact solve, so one figure serves both strategies;
// - per person, everything held as JavaScript objects and strings: the table row, the participant,
//   the result's outcome, explanations and alternates, the result tables and the files' text, plus
//   the solver's per-node arrays. A 5,000 × 5,000 match with the sample data's biographies (optimal,
//   result tables and CSV text included) completes with --max-old-space-size=64 and not with 40:
//   about 3 KB a person on the JavaScript heap; 4 KB leaves room. (Without a cap the heap grows
//   further before collecting: that run's peak RSS was 489 MiB, of which about 240 MB the arrays.)
import type { InputProblem } from './model.js';
import type { RuleSet } from './rules/schema.js';
import { MAX_TABULATED_RULES, combinationCodes } from './score-codes.js';

/** Bytes the engine plans for when the caller gives no limit: what a browser tab or worker can usually allocate. */
export const DEFAULT_MEMORY_LIMIT_BYTES = 2 * 1024 ** 3;

/** Pair and edge indices are Int32 in the solver, and typed arrays have a maximum length: no more pairs than this. */
export const MAX_PAIRS = 2 ** 31 - 1;

export const SOLVE_BYTES_PER_ELIGIBLE_PAIR = 16 + 1 + 4;
export const BYTES_PER_CANDIDATE = 20 + 25;
/** Candidates kept per person and pricing pass, beyond their capacity (the solver's SPARE_CANDIDATES). */
const SPARE_CANDIDATES = 12;
const PRICING_PASSES = 8;
export const BYTES_PER_PERSON = 4 * 1024;

export interface MemoryEstimateOptions {
  /** Eligible pairs, when counted (after scoring) or estimated; every pair when absent. */
  readonly eligiblePairs?: number;
  /** Whether `eligiblePairs` was counted (true) or estimated from a sample (false). */
  readonly eligibleCounted?: boolean;
  /** Sum of the mentors' (mentees') capacities; the rule set's default capacity × count when absent. */
  readonly mentorPlaces?: number;
  readonly menteePlaces?: number;
}

export interface MemoryEstimate {
  readonly mentors: number;
  readonly mentees: number;
  readonly pairs: number;
  /** When scores are held by classes: the pairs of classes, one code each (then no pair is listed). */
  readonly classPairs?: number;
  /** 1, 2 or 4: the width of a pair's score code for this rule set. */
  readonly bytesPerPair: 1 | 2 | 4;
  readonly scoreMatrixBytes: number;
  readonly eligiblePairs: number;
  /** How eligiblePairs was found: counted in the score matrix, estimated from a sample, or every pair assumed. */
  readonly eligibleBasis: 'counted' | 'sampled' | 'all pairs';
  readonly candidatePairs: number;
  readonly solveBytes: number;
  readonly peopleBytes: number;
  /** Everything a match needs at its peak: score matrix + solving + people. */
  readonly totalBytes: number;
  /** More pairs than MAX_PAIRS: no amount of memory makes this run possible in one piece. */
  readonly tooManyPairs: boolean;
}

/** The width of one pair's code under this rule set (see score-codes.ts). */
function codeWidth(ruleSet: RuleSet): 1 | 2 | 4 {
  const points = ruleSet.rules.flatMap((rule) => (rule.kind === 'score' && rule.points !== 0 ? [rule.points] : []));
  if (points.length > MAX_TABULATED_RULES) return 4;
  const largestCode = combinationCodes(points, ruleSet.minScore).scoreOfCode.length - 1;
  return largestCode <= 0xff ? 1 : largestCode <= 0xffff ? 2 : 4;
}

/**
 * The memory a match of `mentors` × `mentees` needs under `ruleSet`: a pure function of the counts,
 * so it can run before scoring allocates anything.
 */
export function estimateMatchMemory(
  mentors: number,
  mentees: number,
  ruleSet: RuleSet,
  options: MemoryEstimateOptions = {},
): MemoryEstimate {
  const pairs = mentors * mentees;
  const bytesPerPair = codeWidth(ruleSet);
  const eligiblePairs = Math.min(pairs, Math.max(0, Math.ceil(options.eligiblePairs ?? pairs)));
  const eligibleBasis =
    options.eligiblePairs === undefined ? 'all pairs' : options.eligibleCounted === false ? 'sampled' : 'counted';
  const mentorPlaces = options.mentorPlaces ?? mentors * ruleSet.capacity.mentor.default;
  const menteePlaces = options.menteePlaces ?? mentees * ruleSet.capacity.mentee.default;
  const perPass = mentorPlaces + menteePlaces + SPARE_CANDIDATES * (mentors + mentees);
  const candidatePairs = Math.min(eligiblePairs, PRICING_PASSES * perPass);
  const scoreMatrixBytes = pairs * bytesPerPair;
  const solveBytes = eligiblePairs * SOLVE_BYTES_PER_ELIGIBLE_PAIR + candidatePairs * BYTES_PER_CANDIDATE;
  const peopleBytes = (mentors + mentees) * BYTES_PER_PERSON;
  return {
    mentors,
    mentees,
    pairs,
    bytesPerPair,
    scoreMatrixBytes,
    eligiblePairs,
    eligibleBasis,
    candidatePairs,
    solveBytes,
    peopleBytes,
    totalBytes: scoreMatrixBytes + solveBytes + peopleBytes,
    tooManyPairs: pairs > MAX_PAIRS,
  };
}

/** Candidate pairs the class path's solve holds, per candidate: the candidate set (20), the network in wasm (25) and the pair set (16). */
export const BYTES_PER_CLASS_CANDIDATE = 20 + 25 + 16;
/** First candidates per person beyond their capacity when the solver asks a pair source (its SOURCE_SPARE_CANDIDATES). */
const SOURCE_SPARE_CANDIDATES = 30;
/** The class path's candidates grow by pricing to about this many times the first selection (1.27 at 100,000 a side). */
const CLASS_CANDIDATE_GROWTH = 1.5;

/**
 * The memory a match needs when scores are held by classes (pair-classes.ts): one code per pair of
 * classes, the solve's candidates (it never lists the eligible pairs) and the people.
 */
export function estimateClassMatchMemory(
  counts: {
    readonly mentors: number;
    readonly mentees: number;
    readonly mentorClasses: number;
    readonly menteeClasses: number;
  },
  ruleSet: RuleSet,
  options: Pick<MemoryEstimateOptions, 'mentorPlaces' | 'menteePlaces'> = {},
): MemoryEstimate {
  const { mentors, mentees } = counts;
  const classPairs = counts.mentorClasses * counts.menteeClasses;
  const bytesPerPair = codeWidth(ruleSet);
  const mentorPlaces = options.mentorPlaces ?? mentors * ruleSet.capacity.mentor.default;
  const menteePlaces = options.menteePlaces ?? mentees * ruleSet.capacity.mentee.default;
  const pairs = mentors * mentees;
  const candidatePairs = Math.min(
    pairs,
    CLASS_CANDIDATE_GROWTH * (mentorPlaces + menteePlaces + SOURCE_SPARE_CANDIDATES * (mentors + mentees)),
  );
  const scoreMatrixBytes = classPairs * bytesPerPair;
  const solveBytes = candidatePairs * BYTES_PER_CLASS_CANDIDATE;
  const peopleBytes = (mentors + mentees) * BYTES_PER_PERSON;
  return {
    mentors,
    mentees,
    pairs,
    classPairs,
    bytesPerPair,
    scoreMatrixBytes,
    eligiblePairs: candidatePairs,
    eligibleBasis: 'all pairs',
    candidatePairs,
    solveBytes,
    peopleBytes,
    totalBytes: scoreMatrixBytes + solveBytes + peopleBytes,
    tooManyPairs: classPairs > MAX_PAIRS,
  };
}

/** Bytes for people: "1.6 GB", "512 MB" (decimal units, as disks and task managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}

const count = (n: number) => Math.round(n).toLocaleString('en');

/**
 * The problem to report when `estimate` does not fit in `limitBytes` (or has more pairs than one run
 * can index); null when it fits. An input problem, not a crash: the way forward is in the message.
 */
export function memoryLimitProblem(estimate: MemoryEstimate, limitBytes: number): InputProblem | null {
  if (!estimate.tooManyPairs && estimate.totalBytes <= limitBytes) return null;
  const size = `Matching ${count(estimate.mentors)} mentors with ${count(estimate.mentees)} mentees`;
  const split =
    'Split the programme into smaller groups that are matched separately ' +
    '(for example by region, profession or grade band)';
  if (estimate.tooManyPairs) {
    return {
      severity: 'error',
      code: 'too-many-pairs',
      message:
        `${size} means ${count(estimate.pairs)} pairs to score, more than the ${count(MAX_PAIRS)} one run can hold ` +
        `(it would need about ${formatBytes(estimate.totalBytes)}). ${split}.`,
    };
  }
  const needs = `${size} needs about ${formatBytes(estimate.totalBytes)}, more than the ${formatBytes(limitBytes)} this run may use`;
  const perPair = `${estimate.bytesPerPair} byte${estimate.bytesPerPair === 1 ? '' : 's'} each`;
  const wayOut = `${split}, or run it on a machine with more memory and a higher limit.`;
  if (estimate.classPairs !== undefined) {
    return {
      severity: 'error',
      code: 'memory-limit',
      message:
        `${needs}: the scores of the classes of people with equal rule fields take ` +
        `${formatBytes(estimate.scoreMatrixBytes)} (${count(estimate.classPairs)} pairs of classes at ${perPair}), ` +
        `the solve's candidate pairs about ${formatBytes(estimate.solveBytes)} and the people ` +
        `${formatBytes(estimate.peopleBytes)}. ${wayOut}`,
    };
  }
  const eligible =
    estimate.eligibleBasis === 'counted'
      ? `${count(estimate.eligiblePairs)} here`
      : estimate.eligibleBasis === 'sampled'
        ? `about ${count(estimate.eligiblePairs)} here, estimated from a sample`
        : `up to ${count(estimate.eligiblePairs)}`;
  return {
    severity: 'error',
    code: 'memory-limit',
    message:
      `${needs}: the score matrix takes ${formatBytes(estimate.scoreMatrixBytes)} (${count(estimate.pairs)} pairs at ` +
      `${perPair}) and solving about ${formatBytes(estimate.solveBytes)} (the exact solve keeps every eligible ` +
      `pair, ${eligible}, at ${SOLVE_BYTES_PER_ELIGIBLE_PAIR} bytes each, plus its candidate pairs). ${wayOut}`,
  };
}
