// Scores held by classes of people. A pair's score depends only on the fields the rules read
// (grade, organisation, profession, characteristics for the Mentor Match presets), so people with
// equal values in all of them are interchangeable to the rules: the rules are evaluated once per
// pair of classes (the existing scorer, run on one representative of each class) and a person's
// pair is looked up through their classes. Pairs excluded one by one (the same person, a forbidden
// pair, a side with capacity 0) are applied per person. At 100,000 a side the generated data has
// about 20,000 mentee and 30,000 mentor classes: 6·10^8 class pairs instead of 10^10 pairs.
import type { PairClasses, PairExplanation, PairScores, Participant, Progress, Role, ScoreMatrix } from './model.js';
import type { ClassGrouping } from './class-grouping.js';
import type { RuleSet } from './rules/schema.js';
import { INELIGIBLE } from './score-codes.js';
import { builtInExclusions, forbiddenByMentee, indexById, scorePairs } from './scoring.js';

/** Class pairs are held one code each: more than this (1 GiB at one byte a code) and classes are not used. */
export const MAX_CLASS_PAIRS = 2 ** 30;

/** Mentor classes per flag of PairClasses.eligibleBlocks. */
export const CLASS_BLOCK = 64;

/**
 * The runs of mentor classes in which any of the mentee classes first .. first + count − 1 may have
 * an eligible class pair, read from their eligibleBlocks (`blocks`, for `cols` mentor classes) and
 * so made of whole blocks: run t is [runs[2t], runs[2t + 1]). Writes them to `runs` (eligibleRunsRoom)
 * and returns their number. The mentor classes outside the runs pair with none of those mentee
 * classes.
 */
export function eligibleRuns(blocks: Uint8Array, cols: number, first: number, count: number, runs: Int32Array): number {
  const perRow = Math.ceil(cols / CLASS_BLOCK);
  let made = 0;
  let open = false;
  for (let block = 0; block < perRow; block++) {
    let any = 0;
    for (let a = first; a < first + count; a++) any |= blocks[a * perRow + block];
    if (any !== 0 && !open) {
      runs[2 * made] = block * CLASS_BLOCK;
      open = true;
    } else if (any === 0 && open) {
      runs[2 * made + 1] = block * CLASS_BLOCK;
      made++;
      open = false;
    }
  }
  if (open) runs[2 * made++ + 1] = cols;
  return made;
}

/** Room eligibleRuns needs for `cols` mentor classes. */
export function eligibleRunsRoom(cols: number): number {
  return 2 * (Math.ceil(Math.ceil(cols / CLASS_BLOCK) / 2) + 1);
}

/** Whether holding scores by class pays: at most half as many class pairs as pairs, and within MAX_CLASS_PAIRS. */
export function classesPay(mentorClasses: number, menteeClasses: number, mentors: number, mentees: number): boolean {
  const classPairs = mentorClasses * menteeClasses;
  return classPairs <= MAX_CLASS_PAIRS && classPairs * 2 <= mentors * mentees;
}

export interface ClassScoreOptions {
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
}

/**
 * The pair scores of these people, held by class: the same codes, eligibility, explanations and
 * counts a full ScoreMatrix (scorePairs) gives, without one entry per pair.
 */
