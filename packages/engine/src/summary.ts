// The summary: how many people got 0, 1, 2, … partners on each side, pair scores, and headlines
// that compare coverage with the best possible. A score is always the rules' points: a strategy's
// bonus is a device of its method, not a quality of the pair, and the rules' points are what the
// two strategies (and a person beating the computer) can be compared on. Where the rounds strategy
// added its unmatched bonus, the summary also gives the totals with it, labelled as such, per round
// and overall (the figures the reference system's rounds maximised).
import type { MatchSummary, MatchedPair, PersonOutcome, RoundSummary, SideSummary, StrategySettings } from './model.js';

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
  let totalBonus = 0;
  let minScore: number | null = null;
  for (const pair of pairs) {
    totalScore += pair.score;
    totalBonus += pair.bonus;
    minScore = minScore === null ? pair.score : Math.min(minScore, pair.score);
  }
  const meanScore = pairs.length > 0 ? roundScore(totalScore / pairs.length) : null;
  const withBonus = settings.name === 'rounds';
  const scores =
    `${pairs.length} ${pairs.length === 1 ? 'pair' : 'pairs'}, total score ${roundScore(totalScore)}, mean ${meanScore}, ` +
    `lowest ${minScore}` +
    (withBonus
      ? ` (the rules' points; with the rounds' unmatched bonus the total is ${roundScore(totalScore + totalBonus)}).`
      : '.');
  const headlines = [
    coverageHeadline(menteeSide, 'mentees', 'a mentor', ''),
    coverageHeadline(
      mentorSide,
      'mentors',
      'a mentee',
      menteeSide.bestPossible === null ? '' : ' while matching the most mentees',
    ),
    pairs.length === 0 ? 'No pairs were made.' : scores,
  ];
  return {
    strategy: settings.name,
    mentors: mentorSide,
    mentees: menteeSide,
    pairCount: pairs.length,
    totalScore: roundScore(totalScore),
    meanScore,
    minScore,
    totalBonus: withBonus ? roundScore(totalBonus) : null,
    totalScoreWithBonus: withBonus ? roundScore(totalScore + totalBonus) : null,
    rounds: settings.name === 'rounds' ? roundSummaries(pairs, settings.rounds) : null,
    headlines,
  };
}

function roundSummaries(pairs: readonly MatchedPair[], rounds: number): RoundSummary[] {
  const summaries = Array.from({ length: rounds }, (_, k) => ({
    round: k + 1,
    pairCount: 0,
    totalScore: 0,
    totalScoreWithBonus: 0,
  }));
  for (const pair of pairs) {
    if (pair.round === null || pair.round < 1 || pair.round > rounds) continue;
    const summary = summaries[pair.round - 1];
    summary.pairCount++;
    summary.totalScore += pair.score;
    summary.totalScoreWithBonus += pair.scoreWithBonus;
  }
  return summaries.map((r) => ({
    ...r,
    totalScore: roundScore(r.totalScore),
    totalScoreWithBonus: roundScore(r.totalScoreWithBonus),
  }));
}
