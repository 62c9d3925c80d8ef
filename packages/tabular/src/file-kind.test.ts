import fc from 'fast-check';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readError } from '../test/read-error.js';
import { buildXlsx, simpleSheetData } from '../test/xlsx-fixture.js';
import { readCsv } from './csv-read.js';
import { sniffFileKind, type FileKind } from './file-kind.js';
import { readTableFile } from './read-table-file.js';
import { readXlsx } from './xlsx-read.js';

const text = (value: string) => new TextEncoder().encode(value);
const bytes = (...values: number[]) => new Uint8Array([...values, ...text(' and the rest of the file')]);
/** An OLE2 compound file with a directory entry named `stream` (names are UTF-16 LE there). */
const compoundFile = (stream: string) =>
  new Uint8Array([
    0xd0,
    0xcf,
    0x11,
    0xe0,
    0xa1,
    0xb1,
    0x1a,
    0xe1,
    ...new Array(500).fill(0),
    ...[...stream].flatMap((c) => [c.charCodeAt(0), 0]),
  ]);

const workbook = buildXlsx([
  {
    name: 'Mentors',
    sheetData: simpleSheetData([
      ['name', 'email'],
      ['Ada', 'ada@example.org'],
    ]),
  },
]);

const cases: [string, Uint8Array, FileKind, string][] = [
  [
    'a PDF',
    text('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
    'pdf',
    'signups.pdf: this looks like a PDF file, not a spreadsheet. Save the sign-ups as .xlsx or .csv and try again.',
  ],
  [
    'a PNG',
    bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    'png',
    'signups.pdf: this looks like a PNG image, not a spreadsheet. A picture of a table cannot be read. Save the sign-ups as .xlsx or .csv and try again.',
  ],
  ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), 'jpeg', 'a JPEG image'],
  ['a GIF', text('GIF89a\u0001\u0000'), 'gif', 'a GIF image'],
  [
    'a Word document',
    zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }),
    'docx',
    'signups.pdf: this looks like a Word document (.docx), not a spreadsheet. Save the sign-ups as .xlsx or .csv and try again.',
  ],
  [
    'a PowerPoint file',
    zipSync({ 'ppt/presentation.xml': strToU8('<p/>') }),
    'pptx',
    'a PowerPoint presentation (.pptx)',
  ],
  [
    'an OpenDocument spreadsheet',
    zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') }),
    'ods',
    'Save it as "Excel 2007-365 (.xlsx)" or CSV',
  ],
  [
    'a zip of other files',
    zipSync({ 'notes.txt': strToU8('hello') }),
    'zip',
    'Unzip it and load the .xlsx or .csv inside',
  ],
  [
    'an old .xls',
    compoundFile('Workbook'),
    'xls',
    'signups.pdf: this looks like an Excel 97–2003 workbook (.xls), not a spreadsheet. Open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8", then try again.',
  ],
  ['a password-protected workbook', compoundFile('EncryptedPackage'), 'encrypted-office', 'remove the password'],
  ['an old .doc', compoundFile('WordDocument'), 'doc', 'a Word 97–2003 document (.doc)'],
  [
    'JSON',
    text('{"mentors": [{"name": "Ada"}]}'),
    'json',
    'signups.pdf: this looks like a JSON file, not a spreadsheet. Save the sign-ups as .xlsx or .csv and try again.',
  ],
  ['a JSON array', text('\uFEFF[{"name": "Ada"}]'), 'json', 'a JSON file'],
  ['a web page', text('<!DOCTYPE html><html><body><table></table></body></html>'), 'html', 'a web page (HTML)'],
  [
    'an Excel 2003 XML file',
    text(
      '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
    ),
    'excel-xml',
    'an Excel 2003 XML spreadsheet',
  ],
  ['RTF', text('{\\rtf1\\ansi hello}'), 'rtf', 'a Rich Text document (.rtf)'],
  ['gzip', gzipSync(text('name,email\n')), 'gzip', 'a compressed (gzip) file'],
  [
    'binary',
    bytes(0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x7f, 0x00, 0x00, 0x00),
    'binary',
    'a binary file, not text',
  ],
];

