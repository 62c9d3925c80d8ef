// The reference system's own test scenarios, ported as specifications of this engine: the Python
// package jonodrew/mentor-match-package (tests/conftest.py, test_rules.py, test_match.py,
// test_process.py) and the web app jonodrew/mentor-match (tests/test_classes.py, the fixtures of
// app/helpers.py). Each `it` names the reference test it ports and asserts the outcome the
// reference expects; where this engine differs on purpose, the test says so and asserts ours.
import type { Cell, Table } from '@mentor-matcher/tabular';
import { describe, expect, it } from 'vitest';
import { solver } from '../test/solver.js';
import { checkInput } from './checks.js';
import { detectMapping } from './mapping.js';
import { matchTables } from './match.js';
import { readParticipants } from './participants.js';
import { resultTables } from './result-tables.js';
import { getPreset } from './rules/presets.js';
import { parseRuleSet, type RuleSet, type RuleSetInput } from './rules/schema.js';
import { isEligiblePair, pairScore } from './score-codes.js';
import { scorePairs } from './scoring.js';

const grades = ['AA', 'AO', 'EO', 'HEO', 'SEO', 'Grade 7', 'Grade 6', 'SCS1', 'SCS2', 'SCS3', 'SCS4'];
const header = [
  'first name',
  'last name',
  'email address',
  'grade',
  'organisation',
  'profession',
  'characteristics',
  'identity to match',
];

function tableOf(source: string, rows: Cell[][]): Table {
  return { source, header, rows, headerRow: 1, firstColumn: 0 };
}

/** conftest.py's base_data: a Policy person at grade 5 (SEO) in the Department of Fun. */
const baseRow = (email = 'test@data.com'): Cell[] => [
  'Test',
  'Data',
  email,
  'SEO',
  'Department of Fun',
  'Policy',
  '',
  '',
];
/** conftest.py's base_mentor: base_data one grade up (6: Grade 7), in the Ministry of Silly Walks. */
const baseMentorRow = (): Cell[] => [
  'Test',
  'Data',
  'mentor@data.com',
  'Grade 7',
  'Ministry of Silly Walks',
  'Policy',
  '',
  '',
];

function ruleSet(input: Omit<RuleSetInput, 'version' | 'name' | 'ladders'>): RuleSet {
  const parsed = parseRuleSet({ version: 1, name: 'scenario', ladders: { grade: grades }, ...input });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return parsed.ruleSet;
}

/** One mentor row against one mentee row under a rule set: the score, or null when disallowed. */
function scoreOf(rules: RuleSet, mentor: readonly Cell[], mentee: readonly Cell[]): number | null {
  const read = (role: 'mentor' | 'mentee', row: readonly Cell[]) => {
    const t = tableOf(`${role}s.csv`, [[...row]]);
    return readParticipants(t, role, detectMapping(t.header, role, rules), rules).participants;
  };
  const matrix = scorePairs(read('mentor', mentor), read('mentee', mentee), rules);
  return isEligiblePair(matrix, 0) ? pairScore(matrix, 0) : null;
}

const withGrade = (row: Cell[], grade: string): Cell[] => [...row.slice(0, 3), grade, ...row.slice(4)];
const gradePairs = grades.flatMap((mentor, m) => grades.map((mentee, e) => ({ mentor, mentee, gap: m - e })));

describe('mentor-match-package tests/test_rules.py', () => {
  it('test_matching_scores_scores_correct_points: Equivalent("profession", {True: 4}) gives 4', () => {
    const rules = ruleSet({
      rules: [
        {
          id: 'profession',
          label: 'Profession',
          kind: 'score',
          points: 4,
          when: { type: 'same', mentor: 'profession', mentee: 'profession', compare: 'exact' },
        },
      ],
    });
    expect(scoreOf(rules, baseMentorRow(), baseRow())).toBe(4);
  });

  it('test_disqualify_on_large_grade_gap: for all 11 × 11 grades, disqualified exactly when the gap is over 2', () => {
    const rules = ruleSet({
      rules: [
        {
          id: 'gap',
          label: 'Gap over 2',
          kind: 'exclude',
          when: { type: 'gap', mentor: 'grade', mentee: 'grade', ladder: 'grade', atLeast: 3 },
        },
      ],
    });
    for (const { mentor, mentee, gap } of gradePairs) {
      expect(
        scoreOf(rules, withGrade(baseMentorRow(), mentor), withGrade(baseRow(), mentee)) === null,
        `${mentor} / ${mentee}`,
      ).toBe(gap > 2);
    }
  });

  it('test_grade_rule: Grade(1, eq) worth 2 and Grade(2, eq) worth 4 give 2, 4 or 0 for all 11 × 11 grades', () => {
    const rules = ruleSet({
      rules: [
        {
          id: 'one',
          label: 'One up',
          kind: 'score',
          points: 2,
          when: { type: 'gap', mentor: 'grade', mentee: 'grade', ladder: 'grade', equals: 1 },
        },
        {
          id: 'two',
          label: 'Two up',
          kind: 'score',
          points: 4,
          when: { type: 'gap', mentor: 'grade', mentee: 'grade', ladder: 'grade', equals: 2 },
        },
      ],
    });
    for (const { mentor, mentee, gap } of gradePairs) {
      const expected = gap === 1 ? 2 : gap === 2 ? 4 : 0;
      expect(
        scoreOf(rules, withGrade(baseMentorRow(), mentor), withGrade(baseRow(), mentee)),
        `${mentor} / ${mentee}`,
      ).toBe(expected);
    }
  });
});

