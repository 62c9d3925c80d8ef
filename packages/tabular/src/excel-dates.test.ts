import { describe, expect, it } from 'vitest';
import { dateKindOfFormat, excelSerialToIso } from './excel-dates.js';

describe('dateKindOfFormat', () => {
  it.each([
    [14, 'date'],
    [17, 'date'],
    [22, 'date-time'],
    [20, 'time'],
    [46, 'time'],
    [0, null],
    [2, null],
    [49, null],
  ] as const)('classifies built-in format %i as %s', (id, kind) => {
    expect(dateKindOfFormat(id, undefined)).toBe(kind);
  });

  it.each([
    ['dd/mm/yyyy', 'date'],
    ['[$-809]d mmmm yyyy;@', 'date'],
    ['mmm-yy', 'date'],
    ['yyyy-mm-dd hh:mm', 'date-time'],
    ['h:mm', 'time'],
    ['[h]:mm:ss', 'time'],
    ['mm:ss', 'time'],
    ['0.00', null],
    ['"day "0', null],
    ['\\d0', null],
    ['#,##0_);[Red](#,##0)', null],
    ['@', null],
  ] as const)('classifies the custom format %j as %s', (code, kind) => {
    expect(dateKindOfFormat(164, code)).toBe(kind);
  });
});

describe('excelSerialToIso', () => {
  it('counts the 1900 system from 1 January 1900 as day 1', () => {
    expect(excelSerialToIso(1, false, 'date')).toBe('1900-01-01');
    expect(excelSerialToIso(45292, false, 'date')).toBe('2024-01-01');
  });

  it('counts the 1904 system from 1 January 1904 as day 0', () => {
    expect(excelSerialToIso(0, true, 'date')).toBe('1904-01-01');
    expect(excelSerialToIso(43830, true, 'date')).toBe('2024-01-01');
  });

  it('drops the time for a date-only format', () => {
    expect(excelSerialToIso(45292.99, false, 'date')).toBe('2024-01-01');
  });

  it('rounds a date-time to the second', () => {
    expect(excelSerialToIso(45292 + 0.5 + 0.4 / 86400, false, 'date-time')).toBe('2024-01-01T12:00:00');
  });

  it('gives no date for a negative serial or one after 9999-12-31', () => {
    expect(excelSerialToIso(-1, false, 'date')).toBeUndefined();
    expect(excelSerialToIso(2_958_466, false, 'date')).toBeUndefined();
  });

  it('keeps a duration of a day or more as a number', () => {
    expect(excelSerialToIso(1.5, false, 'time')).toBeUndefined();
  });
});
