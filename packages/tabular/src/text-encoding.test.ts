import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readError } from '../test/read-error.js';
import { readCsv, readCsvDetailed } from './csv-read.js';
import { writeCsv } from './csv-write.js';
import { decodeText, decodeWindows1252, detectUtf16 } from './text-encoding.js';

const source = 'signups.csv';
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = (bom ? '\uFEFF' : '') + text;
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    out[2 * i + (endian === 'le' ? 0 : 1)] = unit & 0xff;
    out[2 * i + (endian === 'le' ? 1 : 0)] = unit >> 8;
  }
  return out;
}

/** Windows-1252 bytes of Latin-1 text (every character below U+0100, none in U+0080–U+009F). */
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('reading CSV in the encodings Excel and others save', () => {
  it('reads a Windows "CSV (Comma delimited)" file with Zoë (byte 0xEB) as Zoë, with a notice naming the encoding and cell', () => {
    const bytes = new Uint8Array([
      ...ascii('first name,email address\r\nAda,ada@example.org\r\nZo'),
      0xeb,
      ...ascii(',zoe@example.org\r\n'),
    ]);
    const read = readCsvDetailed(bytes, { source });
    expect(read.encoding).toBe('windows-1252');
    expect(read.table.rows[1]).toEqual(['Zoë', 'zoe@example.org']);
    expect(read.table.warnings).toEqual([
      {
        code: 'encoding-assumed',
        source,
        row: 3,
        column: 0,
        message:
          'signups.csv is not UTF-8, so it was read as Windows-1252 (Western European), the encoding of Excel\'s "CSV (Comma delimited)": row 3, column A reads "Zoë". If accented letters look wrong, save the file as "CSV UTF-8" and load it again.',
      },
    ]);
  });

  it('maps 0x80–0x9F as Windows-1252 does (€, curly quotes, dashes), not as Latin-1 controls', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x85]))).toBe('€‘’“”–—…');
  });

  it('decodes every byte as the Windows-1252 table of the Unicode Consortium (CP1252.TXT) and WHATWG say', () => {
    // Written as characters, not code points, so it shares nothing with the table in the code.
    // (Node's own TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 controls, so it cannot
    // be the oracle, and is not used.)
    const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const latin1 = (from: number, to: number) =>
      String.fromCharCode(...Array.from({ length: to - from }, (_, k) => from + k));
    expect(decodeWindows1252(all)).toBe(latin1(0, 0x80) + high + latin1(0xa0, 0x100));
  });

  it('reads UTF-8 with and without a byte-order mark alike, without a notice', () => {
    const text = 'name,org\r\nZoë,Département\r\n';
    const plain = readCsvDetailed(new TextEncoder().encode(text), { source });
    const withBom = readCsvDetailed(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), { source });
    expect(plain.table.rows).toEqual([['Zoë', 'Département']]);
    expect(withBom.table).toEqual(plain.table);
    expect(plain.encoding).toBe('utf-8');
    expect(plain.table.warnings).toBeUndefined();
  });

  it.each([
    ['LE', 'le'],
    ['BE', 'be'],
  ] as const)('reads UTF-16 %s with a byte-order mark without a notice', (_, endian) => {
    const read = readCsvDetailed(utf16('name\temail\r\nZoë\tz@x.org\r\n', endian, true), { source });
    expect(read.encoding).toBe(endian === 'le' ? 'utf-16le' : 'utf-16be');
    expect(read.table.header).toEqual(['name', 'email']);
    expect(read.table.rows).toEqual([['Zoë', 'z@x.org']]);
    expect(read.table.warnings).toBeUndefined();
  });

  it.each([
    ['LE', 'le', 'UTF-16 LE'],
    ['BE', 'be', 'UTF-16 BE'],
  ] as const)(
    'detects UTF-16 %s without a byte-order mark from its zero bytes, saying so, with no NUL in any name',
    (_, endian, name) => {
      const table = readCsv(utf16('first name,email address\r\nAda,ada@example.org\r\n', endian, false), { source });
      expect(table.header).toEqual(['first name', 'email address']);
      expect(JSON.stringify(table)).not.toContain('\\u0000');
      expect(table.warnings?.[0].message).toBe(
        `signups.csv has no byte-order mark, but its zero bytes show it is ${name} text, so it was read as that. If the text looks wrong, save the file as "CSV UTF-8" and load it again.`,
      );
    },
  );

  it('refuses broken UTF-16 naming the row, column and byte', () => {
    const bytes = new Uint8Array([...utf16('a,b\r\n1,', 'le', true), 0x00, 0xd8, ...utf16('x\r\n', 'le', false)]);
    const error = readError(() => readCsv(bytes, { source }));
    expect(error.code).toBe('invalid-utf16');
    expect(error.message).toBe(
      'signups.csv: row 2, column B (byte 16) is not valid UTF-16 LE (a broken character). Save the file as "CSV UTF-8" and try again.',
    );
  });

  it('says only that a byte is not UTF-8 when UTF-8 was asked for', () => {
    const error = readError(() => readCsv(latin1('name\r\nZoë\r\n'), { source, encoding: 'utf-8' }));
    expect(error.message).toBe(
      'signups.csv: row 2, column A (byte 8) is not valid UTF-8 (byte 0xEB). Save the file as "CSV UTF-8" and try again.',
    );
  });

  it('reads the encoding given, without a notice', () => {
    const table = readCsv(latin1('name\r\nZoë\r\n'), { source, encoding: 'windows-1252' });
    expect(table.rows).toEqual([['Zoë']]);
    expect(table.warnings).toBeUndefined();
  });

  it('keeps the error for a UTF-8 file with a damaged byte, because guessing would spoil its good characters', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('name\r\nZoë\r\nBj'), 0xf6, ...ascii('rk\r\n')]);
    const error = readError(() => readCsv(bytes, { source }));
    expect(error.code).toBe('invalid-utf8');
    expect(error.message).toContain('row 3, column A (byte 14) is not valid UTF-8 (byte 0xF6)');
  });

  it('round-trips any Latin table saved as Windows-1252 through detection', () => {
    // Accented letters whose Windows-1252 bytes can never form UTF-8 with their neighbours.
    const letter = fc.constantFrom('a', 'Z', ' ', 'é', 'ë', 'ü', 'ñ', 'Ö', 'ç', '-', '1');
    const word = fc.string({ unit: letter, minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(
        fc.uniqueArray(
          word.map((s) => `h${s.trim()}`),
          { minLength: 1, maxLength: 4, selector: (s) => s.toLowerCase().replace(/\s+/g, '') },
        ),
        fc.array(word, { maxLength: 20 }),
        (header, values) => {
          // Every value in a row alike, and a last row of "é" so the file is never plain ASCII.
          const rows = [...values, 'é'].map((value) => header.map(() => value));
          const text = writeCsv({ header, rows }, { bom: false, escapeFormulas: false });
          const read = readCsvDetailed(latin1(text), { source });
          expect(read.encoding).toBe('windows-1252');
          expect(read.table.header).toEqual(header);
          expect(read.table.rows).toEqual(rows);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('detects UTF-16 without a mark for any table of Latin text, in both byte orders', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '@', '.', '1'), minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(cell, fc.constantFrom<'le' | 'be'>('le', 'be'), (value, endian) => {
        expect(detectUtf16(utf16(`name,org\r\n${value},x\r\n`, endian, false))).toBe(
          endian === 'le' ? 'utf-16le' : 'utf-16be',
        );
      }),
    );
  });

  it('never takes 8-bit text for UTF-16', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 4, maxLength: 300 }).map((bytes) => bytes.map((b) => b || 0x20)),
        (bytes) => {
          expect(detectUtf16(bytes)).toBeUndefined();
        },
      ),
    );
  });

  it('decodes any valid UTF-8 as UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const decoded = decodeText(new TextEncoder().encode(text), 'auto');
        // Text with many NULs can read as UTF-16; every other valid UTF-8 is UTF-8.
        if (!text.includes('\u0000')) expect(decoded).toMatchObject({ ok: true, text, encoding: 'utf-8' });
      }),
    );
  });
});
