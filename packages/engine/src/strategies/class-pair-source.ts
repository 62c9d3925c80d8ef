// The optimal strategy's problem when scores are held by classes (pair-classes.ts): the solver's
// pair source, answering its two questions class by class instead of pair by pair.
//
// - Best pairs: a mentee's classes of mentors are ordered by score once per mentee class; each
//   member then draws its candidates from the best classes, at places spread by a hash of the
//   person, so that equal candidates are shared out rather than all taken from the first mentors.
//   Mentors the mentees' draws left short of their keep do the same over mentee classes, a block
//   of mentor classes at a time.
// - Pricing: a class pair can only hold a pair that improves the optimum when its scaled score
//   beats the smallest row potential of the mentee class less the largest column potential of the
//   mentor class. Only those class pairs are opened, their members read in potential order, and
//   reading stops as soon as no later member can beat what the row already keeps.
// - Both read a mentee class's row of class codes only in the blocks of mentor classes where it has
//   an eligible pair (PairClasses.eligibleBlocks). Classes are numbered grade by grade, so a rule on
//   grades leaves most blocks empty: at 10,000 a side, 72% of them.
import type { CapacitatedPairSource, CapacitatedProblem, ImprovingPairSink, PairPrices } from '@mentor-matcher/solver';
import type { PairClasses, PairIndex, PairScores } from '../model.js';
import { explanationDepth, rememberMenteeClassRow } from '../class-facts.js';
import { MAX_ALTERNATES } from '../rules/schema.js';
import { eligibleRuns, eligibleRunsRoom, firstAtLeast, includes } from '../pair-classes.js';
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
      const ranks = codesByScore.length;
      const scoreOfRank = Float64Array.from(codesByScore, (code) => scoreOfCode[code]);
      const { mentorsWithRoom, menteesWithRoom } = classes;
      // Mentees: the mentor classes of each mentee class in score order, as deep as its members can draw from.
      const rowRanks = new RankedClasses(ranks, mentorClassCount);
      const explanationReach = explanationDepth(scores, classes, MAX_ALTERNATES);
      // Per mentor, the pairs the mentees' draws offered.
      const offered = new Int32Array(keepCol.length);
      const runs = runsOfEachMenteeClass(classes);
      for (let a = 0; a < menteeClassCount; a++) {
        let deepest = 0;
        for (let p = mentees.start[a]; p < mentees.start[a + 1]; p++) {
          deepest = Math.max(deepest, keepRow[mentees.members[p]]);
        }
        if (deepest === 0) continue;
        rowRanks.order(codes, a, mentorClassCount, runs, rankOfCode, mentorsWithRoom, deepest);
        // This pass over the row is also what the explanations need (class-facts.ts): kept for
        // them, so that they do not read the row again.
        rememberMenteeClassRow(classes, a, { codesByRank: codesByScore, ...rowRanks.best(explanationReach) });
        for (let p = mentees.start[a]; p < mentees.start[a + 1]; p++) {
          const mentee = mentees.members[p];
          if (keepRow[mentee] === 0) continue;
          const usable = (mentor: number) => keepCol[mentor] > 0 && !excluded(mentee, mentor);
          rowRanks.draw(mentee, keepRow[mentee], 0, mentors, scoreOfRank, usable, (mentor, score) => {
            offered[mentor]++;
            add(mentee, mentor, score);
          });
        }
      }
      // Mentors: only those the mentees' draws left short of their keep draw their own (about half
      // of them on generated data), and only their classes are ordered: at 10,000 a side the solve
      // took 1.24 s instead of 1.41 s, in as many rounds and to the same optimum. The same over mentee
      // classes, a block of mentor classes at a time, so that the class codes are read row by row
      // (once per block) rather than down their columns.
      const short = (mentor: number) => keepCol[mentor] > 0 && offered[mentor] < keepCol[mentor];
      const shortClasses: number[] = [];
      for (let b = 0; b < mentorClassCount; b++) {
        for (let p = mentors.start[b]; p < mentors.start[b + 1]; p++) {
          if (short(mentors.members[p])) {
            shortClasses.push(b);
            break;
          }
        }
      }
      const blockSize = Math.min(MENTOR_CLASS_BLOCK, shortClasses.length);
      const colRanks = new RankedClasses(ranks, menteeClassCount * blockSize, blockSize);
      for (let first = 0; first < shortClasses.length; first += blockSize) {
        const block = Int32Array.from(shortClasses.slice(first, first + blockSize));
        const deepest = new Int32Array(block.length);
        block.forEach((b, s) => {
          for (let p = mentors.start[b]; p < mentors.start[b + 1]; p++) {
            deepest[s] = Math.max(deepest[s], keepCol[mentors.members[p]]);
          }
        });
        colRanks.orderBlock(classes, runs, block, rankOfCode, menteesWithRoom, deepest);
        block.forEach((b, s) => {
          for (let p = mentors.start[b]; p < mentors.start[b + 1]; p++) {
            const mentor = mentors.members[p];
            if (!short(mentor)) continue;
            const usable = (mentee: number) => keepRow[mentee] > 0 && !excluded(mentee, mentor);
            colRanks.draw(mentor, keepCol[mentor], s, mentees, scoreOfRank, usable, (mentee, score) =>
              add(mentee, mentor, score),
            );
          }
        });
      }
    },
    offerImproving(prices, sink) {
      offerImprovingPairs(prices, sink, classes, mentees, mentors, scoreOfCode, excluded);
    },
  };
}

