import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildXlsx, simpleSheetData } from '../test/xlsx-fixture.js';
import { readError } from '../test/read-error.js';
import { listXlsxSheets, openXlsx, readXlsx } from './xlsx-read.js';

const source = 'people.xlsx';

const oneSheet = (sheetData: string, options = {}, after = '') =>
  buildXlsx([{ name: 'Sheet1', sheetData, after }], options);

describe('readXlsx', () => {
  it('reads the first sheet into a table with its header row and first column', () => {
    const bytes = oneSheet(
      simpleSheetData([
        ['name', 'age'],
        ['Ada', 36],
      ]),
    );
    expect(readXlsx(bytes, { source })).toEqual({
      source: 'people.xlsx › Sheet1',
      header: ['name', 'age'],
      rows: [['Ada', 36]],
      headerRow: 1,
      firstColumn: 0,
      errors: [],
      mergedRanges: [],
    });
  });

  it('reads shared strings, joining rich-text runs and leaving out phonetic runs', () => {
    const bytes = oneSheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>',
      {
        sharedStringItems: [
          '<si><t>name</t></si>',
          '<si><r><rPr><b/></rPr><t xml:space="preserve">Ada </t></r><r><t>Lovelace</t></r><rPh sb="0" eb="1"><t>ガ</t></rPh></si>',
        ],
      },
    );
    expect(readXlsx(bytes, { source }).rows).toEqual([['Ada Lovelace']]);
  });

  it('decodes XML entities, character references and _xHHHH_ escapes', () => {
    const bytes = oneSheet(
      simpleSheetData([['v'], ['a &amp; b &lt;c&gt; &#x263A; &#65;'], ['one_x000D_\ntwo'], ['_x005F_x0041_']]),
    );
    expect(readXlsx(bytes, { source }).rows).toEqual([['a & b <c> ☺ A'], ['one\r\ntwo'], ['_x0041_']]);
  });

  it('gives formulas their cached value, and null when there is none', () => {
    const bytes = oneSheet(
      simpleSheetData([['n', 's']]) +
        '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>' +
        '<row r="3"><c r="A3"><f>1+1</f></c><c r="B3" t="str"><f>A1</f><v>x</v></c></row>',
    );
    expect(readXlsx(bytes, { source }).rows).toEqual([
      [2, 'ab'],
      [null, 'x'],
    ]);
  });

  it('reads booleans', () => {
    const bytes = oneSheet(
      simpleSheetData([['b']]) +
        '<row r="2"><c r="A2" t="b"><v>1</v></c></row><row r="3"><c r="A3" t="b"><v>0</v></c></row>',
    );
    expect(readXlsx(bytes, { source }).rows).toEqual([[true], [false]]);
  });

  it('returns error values as text and lists them with their address', () => {
    const bytes = oneSheet(
      simpleSheetData([['name', 'grade'], ['Ada']]) +
        '<row r="3"><c r="A3" t="str"><v>Bob</v></c><c r="B3" t="e"><f>VLOOKUP(A3,X,2)</f><v>#N/A</v></c></row>',
    );
    const table = readXlsx(bytes, { source });
    expect(table.rows[1]).toEqual(['Bob', '#N/A']);
    expect(table.errors).toEqual([{ row: 1, column: 1, value: '#N/A', address: 'B3' }]);
  });

  it('turns cells with a built-in date format into ISO dates', () => {
    const bytes = oneSheet(simpleSheetData([['start']]) + '<row r="2"><c r="A2" s="1"><v>45292</v></c></row>', {
      cellXfs: [0, 14],
    });
    expect(readXlsx(bytes, { source }).rows).toEqual([['2024-01-01']]);
  });

  it('turns cells with a custom day-month-year format into ISO dates', () => {
    const bytes = oneSheet(simpleSheetData([['start']]) + '<row r="2"><c r="A2" s="1"><v>45337</v></c></row>', {
      cellXfs: [0, 164],
      numFmts: [{ id: 164, code: '[$-809]dd/mm/yyyy;@' }],
    });
    expect(readXlsx(bytes, { source }).rows).toEqual([['2024-02-15']]);
  });

  it('keeps the time of a date-time value', () => {
    const bytes = oneSheet(simpleSheetData([['at']]) + '<row r="2"><c r="A2" s="1"><v>45292.75</v></c></row>', {
      cellXfs: [0, 22],
    });
    expect(readXlsx(bytes, { source }).rows).toEqual([['2024-01-01T18:00:00']]);
  });

  it('gives a time-only value as HH:MM:SS', () => {
    const bytes = oneSheet(simpleSheetData([['at']]) + '<row r="2"><c r="A2" s="1"><v>0.5</v></c></row>', {
      cellXfs: [0, 165],
      numFmts: [{ id: 165, code: 'h:mm' }],
    });
    expect(readXlsx(bytes, { source }).rows).toEqual([['12:00:00']]);
  });

  it('leaves numbers with a non-date format as numbers, even when the format has literal letters', () => {
    const bytes = oneSheet(simpleSheetData([['n']]) + '<row r="2"><c r="A2" s="1"><v>3</v></c></row>', {
      cellXfs: [0, 166],
      numFmts: [{ id: 166, code: '0 "days";[Red]-0' }],
    });
    expect(readXlsx(bytes, { source }).rows).toEqual([[3]]);
  });

  it('uses the 1904 date system when the workbook says so', () => {
    const bytes = oneSheet(simpleSheetData([['d']]) + '<row r="2"><c r="A2" s="1"><v>43830</v></c></row>', {
      cellXfs: [0, 14],
      date1904: true,
    });
    expect(readXlsx(bytes, { source }).rows).toEqual([['2024-01-01']]);
  });

  it("keeps Excel's 29 February 1900 and the days either side of it", () => {
    const bytes = oneSheet(
      simpleSheetData([['d']]) +
        [59, 60, 61, 1].map((v, i) => `<row r="${i + 2}"><c r="A${i + 2}" s="1"><v>${v}</v></c></row>`).join(''),
      { cellXfs: [0, 14] },
    );
    expect(readXlsx(bytes, { source }).rows).toEqual([['1900-02-28'], ['1900-02-29'], ['1900-03-01'], ['1900-01-01']]);
  });

  it('reports merged areas and leaves all but their top-left cell empty', () => {
    const bytes = oneSheet(
      simpleSheetData([
        ['a', 'b', 'c'],
        ['x', null, '1'],
        [null, null, '2'],
      ]),
      {},
      '<mergeCells count="1"><mergeCell ref="A2:B3"/></mergeCells>',
    );
    const table = readXlsx(bytes, { source });
    expect(table.rows).toEqual([
      ['x', null, '1'],
      [null, null, '2'],
    ]);
    expect(table.mergedRanges).toEqual([{ address: 'A2:B3', firstRow: 0, lastRow: 1, firstColumn: 0, lastColumn: 1 }]);
  });

  it('names the merge when a merged header leaves a column without a name', () => {
    const bytes = oneSheet(
      simpleSheetData([
        ['name', null],
        ['Ada', 'x'],
      ]),
      {},
      '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
    );
    const error = readError(() => readXlsx(bytes, { source }));
    expect(error.code).toBe('empty-header');
    expect(error.message).toContain('column B (merged into A1)');
  });

  it('starts the table at the first row and column that hold a value, keeping gaps as blank rows', () => {
    const bytes = oneSheet(
      '<row r="3"><c r="C3" t="inlineStr"><is><t>a</t></is></c><c r="D3" t="inlineStr"><is><t>b</t></is></c></row><row r="6"><c r="D6"><v>1</v></c></row>',
    );
    const table = readXlsx(bytes, { source });
    expect(table.headerRow).toBe(3);
    expect(table.firstColumn).toBe(2);
    expect(table.rows).toEqual([
      [null, null],
      [null, null],
      [null, 1],
    ]);
  });

  it('places cells and rows without an r attribute after the previous ones', () => {
    const bytes = oneSheet(
      '<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row><row><c/><c><v>5</v></c></row>',
    );
    expect(readXlsx(bytes, { source }).rows).toEqual([[null, 5]]);
  });

  it('reads elements with a namespace prefix', () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>h</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>7</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    expect(readXlsx(buildXlsx([{ name: 'S', xml }]), { source }).rows).toEqual([[7]]);
  });

  it('uses a header row given as an option, ignoring the rows above it', () => {
    const bytes = oneSheet(simpleSheetData([['Mentors 2025'], [null], ['name', 'grade'], ['Ada', 'HEO']]));
    const table = readXlsx(bytes, { source, headerRow: 3 });
    expect(table.header).toEqual(['name', 'grade']);
    expect(table.rows).toEqual([['Ada', 'HEO']]);
  });

  it('reads a header-only sheet as a table with no rows', () => {
    expect(readXlsx(oneSheet(simpleSheetData([['a', 'b']])), { source }).rows).toEqual([]);
  });

  it('trims header names and gives numbers in the header as text', () => {
    expect(readXlsx(oneSheet(simpleSheetData([[' name ', 2024]])), { source }).header).toEqual(['name', '2024']);
  });

  it('rejects duplicate header names', () => {
    expect(readError(() => readXlsx(oneSheet(simpleSheetData([['a', 'a']])), { source })).code).toBe(
      'duplicate-header',
    );
  });

  it('reports a workbook whose only sheet is empty, naming the sheet', () => {
    const error = readError(() => readXlsx(oneSheet(''), { source }));
    expect(error.code).toBe('empty');
    expect(error.message).toBe('people.xlsx is empty: no sheet holds a value (its sheets are: "Sheet1").');
  });

  it('reports an empty sheet asked for by name', () => {
    const error = readError(() => readXlsx(oneSheet(''), { source, sheet: 'Sheet1' }));
    expect(error.code).toBe('empty');
    expect(error.message).toContain('people.xlsx › Sheet1 is empty');
  });

  describe('choosing a sheet', () => {
    const workbook = buildXlsx([
      { name: 'Mentors', sheetData: simpleSheetData([['mentor'], ['m1']]) },
      { name: 'Mentees', sheetData: simpleSheetData([['mentee'], ['e1']]) },
      { name: 'Chart', kind: 'chartsheet', xml: '<chartsheet/>' },
    ]);

    it('lists the sheets in tab order', () => {
      expect(listXlsxSheets(workbook)).toEqual(['Mentors', 'Mentees', 'Chart']);
    });

    it('reads a sheet by name', () => {
      expect(readXlsx(workbook, { source, sheet: 'Mentees' }).header).toEqual(['mentee']);
    });

    it('reads a sheet by name ignoring case when only one matches', () => {
      expect(readXlsx(workbook, { source, sheet: 'mentees' }).header).toEqual(['mentee']);
    });

    it('reads a sheet by 0-based position', () => {
      expect(readXlsx(workbook, { source, sheet: 1 }).source).toBe('people.xlsx › Mentees');
    });

    it('names the sheets when the one asked for is missing', () => {
      const error = readError(() => readXlsx(workbook, { source, sheet: 'Pairs' }));
      expect(error.code).toBe('missing-sheet');
      expect(error.message).toBe(
        'people.xlsx has no sheet named "Pairs". Its sheets are: "Mentors", "Mentees", "Chart".',
      );
    });

    it('rejects a chart sheet', () => {
      expect(readError(() => readXlsx(workbook, { source, sheet: 'Chart' })).code).toBe('not-a-worksheet');
    });
  });

  describe('files that are not workbooks', () => {
    it('rejects bytes that are not a zip', () => {
      const error = readError(() => readXlsx(strToU8('name,grade\nAda,HEO\n'), { source }));
      expect(error.code).toBe('not-zip');
      expect(error.message).toBe('people.xlsx is not an XLSX workbook (it is not a zip archive).');
    });

    it('recognises an old .xls file', () => {
      const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
      expect(readError(() => readXlsx(bytes, { source })).code).toBe('legacy-xls');
    });

    it('recognises a binary workbook (.xlsb)', () => {
      const rels =
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>';
      const bytes = zipSync({ '_rels/.rels': strToU8(rels), 'xl/workbook.bin': new Uint8Array([1, 2, 3]) });
      expect(readError(() => readXlsx(bytes, { source })).message).toContain('binary workbook (.xlsb)');
    });

    it('rejects a damaged zip', () => {
      const bytes = buildXlsx([{ name: 'S', sheetData: '' }]).slice(0, 200);
      expect(readError(() => readXlsx(bytes, { source })).code).toBe('not-zip');
    });

    it('rejects a zip that is not a workbook', () => {
      const error = readError(() => readXlsx(zipSync({ 'readme.txt': strToU8('hello') }), { source }));
      expect(error.code).toBe('not-xlsx');
      expect(error.message).toBe(
        'people.xlsx: this looks like a zip archive, not an Excel workbook, not a spreadsheet. Unzip it and load the .xlsx or .csv inside, or save the sign-ups as .xlsx or .csv.',
      );
    });

    it('rejects a zip with more entries than allowed', () => {
      const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, strToU8('x')]));
      expect(readError(() => readXlsx(zipSync(files), { source, maxEntries: 20 })).code).toBe('zip-bomb');
    });

    it('rejects a zip that would unpack beyond the size limit, before unpacking it', () => {
      const bomb = zipSync({ 'xl/workbook.xml': new Uint8Array(5_000_000) }, { level: 9 });
      expect(bomb.length).toBeLessThan(10_000);
      const error = readError(() => readXlsx(bomb, { source, maxUncompressedBytes: 1_000_000 }));
      expect(error.code).toBe('zip-bomb');
      expect(error.message).toContain('5,000,000 bytes');
    });

    it('never unpacks more than an entry declares, even when the entry lies', () => {
      const zip = zipSync(
        {
          'xl/workbook.xml': strToU8(
            `<workbook>${' '.repeat(5_000_000)}<sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`,
          ),
        },
        { level: 9 },
      );
      // Rewrite the central directory's uncompressed size (offset 24 of its record) to 100 bytes.
      const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
      let central = zip.length - 22;
      while (view.getUint32(central, true) !== 0x02014b50) central--;
      view.setUint32(central + 24, 100, true);
      // Unpacking stops as soon as the entry passes the 100 bytes it declares.
      const error = readError(() => readXlsx(zip, { source }));
      expect(error.code).toBe('zip-bomb');
      expect(error.message).toContain('xl/workbook.xml unpacks to more than the 100 bytes its zip entry declares');
    });

    it('rejects a DOCTYPE, so no entity can expand', () => {
      const xml = '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>';
      const error = readError(() => readXlsx(buildXlsx([{ name: 'S', xml }]), { source }));
      expect(error.code).toBe('malformed-xml');
      expect(error.message).toContain('xl/worksheets/sheet1.xml');
    });

    it('rejects a truncated worksheet part, naming it', () => {
      const error = readError(() =>
        readXlsx(buildXlsx([{ name: 'S', xml: '<worksheet><sheetData><row r="1"><c r="A1"' }]), { source }),
      );
      expect(error.code).toBe('malformed-xml');
    });

    it('rejects a reference to a shared string that does not exist, naming the cell', () => {
      const error = readError(() =>
        readXlsx(oneSheet('<row r="1"><c r="B1" t="s"><v>3</v></c></row>', { sharedStrings: ['a'] }), { source }),
      );
      expect(error.message).toContain('cell B1 refers to shared string 3');
    });
  });

  describe('limits', () => {
    it('rejects a table whose rows times columns exceed maxCells', () => {
      const bytes = oneSheet(
        simpleSheetData([
          ['a', 'b'],
          [1, null],
          [3, null],
        ]),
      );
      const error = readError(() => readXlsx(bytes, { source, maxCells: 5 }));
      expect(error.code).toBe('too-large');
      expect(error.message).toContain('A1:B3, 6 cells');
    });

    it('stops reading a sheet as soon as it holds more values than maxCells, naming the cell', () => {
      const bytes = oneSheet(
        simpleSheetData([
          ['a', 'b'],
          [1, 2],
          [3, 4],
        ]),
      );
      const error = readError(() => readXlsx(bytes, { source, maxCells: 5 }));
      expect(error.code).toBe('too-large');
      expect(error.message).toBe('people.xlsx › Sheet1 holds more than 5 values, the limit (cell B3 is beyond it).');
    });

    it('rejects more rows than maxRows', () => {
      expect(readError(() => readXlsx(oneSheet(simpleSheetData([['a'], [1], [2]])), { source, maxRows: 1 })).code).toBe(
        'too-many-rows',
      );
    });

    it('rejects a cell longer than maxCellLength, naming it', () => {
      const error = readError(() =>
        readXlsx(oneSheet(simpleSheetData([['a'], ['xxxxxx']])), { source, maxCellLength: 5 }),
      );
      expect(error.code).toBe('cell-too-long');
      expect(error.message).toContain('cell A2');
    });

    it('accepts a 1 MB cell', () => {
      const long = 'y'.repeat(1024 * 1024);
      expect(readXlsx(oneSheet(simpleSheetData([['bio'], [long]])), { source }).rows[0][0]).toBe(long);
    });
  });
});

