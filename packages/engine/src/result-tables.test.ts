import { describe, expect, it } from 'vitest';
import { makeMatrix, type MatrixSpec } from '../test/fixtures.js';
import { solver } from '../test/solver.js';
import type { PairIndex, StrategySettings } from './model.js';
import { buildResult } from './result.js';
import { resultTables } from './result-tables.js';
import { strategyFor } from './strategies/index.js';

const optimal: StrategySettings = { name: 'optimal', mentorCoverage: true, alternates: 1 };

function tablesFor(
  spec: MatrixSpec,
  options: { settings?: StrategySettings; locked?: PairIndex[]; kept?: PairIndex[] } = {},
) {
  const matrix = makeMatrix(spec);
  const settings = options.settings ?? optimal;
  const fixed = [...(options.locked ?? []), ...(options.kept ?? [])];
  const outcome = strategyFor(settings).run({ matrix, solver, locked: fixed });
  return resultTables(buildResult({ matrix, settings, outcome, kept: options.kept }));
}

describe('result tables', () => {
  it('lists pairs with emails and score first, then names, round, rank, rule columns and locked', () => {
    const { pairs } = tablesFor({ scores: [[7]], ruleLabel: 'Same profession' });
    expect(pairs.header).toEqual([
      'mentor email',
      'mentee email',
      'score',
      'mentor name',
      'mentee name',
      'round',
      'rank for mentee',
      'Same profession',
      'locked',
    ]);
    expect(pairs.rows).toEqual([
      ['mentor.00@example.org', 'mentee.00@example.org', 7, 'Mentor 0', 'Mentee 0', '', 1, 7, ''],
    ]);
  });

  it("puts each rule's points in its column, in the rule set's order, 0 where the rule does not hold", () => {
    const matrix = makeMatrix({ scores: [[7]] });
    const result = buildResult({
      matrix,
      settings: optimal,
      outcome: strategyFor(optimal).run({ matrix, solver, locked: [] }),
    });
    const changed = {
      ...result,
      scoreRules: ['a', 'b', 'c'].map((id) => ({ ruleId: id, label: id.toUpperCase() })),
      pairs: [
        {
          ...result.pairs[0],
          contributions: [
            { ruleId: 'c', label: 'C', points: 4 },
            { ruleId: 'a', label: 'A', points: 3 },
          ],
        },
      ],
    };
    const { pairs } = resultTables(changed);
    expect(pairs.header.slice(7)).toEqual(['A', 'B', 'C', 'locked']);
    expect(pairs.rows[0].slice(7)).toEqual([3, 0, 4, '']);
  });

  it('keeps "score" the rules\' points with the rounds strategy, and gives the bonus and the sum in labelled columns', () => {
    const { pairs } = tablesFor(
      { scores: [[7]], ruleLabel: 'Same profession' },
      { settings: { name: 'rounds', rounds: 2, unmatchedBonus: 6 } },
    );
    // The optimal strategy's columns, with the bonus and the sum before "locked".
    const optimalHeader = tablesFor({ scores: [[7]], ruleLabel: 'Same profession' }).pairs.header;
    expect(pairs.header).toEqual([
      ...optimalHeader.slice(0, -1),
      'unmatched bonus',
      'score with unmatched bonus',
      'locked',
    ]);
    const cell = (column: string) => pairs.rows[0][pairs.header.indexOf(column)];
    expect(['score', 'round', 'unmatched bonus', 'score with unmatched bonus'].map(cell)).toEqual([7, 1, 6, 13]);
  });

  it("gives the summary's totals with and without the bonus, per round, for the rounds strategy", () => {
    const { summary } = tablesFor({ scores: [[7]] }, { settings: { name: 'rounds', rounds: 2, unmatchedBonus: 6 } });
    expect(summary.rows).toContainEqual(['total score', 7]);
    expect(summary.rows).toContainEqual(['total score with unmatched bonus', 13]);
    expect(summary.rows).toContainEqual(['round 1 total score with unmatched bonus', 13]);
    expect(summary.rows).toContainEqual(['round 2 pairs', 0]);
  });

  it('marks locked pairs and pairs kept from an earlier result', () => {
    const { pairs } = tablesFor(
      {
        scores: [
          [1, 9],
          [9, 1],
        ],
      },
      { locked: [{ mentee: 0, mentor: 0 }], kept: [{ mentee: 1, mentor: 1 }] },
    );
    expect(pairs.rows.map((row) => row.at(-1))).toEqual(['locked', 'kept from earlier']);
  });

  it('writes one mail-merge row per person with as many match columns as the busiest person needs', () => {
    const { mentors, mentees } = tablesFor({
      scores: [
        [5, 4],
        [3, null],
      ],
      mentorCapacity: [2, 1],
      menteeCapacity: [2, 1],
    });
    expect(mentors.header).toHaveLength(4 + 2 * 4);
    expect(mentors.rows[0].slice(0, 8)).toEqual([
      'Mentor',
      '0',
      'mentor.00@example.org',
      2,
      'Mentee 0',
      'mentee.00@example.org',
      'mentee job 0',
      'Bio of mentee 0',
    ]);
    expect(mentees.rows[1]).toEqual([
      'Mentee',
      '1',
      'mentee.01@example.org',
      1,
      'Mentor 0',
      'mentor.00@example.org',
      'mentor job 0',
      'Bio of mentor 0',
      '',
      '',
      '',
      '',
    ]);
  });

  it('lists each match by name and email only when asked to leave out their job title and biography', () => {
    const matrix = makeMatrix({
      scores: [
        [5, 4],
        [3, null],
      ],
      mentorCapacity: [2, 1],
      menteeCapacity: [2, 1],
    });
    const outcome = strategyFor(optimal).run({ matrix, solver, locked: [] });
    const { mentees } = resultTables(buildResult({ matrix, settings: optimal, outcome }), { partnerProfiles: false });
    expect(mentees.header).toEqual([
      'first name',
      'last name',
      'email address',
      'number of matches',
      'match 1 name',
      'match 1 email',
      'match 2 name',
      'match 2 email',
    ]);
    expect(mentees.rows[1]).toEqual([
      'Mentee',
      '1',
      'mentee.01@example.org',
      1,
      'Mentor 0',
      'mentor.00@example.org',
      '',
      '',
    ]);
  });

  it("gives each person's own job title and biography once, in their row, when asked, and each match by reference", () => {
    const matrix = makeMatrix({
      scores: [
        [5, 4],
        [3, null],
      ],
      mentorCapacity: [2, 1],
      menteeCapacity: [2, 1],
    });
    const outcome = strategyFor(optimal).run({ matrix, solver, locked: [] });
    const result = buildResult({ matrix, settings: optimal, outcome });
    const { mentors, mentees } = resultTables(result, { partnerProfiles: false, ownProfile: true });
    expect(mentors.header).toEqual([
      'first name',
      'last name',
      'email address',
      'job title',
      'biography',
      'number of matches',
      'match 1 name',
      'match 1 email',
      'match 2 name',
      'match 2 email',
    ]);
    expect(mentees.rows[1]).toEqual([
      'Mentee',
      '1',
      'mentee.01@example.org',
      'mentee job 1',
      'Bio of mentee 1',
      1,
      'Mentor 0',
      'mentor.00@example.org',
      '',
      '',
    ]);
    // Mentor 0 has two mentees, and is the match of each; their biography is still in one cell.
    const cells = [...mentors.rows, ...mentees.rows].flat();
    expect(cells.filter((cell) => cell === 'Bio of mentor 0')).toHaveLength(1);
  });

  it('gives each unmatched person a reason in words', () => {
    const { unmatched } = tablesFor({ scores: [[5], [5], [null]], menteeCapacity: [1, 1, 1] });
    expect(unmatched.header).toEqual(['role', 'name', 'email', 'reason']);
    expect(unmatched.rows).toEqual([
      [
        'mentee',
        'Mentee 1',
        'mentee.01@example.org',
        'Every eligible mentor is full: Mentor 0 (with Mentee 0); giving them one would have left someone else unmatched.',
      ],
      ['mentee', 'Mentee 2', 'mentee.02@example.org', 'No eligible mentor (candidates removed by Test exclusion: 1).'],
    ]);
  });

  it('summarises as label and value rows, with the headline sentences', () => {
    const { summary } = tablesFor({ scores: [[5], [null]] });
    expect(summary.header).toEqual(['label', 'value']);
    expect(summary.rows).toContainEqual(['mentees with a mentor', 1]);
    expect(summary.rows).toContainEqual(['mentees with 0 mentors', 1]);
    expect(summary.rows).toContainEqual(['note', '1 of 2 mentees has a mentor; this is the most possible.']);
  });

  it("labels each of the run's problems by its severity, not by its code", () => {
    const matrix = makeMatrix({ scores: [[5]] });
    const outcome = strategyFor(optimal).run({ matrix, solver, locked: [] });
    const result = buildResult({ matrix, settings: optimal, outcome });
    const message = 'mentees.csv row 3: Ann has no eligible mentor';
    const { summary } = resultTables({
      ...result,
      problems: [{ severity: 'warning', code: 'no-eligible-partner', message }],
    });
    expect(summary.rows).toContainEqual(['warning', message]);
  });
});
