// Scores every mentee × mentor pair under a rule set. Columns are encoded once (encoding.ts), the
// rules compiled once (rules/evaluation.ts); then each mentee row is filled rule by rule with one
// tight loop per rule over the row's candidates, and each eligible pair gets its score's code
// (score-codes.ts).
//
// Memory: one byte per pair for the presets (a code of up to 255 different scores), so 10,000 ×
// 10,000 is 100 MB of typed array outside the JavaScript heap.
import type {
  PairExplanation,
  Participant,
  Progress,
  Role,
  RuleContribution,
  ScoreCodes,
  ScoreMatrix,
} from './model.js';
import { ALL_TRUE, FILLED, compileRules } from './rules/evaluation.js';
import type { CompiledRule } from './rules/evaluation.js';
import type { RuleSet } from './rules/schema.js';
import { participantId } from './participants.js';
import { rowTemplates } from './row-templates.js';
import { INELIGIBLE, MAX_TABULATED_RULES, ScoreInterner, codeArray, combinationCodes } from './score-codes.js';

export interface ScoreOptions {
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
  /**
   * The codes of an earlier matrix of the same size to fill again instead of allocating new ones
   * (re-running after a weight change): fresh memory costs page faults, at 10,000 × 10,000 a
   * quarter of the scoring time. Used when its element type fits this rule set's codes. The
   * earlier matrix must not be used afterwards.
   */
  readonly reuse?: { readonly codes: ScoreCodes };
  /**
   * A weight per person for the eligible counts: eligibleCountByMentee[i] is then the sum of the
   * weights of i's eligible mentors, and eligibleCountByMentor[j] of j's eligible mentees. Class
   * stand-ins (pair-classes.ts) weigh their members with room, which spares a pass over the codes.
   */
  readonly weights?: { readonly mentees: ArrayLike<number>; readonly mentors: ArrayLike<number> };
  /**
   * Flags to set, per mentee, for each block of `mentorsPerFlag` mentors that holds an eligible
   * pair: mentee i's block b at i × ceil(mentors / mentorsPerFlag) + b. The class stand-ins keep
   * them (PairClasses.eligibleBlocks), which spares a pass over the codes.
   */
  readonly eligibleBlocks?: { readonly flags: Uint8Array; readonly mentorsPerFlag: number };
}

/** Exclusion rules up to which excludedBy keeps one list per set of exclusions (bits of a mask). */
const MASKED_EXCLUSIONS = 26;

/** Reasons a pair is ineligible that are not rules of the set. */
export const builtInExclusions = {
  samePerson: { ruleId: 'same-person', label: 'Same person' },
  forbiddenPair: { ruleId: 'forbidden-pair', label: 'Forbidden pair' },
  capacityZero: { ruleId: 'capacity-zero', label: 'Capacity of 0' },
  minScore: { ruleId: 'min-score', label: 'Score below the minimum' },
} as const;

const PROGRESS_EVERY_ROWS = 256;

export function forbiddenByMentee(
  ruleSet: RuleSet,
  mentors: readonly Participant[],
  mentees: readonly Participant[],
): Map<number, number[]> {
  const mentorIndex = indexById(mentors);
  const menteeIndex = indexById(mentees);
  const byMentee = new Map<number, number[]>();
  for (const pair of ruleSet.forbiddenPairs) {
    const mentor = mentorIndex.get(participantId(pair.mentor));
    const mentee = menteeIndex.get(participantId(pair.mentee));
    if (mentor === undefined || mentee === undefined) continue;
    const list = byMentee.get(mentee) ?? [];
    list.push(mentor);
    byMentee.set(mentee, list);
  }
  return byMentee;
}

export function indexById(people: readonly Participant[]): Map<string, number> {
  const index = new Map<string, number>();
  people.forEach((person, i) => {
    if (!index.has(person.id)) index.set(person.id, i);
  });
  return index;
}

/**
 * The score matrix for these participants: rows are mentees, columns mentors. Pairs excluded by a
 * rule, forbidden, of the same person (same id), with a capacity-0 side, or scoring under
 * `minScore` get code 0 (ineligible); every other pair the code of its base score. `explainPair`
 * gives any pair's rule-by-rule score. Throws the signal's reason if `signal` aborts.
 */
/** A score matrix that also names a pair's exclusions alone, without its score's breakdown. */
export interface ScoredPairs extends ScoreMatrix {
  /**
   * explainPair(mentee, mentor).excludedBy, without building the rest of the explanation. The list
   * is shared by every pair with the same exclusions: read it, do not change it.
   */
  excludedBy(mentee: number, mentor: number): readonly string[];
}

