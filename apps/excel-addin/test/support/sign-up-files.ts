// Files a coordinator might choose on the standalone page, built in the test: a CSV saved by Excel
// as "CSV (Comma delimited)" (Windows-1252), workbooks with notes, title lines, empty, chart and
// hidden sheets (tabular's writer, then the workbook part edited with fflate), and a zip bomb. The
// bomb is built as packages/tabular/test/zip-bomb.ts builds it (copied, not imported: tests do not
// reach into another package's test folder): one DEFLATE block in which every zero byte of the
// stream unpacks to 1,032 bytes, so 0.9 MB unpacks to about 930 MB.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv, writeXlsx, type Cell } from '@mentor-matcher/tabular';
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

class BitWriter {
  readonly bytes: number[] = [];
  private current = 0;
  bit = 0;

  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.current |= ((value >> i) & 1) << this.bit;
      if (++this.bit === 8) {
        this.bytes.push(this.current);
        this.current = 0;
        this.bit = 0;
      }
    }
  }

  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits((value >> i) & 1, 1);
  }

  finish(): Uint8Array {
    if (this.bit > 0) this.bytes.push(this.current);
    return new Uint8Array(this.bytes);
  }
}

/** A raw DEFLATE stream (RFC 1951) of `zeroBytes` zero bytes after its header; and its unpacked size. */
function deflateBomb(zeroBytes: number): { data: Uint8Array; size: number } {
  const w = new BitWriter();
  w.bits(1, 1); // BFINAL
  w.bits(2, 2); // dynamic Huffman
  w.bits(29, 5); // 286 literal/length codes
  w.bits(1, 5); // 2 distance codes
  w.bits(15, 4); // 19 code-length codes
  const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  const lengths = new Map([
    [18, 1],
    [1, 2],
    [2, 2],
  ]);
  for (const symbol of order) w.bits(lengths.get(symbol) ?? 0, 3);
  const length1 = () => w.code(0b10, 2);
  const length2 = () => w.code(0b11, 2);
  const zeros = (count: number) => {
    w.code(0, 1);
    w.bits(count - 11, 7);
  };
  length2(); // literal 0
  zeros(138);
  zeros(117); // literals 1–255 unused
  length2(); // end of block
  zeros(28); // lengths 257–284 unused
  length1(); // 285: length 258
  length1(); // distance 1
  length1(); // a second distance code, unused
  w.code(0b10, 2); // the literal zero
  let size = 1;
  while (w.bit !== 0) {
    w.code(0, 2); // copy 258 from distance 1
    size += 258;
  }
  const head = w.bytes.slice();
  w.bytes.length = 0;
  size += zeroBytes * 4 * 258; // each zero byte: four copies of 258
  w.code(0b11, 2); // end of block
  const tail = w.finish();
  const data = new Uint8Array(head.length + zeroBytes + tail.length);
  data.set(head, 0);
  data.set(tail, head.length + zeroBytes);
  return { data, size };
}

/** A zip (PKWARE APPNOTE §4.3) of the entries exactly as given, declared sizes included (CRCs 0). */
function rawZip(entries: readonly { name: string; method: 0 | 8; data: Uint8Array; size: number }[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, entry.method, true);
    lv.setUint32(18, entry.data.length, true);
    lv.setUint32(22, entry.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const record = new Uint8Array(46 + name.length);
    const cv = new DataView(record.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, entry.method, true);
    cv.setUint32(20, entry.data.length, true);
    cv.setUint32(24, entry.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    record.set(name, 46);
    chunks.push(local, entry.data);
    central.push(record);
    offset += local.length + entry.data.length;
  }
  const centralSize = central.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
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
