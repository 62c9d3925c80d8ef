// Text from a table is never looked up on an ordinary object: a role cell reading "constructor" once
// crashed a people-table run with "roles is not iterable", and a header or value named after an
// Object.prototype member ("toString", "__proto__") could be read as that member. fast-check puts
// such names in every header and every cell of both table shapes, and in the columns a rule set
// names; whatever it draws, the run ends with a result or with problems, never an exception, and a
// result accounts for every person read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell, Table } from '@mentor-matcher/tabular';
import { checkTables, getPreset, matchTables, type MatchInput, type MatchRun, type RuleSet } from '../../src/index.js';
import { solver } from '../solver.js';

const hostile = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '__defineGetter__',
  'isPrototypeOf',
  'Constructor',
  ' __proto__ ',
];
const header = ['first name', 'last name', 'email address', 'grade', 'organisation', 'profession', 'capacity', 'role'];
const ordinary: Record<string, readonly string[]> = {
  'first name': ['Ada', 'Bo'],
  'last name': ['Lovelace', 'Diddley'],
  'email address': ['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org'],
  grade: ['HEO', 'SEO', 'Grade 7', 'Grade 6'],
  organisation: ['Org A', 'Org B'],
  profession: ['Policy', 'Digital'],
  capacity: ['', '1', '2'],
  role: ['mentor', 'mentee', 'both'],
};

const hostileName = fc.constantFrom(...hostile);
/** A header: the usual one with some names swapped for hostile ones, or hostile columns added. */
const headerArb = fc
  .tuple(
    fc.array(fc.option(hostileName, { nil: undefined }), { minLength: header.length, maxLength: header.length }),
    fc.array(hostileName, { maxLength: 3 }),
  )
  .map(([swaps, extra]) => [...header.map((name, c) => swaps[c] ?? name), ...extra]);

function cellArb(column: string): fc.Arbitrary<Cell> {
  const usual = ordinary[Object.hasOwn(ordinary, column) ? column : 'profession'];
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: hostileName });
}

const tableArb = (source: string) =>
  headerArb.chain((names) =>
    fc
      .array(fc.tuple(...names.map(cellArb)), { maxLength: 6 })
      .map((rows): Table => ({ source, header: names, rows, headerRow: 1, firstColumn: 0 })),
  );

const preset = getPreset('mentor-match');
/** The preset plus rules that read hostile column names. */
const ruleSetArb: fc.Arbitrary<RuleSet> = fc
  .tuple(hostileName, hostileName, fc.boolean())
  .map(([mentor, mentee, withPreset]) => ({
    ...preset,
    rules: [
      ...(withPreset ? preset.rules : []),
      {
        id: 'odd',
        label: 'Odd columns',
        kind: 'score' as const,
        points: 3,
        when: { type: 'same' as const, mentor, mentee },
      },
    ],
  }));

const inputArb: fc.Arbitrary<MatchInput> = fc.oneof(
  fc.record({
    kind: fc.constant('two-tables' as const),
    mentors: tableArb('mentors.csv'),
    mentees: tableArb('mentees.csv'),
  }),
  fc.record({
    kind: fc.constant('one-table' as const),
    people: tableArb('people.csv'),
    roleColumn: fc.constantFrom('role', ...hostile),
  }),
);

function expectSane(run: MatchRun): void {
  expect(Array.isArray(run.problems)).toBe(true);
  for (const problem of run.problems) expect(typeof problem.message).toBe('string');
  if (!run.ok) {
    expect(run.problems.some((p) => p.severity === 'error')).toBe(true);
    return;
  }
  const { result, matrix } = run;
  expect(result.mentors).toHaveLength(matrix.mentors.length);
  expect(result.mentees).toHaveLength(matrix.mentees.length);
  for (const outcome of [...result.mentors, ...result.mentees]) {
    expect(typeof outcome.participant.id).toBe('string');
    expect(outcome.partners.length > 0 || outcome.reason !== null).toBe(true);
  }
}

describe('names of Object.prototype members in the input', () => {
  it('a role cell "constructor" is a wrong role, named with its row, not a crash', () => {
    const people: Table = {
      source: 'people.csv',
      header: ['email address', 'role'],
      rows: [
        ['a@x.org', 'mentor'],
        ['b@x.org', 'constructor'],
        ['c@x.org', 'toString'],
      ],
      headerRow: 1,
      firstColumn: 0,
    };
    const run = matchTables(
      { kind: 'one-table', people, roleColumn: 'role' },
      { ruleSet: { ...preset, rules: [] }, solver },
    );
    expect(run.ok).toBe(false);
    const roles = run.problems.filter((p) => p.code === 'invalid-role');
    expect(roles.map((p) => [p.row, p.value])).toEqual([
      [3, 'constructor'],
      [4, 'toString'],
    ]);
  });

  it('headers named "__proto__" and "constructor" are ordinary columns of every participant', () => {
    const table = (source: string, email: string): Table => ({
      source,
      header: ['email address', '__proto__', 'constructor'],
      rows: [[email, 'p', 'c']],
      headerRow: 1,
      firstColumn: 0,
    });
    const run = matchTables(
      { kind: 'two-tables', mentors: table('m.csv', 'a@x.org'), mentees: table('e.csv', 'b@x.org') },
      { ruleSet: { ...preset, rules: [] }, solver },
    );
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    const attributes = run.result.mentors[0].participant.attributes;
    expect(Object.keys(attributes)).toEqual(['email address', '__proto__', 'constructor']);
    expect(attributes['constructor']).toBe('c');
    expect(Object.getPrototypeOf(attributes)).toBeNull();
  });

  it('in every header, cell, role column and rule column: a result or problems, never an exception', () => {
    fc.assert(
      fc.property(inputArb, ruleSetArb, (input, ruleSet) => {
        expectSane(matchTables(input, { ruleSet, solver }));
        expect(() => checkTables(input, { ruleSet })).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
