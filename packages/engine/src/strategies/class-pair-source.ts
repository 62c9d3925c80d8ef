// The optimal strategy's problem when scores are held by classes (pair-classes.ts): the solver's
// pair source, answering its two questions class by class instead of pair by pair.
//
// - Best pairs: a mentee's classes of mentors are ordered by score once per mentee class; each
//   member then draws its candidates from the best classes, at places spread by a hash of the
//   person, so that equal candidates are shared out rather than all taken from the first mentors.
//   Mentors do the same over mentee classes, a block of mentor classes at a time.
// - Pricing: a class pair can only hold a pair that improves the optimum when its scaled score
//   beats the smallest row potential of the mentee class less the largest column potential of the
//   mentor class. Only those class pairs are opened, their members read in potential order, and
//   reading stops as soon as no later member can beat what the row already keeps.
import type { CapacitatedPairSource, CapacitatedProblem, ImprovingPairSink, PairPrices } from '@mentor-matcher/solver';
import type { PairClasses, PairIndex, PairScores } from '../model.js';
import { includes } from '../pair-classes.js';
import { INELIGIBLE } from '../score-codes.js';

/** Mentor classes whose mentee-class orderings are built at once when choosing the mentors' best pairs. */
const MENTOR_CLASS_BLOCK = 256;

export function classCapacitatedProblem(
  scores: PairScores & { readonly classes: PairClasses },
  locked: readonly PairIndex[],
  coverage: readonly ('rows' | 'cols')[],
): CapacitatedProblem {
  return {
    rows: scores.mentees.length,
    cols: scores.mentors.length,
    pairs: classPairSource(scores, scores.classes),
    rowCapacity: Int32Array.from(scores.mentees, (p) => p.capacity),
    colCapacity: Int32Array.from(scores.mentors, (p) => p.capacity),
    locked: { row: Int32Array.from(locked, (p) => p.mentee), col: Int32Array.from(locked, (p) => p.mentor) },
    coverage,
  };
}

/** Class members with room (capacity > 0): the only people who can be in an eligible pair. */
interface Members {
  readonly start: Int32Array;
  readonly members: Int32Array;
}

function membersWithRoom(start: Int32Array, members: Int32Array, capacityOf: (index: number) => number): Members {
  const count = start.length - 1;
  const kept = new Int32Array(members.length);
  const keptStart = new Int32Array(count + 1);
  let n = 0;
  for (let k = 0; k < count; k++) {
    for (let p = start[k]; p < start[k + 1]; p++) if (capacityOf(members[p]) > 0) kept[n++] = members[p];
    keptStart[k + 1] = n;
  }
  return { start: keptStart, members: kept.slice(0, n) };
}

