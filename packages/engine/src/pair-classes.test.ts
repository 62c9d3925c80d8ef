// Scores held by classes against the full matrix, which scores every pair on its own: the same
// codes, counts and explanations for every pair and person, and the same optimum (tiers and total)
// through the whole engine, with the same explanations of whatever the class path chose.
import { generateMentorMatchData } from '@mentor-matcher/sample-data';
import type { Table } from '@mentor-matcher/tabular';
import { describe, expect, it } from 'vitest';
import { solver } from '../test/solver.js';
import { setOnePassLimit } from './class-facts.js';
import { menteeRowFacts, unmatchedReason } from './explain.js';
import { matchTables, type MatchInput } from './match.js';
import { detectMapping } from './mapping.js';
import type { MatchResult, Participant, ScoreMatrix } from './model.js';
import { groupByRuleFields } from './class-grouping.js';
import { CLASS_BLOCK, eligibleRuns, eligibleRunsRoom, scoreByClasses } from './pair-classes.js';
import { participantValue, readParticipants } from './participants.js';
import { getPreset } from './rules/presets.js';
import type { RuleSet } from './rules/schema.js';
import { scorePairs } from './scoring.js';

/** Generated sign-ups with a capacity column: some people take nobody, some take one. */
function signUps(size: number, seed: number): { mentors: Table; mentees: Table } {
  const data = generateMentorMatchData({ mentors: size, mentees: size, seed });
  const withCapacity = (table: Table, every: number): Table => ({
    ...table,
    header: [...table.header, 'places'],
    rows: table.rows.map((row, k) => [...row, k % every === 0 ? 0 : k % every === 1 ? 1 : null]),
  });
  return { mentors: withCapacity(data.mentors, 17), mentees: withCapacity(data.mentees, 23) };
}

function ruleSetsFor(tables: { mentors: Table; mentees: Table }): { name: string; ruleSet: RuleSet }[] {
  const email = (table: Table, k: number) => String(table.rows[k][table.header.indexOf('email address')]);
  const withExtras = (preset: string): RuleSet => {
    const base = getPreset(preset);
    return {
      ...base,
      capacity: {
        mentor: { ...base.capacity.mentor, column: 'places' },
        mentee: { ...base.capacity.mentee, column: 'places' },
      },
      forbiddenPairs: [3, 8, 13].map((k) => ({
        mentor: email(tables.mentors, k),
        mentee: email(tables.mentees, k + 1),
      })),
      strategy: { name: 'optimal', mentorCoverage: true, alternates: 3 },
    };
  };
  const lowScores: RuleSet = {
    ...withExtras('mentor-match-adjusted'),
    minScore: 9,
    strategy: { name: 'optimal', mentorCoverage: false, alternates: 2 },
  };
  // Points for each side's profession, weighted apart, so that pairs take over 255 different scores
  // (wider codes than a byte, and more score ranks than a byte can name).
  const professions = [
    ...new Set(tables.mentors.rows.map((row) => String(row[tables.mentors.header.indexOf('profession')]))),
  ];
  const optimal = withExtras('mentor-match-optimal');
  const manyScores: RuleSet = {
    ...optimal,
    rules: [
      ...optimal.rules,
      ...professions.flatMap((profession, k) =>
        (['mentor', 'mentee'] as const).map((side) => ({
          id: `${side}-profession-${k}`,
          label: `${side} in ${profession}`,
          kind: 'score' as const,
          when: { type: 'equals' as const, side, column: 'profession', value: profession },
          points: side === 'mentor' ? 100 * (k + 1) : k + 1,
        })),
      ),
    ],
  };
  return [
    { name: 'mentor-match-optimal', ruleSet: optimal },
    { name: 'mentor-match-adjusted', ruleSet: withExtras('mentor-match-adjusted') },
    { name: 'adjusted, minimum score 9, no mentor coverage', ruleSet: lowScores },
    { name: 'over 255 different scores', ruleSet: manyScores },
  ];
}

