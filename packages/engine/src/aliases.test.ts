// Alias suggestions against expectations written out by hand: for each list of values as
// coordinators' exports have them, which variant should be suggested as which value, and why.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Table } from '@mentor-matcher/tabular';
import type { Participant } from './model.js';
import { aliasesFromTable, aliasFieldProblems, aliasTable, applyAliases, suggestAliases } from './aliases.js';
import { getPreset } from './rules/presets.js';

const preset = getPreset('mentor-match');

let row = 1;
function person(role: 'mentor' | 'mentee', fields: Record<string, string>): Participant {
  row++;
  return {
    id: `p${row}@x.org`,
    role,
    index: 0,
    name: `P${row}`,
    firstName: `P${row}`,
    email: `p${row}@x.org`,
    capacity: 1,
    source: `${role}s.csv`,
    row,
    attributes: {},
    fields,
  };
}

/** Organisations on both sides, as many times as given (the more common one is canonical). */
function organisations(values: [string, number][]): AliasSuggestionView[] {
  const people = values.flatMap(([value, n]) =>
    Array.from({ length: n }, (_, i) => person(i % 2 ? 'mentee' : 'mentor', { organisation: value })),
  );
  return suggestAliases(
    people.filter((p) => p.role === 'mentor'),
    people.filter((p) => p.role === 'mentee'),
    preset,
  ).map(({ field, value, canonical, reason }) => ({ field, value, canonical, reason }));
}
type AliasSuggestionView = { field: string; value: string; canonical: string; reason: string };

