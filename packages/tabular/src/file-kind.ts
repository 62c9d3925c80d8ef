// What a file is, from its first bytes, so that a PDF, a Word document or a photo of a table is
// refused at once with a sentence saying what it is and what to save instead, rather than read as
// CSV and reported as "not valid UTF-8" or, worse, loaded as a table of garbage.
//
// Signatures: PDF "%PDF-" (ISO 32000-1 §7.5.2), PNG 89 50 4E 47 0D 0A 1A 0A, JPEG FF D8 FF, GIF
// "GIF87a"/"GIF89a", gzip 1F 8B, OLE2 compound file D0 CF 11 E0 A1 B1 1A E1 ([MS-CFB] §2.2, used by
// .xls, .doc and password-protected Office files), zip "PK" (then the entry names tell an .xlsx
// from a .docx, .pptx or .ods), RTF "{\rtf". Text formats (JSON, HTML, XML) by their first
// non-blank characters. Anything else is taken to be delimited text.
import { byteOrderMark, decodeText, detectUtf16 } from './text-encoding.js';
import { TableReadError } from './table-read-error.js';
import { zipEntryNames } from './zip-archive.js';

export type FileKind =
  | 'csv'
  | 'xlsx'
  | 'xlsb'
  | 'xls'
  | 'encrypted-office'
  | 'doc'
  | 'ods'
  | 'docx'
  | 'pptx'
  | 'zip'
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'gzip'
  | 'rtf'
  | 'json'
  | 'html'
  | 'excel-xml'
  | 'xml'
  | 'binary'
  | 'empty';

export interface SniffedFile {
  readonly kind: FileKind;
  /** Which reader takes it: 'csv' (delimited text), 'xlsx', or undefined when it is no table file. */
  readonly reader: 'csv' | 'xlsx' | undefined;
  /** What it is, in words: "a PDF file". */
  readonly description: string;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Looks at the bytes only (never the file name) and says what the file is. */
export function sniffFileKind(bytes: Uint8Array): SniffedFile {
  const kind = kindOf(bytes);
  return {
    kind,
    reader: kind === 'csv' ? 'csv' : kind === 'xlsx' ? 'xlsx' : undefined,
    description: DESCRIPTIONS[kind],
  };
}

function kindOf(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return compoundFileKind(bytes);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipKind(bytes);
  if (startsWith(bytes, ascii('{\\rtf'))) return 'rtf';
  const bom = byteOrderMark(bytes);
  if (bom === undefined && detectUtf16(bytes) === undefined && bytes.subarray(0, 4096).includes(0)) return 'binary';
  return textKind(bytes);
}

/** The stream names in an OLE2 directory are UTF-16 LE; the first one found says what the file holds. */
function compoundFileKind(bytes: Uint8Array): FileKind {
  const has = (name: string) => indexOfBytes(bytes, new Uint8Array(ascii(name).flatMap((c) => [c, 0]))) >= 0;
  if (has('EncryptedPackage')) return 'encrypted-office';
  if (has('WordDocument')) return 'doc';
  return 'xls';
}

function indexOfBytes(bytes: Uint8Array, pattern: Uint8Array): number {
  const first = pattern[0];
  for (let i = bytes.indexOf(first); i >= 0 && i + pattern.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < pattern.length && bytes[i + k] === pattern[k]) k++;
    if (k === pattern.length) return i;
  }
  return -1;
}

