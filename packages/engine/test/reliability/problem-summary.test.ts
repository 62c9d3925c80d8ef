// Repeated problems are shown as the first few and a count: a sheet with a million blank rows gives
// one warning, and a long run of one kind of problem is cut for people (the run keeps them all).
import { describe, expect, it } from 'vitest';
import type { Table } from '@mentor-matcher/tabular';
import {
  detectMapping,
  getPreset,
  readParticipants,
  readPeople,
  summariseProblems,
  type InputProblem,
} from '../../src/index.js';

const ruleSet = { ...getPreset('mentor-match'), rules: [] };
const header = ['first name', 'email address', 'role'];

function withBlankRows(blank: number): Table {
  const rows: (string | null)[][] = [['Ada', 'ada@x.org', 'mentor']];
  for (let i = 0; i < blank; i++) rows.push(['', null, '  ']);
  rows.push(['Bo', 'bo@x.org', 'mentee']);
  return { source: 'people.csv', header, rows, headerRow: 1, firstColumn: 0 };
}

const problem = (code: string, row: number, severity: InputProblem['severity'] = 'error'): InputProblem => ({
  severity,
  code,
  table: 'mentors.csv',
  row,
  message: `mentors.csv row ${row}: ${code}`,
});

describe('blank rows', () => {
  it('a million blank rows are one warning naming the first rows and the count', () => {
    const table = withBlankRows(1_000_000);
    const read = readParticipants(table, 'mentor', detectMapping(header, 'mentor', ruleSet), ruleSet);
    expect(read.participants).toHaveLength(2);
    expect(read.problems.filter((p) => p.code === 'blank-row')).toEqual([
      {
        severity: 'warning',
        code: 'blank-row',
        table: 'people.csv',
        row: 3,
        message: 'people.csv: 1,000,000 blank rows were skipped (rows 3, 4, 5, 6, 7 and 999,995 more)',
      },
    ]);
  });

  it('in a people table too', () => {
    const read = readPeople(withBlankRows(3), 'role', detectMapping(header, 'people', ruleSet), ruleSet);
    expect(read.problems.map((p) => p.message)).toEqual(['people.csv: 3 blank rows were skipped (rows 3, 4, 5)']);
  });
});

describe('summariseProblems', () => {
  it('keeps short lists as they are', () => {
    const problems = [problem('a', 2), problem('b', 3), problem('a', 4)];
    expect(summariseProblems(problems)).toEqual(problems);
  });

  it('cuts each kind to its first few and follows them with a count naming the next rows', () => {
    const many = Array.from({ length: 25 }, (_, i) => problem('invalid-capacity', i + 2));
    const other = problem('duplicate-id', 99);
    const shown = summariseProblems([...many, other, problem('blank-row', 5, 'warning')], 10);
    expect(shown).toHaveLength(13);
    expect(shown.slice(0, 10)).toEqual(many.slice(0, 10));
    expect(shown[10]).toEqual({
      severity: 'error',
      code: 'invalid-capacity',
      table: 'mentors.csv',
      message: 'mentors.csv: and 15 more errors like the above (rows 12, 13, 14, 15, 16, …)',
    });
    expect(shown.slice(11).map((p) => p.code)).toEqual(['duplicate-id', 'blank-row']);
  });

  it('a million problems become a handful', () => {
    const million = Array.from({ length: 1_000_000 }, (_, i) => problem('value-not-on-ladder', i + 2));
    const shown = summariseProblems(million);
    expect(shown).toHaveLength(11);
    expect(shown[10].message).toContain('and 999,990 more errors like the above');
  });
});
