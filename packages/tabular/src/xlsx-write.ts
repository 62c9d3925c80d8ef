// XLSX writer: the smallest workbook Excel opens without repairs (ECMA-376 Part 1), one worksheet
// per sheet, each an Excel table with a filter, a frozen bold header row and column widths.
//
// Text is always written as an inline string (t="inlineStr"), never as a formula, so "=1+2",
// "+1234" or "=HYPERLINK(…)" appear exactly as typed; text cells carry the "@" (Text) number format
// so that editing them in Excel keeps them text.
import { zipSync } from 'fflate';
import { z } from 'zod';
import { cellAddress } from './cell-address.js';
import { encodeOoxmlString } from './ooxml-string.js';
import { checkedContent } from './table-content.js';
import type { Cell, TableContent } from './table.js';
import { Utf8Builder } from './utf8-builder.js';
import { uniqueSheetNames, uniqueTableNames } from './xlsx-names.js';
import { encodeXmlText } from './xml-tokenizer.js';

export const xlsxSheetSpecSchema = z.object({
  /** Wanted sheet name; made valid and unique (see README). */
  name: z.string(),
  table: z.custom<TableContent>(
    (value) => typeof value === 'object' && value !== null,
    'expected a Table or { header, rows }',
  ),
  /** Column widths in characters (Excel's unit); estimated from the content when omitted. */
  columnWidths: z.array(z.number().positive().max(255)).optional(),
  /** Columns (0-based) whose empty and future cells are formatted as Text ("@"), or 'all'. */
  textColumns: z.union([z.literal('all'), z.array(z.number().int().nonnegative())]).optional(),
});
export type XlsxSheetSpec = z.input<typeof xlsxSheetSpecSchema>;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Style indices into cellXfs (see STYLES). */
const STYLE_HEADER = 1;
const STYLE_TEXT = 2;

const STYLES = `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>\
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>`;

/** The workbook's bytes. Throws TypeError for a spec or a cell that cannot be written. */
export function writeXlsx(sheets: readonly XlsxSheetSpec[]): Uint8Array {
  const parsed = z.array(xlsxSheetSpecSchema).min(1, 'a workbook needs at least one sheet').safeParse(sheets);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TypeError(
      `writeXlsx: sheets${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${issue.message}`,
    );
  }
  const specs = parsed.data;
  const names = uniqueSheetNames(specs.map((spec) => spec.name));
  const tableNames = uniqueTableNames(names);
  const files: Record<string, Uint8Array> = Object.create(null);
  // Some readers expect [Content_Types].xml to be the first entry; keys keep insertion order.
  files['[Content_Types].xml'] = new Uint8Array(0);
  const encoder = new TextEncoder();
  const put = (name: string, xml: string) => {
    files[name] = encoder.encode(xml);
  };

  const overrides: string[] = [
    override('/xl/workbook.xml', `${CONTENT_TYPE}.sheet.main+xml`),
    override('/xl/styles.xml', `${CONTENT_TYPE}.styles+xml`),
  ];
  const workbookRels: string[] = [];
  const sheetEntries: string[] = [];
  let tableCount = 0;

  specs.forEach((spec, index) => {
    const n = index + 1;
    const content = checkedContent(spec.table as TableContent, `writeXlsx: sheets[${index}].table`);
    const hasTable = isValidTableHeader(content.header) && content.rows.length > 0;
    const tableId = hasTable ? ++tableCount : 0;
    files[`xl/worksheets/sheet${n}.xml`] = worksheetXml(content, spec, hasTable);
    overrides.push(override(`/xl/worksheets/sheet${n}.xml`, `${CONTENT_TYPE}.worksheet+xml`));
    workbookRels.push(relationship(`rId${n}`, 'worksheet', `worksheets/sheet${n}.xml`));
    sheetEntries.push(`<sheet name="${encodeXmlText(names[index])}" sheetId="${n}" r:id="rId${n}"/>`);
    if (hasTable) {
      put(`xl/tables/table${tableId}.xml`, tableXml(content, tableId, tableNames[index]));
      put(
        `xl/worksheets/_rels/sheet${n}.xml.rels`,
        relationshipsXml([relationship('rId1', 'table', `../tables/table${tableId}.xml`)]),
      );
      overrides.push(override(`/xl/tables/table${tableId}.xml`, `${CONTENT_TYPE}.table+xml`));
    }
  });
  workbookRels.push(relationship(`rId${specs.length + 1}`, 'styles', 'styles.xml'));

  put(
    '[Content_Types].xml',
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      overrides.join('') +
      '</Types>',
  );
  put('_rels/.rels', relationshipsXml([relationship('rId1', 'officeDocument', 'xl/workbook.xml')]));
  put(
    'xl/workbook.xml',
    `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/>` +
      `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheetEntries.join('')}</sheets></workbook>`,
  );
  put('xl/_rels/workbook.xml.rels', relationshipsXml(workbookRels));
  put('xl/styles.xml', STYLES);
  // A fixed entry time (fflate stamps the current time otherwise) so the same tables give
  // byte-identical workbooks: results must be reproducible and diffable.
  return zipSync(files, { level: 6, mtime: FIXED_ENTRY_TIME });
}