function zipKind(bytes: Uint8Array): FileKind {
  const names = zipEntryNames(bytes);
  // A damaged zip goes to the XLSX reader, whose message says what is damaged.
  if (names === undefined) return 'xlsx';
  const has = (pattern: RegExp) => names.some((name) => pattern.test(name));
  if (has(/^xl\/workbook\.xml$/i)) return 'xlsx';
  if (has(/^xl\/workbook\.bin$/i)) return 'xlsb';
  if (has(/^word\/document\.xml$/i)) return 'docx';
  if (has(/^ppt\/presentation\.xml$/i)) return 'pptx';
  if (has(/^mimetype$/i) && has(/^content\.xml$/i)) return 'ods';
  // An .xlsx whose workbook part has another name is found through _rels/.rels by the reader.
  if (has(/^_rels\/\.rels$/i) && has(/^xl\//i)) return 'xlsx';
  return 'zip';
}

function textKind(bytes: Uint8Array): FileKind {
  const decoded = decodeText(bytes.subarray(0, 4096), 'auto');
  // A cut in the middle of a character makes the sample invalid; the CSV reader judges the whole file.
  if (!decoded.ok) return 'csv';
  const start = decoded.text.replace(/^[\s\uFEFF]+/, '').slice(0, 512);
  const lower = start.toLowerCase();
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html')) return 'html';
  if (lower.startsWith('<?xml') || (/^<[a-z]/.test(lower) && lower.includes('</'))) {
    return /urn:schemas-microsoft-com:office:spreadsheet|<\?mso-application progid="excel\.sheet"\?>/i.test(
      decoded.text,
    )
      ? 'excel-xml'
      : lower.startsWith('<table')
        ? 'html'
        : 'xml';
  }
  if ((start.startsWith('{') || start.startsWith('[')) && looksLikeJson(bytes)) return 'json';
  return 'csv';
}

function looksLikeJson(bytes: Uint8Array): boolean {
  const decoded = decodeText(bytes.length <= 4 * 1024 * 1024 ? bytes : bytes.subarray(0, 4096), 'auto');
  if (!decoded.ok) return false;
  const text = decoded.text.trim();
  if (bytes.length > 4 * 1024 * 1024) return /^[[{]\s*("|\{|\[|\]|\})/.test(text);
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
}

const DESCRIPTIONS: Readonly<Record<FileKind, string>> = {
  csv: 'a CSV (delimited text) file',
  xlsx: 'an Excel workbook (.xlsx)',
  xlsb: 'an Excel binary workbook (.xlsb)',
  xls: 'an Excel 97–2003 workbook (.xls)',
  'encrypted-office': 'a password-protected Office file',
  doc: 'a Word 97–2003 document (.doc)',
  ods: 'an OpenDocument spreadsheet (.ods)',
  docx: 'a Word document (.docx)',
  pptx: 'a PowerPoint presentation (.pptx)',
  zip: 'a zip archive, not an Excel workbook',
  pdf: 'a PDF file',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  gzip: 'a compressed (gzip) file',
  rtf: 'a Rich Text document (.rtf)',
  json: 'a JSON file',
  html: 'a web page (HTML)',
  'excel-xml': 'an Excel 2003 XML spreadsheet',
  xml: 'an XML file',
  binary: 'a binary file, not text',
  empty: 'an empty file',
};

const SAVE_AS = 'Save the sign-ups as .xlsx or .csv and try again.';
const SAVE_FROM_EXCEL = 'Open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8", then try again.';

const ADVICE: Partial<Record<FileKind, string>> = {
  xlsb: SAVE_FROM_EXCEL,
  xls: SAVE_FROM_EXCEL,
  'excel-xml': SAVE_FROM_EXCEL,
  ods: 'Save it as "Excel 2007-365 (.xlsx)" or CSV, then try again.',
  'encrypted-office':
    'Open it in Excel, remove the password (File › Info › Protect Workbook), save it as .xlsx, then try again.',
  zip: 'Unzip it and load the .xlsx or .csv inside, or save the sign-ups as .xlsx or .csv.',
  png: 'A picture of a table cannot be read. ' + SAVE_AS,
  jpeg: 'A picture of a table cannot be read. ' + SAVE_AS,
  gif: 'A picture of a table cannot be read. ' + SAVE_AS,
};

/**
 * The TableReadError for a file that no reader here takes (undefined for CSV, XLSX and an empty
 * file, which the readers report themselves).
 */
export function refuseFileKind(sniffed: SniffedFile, source: string): TableReadError | undefined {
  if (sniffed.reader !== undefined || sniffed.kind === 'empty') return undefined;
  const code =
    sniffed.kind === 'xls' || sniffed.kind === 'encrypted-office'
      ? 'legacy-xls'
      : sniffed.kind === 'xlsb' || sniffed.kind === 'zip'
        ? 'not-xlsx'
        : 'not-a-spreadsheet';
  return new TableReadError(
    { code, source },
    `${source}: this looks like ${sniffed.description}, not a spreadsheet. ${ADVICE[sniffed.kind] ?? SAVE_AS}`,
  );
}
