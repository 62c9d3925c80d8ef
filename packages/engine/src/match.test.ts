import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadHighs } from '@mentor-matcher/solver/test/highs';
import { solver } from '../test/solver.js';
import { sampleTable, withoutRows } from '../test/sample.js';
import type { MatchResult, ScoreMatrix } from './model.js';
import type { RuleSet } from './rules/schema.js';
import { getPreset } from './rules/presets.js';
import { matchTables, checkTables, type MatchInput } from './match.js';
import { resultTables } from './result-tables.js';
import { MatchCancelledError } from './errors.js';
import { INELIGIBLE, isEligiblePair, pairScore } from './score-codes.js';

const input: MatchInput = { kind: 'two-tables', mentors: sampleTable('mentors'), mentees: sampleTable('mentees') };
const roundsPreset = getPreset('mentor-match');
const optimalPreset: RuleSet = { ...roundsPreset, strategy: { name: 'optimal', mentorCoverage: true, alternates: 3 } };

function matched(
  ruleSet: RuleSet,
  options: Partial<Parameters<typeof matchTables>[1]> = {},
  tables: MatchInput = input,
) {
  const run = matchTables(tables, { ruleSet, solver, ...options, pairScores: 'matrix' });
  if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
  return run;
}

const rounds = matched(roundsPreset);

/**
 * The best total of one round, by linear programming (HiGHS): bipartite matching's LP is integral,
 * so its optimum is the best 1:1 assignment, found without the solver under test.
 */
async function roundOptimum(matrix: ScoreMatrix, result: MatchResult, round: number, bonus: number): Promise<number> {
  const before = result.pairs.filter((p) => p.round !== null && p.round < round);
  const taken = new Set(before.map((p) => `${p.mentee.index}:${p.mentor.index}`));
  const count = (role: 'mentor' | 'mentee', index: number) => before.filter((p) => p[role].index === index).length;
  const terms: string[] = [];
  const menteeRows = new Map<number, string[]>();
  const mentorRows = new Map<number, string[]>();
  for (const mentee of matrix.mentees) {
    if (count('mentee', mentee.index) >= mentee.capacity) continue;
    for (const mentor of matrix.mentors) {
      const cell = mentee.index * matrix.mentors.length + mentor.index;
      if (
        count('mentor', mentor.index) >= mentor.capacity ||
        !isEligiblePair(matrix, cell) ||
        taken.has(`${mentee.index}:${mentor.index}`)
      )
        continue;
      const weight =
        pairScore(matrix, cell) +
        (count('mentee', mentee.index) === 0 || count('mentor', mentor.index) === 0 ? bonus : 0);
      const name = `x_${mentee.index}_${mentor.index}`;
      terms.push(`${weight} ${name}`);
      menteeRows.set(mentee.index, [...(menteeRows.get(mentee.index) ?? []), name]);
      mentorRows.set(mentor.index, [...(mentorRows.get(mentor.index) ?? []), name]);
    }
  }
  if (terms.length === 0) return 0;
  const constraints = [...menteeRows.entries()].map(([i, names]) => ` e${i}: ${names.join(' + ')} <= 1`);
  constraints.push(...[...mentorRows.entries()].map(([j, names]) => ` r${j}: ${names.join(' + ')} <= 1`));
  const bounds = [...menteeRows.values()].flat().map((name) => ` 0 <= ${name} <= 1`);
  const lp = `Maximize\n obj: ${terms.join(' + ')}\nSubject To\n${constraints.join('\n')}\nBounds\n${bounds.join('\n')}\nEnd\n`;
  const highs = await loadHighs();
  const solution = highs.solve(lp);
  expect(solution.Status).toBe('Optimal');
  return solution.ObjectiveValue;
}