describe('openXlsx', () => {
  const broken = '<worksheet><sheetData><row r="1"><c r="A1"';
  const bytes = buildXlsx([
    {
      name: 'Mentors',
      sheetData: simpleSheetData([
        ['name', 'email'],
        ['Ada', 'a@x'],
        ['Bob', 'b@x'],
      ]),
    },
    { name: 'Broken', xml: broken },
    { name: 'Blank', sheetData: '' },
    { name: 'Chart', kind: 'chartsheet', xml: '<chartsheet/>' },
    {
      name: 'Dupes',
      sheetData: simpleSheetData([
        ['email', 'Email'],
        ['a', 'b'],
      ]),
    },
  ]);

  it('lists the sheets without reading them, and reads only the one asked for', () => {
    const workbook = openXlsx(bytes, { source: 'w.xlsx' });
    expect(workbook.sheets.map((s) => [s.name, s.kind, s.visible])).toEqual([
      ['Mentors', 'worksheet', true],
      ['Broken', 'worksheet', true],
      ['Blank', 'worksheet', true],
      ['Chart', 'chartsheet', true],
      ['Dupes', 'worksheet', true],
    ]);
    // The broken sheet is never parsed unless asked for.
    expect(workbook.readSheet('Mentors').rows).toHaveLength(2);
    expect(readError(() => workbook.readSheet('Broken')).message).toContain(
      'w.xlsx › Broken: xl/worksheets/sheet2.xml is not well-formed XML',
    );
  });

  it('summarises every sheet, one that cannot be read not stopping the others', () => {
    const summaries = openXlsx(bytes, { source: 'w.xlsx' }).summariseSheets();
    expect(
      summaries.map(({ name, empty, rowCount, columnCount, headerRow, error }) => ({
        name,
        empty,
        rowCount,
        columnCount,
        headerRow,
        code: error?.code,
      })),
    ).toEqual([
      { name: 'Mentors', empty: false, rowCount: 2, columnCount: 2, headerRow: 1, code: undefined },
      {
        name: 'Broken',
        empty: false,
        rowCount: undefined,
        columnCount: undefined,
        headerRow: undefined,
        code: 'malformed-xml',
      },
      {
        name: 'Blank',
        empty: true,
        rowCount: undefined,
        columnCount: undefined,
        headerRow: undefined,
        code: undefined,
      },
      {
        name: 'Chart',
        empty: true,
        rowCount: undefined,
        columnCount: undefined,
        headerRow: undefined,
        code: 'not-a-worksheet',
      },
      {
        name: 'Dupes',
        empty: false,
        rowCount: undefined,
        columnCount: undefined,
        headerRow: undefined,
        code: 'duplicate-header',
      },
    ]);
    expect(summaries[4].error?.message).toContain(
      '"email" (column A) and "Email" (column B), names that differ only in case or spacing',
    );
  });

  it('reads a named hidden sheet when asked, and the default sheet is the first visible one with data', () => {
    const workbook = openXlsx(bytes, { source: 'w.xlsx' });
    expect(workbook.readSheet().source).toBe('w.xlsx › Mentors');
  });

  it('refuses the default sheet when it cannot be read, rather than reading another one', () => {
    const first = buildXlsx([
      { name: 'Broken', xml: broken },
      {
        name: 'Other',
        sheetData: simpleSheetData([
          ['a', 'b'],
          [1, 2],
        ]),
      },
    ]);
    expect(readError(() => readXlsx(first, { source: 'w.xlsx' })).code).toBe('malformed-xml');
  });

  it('leaves out an unnamed header cell of spaces at the right with nothing below it', () => {
    const table = readXlsx(
      oneSheet(
        simpleSheetData([
          ['name', 'email', ' '],
          ['Ada', 'a@x', null],
        ]),
      ),
      { source },
    );
    expect(table.header).toEqual(['name', 'email']);
    expect(table.warnings?.map((w) => w.message)).toEqual([
      'people.xlsx › Sheet1: left out 1 empty column at the right with no name (C).',
    ]);
  });

  it('keeps many rows after a long gap as data (only a few are stray)', () => {
    const far = Array.from(
      { length: 11 },
      (_, i) => `<row r="${5000 + i}"><c r="A${5000 + i}"><v>${i}</v></c></row>`,
    ).join('');
    const table = readXlsx(oneSheet(simpleSheetData([['n'], [1]]) + far), { source });
    expect(table.rows).toHaveLength(5009);
    expect(table.warnings).toBeUndefined();
  });

  it('takes a numbered header row as given, without looking for one', () => {
    const bytes = oneSheet(simpleSheetData([['Title'], ['a', 'b'], [1, 2]]));
    expect(readXlsx(bytes, { source }).headerRow).toBe(2);
    const error = readError(() => readXlsx(bytes, { source, headerRow: 1 }));
    expect(error.code).toBe('empty-header');
    expect(error.message).toContain('column B');
  });
});
