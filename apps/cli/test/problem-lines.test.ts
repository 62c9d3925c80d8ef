import { describe, expect, it } from 'vitest';
import { problemLine } from '../src/problem-lines.js';

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
    expect(problemLine({ ...problem, message: 'signups.csv rows 19, 90: something' })).toBe(
      'warning: signups.csv rows 19, 90: something (row 9)',
    );
  });
});
