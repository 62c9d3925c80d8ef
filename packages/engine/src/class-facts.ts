// The explanations' questions (a chosen mentor's rank, a mentee's alternates, a person's eligible
// partners) answered from classes (pair-classes.ts) with the answers a full matrix gives: what is
// per class is worked out once per class and kept, so that 100,000 mentees do not each read
// 100,000 mentors.
import type { PairClasses, PairScores, Participant } from './model.js';
import { INELIGIBLE } from './score-codes.js';

export interface MenteeRowFacts {
  /** rank[k] for the k-th chosen mentor given: 1 + eligible mentors with a strictly higher score. */
  readonly ranks: readonly number[];
  readonly alternates: readonly { mentor: number; score: number }[];
}

interface MenteeClassTable {
  /** Mentors with room by the code of their pair with this class (before individual exclusions). */
  readonly countByCode: Float64Array;
  /** Codes from the highest score down, as deep as alternates can reach; each with its lowest-index mentors. */
  readonly levels: readonly { readonly code: number; readonly mentors: Int32Array }[];
}

const tables = new WeakMap<PairClasses, Map<number, MenteeClassTable>>();

/**
 * A mentee class's row of class codes as another pass over it found it (class-pair-source.ts):
 * the code of each rank (highest score first), the mentors with room of each rank, and the mentor
 * classes of the best ranks (rank r's at starts[r]..starts[r + 1], in class order).
 */
export interface MenteeClassRow {
  readonly codesByRank: Int32Array;
  readonly members: Float64Array;
  readonly starts: Int32Array;
  readonly classes: Int32Array;
}

const knownRows = new WeakMap<PairClasses, Map<number, MenteeClassRow>>();

/** Keeps a mentee class's row as found elsewhere, so that its explanation table need not read it again. */
export function rememberMenteeClassRow(classes: PairClasses, menteeClass: number, row: MenteeClassRow): void {
  let byClass = knownRows.get(classes);
  if (!byClass) {
    byClass = new Map();
    knownRows.set(classes, byClass);
  }
  byClass.set(menteeClass, row);
}

/** menteeClassTable's scratch: each code's mentor classes, one stretch per code. */
let scratch = new Int32Array(0);
/** Codes × mentor classes up to which every code gets a whole row's room (16 M entries, 64 MB). */
let onePassLimit = 1 << 24;

/** Sets onePassLimit (0 makes every table count its codes first, as tests do); returns the old one. */
export function setOnePassLimit(entries: number): number {
  const was = onePassLimit;
  onePassLimit = entries;
  return was;
}

/** How many of a level's mentors are kept: enough for the alternates after skipping chosen and excluded ones. */
const depthOf = new WeakMap<PairClasses, number>();

/** How many mentors with room a mentee class's explanation table reads, from the best score down. */
export function explanationDepth(scores: PairScores, classes: PairClasses, alternates: number): number {
  let depth = depthOf.get(classes);
  if (depth === undefined) {
    let widest = 0;
    for (const mentee of scores.mentees) widest = Math.max(widest, mentee.capacity);
    let excluded = 0;
    for (const list of classes.excludedMentors.values()) excluded = Math.max(excluded, list.length);
    depth = widest + excluded;
    depthOf.set(classes, depth);
  }
  return depth + alternates;
}

function menteeClassTable(scores: PairScores, classes: PairClasses, menteeClass: number, alternates: number) {
  let byClass = tables.get(classes);
  if (!byClass) {
    byClass = new Map();
    tables.set(classes, byClass);
  }
  const built = byClass.get(menteeClass);
  if (built) return built;
  const depth = explanationDepth(scores, classes, alternates);
  const row = knownRows.get(classes)?.get(menteeClass);
  // Read once: the table built here is kept instead.
  if (row) knownRows.get(classes)!.delete(menteeClass);
  const fromRow = row && tableFromRow(scores, classes, row, depth);
  if (fromRow) {
    byClass.set(menteeClass, fromRow);
    return fromRow;
  }
  const { codes, mentorClassCount } = classes;
  const { scoreOfCode } = scores;
  const base = menteeClass * mentorClassCount;
  const withRoom = classes.mentorsWithRoom;
  // Counts by code, and each code's classes in a stretch of `scratch`: in one pass over the row of
  // class codes when a stretch of a whole row per code fits, else a counting pass first.
  const codeCount = scoreOfCode.length;
  const countByCode = new Float64Array(codeCount);
  const start = new Int32Array(codeCount + 1);
  const onePass = codeCount * mentorClassCount <= onePassLimit;
  if (onePass) {
    for (let code = 0; code <= codeCount; code++) start[code] = code * mentorClassCount;
  } else {
    for (let k = 0; k < mentorClassCount; k++) start[codes[base + k] + 1]++;
    for (let code = 0; code < codeCount; code++) start[code + 1] += start[code];
  }
  if (scratch.length < start[codeCount]) scratch = new Int32Array(start[codeCount]);
  const filled = start.slice(0, codeCount);
  for (let k = 0; k < mentorClassCount; k++) {
    const code = codes[base + k];
    if (code === INELIGIBLE) continue;
    countByCode[code] += withRoom[k];
    scratch[filled[code]++] = k;
  }
  const wanted = wantedCodes(scoreOfCode, countByCode, depth);
  const table = tableOf(
    countByCode,
    wanted.map((code) => gatherMentors(scores, classes, scratch.subarray(start[code], filled[code]), depth)),
    wanted,
    depth,
  );
  byClass.set(menteeClass, table);
  return table;
}

