// Scores every mentee × mentor pair under a rule set. Columns are encoded once (encoding.ts), the
// rules compiled once (rules/evaluation.ts); then each mentee row is filled rule by rule with one
// tight loop per rule into a row of the Float64 score matrix and the Uint8 eligibility matrix.
//
// Memory: 9 bytes per pair (8 score + 1 eligible): 10,000 × 10,000 is 900 MB of typed arrays,
// outside the JavaScript heap, which Node and browsers allow.
import type { PairExplanation, Participant, Progress, Role, RuleContribution, ScoreMatrix } from './model.js';
import { ALL_TRUE, FILLED, compileRules } from './rules/evaluation.js';
import type { CompiledRule } from './rules/evaluation.js';
import type { RuleSet } from './rules/schema.js';
import { participantId } from './participants.js';

export interface ScoreOptions {
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
  /**
   * Arrays from an earlier matrix of the same size to fill again instead of allocating new ones
   * (re-running after a weight change). At 10,000 × 10,000 a fresh 900 MB costs more, in page
   * faults, than the scoring itself. The earlier matrix must not be used afterwards.
   */
  readonly reuse?: { readonly score: Float64Array; readonly eligible: Uint8Array };
}

/** Reasons a pair is ineligible that are not rules of the set. */
export const builtInExclusions = {
  samePerson: { ruleId: 'same-person', label: 'Same person' },
  forbiddenPair: { ruleId: 'forbidden-pair', label: 'Forbidden pair' },
  capacityZero: { ruleId: 'capacity-zero', label: 'Capacity of 0' },
  minScore: { ruleId: 'min-score', label: 'Score below the minimum' },
} as const;

const PROGRESS_EVERY_ROWS = 256;

function forbiddenByMentee(ruleSet: RuleSet, mentors: readonly Participant[], mentees: readonly Participant[]): Map<number, number[]> {
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

function indexById(people: readonly Participant[]): Map<string, number> {
  const index = new Map<string, number>();
  people.forEach((person, i) => {
    if (!index.has(person.id)) index.set(person.id, i);
  });
  return index;
}

/**
 * The score matrix for these participants: rows are mentees, columns mentors. Pairs excluded by a
 * rule, forbidden, of the same person (same id), with a capacity-0 side, or scoring under
 * `minScore` are marked ineligible. Scores are filled for eligible pairs only (an ineligible pair
 * reads 0); `explainPair` gives any pair's rule-by-rule score. Throws the signal's reason if
 * `signal` aborts.
 */
export function scorePairs(
  mentors: readonly Participant[],
  mentees: readonly Participant[],
  ruleSet: RuleSet,
  options: ScoreOptions = {},
): ScoreMatrix {
  const { onProgress, signal } = options;
  signal?.throwIfAborted();
  const rows = mentees.length;
  const cols = mentors.length;
  const reusable = options.reuse && options.reuse.score.length === rows * cols && options.reuse.eligible.length === rows * cols;
  const score = reusable ? options.reuse!.score.fill(0) : new Float64Array(rows * cols);
  const eligible = reusable ? options.reuse!.eligible.fill(0) : new Uint8Array(rows * cols);
  const compiled = compileRules(ruleSet, mentors, mentees);
  const exclusions = compiled.filter((r) => r.rule.kind === 'exclude');
  const scorers = compiled.filter((r) => r.rule.kind === 'score');
  const mask = new Uint8Array(cols);
  const candidates = new Int32Array(cols);
  const mentorIndex = indexById(mentors);
  const forbidden = forbiddenByMentee(ruleSet, mentors, mentees);
  const mentorHasCapacity = Uint8Array.from(mentors, (m) => (m.capacity > 0 ? 1 : 0));
  const allMentorsHaveCapacity = mentorHasCapacity.every((flag) => flag === 1);
  const minScore = ruleSet.minScore;

  for (let i = 0; i < rows; i++) {
    if (i % PROGRESS_EVERY_ROWS === 0) {
      signal?.throwIfAborted();
      onProgress?.({ phase: 'scoring', fraction: i / rows });
    }
    if (mentees[i].capacity === 0) continue;
    const base = i * cols;
    // The candidate list shrinks rule by rule; scoring then visits only the eligible pairs, whose
    // scores are the only ones the matrix promises.
    let count = -1;
    let collectedBy: CompiledRule | null = null;
    for (const rule of exclusions) {
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
    for (const rule of exclusions) {
      if (count === 0) break;
      if (rule !== collectedBy) count = rule.condition.filter(i, candidates, count, false);
    }
    for (let k = 0; k < count; k++) eligible[base + candidates[k]] = 1;
    const self = mentorIndex.get(mentees[i].id);
    if (self !== undefined) eligible[base + self] = 0;
    for (const j of forbidden.get(i) ?? []) eligible[base + j] = 0;
    for (const { condition, rule } of scorers) {
      if (count === 0) break;
      if (rule.kind !== 'score' || rule.points === 0) continue;
      const points = rule.points;
      const holds = condition.fill(i, candidates, count, mask, false);
      if (holds === FILLED) for (let k = 0; k < count; k++) score[base + candidates[k]] += mask[k] * points;
      else if (holds === ALL_TRUE) for (let k = 0; k < count; k++) score[base + candidates[k]] += points;
    }
    if (minScore !== undefined) {
      for (let k = 0; k < count; k++) if (score[base + candidates[k]] < minScore) eligible[base + candidates[k]] = 0;
    }
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
      eligible: eligible[mentee * cols + mentor] === 1,
      excludedBy: exclusionsOf(mentee, mentor, total),
      contributions,
      score: total,
    };
  };

  const exclusionsOf = (mentee: number, mentor: number, total: number): string[] => {
    const reasons = exclusions.filter((r) => r.condition.test(mentee, mentor)).map((r) => r.rule.id);
    if (mentees[mentee].id === mentors[mentor].id) reasons.push(builtInExclusions.samePerson.ruleId);
    if (forbidden.get(mentee)?.includes(mentor)) reasons.push(builtInExclusions.forbiddenPair.ruleId);
    if (mentees[mentee].capacity === 0 || mentors[mentor].capacity === 0) reasons.push(builtInExclusions.capacityZero.ruleId);
    if (minScore !== undefined && total < minScore) reasons.push(builtInExclusions.minScore.ruleId);
    return reasons;
  };

  const exclusionCounts = (role: Role, index: number) => {
    // Scores of ineligible pairs are not kept in the matrix, so the min-score test re-scores.
    const total = (mentee: number, mentor: number) =>
      scorers.reduce((sum, r) => (r.rule.kind === 'score' && r.condition.test(mentee, mentor) ? sum + r.rule.points : sum), 0);
    const own = role === 'mentee' ? rows : cols;
    checkIndex(index, own, role);
    const counts = new Map<string, number>();
    const partners = role === 'mentee' ? cols : rows;
    for (let k = 0; k < partners; k++) {
      const [mentee, mentor] = role === 'mentee' ? [index, k] : [k, index];
      for (const id of exclusionsOf(mentee, mentor, minScore === undefined ? 0 : total(mentee, mentor))) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return [...counts].map(([ruleId, count]) => ({ ruleId, label: exclusionLabel(compiled, ruleId), count }));
  };

  return { mentees, mentors, score, eligible, explainPair, exclusionCounts };
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