describe('sniffFileKind and the refusal of files that are not tables', () => {
  it.each(cases)('refuses %s by its content, saying what it is and what to save instead', (_, input, kind, said) => {
    expect(sniffFileKind(input).kind).toBe(kind);
    const error = readError(() => readTableFile(input, { source: 'signups.pdf' }));
    expect(error.message).toContain(said);
    // The same refusal whichever reader an adapter called by the file's name.
    expect(readError(() => readCsv(input, { source: 'signups.pdf' })).message).toBe(error.message);
    expect(readError(() => readXlsx(input, { source: 'signups.pdf' })).message).toBe(error.message);
  });

  it('gives the old codes to the files that had them', () => {
    expect(readError(() => readTableFile(compoundFile('Workbook'), { source: 'x.xls' })).code).toBe('legacy-xls');
    expect(readError(() => readTableFile(text('%PDF-1.4'), { source: 'x.pdf' })).code).toBe('not-a-spreadsheet');
  });

  it('takes CSV text that merely starts with a bracket or a tag-like word for CSV', () => {
    expect(sniffFileKind(text('[name],[email]\n[Ada],[a@x]\n')).kind).toBe('csv');
    expect(sniffFileKind(text('<name>,email\nAda,a@x\n')).kind).toBe('csv');
    expect(sniffFileKind(text('first name,email\n')).kind).toBe('csv');
  });

  it('tells a workbook from other zips, and a damaged zip goes to the workbook reader', () => {
    expect(sniffFileKind(workbook)).toEqual({ kind: 'xlsx', reader: 'xlsx', description: 'an Excel workbook (.xlsx)' });
    expect(sniffFileKind(workbook.slice(0, 200)).reader).toBe('xlsx');
  });

  it('says what any bytes are without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (input) => void sniffFileKind(input)),
      { numRuns: 500 },
    );
  });
});

describe('readTableFile', () => {
  it('reads a workbook by its content, whatever its name, listing its sheets', () => {
    const read = readTableFile(workbook, { source: 'signups.csv' });
    expect(read.format).toBe('xlsx');
    expect(read.sheet).toBe('Mentors');
    expect(read.table.rows).toEqual([['Ada', 'ada@example.org']]);
    expect(read.sheets).toEqual([
      { name: 'Mentors', index: 0, kind: 'worksheet', visible: true, visibility: 'visible' },
    ]);
    expect(read.warnings).toEqual([]);
  });

  it('reads CSV, saying which encoding and separator it used and what it assumed', () => {
    const read = readTableFile(new Uint8Array([...text('name;org\r\nZo'), 0xeb, ...text(';HMRC\r\n')]), {
      source: 'signups.csv',
    });
    expect(read).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', sheets: [] });
    expect(read.table.rows).toEqual([['Zoë', 'HMRC']]);
    expect(read.warnings.map((w) => w.code)).toEqual(['encoding-assumed']);
  });

  it('says so when a sheet is named for a CSV file, which has none, and reads the file as it is', () => {
    const read = readTableFile(text('name,org\r\nAda,HMRC\r\n'), { source: 'signups.csv', sheet: 'Mentors' });
    expect(read.table.rows).toEqual([['Ada', 'HMRC']]);
    expect(read.warnings).toEqual([
      {
        code: 'sheet-ignored',
        source: 'signups.csv',
        message: 'signups.csv is a CSV file, which has no sheets; the sheet "Mentors" that was named is not used',
      },
    ]);
    expect(read.table.warnings).toEqual(read.warnings);
  });

  it('says an empty file is empty', () => {
    const error = readError(() => readTableFile(new Uint8Array(0), { source: 'signups.csv' }));
    expect(error.code).toBe('empty');
    expect(error.message).toBe('signups.csv is empty: it has no header row and no data.');
  });

  it('passes the sheet and header options to the workbook reader', () => {
    const two = buildXlsx([
      {
        name: 'A',
        sheetData: simpleSheetData([
          ['x', 'y'],
          [1, 2],
        ]),
      },
      { name: 'B', sheetData: simpleSheetData([['note'], ['p', 'q'], ['r', 's']]) },
    ]);
    const read = readTableFile(two, { source: 'w.xlsx', sheet: 'B', headerRow: 2 });
    expect(read.sheet).toBe('B');
    expect(read.table.header).toEqual(['p', 'q']);
  });
});