describe('suggestAliases', () => {
  it.each<[string, [string, number][], [string, string, string][]]>([
    [
      'case and spacing',
      [
        ['Department for Work and Pensions', 5],
        ['department for work and  pensions', 1],
      ],
      [['department for work and  pensions', 'Department for Work and Pensions', 'case-spacing']],
    ],
    [
      'punctuation',
      [
        ['HM Revenue and Customs', 5],
        ['H.M. Revenue and Customs', 1],
      ],
      [['H.M. Revenue and Customs', 'HM Revenue and Customs', 'case-spacing']],
    ],
    [
      '& for and',
      [
        ['HM Revenue and Customs', 5],
        ['HM Revenue & Customs', 2],
      ],
      [['HM Revenue & Customs', 'HM Revenue and Customs', 'and-ampersand']],
    ],
    [
      'Dept for Department',
      [
        ['Department for Education', 4],
        ['Dept for Education', 1],
        ['Dept. of Education', 1],
      ],
      [
        ['Dept for Education', 'Department for Education', 'abbreviation'],
        ['Dept. of Education', 'Department for Education', 'abbreviation'],
      ],
    ],
    [
      'an acronym of the initials',
      [
        ['Department for Work and Pensions', 3],
        ['DWP', 4],
      ],
      [['DWP', 'Department for Work and Pensions', 'acronym']],
    ],
    [
      'an acronym with "of" and "HM"',
      [
        ['Ministry of Justice', 3],
        ['MoJ', 1],
        ['HM Revenue and Customs', 2],
        ['HMRC', 1],
      ],
      [
        ['MoJ', 'Ministry of Justice', 'acronym'],
        ['HMRC', 'HM Revenue and Customs', 'acronym'],
      ],
    ],
    [
      'an acronym beside a misspelling of its name',
      [
        ['Department for Work and Pensions', 5],
        ['Deprtment for Work and Pensions', 1],
        ['DWP', 2],
      ],
      [
        ['Deprtment for Work and Pensions', 'Department for Work and Pensions', 'spelling'],
        ['DWP', 'Department for Work and Pensions', 'acronym'],
      ],
    ],
    [
      'the acronym in brackets',
      [
        ['Department for Work and Pensions', 3],
        ['Department for Work and Pensions (DWP)', 1],
      ],
      [['Department for Work and Pensions (DWP)', 'Department for Work and Pensions', 'brackets']],
    ],
    [
      'a misspelling of a long name',
      [
        ['Department for Education', 6],
        ['Departmnet for Education', 1],
      ],
      [['Departmnet for Education', 'Department for Education', 'spelling']],
    ],
  ])('suggests %s', (_, values, expected) => {
    expect(organisations(values)).toEqual(
      expected.map(([value, canonical, reason]) => ({ field: 'organisation', value, canonical, reason })),
    );
  });

  it.each<[string, [string, number][]]>([
    [
      'different departments',
      [
        ['Department for Education', 3],
        ['Department for Transport', 3],
      ],
    ],
    [
      'an acronym two names share',
      [
        ['Home Office', 2],
        ['Health Office', 2],
        ['HO', 1],
      ],
    ],
    [
      'short names a letter apart',
      [
        ['Ofsted', 2],
        ['Ofqual', 2],
      ],
    ],
    ['one value alone', [['Cabinet Office', 9]]],
  ])('suggests nothing for %s', (_, values) => {
    expect(organisations(values)).toEqual([]);
  });

  it('names every row of a variant', () => {
    const mentor = person('mentor', { organisation: 'Department for Work and Pensions' });
    const a = person('mentee', { organisation: 'DWP' });
    const b = person('mentee', { organisation: 'DWP' });
    expect(suggestAliases([mentor], [a, b], preset)[0].rows).toEqual([
      { table: 'mentees.csv', row: a.row },
      { table: 'mentees.csv', row: b.row },
    ]);
  });

  it('names a row once however often it holds the variant, tables in the order met', () => {
    const at = (p: Participant, source: string, row: number): Participant => ({ ...p, source, row });
    const both = at(person('mentor', { organisation: 'DWP' }), 'people.csv', 3);
    const mentors = [at(person('mentor', { organisation: 'DWP' }), 'mentors.csv', 10), both];
    const mentees = [
      { ...both, role: 'mentee' as const },
      at(person('mentee', { organisation: 'DWP' }), 'mentors.csv', 2),
      at(person('mentee', { organisation: 'Department for Work and Pensions' }), 'mentees.csv', 4),
    ];
    expect(suggestAliases(mentors, mentees, preset)[0].rows).toEqual([
      { table: 'mentors.csv', row: 2 },
      { table: 'mentors.csv', row: 10 },
      { table: 'people.csv', row: 3 },
    ]);
    const listed = person('mentor', { characteristics: 'disabled, disabled' });
    const other = person('mentee', { 'identity to match': 'Disabled' });
    const twice = person('mentee', { 'identity to match': 'Disabled' });
    expect(suggestAliases([listed], [other, twice], preset)[0].rows).toEqual([
      { table: 'mentors.csv', row: listed.row },
    ]);
  });

  it('suggests list items on both fields of an overlap rule', () => {
    const mentor = person('mentor', { characteristics: 'Disabled, Carer' });
    const mentor2 = person('mentor', { characteristics: 'Carer' });
    const mentee = person('mentee', { 'identity to match': 'disabled' });
    expect(suggestAliases([mentor, mentor2], [mentee], preset).map((s) => [s.field, s.value, s.canonical])).toEqual([
      ['identity to match', 'disabled', 'Disabled'],
    ]);
  });
});

describe('applyAliases', () => {
  const aliases = {
    organisation: { DWP: 'Department for Work and Pensions' },
    characteristics: { disabled: 'Disabled' },
  };

  it('reads each variant, and the canonical value in any case, as the canonical value', () => {
    const people = ['DWP', 'dwp ', 'DEPARTMENT FOR WORK AND PENSIONS', 'Home Office'].map((o) =>
      person('mentor', { organisation: o }),
    );
    expect(applyAliases(people, aliases, preset).map((p) => p.fields!.organisation)).toEqual([
      'Department for Work and Pensions',
      'Department for Work and Pensions',
      'Department for Work and Pensions',
      'Home Office',
    ]);
  });

  it('aliases list items one by one and keeps the separator', () => {
    const [p] = applyAliases([person('mentor', { characteristics: 'disabled, Carer' })], aliases, preset);
    expect(p.fields!.characteristics).toBe('Disabled, Carer');
  });

  it('leaves the values as written in attributes', () => {
    const p = { ...person('mentor', { organisation: 'DWP' }), attributes: { Org: 'DWP' } };
    expect(applyAliases([p], aliases, preset)[0].attributes.Org).toBe('DWP');
  });
});