describe('mentor-match-package tests/test_match.py, with the mentor-match preset', () => {
  const preset = getPreset('mentor-match');

  it('test_cant_match_with_same_department: the same organisation is disallowed', () => {
    const mentor = baseMentorRow();
    mentor[4] = 'Department of Fun';
    expect(scoreOf(preset, mentor, baseRow())).toBeNull();
  });

  it('test_cant_match_with_greater_than_two_grade_difference: allowed exactly when 0 < gap <= 2, for all 11 × 11 grades', () => {
    for (const { mentor, mentee, gap } of gradePairs) {
      expect(
        scoreOf(preset, withGrade(baseMentorRow(), mentor), withGrade(baseRow(), mentee)) !== null,
        `${mentor} / ${mentee}`,
      ).toBe(gap > 0 && gap <= 2);
    }
  });

  it('test_cant_match_with_self: a mentor and a mentee with the same email are never paired', () => {
    const rules = ruleSet({ rules: [] });
    const mentor = baseRow('same@email.com');
    mentor[4] = 'Ministry of Silly Walks';
    expect(scoreOf(rules, mentor, baseRow('same@email.com'))).toBeNull();
  });

  it('test_cant_match_with_self, on purpose different: emails are compared ignoring case and spacing', () => {
    // The reference compares `mentor.email == mentee.email` exactly; a person who signed up twice as
    // "Same@Email.com " and "same@email.com" is one person here, so this can only remove a self-pair.
    const rules = ruleSet({ rules: [] });
    const mentor = baseRow('Same@Email.com ');
    mentor[4] = 'Ministry of Silly Walks';
    expect(scoreOf(rules, mentor, baseRow('same@email.com'))).toBeNull();
  });

  it('test_match_score_doesnt_overcount: 2 points and another 2 make 4, each rule counted once', () => {
    const rules = ruleSet({
      rules: [
        {
          id: 'first',
          label: 'First',
          kind: 'score',
          points: 2,
          when: { type: 'different', mentor: 'organisation', mentee: 'organisation', compare: 'exact' },
        },
        {
          id: 'second',
          label: 'Second',
          kind: 'score',
          points: 2,
          when: { type: 'different', mentor: 'organisation', mentee: 'organisation', compare: 'exact' },
        },
      ],
    });
    expect(scoreOf(rules, baseMentorRow(), baseRow())).toBe(4);
  });
});

/** conftest.py's known_file, in the reference's CSV format: everyone alike, mentors EO, mentees AA. */
function knownFile(role: 'mentor' | 'mentee', quantity: number): Table {
  const width = String(quantity).length;
  const rows = Array.from({ length: quantity }, (_, i): Cell[] => {
    const number = String(i).padStart(width, '0');
    return [
      role,
      number,
      `${role}.${number}@gov.uk`,
      role === 'mentor' ? 'EO' : 'AA',
      `Department of ${role === 'mentor' ? 'Mentors' : 'Mentees'}`,
      'Policy',
      role === 'mentor' ? 'bisexual, transgender' : '',
      role === 'mentee' ? 'bisexual' : '',
    ];
  });
  return tableOf(`${role}s.csv`, rows);
}

function runKnown(mentors: number, mentees: number) {
  const run = matchTables(
    { kind: 'two-tables', mentors: knownFile('mentor', mentors), mentees: knownFile('mentee', mentees) },
    { ruleSet: getPreset('mentor-match'), solver },
  );
  if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
  return run.result;
}

