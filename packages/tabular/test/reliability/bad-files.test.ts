// The bad-file catalogue of the tabular readers (issues 14 and 15): every case is built here, in the
// test, and read the way an adapter reads a chosen file, with readTableFile. Each says what the user
// gets: a table (and the warnings that come with it) or a TableReadError whose message names the
// file, sheet, row, column and value where they apply.
//
// | case                                              | outcome | what the user is told                          |
// |---------------------------------------------------|---------|------------------------------------------------|
// | Windows "CSV (Comma delimited)" with Zoë (0xEB)   | table   | read as Windows-1252; row, column, "Zoë"        |
// | UTF-16 LE without a byte-order mark               | table   | read as UTF-16 LE, from its zero bytes          |
// | UTF-16 BE with a byte-order mark                  | table   | nothing                                         |
// | semicolons, quoted commas in the header           | table   | nothing (separator from the header line)        |
// | tab-separated                                     | table   | nothing                                         |
// | a PDF, a Word document, a PNG, JSON named .csv    | error   | "this looks like a PDF file …"; save as        |
// | an old .xls                                       | error   | Excel 97–2003; save as .xlsx or CSV UTF-8       |
// | a 0.9 MB zip bomb (930 MB), named .xlsx or .csv   | error   | the part "expands too much", in under 1 s       |
// | a title and a blank line above the header (CSV)   | table   | header is row 3; row 1 looked like a title      |
// | a merged title above the header (XLSX)            | table   | header is row 3                                 |
// | a million ",,,," lines after the data             | table   | one warning: 1,000,000 blank rows left out      |
// | a stray value at A1048576                         | table   | one warning naming A1048576 and its value       |
// | 16,384 header names over many rows of values      | error   | the cell limit, at the row that passes it       |
// | empty unnamed columns at the right (Excel export) | table   | one warning naming the columns                  |
// | "email address" and "Email Address"               | error   | both names and columns: differ only in case     |
// | a hidden first sheet with data                    | table   | the visible sheet; the hidden one named         |
// | an empty sheet and a chart sheet before the data  | table   | which sheets were passed over and why           |
// | data only on hidden sheets                        | error   | no visible sheet with data; the hidden ones     |
// | a header and no data rows                         | table   | 0 rows; with requireRows an error naming it     |
// | 1,000,000 rows against maxRows 100                | error   | the limit, at the first row beyond it           |
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTableFile, type ReadTableFileOptions, type TableFile } from '../../src/index.js';
import { readError } from '../read-error.js';
import { buildXlsx, simpleSheetData } from '../xlsx-fixture.js';
import { deflateBomb, rawZip } from '../../src/testing/zip-bomb.js';

const text = (value: string) => new TextEncoder().encode(value);
const utf16le = (value: string) => {
  const out = new Uint8Array(value.length * 2);
  for (let i = 0; i < value.length; i++) {
    out[2 * i] = value.charCodeAt(i) & 0xff;
    out[2 * i + 1] = value.charCodeAt(i) >> 8;
  }
  return out;
};

const bomb = deflateBomb(900_000);
function bombWorkbook(): Uint8Array {
  const parts = unzipSync(buildXlsx([{ name: 'Mentors', sheetData: simpleSheetData([['name'], ['Ada']]) }]));
  return rawZip(
    Object.entries(parts).map(([name, data]) =>
      name === 'xl/worksheets/sheet1.xml'
        ? { name, method: 8 as const, data: bomb.data, size: bomb.size }
        : { name, method: 0 as const, data, size: data.length },
    ),
  );
}

interface Case {
  readonly name: string;
  readonly source: string;
  readonly bytes: () => Uint8Array;
  readonly options?: Omit<ReadTableFileOptions, 'source'>;
  /** For a file that must be refused: the error code and text its message must hold. */
  readonly refused?: { readonly code: string; readonly says: readonly string[] };
  /** For a file that must be read. */
  readonly read?: (file: TableFile) => void;
  /** Wall-clock limit in milliseconds, for cases about doing little work. */
  readonly within?: number;
}