describe('aliasFieldProblems', () => {
  it('warns about aliases for a field the rule set does not read, with the field it likely means', () => {
    const problems = aliasFieldProblems(
      { organisaton: { DWP: 'Department for Work and Pensions' }, organisation: { HO: 'Home Office' }, team: {} },
      preset,
    );
    expect(problems.map((p) => [p.severity, p.value])).toEqual([
      ['warning', 'organisaton'],
      ['warning', 'team'],
    ]);
    expect(problems[0].message).toContain('Aliases are given for the field "organisaton"');
    expect(problems[0].message).toContain('did you mean "organisation"?');
    expect(problems[1].message).toContain('so they are not used. Fields read: ');
  });
});

describe('alias files', () => {
  const table = (rows: string[][]): Table => ({
    source: 'aliases.csv',
    header: ['field', 'value', 'canonical'],
    rows,
    headerRow: 1,
    firstColumn: 0,
  });

  it('round-trip through the field,value,canonical table', () => {
    const written = aliasTable([
      { field: 'organisation', value: 'DWP', canonical: 'Department for Work and Pensions' },
    ]);
    expect(aliasesFromTable({ ...table(written.rows) }).aliases).toEqual({
      organisation: { DWP: 'Department for Work and Pensions' },
    });
  });

  it('report a row missing a part, and a variant given two meanings', () => {
    const { problems } = aliasesFromTable(
      table([
        ['organisation', 'DWP', ''],
        ['organisation', 'DfE', 'A'],
        ['organisation', 'DfE', 'B'],
      ]),
    );
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'invalid-alias'],
      [4, 'invalid-alias'],
    ]);
  });
});

describe('aliases, as properties', () => {
  const names = ['Department for Work and Pensions', 'HM Revenue and Customs', 'Ministry of Justice', 'Home Office'];
  const variants = (name: string) => [
    name,
    name.toLowerCase(),
    name.replace(' and ', ' & '),
    name.replace('Department', 'Dept'),
    name.replace(' ', '  '),
  ];
  const organisationArb = fc.constantFrom(...names.flatMap(variants));
  const peopleArb = fc.array(organisationArb, { minLength: 1, maxLength: 40 });

  it('applying aliases twice is applying them once', () => {
    fc.assert(
      fc.property(peopleArb, (organisations) => {
        const people = organisations.map((organisation) => person('mentor', { organisation }));
        const aliases = { organisation: { DWP: names[0], 'HM Revenue & Customs': names[1] } };
        const once = applyAliases(people, aliases, preset);
        expect(applyAliases(once, aliases, preset).map((p) => p.fields)).toEqual(once.map((p) => p.fields));
      }),
    );
  });

  it('once its suggestions are accepted, nothing is left to suggest and no real name changes', () => {
    fc.assert(
      fc.property(peopleArb, (organisations) => {
        const people = organisations.map((organisation, i) => person(i % 2 ? 'mentee' : 'mentor', { organisation }));
        const mentors = people.filter((p) => p.role === 'mentor');
        const mentees = people.filter((p) => p.role === 'mentee');
        const suggestions = suggestAliases(mentors, mentees, preset);
        const aliases = { organisation: Object.fromEntries(suggestions.map((s) => [s.value, s.canonical])) };
        for (const s of suggestions) expect(organisations).toContain(s.canonical);
        // A value is only ever suggested as a variant of itself.
        for (const s of suggestions)
          expect(variants(names.find((n) => variants(n).includes(s.canonical))!)).toContain(s.value);
        const after = suggestAliases(
          applyAliases(mentors, aliases, preset),
          applyAliases(mentees, aliases, preset),
          preset,
        );
        expect(after).toEqual([]);
      }),
    );
  });
});
