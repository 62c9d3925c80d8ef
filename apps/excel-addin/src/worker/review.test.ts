import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPreset, matchTables, type RuleSet } from '@mentor-matcher/engine';
import { createSolver } from '@mentor-matcher/solver';
import { readCsv } from '@mentor-matcher/tabular';
import { describe, expect, it } from 'vitest';
import { createMatchService } from './match-service.js';
import { changedPairsListed, trimmedChange } from './review.js';
import { responseSchema, type MatchInputData, type WorkerResponse } from './protocol.js';

const fixtures = join(import.meta.dirname, '../../test/fixtures');
const table = (name: string) => {
  const t = readCsv(readFileSync(join(fixtures, name)), { source: name });
  return { ...t, header: [...t.header], rows: t.rows.map((r) => [...r]) };
};
const input: MatchInputData = { kind: 'two-tables', mentors: table('mentors.csv'), mentees: table('mentees.csv') };
const preset = getPreset('mentor-match');

async function ask(service: ReturnType<typeof createMatchService>, request: unknown): Promise<WorkerResponse> {
  const replies: WorkerResponse[] = [];
  await service.handle(request, (message) => replies.push(responseSchema.parse(message)));
  return replies.at(-1)!;
}

type Matched = Extract<WorkerResponse, { type: 'matched' }>;
function matched(reply: WorkerResponse): Matched {
  if (reply.type !== 'matched') throw new Error(JSON.stringify(reply));
  return reply;
}

async function engineTotals(ruleSet: RuleSet) {
  const run = matchTables(input, { ruleSet, solver: await createSolver() });
  if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
  const pairs = new Set(run.result.pairs.map((p) => `${p.mentor.id} ${p.mentee.id}`));
  return { matched: run.result.summary.mentees.matched, total: run.result.summary.totalScore, pairs };
}