/** The codes from the highest score down whose mentors reach `depth` (the levels' codes). */
function wantedCodes(scoreOfCode: Float64Array, countByCode: Float64Array, depth: number): number[] {
  const byScore = [...countByCode.keys()]
    .filter((code) => code !== INELIGIBLE && countByCode[code] > 0)
    .sort((a, b) => scoreOfCode[b] - scoreOfCode[a]);
  const wanted: number[] = [];
  let reach = 0;
  for (const code of byScore) {
    if (reach >= depth) break;
    wanted.push(code);
    reach += countByCode[code];
  }
  return wanted;
}

/** Up to `depth` members with room of each of the mentor classes given, in class order. */
function gatherMentors(scores: PairScores, classes: PairClasses, mentorClasses: ArrayLike<number>, depth: number) {
  const { mentorStart, mentorMembers } = classes;
  const list: number[] = [];
  for (let at = 0; at < mentorClasses.length; at++) {
    const k = mentorClasses[at];
    let taken = 0;
    for (let p = mentorStart[k]; p < mentorStart[k + 1] && taken < depth; p++) {
      if (scores.mentors[mentorMembers[p]].capacity === 0) continue;
      list.push(mentorMembers[p]);
      taken++;
    }
  }
  return list;
}

function tableOf(countByCode: Float64Array, gathered: number[][], wanted: number[], depth: number): MenteeClassTable {
  return {
    countByCode,
    levels: wanted.map((code, level) => ({
      code,
      mentors: Int32Array.from(gathered[level]).sort().slice(0, depth),
    })),
  };
}

/**
 * menteeClassTable from a row found elsewhere, without reading the row; null when the ranks kept
 * do not reach as deep as this table must.
 */
function tableFromRow(
  scores: PairScores,
  classes: PairClasses,
  row: MenteeClassRow,
  depth: number,
): MenteeClassTable | null {
  const countByCode = new Float64Array(scores.scoreOfCode.length);
  const rankOfCode = new Int32Array(scores.scoreOfCode.length).fill(-1);
  row.codesByRank.forEach((code, rank) => {
    countByCode[code] = row.members[rank];
    rankOfCode[code] = rank;
  });
  const wanted = wantedCodes(scores.scoreOfCode, countByCode, depth);
  const kept = row.starts.length - 1;
  if (wanted.some((code) => rankOfCode[code] < 0 || rankOfCode[code] >= kept)) return null;
  const gathered = wanted.map((code) => {
    const rank = rankOfCode[code];
    return gatherMentors(scores, classes, row.classes.subarray(row.starts[rank], row.starts[rank + 1]), depth);
  });
  return tableOf(countByCode, gathered, wanted, depth);
}

/** menteeRowFacts for scores held by classes: the same ranks and alternates as the full matrix's row pass. */
export function classRowFacts(
  scores: PairScores,
  classes: PairClasses,
  mentee: number,
  chosen: readonly number[],
  alternates: number,
): MenteeRowFacts {
  const table = menteeClassTable(scores, classes, classes.menteeClass[mentee], alternates);
  const { scoreOfCode, mentors } = scores;
  const excluded = classes.excludedMentors.get(mentee) ?? new Int32Array(0);
  const ranks = chosen.map((mentor) => {
    const score = scoreOfCode[scores.codeOf(mentee, mentor)];
    let higher = 0;
    for (let code = 1; code < table.countByCode.length; code++) {
      if (scoreOfCode[code] > score) higher += table.countByCode[code];
    }
    // Mentors excluded one by one are in their class's count but not eligible.
    for (const other of excluded) {
      if (mentors[other].capacity === 0) continue;
      const code = classes.codes[classes.menteeClass[mentee] * classes.mentorClassCount + classes.mentorClass[other]];
      if (code !== INELIGIBLE && scoreOfCode[code] > score) higher--;
    }
    return higher + 1;
  });
  const best: { mentor: number; score: number }[] = [];
  for (const level of table.levels) {
    if (best.length >= alternates) break;
    for (const mentor of level.mentors) {
      if (best.length >= alternates) break;
      if (chosen.includes(mentor) || scores.codeOf(mentee, mentor) === INELIGIBLE) continue;
      best.push({ mentor, score: scoreOfCode[level.code] });
    }
  }
  return { ranks, alternates: best };
}

/** Each partner `person` may be paired with, and the pair's score, read class by class. */
export function forEachEligiblePartnerByClass(
  scores: PairScores,
  classes: PairClasses,
  person: Participant,
  visit: (partner: number, score: number) => void,
): void {
  const { codes, mentorClassCount } = classes;
  const isMentee = person.role === 'mentee';
  const own = (isMentee ? classes.menteeClass : classes.mentorClass)[person.index];
  const partnerCount = isMentee ? mentorClassCount : classes.menteeClassCount;
  const start = isMentee ? classes.mentorStart : classes.menteeStart;
  const members = isMentee ? classes.mentorMembers : classes.menteeMembers;
  for (let k = 0; k < partnerCount; k++) {
    const code = codes[isMentee ? own * mentorClassCount + k : k * mentorClassCount + own];
    if (code === INELIGIBLE) continue;
    const score = scores.scoreOfCode[code];
    for (let p = start[k]; p < start[k + 1]; p++) {
      const other = members[p];
      const pairCode = isMentee ? scores.codeOf(person.index, other) : scores.codeOf(other, person.index);
      if (pairCode !== INELIGIBLE) visit(other, score);
    }
  }
}
