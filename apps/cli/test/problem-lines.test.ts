import { describe, expect, it } from 'vitest';
import { problemLine, problemReport } from '../src/problem-lines.js';

describe('problemLine', () => {
  it('adds the row only when the message does not already name it, in a list of rows too', () => {
    const problem = {
      severity: 'warning' as const,
      code: 'alias-suggested',
      table: 'signups.csv',
      row: 9,
      message: 'Field "organisation": "DWP" (signups.csv rows 4, 9, 32) may mean "Department for Work and Pensions"',
    };
    expect(problemLine(problem)).toBe(`warning: ${problem.message}`);
    expect(
      problemLine({ ...problem, message: 'signups.csv: 50 mentors with a blank "grade" (rows 9, 10 and 48 more)' }),
    ).toBe('warning: signups.csv: 50 mentors with a blank "grade" (rows 9, 10 and 48 more)');
    expect(problemLine({ ...problem, message: 'signups.csv: rows 3, 7 and 9 look like a title' })).toBe(
      'warning: signups.csv: rows 3, 7 and 9 look like a title',
    );
    expect(problemLine({ ...problem, message: 'signups.csv rows 19, 90: something' })).toBe(
      'warning: signups.csv rows 19, 90: something (row 9)',
    );
  });

  it('says once, after the problems, which option deals with a kind of problem', () => {
    const duplicate = (row: number) => ({
      severity: 'error' as const,
      code: 'duplicate-id',
      table: 'people.csv',
      row,
      message: `people.csv row ${row}: a@x.org is already listed as a mentee on row 2`,
    });
    const report = problemReport([
      duplicate(5),
      duplicate(7),
      {
        severity: 'error',
        code: 'missing-column',
        table: 'people.csv',
        message: 'people.csv: no column was found for the field "grade"; choose the column that holds it',
      },
      { severity: 'warning', code: 'hidden-sheets', table: 'w.xlsx', message: 'w.xlsx has a hidden sheet' },
    ]).split('\n');
    expect(report.filter((line) => line.startsWith('hint: '))).toEqual([
      'hint: to name the column that holds a field, add --column "FIELD=HEADER", e.g. --column "grade=Your grade".',
      'hint: to keep one sign-up for each person instead, add --duplicates keep-latest (by the timestamp column, else the later row) or --duplicates keep-first.',
      'hint: to read another sheet, add --sheet NAME.',
    ]);
    expect(report.indexOf('hint: to read another sheet, add --sheet NAME.')).toBe(6);
    expect(problemReport([{ ...duplicate(5), severity: 'warning' }])).not.toContain('hint:');
  });
});