const FIXED_ENTRY_TIME = new Date(2000, 0, 1);

/** Excel tables need a header of unique (ignoring case), non-empty names. */
function isValidTableHeader(header: readonly string[]): boolean {
  if (header.length === 0 || header.some((name) => name === '')) return false;
  return new Set(header.map((name) => name.toLowerCase())).size === header.length;
}

function worksheetXml(content: TableContent, spec: z.infer<typeof xlsxSheetSpecSchema>, hasTable: boolean): Uint8Array {
  const { header, rows } = content;
  const width = header.length;
  const textColumns = new Set(spec.textColumns === 'all' ? header.map((_, i) => i) : (spec.textColumns ?? []));
  const widths = spec.columnWidths ?? estimateWidths(content);
  const xml = new Utf8Builder();
  xml.append(`${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  if (width > 0) {
    xml.append(`<dimension ref="A1:${cellAddress(width - 1, rows.length + 1)}"/>`);
    xml.append(
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
    );
    xml.append('<cols>');
    for (let column = 0; column < width; column++) {
      const columnWidth = widths[column] ?? 10;
      const style = textColumns.has(column) ? ` style="${STYLE_TEXT}"` : '';
      xml.append(`<col min="${column + 1}" max="${column + 1}" width="${columnWidth}" customWidth="1"${style}/>`);
    }
    xml.append('</cols>');
  }
  xml.append('<sheetData>');
  if (width > 0) {
    xml.append('<row r="1">');
    header.forEach((name, column) => {
      if (name !== '') xml.append(inlineString(cellAddress(column, 1), name, STYLE_HEADER));
    });
    xml.append('</row>');
  }
  rows.forEach((row, index) => {
    const r = index + 2;
    xml.append(`<row r="${r}">`);
    for (let column = 0; column < row.length; column++) {
      const cell = cellXml(cellAddress(column, r), row[column]);
      if (cell !== '') xml.append(cell);
    }
    xml.append('</row>');
  });
  xml.append('</sheetData>');
  if (!hasTable && width > 0 && rows.length > 0)
    xml.append(`<autoFilter ref="A1:${cellAddress(width - 1, rows.length + 1)}"/>`);
  if (hasTable) xml.append('<tableParts count="1"><tablePart r:id="rId1"/></tableParts>');
  xml.append('</worksheet>');
  return xml.bytes();
}

function cellXml(address: string, cell: Cell): string {
  if (cell === null || cell === '') return '';
  if (typeof cell === 'string') return inlineString(address, cell, STYLE_TEXT);
  if (typeof cell === 'boolean') return `<c r="${address}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  return `<c r="${address}"><v>${Object.is(cell, -0) ? '-0' : String(cell)}</v></c>`;
}

function inlineString(address: string, text: string, style: number): string {
  return `<c r="${address}" t="inlineStr" s="${style}"><is><t xml:space="preserve">${encodeXmlText(encodeOoxmlString(text))}</t></is></c>`;
}

function tableXml(content: TableContent, id: number, name: string): string {
  const ref = `A1:${cellAddress(content.header.length - 1, content.rows.length + 1)}`;
  const columns = content.header
    .map((column, index) => `<tableColumn id="${index + 1}" name="${encodeAttribute(column)}"/>`)
    .join('');
  return (
    `${XML_DECLARATION}<table xmlns="${MAIN_NS}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${content.header.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

/** Widths in characters: the longest line in the header and the first 500 rows, plus room for the filter button. */
function estimateWidths(content: TableContent): number[] {
  const sample = content.rows.slice(0, 500);
  return content.header.map((name, column) => {
    let longest = longestLine(name) + 3;
    for (const row of sample) {
      const cell = row[column];
      if (cell !== null && cell !== undefined) longest = Math.max(longest, longestLine(String(cell)));
    }
    return Math.min(60, Math.max(8, longest + 1));
  });
}

function longestLine(text: string): number {
  return Math.max(...text.split(/\r\n|\r|\n/).map((line) => line.length));
}

/** Attribute values also escape tab and line breaks, which XML would otherwise turn into spaces. */
function encodeAttribute(text: string): string {
  return encodeXmlText(encodeOoxmlString(text)).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${target}"/>`;
}

function relationshipsXml(relationships: readonly string[]): string {
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">${relationships.join('')}</Relationships>`;
}

function override(partName: string, contentType: string): string {
  return `<Override PartName="${partName}" ContentType="${contentType}"/>`;
}
