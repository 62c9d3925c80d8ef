// Pairs fixed before solving: locked pairs from the rule set (must hold, or the run stops with a
// problem naming both people) and, when re-matching, the pairs of an earlier result (kept where
// still allowed, otherwise reported as dropped with the reason). Both use capacity.
import type { InputProblem, PairIndex, Participant, PairScores } from './model.js';
import { mayPair } from './score-codes.js';

export interface EarlierPair {
  readonly mentorId: string;
  readonly menteeId: string;
}

export interface DroppedEarlierPair extends EarlierPair {
  readonly reason: string;
}

export interface FixedPairs {
  /** Locked and kept earlier pairs together: what the strategy must include. */
  readonly fixed: readonly PairIndex[];
  /** The subset that came from `lockedPairs`. */
  readonly locked: readonly PairIndex[];
  /** The subset kept from an earlier result. */
  readonly kept: readonly PairIndex[];
  readonly problems: readonly InputProblem[];
  readonly dropped: readonly DroppedEarlierPair[];
}

const normaliseId = (id: string) => id.trim().toLowerCase();

function indexById(people: readonly Participant[]): Map<string, Participant> {
  const byId = new Map<string, Participant>();
  for (const person of people) if (!byId.has(person.id)) byId.set(person.id, person);
  return byId;
}

function exclusionWords(matrix: PairScores, mentee: number, mentor: number): string {
  const explanation = matrix.explainPair(mentee, mentor);
  return explanation.excludedBy.length > 0 ? explanation.excludedBy.join(', ') : 'not eligible';
}

/**
 * Resolves locked pairs first (they win over earlier pairs for the same capacity), then earlier
 * pairs in the order given. Never drops a lock silently: an unknown person, an ineligible pair or
 * more locks than a person's capacity is an error naming both ids.
 */
export function resolveFixedPairs(
  matrix: PairScores,
  lockedPairs: readonly { mentor: string; mentee: string }[],
  earlierPairs: readonly EarlierPair[] = [],
): FixedPairs {
  const mentors = indexById(matrix.mentors);
  const mentees = indexById(matrix.mentees);
  const mentorCount = matrix.mentors.length;
  const mentorUsed = new Int32Array(mentorCount);
  const menteeUsed = new Int32Array(matrix.mentees.length);
  const taken = new Set<number>();
  const problems: InputProblem[] = [];
  const locked: PairIndex[] = [];
  const kept: PairIndex[] = [];
  const dropped: DroppedEarlierPair[] = [];

  lockedPairs.forEach((pair, n) => {
    const mentorId = normaliseId(pair.mentor);
    const menteeId = normaliseId(pair.mentee);
    const where = `lockedPairs[${n}] (mentor ${pair.mentor}, mentee ${pair.mentee})`;
    const mentor = mentors.get(mentorId);
    const mentee = mentees.get(menteeId);
    if (!mentor || !mentee) {
      const missing = [
        !mentor ? `no mentor with id ${pair.mentor}` : null,
        !mentee ? `no mentee with id ${pair.mentee}` : null,
      ];
      problems.push({
        severity: 'error',
        code: 'locked-pair-unknown-person',
        message: `${where}: ${missing.filter(Boolean).join(' and ')}.`,
      });
      return;
    }
    const key = mentee.index * mentorCount + mentor.index;
    if (taken.has(key)) {
      problems.push({
        severity: 'warning',
        code: 'locked-pair-duplicate',
        message: `${where}: this pair is locked more than once; it counts once.`,
      });
      return;
    }
    if (!mayPair(matrix, mentee.index, mentor.index)) {
      problems.push({
        severity: 'error',
        code: 'locked-pair-not-eligible',
        message: `${where}: the pair is not allowed (${exclusionWords(matrix, mentee.index, mentor.index)}).`,
      });
      return;
    }
    taken.add(key);
    mentorUsed[mentor.index]++;
    menteeUsed[mentee.index]++;
    locked.push({ mentee: mentee.index, mentor: mentor.index });
  });

  for (const [people, used, role] of [
    [matrix.mentors, mentorUsed, 'mentor'],
    [matrix.mentees, menteeUsed, 'mentee'],
  ] as const) {
    for (const person of people) {
      if (used[person.index] <= person.capacity) continue;
      const partners = locked
        .filter((p) => (role === 'mentor' ? p.mentor : p.mentee) === person.index)
        .map((p) => (role === 'mentor' ? matrix.mentees[p.mentee].id : matrix.mentors[p.mentor].id));
      problems.push({
        severity: 'error',
        code: 'locked-pairs-exceed-capacity',
        message: `${role} ${person.id} has ${used[person.index]} locked pairs (with ${partners.join(', ')}) but a capacity of ${person.capacity}.`,
        table: person.source,
        row: person.row,
      });
    }
  }

  for (const pair of earlierPairs) {
    const mentor = mentors.get(normaliseId(pair.mentorId));
    const mentee = mentees.get(normaliseId(pair.menteeId));
    const drop = (reason: string) => dropped.push({ mentorId: pair.mentorId, menteeId: pair.menteeId, reason });
    if (!mentor || !mentee) {
      const gone = [!mentor ? `mentor ${pair.mentorId}` : null, !mentee ? `mentee ${pair.menteeId}` : null].filter(
        Boolean,
      );
      drop(`${gone.join(' and ')} ${gone.length > 1 ? 'are' : 'is'} no longer taking part`);
      continue;
    }
    const key = mentee.index * mentorCount + mentor.index;
    if (taken.has(key)) continue;
    if (!mayPair(matrix, mentee.index, mentor.index)) {
      drop(`the pair is no longer allowed (${exclusionWords(matrix, mentee.index, mentor.index)})`);
      continue;
    }
    if (mentorUsed[mentor.index] >= mentor.capacity) {
      drop(
        `mentor ${mentor.id} now has room for ${mentor.capacity} ${mentor.capacity === 1 ? 'mentee' : 'mentees'}, all taken`,
      );
      continue;
    }
    if (menteeUsed[mentee.index] >= mentee.capacity) {
      drop(
        `mentee ${mentee.id} now has room for ${mentee.capacity} ${mentee.capacity === 1 ? 'mentor' : 'mentors'}, all taken`,
      );
      continue;
    }
    taken.add(key);
    mentorUsed[mentor.index]++;
    menteeUsed[mentee.index]++;
    kept.push({ mentee: mentee.index, mentor: mentor.index });
  }

  return { fixed: [...locked, ...kept], locked, kept, problems, dropped };
}