function people(tables: { mentors: Table; mentees: Table }, ruleSet: RuleSet) {
  const read = (table: Table, role: 'mentor' | 'mentee') =>
    readParticipants(table, role, detectMapping(table.header, role, ruleSet), ruleSet).participants;
  return { mentors: read(tables.mentors, 'mentor'), mentees: read(tables.mentees, 'mentee') };
}

const tables = signUps(160, 31);

/** A flag per row and block of CLASS_BLOCK columns: 1 where the block holds a code other than 0 (ineligible). */
function blocksWithEligible(codes: ArrayLike<number>, rows: number, cols: number): Uint8Array {
  const perRow = Math.ceil(cols / CLASS_BLOCK);
  const flags = new Uint8Array(rows * perRow);
  for (let a = 0; a < rows; a++) {
    for (let b = 0; b < cols; b++) if (codes[a * cols + b] !== 0) flags[a * perRow + Math.floor(b / CLASS_BLOCK)] = 1;
  }
  return flags;
}

describe.each(ruleSetsFor(tables))('scores held by classes ($name)', ({ ruleSet }) => {
  const { mentors, mentees } = people(tables, ruleSet);
  const full = scorePairs(mentors, mentees, ruleSet);
  const grouping = {
    mentors: groupByRuleFields(mentors, ruleSet, 'mentor'),
    mentees: groupByRuleFields(mentees, ruleSet, 'mentee'),
  };
  const byClass = scoreByClasses(mentors, mentees, ruleSet, grouping);

  it('groups people into fewer classes than people', () => {
    expect(grouping.mentors.count).toBeLessThan(mentors.length);
    expect(grouping.mentees.count).toBeLessThan(mentees.length);
  });

  it('numbers the mentor classes grade by grade, the field with fewest values', () => {
    const distinct = (field: string) => new Set(mentors.map((p) => String(participantValue(p, field)))).size;
    expect(distinct('grade')).toBeLessThan(Math.min(distinct('organisation'), distinct('profession')));
    const { count, members, start } = grouping.mentors;
    const grades = Array.from({ length: count }, (_, k) =>
      String(participantValue(mentors[members[start[k]]], 'grade')),
    );
    const changes = grades.filter((grade, k) => k > 0 && grade !== grades[k - 1]).length;
    expect(changes).toBe(new Set(grades).size - 1);
  });

  it('flags exactly the blocks of mentor classes where a mentee class has an eligible pair', () => {
    const { codes, menteeClassCount, mentorClassCount, eligibleBlocks } = byClass.classes;
    expect(eligibleBlocks).toEqual(blocksWithEligible(codes, menteeClassCount, mentorClassCount));
  });

  it('gives every pair the full matrix’s score and breakdown', () => {
    const differences: string[] = [];
    for (let i = 0; i < mentees.length; i++) {
      for (let j = 0; j < mentors.length; j++) {
        const a = full.scoreOfCode[full.codes[i * mentors.length + j]];
        const b = byClass.scoreOfCode[byClass.codeOf(i, j)];
        if (!Object.is(a, b)) differences.push(`${i},${j}: ${a} vs ${b}`);
      }
    }
    expect(differences.slice(0, 5)).toEqual([]);
    for (let k = 0; k < 400; k++) {
      const [i, j] = [(k * 37) % mentees.length, (k * 53) % mentors.length];
      expect(byClass.explainPair(i, j)).toEqual(full.explainPair(i, j));
    }
    expect(byClass.eligibleCountByMentee).toEqual(full.eligibleCountByMentee);
    expect(byClass.eligibleCountByMentor).toEqual(full.eligibleCountByMentor);
  });

  it('counts each person’s exclusions as the full matrix does, in the same order', () => {
    for (let k = 0; k < 40; k++) {
      expect(byClass.exclusionCounts('mentee', (k * 7) % mentees.length)).toEqual(
        full.exclusionCounts('mentee', (k * 7) % mentees.length),
      );
      expect(byClass.exclusionCounts('mentor', (k * 11) % mentors.length)).toEqual(
        full.exclusionCounts('mentor', (k * 11) % mentors.length),
      );
    }
  });

  it('ranks chosen mentors and lists alternates as a pass over the full row does', () => {
    for (let i = 0; i < mentees.length; i++) {
      const chosen = [i % mentors.length, (i * 7 + 3) % mentors.length].filter((j) => full.codeOf(i, j) !== 0);
      expect(menteeRowFacts(byClass, i, chosen, 4)).toEqual(menteeRowFacts(full, i, chosen, 4));
    }
  });

  it('ranks and lists alternates the same when each class first counts its codes', () => {
    const was = setOnePassLimit(0);
    try {
      const counted = scoreByClasses(mentors, mentees, ruleSet, grouping);
      for (let i = 0; i < mentees.length; i++) {
        const chosen = [i % mentors.length, (i * 5 + 1) % mentors.length].filter((j) => full.codeOf(i, j) !== 0);
        expect(menteeRowFacts(counted, i, chosen, 4)).toEqual(menteeRowFacts(full, i, chosen, 4));
      }
    } finally {
      setOnePassLimit(was);
    }
  });
});