const cases: Case[] = [
  {
    name: 'Windows "CSV (Comma delimited)" with Zoë (byte 0xEB)',
    source: 'mentors.csv',
    bytes: () => new Uint8Array([...text('first name,email address\r\nZo'), 0xeb, ...text(',zoe@example.org\r\n')]),
    read: (file) => {
      expect(file.table.rows).toEqual([['Zoë', 'zoe@example.org']]);
      expect(file.encoding).toBe('windows-1252');
      expect(file.warnings.map((w) => w.message)).toEqual([
        'mentors.csv is not UTF-8, so it was read as Windows-1252 (Western European), the encoding of Excel\'s "CSV (Comma delimited)": row 2, column A reads "Zoë". If accented letters look wrong, save the file as "CSV UTF-8" and load it again.',
      ]);
    },
  },
  {
    name: 'UTF-16 LE without a byte-order mark',
    source: 'mentors.csv',
    bytes: () => utf16le('first name\temail address\r\nZoë\tzoe@example.org\r\n'),
    read: (file) => {
      expect(file.table.header).toEqual(['first name', 'email address']);
      expect(file.table.rows).toEqual([['Zoë', 'zoe@example.org']]);
      expect(file.warnings[0].message).toContain('its zero bytes show it is UTF-16 LE text');
    },
  },
  {
    name: 'UTF-16 BE with a byte-order mark',
    source: 'mentors.csv',
    bytes: () => utf16le('\uFEFFname,org\r\nZoë,HMRC\r\n').map((_, i, all) => all[i ^ 1]),
    read: (file) => {
      expect(file.encoding).toBe('utf-16be');
      expect(file.table.rows).toEqual([['Zoë', 'HMRC']]);
      expect(file.warnings).toEqual([]);
    },
  },
  {
    name: 'semicolons, with a quoted comma in the header',
    source: 'mentors.csv',
    bytes: () => text('name;"notes, misc";grade\r\nAda;"a, b";HEO\r\n'),
    read: (file) => {
      expect(file.delimiter).toBe(';');
      expect(file.table.header).toEqual(['name', 'notes, misc', 'grade']);
    },
  },
  {
    name: 'tab-separated',
    source: 'mentors.tsv',
    bytes: () => text('name\tgrade\r\nAda\tHEO\r\n'),
    read: (file) => expect(file.table.rows).toEqual([['Ada', 'HEO']]),
  },
  {
    name: 'a PDF',
    source: 'signups.csv',
    bytes: () => text('%PDF-1.7\n1 0 obj <<>> endobj'),
    refused: {
      code: 'not-a-spreadsheet',
      says: ['signups.csv: this looks like a PDF file', 'Save the sign-ups as .xlsx or .csv'],
    },
  },
  {
    name: 'a Word document',
    source: 'signups.xlsx',
    bytes: () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }),
    refused: {
      code: 'not-a-spreadsheet',
      says: ['signups.xlsx: this looks like a Word document (.docx)', 'Save the sign-ups as .xlsx or .csv'],
    },
  },
  {
    name: 'a PNG',
    source: 'signups.csv',
    bytes: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    refused: {
      code: 'not-a-spreadsheet',
      says: ['this looks like a PNG image', 'A picture of a table cannot be read'],
    },
  },
  {
    name: 'JSON',
    source: 'signups.csv',
    bytes: () => text('[{"name": "Ada", "email": "ada@example.org"}]'),
    refused: { code: 'not-a-spreadsheet', says: ['this looks like a JSON file'] },
  },
  {
    name: 'an old .xls',
    source: 'signups.xls',
    bytes: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(100).fill(0)]),
    refused: { code: 'legacy-xls', says: ['Excel 97–2003 workbook (.xls)', '"Excel Workbook (.xlsx)" or "CSV UTF-8"'] },
  },
  {
    name: 'a 0.9 MB zip bomb',
    source: 'signups.xlsx',
    bytes: bombWorkbook,
    refused: { code: 'zip-bomb', says: ['signups.xlsx: the part xl/worksheets/sheet1.xml expands too much'] },
    within: 1000,
  },
  {
    name: 'a 0.9 MB zip bomb named .csv',
    source: 'signups.csv',
    bytes: bombWorkbook,
    refused: { code: 'zip-bomb', says: ['expands too much'] },
    within: 1000,
  },
  {
    name: 'a title and a blank line above the header (CSV)',
    source: 'mentors.csv',
    bytes: () => text('Mentor sign-ups 2026,,\r\n,,\r\nname,email,grade\r\nAda,ada@example.org,HEO\r\n'),
    read: (file) => {
      expect(file.table.headerRow).toBe(3);
      expect(file.table.header).toEqual(['name', 'email', 'grade']);
      expect(file.table.rows).toEqual([['Ada', 'ada@example.org', 'HEO']]);
      expect(file.warnings.map((w) => w.message)).toEqual([
        'mentors.csv: the header is row 3 ("name", "email" and "grade"); row 1 ("Mentor sign-ups 2026") above it looks like a title or notes and was skipped. Set the header row to choose another.',
      ]);
    },
  },
  {
    name: 'a merged title above the header (XLSX)',
    source: 'mentors.xlsx',
    bytes: () =>
      buildXlsx([
        {
          name: 'Mentors',
          sheetData: simpleSheetData([
            ['Mentor sign-ups 2026', null, null],
            [null, null, null],
            ['name', 'email', 'grade'],
            ['Ada', 'ada@example.org', 'HEO'],
          ]),
          after: '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>',
        },
      ]),
    read: (file) => {
      expect(file.table.headerRow).toBe(3);
      expect(file.table.rows).toEqual([['Ada', 'ada@example.org', 'HEO']]);
      expect(file.warnings[0].message).toContain('mentors.xlsx › Mentors: the header is row 3');
    },
  },
  {
    name: 'a million ",,,," lines after the data',
    source: 'mentors.csv',
    bytes: () => text('a,b,c,d,e\r\n1,2,3,4,5\r\n' + ',,,,\r\n'.repeat(1_000_000)),
    read: (file) => {
      expect(file.table.rows).toEqual([['1', '2', '3', '4', '5']]);
      expect(file.warnings.map((w) => w.message)).toEqual([
        'mentors.csv: left out 1,000,000 blank rows at the end (rows 3–1,000,002).',
      ]);
    },
  },
  {
    name: 'a stray value at A1048576',
    source: 'mentors.xlsx',
    bytes: () =>
      buildXlsx([
        {
          name: 'Mentors',
          sheetData:
            simpleSheetData([
              ['name', 'email'],
              ['Ada', 'ada@example.org'],
            ]) + '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>',
        },
      ]),
    read: (file) => {
      expect(file.table.rows).toHaveLength(1);
      expect(file.warnings.map((w) => w.message)).toEqual([
        'mentors.xlsx › Mentors: left out A1048576 ("x"), 1,048,573 blank rows below the data (which ends at row 2). Delete it in Excel if it is not part of the table.',
      ]);
    },
  },
  {
    name: '16,384 header names over many rows of values',
    source: 'wide.csv',
    bytes: () => {
      const header = Array.from({ length: 16_384 }, (_, i) => `c${i}`).join(',');
      const row = ','.repeat(16_383) + 'x';
      return text(`${header}\n${`${row}\n`.repeat(1_300)}`);
    },
    refused: {
      code: 'too-large',
      says: [
        'wide.csv: at row 1,221 the table reaches 20,004,864 cells (16,384 columns), more than the limit of 20,000,000.',
      ],
    },
  },
  {
    name: 'empty unnamed columns at the right (an Excel export)',
    source: 'mentors.csv',
    bytes: () => text('name,email,,,\r\nAda,ada@example.org,,,\r\n'),
    read: (file) => {
      expect(file.table.header).toEqual(['name', 'email']);
      expect(file.warnings.map((w) => w.message)).toEqual([
        'mentors.csv: left out 3 empty columns at the right with no name (C–E).',
      ]);
    },
  },
  {
    name: '"email address" and "Email Address"',
    source: 'mentors.csv',
    bytes: () => text('email address,name,Email  Address\r\na@x,Ada,b@x\r\n'),
    refused: {
      code: 'duplicate-header',
      says: [
        'mentors.csv: the header row (row 1) has "email address" (column A) and "Email  Address" (column C), names that differ only in case or spacing',
      ],
    },
  },
  {
    name: 'a hidden first sheet with data',
    source: 'mentors.xlsx',
    bytes: () => {
      const bytes = buildXlsx([
        {
          name: 'Old',
          sheetData: simpleSheetData([
            ['name', 'email'],
            ['Old', 'old@x'],
          ]),
        },
        {
          name: 'Mentors',
          sheetData: simpleSheetData([
            ['name', 'email'],
            ['Ada', 'ada@x'],
          ]),
        },
      ]);
      const parts = unzipSync(bytes);
      const workbook = new TextDecoder()
        .decode(parts['xl/workbook.xml'])
        .replace('name="Old"', 'name="Old" state="hidden"');
      return zipSync({ ...parts, 'xl/workbook.xml': strToU8(workbook) });
    },
    read: (file) => {
      expect(file.sheet).toBe('Mentors');
      expect(file.table.rows).toEqual([['Ada', 'ada@x']]);
      expect(file.sheets.map((s) => [s.name, s.visibility])).toEqual([
        ['Old', 'hidden'],
        ['Mentors', 'visible'],
      ]);
      expect(file.warnings.map((w) => w.message)).toEqual([
        'mentors.xlsx has a hidden sheet, "Old", which was not read; read "Mentors", the first visible sheet with data. Name a sheet to read another.',
      ]);
    },
  },
  {
    name: 'an empty sheet and a chart sheet before the data',
    source: 'mentors.xlsx',
    bytes: () =>
      buildXlsx([
        { name: 'Cover', sheetData: '' },
        { name: 'Chart1', kind: 'chartsheet', xml: '<chartsheet/>' },
        {
          name: 'Mentors',
          sheetData: simpleSheetData([
            ['name', 'email'],
            ['Ada', 'ada@x'],
          ]),
        },
      ]),
    read: (file) => {
      expect(file.sheet).toBe('Mentors');
      expect(file.warnings.map((w) => w.message)).toEqual([
        'mentors.xlsx: read the sheet "Mentors", passing over "Cover" (empty) and "Chart1" (a chart sheet).',
      ]);
    },
  },
  {
    name: 'data only on hidden sheets',
    source: 'mentors.xlsx',
    bytes: () => {
      const parts = unzipSync(
        buildXlsx([
          { name: 'Blank', sheetData: '' },
          {
            name: 'Data',
            sheetData: simpleSheetData([
              ['a', 'b'],
              [1, 2],
            ]),
          },
        ]),
      );
      const workbook = new TextDecoder()
        .decode(parts['xl/workbook.xml'])
        .replace('name="Data"', 'name="Data" state="veryHidden"');
      return zipSync({ ...parts, 'xl/workbook.xml': strToU8(workbook) });
    },
    refused: {
      code: 'missing-sheet',
      says: ['mentors.xlsx has no visible sheet with data; its hidden sheet is "Data"'],
    },
  },
  {
    name: 'a header and no data rows',
    source: 'mentors.csv',
    bytes: () => text('name,email\r\n'),
    read: (file) => {
      expect(file.table.header).toEqual(['name', 'email']);
      expect(file.table.rows).toHaveLength(0);
    },
  },
  {
    name: 'a header and no data rows, with requireRows',
    source: 'mentors.csv',
    bytes: () => text('name,email\r\n'),
    options: { requireRows: true },
    refused: { code: 'empty', says: ['mentors.csv has a header (row 1: "name" and "email") but no data rows.'] },
  },
  {
    name: '1,000,000 rows against maxRows 100',
    source: 'big.csv',
    bytes: () => text('n\n' + 'x\n'.repeat(1_000_000)),
    options: { maxRows: 100 },
    refused: {
      code: 'too-many-rows',
      says: ['big.csv has more than 100 data rows, the limit (row 102 is beyond it).'],
    },
  },
];

describe('the bad-file catalogue', () => {
  it.each(cases)('$name', (entry) => {
    const bytes = entry.bytes();
    const started = performance.now();
    const run = () => readTableFile(bytes, { source: entry.source, ...entry.options });
    if (entry.refused) {
      const error = readError(run);
      expect(error.code).toBe(entry.refused.code);
      for (const said of entry.refused.says) expect(error.message).toContain(said);
    } else {
      entry.read!(run());
    }
    if (entry.within !== undefined) expect(performance.now() - started).toBeLessThan(entry.within);
  });
});
