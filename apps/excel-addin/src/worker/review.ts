// What the review step shows, built in the worker from the last match: a row per person for the
// lists, one person's pairs, candidates and reasons, and what a re-solve changed. Built from the
// engine's public result and score matrix; nothing here solves.
import {
  describeReason,
  isEligiblePair,
  type MatchResult,
  type RuleSet,
  type ScoreMatrix,
} from '@mentor-matcher/engine';
import type { ChangedPair, MatchChange, MatchTotals, PersonDetail, ReviewRow, TableData } from './protocol.js';

/** Pairs added or removed listed in a change; the counts are in the totals. */
export const changedPairsListed = 50;

export function totalsOf(result: MatchResult): MatchTotals {
  const { summary } = result;
  return {
    mentees: summary.mentees.total,
    mentors: summary.mentors.total,
    menteesMatched: summary.mentees.matched,
    mentorsMatched: summary.mentors.matched,
    pairs: summary.pairCount,
    totalScore: summary.totalScore,
  };
}

export function reviewRows(result: MatchResult): { mentees: ReviewRow[]; mentors: ReviewRow[] } {
  const lowest = { mentor: new Map<string, number>(), mentee: new Map<string, number>() };
  const locked = { mentor: new Map<string, number>(), mentee: new Map<string, number>() };
  for (const pair of result.pairs) {
    for (const [side, id] of [
      ['mentor', pair.mentor.id],
      ['mentee', pair.mentee.id],
    ] as const) {
      lowest[side].set(id, Math.min(lowest[side].get(id) ?? Infinity, pair.score));
      if (pair.locked) locked[side].set(id, (locked[side].get(id) ?? 0) + 1);
    }
  }
  const rows = (side: 'mentor' | 'mentee', outcomes: MatchResult['mentees']): ReviewRow[] =>
    outcomes.map((o) => ({
      id: o.participant.id,
      name: o.participant.name,
      capacity: o.participant.capacity,
      partners: o.partners.map((p) => p.name),
      lowestScore: lowest[side].get(o.participant.id) ?? null,
      locked: locked[side].get(o.participant.id) ?? 0,
    }));
  return { mentees: rows('mentee', result.mentees), mentors: rows('mentor', result.mentors) };
}

const pairKey = (mentor: string, mentee: string) => `${mentor}\u0000${mentee}`;

export function changeBetween(before: MatchResult, after: MatchResult): MatchChange {
  const listed = (result: MatchResult) =>
    new Map(
      result.pairs.map((p): [string, ChangedPair] => [
        pairKey(p.mentor.id, p.mentee.id),
        {
          mentor: p.mentor.id,
          mentee: p.mentee.id,
          mentorName: p.mentor.name,
          menteeName: p.mentee.name,
          score: p.score,
        },
      ]),
    );
  const was = listed(before);
  const now = listed(after);
  const added = [...now].filter(([key]) => !was.has(key)).map(([, pair]) => pair);
  const removed = [...was].filter(([key]) => !now.has(key)).map(([, pair]) => pair);
  return {
    before: totalsOf(before),
    after: totalsOf(after),
    added,
    removed,
    addedCount: added.length,
    removedCount: removed.length,
  };
}

/** A change with at most `changedPairsListed` pairs in each list, to keep the message small. */
export function trimmedChange(change: MatchChange): MatchChange {
  return {
    ...change,
    added: change.added.slice(0, changedPairsListed),
    removed: change.removed.slice(0, changedPairsListed),
  };
}

/**
 * One person's pairs with the rules that scored them, their best eligible partners not chosen (one
 * pass over the person's row or column of the matrix), and for someone unmatched, why.
 */
