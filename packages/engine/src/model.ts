// The engine's shared vocabulary. Input side (mapping, participants, checks, rules, scoring) produces
// these; the strategies and the result builder consume them. Pure data: no I/O, no DOM, no Office.
import type { Solver } from '@mentor-matcher/solver';
import type { Cell } from '@mentor-matcher/tabular';

export type Role = 'mentor' | 'mentee';

/** One person on one side. Someone who is both mentor and mentee appears once on each side, same id. */
export interface Participant {
  /** Normalised email (trimmed, lower-cased) where there is one; otherwise `<source>#<row>`. */
  readonly id: string;
  readonly role: Role;
  /** Position within its side (index into ScoreMatrix.mentors or .mentees). */
  readonly index: number;
  /** Display name ("Ada Lovelace"), built from the mapped name column(s). */
  readonly name: string;
  readonly firstName: string;
  readonly email: string | null;
  /** How many partners this person may have. 0 = takes part but is matched with nobody. */
  readonly capacity: number;
  /** Where the person came from, for messages and for selecting the cell in Excel. */
  readonly source: string;
  /** Row number as the user sees it (sheet row, or CSV record + 1). */
  readonly row: number;
  /** Every input column, keyed by its header as written, values as read. */
  readonly attributes: Readonly<Record<string, Cell>>;
  /**
   * Values by logical field name (the column mapping applied: "grade" → the cell under "Grade band").
   * Rules read fields; when absent, a field is looked up in `attributes` by header name.
   */
  readonly fields?: Readonly<Record<string, Cell>>;
  /** The column mapping this person was read with (logical field → header), for messages that name columns. */
  readonly mapping?: Readonly<Record<string, string>>;
}

/**
 * An input row that was not used, and why: a superseded duplicate sign-up, or a row left out for its
 * errors. Every adapter lists these (the CLI's skipped.csv), so nobody disappears without a line.
 */
export interface SkippedRow {
  /** The file or sheet, as in problems (`signups.csv`, `signups.xlsx › Form1`). */
  readonly table: string;
  /** The row as the user sees it. */
  readonly row: number;
  readonly email: string | null;
  /** `duplicate-superseded`, or the code of the error the row was left out for. */
  readonly code: string;
  /** A sentence saying why. */
  readonly reason: string;
}

export type Severity = 'error' | 'warning';

/** A problem found in the input or the rule set. Errors stop a run; warnings are reported and it goes on. */
export interface InputProblem {
  readonly severity: Severity;
  /** Stable machine code, e.g. 'missing-column', 'duplicate-id', 'blank-row', 'near-duplicate-value'. */
  readonly code: string;
  /** A sentence a coordinator can act on, naming table, row, column and value where they apply. */
  readonly message: string;
  readonly table?: string;
  readonly row?: number;
  readonly column?: string;
  readonly value?: Cell;
}

/** One rule's share of a pair's score. */
export interface RuleContribution {
  readonly ruleId: string;
  readonly label: string;
  readonly points: number;
}

export interface PairExplanation {
  readonly eligible: boolean;
  /** Ids of the exclusion rules (or 'same-person', 'forbidden-pair', 'min-score', 'capacity-zero') that exclude the pair. */
  readonly excludedBy: readonly string[];
  readonly contributions: readonly RuleContribution[];
  /** Sum of contributions (the base score, before any strategy bonus). */
  readonly score: number;
}

/** Pair codes: the narrowest unsigned array that holds a matrix's largest code. */
export type ScoreCodes = Uint8Array | Uint16Array | Uint32Array;

/**
 * The scores of every mentee × mentor pair, however they are held. Each pair has a code: 0 = not
 * eligible, any other code's base score is `scoreOfCode[code]`. A base score is rule points only;
 * strategies add their own bonuses (e.g. the unmatched bonus). A pair with a capacity-0 side is never
 * eligible. Two forms: a ScoreMatrix holds every pair's code; PairClasses hold one code per pair of
 * classes of people with equal rule fields, for programmes too large to list every pair.
 */
export interface PairScores {
  readonly mentees: readonly Participant[];
  readonly mentors: readonly Participant[];
  /** Base score of each code; entry 0 is NaN. */
  readonly scoreOfCode: Float64Array;
  /** How many eligible mentors each mentee has (by mentee index), counted while scoring. */
  readonly eligibleCountByMentee: Int32Array;
  /** How many eligible mentees each mentor has (by mentor index). */
  readonly eligibleCountByMentor: Int32Array;
  /** The pair's code: 0 = the pair may not be chosen. */
  codeOf(mentee: number, mentor: number): number;
  /** Recomputes one pair's rule-by-rule breakdown (cheap; used for chosen pairs and explanations). */
  explainPair(mentee: number, mentor: number): PairExplanation;
  /** For each exclusion rule id, how many of this person's candidate partners it removes. */
  exclusionCounts(role: Role, index: number): readonly { ruleId: string; label: string; count: number }[];
  /** Present when the scores are held by classes (see pair-classes.ts); absent for a ScoreMatrix. */
  readonly classes?: PairClasses;
}

