// Error values and merged areas from a spreadsheet must stop a run when they sit in a column the
// matching uses: read as values they would silently change who may be paired with whom.
import { describe, expect, it } from 'vitest';
import type { Table } from '@mentor-matcher/tabular';
import { spreadsheetCellProblems } from '../../src/spreadsheet-cells.js';

const table = (extra: Partial<Table>): Table => ({
  source: 'people.xlsx › Mentors',
  header: ['email', 'organisation', 'notes'],
  rows: [
    ['a@x', null, null],
    ['b@x', null, null],
    ['c@x', null, null],
  ],
  headerRow: 1,
  firstColumn: 0,
  ...extra,
});
const mapping = { email: 'email', organisation: 'organisation' };

describe('spreadsheetCellProblems', () => {
  it('reports an error value in a used column with its sheet, row, column and value', () => {
    const problems = spreadsheetCellProblems(
      table({ errors: [{ row: 1, column: 1, value: '#N/A', address: 'B3' }] }),
      mapping,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'error',
      code: 'cell-error-value',
      row: 3,
      column: 'organisation',
      value: '#N/A',
    });
    expect(problems[0].message).toContain(
      'people.xlsx › Mentors row 3, column "organisation" (cell B3) holds the Excel error #N/A',
    );
  });

  it('ignores an error value in a column nothing uses', () => {
    expect(
      spreadsheetCellProblems(table({ errors: [{ row: 0, column: 2, value: '#REF!', address: 'C2' }] }), mapping),
    ).toEqual([]);
  });

  it('reports a merged area over several rows of a used column, naming the rows read as blank', () => {
    const problems = spreadsheetCellProblems(
      table({ mergedRanges: [{ address: 'B2:B4', firstRow: 0, lastRow: 2, firstColumn: 1, lastColumn: 1 }] }),
      mapping,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'merged-cells', row: 2, column: 'organisation' });
    expect(problems[0].message).toContain(
      'cells B2:B4 are merged, so rows 3–4 of column "organisation" would be read as blank',
    );
  });

  it('lets a merged area within one row, or in an unused column, pass', () => {
    const ranges = [
      { address: 'A2:B2', firstRow: 0, lastRow: 0, firstColumn: 0, lastColumn: 1 },
      { address: 'C2:C4', firstRow: 0, lastRow: 2, firstColumn: 2, lastColumn: 2 },
    ];
    expect(spreadsheetCellProblems(table({ mergedRanges: ranges }), mapping)).toEqual([]);
  });

  it('counts an extra column such as the role column as used', () => {
    const problems = spreadsheetCellProblems(
      table({ errors: [{ row: 0, column: 2, value: '#VALUE!', address: 'C2' }] }),
      mapping,
      ['notes'],
    );
    expect(problems.map((p) => p.code)).toEqual(['cell-error-value']);
  });

  it('reports an error literal typed or exported as text (Excel API, CSV), once even when the file marked it too', () => {
    const rows = [
      ['a@x', '#N/A', '#REF!'],
      ['b@x', ' #DIV/0! ', null],
      ['c@x', 'N/A', null],
    ];
    const marked = { row: 0, column: 1, value: '#N/A', address: 'B2' };
    const problems = spreadsheetCellProblems(table({ rows, errors: [marked] }), mapping);
    expect(problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [2, 'organisation', '#N/A'],
      [3, 'organisation', '#DIV/0!'],
    ]);
    expect(problems[1].message).toContain('(cell B3) holds the Excel error #DIV/0!');
  });
});