/** Each mentee class's eligibleRuns: class a's are [bounds[2t], bounds[2t + 1]) for start[a] ≤ t < start[a + 1]. */
interface ClassRuns {
  readonly start: Int32Array;
  readonly bounds: Int32Array;
}

/**
 * Worked out once for the first candidates, which read each row once for the mentees and once per
 * block of mentor classes for the mentors (asking eligibleRuns each time took 20 ms at 10,000 a side).
 */
function runsOfEachMenteeClass(classes: PairClasses): ClassRuns {
  const { menteeClassCount, mentorClassCount, eligibleBlocks } = classes;
  const runs = new Int32Array(eligibleRunsRoom(mentorClassCount));
  const start = new Int32Array(menteeClassCount + 1);
  const bounds: number[] = [];
  for (let a = 0; a < menteeClassCount; a++) {
    const count = eligibleRuns(eligibleBlocks, mentorClassCount, a, 1, runs);
    for (let k = 0; k < 2 * count; k++) bounds.push(runs[k]);
    start[a + 1] = start[a] + count;
  }
  return { start, bounds: Int32Array.from(bounds) };
}

/** How far down the score ranks a person's draws look: enough members that a few unusable ones do not matter. */
const DRAW_DEPTH = 4;

/**
 * The share of a person's remaining picks taken from one score before the next. All from the best
 * score first left the first solve 2.2% below the optimum at 10,000 a side and 6 solves to close
 * it; half per score, 0.3% and 4 solves. At 30,000 a side the solve took 33–35 s instead of
 * 46–53 s (13 solves instead of 10, but cheaper ones).
 */
const SHARE_PER_SCORE = 0.5;

/**
 * Partner classes in score order (a counting sort by the rank of their code), for one class at a
 * time or for a block of classes side by side (slot s of a block at `s * stride`). Only the ranks a
 * person may need are kept: the best ranks until they hold DRAW_DEPTH × the widest keep in members.
 */
class RankedClasses {
  /** Per slot, ranks + 1 starts into `classes` (relative to the slot's base). */
  private readonly rankStart: Int32Array;
  private readonly classes: Int32Array;
  private readonly depth: Int32Array;
  /**
   * Per place in `classes`, the partners of the classes before it in its rank; per slot and rank,
   * their total, or −1 until a draw first needs them (then kept for the slot's other members).
   */
  private readonly reach: Int32Array;
  private readonly rankTotal: Int32Array;
  private byRank = new Int32Array(0);
  private blockRanks = new Int32Array(0);
  /** The last order()'s classes per rank (each in byRank at rank × lastCount) and partners per rank. */
  private lastFilled = new Int32Array(0);
  private lastCount = 0;
  private lastMembers = new Float64Array(0);