export function personDetail(
  matrix: ScoreMatrix,
  result: MatchResult,
  ruleSet: RuleSet,
  side: 'mentor' | 'mentee',
  id: string,
  candidates: number,
): PersonDetail | null {
  const outcomes = side === 'mentee' ? result.mentees : result.mentors;
  const outcome = outcomes.find((o) => o.participant.id === id);
  if (!outcome) return null;
  const person = outcome.participant;
  const mine = result.pairs.filter((p) => (side === 'mentee' ? p.mentee.id : p.mentor.id) === id);
  const partnerCount = new Map<string, number>();
  for (const o of side === 'mentee' ? result.mentors : result.mentees)
    partnerCount.set(o.participant.id, o.partners.length);
  const others = side === 'mentee' ? matrix.mentors : matrix.mentees;
  const chosen = new Set(mine.map((p) => (side === 'mentee' ? p.mentor.index : p.mentee.index)));
  const best: { index: number; score: number }[] = [];
  const mentorCount = matrix.mentors.length;
  for (let k = 0; k < others.length && candidates > 0; k++) {
    if (chosen.has(k)) continue;
    const key = side === 'mentee' ? person.index * mentorCount + k : k * mentorCount + person.index;
    if (!isEligiblePair(matrix, key)) continue;
    const score = matrix.scoreOfCode[matrix.codes[key]];
    if (best.length === candidates && score <= best[best.length - 1].score) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].score < score) at--;
    best.splice(at, 0, { index: k, score });
    if (best.length > candidates) best.pop();
  }
  const partnerSide = side === 'mentee' ? 'mentor' : 'mentee';
  const forbidden = ruleSet.forbiddenPairs
    .filter((p) => p[side].trim().toLowerCase() === id)
    .map((p) => {
      const other = p[partnerSide].trim().toLowerCase();
      return { id: other, name: others.find((o) => o.id === other)?.name ?? other };
    });
  return {
    side,
    id,
    name: person.name,
    capacity: person.capacity,
    pairs: mine.map((p) => {
      const partner = side === 'mentee' ? p.mentor : p.mentee;
      return {
        id: partner.id,
        name: partner.name,
        score: p.score,
        locked: p.locked,
        contributions: p.contributions.filter((c) => c.points !== 0).map((c) => ({ label: c.label, points: c.points })),
      };
    }),
    candidates: best.map(({ index, score }) => ({
      id: others[index].id,
      name: others[index].name,
      score,
      partnerCount: partnerCount.get(others[index].id) ?? 0,
      capacity: others[index].capacity,
    })),
    reason:
      outcome.reason && result.strategySettings
        ? describeReason(outcome.reason, person, result.strategySettings)
        : outcome.reason
          ? 'No partner.'
          : null,
    forbidden,
  };
}

/**
 * The rule set's locked and forbidden pairs as a result table, so the decisions travel with the
 * results: each pair's emails, names (where the person took part), decision, and whether it is in
 * the match.
 */
export function decisionsTable(result: MatchResult, ruleSet: RuleSet): TableData {
  const names = new Map<string, string>();
  for (const o of [...result.mentors, ...result.mentees])
    names.set(`${o.participant.role}:${o.participant.id}`, o.participant.name);
  const chosen = new Set(result.pairs.map((p) => pairKey(p.mentor.id, p.mentee.id)));
  const id = (value: string) => value.trim().toLowerCase();
  const rows = [
    ...ruleSet.lockedPairs.map((p) => ({ ...p, decision: 'locked' })),
    ...ruleSet.forbiddenPairs.map((p) => ({ ...p, decision: 'forbidden' })),
  ].map((p) => [
    id(p.mentor),
    id(p.mentee),
    names.get(`mentor:${id(p.mentor)}`) ?? '',
    names.get(`mentee:${id(p.mentee)}`) ?? '',
    p.decision,
    chosen.has(pairKey(id(p.mentor), id(p.mentee))) ? 'yes' : 'no',
  ]);
  return {
    source: 'Decisions',
    header: ['mentor email', 'mentee email', 'mentor name', 'mentee name', 'decision', 'in the match'],
    rows,
    headerRow: 1,
    firstColumn: 0,
  };
}

/** Mentees and mentors matched and the total score: what the optimal strategy maximises, in order. */
function sameTotals(a: MatchResult, b: MatchResult): boolean {
  const x = totalsOf(a);
  const y = totalsOf(b);
  return (
    x.menteesMatched === y.menteesMatched &&
    x.mentorsMatched === y.mentorsMatched &&
    Math.abs(x.totalScore - y.totalScore) < 1e-9
  );
}

/**
 * Among equally good answers, the one closest to the last. A re-solve optimises everything not locked
 * again, and with ties (common: many pairs score the same) the solver may move dozens of pairs for
 * the same totals, so a lock on a pair already chosen would look like a reshuffle. So the re-solve is
 * run a second time keeping every earlier pair still allowed (the engine's `previousPairs`) and
 * filling what is left; when that is as good on every tier, it is the answer. The kept pairs are
 * plain pairs of the new match, not "kept from earlier", and nothing counts as dropped.
 */
export function preferEarlierPairs<R extends { matrix: ScoreMatrix; result: MatchResult }>(
  run: R,
  previous: MatchResult,
  again: (
    previousPairs: { mentorId: string; menteeId: string }[],
  ) => { ok: true; matrix: ScoreMatrix; result: MatchResult } | { ok: false },
): R {
  const earlier = previous.pairs.map((p) => ({ mentorId: p.mentor.id, menteeId: p.mentee.id }));
  const steady = again(earlier);
  if (!steady.ok || !sameTotals(steady.result, run.result)) return run;
  const result: MatchResult = {
    ...steady.result,
    pairs: steady.result.pairs.map((p) => ({ ...p, kept: false })),
    droppedEarlierPairs: [],
  };
  return { ...run, matrix: steady.matrix, result };
}
