import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '@mentor-matcher/tabular';
import { generatePeopleTable } from '@mentor-matcher/sample-data';
import { writeCsv } from '@mentor-matcher/tabular';
import { runCli, sampleMentees, sampleMentors, tempDir } from './run-cli.js';

const progressLines = (stderr: string) => stderr.split('\n').filter((l) => /^[a-z]+ \d+%$/.test(l));
const nonWarnings = (stderr: string) => stderr.split('\n').filter((l) => l !== '' && !l.startsWith('warning: '));

const sampleArgs = (out: string) => [
  'match',
  '--mentors',
  sampleMentors,
  '--mentees',
  sampleMentees,
  '--preset',
  'mentor-match',
  '--out',
  out,
];

describe('mentor-matcher match', () => {
  it('matches the Mentor Match sample with the preset and writes every result file', async () => {
    const cwd = tempDir();
    const run = await runCli(sampleArgs('results'), { cwd });
    expect(nonWarnings(run.stderr)).toEqual([]);
    expect(run.code).toBe(0);
    expect(readdirSync(join(cwd, 'results')).sort()).toEqual(
      [
        'mentees.csv',
        'mentors.csv',
        'notify.json',
        'pairs.csv',
        'skipped.csv',
        'summary.csv',
        'summary.json',
        'unmatched.csv',
      ].sort(),
    );
    expect(run.stdout).toMatch(/mentees and \d+ of 50 mentors matched \(strategy: optimal\)/);
  });

  it('writes pairs.csv starting with mentor email, mentee email and score', async () => {
    const cwd = tempDir();
    await runCli(sampleArgs('out'), { cwd });
    const pairs = readCsv(readFileSync(join(cwd, 'out', 'pairs.csv')), { source: 'pairs.csv' });
    expect(pairs.header.slice(0, 3)).toEqual(['mentor email', 'mentee email', 'score']);
    expect(pairs.rows.length).toBeGreaterThan(0);
    for (const row of pairs.rows) expect(String(row[0])).toMatch(/^mentor\.\d\d@gov\.uk$/);
  });

  it('writes Notify bulk lists with an email address column when asked', async () => {
    const cwd = tempDir();
    await runCli([...sampleArgs('out'), '--notify-lists'], { cwd });
    const list = readCsv(readFileSync(join(cwd, 'out', 'notify-mentee-matched.csv')), { source: 'x' });
    expect(list.header[0]).toBe('email address');
    expect(list.header).toContain('match 1 name');
    expect(readdirSync(join(cwd, 'out')).filter((f) => f.startsWith('notify-'))).toHaveLength(4);
  });

  it('removes the Notify lists of an earlier run that it does not write, saying so', async () => {
    const cwd = tempDir();
    await runCli([...sampleArgs('out'), '--notify-lists'], { cwd });
    const run = await runCli(sampleArgs('out'), { cwd });
    expect(run.code).toBe(0);
    expect(readdirSync(join(cwd, 'out')).filter((f) => f.startsWith('notify-'))).toEqual([]);
    expect(run.stderr).toMatch(/^Removed from out: notify-mentor-matched\.csv, .*--notify-lists writes them/m);
  });

  it("gives each person's job title and biography in their own row, and each match by name and email", async () => {
    const cwd = tempDir();
    await runCli(sampleArgs('out'), { cwd });
    const mentors = readCsv(readFileSync(join(cwd, 'out', 'mentors.csv')), { source: 'mentors.csv' });
    expect(mentors.header.slice(0, 8)).toEqual([
      'first name',
      'last name',
      'email address',
      'job title',
      'biography',
      'number of matches',
      'match 1 name',
      'match 1 email',
    ]);
    expect(mentors.header.filter((h) => /^match \d+ (job title|biography)$/.test(String(h)))).toEqual([]);
    // A mentor's mentees are rows of mentees.csv, found by `match N email`.
    const mentees = readCsv(readFileSync(join(cwd, 'out', 'mentees.csv')), { source: 'mentees.csv' });
    const menteeEmails = new Set(mentees.rows.map((row) => row[2]));
    const firstMatch = mentors.header.indexOf('match 1 email');
    for (const row of mentors.rows) if (row[firstMatch]) expect(menteeEmails.has(row[firstMatch])).toBe(true);
  });

  it('writes the mail merge, with every match’s biography in each row, when asked', async () => {
    const cwd = tempDir();
    const run = await runCli([...sampleArgs('out'), '--mail-merge'], { cwd });
    expect(run.stdout).toMatch(/^Wrote .*mail-merge\.csv/m);
    const merge = readCsv(readFileSync(join(cwd, 'out', 'mail-merge.csv')), { source: 'mail-merge.csv' });
    expect(merge.header.slice(0, 2)).toEqual(['kind', 'email address']);
    expect(merge.header).toContain('match 1 biography');
    expect(merge.header).not.toContain('match details');
  });

  it('removes the mail merge of an earlier run that it does not write, saying so', async () => {
    const cwd = tempDir();
    await runCli([...sampleArgs('out'), '--mail-merge'], { cwd });
    const run = await runCli(sampleArgs('out'), { cwd });
    expect(run.code).toBe(0);
    expect(readdirSync(join(cwd, 'out'))).not.toContain('mail-merge.csv');
    expect(run.stderr).toMatch(
      /^Removed from out: mail-merge\.csv \(the mail merge of an earlier result; --mail-merge writes it for this one\)$/m,
    );
  });

  it('writes byte-identical files on two runs of the same input', async () => {
    const cwd = tempDir();
    await runCli(sampleArgs('a'), { cwd });
    await runCli(sampleArgs('b'), { cwd });
    for (const file of readdirSync(join(cwd, 'a'))) {
      expect(readFileSync(join(cwd, 'b', file)).equals(readFileSync(join(cwd, 'a', file))), file).toBe(true);
    }
  });

  it('runs the rounds strategy when asked', async () => {
    const cwd = tempDir();
    const run = await runCli([...sampleArgs('out'), '--strategy', 'rounds'], { cwd });
    expect(run.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(cwd, 'out', 'summary.json'), 'utf8'));
    expect(summary.summary.strategy).toBe('rounds');
  });

  it('matches one table with a role column', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'people.csv'), writeCsv(generatePeopleTable({ mentors: 40, mentees: 40, seed: 3 })));
    const run = await runCli(['match', '--people', 'people.csv', '--role-column', 'role', '--out', 'out'], { cwd });
    expect(run.stderr).not.toMatch(/^error/m);
    expect(run.code).toBe(0);
    expect(readCsv(readFileSync(join(cwd, 'out', 'pairs.csv')), { source: 'p' }).rows.length).toBeGreaterThan(0);
  });

  it('keeps the earlier pairs with --previous', async () => {
    const cwd = tempDir();
    await runCli([...sampleArgs('first'), '--strategy', 'rounds'], { cwd });
    const run = await runCli([...sampleArgs('second'), '--previous', 'first'], { cwd });
    expect(run.code).toBe(0);
    const pairsOf = (dir: string) =>
      new Set(readCsv(readFileSync(join(cwd, dir, 'pairs.csv')), { source: dir }).rows.map((r) => `${r[0]} ${r[1]}`));
    const first = pairsOf('first');
    const second = pairsOf('second');
    for (const pair of first) expect(second.has(pair), pair).toBe(true);
  });

  it('says how many earlier pairs --previous kept, and names each one it could not keep', async () => {
    const cwd = tempDir();
    await runCli(sampleArgs('first'), { cwd });
    const without05 = readFileSync(sampleMentors, 'utf8')
      .split('\n')
      .filter((line) => !line.includes('mentor.05@gov.uk'))
      .join('\n');
    writeFileSync(join(cwd, 'mentors.csv'), without05);
    const run = await runCli(
      ['match', '--mentors', 'mentors.csv', '--mentees', sampleMentees, '--previous', 'first', '--out', 'second'],
      { cwd },
    );
    expect(run.code, run.stderr).toBe(0);
    const dropped = JSON.parse(readFileSync(join(cwd, 'second', 'summary.json'), 'utf8')).droppedEarlierPairs;
    expect(dropped.length).toBeGreaterThan(0);
    expect(run.stderr).toContain(
      `warning: the earlier pair mentor.05@gov.uk (mentor) and ${dropped[0].menteeId} (mentee) was not kept: mentor mentor.05@gov.uk is no longer taking part\n`,
    );
    const earlier = readCsv(readFileSync(join(cwd, 'first', 'pairs.csv')), { source: 'p' }).rows.length;
    expect(run.stdout).toContain(
      `Kept ${earlier - dropped.length} of ${earlier} earlier pairs; ${dropped.length} could not be kept (see the warnings, and droppedEarlierPairs in summary.json).\n`,
    );
  });

  it('asks which earlier result to keep when --previous names a folder with both formats', async () => {
    const cwd = tempDir();
    await runCli(sampleArgs('first'), { cwd });
    await runCli([...sampleArgs('first'), '--format', 'xlsx'], { cwd });
    const run = await runCli([...sampleArgs('second'), '--previous', 'first'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: first holds both pairs\.csv and results\.xlsx .*give one: --previous first\/pairs\.csv or --previous first\/results\.xlsx\n/,
    );
    const chosen = await runCli([...sampleArgs('second'), '--previous', 'first/results.xlsx'], { cwd });
    expect(chosen.code, chosen.stderr).toBe(0);
  });

  it('shows progress on stderr once a run is slow, and nothing with --quiet', async () => {
    const loud = await runCli(sampleArgs('out'), { progressAfterMs: 0 });
    expect(loud.stderr).toMatch(/^reading 0%$/m);
    expect(loud.stderr).toMatch(/^writing 100%$/m);
    const quiet = await runCli([...sampleArgs('out'), '--quiet'], { progressAfterMs: 0 });
    expect(quiet.code).toBe(0);
    expect(progressLines(quiet.stderr)).toEqual([]);
  });

  it('prints warnings about the input on stderr and still matches', async () => {
    const run = await runCli(sampleArgs('out'));
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^warning: mentors\.csv row \d+: .* has no eligible mentee/m);
  });

  it('shows no progress for a quick run', async () => {
    const run = await runCli(sampleArgs('out'), { progressAfterMs: 60_000 });
    expect(nonWarnings(run.stderr)).toEqual([]);
  });
});