  constructor(
    private readonly ranks: number,
    capacity: number,
    private readonly slots = 1,
  ) {
    this.rankStart = new Int32Array(slots * (ranks + 1));
    this.classes = new Int32Array(capacity);
    this.depth = new Int32Array(slots);
    this.reach = new Int32Array(capacity);
    this.rankTotal = new Int32Array(slots * ranks);
  }

  /**
   * Orders the mentor classes by the code of their pair with mentee class `a` (row a of the codes,
   * `count` wide), into slot 0. Only the classes in the row's runs are read.
   */
  order(
    codes: ArrayLike<number>,
    a: number,
    count: number,
    runs: ClassRuns,
    rankOfCode: Int32Array,
    partnerSize: Int32Array,
    deepest: number,
  ): void {
    const ranks = this.ranks;
    const starts = this.rankStart;
    // One pass: each class goes to its rank's own stretch of `byRank` (room for every class in each).
    if (this.byRank.length < ranks * count) this.byRank = new Int32Array(ranks * count);
    const byRank = this.byRank;
    const filled = new Int32Array(ranks);
    const members = new Float64Array(ranks);
    const base = a * count;
    for (let t = runs.start[a]; t < runs.start[a + 1]; t++) {
      for (let k = runs.bounds[2 * t]; k < runs.bounds[2 * t + 1]; k++) {
        const r = rankOfCode[codes[base + k]];
        if (r < 0) continue;
        byRank[r * count + filled[r]++] = k;
        members[r] += partnerSize[k];
      }
    }
    let depth = 0;
    for (let reached = 0; depth < ranks && reached < DRAW_DEPTH * deepest; depth++) reached += members[depth];
    this.depth[0] = depth;
    this.rankTotal.fill(-1, 0, ranks);
    // The ranks a draw can reach, side by side; the others are left out.
    starts[0] = 0;
    for (let r = 0; r < ranks; r++) {
      const size = r < depth ? filled[r] : 0;
      if (size > 0) this.classes.set(byRank.subarray(r * count, r * count + size), starts[r]);
      starts[r + 1] = starts[r] + size;
    }
    this.lastFilled = filled;
    this.lastCount = count;
    this.lastMembers = members;
  }

  /**
   * The last order()'s partners by rank (all ranks), and the classes of its best ranks until
   * their partners reach `reach`: `classes` rank after rank, rank r's at starts[r]..starts[r + 1].
   */
  best(reach: number): { members: Float64Array; starts: Int32Array; classes: Int32Array } {
    const members = this.lastMembers;
    let kept = 0;
    for (let reached = 0; kept < this.ranks && reached < reach; kept++) reached += members[kept];
    const starts = new Int32Array(kept + 1);
    for (let r = 0; r < kept; r++) starts[r + 1] = starts[r] + this.lastFilled[r];
    const classes = new Int32Array(starts[kept]);
    for (let r = 0; r < kept; r++) {
      classes.set(this.byRank.subarray(r * this.lastCount, r * this.lastCount + this.lastFilled[r]), starts[r]);
    }
    return { members, starts, classes };
  }

