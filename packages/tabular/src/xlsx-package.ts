// The package layer of an XLSX file (ECMA-376 Part 2, Open Packaging Conventions): XML parts in a
// zip, linked by relationship parts. Finds the workbook, its sheets and the shared parts.
import { TableReadError } from './table-read-error.js';
import { attribute, tokenizeXml, XmlSyntaxError, type XmlHandler } from './xml-tokenizer.js';
import { ZipArchive, type ZipLimits } from './zip-archive.js';

export interface SheetEntry {
  readonly name: string;
  /** Part name in the zip, e.g. `xl/worksheets/sheet1.xml`; undefined when its relationship is missing. */
  readonly part: string | undefined;
  readonly kind: 'worksheet' | 'chartsheet' | 'other';
  readonly hidden: boolean;
  /** The sheet's `state`: `hidden` sheets can be shown from Excel's menu, `veryHidden` only by a macro. */
  readonly visibility: 'visible' | 'hidden' | 'veryHidden';
}

export interface WorkbookPackage {
  readonly archive: ZipArchive;
  readonly source: string;
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
  readonly sharedStringsPart: string | undefined;
  readonly stylesPart: string | undefined;
}

interface Relationship {
  readonly target: string;
  readonly type: string;
}

export function openWorkbookPackage(bytes: Uint8Array, source: string, limits: ZipLimits): WorkbookPackage {
  const archive = ZipArchive.open(bytes, source, limits);
  const rootRels = archive.has('_rels/.rels')
    ? readRelationships(archive, source, '_rels/.rels', '')
    : new Map<string, Relationship>();
  const workbookPart =
    [...rootRels.values()].find((rel) => rel.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  if (workbookPart.toLowerCase().endsWith('.bin')) {
    throw new TableReadError(
      { code: 'not-xlsx', source },
      `${source} is an Excel binary workbook (.xlsb). Open it in Excel and save it as "Excel Workbook (.xlsx)".`,
    );
  }
  if (!archive.has(workbookPart)) {
    throw new TableReadError(
      { code: 'not-xlsx', source },
      `${source} is a zip archive but not an Excel workbook (it has no ${workbookPart}).`,
    );
  }
  const directory = workbookPart.includes('/') ? workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1) : '';
  const relsPart = `${directory}_rels/${workbookPart.slice(directory.length)}.rels`;
  const rels = archive.has(relsPart)
    ? readRelationships(archive, source, relsPart, directory)
    : new Map<string, Relationship>();

  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseXmlPart(archive, source, workbookPart, {
    open(name, attributes) {
      if (name === 'workbookPr') {
        const value = attribute(attributes, 'date1904');
        date1904 = value === '1' || value === 'true';
      } else if (name === 'sheet') {
        const rel = rels.get(attribute(attributes, 'id', true) ?? '');
        const type = rel?.type ?? '';
        const stateAttribute = attribute(attributes, 'state') ?? 'visible';
        const state = stateAttribute === 'hidden' || stateAttribute === 'veryHidden' ? stateAttribute : 'visible';
        sheets.push({
          name: attribute(attributes, 'name') ?? '',
          part: rel?.target,
          kind: type.endsWith('/worksheet')
            ? 'worksheet'
            : type.endsWith('/chartsheet')
              ? 'chartsheet'
              : rel
                ? 'other'
                : 'worksheet',
          hidden: state !== 'visible',
          visibility: state,
        });
      }
    },
    close() {},
    text() {},
  });
  const relOfType = (suffix: string) => [...rels.values()].find((rel) => rel.type.endsWith(suffix))?.target;
  return {
    archive,
    source,
    sheets,
    date1904,
    sharedStringsPart: relOfType('/sharedStrings'),
    stylesPart: relOfType('/styles'),
  };
}

function readRelationships(
  archive: ZipArchive,
  source: string,
  part: string,
  baseDirectory: string,
): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  parseXmlPart(archive, source, part, {
    open(name, attributes) {
      if (name !== 'Relationship' || attribute(attributes, 'TargetMode') === 'External') return;
      const id = attribute(attributes, 'Id');
      const target = attribute(attributes, 'Target');
      if (id === undefined || target === undefined) return;
      rels.set(id, { target: resolvePartName(baseDirectory, target), type: attribute(attributes, 'Type') ?? '' });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** A relationship target relative to `baseDirectory` (or absolute from the package root) as a part name. */
export function resolvePartName(baseDirectory: string, target: string): string {
  const segments = target.startsWith('/') ? [] : baseDirectory.split('/').filter((s) => s !== '');
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/** Tokenizes one part, turning decoding and syntax problems into a TableReadError naming the part. */
export function parseXmlPart(archive: ZipArchive, source: string, part: string, handler: XmlHandler): void {
  const bytes = archive.read(part);
  if (bytes === undefined) {
    throw new TableReadError(
      { code: 'not-xlsx', source },
      `${source}: the workbook refers to ${part}, which is not in the file.`,
    );
  }
  let xml: string | undefined;
  try {
    xml = decodeXmlBytes(bytes);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new TableReadError(
      { code: 'too-large', source },
      `${source}: ${part} is too large to read as text (${bytes.length.toLocaleString('en')} bytes).`,
    );
  }
  if (xml === undefined) {
    throw new TableReadError(
      { code: 'malformed-xml', source },
      `${source}: ${part} is not valid UTF-8 or UTF-16 text.`,
    );
  }
  try {
    tokenizeXml(xml, handler);
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      throw new TableReadError(
        { code: 'malformed-xml', source },
        `${source}: ${part} is not well-formed XML: ${error.message} (at character ${error.offset}).`,
      );
    }
    throw error;
  }
}

function decodeXmlBytes(bytes: Uint8Array): string | undefined {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    return undefined;
  }
}