describe.each(ruleSetsFor(tables))('the optimal strategy on classes ($name)', ({ ruleSet }) => {
  const input: MatchInput = { kind: 'two-tables', ...tables };
  const run = (pairScores: 'matrix' | 'classes') => {
    const outcome = matchTables(input, { ruleSet, solver, pairScores });
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
    return outcome;
  };
  const viaMatrix = run('matrix');
  const viaClasses = run('classes');

  it('reaches the same tiers and total', () => {
    expect(viaClasses.matrix.classes).toBeDefined();
    // Mentors with a mentee are a tier only with mentor coverage on; otherwise any count may be optimal.
    const mentorTier = ruleSet.strategy?.name === 'optimal' && ruleSet.strategy.mentorCoverage;
    const tiers = (result: MatchResult) => [
      result.summary.mentees.matched,
      mentorTier ? result.summary.mentors.matched : null,
      result.summary.totalScore,
      result.summary.pairCount > 0,
    ];
    expect(tiers(viaClasses.result)).toEqual(tiers(viaMatrix.result));
    expect(viaClasses.result.summary.mentees.bestPossible).toBe(viaMatrix.result.summary.mentees.bestPossible);
  });

  it('explains its own pairs as the full matrix would explain them', () => {
    const { result } = viaClasses;
    const matrix = viaMatrix.matrix as ScoreMatrix;
    const settings = result.strategySettings!;
    const alternates = settings.name === 'optimal' ? settings.alternates : 0;
    const partners = new Map<string, Participant[]>();
    for (const outcome of [...result.mentors, ...result.mentees]) {
      partners.set(`${outcome.participant.role} ${outcome.participant.index}`, [...outcome.partners]);
    }
    const partnersOf = (role: 'mentor' | 'mentee', index: number) => partners.get(`${role} ${index}`) ?? [];
    for (const outcome of result.mentees) {
      const chosen = outcome.partners.map((p) => p.index);
      const facts = menteeRowFacts(matrix, outcome.participant.index, chosen, alternates);
      expect(outcome.alternates.map((a) => [a.mentor.index, a.score])).toEqual(
        facts.alternates.map((a) => [a.mentor, a.score]),
      );
      const ranks = result.pairs
        .filter((p) => p.mentee.index === outcome.participant.index)
        .map((p) => [p.mentor.index, p.rankForMentee]);
      expect(ranks.sort()).toEqual(chosen.map((j, k) => [j, facts.ranks[k]]).sort());
    }
    for (const outcome of [...result.mentors, ...result.mentees]) {
      if (outcome.partners.length > 0) continue;
      expect(outcome.reason).toEqual(unmatchedReason(matrix, outcome.participant, partnersOf, settings));
    }
    expect(result.pairs.map((p) => [p.score, p.contributions])).toEqual(
      result.pairs.map((p) => {
        const explanation = matrix.explainPair(p.mentee.index, p.mentor.index);
        return [explanation.score, explanation.contributions];
      }),
    );
  });
});

