import { describe, expect, it } from 'vitest';
import { result } from '../test/match-result-fixture.js';
import { defaultFieldNames } from './field-names.js';
import { buildMessages } from './messages.js';
import { mailMergeTable, notifyBulkTables } from './tables.js';

describe('notifyBulkTables', () => {
  const tables = notifyBulkTables(buildMessages(result));

  it('starts each table with Notify’s `email address` column, then one column per field', () => {
    expect(tables['mentor-matched'].header.slice(0, 4)).toEqual([
      'email address',
      'first name',
      'last name',
      'number of matches',
    ]);
    expect(tables['mentor-matched'].header).toContain('match details');
  });

  it('has one row per recipient with values under the right columns', () => {
    const t = tables['mentee-matched'];
    expect(t.rows).toHaveLength(2);
    const row = t.rows[1];
    expect(row[t.header.indexOf('email address')]).toBe('DAN@example.gov.uk');
    expect(row[t.header.indexOf('match 1 name')]).toBe('Ada Lovelace');
  });

  it('gives a kind with nobody in it a header-only table', () => {
    const empty = notifyBulkTables(buildMessages({ ...result, mentors: [] }))['mentor-matched'];
    expect(empty.rows).toEqual([]);
    expect(empty.header[0]).toBe('email address');
  });
});

describe('mailMergeTable', () => {
  it('puts all kinds in one sheet with a kind column and the union of fields', () => {
    const t = mailMergeTable(buildMessages(result));
    expect(t.header.slice(0, 2)).toEqual(['kind', 'email address']);
    expect(t.rows.map((r) => r[0])).toEqual([
      'mentor-matched',
      'mentor-unmatched',
      'mentee-matched',
      'mentee-matched',
      'mentee-unmatched',
    ]);
    const bob = t.rows[1];
    expect(t.header).toContain('match 1 biography');
    expect(bob[t.header.indexOf('match 1 name')]).toBe('');
    expect(bob[t.header.indexOf('first name')]).toBe('Bob');
  });

  it('leaves out `match details`, which says again what the numbered fields say', () => {
    const t = mailMergeTable(buildMessages(result));
    expect(t.header).not.toContain('match details');
    const renamed = mailMergeTable(buildMessages(result, { fieldNames: { matchDetails: 'all matches' } }), {
      ...defaultFieldNames,
      matchDetails: 'all matches',
    });
    expect(renamed.header).not.toContain('all matches');
    const ada = t.rows[0];
    expect(ada[t.header.indexOf('match 1 biography')]).toBe('New to analysis.');
  });
});