export function scoreByClasses(
  mentors: readonly Participant[],
  mentees: readonly Participant[],
  ruleSet: RuleSet,
  grouping: { readonly mentors: ClassGrouping; readonly mentees: ClassGrouping },
  options: ClassScoreOptions = {},
): PairScores & { readonly classes: PairClasses } {
  const byMentor = grouping.mentors;
  const byMentee = grouping.mentees;
  // One stand-in per class, with an id no person has and room for a partner, so that only the
  // rules decide its pairs; forbidden pairs and the same person are applied per person below.
  const stand = (people: readonly Participant[], group: ClassGrouping, prefix: string) =>
    Array.from({ length: group.count }, (_, k): Participant => ({
      ...people[group.members[group.start[k]]],
      id: `\u0000${prefix}${k}`,
      index: k,
      capacity: 1,
    }));
  const menteeHasRoom = Uint8Array.from(mentees, (p) => (p.capacity > 0 ? 1 : 0));
  const mentorHasRoom = Uint8Array.from(mentors, (p) => (p.capacity > 0 ? 1 : 0));
  const menteesWithRoom = membersWithRoom(byMentee, menteeHasRoom);
  const mentorsWithRoom = membersWithRoom(byMentor, mentorHasRoom);
  // Each stand-in weighs its members with room, so that the class matrix's eligible counts are
  // already the classes' partners with room.
  const blocks = new Uint8Array(byMentee.count * Math.ceil(byMentor.count / CLASS_BLOCK));
  const classMatrix = scorePairs(
    stand(mentors, byMentor, 'mentor class '),
    stand(mentees, byMentee, 'mentee class '),
    { ...ruleSet, forbiddenPairs: [], lockedPairs: [] },
    {
      ...options,
      weights: { mentees: menteesWithRoom, mentors: mentorsWithRoom },
      eligibleBlocks: { flags: blocks, mentorsPerFlag: CLASS_BLOCK },
    },
  );
  const mentorClasses = byMentor.count;
  const { codes, scoreOfCode } = classMatrix;
  const excludedMentors = individualExclusions(mentors, mentees, ruleSet);
  const codeOf = (mentee: number, mentor: number): number => {
    if (menteeHasRoom[mentee] === 0 || mentorHasRoom[mentor] === 0) return INELIGIBLE;
    const code = codes[byMentee.classOf[mentee] * mentorClasses + byMentor.classOf[mentor]];
    if (code !== INELIGIBLE && excludedMentors.has(mentee) && includes(excludedMentors.get(mentee)!, mentor)) {
      return INELIGIBLE;
    }
    return code;
  };
  const counts = eligibleCounts(classMatrix, byMentor, byMentee, menteeHasRoom, mentorHasRoom, excludedMentors);
  const classes: PairClasses = {
    menteeClassCount: byMentee.count,
    mentorClassCount: mentorClasses,
    menteeClass: byMentee.classOf,
    mentorClass: byMentor.classOf,
    menteeStart: byMentee.start,
    menteeMembers: byMentee.members,
    mentorStart: byMentor.start,
    mentorMembers: byMentor.members,
    menteesWithRoom,
    mentorsWithRoom,
    codes,
    eligibleBlocks: blocks,
    excludedMentors,
  };
  const forbidden = forbiddenByMentee(ruleSet, mentors, mentees);
  const labels = new Map<string, string>(ruleSet.rules.map((rule) => [rule.id, rule.label]));
  for (const builtIn of Object.values(builtInExclusions)) labels.set(builtIn.ruleId, builtIn.label);

  /** The exclusions of one pair, in the order scorePairs lists them. */
  const excludedBy = (mentee: number, mentor: number, classReasons: readonly string[]): string[] => {
    const reasons = classReasons.filter((id) => id !== builtInExclusions.minScore.ruleId);
    if (mentees[mentee].id === mentors[mentor].id) reasons.push(builtInExclusions.samePerson.ruleId);
    if (forbidden.get(mentee)?.includes(mentor)) reasons.push(builtInExclusions.forbiddenPair.ruleId);
    if (menteeHasRoom[mentee] === 0 || mentorHasRoom[mentor] === 0) reasons.push(builtInExclusions.capacityZero.ruleId);
    if (classReasons.includes(builtInExclusions.minScore.ruleId)) reasons.push(builtInExclusions.minScore.ruleId);
    return reasons;
  };

  const explainPair = (mentee: number, mentor: number): PairExplanation => {
    checkIndex(mentee, mentees.length, 'mentee');
    checkIndex(mentor, mentors.length, 'mentor');
    const inner = classMatrix.explainPair(byMentee.classOf[mentee], byMentor.classOf[mentor]);
    return {
      eligible: codeOf(mentee, mentor) !== INELIGIBLE,
      excludedBy: excludedBy(mentee, mentor, inner.excludedBy),
      contributions: inner.contributions,
      score: inner.score,
    };
  };

  // As scorePairs counts them: every partner's reasons, each reason listed where it first appears
  // (partners in index order). The rules' part is read once per partner class and kept per class.
  type Found = Map<string, { count: number; first: number; order: number }>;
  const ORDER = { rule: 0, samePerson: 1, forbidden: 2, capacityZero: 3, minScore: 4 };
  const note = (found: Found, id: string, partner: number, order: number, weight: number) => {
    const entry = found.get(id);
    if (entry === undefined) found.set(id, { count: weight, first: partner, order });
    else {
      entry.count += weight;
      if (partner < entry.first || (partner === entry.first && order < entry.order)) {
        entry.first = partner;
        entry.order = order;
      }
    }
  };
  const byClass = new Map<string, Found>();
  const classReasons = (isMentee: boolean, ownClass: number): Found => {
    const key = `${isMentee ? 'mentee' : 'mentor'} ${ownClass}`;
    const known = byClass.get(key);
    if (known) return known;
    const found: Found = new Map();
    const partners = isMentee ? byMentor : byMentee;
    for (let k = 0; k < partners.count; k++) {
      const excludedBy = isMentee ? classMatrix.excludedBy(ownClass, k) : classMatrix.excludedBy(k, ownClass);
      const size = partners.start[k + 1] - partners.start[k];
      const first = partners.members[partners.start[k]];
      excludedBy.forEach((id, order) =>
        note(
          found,
          id,
          first,
          id === builtInExclusions.minScore.ruleId ? ORDER.minScore : ORDER.rule + order / 1e6,
          size,
        ),
      );
    }
    byClass.set(key, found);
    return found;
  };

  // The individual exclusions, indexed once: a person's partners with the same id, forbidden with
  // them, or without room. Walking every partner for each person asked about took 4 s at 100,000 a
  // side (some 650 people with no eligible partner, asked twice each).
  const byId = (people: readonly Participant[]) => {
    const indices = new Map<string, number[]>();
    people.forEach((person, k) => {
      const list = indices.get(person.id);
      if (list) list.push(k);
      else indices.set(person.id, [k]);
    });
    return indices;
  };
  const withoutRoom = (hasRoom: Uint8Array) => {
    const indices: number[] = [];
    hasRoom.forEach((flag, k) => flag === 0 && indices.push(k));
    return indices;
  };
  let individual:
    | {
        mentorsById: Map<string, number[]>;
        menteesById: Map<string, number[]>;
        mentorsWithoutRoom: number[];
        menteesWithoutRoom: number[];
        forbiddenByMentor: Map<number, Set<number>>;
      }
    | undefined;
  const individualIndex = () => {
    if (!individual) {
      const forbiddenByMentor = new Map<number, Set<number>>();
      for (const [mentee, list] of forbidden) {
        for (const mentor of list) {
          const set = forbiddenByMentor.get(mentor);
          if (set) set.add(mentee);
          else forbiddenByMentor.set(mentor, new Set([mentee]));
        }
      }
      individual = {
        mentorsById: byId(mentors),
        menteesById: byId(mentees),
        mentorsWithoutRoom: withoutRoom(mentorHasRoom),
        menteesWithoutRoom: withoutRoom(menteeHasRoom),
        forbiddenByMentor,
      };
    }
    return individual;
  };

  const exclusionCounts = (role: Role, index: number) => {
    const isMentee = role === 'mentee';
    checkIndex(index, isMentee ? mentees.length : mentors.length, role);
    const ownClass = (isMentee ? byMentee : byMentor).classOf[index];
    const found: Found = new Map([...classReasons(isMentee, ownClass)].map(([id, entry]) => [id, { ...entry }]));
    const others = isMentee ? mentors : mentees;
    const self = isMentee ? mentees[index] : mentors[index];
    const lists = individualIndex();
    // Each partner's note, as a walk over every partner in order would make (a note keeps the
    // count and the first partner, so the order of the notes does not matter).
    for (const k of (isMentee ? lists.mentorsById : lists.menteesById).get(self.id) ?? []) {
      note(found, builtInExclusions.samePerson.ruleId, k, ORDER.samePerson, 1);
    }
    const forbiddenPartners = isMentee ? new Set(forbidden.get(index) ?? []) : lists.forbiddenByMentor.get(index);
    for (const k of forbiddenPartners ?? []) note(found, builtInExclusions.forbiddenPair.ruleId, k, ORDER.forbidden, 1);
    if (self.capacity === 0) {
      if (others.length > 0) {
        note(found, builtInExclusions.capacityZero.ruleId, 0, ORDER.capacityZero, others.length);
      }
    } else {
      for (const k of isMentee ? lists.mentorsWithoutRoom : lists.menteesWithoutRoom) {
        note(found, builtInExclusions.capacityZero.ruleId, k, ORDER.capacityZero, 1);
      }
    }
    return [...found]
      .sort(([, a], [, b]) => a.first - b.first || a.order - b.order)
      .map(([ruleId, { count }]) => ({ ruleId, label: labels.get(ruleId) ?? ruleId, count }));
  };

  return {
    mentees,
    mentors,
    scoreOfCode,
    eligibleCountByMentee: counts.byMentee,
    eligibleCountByMentor: counts.byMentor,
    codeOf,
    explainPair,
    exclusionCounts,
    classes,
  };
}

