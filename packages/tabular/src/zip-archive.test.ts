import { inflateSync, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readError } from '../test/read-error.js';
import { buildXlsx, simpleSheetData } from '../test/xlsx-fixture.js';
import { deflateBomb, rawZip, type RawZipEntry } from './testing/zip-bomb.js';
import { readXlsx } from './xlsx-read.js';
import { DEFAULT_ZIP_LIMITS, ZipArchive } from './zip-archive.js';

const source = 'signups.xlsx';

/** A valid workbook whose first worksheet part is replaced by `sheet`. */
function workbookWithSheet(sheet: Omit<RawZipEntry, 'name'>): Uint8Array {
  const parts = unzipSync(buildXlsx([{ name: 'Mentors', sheetData: simpleSheetData([['name'], ['Ada']]) }]));
  const entries: RawZipEntry[] = Object.entries(parts).map(([name, data]) =>
    name === 'xl/worksheets/sheet1.xml' ? { name, ...sheet } : { name, method: 0, data, size: data.length },
  );
  return rawZip(entries);
}

describe('the zip bomb fixture', () => {
  it('unpacks to the size it claims, all zeros', () => {
    const bomb = deflateBomb(500);
    const out = inflateSync(bomb.data);
    expect(out.length).toBe(bomb.size);
    expect(out.every((byte) => byte === 0)).toBe(true);
    expect(bomb.size / bomb.data.length).toBeGreaterThan(500);
  });

  it('makes a workbook that reads when the sheet part is honest', () => {
    const xml = strToU8(
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>n</t></is></c></row></sheetData></worksheet>',
    );
    expect(readXlsx(workbookWithSheet({ method: 0, data: xml, size: xml.length }), { source }).header).toEqual(['n']);
  });
});

describe('zip bombs', () => {
  // 0.9 MB that unpacks to about 930 MB.
  const bomb = deflateBomb(900_000);

  it('refuses a 0.9 MB bomb that declares its size, before inflating, well under a second', () => {
    const bytes = workbookWithSheet({ method: 8, data: bomb.data, size: bomb.size });
    expect(bytes.length).toBeLessThan(1_000_000);
    const started = performance.now();
    const error = readError(() => readXlsx(bytes, { source }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.code).toBe('zip-bomb');
    expect(error.message).toContain('signups.xlsx: the part xl/worksheets/sheet1.xml expands too much');
    expect(error.message).toContain('more than the limit of 268,435,456 bytes');
  });

  it('refuses a bomb that declares a small size as soon as it unpacks past it', () => {
    const bytes = workbookWithSheet({ method: 8, data: bomb.data, size: 10_000 });
    const started = performance.now();
    const error = readError(() => readXlsx(bytes, { source }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.code).toBe('zip-bomb');
    expect(error.message).toBe(
      'signups.xlsx: the part xl/worksheets/sheet1.xml unpacks to more than the 10,000 bytes its zip entry declares, so the file was refused (it is damaged or built to exhaust memory).',
    );
  });

  it('refuses a part that declares a size within the limits but over 100 times its compressed size', () => {
    const small = deflateBomb(20_000); // about 20 KB unpacking to about 20 MB
    const bytes = workbookWithSheet({ method: 8, data: small.data, size: small.size });
    const error = readError(() => readXlsx(bytes, { source }));
    expect(error.code).toBe('zip-bomb');
    expect(error.message).toContain(`over 100 times its ${small.data.length.toLocaleString('en')} compressed bytes`);
  });

  it('stops a lying part by the running ratio even when the declared size is generous', () => {
    const small = deflateBomb(20_000);
    // Declares 100 times its compressed size: passes the check before inflating, not the one during.
    const bytes = workbookWithSheet({ method: 8, data: small.data, size: small.data.length * 100 });
    const error = readError(() => readXlsx(bytes, { source }));
    expect(error.code).toBe('zip-bomb');
  });

  it('caps one part at maxEntryBytes and all parts at maxUncompressedBytes, counting what is unpacked', () => {
    const text = strToU8(`<worksheet><sheetData>${'<row/>'.repeat(50_000)}</sheetData></worksheet>`);
    const stored = workbookWithSheet({ method: 0, data: text, size: text.length });
    expect(readError(() => readXlsx(stored, { source, maxEntryBytes: 100_000 })).message).toContain(
      'more than the limit of 100,000 bytes',
    );
    expect(readError(() => readXlsx(stored, { source, maxUncompressedBytes: 200_000 })).code).toBe('zip-bomb');
  });

  it('keeps the Apache POI ratio and a 256 MiB part cap by default', () => {
    expect(DEFAULT_ZIP_LIMITS).toEqual({
      maxEntries: 10_000,
      maxUncompressedBytes: 1024 ** 3,
      maxEntryBytes: 256 * 1024 ** 2,
      maxCompressionRatio: 100,
    });
  });
});

describe('ZipArchive', () => {
  it('refuses an encrypted part, saying to remove the password', () => {
    const bytes = rawZip([{ name: 'a.xml', method: 0, data: strToU8('<a/>'), size: 4 }]);
    // General-purpose flag bit 0 (encrypted), in the central directory record.
    const view = new DataView(bytes.buffer);
    let central = bytes.length - 22;
    while (view.getUint32(central, true) !== 0x02014b50) central--;
    view.setUint16(central + 8, 1, true);
    const archive = ZipArchive.open(bytes, 'x.xlsx', DEFAULT_ZIP_LIMITS);
    expect(readError(() => archive.read('a.xml')).message).toContain('is encrypted');
  });

  it('refuses a compression method it does not know, naming it', () => {
    const bytes = rawZip([{ name: 'a.xml', method: 8, data: strToU8('<a/>'), size: 4 }]);
    const view = new DataView(bytes.buffer);
    let central = bytes.length - 22;
    while (view.getUint32(central, true) !== 0x02014b50) central--;
    view.setUint16(central + 10, 9, true);
    const archive = ZipArchive.open(bytes, 'x.xlsx', DEFAULT_ZIP_LIMITS);
    expect(readError(() => archive.read('a.xml')).message).toContain('zip compression method 9');
  });

  it('says a zip whose central directory points past its end is damaged', () => {
    const bytes = rawZip([{ name: 'a.xml', method: 0, data: strToU8('<a/>'), size: 4 }]);
    new DataView(bytes.buffer).setUint32(bytes.length - 6, 1_000_000, true);
    const error = readError(() => ZipArchive.open(bytes, 'x.xlsx', DEFAULT_ZIP_LIMITS));
    expect(error.code).toBe('not-zip');
    expect(error.message).toContain('zip structure is damaged');
  });
});