/**
 * Every pair's code in one array. Rows are mentees, columns mentors, row-major: pair (mentee i,
 * mentor j) is at index i * mentors.length + j.
 * Codes keep the matrix at one byte per pair whenever a rule set has at most 255 different scores
 * (the presets have at most 16; see score-codes.ts): 100 MB at 10,000 × 10,000.
 */
export interface ScoreMatrix extends PairScores {
  /** mentees.length * mentors.length pair codes; 0 = the pair may not be chosen. */
  readonly codes: ScoreCodes;
}

/**
 * People grouped into classes of equal values in every field the rules read, so that a pair's
 * code is its classes' code (pair-classes.ts), except for pairs excluded one by one: the same
 * person on both sides, a forbidden pair, a side with capacity 0.
 */
export interface PairClasses {
  readonly menteeClassCount: number;
  readonly mentorClassCount: number;
  /** Class of each mentee (mentor), by index. */
  readonly menteeClass: Int32Array;
  readonly mentorClass: Int32Array;
  /** Members of class k, in index order: menteeMembers[menteeStart[k] .. menteeStart[k + 1]). */
  readonly menteeStart: Int32Array;
  readonly menteeMembers: Int32Array;
  readonly mentorStart: Int32Array;
  readonly mentorMembers: Int32Array;
  /** Members with room (capacity > 0) in each mentee (mentor) class: the only ones who can be paired. */
  readonly menteesWithRoom: Int32Array;
  readonly mentorsWithRoom: Int32Array;
  /** menteeClassCount × mentorClassCount codes, row-major, as ScoreMatrix.codes are for people. */
  readonly codes: ScoreCodes;
  /**
   * Per mentee class, a flag per block of CLASS_BLOCK mentor classes (pair-classes.ts), 1 where the
   * block holds an eligible class pair: row a's flags from a × ceil(mentorClassCount / CLASS_BLOCK).
   * Scans over rows of codes skip the blocks without one.
   */
  readonly eligibleBlocks: Uint8Array;
  /** Mentors a mentee may not have although their classes may pair (same person, forbidden), sorted. */
  readonly excludedMentors: ReadonlyMap<number, Int32Array>;
}

/** A pair by participant index: mentee row, mentor column. */
export interface PairIndex {
  readonly mentee: number;
  readonly mentor: number;
}

/** Strategy settings as they appear in a rule set (`ruleSet.strategy`). */
export type StrategySettings =
  | {
      readonly name: 'rounds';
      /** How many 1:1 rounds (the reference system uses 3). */
      readonly rounds: number;
      /** Points added to a pair while either side still has no partner. */
      readonly unmatchedBonus: number;
      /**
       * Among equally good assignments in a round: "most-pairs" (absent = this) takes one with the
       * most pairs; "reference" the one the reference system's Munkres step takes (up to
       * REFERENCE_TIES_MAX_SIDE people a side; sparse most-pairs above).
       */
      readonly ties?: 'most-pairs' | 'reference';
    }
  | {
      readonly name: 'optimal';
      /** After mentee coverage, also maximise mentors with at least one mentee. Default true. */
      readonly mentorCoverage: boolean;
      /** How many alternates (best unchosen eligible mentors) to list per mentee. */
      readonly alternates: number;
    };

export interface Progress {
  readonly phase: 'reading' | 'checking' | 'scoring' | 'solving' | 'explaining' | 'writing';
  /** 0..1 within the phase. */
  readonly fraction: number;
  readonly message?: string;
}

/** How a strategy is run. The solver is passed in so that the engine never loads wasm itself. */
export interface StrategyContext {
  readonly matrix: PairScores;
  readonly solver: Solver;
  /** Pairs that must be in the result. Already validated as eligible and within capacity. */
  readonly locked: readonly PairIndex[];
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
}

export interface StrategyPair extends PairIndex {
  /** 1-based round for `rounds`; null for one-solve strategies. */
  readonly round: number | null;
  /** Points the strategy added on top of the base score (e.g. the unmatched bonus); 0 if none. */
  readonly bonus: number;
  readonly locked: boolean;
}

export interface StrategyOutcome {
  readonly pairs: readonly StrategyPair[];
  /** The most mentees that could have at least one mentor, when the strategy knows it (optimal does). */
  readonly bestPossibleMenteeCoverage: number | null;
  readonly bestPossibleMentorCoverage: number | null;
  /** What the strategy did differently from what its settings asked, and why (listed with the result's problems). */
  readonly warnings?: readonly InputProblem[];
}

export interface Strategy {
  readonly name: StrategySettings['name'];
  run(context: StrategyContext): StrategyOutcome;
}

