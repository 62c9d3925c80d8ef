// A blank role cell in one table with a role column reads as "the role is blank", not as `role null`.
import { describe, expect, it } from 'vitest';
import { detectMapping, getPreset, readPeople } from '../../src/index.js';

describe('a blank role', () => {
  it('is reported as blank, with the row and column', () => {
    const ruleSet = getPreset('mentor-match');
    const table = {
      source: 'people.csv',
      header: ['first name', 'email address', 'role'],
      rows: [
        ['Ada', 'ada@x.org', 'mentor'],
        ['Bo', 'bo@x.org', null],
        ['Cy', 'cy@x.org', 'boss'],
      ],
      headerRow: 1,
      firstColumn: 0,
    };
    const { problems } = readPeople(table, 'role', detectMapping(table.header, 'people', ruleSet), ruleSet);
    const messages = problems.filter((p) => p.code === 'invalid-role').map((p) => p.message);
    expect(messages).toEqual([
      'people.csv row 3, column "role": the role is blank; write mentor, mentee or both',
      'people.csv row 4, column "role": role "boss" is not mentor, mentee or both',
    ]);
  });
});
