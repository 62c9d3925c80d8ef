import { describe, expect, it } from 'vitest';
import { readTableFile } from '@mentor-matcher/tabular';
import { formsHeader, generateFormsExport } from './forms-export.js';

const exported = generateFormsExport({ mentors: 250, mentees: 250, seed: 14 });
const column = (name: string) => exported.table.header.indexOf(name);

describe('generateFormsExport', () => {
  it('gives the same bytes for the same seed', () => {
    expect(generateFormsExport({ mentors: 250, mentees: 250, seed: 14 }).bytes).toEqual(exported.bytes);
  });

  it('is a Windows-1252 CSV with form headers that reads back as the table', () => {
    expect([...exported.bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    // "ë" is one byte (0xEB) in Windows-1252, not valid UTF-8 on its own.
    expect(exported.bytes.includes(0xeb) || exported.bytes.includes(0xe9) || exported.bytes.includes(0xe2)).toBe(true);
    const read = readTableFile(exported.bytes, { source: 'export.csv' });
    expect(read.encoding).toBe('windows-1252');
    expect(read.table.header).toEqual([...formsHeader]);
    expect(read.table.rows.map((row) => row.slice(3, 7))).toEqual(exported.table.rows.map((row) => row.slice(3, 7)));
  });

  it('answers the role question with Mentor, Mentee or Both', () => {
    const roles = new Set(
      exported.table.rows.map((row) => row[column('Do you want to be a mentor, a mentee or both?')]),
    );
    expect([...roles].sort()).toEqual(['Both', 'Mentee', 'Mentor']);
  });

  it('writes organisation variants of every kind, each rarer than the real name', () => {
    const values = exported.aliases.map((a) => a.value);
    expect(values).toContain('DWP');
    expect(values).toContain('Department for Work and Pensions (DWP)');
    expect(values).toContain('Dept for Work and Pensions');
    expect(values).toContain('department for work and pensions');
    expect(values.some((v) => v.includes(' & '))).toBe(true);
    const organisations = exported.table.rows.map((row) => row[column('Your department or agency')]);
    const count = (value: string) => organisations.filter((o) => o === value).length;
    for (const { value, canonical } of exported.aliases) expect(count(value)).toBeLessThan(count(canonical));
  });

  it('keeps each superseded sign-up earlier, in the sheet and in time, than the one that counts', () => {
    expect(exported.superseded.length).toBe(12);
    const email = column('Email');
    for (const { row, email: who } of exported.superseded) {
      const rows = exported.table.rows
        .map((r, i) => ({ r, row: i + 2 }))
        .filter(({ r }) => String(r[email]).trim().toLowerCase() === who);
      expect(rows.map((r) => r.row)).toHaveLength(2);
      expect(rows[0].row).toBe(row);
    }
  });

  it('gives clean files of the sign-ups that count, nobody twice', () => {
    const emails = exported.mentees.rows.map((row) => row[2]);
    expect(new Set(emails).size).toBe(emails.length);
    const kept = exported.table.rows.length - exported.superseded.length;
    const both = exported.table.rows.filter(
      (r, i) => r[6] === 'Both' && !exported.superseded.some((s) => s.row === i + 2),
    ).length;
    expect(exported.mentors.rows.length + exported.mentees.rows.length).toBe(kept + both);
  });
});
