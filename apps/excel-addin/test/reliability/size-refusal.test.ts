// The worker refuses sizes the pane cannot score in memory, for the Data step's check as well as
// for Match, at once and with a message that says what to do, instead of running out of memory.
import { getPreset } from '@mentor-matcher/engine';
import { createSolver } from '@mentor-matcher/solver';
import { describe, expect, it } from 'vitest';
import { maxPairs } from '../../src/app/limits.js';
import { createMatchService } from '../../src/worker/match-service.js';
import { responseSchema, type MatchInputData, type TableData, type WorkerResponse } from '../../src/worker/protocol.js';

function people(role: string, count: number): TableData {
  return {
    source: `${role}s`,
    header: ['first name', 'email address', 'grade', 'organisation'],
    rows: Array.from({ length: count }, (_, i) => [`${role} ${i}`, `${role}.${i}@example.org`, 'SEO', `Org ${i % 7}`]),
    headerRow: 1,
    firstColumn: 0,
  };
}

async function ask(request: unknown): Promise<{ replies: WorkerResponse[]; ms: number }> {
  const service = createMatchService(() => createSolver());
  const replies: WorkerResponse[] = [];
  const started = performance.now();
  await service.handle(request, (message) => replies.push(responseSchema.parse(message)));
  return { replies, ms: performance.now() - started };
}

const side = Math.floor(Math.sqrt(maxPairs)) + 1;
const tooBig: MatchInputData = { kind: 'two-tables', mentors: people('mentor', side), mentees: people('mentee', side) };
const ruleSet = getPreset('mentor-match');

describe('the worker refuses what the pane cannot hold', () => {
  it.each(['check', 'match'] as const)(
    '%s of %i × %i is refused at once, with the size and what to do',
    async (type) => {
      const { replies, ms } = await ask({
        type,
        id: 3,
        input: tooBig,
        ruleSet,
        ...(type === 'match' ? { lockedPairs: [], heatmapSize: 300 } : {}),
      });
      expect(replies).toHaveLength(1);
      const [reply] = replies;
      expect(reply).toMatchObject({ type: 'failed', id: 3 });
      const message = reply.type === 'failed' ? reply.message : '';
      expect(message).toContain(`${side.toLocaleString('en-GB')} mentors × ${side.toLocaleString('en-GB')} mentees`);
      expect(message).toMatch(/mentor-matcher/);
      // Scoring 25 million pairs takes seconds; a refusal takes no scoring at all.
      expect(ms).toBeLessThan(2_000);
    },
  );

  it('counts one table with a role column by its rows on both sides', async () => {
    const all = people('person', side);
    const input: MatchInputData = {
      kind: 'one-table',
      people: { ...all, header: [...all.header, 'role'], rows: all.rows.map((r) => [...r, 'both']) },
      roleColumn: 'role',
    };
    const { replies } = await ask({ type: 'check', id: 4, input, ruleSet });
    expect(replies[0]).toMatchObject({ type: 'failed', id: 4 });
  });
});
