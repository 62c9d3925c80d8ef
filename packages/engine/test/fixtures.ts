// Hand-made score matrices for strategy and result tests: scores and eligibility given directly,
// so that these tests do not depend on the rule evaluator.
import type { Participant, ScoreMatrix } from '../src/model.js';
import { INELIGIBLE, ScoreInterner, codeArray } from '../src/score-codes.js';

export interface MatrixSpec {
  /** scores[mentee][mentor]; null = not eligible. */
  readonly scores: readonly (readonly (number | null)[])[];
  readonly mentorCapacity?: readonly number[] | number;
  readonly menteeCapacity?: readonly number[] | number;
  /** Contributions for explainPair: each pair's score is reported as one rule 'points'. */
  readonly ruleLabel?: string;
}

function person(role: 'mentor' | 'mentee', index: number, capacity: number): Participant {
  const first = role === 'mentor' ? 'Mentor' : 'Mentee';
  const id = `${role}.${String(index).padStart(2, '0')}@example.org`;
  return {
    id,
    role,
    index,
    name: `${first} ${index}`,
    firstName: first,
    email: id,
    capacity,
    source: `${role}s.csv`,
    row: index + 2,
    attributes: { 'job title': `${role} job ${index}`, biography: `Bio of ${role} ${index}` },
  };
}

const capacityAt = (spec: readonly number[] | number | undefined, i: number) =>
  spec === undefined ? 1 : typeof spec === 'number' ? spec : spec[i];

export function makeMatrix(spec: MatrixSpec): ScoreMatrix {
  const menteeCount = spec.scores.length;
  const mentorCount = menteeCount === 0 ? 0 : spec.scores[0].length;
  const mentees = Array.from({ length: menteeCount }, (_, i) =>
    person('mentee', i, capacityAt(spec.menteeCapacity, i)),
  );
  const mentors = Array.from({ length: mentorCount }, (_, j) =>
    person('mentor', j, capacityAt(spec.mentorCapacity, j)),
  );
  const interner = new ScoreInterner(undefined);
  const codeList = spec.scores.flatMap((row, i) =>
    row.map((value, j) =>
      value !== null && mentees[i].capacity > 0 && mentors[j].capacity > 0 ? interner.code(value) : INELIGIBLE,
    ),
  );
  const scoreOfCode = interner.scoreOfCode();
  const codes = codeArray(codeList.length, scoreOfCode.length - 1);
  codes.set(codeList);
  const eligibleCountByMentee = new Int32Array(menteeCount);
  const eligibleCountByMentor = new Int32Array(mentorCount);
  codeList.forEach((code, k) => {
    if (code === INELIGIBLE) return;
    eligibleCountByMentee[Math.floor(k / mentorCount)]++;
    eligibleCountByMentor[k % mentorCount]++;
  });
  const label = spec.ruleLabel ?? 'Points';
  return {
    mentees,
    mentors,
    codes,
    scoreOfCode,
    eligibleCountByMentee,
    eligibleCountByMentor,
    codeOf: (mentee, mentor) => codes[mentee * mentorCount + mentor],
    explainPair(mentee, mentor) {
      const value = spec.scores[mentee][mentor];
      return {
        eligible: codes[mentee * mentorCount + mentor] !== INELIGIBLE,
        excludedBy: value === null ? ['test-exclusion'] : [],
        contributions: value === null ? [] : [{ ruleId: 'points', label, points: value }],
        score: value ?? 0,
      };
    },
    exclusionCounts(role, index) {
      const count =
        role === 'mentee'
          ? spec.scores[index].filter((v) => v === null).length
          : spec.scores.filter((row) => row[index] === null).length;
      return [{ ruleId: 'test-exclusion', label: 'Test exclusion', count }];
    },
  };
}