export function scorePairs(
  mentors: readonly Participant[],
  mentees: readonly Participant[],
  ruleSet: RuleSet,
  options: ScoreOptions = {},
): ScoredPairs {
  const { onProgress, signal } = options;
  signal?.throwIfAborted();
  const rows = mentees.length;
  const cols = mentors.length;
  const compiled = compileRules(ruleSet, mentors, mentees);
  const exclusions = compiled.filter((r) => r.rule.kind === 'exclude');
  const scorers = compiled.filter((r) => r.rule.kind === 'score');
  // Rules worth no points cannot change a score; the rest each get a bit of a row's combinations.
  const weighted = scorers.filter((r) => r.rule.kind === 'score' && r.rule.points !== 0);
  const points = weighted.map((r) => (r.rule.kind === 'score' ? r.rule.points : 0));
  const minScore = ruleSet.minScore;
  const tabulated = weighted.length <= MAX_TABULATED_RULES ? combinationCodes(points, minScore) : null;
  const interner = tabulated ? null : new ScoreInterner(minScore);
  const largestCode = tabulated ? tabulated.scoreOfCode.length - 1 : 0xffffffff;
  const codes = reusableCodes(options.reuse?.codes, rows * cols, largestCode) ?? codeArray(rows * cols, largestCode);
  // Each weighted rule adds its weight to a candidate's total: 2^r when tabulated, so that the total
  // is the combination of rules that hold (an integer index); its points otherwise.
  const weights = tabulated ? points.map((_, r) => 2 ** r) : points;
  const totals = tabulated ? new Int32Array(cols) : new Float64Array(cols);
  const mask = new Uint8Array(cols);
  const candidates = new Int32Array(cols);
  const mentorIndex = indexById(mentors);
  const forbidden = forbiddenByMentee(ruleSet, mentors, mentees);
  const eligibleCountByMentee = new Int32Array(rows);
  const eligibleCountByMentor = new Int32Array(cols);
  const mentorHasCapacity = Uint8Array.from(mentors, (m) => (m.capacity > 0 ? 1 : 0));
  const allMentorsHaveCapacity = mentorHasCapacity.every((flag) => flag === 1);

  /**
   * Fills `candidates` with row i's mentors that pass `rowExclusions` (and have room) and writes
   * their codes to target[targetBase + mentor]; returns how many. The candidate list shrinks rule by
   * rule; scoring then visits only the eligible pairs, whose scores are the only ones the matrix
   * promises.
   */
  const scoreRow = (i: number, rowExclusions: readonly CompiledRule[], target: ScoreCodes, targetBase: number) => {
    let count = -1;
    let collectedBy: CompiledRule | null = null;
    for (const rule of rowExclusions) {
      count = rule.condition.collect?.(i, candidates, false) ?? -1;
      if (count >= 0) {
        collectedBy = rule;
        break;
      }
    }
    if (count < 0) {
      for (let j = 0; j < cols; j++) candidates[j] = j;
      count = cols;
    }
    if (!allMentorsHaveCapacity) {
      let kept = 0;
      for (let k = 0; k < count; k++) {
        candidates[kept] = candidates[k];
        kept += mentorHasCapacity[candidates[k]];
      }
      count = kept;
    }
    for (const rule of rowExclusions) {
      if (count === 0) break;
      if (rule !== collectedBy) count = rule.condition.filter(i, candidates, count, false);
    }
    addRuleWeights(weighted, weights, i, candidates, count, mask, totals);
    if (tabulated) {
      const { codeOfCombination } = tabulated;
      for (let k = 0; k < count; k++) target[targetBase + candidates[k]] = codeOfCombination[totals[k]];
    } else {
      for (let k = 0; k < count; k++) target[targetBase + candidates[k]] = interner!.code(totals[k]);
    }
    return count;
  };

  // Rows alike in every mentee field but those only their own exclusions read (row-templates.ts)
  // share a template: its candidates and codes before those exclusions, worked out once. Only with
  // tabulated codes, whose numbering does not depend on the order pairs are met in.
  const templates = tabulated ? rowTemplates(ruleSet, mentees) : null;
  const templateExclusions = exclusions.filter((r) => !templates?.ownExclusions.has(r.rule.id));
  const ownExclusions = exclusions.filter((r) => templates?.ownExclusions.has(r.rule.id));
  const templateCodes = templates ? codeArray(cols, largestCode) : null;
  const templateCandidates = templates ? new Int32Array(cols) : null;
  let templateCount = 0;
  let currentTemplate = -1;
  // Where each row's eligible pairs are counted and flagged (tallyRow); a sink when no flags are asked for.
  const perFlag = options.eligibleBlocks?.mentorsPerFlag ?? cols + 1;
  const flagsPerRow = options.eligibleBlocks ? Math.ceil(cols / perFlag) : 0;
  const tally: Tally = {
    byMentor: eligibleCountByMentor,
    colWeight: options.weights?.mentors ?? new Int32Array(cols).fill(1),
    flags: options.eligibleBlocks?.flags ?? new Uint8Array(1),
    perFlag,
  };
  const rowCount = templates ? templates.order.length : rows;

  for (let n = 0; n < rowCount; n++) {
    if (n % PROGRESS_EVERY_ROWS === 0) {
      signal?.throwIfAborted();
      onProgress?.({ phase: 'scoring', fraction: n / rowCount });
    }
    const i = templates ? templates.order[n] : n;
    if (mentees[i].capacity === 0) continue;
    const base = i * cols;
    let count: number;
    if (templates) {
      if (templates.templateOf[i] !== currentTemplate) {
        templateCount = scoreRow(i, templateExclusions, templateCodes!, 0);
        templateCandidates!.set(candidates.subarray(0, templateCount));
        currentTemplate = templates.templateOf[i];
      }
      candidates.set(templateCandidates!.subarray(0, templateCount));
      count = templateCount;
      for (const rule of ownExclusions) {
        if (count === 0) break;
        count = rule.condition.filter(i, candidates, count, false);
      }
    } else {
      count = scoreRow(i, exclusions, codes, base);
    }
    const self = mentorIndex.get(mentees[i].id);
    const rowWeight = options.weights ? options.weights.mentees[i] : 1;
    const flagRow = i * flagsPerRow;
    // A row with no pair of its own to rule out (itself, a forbidden mentor) takes its template's
    // codes as they are counted; another has them copied first, then ruled out.
    const copyAsTallied = templates !== null && self === undefined && !forbidden.has(i);
    if (templates && !copyAsTallied)
      for (let k = 0; k < count; k++) codes[base + candidates[k]] = templateCodes![candidates[k]];
    if (self !== undefined) codes[base + self] = INELIGIBLE;
    for (const j of forbidden.get(i) ?? []) codes[base + j] = INELIGIBLE;
    eligibleCountByMentee[i] = tallyRow(
      codes,
      base,
      candidates,
      count,
      tally,
      rowWeight,
      flagRow,
      copyAsTallied ? templateCodes : null,
    );
  }
  onProgress?.({ phase: 'scoring', fraction: 1 });

  const explainPair = (mentee: number, mentor: number): PairExplanation => {
    checkIndex(mentee, rows, 'mentee');
    checkIndex(mentor, cols, 'mentor');
    const contributions: RuleContribution[] = [];
    for (const { rule, condition } of scorers) {
      if (rule.kind === 'score' && condition.test(mentee, mentor)) {
        contributions.push({ ruleId: rule.id, label: rule.label, points: rule.points });
      }
    }
    const total = contributions.reduce((sum, c) => sum + c.points, 0);
    return {
      eligible: codes[mentee * cols + mentor] !== INELIGIBLE,
      excludedBy: exclusionsOf(mentee, mentor, total),
      contributions,
      score: total,
    };
  };

  // The built-in exclusions that hold for a pair, a bit each in the order the lists name them.
  const builtInOrder = [
    builtInExclusions.samePerson,
    builtInExclusions.forbiddenPair,
    builtInExclusions.capacityZero,
    builtInExclusions.minScore,
  ];
  const builtInBits = (mentee: number, mentor: number, total: number): number =>
    (mentees[mentee].id === mentors[mentor].id ? 1 : 0) |
    (forbidden.get(mentee)?.includes(mentor) ? 2 : 0) |
    (mentees[mentee].capacity === 0 || mentors[mentor].capacity === 0 ? 4 : 0) |
    (minScore !== undefined && total < minScore ? 8 : 0);

  const exclusionsOf = (mentee: number, mentor: number, total: number): string[] => {
    const reasons = exclusions.filter((r) => r.condition.test(mentee, mentor)).map((r) => r.rule.id);
    const bits = builtInBits(mentee, mentor, total);
    builtInOrder.forEach((builtIn, k) => {
      if ((bits >> k) & 1) reasons.push(builtIn.ruleId);
    });
    return reasons;
  };

  // Scores of ineligible pairs are not kept in the matrix, so the min-score test re-scores.
  const total = (mentee: number, mentor: number) =>
    scorers.reduce(
      (sum, r) => (r.rule.kind === 'score' && r.condition.test(mentee, mentor) ? sum + r.rule.points : sum),
      0,
    );

  // One list per set of exclusions (a bit per exclusion rule, then the built-in ones), so that
  // asking about many pairs, as the reasons for having no partner do, allocates next to nothing.
  const listsByMask = new Map<number, readonly string[]>();
  const excludedBy = (mentee: number, mentor: number): readonly string[] => {
    checkIndex(mentee, rows, 'mentee');
    checkIndex(mentor, cols, 'mentor');
    const pairTotal = minScore === undefined ? 0 : total(mentee, mentor);
    if (exclusions.length > MASKED_EXCLUSIONS) return exclusionsOf(mentee, mentor, pairTotal);
    let mask = 0;
    for (let r = 0; r < exclusions.length; r++) if (exclusions[r].condition.test(mentee, mentor)) mask |= 1 << r;
    mask |= builtInBits(mentee, mentor, pairTotal) << MASKED_EXCLUSIONS;
    let list = listsByMask.get(mask);
    if (list === undefined) {
      list = exclusionsOf(mentee, mentor, pairTotal);
      listsByMask.set(mask, list);
    }
    return list;
  };

  const exclusionCounts = (role: Role, index: number) => {
    const own = role === 'mentee' ? rows : cols;
    checkIndex(index, own, role);
    const counts = new Map<string, number>();
    const partners = role === 'mentee' ? cols : rows;
    for (let k = 0; k < partners; k++) {
      const [mentee, mentor] = role === 'mentee' ? [index, k] : [k, index];
      for (const id of exclusionsOf(mentee, mentor, minScore === undefined ? 0 : total(mentee, mentor)))
        counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return [...counts].map(([ruleId, count]) => ({ ruleId, label: exclusionLabel(compiled, ruleId), count }));
  };

  const scoreOfCode = tabulated ? tabulated.scoreOfCode : interner!.scoreOfCode();
  return {
    mentees,
    mentors,
    codes,
    scoreOfCode,
    eligibleCountByMentee,
    eligibleCountByMentor,
    codeOf: (mentee, mentor) => codes[mentee * cols + mentor],
    explainPair,
    excludedBy,
    exclusionCounts,
  };
}

/** totals[k] = the weights of the rules that hold for mentee `mentee` and its k-th candidate, added in rule order. */
function addRuleWeights(
  rules: readonly CompiledRule[],
  weights: readonly number[],
  mentee: number,
  candidates: Int32Array,
  count: number,
  mask: Uint8Array,
  totals: Int32Array | Float64Array,
): void {
  totals.fill(0, 0, count);
  for (let r = 0; r < rules.length && count > 0; r++) {
    const holds = rules[r].condition.fill(mentee, candidates, count, mask, false);
    const weight = weights[r];
    if (holds === FILLED) for (let k = 0; k < count; k++) totals[k] += mask[k] * weight;
    else if (holds === ALL_TRUE) for (let k = 0; k < count; k++) totals[k] += weight;
  }
}

/** Where a row's eligible pairs are counted: per mentor, with each mentor's weight, and flagged per block of mentors. */
interface Tally {
  readonly byMentor: Int32Array;
  readonly colWeight: ArrayLike<number>;
  readonly flags: Uint8Array;
  readonly perFlag: number;
}

/**
 * The weights of the row's eligible candidates (each 1 without weights); each adds the row's weight
 * to its mentor's count and flags its block of mentors (ScoreOptions.eligibleBlocks). With a
 * `template` (row templates, by mentor) each candidate's code is first copied from it: one pass
 * instead of two.
 */
function tallyRow(
  codes: ScoreCodes,
  base: number,
  candidates: Int32Array,
  count: number,
  { byMentor, colWeight, flags, perFlag }: Tally,
  rowWeight: number,
  flagRow: number,
  template: ScoreCodes | null,
): number {
  let eligible = 0;
  for (let k = 0; k < count; k++) {
    const j = candidates[k];
    let code: number;
    if (template === null) code = codes[base + j];
    else {
      code = template[j];
      codes[base + j] = code;
    }
    if (code !== INELIGIBLE) {
      eligible += colWeight[j];
      byMentor[j] += rowWeight;
      flags[flagRow + Math.floor(j / perFlag)] = 1;
    }
  }
  return eligible;
}

/** The earlier codes, cleared, when they have this length and a wide enough element type. */
function reusableCodes(earlier: ScoreCodes | undefined, length: number, largestCode: number): ScoreCodes | null {
  if (!earlier || earlier.length !== length) return null;
  const largestHeld = 2 ** (8 * earlier.BYTES_PER_ELEMENT) - 1;
  return largestCode <= largestHeld ? earlier.fill(INELIGIBLE) : null;
}

function exclusionLabel(compiled: readonly CompiledRule[], ruleId: string): string {
  const rule = compiled.find((r) => r.rule.id === ruleId);
  if (rule) return rule.rule.label;
  return Object.values(builtInExclusions).find((b) => b.ruleId === ruleId)?.label ?? ruleId;
}

function checkIndex(index: number, length: number, role: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= length) {
    throw new RangeError(`${role} index ${index} is outside 0..${length - 1}`);
  }
}