/**
 * Mentors each mentee may not have whatever the rules say: themselves (the first mentor with their
 * id, as scorePairs finds them) and forbidden pairs; sorted, no repeats.
 */
function individualExclusions(
  mentors: readonly Participant[],
  mentees: readonly Participant[],
  ruleSet: RuleSet,
): Map<number, Int32Array> {
  const lists = forbiddenByMentee(ruleSet, mentors, mentees);
  const mentorIndex = indexById(mentors);
  mentees.forEach((mentee, i) => {
    const self = mentorIndex.get(mentee.id);
    if (self === undefined) return;
    const list = lists.get(i) ?? [];
    list.push(self);
    lists.set(i, list);
  });
  return new Map([...lists].map(([i, list]) => [i, Int32Array.from(new Set(list)).sort()]));
}

/** The first place in `sorted` (ascending) whose value is at least `value`; its length if none. */
export function firstAtLeast(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Binary search in a sorted list. */
export function includes(sorted: Int32Array, value: number): boolean {
  const at = firstAtLeast(sorted, value);
  return at < sorted.length && sorted[at] === value;
}

/** Per class, how many of its members have room. */
function membersWithRoom(group: ClassGrouping, hasRoom: Uint8Array): Int32Array {
  const counts = new Int32Array(group.count);
  for (let k = 0; k < group.count; k++) {
    for (let p = group.start[k]; p < group.start[k + 1]; p++) counts[k] += hasRoom[group.members[p]];
  }
  return counts;
}

/**
 * Eligible partners per person: the class pairs weighted by the members with room (the class
 * matrix's weighted counts), less the individual exclusions.
 */
function eligibleCounts(
  classMatrix: ScoreMatrix,
  byMentor: ClassGrouping,
  byMentee: ClassGrouping,
  menteeHasRoom: Uint8Array,
  mentorHasRoom: Uint8Array,
  excludedMentors: ReadonlyMap<number, Int32Array>,
) {
  const { codes, eligibleCountByMentee: menteeClassCount, eligibleCountByMentor: mentorClassCount } = classMatrix;
  const cols = byMentor.count;
  const byMenteeCount = new Int32Array(byMentee.classOf.length);
  const byMentorCount = new Int32Array(byMentor.classOf.length);
  for (let i = 0; i < byMenteeCount.length; i++) {
    byMenteeCount[i] = menteeHasRoom[i] === 0 ? 0 : menteeClassCount[byMentee.classOf[i]];
  }
  for (let j = 0; j < byMentorCount.length; j++) {
    byMentorCount[j] = mentorHasRoom[j] === 0 ? 0 : mentorClassCount[byMentor.classOf[j]];
  }
  for (const [i, list] of excludedMentors) {
    if (menteeHasRoom[i] === 0) continue;
    for (const j of list) {
      if (mentorHasRoom[j] === 0) continue;
      if (codes[byMentee.classOf[i] * cols + byMentor.classOf[j]] === INELIGIBLE) continue;
      byMenteeCount[i]--;
      byMentorCount[j]--;
    }
  }
  return { byMentee: byMenteeCount, byMentor: byMentorCount };
}

function checkIndex(index: number, length: number, role: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= length) {
    throw new RangeError(`${role} index ${index} is outside 0..${length - 1}`);
  }
}
