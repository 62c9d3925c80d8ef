// Issue 17, "output once": each person's text (name, job title, biography) is written once and
// referred to, except in the mail merge, whose rows a word processor cannot follow references
// from. At 10,000 × 10,000 the generated sign-ups are 7.1 MB; the results were 150 MB before (per
// partner, a biography once in mentors.csv or mentees.csv and twice in each of notify.json, a
// Notify list and the mail merge) and 38.5 MB after, 5.5 times the input: the mail merge alone,
// each biography once per partner, is 2.6 times. 4 times the input is out of reach while the mail
// merge carries every match's text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '@mentor-matcher/tabular';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

const occurrences = (text: string, part: string) => text.split(part).length - 1;
/** As the text is written in that kind of file: a quote is "" in CSV, \\" in JSON. */
const written = (file: string, text: string) =>
  file.endsWith('.json') ? JSON.stringify(text).slice(1, -1) : text.replaceAll('"', '""');
const size = (dir: string) => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);

let cwd: string;
let people: { role: string; email: string; biography: string }[];
beforeAll(async () => {
  cwd = tempDir();
  const generated = await runCli(['generate', '--mentors', '2000', '--mentees', '2000', '--seed', '8', '--out', 'in'], {
    cwd,
  });
  expect(generated.code).toBe(0);
  const run = await runCli(
    ['match', '--mentors', 'in/mentors.csv', '--mentees', 'in/mentees.csv', '--out', 'out', '-q'],
    {
      cwd,
    },
  );
  expect(run.code, run.stderr).toBe(0);
  people = ['mentor', 'mentee'].flatMap((role) => {
    const file = `${role}s.csv`;
    const table = readCsv(readFileSync(join(cwd, 'in', file)), { source: file });
    const [email, biography] = ['email address', 'biography'].map((h) => table.header.indexOf(h));
    return table.rows.map((row) => ({ role, email: String(row[email]), biography: String(row[biography]) }));
  });
}, 120_000);

describe('the results of 2,000 mentors and 2,000 mentees', () => {
  it('are at most 6 times the size of the sign-ups', () => {
    const ratio = size(join(cwd, 'out')) / size(join(cwd, 'in'));
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThanOrEqual(6);
  });

  it('hold each biography once outside the mail merge, and once per partner in it', () => {
    const files = readdirSync(join(cwd, 'out'));
    expect(files).toContain('mail-merge.csv');
    const texts = new Map(files.map((f) => [f, readFileSync(join(cwd, 'out', f), 'utf8')]));
    const pairs = readCsv(readFileSync(join(cwd, 'out', 'pairs.csv')), { source: 'pairs.csv' });
    const partnersOf = new Map<string, number>();
    // Someone can sign up as a mentor and as a mentee, with a biography for each.
    for (const [mentor, mentee] of pairs.rows)
      for (const key of [`mentor ${mentor}`, `mentee ${mentee}`]) partnersOf.set(key, (partnersOf.get(key) ?? 0) + 1);
    // A biography several people share (someone who signed up on both sides) is counted for each.
    const byBiography = new Map<string, { people: number; partners: number }>();
    for (const p of people) {
      const seen = byBiography.get(p.biography) ?? { people: 0, partners: 0 };
      seen.people++;
      seen.partners += partnersOf.get(`${p.role} ${p.email}`) ?? 0;
      byBiography.set(p.biography, seen);
    }
    let checked = 0;
    for (const [biography, expected] of byBiography) {
      checked += expected.people;
      let outside = 0;
      for (const [file, text] of texts)
        if (file !== 'mail-merge.csv') outside += occurrences(text, written(file, biography));
      expect(outside, biography).toBe(expected.people);
      const merge = written('mail-merge.csv', biography);
      expect(occurrences(texts.get('mail-merge.csv')!, merge), biography).toBe(expected.partners);
    }
    expect(checked).toBe(4_000);
  });
});
