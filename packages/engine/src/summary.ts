// The summary: how many people got 0, 1, 2, … partners on each side, pair scores, and headlines
// that compare coverage with the best possible. Pair scores here are base scores (rule points):
// a strategy's bonus is a device of its method, not a quality of the pair, and base scores are what
// the two strategies (and a person beating the computer) can be compared on.
import type { MatchSummary, MatchedPair, PersonOutcome, SideSummary, StrategySettings } from './model.js';

function sideSummary(people: readonly PersonOutcome[], bestPossible: number | null): SideSummary {
  const countsByMatches = [0];
  let matched = 0;
  for (const person of people) {
    const k = person.partners.length;
    while (countsByMatches.length <= k) countsByMatches.push(0);
    countsByMatches[k]++;
    if (k > 0) matched++;
  }
  return { total: people.length, matched, countsByMatches, bestPossible };
}

function coverageHeadline(side: SideSummary, people: string, partner: string, context: string): string {
  const plain = `${side.matched} of ${side.total} ${people} ${side.matched === 1 ? 'has' : 'have'} ${partner}`;
  if (side.bestPossible === null) return `${plain}.`;
  if (side.matched >= side.bestPossible) return `${plain}; this is the most possible${context}.`;
  return `${plain}; the most possible${context} is ${side.bestPossible}.`;
}

/** Two decimals: summaries are read by people, and a fixed rounding keeps output byte-identical. */
export function roundScore(value: number): number {
  return Math.round(value * 100) / 100;
}

export function summarise(
  settings: StrategySettings,
  pairs: readonly MatchedPair[],
  mentors: readonly PersonOutcome[],
  mentees: readonly PersonOutcome[],
  bestPossible: { mentees: number | null; mentors: number | null },
): MatchSummary {
  const menteeSide = sideSummary(mentees, bestPossible.mentees);
  const mentorSide = sideSummary(mentors, bestPossible.mentors);
  let totalScore = 0;
  let minScore: number | null = null;
  for (const pair of pairs) {
    totalScore += pair.baseScore;
    minScore = minScore === null ? pair.baseScore : Math.min(minScore, pair.baseScore);
  }
  const meanScore = pairs.length > 0 ? roundScore(totalScore / pairs.length) : null;
  const headlines = [
    coverageHeadline(menteeSide, 'mentees', 'a mentor', ''),
    coverageHeadline(mentorSide, 'mentors', 'a mentee', menteeSide.bestPossible === null ? '' : ' while matching the most mentees'),
    pairs.length === 0
      ? 'No pairs were made.'
      : `${pairs.length} ${pairs.length === 1 ? 'pair' : 'pairs'}, total score ${roundScore(totalScore)}, mean ${meanScore}, lowest ${minScore}.`,
  ];
  return {
    strategy: settings.name,
    mentors: mentorSide,
    mentees: menteeSide,
    pairCount: pairs.length,
    totalScore: roundScore(totalScore),
    meanScore,
    minScore,
    headlines,
  };
}
