// Builds the engine's result from a strategy's outcome: pairs in a fixed order with their
// breakdown and rank, one outcome per person (partners, alternates, or the reason for none), and
// the summary. Everything is ordered by input position, never by hash or time, so the same input
// always gives the same result.
import type {
  InputProblem,
  MatchResult,
  MatchedPair,
  PairIndex,
  Participant,
  PersonOutcome,
  PairScores,
  StrategyOutcome,
  StrategySettings,
} from './model.js';
import { menteeRowFacts, unmatchedReason } from './explain.js';
import { summarise } from './summary.js';
import { scoreOfPair } from './score-codes.js';

export interface BuildResultInput {
  readonly matrix: PairScores;
  readonly settings: StrategySettings;
  readonly outcome: StrategyOutcome;
  /** Pairs kept from an earlier result (they are also in the outcome, marked locked). */
  readonly kept?: readonly PairIndex[];
  readonly problems?: readonly InputProblem[];
  readonly droppedEarlierPairs?: MatchResult['droppedEarlierPairs'];
  readonly scoreRules?: MatchResult['scoreRules'];
  readonly profileColumns?: MatchResult['profileColumns'];
}

export function buildResult(input: BuildResultInput): MatchResult {
  const { matrix, settings, outcome } = input;
  const mentorCount = matrix.mentors.length;
  const keptKeys = new Set((input.kept ?? []).map((p) => p.mentee * mentorCount + p.mentor));
  // By round, mentor, mentee: one number per pair to compare (a comparator reading three fields of
  // each pair took 52 ms for 30,000 pairs).
  const menteeCount = matrix.mentees.length;
  const sortKey = Float64Array.from(
    outcome.pairs,
    (p) => ((p.round ?? 0) * mentorCount + p.mentor) * menteeCount + p.mentee,
  );
  const ordered = Array.from(
    Int32Array.from(outcome.pairs, (_, k) => k).sort((x, y) => sortKey[x] - sortKey[y] || x - y),
    (k) => outcome.pairs[k],
  );

  const menteePartners: Participant[][] = matrix.mentees.map(() => []);
  const mentorPartners: Participant[][] = matrix.mentors.map(() => []);
  const chosenByMentee: number[][] = matrix.mentees.map(() => []);
  for (const pair of ordered) {
    menteePartners[pair.mentee].push(matrix.mentors[pair.mentor]);
    mentorPartners[pair.mentor].push(matrix.mentees[pair.mentee]);
    chosenByMentee[pair.mentee].push(pair.mentor);
  }

  const alternateCount = settings.name === 'optimal' ? settings.alternates : 0;
  const rankOf = new Map<number, number>();
  const alternatesOf: PersonOutcome['alternates'][] = matrix.mentees.map(() => []);
  for (const mentee of matrix.mentees) {
    const chosen = chosenByMentee[mentee.index];
    if (chosen.length === 0 && alternateCount === 0) continue;
    const facts = menteeRowFacts(matrix, mentee.index, chosen, alternateCount);
    chosen.forEach((mentor, k) => rankOf.set(mentee.index * mentorCount + mentor, facts.ranks[k]));
    alternatesOf[mentee.index] = facts.alternates.map((a) => ({ mentor: matrix.mentors[a.mentor], score: a.score }));
  }

  const pairs: MatchedPair[] = ordered.map((pair) => {
    const key = pair.mentee * mentorCount + pair.mentor;
    const explanation = matrix.explainPair(pair.mentee, pair.mentor);
    const score = scoreOfPair(matrix, pair.mentee, pair.mentor);
    const kept = keptKeys.has(key);
    return {
      mentor: matrix.mentors[pair.mentor],
      mentee: matrix.mentees[pair.mentee],
      score,
      bonus: pair.bonus,
      scoreWithBonus: score + pair.bonus,
      contributions: explanation.contributions,
      round: pair.round,
      rankForMentee: rankOf.get(key) ?? 1,
      locked: pair.locked && !kept,
      kept,
    };
  });

  const partnersOf = (role: 'mentor' | 'mentee', index: number) =>
    (role === 'mentor' ? mentorPartners : menteePartners)[index];
  const outcomeFor = (
    person: Participant,
    partners: readonly Participant[],
    alternates: PersonOutcome['alternates'],
  ): PersonOutcome => ({
    participant: person,
    partners,
    reason: partners.length > 0 ? null : unmatchedReason(matrix, person, partnersOf, settings),
    alternates,
  });
  const mentors = matrix.mentors.map((m) => outcomeFor(m, mentorPartners[m.index], []));
  const mentees = matrix.mentees.map((m) => outcomeFor(m, menteePartners[m.index], alternatesOf[m.index]));

  return {
    pairs,
    mentors,
    mentees,
    summary: summarise(settings, pairs, mentors, mentees, {
      mentees: outcome.bestPossibleMenteeCoverage,
      mentors: outcome.bestPossibleMentorCoverage,
    }),
    problems: [...(input.problems ?? []), ...(outcome.warnings ?? [])],
    droppedEarlierPairs: input.droppedEarlierPairs ?? [],
    strategySettings: settings,
    ...(input.scoreRules ? { scoreRules: input.scoreRules } : {}),
    ...(input.profileColumns ? { profileColumns: input.profileColumns } : {}),
  };
}
