// People with a blank or malformed email still take part, but a coordinator is warned, by row:
// Notify and the mail merge cannot reach them. An address Notify alone would refuse is warned about too.
import { describe, expect, it } from 'vitest';
import { checkInput, detectMapping, getPreset, readParticipants } from '../../src/index.js';

const ruleSet = { ...getPreset('mentor-match'), rules: [] };
const header = ['first name', 'email address'];

function mentors(rows: (string | null)[][]) {
  const table = { source: 'mentors.csv', header, rows, headerRow: 1, firstColumn: 0 };
  return readParticipants(table, 'mentor', detectMapping(header, 'mentor', ruleSet), ruleSet).participants;
}

describe('email checks', () => {
  it('warns once for blank emails, naming the rows, and keeps those people', () => {
    const people = mentors([
      ['Ada', 'ada@x.org'],
      ['Bo', null],
      ['Cy', '  '],
    ]);
    expect(people).toHaveLength(3);
    const problems = checkInput(people, [], ruleSet).filter((p) => p.code === 'missing-email');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', row: 3, column: 'email address' });
    expect(problems[0].message).toBe(
      'mentors.csv: 2 mentors with a blank "email address" (rows 3, 4); they are matched, but cannot be emailed or named in locked pairs',
    );
  });

  it('warns about an address without an @, with its row and value', () => {
    const problems = checkInput(
      mentors([
        ['Ada', 'ada@x.org'],
        ['Bo', 'bo at x.org'],
      ]),
      [],
      ruleSet,
    ).filter((p) => p.code === 'invalid-email');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', row: 3, value: 'bo at x.org' });
    expect(problems[0].message).toBe(
      'mentors.csv row 3, column "email address": "bo at x.org" does not look like an email address',
    );
  });

  it('warns, row by row, about each address GOV.UK Notify would refuse, with Notify’s reason', () => {
    const problems = checkInput(
      mentors([
        ['Ada', 'ada@x.org'],
        ['Jane', 'jane.doe@gov'],
        ['Bo', 'bo at x.org'],
        ['Cy', 'cy@example.c'],
      ]),
      [],
      ruleSet,
    );
    const refused = problems.filter((p) => p.code === 'email-not-deliverable');
    expect(refused).toEqual([
      {
        severity: 'warning',
        code: 'email-not-deliverable',
        table: 'mentors.csv',
        row: 3,
        column: 'email address',
        value: 'jane.doe@gov',
        message:
          'mentors.csv row 3, column "email address": "jane.doe@gov" is not an address GOV.UK Notify can send to: ' +
          'the domain "gov" has no top-level part (such as .uk or .com)',
      },
      expect.objectContaining({ row: 5, value: 'cy@example.c' }),
    ]);
    // An address that does not look like one at all is told once, as such, not twice.
    expect(problems.filter((p) => p.value === 'bo at x.org').map((p) => p.code)).toEqual(['invalid-email']);
  });

  it('lists many malformed addresses in one warning', () => {
    const problems = checkInput(
      mentors(Array.from({ length: 30 }, (_, i) => [`P${i}`, `person ${i}`])),
      [],
      ruleSet,
    ).filter((p) => p.code === 'invalid-email');
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain(
      '30 mentors whose "email address" does not look like an email address (rows 2, 3, 4, 5, 6 and 25 more; first "person 0")',
    );
  });
});
