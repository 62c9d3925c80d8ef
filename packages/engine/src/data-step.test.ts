// The data step as a coordinator meets it: a one-sheet export with form headers, duplicate
// sign-ups, organisation variants and bad rows, through matchTables and checkTables.
import { describe, expect, it } from 'vitest';
import type { Cell, Table } from '@mentor-matcher/tabular';
import { solver } from '../test/solver.js';
import type { RuleSet } from './rules/schema.js';
import { getPreset } from './rules/presets.js';
import { checkTables, matchTables, type MatchInput } from './match.js';

const header = [
  'Start time',
  'Email',
  'Your first name',
  'Do you want to be a mentor, a mentee or both?',
  'Your grade',
  'Your department or agency',
  'Your profession',
];
const ruleSet: RuleSet = {
  ...getPreset('mentor-match'),
  rules: getPreset('mentor-match').rules.filter((r) => r.id !== 'shared-identity'),
  strategy: { name: 'optimal', mentorCoverage: true, alternates: 0 },
};
const sheet = (rows: Cell[][]): MatchInput => ({
  kind: 'one-table',
  people: { source: 'signups.csv', header, rows, headerRow: 1, firstColumn: 0 } satisfies Table,
});
const rows: Cell[][] = [
  ['10/01/2026 09:00', 'ana@x.org', 'Ana', 'Mentor', 'Grade 7', 'Department for Work and Pensions', 'Policy'],
  ['11/01/2026 09:00', 'ben@x.org', 'Ben', 'Mentee', 'HEO', 'Home Office', 'Policy'],
  ['12/01/2026 09:00', 'cat@x.org', 'Cat', 'Mentee', 'HEO', 'DWP', 'Policy'],
  // Ben again, later: now in another organisation and grade.
  ['20/01/2026 17:45', ' BEN@x.org', 'Ben', 'Mentee', 'SEO', 'Cabinet Office', 'Tax'],
];