describe("mentor-match-package tests/test_process.py and the web app's known data", () => {
  it('test_create_mentee_list: 50 known mentees read as 50 mentees, without problems', () => {
    const preset = getPreset('mentor-match');
    const t = knownFile('mentee', 50);
    const { participants, problems } = readParticipants(t, 'mentee', detectMapping(t.header, 'mentee', preset), preset);
    expect(participants).toHaveLength(50);
    expect(participants.every((p) => p.role === 'mentee')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('test_create_matches: 50 × 50 known people give a 50 × 50 grid, every pair scoring 12 + 10 + 6', () => {
    const preset = getPreset('mentor-match');
    const side = (role: 'mentor' | 'mentee') => {
      const t = knownFile(role, 50);
      return readParticipants(t, role, detectMapping(t.header, role, preset), preset).participants;
    };
    const matrix = scorePairs(side('mentor'), side('mentee'), preset);
    expect([matrix.mentees.length, matrix.mentors.length]).toEqual([50, 50]);
    for (let k = 0; k < 2500; k++) expect(pairScore(matrix, k)).toBe(28);
  });

  it('test_conduct_matching_from_file: after three rounds every mentor and every mentee has a match', () => {
    const result = runKnown(50, 50);
    expect(result.mentors.every((m) => m.partners.length > 0)).toBe(true);
    expect(result.mentees.every((m) => m.partners.length > 0)).toBe(true);
    expect(result.summary.rounds?.map((r) => r.pairCount)).toEqual([50, 50, 50]);
  });

  it('test_conduct_matching_with_unbalanced_inputs: 50 mentees and 35 mentors, every mentee has a mentor', () => {
    const result = runKnown(35, 50);
    expect(result.mentees.every((m) => m.partners.length > 0)).toBe(true);
  });

  it('test_cant_match_with_someone_already_matched_with: no pair is made twice over the rounds', () => {
    const result = runKnown(35, 50);
    const keys = result.pairs.map((p) => `${p.mentor.id} ${p.mentee.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('test_mark_successful: a pair is listed with each of its two people', () => {
    const result = runKnown(1, 1);
    expect(result.mentors[0].partners.map((p) => p.id)).toEqual(['mentee.0@gov.uk']);
    expect(result.mentees[0].partners.map((p) => p.id)).toEqual(['mentor.0@gov.uk']);
  });

  it('test_create_mailing_list: the mentors list has match 1, 2 and 3 email columns', () => {
    const { mentors } = resultTables(runKnown(3, 3));
    expect(mentors.header).toEqual(expect.arrayContaining(['match 1 email', 'match 2 email', 'match 3 email']));
  });

  it('test_create_mailing_list_when_mentor_has_no_matches: the columns are there, empty for the mentor with none', () => {
    const known = knownFile('mentor', 2);
    const mentors = tableOf('mentors.csv', [
      [...known.rows[0]],
      [...known.rows[1].slice(0, 4), 'Department of Mentees', ...known.rows[1].slice(5)],
    ]);
    const run = matchTables(
      { kind: 'two-tables', mentors, mentees: knownFile('mentee', 3) },
      { ruleSet: getPreset('mentor-match'), solver },
    );
    if (!run.ok) throw new Error('expected a result');
    const table = resultTables(run.result).mentors;
    expect(table.header).toEqual(expect.arrayContaining(['match 1 email', 'match 2 email', 'match 3 email']));
    const lonely = table.rows.find((row) => row[2] === 'mentor.1@gov.uk')!;
    expect(lonely[3]).toBe(0);
    expect(lonely[table.header.indexOf('match 1 email')]).toBe('');
  });
});

describe('mentor-match (web app) tests/test_classes.py and app/helpers.py', () => {
  it('test_matches_and_rules: "characteristic in characteristics" holds for "bisexual" against "bisexual, transgender"', () => {
    const rules = ruleSet({
      rules: [
        {
          id: 'identity',
          label: 'Identity',
          kind: 'score',
          points: 3,
          when: {
            type: 'overlap',
            mentor: 'characteristics',
            mentee: 'identity to match',
            mentorSeparator: ', ',
            menteeSeparator: null,
            compare: 'exact',
          },
        },
      ],
    });
    expect(scoreOf(rules, knownFile('mentor', 1).rows[0], knownFile('mentee', 1).rows[0])).toBe(3);
  });

  it('grade_mapping.index(grade), on purpose different: a grade off the ladder is an input error, not a crash', () => {
    // The reference raises ValueError on "Grade 8"; here it is reported with its row and column.
    const preset = getPreset('mentor-match');
    const read = (role: 'mentor' | 'mentee', row: Cell[]) => {
      const t = tableOf(`${role}s.csv`, [row]);
      return readParticipants(t, role, detectMapping(t.header, role, preset), preset).participants;
    };
    const problems = checkInput(
      read('mentor', withGrade(baseMentorRow(), 'Grade 8')),
      read('mentee', baseRow()),
      preset,
    );
    expect(problems.map((p) => [p.severity, p.code, p.row, p.column])).toEqual([
      ['error', 'value-not-on-ladder', 2, 'grade'],
    ]);
  });

  it('grade_mapping.index(grade), on purpose different: "grade 7" and "G7" are Grade 7 (the reference stops on them)', () => {
    const preset = getPreset('mentor-match');
    expect(scoreOf(preset, withGrade(baseMentorRow(), 'grade 6'), withGrade(baseRow(), 'G7'))).toBe(19);
  });
});
