// Fuzzing the readers with hostile bytes: whatever a file holds (random bytes, a valid workbook with
// bytes flipped or cut short, CSV with any text), readCsv and readXlsx return a table or throw a
// TableReadError with a message; never another error, never a hang.
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  openXlsx,
  readCsv,
  readTableFile,
  readXlsx,
  TableReadError,
  writeCsv,
  writeXlsx,
  type Table,
} from '../../src/index.js';

function readsOrRefuses(read: () => Table): void {
  try {
    const table = read();
    expect(Array.isArray(table.header)).toBe(true);
  } catch (error) {
    expect(error).toBeInstanceOf(TableReadError);
    expect((error as Error).message.length).toBeGreaterThan(0);
  }
}

const sample: Table = {
  source: 'sample',
  header: ['first name', 'email address', 'grade', 'biography'],
  rows: [
    ['Ada', 'ada@example.org', 'SEO', 'Line one\nline "two", with a comma'],
    ['=cmd', 'bob@example.org', 7, null],
    ['Cleo', 'cleo@example.org', 'Grade 7', 'Émigré ✓ 🙂'],
  ],
  headerRow: 1,
  firstColumn: 0,
};
const workbook = writeXlsx([
  { name: 'People', table: sample },
  { name: 'Other', table: sample },
]);
const csvBytes = new TextEncoder().encode(writeCsv(sample));

const mutation = (length: number) =>
  fc.array(fc.record({ at: fc.nat(length - 1), byte: fc.nat(255) }), { minLength: 1, maxLength: 8 });

function mutate(bytes: Uint8Array, changes: readonly { at: number; byte: number }[]): Uint8Array {
  const copy = bytes.slice();
  for (const { at, byte } of changes) copy[at] = byte;
  return copy;
}

describe('readers under hostile bytes', () => {
  it('readXlsx on random bytes refuses with a TableReadError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) =>
        readsOrRefuses(() => readXlsx(bytes, { source: 'random.xlsx' })),
      ),
      { numRuns: 300 },
    );
  });

  it('readXlsx on a valid workbook with bytes changed reads it or refuses with a TableReadError', () => {
    fc.assert(
      fc.property(
        mutation(workbook.length),
        fc.constantFrom<string | undefined>(undefined, 'Other'),
        (changes, sheet) =>
          readsOrRefuses(() =>
            readXlsx(mutate(workbook, changes), { source: 'mutated.xlsx', ...(sheet ? { sheet } : {}) }),
          ),
      ),
      { numRuns: 400 },
    );
  });

  it('readXlsx on a workbook cut short refuses with a TableReadError', () => {
    fc.assert(
      fc.property(fc.nat(workbook.length - 1), (length) =>
        readsOrRefuses(() => readXlsx(workbook.slice(0, length), { source: 'cut.xlsx' })),
      ),
      { numRuns: 200 },
    );
  });

  it('readXlsx on a workbook whose XML parts are edited reads it or refuses with a TableReadError', () => {
    const parts = unzipSync(workbook);
    const names = Object.keys(parts).filter((name) => name.endsWith('.xml') || name.endsWith('.rels'));
    const piece = fc.constantFrom(
      '<',
      '>',
      '"',
      '/>',
      '</c>',
      '<c r="A1">',
      'r="XFD1048577"',
      'r="A0"',
      ' t="s"',
      ' t="e"',
      ' t="zz"',
      '<v>99999999</v>',
      '<v>-1</v>',
      '<v>1e400</v>',
      '&#0;',
      '&bogus;',
      '&#x110000;',
      '<mergeCell ref="A1:XFD1048576"/>',
      '<row r="1048577">',
      'Target="../../etc/passwd"',
      '<![CDATA[x]]>',
      '<!DOCTYPE x>',
      '',
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.nat(20), piece }), {
          minLength: 1,
          maxLength: 5,
        }),
        (name, edits) => {
          let text = strFromU8(parts[name]);
          for (const { at, cut, piece: inserted } of edits) {
            const i = Math.floor(at * text.length);
            text = text.slice(0, i) + inserted + text.slice(i + cut);
          }
          const bytes = zipSync({ ...parts, [name]: strToU8(text) });
          readsOrRefuses(() => readXlsx(bytes, { source: 'edited.xlsx' }));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('readTableFile on any bytes, or a workbook with bytes changed, reads it or refuses with a TableReadError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) =>
        readsOrRefuses(() => readTableFile(bytes, { source: 'random' }).table),
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(mutation(workbook.length), (changes) =>
        readsOrRefuses(() => readTableFile(mutate(workbook, changes), { source: 'mutated' }).table),
      ),
      { numRuns: 300 },
    );
  });

  it('summariseSheets on a workbook with bytes changed reports each sheet or refuses with a TableReadError', () => {
    fc.assert(
      fc.property(mutation(workbook.length), (changes) => {
        try {
          for (const summary of openXlsx(mutate(workbook, changes), { source: 'mutated.xlsx' }).summariseSheets()) {
            expect(summary.error === undefined || summary.error.message.length > 0).toBe(true);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(TableReadError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('readCsv on any bytes reads them or refuses with a TableReadError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) =>
        readsOrRefuses(() => readCsv(bytes, { source: 'random.csv' })),
      ),
      { numRuns: 300 },
    );
  });

  it('readCsv on a valid file with bytes changed reads it or refuses with a TableReadError', () => {
    fc.assert(
      fc.property(mutation(csvBytes.length), (changes) =>
        readsOrRefuses(() => readCsv(mutate(csvBytes, changes), { source: 'mutated.csv' })),
      ),
      { numRuns: 400 },
    );
  });

  it('readCsv on any text, quotes and line breaks included, reads it or refuses with a TableReadError', () => {
    const piece = fc.constantFrom(
      '"',
      ',',
      ';',
      '\t',
      '\r',
      '\n',
      '\r\n',
      '""',
      'a',
      'é',
      '\u0000',
      '\uFEFF',
      '=1',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (pieces) =>
        readsOrRefuses(() => readCsv(pieces.join(''), { source: 'text.csv' })),
      ),
      { numRuns: 500 },
    );
  });
});
