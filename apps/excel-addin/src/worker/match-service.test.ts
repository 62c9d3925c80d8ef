import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPreset } from '@mentor-matcher/engine';
import { generatePeopleTable } from '@mentor-matcher/sample-data';
import { createSolver } from '@mentor-matcher/solver';
import { readCsv } from '@mentor-matcher/tabular';
import { describe, expect, it } from 'vitest';
import { createMatchService } from './match-service.js';
import { responseSchema, type MatchInputData, type WorkerResponse } from './protocol.js';

const fixtures = join(import.meta.dirname, '../../test/fixtures');
const table = (name: string) => {
  const t = readCsv(readFileSync(join(fixtures, name)), { source: name });
  return { ...t, header: [...t.header], rows: t.rows.map((r) => [...r]) };
};
const input: MatchInputData = { kind: 'two-tables', mentors: table('mentors.csv'), mentees: table('mentees.csv') };

async function ask(service: ReturnType<typeof createMatchService>, request: unknown): Promise<WorkerResponse[]> {
  const replies: WorkerResponse[] = [];
  await service.handle(request, (message) => replies.push(responseSchema.parse(message)));
  return replies;
}

describe('the match service (the worker without the Worker)', () => {
  const service = createMatchService(() => createSolver());

  it('answers a malformed request with a failure naming the field', async () => {
    const [reply] = await ask(service, { type: 'match', id: 7, input: { kind: 'two-tables' } });
    expect(reply).toMatchObject({ type: 'failed', id: 7 });
    expect(reply.type === 'failed' && reply.message).toMatch(/input/);
  });

  it('rejects an invalid rule set with the engine’s problems', async () => {
    const [reply] = await ask(service, { type: 'check', id: 1, input, ruleSet: { version: 1 } });
    expect(reply.type).toBe('rejected');
  });

  it('checks the tables and reports the detected columns', async () => {
    const [reply] = await ask(service, { type: 'check', id: 2, input, ruleSet: getPreset('mentor-match') });
    expect(reply).toMatchObject({ type: 'checked', mentors: 50, mentees: 50 });
    expect(reply.type === 'checked' && reply.mappings.mentors?.email).toBe('email address');
  });

  it('matches, reports progress, and returns the result tables and a heat map', async () => {
    const replies = await ask(service, { type: 'match', id: 3, input, ruleSet: getPreset('mentor-match') });
    const done = replies.at(-1)!;
    expect(replies.some((r) => r.type === 'progress')).toBe(true);
    expect(done.type).toBe('matched');
    if (done.type !== 'matched') return;
    expect(done.tables.pairs.header.slice(0, 2)).toEqual(['mentor email', 'mentee email']);
    expect(done.tables.pairs.rowCount).toBeGreaterThan(0);
    expect(done.heatmap).toMatchObject({ mentees: 50, mentors: 50, rows: 50, cols: 50 });
    expect(done.heatmap.chosen.length / 2).toBe(done.tables.pairs.rowCount);
  });

  it('rejects a mentors table with only a header row instead of matching nobody', async () => {
    const empty = { ...input, mentors: { ...input.mentors, rows: [] } };
    const done = (await ask(service, { type: 'match', id: 14, input: empty, ruleSet: getPreset('mentor-match') })).at(
      -1,
    )!;
    expect(done.type).toBe('rejected');
    if (done.type !== 'rejected') return;
    expect(done.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/^mentors\.csv has only a header row/),
    );
  });

  it('matches one table with a role column', async () => {
    const people = generatePeopleTable({ mentors: 30, mentees: 30, seed: 4 });
    const oneTable = {
      kind: 'one-table',
      people: { ...people, header: [...people.header], rows: people.rows.map((r) => [...r]) },
      roleColumn: 'role',
    };
    const done = (
      await ask(service, { type: 'match', id: 13, input: oneTable, ruleSet: getPreset('mentor-match') })
    ).at(-1)!;
    expect(done.type).toBe('matched');
    if (done.type === 'matched') expect(done.tables.pairs.rowCount).toBeGreaterThan(0);
  });

  it('matches an input whose rows were sent ahead in slices, the same as one sent whole', async () => {
    const whole = (await ask(service, { type: 'match', id: 14, input, ruleSet: getPreset('mentor-match') })).at(-1)!;
    for (const slot of ['mentors', 'mentees'] as const) {
      const rows = input.kind === 'two-tables' ? input[slot].rows : [];
      for (let start = 0; start < rows.length; start += 20) {
        const [reply] = await ask(service, { type: 'stage', id: 15, slot, start, rows: rows.slice(start, start + 20) });
        expect(reply.type).toBe('staged');
      }
    }
    const bare =
      input.kind === 'two-tables'
        ? { ...input, mentors: { ...input.mentors, rows: [] }, mentees: { ...input.mentees, rows: [] } }
        : input;
    const staged = (
      await ask(service, { type: 'match', id: 16, input: bare, staged: true, ruleSet: getPreset('mentor-match') })
    ).at(-1)!;
    expect(
      staged.type === 'matched' &&
        whole.type === 'matched' &&
        staged.tables.pairs.rowCount === whole.tables.pairs.rowCount,
    ).toBe(true);
  });

  it('refuses input rows that arrive out of order', async () => {
    const [reply] = await ask(service, { type: 'stage', id: 17, slot: 'people', start: 5, rows: [] });
    expect(reply).toMatchObject({ type: 'failed', id: 17 });
  });

  it('sends the result rows in slices on request', async () => {
    const done = (await ask(service, { type: 'match', id: 8, input, ruleSet: getPreset('mentor-match') })).at(-1)!;
    if (done.type !== 'matched') throw new Error('no match');
    const [first] = await ask(service, { type: 'rows', id: 9, table: 'pairs', start: 0, count: 10 });
    const [rest] = await ask(service, { type: 'rows', id: 10, table: 'pairs', start: 10, count: 10_000 });
    if (first.type !== 'rows' || rest.type !== 'rows') throw new Error('no rows');
    expect(first.rows).toHaveLength(10);
    expect(first.rows.length + rest.rows.length).toBe(done.tables.pairs.rowCount);
  });

  it('returns the emails as GOV.UK Notify bulk lists and a mail-merge sheet, matched and unmatched people apart', async () => {
    const done = (await ask(service, { type: 'match', id: 20, input, ruleSet: getPreset('mentor-match') })).at(-1)!;
    if (done.type !== 'matched') throw new Error(JSON.stringify(done));
    const rowsOf = async (
      table: 'notifyMenteeMatched' | 'notifyMenteeUnmatched' | 'notifyMentorUnmatched' | 'mailMerge',
    ) => {
      const [reply] = await ask(service, { type: 'rows', id: 21, table, start: 0, count: 10_000 });
      if (reply.type !== 'rows') throw new Error(JSON.stringify(reply));
      return reply.rows;
    };
    const matched = done.tables.notifyMenteeMatched;
    expect(matched.header.slice(0, 5)).toEqual([
      'email address',
      'first name',
      'last name',
      'number of matches',
      'match 1 name',
    ]);
    expect(matched.header).toContain('match 1 email');
    const menteeRows = await rowsOf('notifyMenteeMatched');
    expect(menteeRows.length).toBe(matched.rowCount);
    expect(menteeRows.length).toBeGreaterThan(0);
    const first = menteeRows[0];
    const cell = (name: string) => first[matched.header.indexOf(name)];
    expect(cell('email address')).toMatch(/^mentee\.\d\d@gov\.uk$/);
    expect(cell('first name')).toBe('mentee');
    expect(Number(cell('number of matches'))).toBeGreaterThan(0);
    expect(cell('match 1 name')).toMatch(/^mentor /);

    const unmatchedMentees = await rowsOf('notifyMenteeUnmatched');
    const unmatchedMentors = await rowsOf('notifyMentorUnmatched');
    expect(done.tables.notifyMenteeUnmatched.header[0]).toBe('email address');
    // Everyone emailable is in exactly one list of their side: the 50 mentees and the mentors left over.
    expect(menteeRows.length + unmatchedMentees.length).toBe(50);
    expect(done.tables.notifyMentorMatched.rowCount + unmatchedMentors.length).toBe(50);
    const matchedEmails = new Set(menteeRows.map((r) => r[0]));
    for (const row of unmatchedMentees) expect(matchedEmails.has(row[0])).toBe(false);

    const merge = done.tables.mailMerge;
    expect(merge.header.slice(0, 2)).toEqual(['kind', 'email address']);
    expect(merge.rowCount).toBe(100);
    const mergeRows = await rowsOf('mailMerge');
    expect(mergeRows.filter((r) => r[0] === 'mentee-matched').map((r) => r[1])).toEqual(menteeRows.map((r) => r[0]));
  });

  it('puts a mentee nobody can be matched with in the Notify unmatched list', async () => {
    const mentees = input.kind === 'two-tables' ? input.mentees : input;
    // A mentee whose grade is above every mentor's: no mentor is senior enough, so no eligible pair.
    const grade = mentees.header.indexOf('grade');
    const email = mentees.header.indexOf('email address');
    const lonely = [...mentees.rows[0]];
    lonely[grade] = 'SCS4';
    lonely[email] = 'lonely@gov.uk';
    const withLonely: MatchInputData =
      input.kind === 'two-tables'
        ? { ...input, mentees: { ...input.mentees, rows: [...input.mentees.rows, lonely] } }
        : input;
    const done = (
      await ask(service, { type: 'match', id: 22, input: withLonely, ruleSet: getPreset('mentor-match') })
    ).at(-1)!;
    if (done.type !== 'matched') throw new Error(JSON.stringify(done));
    const [unmatched] = await ask(service, {
      type: 'rows',
      id: 23,
      table: 'notifyMenteeUnmatched',
      start: 0,
      count: 10_000,
    });
    const [matched] = await ask(service, {
      type: 'rows',
      id: 24,
      table: 'notifyMenteeMatched',
      start: 0,
      count: 10_000,
    });
    if (unmatched.type !== 'rows' || matched.type !== 'rows') throw new Error('no rows');
    expect(unmatched.rows.map((r) => r[0])).toContain('lonely@gov.uk');
    expect(matched.rows.map((r) => r[0])).not.toContain('lonely@gov.uk');
  });

  it('locks the pairs marked in the Pairs sheet, whatever the case of their emails', async () => {
    const first = (await ask(service, { type: 'match', id: 4, input, ruleSet: getPreset('mentor-match') })).at(-1)!;
    if (first.type !== 'matched') throw new Error('no match');
    const header = first.tables.pairs.header;
    const [slice] = await ask(service, { type: 'rows', id: 11, table: 'pairs', start: 3, count: 1 });
    if (slice.type !== 'rows') throw new Error('no rows');
    const chosen = slice.rows[0];
    const lockedPairs = [{ mentor: String(chosen[0]).toUpperCase(), mentee: String(chosen[1]) }];
    const second = (
      await ask(service, { type: 'match', id: 5, input, ruleSet: getPreset('mentor-match'), lockedPairs })
    ).at(-1)!;
    if (second.type !== 'matched') throw new Error(JSON.stringify(second));
    const [all] = await ask(service, { type: 'rows', id: 12, table: 'pairs', start: 0, count: 10_000 });
    if (all.type !== 'rows') throw new Error('no rows');
    const locked = header.indexOf('locked');
    const row = all.rows.find((r) => r[0] === chosen[0] && r[1] === chosen[1]);
    expect(row).toBeDefined();
    expect(String(row![locked]).toLowerCase()).toBe('locked');
  });

  it('gives a beat-the-computer sample with its optimum after a match', async () => {
    const [reply] = await ask(service, { type: 'beat-sample', id: 6, size: 8, seed: 1 });
    expect(reply.type).toBe('beat-sample');
    if (reply.type !== 'beat-sample') return;
    expect(reply.sample.menteeNames).toHaveLength(8);
    expect(reply.sample.optimum.covered).toBeGreaterThan(0);
    const total = reply.sample.optimum.pairs.reduce(
      (sum, p) => sum + (reply.sample.scores[p.mentee][p.mentor] ?? Number.NaN),
      0,
    );
    expect(total).toBeCloseTo(reply.sample.optimum.total);
  });
});