describe('matchTables on the reference sample, rounds preset', () => {
  it('never chooses a pair that is not eligible', () => {
    for (const pair of rounds.result.pairs) {
      expect(isEligiblePair(rounds.matrix, pair.mentee.index * rounds.matrix.mentors.length + pair.mentor.index)).toBe(
        true,
      );
    }
  });

  it('keeps every capacity and never repeats a pair', () => {
    for (const person of [...rounds.result.mentors, ...rounds.result.mentees]) {
      expect(person.partners.length).toBeLessThanOrEqual(person.participant.capacity);
    }
    const keys = rounds.result.pairs.map((p) => `${p.mentor.id} ${p.mentee.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('makes each round’s total the best one for that round', async () => {
    const settings = roundsPreset.strategy;
    if (settings.name !== 'rounds') throw new Error('the mentor-match preset uses rounds');
    for (let round = 1; round <= settings.rounds; round++) {
      const total = rounds.result.pairs.filter((p) => p.round === round).reduce((sum, p) => sum + p.scoreWithBonus, 0);
      expect(total).toBeCloseTo(await roundOptimum(rounds.matrix, rounds.result, round, settings.unmatchedBonus), 6);
    }
  });

  it('gives everyone an outcome: partners, or a reason in the Unmatched table', () => {
    const { result } = rounds;
    expect(result.mentors).toHaveLength(50);
    expect(result.mentees).toHaveLength(50);
    const unmatched = [...result.mentors, ...result.mentees].filter((p) => p.partners.length === 0);
    for (const person of unmatched) expect(person.reason).not.toBeNull();
    const table = resultTables(result).unmatched;
    expect(table.rows).toHaveLength(unmatched.length);
    for (const row of table.rows) expect(String(row[3]).length).toBeGreaterThan(10);
  });

  it('leaves one of the 50 mentees without a mentor, as the reference system does', () => {
    expect(rounds.result.summary.mentees.matched).toBe(49);
    expect(rounds.result.summary.headlines[0]).toBe('49 of 50 mentees have a mentor; the most possible is 50.');
  });

  it("gives the reference's round totals, pair counts and coverage (49 mentees, 46 mentors)", () => {
    const { summary } = rounds.result;
    expect(summary.rounds).toEqual([
      { round: 1, pairCount: 35, totalScore: 750, totalScoreWithBonus: 960 },
      { round: 2, pairCount: 35, totalScore: 667, totalScoreWithBonus: 775 },
      { round: 3, pairCount: 35, totalScore: 609, totalScoreWithBonus: 651 },
    ]);
    expect(summary).toMatchObject({ pairCount: 105, totalScore: 2026, totalScoreWithBonus: 2386 });
    expect([summary.mentees.matched, summary.mentors.matched]).toEqual([49, 46]);
    expect(summary.mentees.countsByMatches).toEqual([1, 14, 14, 21]);
    expect(summary.mentors.countsByMatches).toEqual([4, 9, 15, 22]);
  });

  it('makes the very pairs the reference makes, round by round (test/fixtures/reference-rounds-50x50.json)', () => {
    const expected: { round: number; totalScore: number; totalScoreWithBonus: number; pairs: [string, string][] }[] =
      JSON.parse(readFileSync(new URL('../test/fixtures/reference-rounds-50x50.json', import.meta.url), 'utf8')).rounds;
    for (const round of expected) {
      const ours = rounds.result.pairs
        .filter((p) => p.round === round.round)
        .map((p) => [p.mentor.email, p.mentee.email]);
      expect(ours.sort()).toEqual(round.pairs.map(([mentor, mentee]) => [mentor, mentee]).sort());
    }
    expect(rounds.result.summary.rounds?.map((r) => r.totalScoreWithBonus)).toEqual(
      expected.map((r) => r.totalScoreWithBonus),
    );
  });

  it('gives byte-identical result tables for the same input', () => {
    const again = matched(roundsPreset);
    expect(JSON.stringify(resultTables(again.result))).toBe(JSON.stringify(resultTables(rounds.result)));
  });
});

describe('matchTables on the reference sample, optimal', () => {
  const optimal = matched(optimalPreset);

  it('gives every mentee who has an eligible mentor a mentor', () => {
    for (const mentee of optimal.result.mentees) {
      const base = mentee.participant.index * 50;
      const hasCandidate = optimal.matrix.mentors.some(
        (mentor, j) => isEligiblePair(optimal.matrix, base + j) && mentor.capacity > 0,
      );
      expect(mentee.partners.length > 0).toBe(hasCandidate);
    }
    expect(optimal.result.summary.mentees.matched).toBeGreaterThanOrEqual(rounds.result.summary.mentees.matched);
  });

  it('states the best possible coverage and that it was reached', () => {
    const { mentees } = optimal.result.summary;
    expect(mentees.bestPossible).toBe(mentees.matched);
    expect(optimal.result.summary.headlines[0]).toBe(
      `${mentees.matched} of 50 mentees have a mentor; this is the most possible.`,
    );
  });

  it('gives byte-identical result tables for the same input', () => {
    expect(JSON.stringify(resultTables(matched(optimalPreset).result))).toBe(
      JSON.stringify(resultTables(optimal.result)),
    );
  });

  it('with mentor-match-optimal matches 50 mentees and 49 mentors for a total score of 1,997', () => {
    const { summary } = matched(getPreset('mentor-match-optimal')).result;
    expect(summary).toMatchObject({ pairCount: 105, totalScore: 1997, totalBonus: null, totalScoreWithBonus: null });
    expect([summary.mentees.matched, summary.mentors.matched]).toEqual([50, 49]);
  });

  it('reaches the best total possible with every mentee and every mentor who can have a partner covered (HiGHS)', async () => {
    // With each such person's degree between 1 and 3 the b-matching LP is integral (bipartite), so its
    // optimum is the best total at full coverage, found without the solver under test.
    const { matrix } = optimal;
    const terms: string[] = [];
    const byMentee = new Map<number, string[]>();
    const byMentor = new Map<number, string[]>();
    for (let i = 0; i < matrix.mentees.length; i++) {
      for (let j = 0; j < matrix.mentors.length; j++) {
        const cell = i * matrix.mentors.length + j;
        if (!isEligiblePair(matrix, cell)) continue;
        const name = `x_${i}_${j}`;
        terms.push(`${pairScore(matrix, cell)} ${name}`);
        byMentee.set(i, [...(byMentee.get(i) ?? []), name]);
        byMentor.set(j, [...(byMentor.get(j) ?? []), name]);
      }
    }
    const degree = (prefix: string, groups: Map<number, string[]>) =>
      [...groups].flatMap(([k, names]) => [
        ` ${prefix}lo${k}: ${names.join(' + ')} >= 1`,
        ` ${prefix}hi${k}: ${names.join(' + ')} <= 3`,
      ]);
    const bounds = [...byMentee.values()].flat().map((name) => ` 0 <= ${name} <= 1`);
    const lp = `Maximize\n obj: ${terms.join(' + ')}\nSubject To\n${[...degree('e', byMentee), ...degree('r', byMentor)].join('\n')}\nBounds\n${bounds.join('\n')}\nEnd\n`;
    const solution = (await loadHighs()).solve(lp);
    expect(solution.Status).toBe('Optimal');
    expect([byMentee.size, byMentor.size]).toEqual([50, 49]);
    expect(optimal.result.summary.totalScore).toBe(solution.ObjectiveValue);
  });

  it('fills the mail-merge lists from the job title and biography columns', () => {
    const mentors = resultTables(optimal.result).mentors;
    expect(mentors.header.slice(0, 8)).toEqual([
      'first name',
      'last name',
      'email address',
      'number of matches',
      'match 1 name',
      'match 1 email',
      'match 1 job title',
      'match 1 biography',
    ]);
    const row = mentors.rows.find((r) => Number(r[3]) > 0)!;
    const partner = optimal.result.mentors[mentors.rows.indexOf(row)].partners[0];
    expect(row.slice(4, 8)).toEqual([
      partner.name,
      partner.email,
      partner.attributes['job title'],
      partner.attributes['biography'],
    ]);
  });

  it('lists pairs with the agreed first columns and one column per scoring rule', () => {
    const pairs = resultTables(optimal.result).pairs;
    expect(pairs.header.slice(0, 3)).toEqual(['mentor email', 'mentee email', 'score']);
    const scoreRules = optimalPreset.rules.filter((r) => r.kind === 'score').map((r) => r.label);
    expect(pairs.header).toEqual(expect.arrayContaining(scoreRules));
    expect(pairs.rows).toHaveLength(optimal.result.pairs.length);
  });
});

describe('locks and re-matching through matchTables', () => {
  const pairs = matched(optimalPreset).result.pairs;
  const aPair = pairs[0];

  it('keeps a locked pair', () => {
    const someEligible = rounds.result.pairs.find(
      (p) => !pairs.some((q) => q.mentor.id === p.mentor.id && q.mentee.id === p.mentee.id),
    )!;
    const lock = { mentor: someEligible.mentor.id, mentee: someEligible.mentee.id };
    const run = matched({ ...optimalPreset, lockedPairs: [lock] });
    const found = run.result.pairs.find((p) => p.mentor.id === lock.mentor && p.mentee.id === lock.mentee);
    expect(found?.locked).toBe(true);
  });

  it('stops with an error naming both ids when a locked pair is not eligible', () => {
    const matrix = rounds.matrix;
    const cell = matrix.codes.indexOf(INELIGIBLE);
    const lock = { mentor: matrix.mentors[cell % 50].id, mentee: matrix.mentees[Math.floor(cell / 50)].id };
    const run = matchTables(input, { ruleSet: { ...optimalPreset, lockedPairs: [lock] }, solver });
    expect(run.ok).toBe(false);
    const problem = run.problems.find((p) => p.code === 'locked-pair-not-eligible')!;
    expect(problem.severity).toBe('error');
    expect(problem.message).toContain(lock.mentor);
    expect(problem.message).toContain(lock.mentee);
  });

  it('keeps every earlier pair still allowed when a mentor drops out, and says which were dropped', () => {
    const leaver = aPair.mentor;
    const previousPairs = pairs.map((p) => ({ mentorId: p.mentor.id, menteeId: p.mentee.id }));
    const tables: MatchInput = {
      ...input,
      mentors: withoutRows(input.mentors, (row) => row[2] === leaver.email),
    } as MatchInput;
    const run = matched(optimalPreset, { previousPairs }, tables);
    const now = new Set(run.result.pairs.map((p) => `${p.mentor.id} ${p.mentee.id}`));
    for (const pair of previousPairs) {
      if (pair.mentorId === leaver.id) continue;
      expect(now.has(`${pair.mentorId} ${pair.menteeId}`)).toBe(true);
    }
    const dropped = run.result.droppedEarlierPairs;
    expect(dropped.length).toBe(previousPairs.filter((p) => p.mentorId === leaver.id).length);
    expect(dropped[0].reason).toContain('no longer taking part');
    expect(run.result.pairs.filter((p) => p.kept).length).toBe(previousPairs.length - dropped.length);
  });
});

describe('what the solver rejects', () => {
  it('comes back as a problem the user can fix, not as an exception', () => {
    const rules = optimalPreset.rules.map((rule) => (rule.kind === 'score' ? { ...rule, points: 1 / 3 } : rule));
    const run = matchTables(input, { ruleSet: { ...optimalPreset, rules }, solver });
    expect(run.ok).toBe(false);
    expect(run.problems.at(-1)).toMatchObject({ severity: 'error', code: 'scores-not-solvable' });
  });
});

describe('progress and cancellation', () => {
  it('reports scoring, solving and explaining in that order', () => {
    const phases: string[] = [];
    matched(optimalPreset, { onProgress: (p) => phases.push(p.phase) });
    const order = ['scoring', 'solving', 'explaining'].map((phase) => phases.indexOf(phase));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('throws MatchCancelledError when the signal aborts during the run', () => {
    const controller = new AbortController();
    const run = () =>
      matchTables(input, {
        ruleSet: roundsPreset,
        solver,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'solving') controller.abort();
        },
      });
    expect(run).toThrow(MatchCancelledError);
  });

  it('throws MatchCancelledError when the signal aborts while scoring', () => {
    const controller = new AbortController();
    const run = () =>
      matchTables(input, {
        ruleSet: optimalPreset,
        solver,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'scoring') controller.abort();
        },
      });
    expect(run).toThrow(MatchCancelledError);
  });
});

describe('checkTables', () => {
  it('reads and checks without solving, reporting the mappings and head counts', () => {
    const report = checkTables(input, { ruleSet: optimalPreset });
    expect(report.mentors).toBe(50);
    expect(report.mentees).toBe(50);
    expect(report.mappings.mentors?.email).toBe('email address');
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reports a missing column once, not also as a column of blanks', () => {
    const mentors = sampleTable('mentors');
    const grade = mentors.header.indexOf('grade');
    const withoutGrade = {
      ...mentors,
      header: mentors.header.filter((_, i) => i !== grade),
      rows: mentors.rows.map((row) => row.filter((_, i) => i !== grade)),
    };
    const report = checkTables({ ...input, mentors: withoutGrade }, { ruleSet: optimalPreset });
    const aboutGrade = report.problems.filter((p) => p.table === 'mentors.csv' && p.column === 'grade');
    expect(aboutGrade.map((p) => [p.severity, p.code])).toEqual([['error', 'missing-column']]);
  });
});
