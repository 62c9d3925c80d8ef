// Emails are compared as the addresses they are, not as the characters typed: Unicode NFKC, without
// zero-width characters, byte order marks or soft hyphens, trimmed, case folded. Invisible characters
// in names and emails are warned about by row and column, and a person with no email keeps a blank
// email in the results, never an internal reference such as "mentors.csv#4".
import { describe, expect, it } from 'vitest';
import type { Cell, Table } from '@mentor-matcher/tabular';
import { cleanEmail, getPreset, matchTables, participantId, resultTables } from '../../src/index.js';
import { solver } from '../solver.js';

const ruleSet = { ...getPreset('mentor-match'), rules: [] };
const header = ['first name', 'last name', 'email address'];
const table = (source: string, rows: Cell[][]): Table => ({ source, header, rows, headerRow: 1, firstColumn: 0 });

describe('participantId', () => {
  it.each([
    ['ada\u200B@x.org', 'ada@x.org'],
    ['a\u00ADda@x.org', 'ada@x.org'],
    ['\uFEFFAda@X.org', 'ada@x.org'],
    ['ada@x.org\u2060', 'ada@x.org'],
    ['\uFF21da@x.org', 'ada@x.org'],
    [' \u200Cada@x.org\u200D ', 'ada@x.org'],
  ])('%j is %s', (email, id) => {
    expect(participantId(email)).toBe(id);
  });

  it('cleanEmail keeps the case as written', () => {
    expect(cleanEmail(' Ada\u200B@X.org ')).toBe('Ada@X.org');
  });
});

describe('identity in a run', () => {
  it('the same address with a zero-width space is a duplicate, named with both rows', () => {
    const mentors = table('mentors.csv', [
      ['Ada', 'L', 'ada@x.org'],
      ['Ada', 'L', 'ada\u200B@x.org'],
    ]);
    const run = matchTables(
      { kind: 'two-tables', mentors, mentees: table('mentees.csv', [['Bo', 'D', 'bo@x.org']]) },
      { ruleSet, solver },
    );
    expect(run.ok).toBe(false);
    const duplicate = run.problems.find((p) => p.code === 'duplicate-id');
    expect(duplicate).toMatchObject({ table: 'mentors.csv', row: 3 });
    expect(duplicate?.message).toMatch(/ada@x\.org is already listed as a mentor on row 2/);
  });

  it('a mentor and a mentee whose addresses differ only by invisible or full-width characters are never paired', () => {
    const mentors = table('mentors.csv', [['Ada', 'L', '\uFF41da@x.org']]);
    const mentees = table('mentees.csv', [['Ada', 'L', 'ada@x.org\u00AD']]);
    const run = matchTables({ kind: 'two-tables', mentors, mentees }, { ruleSet, solver });
    expect(run.ok).toBe(true);
    if (run.ok) expect(run.result.pairs).toHaveLength(0);
  });

  it('invisible characters in names and emails are warnings naming the row, the column and the characters', () => {
    const mentors = table('mentors.csv', [
      ['Ada', 'L', 'ada@x.org'],
      ['B\u200Bo', 'D\u202Eiddley', 'bo\u00AD@x.org'],
    ]);
    const run = matchTables(
      { kind: 'two-tables', mentors, mentees: table('mentees.csv', [['Cy', 'E', 'cy@x.org']]) },
      { ruleSet, solver },
    );
    const warnings = run.problems.filter((p) => p.code === 'invisible-characters');
    expect(warnings.map((p) => [p.row, p.column, p.severity])).toEqual([
      [3, 'email address', 'warning'],
      [3, 'first name', 'warning'],
      [3, 'last name', 'warning'],
    ]);
    expect(warnings[0].message).toBe(
      'mentors.csv row 3, column "email address": the email holds invisible characters (U+00AD); ' +
        'they are ignored when telling people apart, and left out of the address',
    );
    expect(warnings[2].message).toContain('(U+202E)');
  });

  it('a Persian name keeps its zero-width non-joiner without a warning', () => {
    const mentors = table('mentors.csv', [['\u0645\u06CC\u200C\u0631\u0648\u062F', 'L', 'm@x.org']]);
    const run = matchTables(
      { kind: 'two-tables', mentors, mentees: table('mentees.csv', [['Cy', 'E', 'cy@x.org']]) },
      { ruleSet, solver },
    );
    expect(run.problems.filter((p) => p.code === 'invisible-characters')).toEqual([]);
  });

  it('a blank email is a warning naming the row, and a blank email in the results, not "mentors.csv#3"', () => {
    const mentors = table('mentors.csv', [
      ['Ada', 'L', 'ada@x.org'],
      ['Bo', 'D', null],
    ]);
    const run = matchTables(
      { kind: 'two-tables', mentors, mentees: table('mentees.csv', [['Cy', 'E', 'cy@x.org']]) },
      { ruleSet, solver },
    );
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.problems.find((p) => p.code === 'missing-email')?.message).toMatch(/blank "email address" \(row 3\)/);
    const tables = resultTables(run.result);
    const cells = [tables.pairs, tables.mentors, tables.mentees, tables.unmatched].flatMap((t) => t.rows.flat());
    expect(cells.some((cell) => typeof cell === 'string' && cell.includes('#'))).toBe(false);
  });
});
