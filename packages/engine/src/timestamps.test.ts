import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTimestamps } from './timestamps.js';

const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s);

describe('readTimestamps', () => {
  it('reads ISO text, with or without a time or a zone', () => {
    expect(
      readTimestamps(['2026-01-15', '2026-01-15T09:05:33', '2026-01-15 09:05', '2026-01-15T09:05:00Z']).times,
    ).toEqual([at(2026, 1, 15), at(2026, 1, 15, 9, 5, 33), at(2026, 1, 15, 9, 5), at(2026, 1, 15, 9, 5)]);
  });

  it('reads Excel serial numbers (1900 date system)', () => {
    expect(readTimestamps([46037.5]).times).toEqual([at(2026, 1, 15, 12)]);
  });

  it('decides day-first from the whole column: one day above 12 settles every row', () => {
    const column = readTimestamps(['03/04/2026 09:00', '13/04/2026 10:30']);
    expect(column.order).toBe('day-first');
    expect(column.orderAssumed).toBe(false);
    expect(column.times).toEqual([at(2026, 4, 3, 9), at(2026, 4, 13, 10, 30)]);
  });

  it('decides month-first from the whole column, with 12-hour times', () => {
    const column = readTimestamps(['3/4/2026 9:00 AM', '4/13/2026 1:30 PM']);
    expect(column.order).toBe('month-first');
    expect(column.times).toEqual([at(2026, 3, 4, 9), at(2026, 4, 13, 13, 30)]);
  });

  it('assumes day-first, and says so, when no date can tell', () => {
    const column = readTimestamps(['03/04/2026', '05/06/2026']);
    expect(column).toMatchObject({ order: 'day-first', orderAssumed: true, unreadable: [] });
  });

  it('reports a column that mixes day-first and month-first rather than guessing per row', () => {
    expect(readTimestamps(['13/04/2026', '04/13/2026']).unreadable).toEqual([0, 1]);
  });

  it('reports cells that are no date, and dates that do not exist', () => {
    const column = readTimestamps(['yesterday', '31/04/2026', null, '', '2026-02-30']);
    expect(column.unreadable).toEqual([0, 1, 4]);
    expect(column.times[2]).toBeNull();
  });

  it('orders any two day-first dates as the calendar does', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1971-01-01'), max: new Date('2098-12-31'), noInvalidDate: true }),
        fc.date({ min: new Date('1971-01-01'), max: new Date('2098-12-31'), noInvalidDate: true }),
        (a, b) => {
          const text = (d: Date) =>
            `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()} ${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
          // A day above 12 fixes the order, as in a real column of many sign-ups.
          const { times } = readTimestamps([text(a), text(b), '25/12/2025 00:00']);
          const minute = (d: Date) => Math.floor(d.getTime() / 60_000);
          expect(Math.sign(times[0]! - times[1]!)).toBe(Math.sign(minute(a) - minute(b)));
        },
      ),
    );
  });
});