/** Why someone ended with no partner. */
export type UnmatchedReason =
  | { readonly kind: 'capacity-zero' }
  | {
      readonly kind: 'no-eligible-partner';
      /** How many candidates each exclusion rule removed (a candidate may be removed by several). */
      readonly excludedBy: readonly { ruleId: string; label: string; count: number }[];
    }
  | {
      readonly kind: 'partners-at-capacity';
      /** Each eligible partner and who holds their places. */
      readonly heldBy: readonly { partnerId: string; partnerName: string; holders: readonly string[] }[];
      /** How many more full eligible partners there are beyond those listed in heldBy (the best few are listed). */
      readonly morePartners?: number;
    }
  | {
      readonly kind: 'objective-preferred-others';
      /** Plain-words detail, e.g. "matching them would have left another mentee without a mentor". */
      readonly detail: string;
    };

export interface MatchedPair {
  readonly mentor: Participant;
  readonly mentee: Participant;
  /** The pair's score: the sum of the rule set's points for it (the same whatever the strategy). */
  readonly score: number;
  /** Points the strategy added while choosing (the rounds' unmatched bonus); 0 if none. Not part of `score`. */
  readonly bonus: number;
  /** `score + bonus`: what the rounds strategy maximised in the pair's round. Equal to `score` when no bonus. */
  readonly scoreWithBonus: number;
  readonly contributions: readonly RuleContribution[];
  readonly round: number | null;
  /** 1 = this mentor is the mentee's best-scoring eligible mentor. Ties share a rank. */
  readonly rankForMentee: number;
  readonly locked: boolean;
  /** True when the pair was kept from an earlier result (re-matching). */
  readonly kept?: boolean;
}

export interface PersonOutcome {
  readonly participant: Participant;
  /** Partners in the order of the pairs list. */
  readonly partners: readonly Participant[];
  readonly reason: UnmatchedReason | null;
  /** Mentees only, optimal only: best eligible mentors not chosen, for same-day swaps. */
  readonly alternates: readonly { mentor: Participant; score: number }[];
}

export interface SideSummary {
  readonly total: number;
  readonly matched: number;
  /** countsByMatches[k] = people with exactly k partners. */
  readonly countsByMatches: readonly number[];
  /** Best possible number with at least one partner, when known. */
  readonly bestPossible: number | null;
}

/** One round of the rounds strategy (locked pairs, which precede round 1, are in no round). */
export interface RoundSummary {
  readonly round: number;
  readonly pairCount: number;
  /** Sum of the round's pair scores (the rules' points). */
  readonly totalScore: number;
  /** The same plus the unmatched bonus: the total the round maximised. */
  readonly totalScoreWithBonus: number;
}

export interface MatchSummary {
  readonly strategy: StrategySettings['name'];
  readonly mentors: SideSummary;
  readonly mentees: SideSummary;
  readonly pairCount: number;
  /** Sum, mean and lowest of the pair scores: the rules' points, never a strategy's bonus. */
  readonly totalScore: number;
  readonly meanScore: number | null;
  readonly minScore: number | null;
  /**
   * Rounds strategy only (else null; absent in results made before these existed): the unmatched
   * bonus its pairs carried, and the total with it.
   */
  readonly totalBonus?: number | null;
  readonly totalScoreWithBonus?: number | null;
  /** Rounds strategy only (else null or absent): each round's pairs and totals. */
  readonly rounds?: readonly RoundSummary[] | null;
  /** Sentences for people, e.g. "50 of 50 mentees have a mentor; this is the most possible." */
  readonly headlines: readonly string[];
}

export interface MatchResult {
  readonly pairs: readonly MatchedPair[];
  readonly mentors: readonly PersonOutcome[];
  readonly mentees: readonly PersonOutcome[];
  readonly summary: MatchSummary;
  /** Warnings found on the way (errors stop a run before a result exists). */
  readonly problems: readonly InputProblem[];
  /** Input rows that were not used (superseded sign-ups, rows left out for errors), in input order. */
  readonly skipped?: readonly SkippedRow[];
  /** Earlier pairs (re-matching) that could not be kept, and why. */
  readonly droppedEarlierPairs: readonly { mentorId: string; menteeId: string; reason: string }[];
  /** The strategy settings the result was made with. */
  readonly strategySettings?: StrategySettings;
  /** The rule set's score rules in order, so that result tables have one column per rule even when no pair earned it. */
  readonly scoreRules?: readonly { readonly ruleId: string; readonly label: string }[];
  /** Per side, the header of the job title and biography columns (for the mail-merge lists), when mapped. */
  readonly profileColumns?: {
    readonly mentor: { readonly jobTitle?: string; readonly bio?: string; readonly lastName?: string };
    readonly mentee: { readonly jobTitle?: string; readonly bio?: string; readonly lastName?: string };
  };
}
