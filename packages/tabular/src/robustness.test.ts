import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-read.js';
import { TableReadError } from './table-read-error.js';
import { readXlsx } from './xlsx-read.js';
import { writeXlsx } from './xlsx-write.js';

// Whatever the bytes, a reader returns a Table or throws a TableReadError: never a TypeError,
// a RangeError or a hang, which would surface in the task pane as an unexplained crash.
function readsOrExplains(read: () => unknown): void {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(TableReadError);
  }
}

describe('reading hostile input', () => {
  it('readCsv returns a table or a TableReadError for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        readsOrExplains(() => readCsv(bytes, { source: 'fuzz.csv' }));
      }),
      { numRuns: 500 },
    );
  });

  it('readXlsx returns a table or a TableReadError for a workbook with corrupted bytes', () => {
    const written = unzipSync(
      writeXlsx([
        {
          name: 'S',
          table: {
            header: ['name', 'n', 'ok'],
            rows: [
              ['Ada & <Bob>', 1.5, true],
              ['=1+2', -3, null],
            ],
          },
        },
      ]),
    );
    // Stored (not deflated), so that corruption lands in the XML and the zip structure, not only in deflate data.
    const workbook = zipSync(written, { level: 0 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat({ max: workbook.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        (changes) => {
          const bytes = workbook.slice();
          for (const { at, value } of changes) bytes[at] = value;
          readsOrExplains(() => readXlsx(bytes, { source: 'fuzz.xlsx', maxUncompressedBytes: 10_000_000 }));
        },
      ),
      { numRuns: 400 },
    );
  });
});
