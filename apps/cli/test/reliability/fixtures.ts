// Fixture builders for the bad-input catalogue: tables as plain rows, written as CSV bytes exactly
// as a test needs them (BOM, CRLF, invalid UTF-8) or as XLSX packages built by hand with fflate, so
// that merged cells, formulas, dates and error values are real SpreadsheetML, not our writer's subset.
import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { readCsv } from '@mentor-matcher/tabular';
import { sampleMentees, sampleMentors } from '../run-cli.js';

export type Rows = string[][];

/** The shared 50 × 50 sample as rows of strings, header first. */
export function sampleRows(side: 'mentors' | 'mentees'): Rows {
  const table = readCsv(readFileSync(side === 'mentors' ? sampleMentors : sampleMentees), { source: side });
  return [[...table.header], ...table.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))))];
}

export function column(rows: Rows, name: string): number {
  const index = rows[0].indexOf(name);
  if (index < 0) throw new Error(`fixture: no column ${name}`);
  return index;
}

/** Returns a copy of `rows` with `name` set to `value` on data row `dataIndex` (0-based after the header). */
export function withCell(rows: Rows, dataIndex: number, name: string, value: string): Rows {
  const copy = rows.map((row) => [...row]);
  copy[dataIndex + 1][column(rows, name)] = value;
  return copy;
}

export function withoutColumn(rows: Rows, name: string): Rows {
  const index = column(rows, name);
  return rows.map((row) => row.filter((_, i) => i !== index));
}

export function withColumn(rows: Rows, name: string, valueFor: (dataIndex: number) => string): Rows {
  return rows.map((row, i) => [...row, i === 0 ? name : valueFor(i - 1)]);
}

export function emailOf(rows: Rows, dataIndex: number): string {
  return rows[dataIndex + 1][column(rows, 'email address')];
}

/** RFC 4180 text: every field quoted, so commas, quotes and line breaks inside cells survive. */
export function csvText(rows: Rows, lineBreak = '\n'): string {
  return rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join(lineBreak) + lineBreak;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// ---- hand-built XLSX ----

/** One cell of a hand-built sheet: text, a number (optionally date-styled), a formula with its cached value, or an error value. */
export type XCell =
  | string
  | number
  | { readonly date: number }
  | { readonly formula: string; readonly cached: string | number }
  | { readonly error: string }
  | null;

export interface XSheet {
  readonly name: string;
  readonly rows: readonly (readonly XCell[])[];
  /** Merged areas such as "G2:G4". */
  readonly merges?: readonly string[];
  /** Hidden in Excel (right-click the tab, Hide). */
  readonly hidden?: boolean;
}

const letters = (index: number): string => {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

const xml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function cellXml(cell: XCell, ref: string): string {
  if (cell === null || cell === '') return '';
  if (typeof cell === 'string')
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(cell)}</t></is></c>`;
  if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
  if ('date' in cell) return `<c r="${ref}" s="1"><v>${cell.date}</v></c>`;
  if ('error' in cell) return `<c r="${ref}" t="e"><v>${xml(cell.error)}</v></c>`;
  const type = typeof cell.cached === 'string' ? ' t="str"' : '';
  return `<c r="${ref}"${type}><f>${xml(cell.formula)}</f><v>${xml(String(cell.cached))}</v></c>`;
}

function sheetXml(sheet: XSheet): string {
  const rows = sheet.rows
    .map((row, r) => `<row r="${r + 1}">${row.map((cell, c) => cellXml(cell, `${letters(c)}${r + 1}`)).join('')}</row>`)
    .join('');
  const merges = sheet.merges?.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${merges}</worksheet>`;
}

/** A minimal but complete workbook: content types, relationships, a styles part with a date format (numFmt 14) as style 1. */
export function xlsxBytes(sheets: readonly XSheet[]): Uint8Array {
  const ns = 'http://schemas.openxmlformats.org';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets>${sheets
        .map(
          (s, i) =>
            `<sheet name="${xml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
        )
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          '',
        )}<Relationship Id="rId${sheets.length + 1}" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${ns}/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
  };
  sheets.forEach((sheet, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet))));
  return zipSync(files);
}
