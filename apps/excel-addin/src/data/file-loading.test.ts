import { describe, expect, it } from 'vitest';
import { loadStatus, preselect } from './file-loading.js';

const source = (id: string, hidden = false) => ({ id, label: id, detail: '', ...(hidden ? { hidden } : {}) });

describe('the status line after choosing files', () => {
  it('says which files loaded', () => {
    expect(
      loadStatus(
        [
          { name: 'a.csv', warnings: [] },
          { name: 'b.xlsx', warnings: [] },
        ],
        [],
      ),
    ).toEqual({
      text: 'Loaded a.csv, b.xlsx.',
      tone: 'ok',
    });
  });

  it('points at the notes when a reader had something to say', () => {
    expect(loadStatus([{ name: 'a.csv', warnings: ['a.csv is not UTF-8 …'] }], []).text).toBe(
      'Loaded a.csv. See the notes under the file list.',
    );
  });

  it('shows a refusal as an error, never "Loaded" for the refused file', () => {
    const refused = [{ name: 'x.pdf', message: 'x.pdf: this looks like a PDF file, not a spreadsheet.' }];
    expect(loadStatus([], refused)).toEqual({ text: refused[0].message, tone: 'error' });
    expect(loadStatus([{ name: 'a.csv', warnings: [] }], refused)).toEqual({
      text: `${refused[0].message} Loaded a.csv.`,
      tone: 'error',
    });
  });
});

describe('preselecting the chosen sheet', () => {
  const sources = [source('book:Sign-ups'), source('book:Old', true), source('mentees.csv')];

  it('gives an unpicked role the workbook’s chosen sheet', () => {
    const loaded = [{ name: 'book', preferred: 'book:Sign-ups', warnings: [] }];
    expect(preselect(['mentors', 'mentees'], { mentees: 'mentees.csv' }, sources, loaded)).toEqual({
      mentors: 'book:Sign-ups',
    });
  });

  it('never picks a hidden sheet or one already picked for another role', () => {
    const loaded = [
      { name: 'mentees.csv', preferred: 'mentees.csv', warnings: [] },
      { name: 'book', preferred: 'book:Old', warnings: [] },
    ];
    expect(preselect(['mentors', 'mentees'], { mentees: 'mentees.csv' }, sources, loaded)).toEqual({});
  });

  it('leaves roles already picked alone and gives each file to one role', () => {
    const loaded = [
      { name: 'book', preferred: 'book:Sign-ups', warnings: [] },
      { name: 'mentees.csv', preferred: 'mentees.csv', warnings: [] },
    ];
    expect(preselect(['mentors', 'mentees'], {}, sources, loaded)).toEqual({
      mentors: 'book:Sign-ups',
      mentees: 'mentees.csv',
    });
  });
});