  /**
   * Orders, for each mentor class of `block` (ascending), the mentee classes by the code of their
   * pair, into the slot of its place in the block: two passes over the block's columns of the class
   * codes, read row by row, and in each row only in its runs.
   */
  orderBlock(
    classes: PairClasses,
    runs: ClassRuns,
    block: Int32Array,
    rankOfCode: Int32Array,
    menteeSize: Int32Array,
    deepest: Int32Array,
  ): void {
    const { codes, menteeClassCount: menteeClasses, mentorClassCount: mentorClasses } = classes;
    const ranks = this.ranks;
    const width = block.length;
    const starts = this.rankStart;
    starts.fill(0, 0, width * (ranks + 1));
    this.rankTotal.fill(-1, 0, width * ranks);
    const members = new Float64Array(width * ranks);
    // Each pair's rank, kept block-wide and in order, so that the second pass reads them in sequence
    // rather than down the columns of the class codes again.
    if (this.blockRanks.length < menteeClasses * width) this.blockRanks = new Int32Array(menteeClasses * width);
    const blockRanks = this.blockRanks;
    for (let a = 0; a < menteeClasses; a++) {
      const base = a * mentorClasses;
      const size = menteeSize[a];
      const row = a * width;
      for (let t = runs.start[a]; t < runs.start[a + 1]; t++) {
        const to = runs.bounds[2 * t + 1];
        for (let s = firstAtLeast(block, runs.bounds[2 * t]); s < width && block[s] < to; s++) {
          const r = rankOfCode[codes[base + block[s]]];
          blockRanks[row + s] = r;
          if (r < 0) continue;
          starts[s * (ranks + 1) + r + 1]++;
          members[s * ranks + r] += size;
        }
      }
    }
    const fill = new Int32Array(width * ranks);
    for (let s = 0; s < width; s++) {
      const at = s * (ranks + 1);
      let depth = 0;
      for (let reached = 0; depth < ranks && reached < DRAW_DEPTH * deepest[s]; depth++) {
        reached += members[s * ranks + depth];
      }
      this.depth[s] = depth;
      for (let r = 0; r < ranks; r++) starts[at + r + 1] += starts[at + r];
      for (let r = 0; r < ranks; r++) fill[s * ranks + r] = r < depth ? starts[at + r] : -1;
    }
    for (let a = 0; a < menteeClasses; a++) {
      const row = a * width;
      for (let t = runs.start[a]; t < runs.start[a + 1]; t++) {
        const to = runs.bounds[2 * t + 1];
        for (let s = firstAtLeast(block, runs.bounds[2 * t]); s < width && block[s] < to; s++) {
          const r = blockRanks[row + s];
          if (r < 0) continue;
          const place = fill[s * ranks + r];
          if (place < 0) continue;
          this.classes[s * menteeClasses + place] = a;
          fill[s * ranks + r] = place + 1;
        }
      }
    }
  }