describe('the review step in the worker', () => {
  it('lists every person with their partners, and opens one with pairs, rules, candidates and forbids', async () => {
    const service = createMatchService(() => createSolver());
    const done = matched(await ask(service, { type: 'match', id: 1, input, ruleSet: preset }));
    expect(done.people.mentees).toHaveLength(50);
    expect(done.people.mentors).toHaveLength(50);
    expect(done.totals).toMatchObject({ mentees: 50, mentors: 50, pairs: done.tables.pairs.rowCount });
    const someone = done.people.mentees.find((m) => m.partners.length > 0)!;
    const reply = await ask(service, { type: 'person', id: 2, side: 'mentee', person: someone.id });
    if (reply.type !== 'person') throw new Error(JSON.stringify(reply));
    const { detail } = reply;
    expect(detail.name).toBe(someone.name);
    expect(detail.pairs.map((p) => p.name)).toEqual(someone.partners);
    expect(detail.pairs[0].score).toBe(detail.pairs[0].contributions.reduce((sum, c) => sum + c.points, 0));
    expect(detail.candidates.length).toBeGreaterThan(0);
    const scores = detail.candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(detail.candidates.map((c) => c.id)).not.toContain(detail.pairs[0].id);
    expect(detail.reason).toBeNull();
  });

  it('re-solves with a lock and a forbid, agrees with the engine run directly, and says what changed', async () => {
    const service = createMatchService(() => createSolver());
    const first = matched(await ask(service, { type: 'match', id: 1, input, ruleSet: preset }));
    const someone = first.people.mentees.find((m) => m.partners.length > 0)!;
    const opened = await ask(service, { type: 'person', id: 2, side: 'mentee', person: someone.id });
    if (opened.type !== 'person') throw new Error(JSON.stringify(opened));
    const current = opened.detail.pairs[0];
    const candidate = opened.detail.candidates[0];
    // A swap: the candidate locked, the current mentor forbidden.
    const ruleSet: RuleSet = {
      ...preset,
      lockedPairs: [{ mentor: candidate.id, mentee: someone.id }],
      forbiddenPairs: [{ mentor: current.id, mentee: someone.id }],
    };
    const again = matched(await ask(service, { type: 'rematch', id: 3, ruleSet }));
    const expected = await engineTotals(ruleSet);
    expect(again.change).toBeDefined();
    expect(again.change!.before).toEqual(first.totals);
    expect(again.change!.after).toEqual(again.totals);
    expect(again.totals.menteesMatched).toBe(expected.matched);
    expect(again.totals.totalScore).toBeCloseTo(expected.total);
    expect(again.change!.added).toContainEqual(expect.objectContaining({ mentor: candidate.id, mentee: someone.id }));
    expect(again.change!.removed).toContainEqual(expect.objectContaining({ mentor: current.id, mentee: someone.id }));
    expect(again.change!.addedCount).toBe(again.change!.added.length);
    const swapped = await ask(service, { type: 'person', id: 4, side: 'mentee', person: someone.id });
    if (swapped.type !== 'person') throw new Error(JSON.stringify(swapped));
    expect(swapped.detail.pairs).toContainEqual(expect.objectContaining({ id: candidate.id, locked: true }));
    expect(swapped.detail.forbidden).toEqual([{ id: current.id, name: current.name }]);
    // The decisions travel with the results, as a table of their own.
    const decisions = await ask(service, { type: 'rows', id: 5, table: 'decisions', start: 0, count: 100 });
    if (decisions.type !== 'rows') throw new Error(JSON.stringify(decisions));
    expect(again.tables.decisions.header).toEqual([
      'mentor email',
      'mentee email',
      'mentor name',
      'mentee name',
      'decision',
      'in the match',
    ]);
    expect(decisions.rows).toEqual([
      [candidate.id, someone.id, candidate.name, someone.name, 'locked', 'yes'],
      [current.id, someone.id, current.name, someone.name, 'forbidden', 'no'],
    ]);
  });

  it('keeps every other pair when a lock changes nothing the totals depend on', async () => {
    const service = createMatchService(() => createSolver());
    const first = matched(await ask(service, { type: 'match', id: 1, input, ruleSet: preset }));
    const someone = first.people.mentees.find((m) => m.partners.length > 0)!;
    const opened = await ask(service, { type: 'person', id: 2, side: 'mentee', person: someone.id });
    if (opened.type !== 'person') throw new Error(JSON.stringify(opened));
    const lockedPairs = [{ mentor: opened.detail.pairs[0].id, mentee: someone.id }];
    const again = matched(await ask(service, { type: 'rematch', id: 3, ruleSet: { ...preset, lockedPairs } }));
    expect(again.change).toMatchObject({ addedCount: 0, removedCount: 0 });
    expect(again.totals).toEqual(first.totals);
    const [pairs] = [await ask(service, { type: 'rows', id: 4, table: 'pairs', start: 0, count: 1000 })];
    if (pairs.type !== 'rows') throw new Error(JSON.stringify(pairs));
    const locked = again.tables.pairs.header.indexOf('locked');
    // The other pairs are plain pairs of the new match, not "kept from earlier".
    expect(new Set(pairs.rows.map((row) => row[locked]))).toEqual(new Set(['locked', '']));
  });

  it('refuses a re-solve whose lock is not allowed, and keeps the last result for the next one', async () => {
    const service = createMatchService(() => createSolver());
    const first = matched(await ask(service, { type: 'match', id: 1, input, ruleSet: preset }));
    const mentee = first.people.mentees[0].id;
    const mentor = first.people.mentors[0].id;
    const ruleSet = { ...preset, lockedPairs: [{ mentor, mentee }], forbiddenPairs: [{ mentor, mentee }] };
    expect((await ask(service, { type: 'rematch', id: 2, ruleSet })).type).toBe('rejected');
    const unchanged = matched(await ask(service, { type: 'rematch', id: 3, ruleSet: preset }));
    expect(unchanged.change).toMatchObject({ added: [], removed: [], addedCount: 0, removedCount: 0 });
  });

  it('asks for a match before a re-solve or a person', async () => {
    const service = createMatchService(() => createSolver());
    expect(await ask(service, { type: 'rematch', id: 1, ruleSet: preset })).toMatchObject({ type: 'failed' });
    expect(await ask(service, { type: 'person', id: 2, side: 'mentor', person: 'x' })).toMatchObject({
      type: 'failed',
    });
  });
});

describe('what a re-solve changed', () => {
  it('lists at most 50 pairs each way but counts them all', () => {
    const pair = (k: number) => ({ mentor: `m${k}`, mentee: `e${k}`, mentorName: 'M', menteeName: 'E', score: k });
    const totals = { mentees: 60, mentors: 60, menteesMatched: 60, mentorsMatched: 60, pairs: 60, totalScore: 1 };
    const added = Array.from({ length: 60 }, (_, k) => pair(k));
    const trimmed = trimmedChange({
      before: totals,
      after: totals,
      added,
      removed: [],
      addedCount: 60,
      removedCount: 0,
    });
    expect(trimmed.added).toHaveLength(changedPairsListed);
    expect(trimmed).toMatchObject({ addedCount: 60, removedCount: 0 });
  });
});
