import { describe, expect, it } from 'vitest';
import { resultTableNames } from '../worker/protocol.js';
import { isResultTableName, resultSheetNames, toResultSheets, withLockColumn } from './result-sheets.js';

const table = (header: string[], rows: (string | number | boolean | null)[][]) => ({
  source: 't',
  header,
  rows,
  headerRow: 1,
  firstColumn: 0,
});

describe('withLockColumn', () => {
  it('adds a lock column marked for pairs the engine kept locked, and an empty forbid column', () => {
    const pairs = withLockColumn(
      table(
        ['mentor email', 'mentee email', 'locked'],
        [
          ['a', 'b', 'locked'],
          ['c', 'd', ''],
          ['e', 'f', 'kept from earlier'],
          ['g', 'h', true],
        ],
      ),
    );
    expect(pairs.header.slice(-2)).toEqual(['lock', 'forbid']);
    expect(pairs.rows.map((r) => r.at(-2))).toEqual(['yes', null, null, 'yes']);
    expect(pairs.rows.map((r) => r.at(-1))).toEqual([null, null, null, null]);
  });

  it('leaves a table that already has both columns alone', () => {
    const pairs = table(['mentor email', 'lock', 'forbid'], [['a', 'x', null]]);
    expect(withLockColumn(pairs)).toBe(pairs);
  });
});

describe('toResultSheets', () => {
  it('names every result sheet so none clashes with an input sheet called Mentors or Mentees', () => {
    const t = table(['x'], [[1]]);
    const sheets = toResultSheets(
      Object.fromEntries(resultTableNames.map((name) => [name, t])) as Parameters<typeof toResultSheets>[0],
    );
    expect(sheets.map((s) => s.name)).toEqual(Object.values(resultSheetNames));
    expect(sheets.map((s) => s.name)).not.toContain('Mentors');
  });

  it('gives every sheet a name Excel accepts (at most 31 characters) and no two the same, Excel ignoring case', () => {
    const names = Object.values(resultSheetNames);
    expect(names.filter((name) => name.length > 31)).toEqual([]);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    expect(new Set(names.map((name) => name.replace(/[^A-Za-z0-9]/g, '').toLowerCase())).size).toBe(names.length);
  });

  it('writes the mail-merge sheet and one GOV.UK Notify list per kind of email', () => {
    const t = table(['x'], [[1]]);
    const names = toResultSheets(
      Object.fromEntries(resultTableNames.map((name) => [name, t])) as Parameters<typeof toResultSheets>[0],
    ).map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Match Mail merge',
        'Match Notify mentor-matched',
        'Match Notify mentor-unmatched',
        'Match Notify mentee-matched',
        'Match Notify mentee-unmatched',
      ]),
    );
  });
});

describe('isResultTableName', () => {
  it('recognises the tables and sheets this app wrote, so they are never guessed as input', () => {
    expect(isResultTableName('MatchMentors')).toBe(true);
    expect(isResultTableName('Match Mentees')).toBe(true);
    expect(isResultTableName('MatchNotifymenteematched')).toBe(true);
    expect(isResultTableName('Mentors')).toBe(false);
  });
});