  /**
   * Offers `person` up to `keep` partners from slot `slot`, best score first. Within one score the
   * partners are drawn at hashed places among the classes' members (all of them when there are
   * few), so that people of one class do not all get the same partners.
   */
  draw(
    person: number,
    keep: number,
    slot: number,
    partners: Members,
    scoreOfRank: Float64Array,
    usable: (partner: number) => boolean,
    take: (partner: number, score: number) => void,
  ): void {
    const at = slot * (this.ranks + 1);
    const offset = slot * (this.classes.length / this.slots);
    const taken: number[] = [];
    const offer = (partner: number, score: number) => {
      if (taken.includes(partner) || !usable(partner)) return;
      taken.push(partner);
      take(partner, score);
    };
    for (let r = 0; r < this.depth[slot] && taken.length < keep; r++) {
      const first = offset + this.rankStart[at + r];
      const last = offset + this.rankStart[at + r + 1];
      if (first === last) continue;
      const score = scoreOfRank[r];
      const reach = this.reach;
      let total = this.rankTotal[slot * this.ranks + r];
      if (total < 0) {
        // Running member counts of this rank's classes, for finding the class of a drawn place.
        total = 0;
        for (let k = first; k < last; k++) {
          reach[k] = total;
          const c = this.classes[k];
          total += partners.start[c + 1] - partners.start[c];
        }
        this.rankTotal[slot * this.ranks + r] = total;
      }
      if (total === 0) continue;
      // Half of what is still wanted from each score but the last: the optimum often needs a
      // person's second-best score where the best partners are wanted by everybody.
      const left = keep - taken.length;
      const need = r + 1 < this.depth[slot] ? Math.ceil(left * SHARE_PER_SCORE) : left;
      const goal = taken.length + need;
      if (total <= 2 * need) {
        for (let k = first; k < last && taken.length < goal; k++) {
          const c = this.classes[k];
          for (let p = partners.start[c]; p < partners.start[c + 1] && taken.length < goal; p++) {
            offer(partners.members[p], score);
          }
        }
        continue;
      }
      for (let t = 0; t < 4 * need && taken.length < goal; t++) {
        const place = mix(person, t, r) % total;
        let low = first;
        let high = last - 1;
        while (low < high) {
          const mid = (low + high + 1) >> 1;
          if (reach[mid] <= place) low = mid;
          else high = mid - 1;
        }
        const c = this.classes[low];
        offer(partners.members[partners.start[c] + (place - reach[low])], score);
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

/** How many mentee classes' rows of class codes classesThatMayGain reads together (its loop is written out for four). */
const SCAN_ROWS = 4;

/**
 * For each of SCAN_ROWS mentee classes k whose rows of class codes start at `bases[k]`, writes to
 * `opened` from k × cols the mentor classes b whose pair with it may gain (the code's scaled score
 * + b's largest column potential > the class's smallest row potential, `smallest[k]`), and their
 * number to `counts[k]`. Only the mentor classes in the `runCount` runs of `runs` are read: those
 * where any of the four rows may have an eligible pair. The rows are read together so that each
 * mentor class's potential is loaded once for four: 1.3 against 2.1–2.4 ns a class pair on a
 * 2,000 × 29,525 trial. A function
 * of its own so that V8 optimises the loop whole: in the middle of offerImprovingPairs it was
 * optimised on the stack, then deoptimised at the code after it, four times in a 10,000-a-side
 * run, and boxed its numbers meanwhile.
 */
function classesThatMayGain(
  codes: ArrayLike<number>,
  bases: Int32Array,
  runs: Int32Array,
  runCount: number,
  scaledOrNever: Float64Array,
  smallest: Float64Array,
  largestColPotential: Float64Array,
  opened: Int32Array,
  counts: Int32Array,
): void {
  const cols = largestColPotential.length;
  const base0 = bases[0];
  const base1 = bases[1];
  const base2 = bases[2];
  const base3 = bases[3];
  const smallest0 = smallest[0];
  const smallest1 = smallest[1];
  const smallest2 = smallest[2];
  const smallest3 = smallest[3];
  let count0 = 0;
  let count1 = cols;
  let count2 = 2 * cols;
  let count3 = 3 * cols;
  for (let t = 0; t < runCount; t++) {
    const to = runs[2 * t + 1];
    for (let b = runs[2 * t]; b < to; b++) {
      const potential = largestColPotential[b];
      if (scaledOrNever[codes[base0 + b]] + potential > smallest0) opened[count0++] = b;
      if (scaledOrNever[codes[base1 + b]] + potential > smallest1) opened[count1++] = b;
      if (scaledOrNever[codes[base2 + b]] + potential > smallest2) opened[count2++] = b;
      if (scaledOrNever[codes[base3 + b]] + potential > smallest3) opened[count3++] = b;
    }
  }
  counts[0] = count0;
  counts[1] = count1 - cols;
  counts[2] = count2 - 2 * cols;
  counts[3] = count3 - 3 * cols;
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
  // Per place in `cols`, the end of its run of equal potentials within its class.
  const runEnd = new Int32Array(cols.length);
  for (let b = 0; b < mentorClassCount; b++) {
    const first = mentors.start[b];
    for (let q = mentors.start[b + 1] - 1; q >= first; q--) {
      const sameAsNext = q + 1 < mentors.start[b + 1] && colPotential[cols[q + 1]] === colPotential[cols[q]];
      runEnd[q] = sameAsNext ? runEnd[q + 1] : q + 1;
    }
  }
  const largestColPotential = new Float64Array(mentorClassCount).fill(-Infinity);
  for (let b = 0; b < mentorClassCount; b++) {
    if (mentors.start[b] < mentors.start[b + 1]) largestColPotential[b] = colPotential[cols[mentors.start[b]]];
  }
  // Per code, its scaled score; never for an ineligible pair, so one sum and comparison decides.
  const scaledOrNever = scaled.map((value, code) => (code === INELIGIBLE ? -Infinity : value));
  const bases = new Int32Array(SCAN_ROWS);
  const smallest = new Float64Array(SCAN_ROWS);
  const opened = new Int32Array(SCAN_ROWS * mentorClassCount);
  const counts = new Int32Array(SCAN_ROWS);
  const runs = new Int32Array(eligibleRunsRoom(mentorClassCount));
  // Among mentor classes of equal largest potential, the larger first. A mentee's pricing keeps the
  // first of equal gains, and a class spreads its mentees over its own members (openClassPair); with
  // a one-member class first, all of them were offered its one mentor. With ties in class order,
  // 100,000 a side took 19 solves and 143 s; larger first, 8 solves and 77 s (30,000: 10 solves,
  // 13.5 s, against 5 and 12.0 s).
  const members = (b: number) => mentors.start[b + 1] - mentors.start[b];
  const byLargestPotential = (x: number, y: number) =>
    largestColPotential[y] - largestColPotential[x] || members(y) - members(x) || x - y;
  for (let group = 0; group < menteeClassCount; group += SCAN_ROWS) {
    // A pair of classes a, b gains at most its scaled score − a's smallest row potential + b's
    // largest column potential. The rows of class codes are read in memory order, one sum and one
    // comparison a class pair (at 100,000 a side that is 29,525 classes for each of 19,503); the
    // few class pairs that may gain are then opened highest column potential first. Past the last
    // class the group reads the last row again, against +∞, which opens nothing; so does a class
    // with nobody in it.
    for (let k = 0; k < SCAN_ROWS; k++) {
      const a = Math.min(group + k, menteeClassCount - 1);
      const first = mentees.start[a];
      bases[k] = a * mentorClassCount;
      smallest[k] = group + k < menteeClassCount && first < mentees.start[a + 1] ? rowPotential[rows[first]] : Infinity;
    }
    const runCount = eligibleRuns(
      classes.eligibleBlocks,
      mentorClassCount,
      group,
      Math.min(SCAN_ROWS, menteeClassCount - group),
      runs,
    );
    classesThatMayGain(codes, bases, runs, runCount, scaledOrNever, smallest, largestColPotential, opened, counts);
    for (let k = 0; k < SCAN_ROWS && group + k < menteeClassCount; k++) {
      const a = group + k;
      const count = counts[k];
      const from = k * mentorClassCount;
      if (count > 1) opened.subarray(from, from + count).sort(byLargestPotential);
      const base = a * mentorClassCount;
      for (let c = 0; c < count; c++) {
        const b = opened[from + c];
        const code = codes[base + b];
        openClassPair(
          rows,
          mentees.start[a],
          mentees.start[a + 1],
          cols,
          mentors.start[b],
          mentors.start[b + 1],
          scaled[code],
          scoreOfCode[code],
        );
      }
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
      // Mentors of equal potential offer the same gain: each mentee starts at its own place among
      // them, so that a class's mentees are offered different mentors, not all the first few. With
      // every mentee taking the same ones, 100,000 a side was still pricing after 13 rounds (296 s to
      // solve, measured before); spread, 9 rounds and 115 s (the first solve is the same).
      for (let q = colFirst; q < colLast;) {
        const end = runEnd[q];
        const gain = scaledScore - u + colPotential[colOrder[q]];
        if (gain <= floor) break;
        const length = end - q;
        const start = length > 1 ? mix(mentee, colFirst, 0) % length : 0;
        for (let t = 0; t < length && gain > floor; t++) {
          const mentor = colOrder[q + ((start + t) % length)];
          if (excluded(mentee, mentor)) continue;
          sink.offer(mentee, mentor, gain, score);
          floor = sink.floor(mentee);
        }
        q = end;
      }
    }
  }
}