describe('a one-sheet form export', () => {
  it('finds the role question without being told', () => {
    const report = checkTables(sheet(rows.slice(0, 3)), { ruleSet });
    expect(report.mappings.people?.role).toBe('Do you want to be a mentor, a mentee or both?');
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('stops on a duplicate sign-up by default', () => {
    const run = matchTables(sheet(rows), { ruleSet, solver });
    expect(run.ok).toBe(false);
    expect(run.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.row])).toEqual([
      ['duplicate-id', 5],
    ]);
  });

  it('keeps the latest sign-up by its time, and lists the superseded row', () => {
    const run = matchTables(sheet([rows[3], ...rows.slice(0, 3)]), { ruleSet, solver, duplicates: 'keep-latest' });
    if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
    const ben = run.result.mentees.find((m) => m.participant.id === 'ben@x.org')!.participant;
    expect(ben.fields?.grade).toBe('SEO');
    expect(ben.row).toBe(2);
    expect(run.result.skipped).toEqual([
      {
        table: 'signups.csv',
        row: 4,
        email: 'ben@x.org',
        code: 'duplicate-superseded',
        reason: 'ben@x.org signed up again; the later sign-up on row 2 (20/01/2026 17:45) is used',
      },
    ]);
  });

  it('lists blank rows in skipped too, as one line per table however many there are', () => {
    const blank: Cell[] = [null, null, null, null, null, null, null];
    const withBlanks = [rows[0], blank, rows[1], ...Array.from({ length: 1000 }, () => blank), rows[2]];
    const run = matchTables(sheet(withBlanks), { ruleSet, solver });
    if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
    expect(run.skipped).toEqual([
      {
        table: 'signups.csv',
        row: 3,
        email: null,
        code: 'blank-row',
        reason: 'signups.csv: 1,001 blank rows were skipped (rows 3, 5, 6, 7, 8 and 996 more)',
      },
    ]);
  });

  it('keeps the first sign-up when asked', () => {
    const run = matchTables(sheet(rows), { ruleSet, solver, duplicates: 'keep-first' });
    if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
    expect(run.result.mentees.map((m) => m.participant.fields?.grade)).toEqual(['HEO', 'HEO']);
    expect(run.skipped.map((s) => s.row)).toEqual([5]);
  });

  it('keeps the later row when there is no timestamp column', () => {
    const run = matchTables(sheet(rows), { ruleSet, solver, duplicates: 'keep-latest', columns: { timestamp: null } });
    if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
    expect(run.skipped.map((s) => s.row)).toEqual([3]);
  });

  it('reports a timestamp column it cannot read instead of guessing', () => {
    const bad = rows.map((r, i) => (i === 1 ? ['last Tuesday', ...r.slice(1)] : r));
    const run = matchTables(sheet(bad), { ruleSet, solver, duplicates: 'keep-latest' });
    expect(run.ok).toBe(false);
    const error = run.problems.find((p) => p.code === 'unreadable-timestamps')!;
    expect(error.message).toContain('row 3 "last Tuesday"');
  });

  it('treats DWP as the Department for Work and Pensions once aliased, so the same-organisation rule holds', () => {
    const input = sheet(rows.slice(0, 3));
    const without = matchTables(input, { ruleSet, solver });
    const withAliases = matchTables(input, {
      ruleSet,
      solver,
      aliases: { organisation: { DWP: 'Department for Work and Pensions' } },
    });
    if (!without.ok || !withAliases.ok) throw new Error('expected both runs to match');
    const pairOf = (run: typeof without) => run.result.pairs.map((p) => `${p.mentor.id} ${p.mentee.id}`).sort();
    expect(pairOf(without)).toContain('ana@x.org cat@x.org');
    expect(pairOf(withAliases)).not.toContain('ana@x.org cat@x.org');
  });

  it('suggests DWP as an alias, as data and as a warning', () => {
    const report = checkTables(sheet(rows.slice(0, 3)), { ruleSet });
    expect(report.aliasSuggestions).toEqual([
      {
        field: 'organisation',
        value: 'DWP',
        canonical: 'Department for Work and Pensions',
        reason: 'acronym',
        rows: [{ table: 'signups.csv', row: 4 }],
      },
    ]);
    expect(report.problems.filter((p) => p.code === 'alias-suggested')).toHaveLength(1);
  });

  it('says a variant once, as a suggestion, not also as a near-duplicate', () => {
    const dept = rows.slice(0, 3).map((r, i) => (i === 2 ? [...r.slice(0, 5), 'Dept for Work & Pensions', r[6]] : r));
    const report = checkTables(sheet(dept), { ruleSet });
    expect(report.problems.filter((p) => p.code === 'near-duplicate-value')).toEqual([]);
    expect(report.aliasSuggestions.map((s) => [s.value, s.canonical])).toEqual([
      ['Dept for Work & Pensions', 'Department for Work and Pensions'],
    ]);
  });

  it('suggests a value with a trailing space as a variant when the rules compare exactly', () => {
    // Written twice with the space: the tidy spelling is still the canonical value.
    const spaced = [
      ...rows.slice(0, 3),
      ['12/01/2026 10:00', 'dan@x.org', 'Dan', 'Mentee', 'HEO', 'Home Office ', 'Tax'],
    ].map((r, i) => (i === 2 ? [...r.slice(0, 5), 'Home Office ', r[6]] : r));
    const report = checkTables(sheet(spaced), { ruleSet });
    expect(report.aliasSuggestions.map((s) => [s.value, s.canonical, s.reason])).toEqual([
      ['Home Office ', 'Home Office', 'case-spacing'],
    ]);
  });

  it('runs without the rows that have errors when asked, listing each', () => {
    const bad = [
      ...rows.slice(0, 3),
      ['13/01/2026', 'dan@x.org', 'Dan', 'Mentee', 'Grade 99', 'Cabinet Office', 'Tax'],
      ['14/01/2026', 'eve@x.org', 'Eve', 'Spectator', 'HEO', 'Cabinet Office', 'Tax'],
    ];
    expect(matchTables(sheet(bad), { ruleSet, solver }).ok).toBe(false);
    const run = matchTables(sheet(bad), { ruleSet, solver, skipInvalidRows: true });
    if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
    expect(run.result.mentees.map((m) => m.participant.id)).toEqual(['ben@x.org', 'cat@x.org']);
    expect(run.skipped.map((s) => [s.row, s.email, s.code])).toEqual([
      [5, 'dan@x.org', 'value-not-on-ladder'],
      [6, 'eve@x.org', 'invalid-role'],
    ]);
    expect(run.problems.filter((p) => p.code === 'value-not-on-ladder')[0]).toMatchObject({ severity: 'warning' });
  });

  it('still stops on an error that is not about one row', () => {
    const run = matchTables(sheet(rows.slice(0, 3)), {
      ruleSet,
      solver,
      skipInvalidRows: true,
      columns: { grade: 'No such column' },
    });
    expect(run.ok).toBe(false);
  });

  it('warns about a column given for a field the rule set does not read, and runs', () => {
    const run = matchTables(sheet(rows.slice(0, 3)), { ruleSet, solver, columns: { 'shoe size': 'Your grade' } });
    expect(run.ok).toBe(true);
    expect(run.problems.filter((p) => p.code === 'unused-column-choice')).toHaveLength(1);
  });

  it("warns about a rule set's own column for a field it does not read", () => {
    const run = matchTables(sheet(rows.slice(0, 3)), {
      ruleSet: { ...ruleSet, columns: { 'shoe size': 'Your grade' } },
      solver,
    });
    expect(run.ok).toBe(true);
    expect(run.problems.filter((p) => p.code === 'unused-column-choice')).toHaveLength(1);
  });

  it('names the field and the rules that need it when a required field has no column', () => {
    const run = matchTables(sheet(rows.slice(0, 3)), { ruleSet, solver, columns: { profession: null } });
    const errors = run.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.message)).toEqual([
      'signups.csv: no column was found for the field "profession" (rule "same-profession" reads it); choose the column that holds it, perhaps "Your profession"',
    ]);
  });
});
