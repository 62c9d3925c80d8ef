import { TableReadError, type Table, type XlsxSheetInfo } from '@mentor-matcher/tabular';
import { describe, expect, it } from 'vitest';
import { chooseSheet, nothingToUse } from './sheet-choice.js';

type Spec = { name: string; kind?: XlsxSheetInfo['kind']; hidden?: boolean; columns?: number; fails?: string };

/** Sheet infos, and a reader that records which sheets it was asked for. */
function workbook(specs: Spec[]) {
  const sheets: XlsxSheetInfo[] = specs.map((s, index) => ({
    name: s.name,
    index,
    kind: s.kind ?? 'worksheet',
    visible: !s.hidden,
    visibility: s.hidden ? 'hidden' : 'visible',
  }));
  const asked: string[] = [];
  const read = (name: string): Table => {
    asked.push(name);
    const spec = specs.find((s) => s.name === name)!;
    if (spec.fails) throw new TableReadError({ code: spec.fails as 'empty', source: name }, `${name}: ${spec.fails}`);
    const header = Array.from({ length: spec.columns ?? 3 }, (_, i) => `column ${i + 1}`);
    return { source: `f.xlsx › ${name}`, header, rows: [header.map(() => 'x')], headerRow: 2, firstColumn: 0 };
  };
  return { sheets, read, asked };
}

describe('choosing the sheet a workbook is read from', () => {
  it('takes the first visible worksheet and reads no sheet after it', () => {
    const { sheets, read, asked } = workbook([{ name: 'Mentors' }, { name: 'Mentees' }]);
    const choice = chooseSheet('f.xlsx', sheets, read);
    expect(choice.chosen).toBe('Mentors');
    expect(asked).toEqual(['Mentors']);
    expect(choice.sheets.map((s) => s.status)).toEqual(['table', 'unread']);
    expect(choice.sheets[0].note).toBe('1 row, 3 columns, header on row 2');
    expect(choice.warnings).toEqual([]);
  });

  it('passes over a one-column Notes sheet, saying so', () => {
    const { sheets, read } = workbook([{ name: 'Notes', columns: 1 }, { name: 'Sign-ups' }]);
    const choice = chooseSheet('f.xlsx', sheets, read);
    expect(choice.chosen).toBe('Sign-ups');
    expect(choice.warnings).toEqual([
      'f.xlsx: using the sheet "Sign-ups", passing over "Notes" (one column: notes rather than a table).',
    ]);
  });

  it('takes a one-column sheet when no sheet has more', () => {
    const { sheets, read } = workbook([{ name: 'Emails', columns: 1 }]);
    expect(chooseSheet('f.xlsx', sheets, read).chosen).toBe('Emails');
  });

  it('passes over empty, chart and unreadable sheets without stopping', () => {
    const { sheets, read } = workbook([
      { name: 'Sheet2', fails: 'empty' },
      { name: 'Chart1', kind: 'chartsheet' },
      { name: 'Broken', fails: 'duplicate-header' },
      { name: 'Mentors' },
    ]);
    const choice = chooseSheet('f.xlsx', sheets, read);
    expect(choice.chosen).toBe('Mentors');
    expect(choice.sheets.map((s) => [s.name, s.status])).toEqual([
      ['Sheet2', 'empty'],
      ['Chart1', 'chart'],
      ['Broken', 'unreadable'],
      ['Mentors', 'table'],
    ]);
    expect(choice.sheets[2].note).toBe('Broken: duplicate-header');
    expect(choice.warnings[0]).toBe(
      'f.xlsx: using the sheet "Mentors", passing over "Sheet2" (empty) and "Broken" (cannot be read).',
    );
  });

  it('never takes a hidden first sheet, and warns that it is there', () => {
    const { sheets, read, asked } = workbook([{ name: 'Old mentors', hidden: true }, { name: 'Mentors' }]);
    const choice = chooseSheet('f.xlsx', sheets, read);
    expect(choice.chosen).toBe('Mentors');
    expect(asked).toEqual(['Mentors']);
    expect(choice.sheets[0].status).toBe('hidden');
    expect(choice.warnings).toEqual([
      'f.xlsx has a hidden sheet, "Old mentors", which was not used; using "Mentors". ' +
        'Choose a hidden sheet in the list to use it instead.',
    ]);
  });

  it('chooses nothing when only hidden sheets hold data, and says how to use them', () => {
    const { sheets, read } = workbook([
      { name: 'Data', hidden: true },
      { name: 'Blank', fails: 'empty' },
    ]);
    const choice = chooseSheet('f.xlsx', sheets, read);
    expect(choice.chosen).toBeNull();
    expect(choice.warnings[0]).toContain('no visible sheet holds a table. Choose a hidden sheet');
    expect(nothingToUse('f.xlsx', choice)).toBeNull();
  });

  it('lets a zip bomb stop the whole file', () => {
    const { sheets, read } = workbook([{ name: 'Bomb', fails: 'zip-bomb' }, { name: 'Mentors' }]);
    expect(() => chooseSheet('f.xlsx', sheets, read)).toThrow('Bomb: zip-bomb');
  });

  it('says why nothing can be used when no sheet is offered', () => {
    const { sheets, read } = workbook([
      { name: 'Sheet1', fails: 'empty' },
      { name: 'Chart1', kind: 'chartsheet' },
    ]);
    expect(nothingToUse('f.xlsx', chooseSheet('f.xlsx', sheets, read))).toBe(
      'f.xlsx has no sheet with a table to use ("Sheet1": empty; "Chart1": a chart sheet: it holds no table).',
    );
  });
});
