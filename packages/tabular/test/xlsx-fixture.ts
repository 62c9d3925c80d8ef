// Hand-built XLSX files for reader tests: just the parts a test names, zipped with fflate, so each
// test shows exactly the SpreadsheetML it feeds the reader.
import { strToU8, zipSync } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface FixtureSheet {
  readonly name: string;
  /** The inside of <sheetData>. */
  readonly sheetData?: string;
  /** Anything after </sheetData> (mergeCells, …). */
  readonly after?: string;
  /** The whole worksheet part, instead of sheetData/after. */
  readonly xml?: string;
  readonly kind?: 'worksheet' | 'chartsheet';
}

export interface FixtureOptions {
  readonly sharedStrings?: readonly string[];
  /** Raw <si> elements, for rich text. */
  readonly sharedStringItems?: readonly string[];
  readonly date1904?: boolean;
  /** Custom number formats by id and cellXfs numFmtIds (style index = position). */
  readonly numFmts?: readonly { id: number; code: string }[];
  readonly cellXfs?: readonly number[];
  readonly extraFiles?: Record<string, string>;
}

export function buildXlsx(sheets: readonly FixtureSheet[], options: FixtureOptions = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, text: string) => (files[name] = strToU8(text));
  put(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  put(
    '_rels/.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const rels: string[] = [];
  const entries: string[] = [];
  sheets.forEach((sheet, index) => {
    const n = index + 1;
    const kind = sheet.kind ?? 'worksheet';
    const folder = kind === 'worksheet' ? 'worksheets' : 'chartsheets';
    rels.push(`<Relationship Id="rId${n}" Type="${REL}/${kind}" Target="${folder}/sheet${n}.xml"/>`);
    entries.push(`<sheet name="${sheet.name}" sheetId="${n}" r:id="rId${n}"/>`);
    put(
      `xl/${folder}/sheet${n}.xml`,
      sheet.xml ??
        `<worksheet xmlns="${MAIN}"><sheetData>${sheet.sheetData ?? ''}</sheetData>${sheet.after ?? ''}</worksheet>`,
    );
  });
  const items =
    options.sharedStringItems ?? options.sharedStrings?.map((s) => `<si><t xml:space="preserve">${s}</t></si>`);
  if (items) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/>`);
    put('xl/sharedStrings.xml', `<sst xmlns="${MAIN}" count="${items.length}">${items.join('')}</sst>`);
  }
  if (options.cellXfs) {
    rels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>`);
    const numFmts = (options.numFmts ?? [])
      .map(
        (f) => `<numFmt numFmtId="${f.id}" formatCode="${f.code.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"/>`,
      )
      .join('');
    const xfs = options.cellXfs.map((id) => `<xf numFmtId="${id}" fontId="0"/>`).join('');
    put(
      'xl/styles.xml',
      `<styleSheet xmlns="${MAIN}"><numFmts>${numFmts}</numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs>${xfs}</cellXfs></styleSheet>`,
    );
  }
  put(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  put(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${entries.join('')}</sheets></workbook>`,
  );
  for (const [name, text] of Object.entries(options.extraFiles ?? {})) put(name, text);
  return zipSync(files);
}

/** A sheet from rows of inline-string / number cells, for quick cases. */
export function simpleSheetData(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">` +
        row
          .map((cell, c) => {
            const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
            if (cell === null) return '';
            if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
            return `<c r="${ref}" t="inlineStr"><is><t>${cell}</t></is></c>`;
          })
          .join('') +
        '</row>',
    )
    .join('');
}