export function classPairSource(scores: PairScores, classes: PairClasses): CapacitatedPairSource {
  const { codes, menteeClassCount, mentorClassCount, excludedMentors } = classes;
  const { scoreOfCode } = scores;
  const mentees = membersWithRoom(classes.menteeStart, classes.menteeMembers, (i) => scores.mentees[i].capacity);
  const mentors = membersWithRoom(classes.mentorStart, classes.mentorMembers, (j) => scores.mentors[j].capacity);
  const hasExclusions = new Uint8Array(scores.mentees.length);
  for (const mentee of excludedMentors.keys()) hasExclusions[mentee] = 1;
  const excluded = (mentee: number, mentor: number) =>
    hasExclusions[mentee] === 1 && includes(excludedMentors.get(mentee)!, mentor);
  // Codes from the highest score down: the order the best pairs are read in.
  const codesByScore = Int32Array.from(scoreOfCode.keys())
    .filter((code) => code !== INELIGIBLE)
    .sort((a, b) => scoreOfCode[b] - scoreOfCode[a] || a - b);
  const rankOfCode = new Int32Array(scoreOfCode.length).fill(-1);
  codesByScore.forEach((code, rank) => (rankOfCode[code] = rank));
  let eligiblePairs = 0;
  for (const n of scores.eligibleCountByMentee) eligiblePairs += n;

  return {
    scores: scoreOfCode.slice(1),
    eligiblePairs,
    score: (mentee, mentor) => {
      const code = scores.codeOf(mentee, mentor);
      return code === INELIGIBLE ? Number.NaN : scoreOfCode[code];
    },
    offerBest(keepRow, keepCol, add) {
      const orderer = new ClassOrderer(codesByScore.length);
      // Mentees: one ordering of the mentor classes per mentee class.
      for (let a = 0; a < menteeClassCount; a++) {
        let wanted = false;
        for (let p = mentees.start[a]; p < mentees.start[a + 1] && !wanted; p++)
          wanted = keepRow[mentees.members[p]] > 0;
        if (!wanted) continue;
        const base = a * mentorClassCount;
        orderer.reset();
        for (let b = 0; b < mentorClassCount; b++) orderer.count(rankOfCode[codes[base + b]]);
        orderer.place();
        for (let b = 0; b < mentorClassCount; b++) orderer.put(rankOfCode[codes[base + b]], b);
        for (let p = mentees.start[a]; p < mentees.start[a + 1]; p++) {
          const mentee = mentees.members[p];
          if (keepRow[mentee] === 0) continue;
          orderer.draw(
            mentee,
            keepRow[mentee],
            mentors,
            (mentor) =>
              keepCol[mentor] > 0 && !excluded(mentee, mentor)
                ? scoreOfCode[codes[base + classes.mentorClass[mentor]]]
                : Number.NaN,
            add,
            false,
          );
        }
      }
      // Mentors: the mentee classes ordered for a block of mentor classes at a time (one pass over the class codes).
      const blockOrderers = Array.from(
        { length: Math.min(MENTOR_CLASS_BLOCK, mentorClassCount) },
        () => new ClassOrderer(codesByScore.length),
      );
      for (let b0 = 0; b0 < mentorClassCount; b0 += MENTOR_CLASS_BLOCK) {
        const b1 = Math.min(mentorClassCount, b0 + MENTOR_CLASS_BLOCK);
        for (let b = b0; b < b1; b++) blockOrderers[b - b0].reset();
        for (let a = 0; a < menteeClassCount; a++) {
          const base = a * mentorClassCount;
          for (let b = b0; b < b1; b++) blockOrderers[b - b0].count(rankOfCode[codes[base + b]]);
        }
        for (let b = b0; b < b1; b++) blockOrderers[b - b0].place();
        for (let a = 0; a < menteeClassCount; a++) {
          const base = a * mentorClassCount;
          for (let b = b0; b < b1; b++) blockOrderers[b - b0].put(rankOfCode[codes[base + b]], a);
        }
        for (let b = b0; b < b1; b++) {
          for (let p = mentors.start[b]; p < mentors.start[b + 1]; p++) {
            const mentor = mentors.members[p];
            if (keepCol[mentor] === 0) continue;
            blockOrderers[b - b0].draw(
              mentor,
              keepCol[mentor],
              mentees,
              (mentee) =>
                keepRow[mentee] > 0 && !excluded(mentee, mentor)
                  ? scoreOfCode[codes[classes.menteeClass[mentee] * mentorClassCount + b]]
                  : Number.NaN,
              add,
              true,
            );
          }
        }
      }
    },
    offerImproving(prices, sink) {
      offerImprovingPairs(prices, sink, classes, mentees, mentors, scoreOfCode, excluded);
    },
  };
}

/**
 * The partner classes of one class in score order (a counting sort by the rank of their code), with
 * the running count of their members, from which each person draws their best partners.
 */
class ClassOrderer {
  private readonly rankStart: Int32Array;
  private readonly fill: Int32Array;
  private order = new Int32Array(16);
  private reach = new Float64Array(17);

  constructor(private readonly ranks: number) {
    this.rankStart = new Int32Array(ranks + 1);
    this.fill = new Int32Array(ranks);
  }

  reset(): void {
    this.rankStart.fill(0);
  }

  /** Counts one partner class of this rank (−1: not eligible, not counted). */
  count(rank: number): void {
    if (rank >= 0) this.rankStart[rank + 1]++;
  }

  place(): void {
    for (let r = 0; r < this.ranks; r++) this.rankStart[r + 1] += this.rankStart[r];
    this.fill.set(this.rankStart.subarray(0, this.ranks));
    const size = this.rankStart[this.ranks];
    if (this.order.length < size) {
      this.order = new Int32Array(size * 2);
      this.reach = new Float64Array(size * 2 + 1);
    }
  }

  put(rank: number, partnerClass: number): void {
    if (rank >= 0) this.order[this.fill[rank]++] = partnerClass;
  }