describe('the blocks of mentor classes that rows may pair with', () => {
  // Nine rows over three blocks and a part: each row eligible here and there in every third stretch
  // of 40 columns, as classes numbered grade by grade leave them; the last row eligible nowhere.
  const rows = 9;
  const cols = 3 * CLASS_BLOCK + 17;
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const codes = new Uint8Array(rows * cols);
  for (let a = 0; a < rows - 1; a++) {
    for (let b = 0; b < cols; b++) {
      if (Math.floor(b / 40) % 3 === a % 3 && random() < 0.2) codes[a * cols + b] = 1 + Math.floor(random() * 5);
    }
  }
  const blocks = blocksWithEligible(codes, rows, cols);
  const cases = Array.from({ length: 4 }, (_, c) => c + 1).flatMap((count) =>
    Array.from({ length: rows - count + 1 }, (_, first) => ({ first, count })),
  );

  it.each(cases)(
    'rows from $first, $count of them: runs of whole blocks cover every eligible pair',
    ({ first, count }) => {
      const runs = new Int32Array(eligibleRunsRoom(cols));
      const made = eligibleRuns(blocks, cols, first, count, runs);
      const spans = Array.from({ length: made }, (_, t) => [runs[2 * t], runs[2 * t + 1]]);
      const wanted = Array.from({ length: cols }, (_, b) => b).filter((b) =>
        Array.from({ length: count }, (_, k) => codes[(first + k) * cols + b]).some((code) => code !== 0),
      );
      const covered = (b: number) => spans.some(([from, to]) => from <= b && b < to);
      expect(wanted.filter((b) => !covered(b))).toEqual([]);
      spans.forEach(([from, to], t) => {
        expect(from).toBeLessThan(to);
        expect(from % CLASS_BLOCK).toBe(0);
        expect(to === cols || to % CLASS_BLOCK === 0).toBe(true);
        if (t > 0) expect(from).toBeGreaterThan(spans[t - 1][1]);
        // No block is read in vain: each one covered holds a wanted column.
        for (let block = from; block < to; block += CLASS_BLOCK) {
          expect(wanted.some((b) => b >= block && b < block + CLASS_BLOCK)).toBe(true);
        }
      });
    },
  );

  it('gives no run for a row eligible nowhere', () => {
    expect(eligibleRuns(blocks, cols, rows - 1, 1, new Int32Array(eligibleRunsRoom(cols)))).toBe(0);
  });
});

it('has a rule set among the cases above whose pairs take over 255 different scores', () => {
  const { ruleSet } = ruleSetsFor(tables).find((c) => c.name === 'over 255 different scores')!;
  const { mentors, mentees } = people(tables, ruleSet);
  expect(scorePairs(mentors, mentees, ruleSet).scoreOfCode.length).toBeGreaterThan(256);
});

describe('choosing how scores are held', () => {
  const ruleSet = getPreset('mentor-match-optimal');
  const input: MatchInput = { kind: 'two-tables', ...signUps(60, 5) };

  it('keeps the full matrix for rounds and where classes save nothing', () => {
    const rounds = matchTables(input, { ruleSet: getPreset('mentor-match'), solver, pairScores: 'classes' });
    const small = matchTables(input, { ruleSet, solver });
    expect(rounds.ok && small.ok).toBe(true);
    if (rounds.ok) expect(rounds.matrix.classes).toBeUndefined();
    if (small.ok) expect(small.matrix.classes).toBeUndefined();
  });

  it('refuses a run whose classes would not fit, with the class figures, before scoring', () => {
    const run = matchTables(input, { ruleSet, solver, pairScores: 'classes', memoryLimitBytes: 100_000 });
    expect(run.ok).toBe(false);
    const problem = run.problems.find((p) => p.code === 'memory-limit');
    expect(problem?.message).toMatch(/^Matching 60 mentors with 60 mentees needs about \d+ KB, more than the 100 KB/);
    expect(problem?.message).toMatch(/pairs of classes at 1 byte each/);
  });

  it('holds scores by class when few fields decide them', () => {
    const byGrade: RuleSet = { ...ruleSet, rules: ruleSet.rules.filter((rule) => rule.id.startsWith('grade')) };
    const run = matchTables(input, { ruleSet: byGrade, solver });
    if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
    expect(run.matrix.classes?.mentorClassCount).toBeLessThanOrEqual(11);
  });
});
