// Issue 17, "output once": each person's text (job title, biography) is written once for people, in
// their own row of mentors.csv or mentees.csv, and once for the notify command, in notify.json;
// every other mention of a person is a reference (a name and an email, or a position in
// notify.json). The lists that repeat a biography per partner (the mail merge, the Notify upload
// lists) are written only when asked for. At 10,000 × 10,000 generated sign-ups (7.1 MB) the
// results were 150 MB, then 38.5 MB (5.5 times) with the mail merge written every time, and are
// 20.0 MB (2.8 times) now; `npm run bench:cli-large` measures it.
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
  it('are at most 3 times the size of the sign-ups', () => {
    const ratio = size(join(cwd, 'out')) / size(join(cwd, 'in'));
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThanOrEqual(3);
  });

  it('hold each biography once in the people lists and once in notify.json, however many partners', () => {
    const files = readdirSync(join(cwd, 'out'));
    expect(files).not.toContain('mail-merge.csv');
    const texts = new Map(files.map((f) => [f, readFileSync(join(cwd, 'out', f), 'utf8')]));
    const pairs = readCsv(readFileSync(join(cwd, 'out', 'pairs.csv')), { source: 'pairs.csv' });
    const partnersOf = new Map<string, number>();
    for (const [mentor, mentee] of pairs.rows)
      for (const key of [`mentor ${mentor}`, `mentee ${mentee}`]) partnersOf.set(key, (partnersOf.get(key) ?? 0) + 1);
    // A biography several people share (someone who signed up on both sides) is counted for each.
    const byBiography = new Map<string, number>();
    for (const p of people) byBiography.set(p.biography, (byBiography.get(p.biography) ?? 0) + 1);
    // The property is only worth checking if most biographies belong to somebody with several partners.
    const busy = people.filter((p) => (partnersOf.get(`${p.role} ${p.email}`) ?? 0) >= 2).length;
    expect(busy).toBeGreaterThan(people.length * 0.9);
    let checked = 0;
    for (const [biography, holders] of byBiography) {
      checked += holders;
      const count = (file: string) => occurrences(texts.get(file)!, written(file, biography));
      expect(count('mentors.csv') + count('mentees.csv'), biography).toBe(holders);
      expect(count('notify.json'), biography).toBe(holders);
      for (const file of files.filter((f) => !['mentors.csv', 'mentees.csv', 'notify.json'].includes(f)))
        expect(count(file), `${file}: ${biography}`).toBe(0);
    }
    expect(checked).toBe(4_000);
  });
});