  /**
   * Offers `person` up to `keep` partners, best score first. Within one score the partners are
   * drawn at hashed places in the classes' members (every one of them when there are few), so that
   * people of one class do not all get the same partners. `scoreOf` gives NaN for a partner that
   * cannot be taken.
   */
  draw(
    person: number,
    keep: number,
    partners: Members,
    scoreOf: (partner: number) => number,
    add: (row: number, col: number, score: number) => void,
    personIsColumn: boolean,
  ): void {
    const taken: number[] = [];
    const offer = (partner: number) => {
      if (taken.includes(partner)) return;
      const score = scoreOf(partner);
      if (Number.isNaN(score)) return;
      taken.push(partner);
      if (personIsColumn) add(partner, person, score);
      else add(person, partner, score);
    };
    for (let r = 0; r < this.ranks && taken.length < keep; r++) {
      const first = this.rankStart[r];
      const last = this.rankStart[r + 1];
      if (first === last) continue;
      // Running member counts of this rank's classes, for finding the class of a drawn place.
      let total = 0;
      for (let k = first; k < last; k++) {
        const size = partners.start[this.order[k] + 1] - partners.start[this.order[k]];
        this.reach[k] = total;
        total += size;
      }
      this.reach[last] = total;
      if (total === 0) continue;
      const need = keep - taken.length;
      if (total <= 2 * need) {
        for (let k = first; k < last && taken.length < keep; k++) {
          const c = this.order[k];
          for (let p = partners.start[c]; p < partners.start[c + 1] && taken.length < keep; p++)
            offer(partners.members[p]);
        }
        continue;
      }
      for (let t = 0; t < 4 * need && taken.length < keep; t++) {
        const place = mix(person, t, r) % total;
        let low = first;
        let high = last - 1;
        while (low < high) {
          const mid = (low + high + 1) >> 1;
          if (this.reach[mid] <= place) low = mid;
          else high = mid - 1;
        }
        const c = this.order[low];
        offer(partners.members[partners.start[c] + (place - this.reach[low])]);
      }
    }
  }
}

function mix(person: number, draw: number, rank: number): number {
  let h =
    Math.imul(person ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(draw + 1, 0xc2b2ae35) ^ Math.imul(rank + 7, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** Members of each class sorted by potential: ascending for rows (mentees), descending for columns (mentors). */
function sortedByPotential(members: Members, potential: Float64Array, ascending: boolean): Int32Array {
  const sorted = members.members.slice();
  const sign = ascending ? 1 : -1;
  for (let k = 0; k + 1 < members.start.length; k++) {
    const first = members.start[k];
    const last = members.start[k + 1];
    if (last - first > 1) {
      sorted.subarray(first, last).sort((x, y) => sign * (potential[x] - potential[y]) || x - y);
    }
  }
  return sorted;
}

function offerImprovingPairs(
  prices: PairPrices,
  sink: ImprovingPairSink,
  classes: PairClasses,
  mentees: Members,
  mentors: Members,
  scoreOfCode: Float64Array,
  excluded: (mentee: number, mentor: number) => boolean,
): void {
  const { rowPotential, colPotential, scale } = prices;
  const { codes, menteeClassCount, mentorClassCount } = classes;
  const scaled = Float64Array.from(scoreOfCode, (score) => Math.round(score * scale));
  const rows = sortedByPotential(mentees, rowPotential, true);
  const cols = sortedByPotential(mentors, colPotential, false);
  const largestColPotential = new Float64Array(mentorClassCount).fill(-Infinity);
  for (let b = 0; b < mentorClassCount; b++) {
    if (mentors.start[b] < mentors.start[b + 1]) largestColPotential[b] = colPotential[cols[mentors.start[b]]];
  }
  for (let a = 0; a < menteeClassCount; a++) {
    const first = mentees.start[a];
    const last = mentees.start[a + 1];
    if (first === last) continue;
    const smallestRowPotential = rowPotential[rows[first]];
    const base = a * mentorClassCount;
    for (let b = 0; b < mentorClassCount; b++) {
      const code = codes[base + b];
      if (code === INELIGIBLE) continue;
      const gainBound = scaled[code] - smallestRowPotential + largestColPotential[b];
      if (gainBound <= 0) continue;
      openClassPair(rows, first, last, cols, mentors.start[b], mentors.start[b + 1], scaled[code], scoreOfCode[code]);
    }
  }

  function openClassPair(
    rowOrder: Int32Array,
    rowFirst: number,
    rowLast: number,
    colOrder: Int32Array,
    colFirst: number,
    colLast: number,
    scaledScore: number,
    score: number,
  ): void {
    const largest = colPotential[colOrder[colFirst]];
    for (let p = rowFirst; p < rowLast; p++) {
      const mentee = rowOrder[p];
      const u = rowPotential[mentee];
      if (scaledScore - u + largest <= 0) break;
      let floor = sink.floor(mentee);
      if (scaledScore - u + largest <= floor) continue;
      for (let q = colFirst; q < colLast; q++) {
        const mentor = colOrder[q];
        const gain = scaledScore - u + colPotential[mentor];
        if (gain <= floor) break;
        if (excluded(mentee, mentor)) continue;
        sink.offer(mentee, mentor, gain, score);
        floor = sink.floor(mentee);
      }
    }
  }
}
