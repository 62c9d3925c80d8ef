// Files a coordinator might choose on the standalone page, built in the test: a CSV saved by Excel
// as "CSV (Comma delimited)" (Windows-1252), workbooks with notes, title lines, empty, chart and
// hidden sheets (tabular's writer, then the workbook part edited with fflate), and a zip bomb built
// by tabular's own test builders (`@mentor-matcher/tabular/testing`): one DEFLATE block in which
// every zero byte of the stream unpacks to 1,032 bytes, so 0.9 MB unpacks to about 930 MB.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv, writeXlsx, type Cell } from '@mentor-matcher/tabular';
import { deflateBomb, rawZip } from '@mentor-matcher/tabular/testing';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const fixtures = join(import.meta.dirname, '../fixtures');

/** A fixture file's text (mentors.csv, mentees.csv: 50 people each). */
export function fixtureText(name: 'mentors.csv' | 'mentees.csv'): string {
  return readFileSync(join(fixtures, name), 'utf8');
}

/** A fixture as sheet rows: its header, then its data. */
export function fixtureRows(name: 'mentors.csv' | 'mentees.csv'): Cell[][] {
  const table = readCsv(fixtureText(name), { source: name });
  return [[...table.header], ...table.rows.map((row) => [...row])];
}

/** mentors.csv with its first mentor renamed Zoë, saved as Excel's "CSV (Comma delimited)". */
export function mentorsWithZoe(): Uint8Array {
  return windows1252(fixtureText('mentors.csv').replace('\nmentor,00,', '\nZoë,00,'));
}

/** Text as Excel's "CSV (Comma delimited)" writes it in Western Europe: one byte per character. */
export function windows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Only the Latin-1 part of Windows-1252 is needed here; where the two agree, the byte is the code.
    if (code > 0xff || (code >= 0x80 && code < 0xa0)) throw new Error(`Not written here: U+${code.toString(16)}`);
    bytes[i] = code;
  }
  return bytes;
}

export interface SheetSpec {
  readonly name: string;
  /** Rows from the sheet's first row on; [] for an empty sheet. */
  readonly rows?: readonly (readonly Cell[])[];
  readonly hidden?: boolean;
  /** A chart sheet (no cells at all). */
  readonly chart?: boolean;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook with these sheets, in this tab order. */
export function workbook(sheets: readonly SheetSpec[]): Uint8Array {
  const worksheets = sheets.filter((s) => !s.chart);
  const bytes = writeXlsx(
    worksheets.map((s) => {
      const [first = [], ...rest] = s.rows ?? [];
      return { name: s.name, table: { header: first.map((c) => (c === null ? '' : String(c))), rows: rest } };
    }),
  );
  const parts = unzipSync(bytes);
  let book = strFromU8(parts['xl/workbook.xml']);
  let rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
  const entries: string[] = [];
  let charts = 0;
  for (const sheet of sheets) {
    if (sheet.chart) {
      charts++;
      const rel = `rIdChart${charts}`;
      rels = rels.replace(
        '</Relationships>',
        `<Relationship Id="${rel}" Type="${REL}/chartsheet" Target="chartsheets/sheet${charts}.xml"/></Relationships>`,
      );
      parts[`xl/chartsheets/sheet${charts}.xml`] = strToU8(
        '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews/></chartsheet>',
      );
      entries.push(`<sheet name="${sheet.name}" sheetId="${100 + charts}" r:id="${rel}"/>`);
      continue;
    }
    const entry = new RegExp(`<sheet name="${sheet.name}"[^>]*/>`).exec(book)?.[0];
    if (!entry) throw new Error(`No sheet ${sheet.name} in the written workbook.`);
    entries.push(sheet.hidden ? entry.replace('<sheet ', '<sheet state="hidden" ') : entry);
  }
  book = book.replace(/<sheets>.*<\/sheets>/, `<sheets>${entries.join('')}</sheets>`);
  parts['xl/workbook.xml'] = strToU8(book);
  parts['xl/_rels/workbook.xml.rels'] = strToU8(rels);
  return zipSync(parts);
}

/** A workbook whose one sheet is a 0.9 MB zip bomb (about 930 MB unpacked), declaring its true size. */
export function zipBombWorkbook(): Uint8Array {
  const bomb = deflateBomb(900_000);
  const parts = unzipSync(
    workbook([
      {
        name: 'Mentors',
        rows: [
          ['name', 'email'],
          ['Ada', 'ada@x.org'],
        ],
      },
    ]),
  );
  return rawZip(
    Object.entries(parts).map(([name, data]) =>
      name === 'xl/worksheets/sheet1.xml'
        ? { name, method: 8 as const, data: bomb.data, size: bomb.size }
        : { name, method: 0 as const, data, size: data.length },
    ),
  );
}
