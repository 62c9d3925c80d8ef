// Explanations: each chosen pair's rank among the mentee's eligible mentors, alternates for
// same-day swaps, and why each unmatched person has no partner. Work is one pass over a row (or a
// column) per person who needs it, never a pass over the whole grid per person.
import type { PairScores, Participant, ScoreMatrix, StrategySettings, UnmatchedReason } from './model.js';
import { INELIGIBLE } from './score-codes.js';
import { classRowFacts, forEachEligiblePartnerByClass, type MenteeRowFacts } from './class-facts.js';

export type { MenteeRowFacts };

/**
 * One pass over mentee `mentee`'s row: the rank of each chosen mentor (ties share a rank) and the
 * best `alternates` eligible mentors not chosen (highest score first, then input order).
 */
export function menteeRowFacts(
  matrix: PairScores,
  mentee: number,
  chosen: readonly number[],
  alternates: number,
): MenteeRowFacts {
  if (matrix.classes) return classRowFacts(matrix, matrix.classes, mentee, chosen, alternates);
  return denseRowFacts(matrix as ScoreMatrix, mentee, chosen, alternates);
}

function denseRowFacts(
  matrix: ScoreMatrix,
  mentee: number,
  chosen: readonly number[],
  alternates: number,
): MenteeRowFacts {
  const mentorCount = matrix.mentors.length;
  const base = mentee * mentorCount;
  const { codes, scoreOfCode } = matrix;
  const chosenScores = chosen.map((j) => scoreOfCode[codes[base + j]]);
  const higher = chosen.map(() => 0);
  const best: { mentor: number; score: number }[] = [];
  for (let j = 0; j < mentorCount; j++) {
    if (codes[base + j] === INELIGIBLE) continue;
    const score = scoreOfCode[codes[base + j]];
    for (let c = 0; c < chosen.length; c++) if (score > chosenScores[c]) higher[c]++;
    if (alternates === 0 || chosen.includes(j)) continue;
    if (best.length === alternates && score <= best[best.length - 1].score) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].score < score) at--;
    best.splice(at, 0, { mentor: j, score });
    if (best.length > alternates) best.pop();
  }
  return { ranks: higher.map((h) => h + 1), alternates: best };
}

/** Calls `visit` with each partner `person` may be paired with and the pair's score. */
function forEachEligiblePartner(
  matrix: PairScores,
  person: Participant,
  visit: (partner: number, score: number) => void,
): void {
  if (matrix.classes) {
    forEachEligiblePartnerByClass(matrix, matrix.classes, person, visit);
    return;
  }
  const { codes, scoreOfCode } = matrix as ScoreMatrix;
  const mentorCount = matrix.mentors.length;
  const isMentee = person.role === 'mentee';
  const others = isMentee ? mentorCount : matrix.mentees.length;
  for (let other = 0; other < others; other++) {
    const code = codes[isMentee ? person.index * mentorCount + other : other * mentorCount + person.index];
    if (code !== INELIGIBLE) visit(other, scoreOfCode[code]);
  }
}

/** How many full partners are named in a "partners at capacity" reason; the rest are counted. */
export const LISTED_FULL_PARTNERS = 5;

/**
 * Why `person` ended with no partner, in order of what a coordinator can act on: they take no
 * partners; nobody is eligible (and which rules removed the candidates); every eligible partner is
 * full (and who holds the places); or the strategy preferred other pairs.
 */
export function unmatchedReason(
  matrix: PairScores,
  person: Participant,
  partnersOf: (role: 'mentor' | 'mentee', index: number) => readonly Participant[],
  settings: StrategySettings,
): UnmatchedReason {
  if (person.capacity === 0) return { kind: 'capacity-zero' };
  const isMentee = person.role === 'mentee';
  const others = isMentee ? matrix.mentors : matrix.mentees;
  const otherRole = isMentee ? 'mentor' : 'mentee';
  const full: { partner: Participant; score: number }[] = [];
  let eligible = 0;
  let hasFreePartner = false;
  // A partner with capacity 0 is never eligible (see PairScores), so every eligible partner has room in principle.
  forEachEligiblePartner(matrix, person, (index, score) => {
    const other = others[index];
    eligible++;
    if (partnersOf(otherRole, other.index).length < other.capacity) hasFreePartner = true;
    else full.push({ partner: other, score });
  });
  if (eligible === 0) {
    const excludedBy = [...matrix.exclusionCounts(person.role, person.index)];
    return { kind: 'no-eligible-partner', excludedBy };
  }
  if (!hasFreePartner) {
    full.sort((a, b) => b.score - a.score || a.partner.index - b.partner.index);
    const listed = full.slice(0, LISTED_FULL_PARTNERS);
    return {
      kind: 'partners-at-capacity',
      heldBy: listed.map(({ partner }) => ({
        partnerId: partner.id,
        partnerName: partner.name,
        holders: partnersOf(otherRole, partner.index).map((p) => p.name),
      })),
      morePartners: full.length - listed.length,
    };
  }
  const detail =
    settings.name === 'rounds'
      ? `an eligible ${otherRole} still had room, but none of the ${settings.rounds} rounds chose the pair (the optimal strategy may match them)`
      : settings.mentorCoverage || isMentee
        ? `an eligible ${otherRole} had room, but pairing them would have lowered the number of people matched`
        : `mentor coverage was switched off, and no pair with them would have raised the total score`;
  return { kind: 'objective-preferred-others', detail };
}

/** The reason in one sentence, for the Unmatched table. */
export function describeReason(reason: UnmatchedReason, person: Participant, settings: StrategySettings): string {
  const partnerWord = person.role === 'mentee' ? 'mentor' : 'mentee';
  switch (reason.kind) {
    case 'capacity-zero':
      return `Capacity is 0: takes part but is matched with nobody.`;
    case 'no-eligible-partner': {
      const rules = reason.excludedBy.filter((e) => e.count > 0).map((e) => `${e.label}: ${e.count}`);
      return `No eligible ${partnerWord}${rules.length > 0 ? ` (candidates removed by ${rules.join('; ')})` : ''}.`;
    }
    case 'partners-at-capacity': {
      const held = reason.heldBy.map((h) => `${h.partnerName} (with ${h.holders.join(', ')})`).join('; ');
      const more = reason.morePartners ? ` and ${reason.morePartners} more` : '';
      const why = settings.name === 'optimal' ? '; giving them one would have left someone else unmatched' : '';
      return `Every eligible ${partnerWord} is full: ${held}${more}${why}.`;
    }
    case 'objective-preferred-others':
      return `Not matched: ${reason.detail}.`;
  }
}
