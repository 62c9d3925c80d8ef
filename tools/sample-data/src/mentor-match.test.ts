import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Table } from '@mentor-matcher/tabular';
import { generateMentorMatchData, generatePeopleTable } from './mentor-match.js';
import { grades } from './vocabulary.js';

const sampleDir = new URL('../../../examples/mentor-match-small/', import.meta.url);
const sampleHeader = (file: string) => readFileSync(new URL(file, sampleDir), 'utf8').split(/\r?\n/)[0].split(',');

const column = (table: Table, name: string) => {
  const at = table.header.indexOf(name);
  return table.rows.map((row) => row[at]);
};
const meanGradeIndex = (table: Table) => {
  const values = column(table, 'grade').map((g) => grades.indexOf(g as (typeof grades)[number]));
  return values.reduce((a, b) => a + b, 0) / values.length;
};

describe('generateMentorMatchData', () => {
  it('gives identical tables for the same seed', () => {
    const a = generateMentorMatchData({ mentors: 300, mentees: 300, seed: 7 });
    const b = generateMentorMatchData({ mentors: 300, mentees: 300, seed: 7 });
    expect(b).toEqual(a);
  });

  it('gives different tables for different seeds', () => {
    const a = generateMentorMatchData({ mentors: 50, mentees: 50, seed: 1 });
    const b = generateMentorMatchData({ mentors: 50, mentees: 50, seed: 2 });
    expect(b.mentors.rows).not.toEqual(a.mentors.rows);
  });

  it('uses exactly the headers of the reference sample files', () => {
    const { mentors, mentees } = generateMentorMatchData({ mentors: 3, mentees: 3, seed: 1 });
    expect(mentors.header).toEqual(sampleHeader('mentors.csv'));
    expect(mentees.header).toEqual(sampleHeader('mentees.csv'));
  });

  it('produces the requested number of rows, each as wide as the header', () => {
    const { mentors, mentees } = generateMentorMatchData({ mentors: 123, mentees: 77, seed: 3 });
    expect(mentors.rows).toHaveLength(123);
    expect(mentees.rows).toHaveLength(77);
    for (const t of [mentors, mentees]) for (const row of t.rows) expect(row).toHaveLength(t.header.length);
  });

  it('draws every grade from the ladder and skews mentors above mentees', () => {
    const { mentors, mentees } = generateMentorMatchData({ mentors: 2000, mentees: 2000, seed: 11 });
    for (const t of [mentors, mentees]) for (const g of column(t, 'grade')) expect(grades).toContain(g);
    expect(meanGradeIndex(mentors) - meanGradeIndex(mentees)).toBeGreaterThan(1);
  });

  it('gives organisations skewed sizes: a big department and a long tail of small bodies', () => {
    const { mentees } = generateMentorMatchData({ mentors: 0, mentees: 5000, seed: 5 });
    const counts = new Map<unknown, number>();
    for (const org of column(mentees, 'organisation')) counts.set(org, (counts.get(org) ?? 0) + 1);
    const sizes = [...counts.values()].sort((a, b) => b - a);
    expect(counts.size).toBeGreaterThan(30);
    expect(sizes[0]).toBeGreaterThan(10 * sizes[sizes.length - 1]);
  });

  it('leaves most mentors with no characteristic and lists the rest comma-separated', () => {
    const { mentors } = generateMentorMatchData({ mentors: 3000, mentees: 0, seed: 9 });
    const values = column(mentors, 'characteristics') as string[];
    const none = values.filter((v) => v === '').length;
    expect(none / values.length).toBeGreaterThan(0.5);
    expect(values.some((v) => v.includes(', '))).toBe(true);
  });

  it('answers yes/no for similar identity, naming an identity for every yes', () => {
    const { mentees } = generateMentorMatchData({ mentors: 0, mentees: 2000, seed: 4 });
    const wants = column(mentees, 'match with similar identity');
    const identity = column(mentees, 'identity to match');
    expect(new Set(wants)).toEqual(new Set(['yes', 'no']));
    wants.forEach((w, i) => {
      if (w === 'yes') expect(identity[i]).not.toBe('');
    });
  });

  it('gives every person a unique email, except people who signed up on both sides', () => {
    const { mentors, mentees } = generateMentorMatchData({ mentors: 3000, mentees: 3000, seed: 12 });
    const mentorEmails = column(mentors, 'email address');
    const menteeEmails = column(mentees, 'email address');
    expect(new Set(mentorEmails).size).toBe(mentorEmails.length);
    expect(new Set(menteeEmails).size).toBe(menteeEmails.length);
    const mentorRows = new Map(mentors.rows.map((r) => [r[2], r]));
    const shared = mentees.rows.filter((r) => mentorRows.has(r[2]));
    expect(shared.length).toBeGreaterThan(0);
    for (const mentee of shared) {
      expect(mentee[3]).toBe('yes');
      expect(mentorRows.get(mentee[2])?.[5]).toBe(mentee[5]);
    }
  });

  it('rejects a negative or fractional count', () => {
    expect(() => generateMentorMatchData({ mentors: -1, mentees: 1, seed: 1 })).toThrow(/mentors/);
    expect(() => generateMentorMatchData({ mentors: 1, mentees: 1.5, seed: 1 })).toThrow(/mentees/);
  });
});

describe('generatePeopleTable', () => {
  it('lists each person once, with role mentor, mentee or both', () => {
    const people = generatePeopleTable({ mentors: 500, mentees: 500, seed: 2 });
    const roles = column(people, 'role');
    const both = roles.filter((r) => r === 'both').length;
    expect(new Set(roles)).toEqual(new Set(['mentor', 'mentee', 'both']));
    expect(roles.filter((r) => r !== 'mentee').length).toBe(500);
    expect(roles.filter((r) => r !== 'mentor').length).toBe(500);
    expect(people.rows).toHaveLength(1000 - both);
    const emails = column(people, 'email address');
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('is deterministic for a seed', () => {
    expect(generatePeopleTable({ mentors: 40, mentees: 40, seed: 8 })).toEqual(
      generatePeopleTable({ mentors: 40, mentees: 40, seed: 8 }),
    );
  });
});
