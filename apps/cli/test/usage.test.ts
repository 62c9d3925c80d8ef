import { describe, expect, it } from 'vitest';
import { runCli, sampleMentees, sampleMentors } from './run-cli.js';

describe('usage errors (exit 2)', () => {
  it('shows the commands when none is given', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no command given/);
    expect(run.stderr).toMatch(/Commands:\n {2}match/);
  });

  it('names an unknown command', async () => {
    const run = await runCli(['matchh']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mentor-matcher: unknown command "matchh"/);
  });

  it('names an unknown option', async () => {
    const run = await runCli(['match', '--mentros', 'a.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mentor-matcher: unknown option '--mentros'\n/);
    expect(run.stderr).toMatch(/Usage: mentor-matcher match/);
  });

  it('names an option with a bad value', async () => {
    const run = await runCli([
      'match',
      '--mentors',
      sampleMentors,
      '--mentees',
      sampleMentees,
      '--out',
      'o',
      '--format',
      'pdf',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mentor-matcher: --format: expected csv or xlsx, got "pdf"\n/);
  });

  it('requires --out for match', async () => {
    const run = await runCli(['match', '--mentors', sampleMentors, '--mentees', sampleMentees]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out: is required/);
  });

  it('requires both tables', async () => {
    const run = await runCli(['match', '--mentors', sampleMentors, '--out', 'o']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--mentees is missing/);
  });

  it('refuses two tables and one table together', async () => {
    const run = await runCli(['check', '--mentors', 'a.csv', '--mentees', 'b.csv', '--people', 'c.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not both/);
  });

  it('refuses --rules with --preset', async () => {
    const run = await runCli([
      'check',
      '--mentors',
      'a.csv',
      '--mentees',
      'b.csv',
      '--rules',
      'r.json',
      '--preset',
      'mentor-match',
    ]);
    expect(run.code).toBe(2);
  });

  it('names the presets when the one asked for does not exist', async () => {
    const run = await runCli(['check', '--mentors', sampleMentors, '--mentees', sampleMentees, '--preset', 'nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--preset: no preset named "nope" \(presets: mentor-match/);
  });

  it('prints a command’s help with exit 0', async () => {
    const run = await runCli(['match', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: mentor-matcher match/);
  });

  it('help names the presets, and that --base-url may be http for localhost', async () => {
    const match = await runCli(['match', '--help']);
    expect(match.stdout).toMatch(
      /--preset NAME +a built-in rule set: mentor-match .*\n.*mentor-match-optimal or mentor-match-adjusted/,
    );
    expect(match.stdout).toMatch(
      /--sheet NAME +the XLSX sheet to read \(default: a sheet named Mentors or Mentees for\n/,
    );
    const notify = await runCli(['notify', '--help']);
    expect(notify.stdout).toMatch(/--base-url URL +another Notify API address, https only except localhost/);
  });

  it('rejects a count that is not a whole number in generate', async () => {
    const run = await runCli(['generate', '--mentors', 'ten', '--mentees', '5', '--out', 'o']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mentor-matcher: --mentors: expected a whole number, got "ten"\n/);
  });
});
