// Headers as they come from real sheets: empty names (unused columns at the right), two names that
// are one to detection ("email address", "Email-Address"), and what the table reader said about the
// file (a hidden sheet passed over, an encoding assumed), which every adapter must see.
import { describe, expect, it } from 'vitest';
import type { Table } from '@mentor-matcher/tabular';
import { detectMapping, getPreset, matchTables } from '../../src/index.js';
import { solver } from '../solver.js';

const ruleSet = { ...getPreset('mentor-match'), rules: [] };
const table = (source: string, header: string[], rows: string[][], extra: Partial<Table> = {}): Table => ({
  source,
  header,
  rows,
  headerRow: 1,
  firstColumn: 0,
  ...extra,
});
const mentees = table('mentees.csv', ['first name', 'email address'], [['Bo', 'bo@x.org']]);

describe('column mapping on awkward headers', () => {
  it('never maps a field to an empty header, and runs with empty columns present', () => {
    const header = ['first name', '', 'email address', '', ''];
    expect(Object.values(detectMapping(header, 'mentor', ruleSet))).not.toContain('');
    const mentors = table('mentors.csv', header, [['Ada', '', 'ada@x.org', '', '']]);
    const run = matchTables({ kind: 'two-tables', mentors, mentees }, { ruleSet, solver });
    expect(run.ok).toBe(true);
    expect(run.problems.filter((p) => p.code === 'lookalike-columns')).toEqual([]);
  });

  it('two headers that detection takes for one column: a warning naming both and the one used', () => {
    const mentors = table(
      'mentors.csv',
      ['first name', 'email address', 'Email-Address'],
      [['Ada', 'ada@x.org', 'other@x.org']],
    );
    const run = matchTables({ kind: 'two-tables', mentors, mentees }, { ruleSet, solver });
    expect(run.ok).toBe(true);
    if (run.ok) expect(run.result.mentors[0].participant.id).toBe('ada@x.org');
    expect(run.problems.filter((p) => p.code === 'lookalike-columns')).toEqual([
      {
        severity: 'warning',
        code: 'lookalike-columns',
        table: 'mentors.csv',
        column: 'email address',
        message:
          'mentors.csv: columns "email address" (column B) and "Email-Address" (column C) have the same name but for case ' +
          'or punctuation; "email address" (column B) is used. Rename or delete the other if it holds what you meant.',
      },
    ]);
  });

  it('the table reader’s warnings are problems of the run, with the column named', () => {
    const mentors = table('mentors.xlsx › Mentors', ['first name', 'email address'], [['Ada', 'ada@x.org']], {
      warnings: [
        {
          code: 'hidden-sheets',
          source: 'mentors.xlsx › Mentors',
          message: 'mentors.xlsx has a hidden sheet, "Old", which was not read.',
        },
        {
          code: 'encoding-assumed',
          source: 'mentors.xlsx › Mentors',
          row: 2,
          column: 0,
          message: 'read as Windows-1252',
        },
      ],
    });
    const run = matchTables({ kind: 'two-tables', mentors, mentees }, { ruleSet, solver });
    expect(run.problems.filter((p) => p.code === 'hidden-sheets' || p.code === 'encoding-assumed')).toEqual([
      {
        severity: 'warning',
        code: 'hidden-sheets',
        table: 'mentors.xlsx › Mentors',
        message: 'mentors.xlsx has a hidden sheet, "Old", which was not read.',
      },
      {
        severity: 'warning',
        code: 'encoding-assumed',
        table: 'mentors.xlsx › Mentors',
        row: 2,
        column: 'first name',
        message: 'read as Windows-1252',
      },
    ]);
  });
});
