import { describe, expect, it } from 'vitest';
import { FakeWorkbook } from './fake-workbook.js';

describe('the fake workbook behaves like Excel', () => {
  it('turns a typed string starting with "=" into a formula and "+1234" into a number', async () => {
    const book = new FakeWorkbook();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange('A1:B1').values = [['=1+2', '+1234']];
      await context.sync();
    });
    expect(book.cell('Sheet1', 'A1').formula).toBe('=1+2');
    expect(book.cell('Sheet1', 'B1').value).toBe(1234);
  });

  it('keeps strings as typed in cells formatted as text', async () => {
    const book = new FakeWorkbook();
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange('A1:B1');
      range.numberFormat = '@';
      range.values = [['=1+2', '00123']];
      await context.sync();
    });
    expect(book.cell('Sheet1', 'A1')).toMatchObject({ value: '=1+2', formula: null });
    expect(book.cell('Sheet1', 'B1').value).toBe('00123');
  });

  it('throws when a property is read before load and sync', async () => {
    const book = new FakeWorkbook([{ name: 'Sheet1', rows: [['a']] }]);
    await expect(
      book.run(async (context) => {
        const range = context.workbook.worksheets.getActiveWorksheet().getRange('A1');
        range.load('values');
        return range.values;
      }),
    ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
  });

  it('rejects a sync whose request is over the payload cap', async () => {
    const book = new FakeWorkbook([{ name: 'Sheet1' }], 1000);
    await expect(
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.getRangeByIndexes(0, 0, 100, 1).values = Array.from({ length: 100 }, () => ['some text']);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(book.values('Sheet1')).toEqual([]);
  });

  it('rejects a read whose response is over the payload cap', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => [`row ${i} with some text`]);
    const book = new FakeWorkbook([{ name: 'Sheet1', rows }], 1000);
    await expect(
      book.run(async (context) => {
        const range = context.workbook.worksheets.getActiveWorksheet().getRangeByIndexes(0, 0, 100, 1);
        range.load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('rejects values whose dimensions do not match the range', async () => {
    const book = new FakeWorkbook();
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A1:B2').values = [['a', 'b']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('reports an empty sheet’s used range as a null object', async () => {
    const book = new FakeWorkbook();
    const isNull = await book.run(async (context) => {
      const used = context.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true);
      used.load('address');
      await context.sync();
      return used.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  it('refuses a table that overlaps another table', async () => {
    const book = new FakeWorkbook([
      { name: 'Sheet1', rows: [['a'], ['b']], tables: [{ name: 'T', address: 'A1:A2' }] },
    ]);
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().tables.add('A1:B2', true);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});
