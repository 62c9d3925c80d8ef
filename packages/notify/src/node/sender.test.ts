import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeNotifyServer, testApiKey, testApiSecret, type FakeNotifyServer } from '../../test/fake-notify-server.js';
import { result } from '../../test/match-result-fixture.js';
import { buildMessages } from '../messages.js';
import type { Clock } from './clock.js';
import { sendMessages, type SendEvent, type SendOptions } from './sender.js';

const templates = {
  'mentor-matched': 'aaaaaaaa-0000-4000-8000-000000000001',
  'mentor-unmatched': 'aaaaaaaa-0000-4000-8000-000000000002',
  'mentee-matched': 'aaaaaaaa-0000-4000-8000-000000000003',
  'mentee-unmatched': 'aaaaaaaa-0000-4000-8000-000000000004',
};
const messages = buildMessages(result);

function fakeClock(): Clock & { sleeps: number[] } {
  let t = 1_700_000_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

let server: FakeNotifyServer;
let dir: string;
let logFile: string;
const options = (extra: Partial<SendOptions> = {}): SendOptions => ({
  apiKey: testApiKey,
  templates,
  logFile,
  baseUrl: server.url,
  clock: fakeClock(),
  random: () => 0.5,
  concurrency: 1,
  ...extra,
});

beforeEach(async () => {
  server = await startFakeNotifyServer();
  dir = mkdtempSync(join(tmpdir(), 'notify-send-'));
  logFile = join(dir, 'notify-log.jsonl');
});
afterEach(() => server.close());

describe('sendMessages', () => {
  it('sends each person the template for their kind with their personalisation', async () => {
    const report = await sendMessages(messages, options());
    expect(report.sent).toBe(5);
    const byEmail = new Map(server.requests.map((r) => [r.body.email_address, r.body]));
    expect(byEmail.get('ada@example.gov.uk')?.template_id).toBe(templates['mentor-matched']);
    expect(byEmail.get('bob@example.gov.uk')?.template_id).toBe(templates['mentor-unmatched']);
    expect(byEmail.get('eve@example.gov.uk')?.template_id).toBe(templates['mentee-unmatched']);
    expect(byEmail.get('ada@example.gov.uk')?.personalisation?.['match 2 name']).toBe("Dan O'Neil");
    expect(byEmail.get('cat@example.gov.uk')?.personalisation?.['match 1 email']).toBe('ada@example.gov.uk');
  });

  it('posts to Notify’s email endpoint with a Bearer JWT', async () => {
    await sendMessages(messages, options());
    for (const r of server.requests) {
      expect(r.path).toBe('/v2/notifications/email');
      expect(r.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    }
  });

  it('passes the reply-to id when given', async () => {
    await sendMessages(messages, options({ replyToId: 'bbbbbbbb-0000-4000-8000-000000000009' }));
    expect(server.requests[0].body.email_reply_to_id).toBe('bbbbbbbb-0000-4000-8000-000000000009');
  });

  it('logs each success with recipient, kind, template, notification id and time', async () => {
    await sendMessages(messages, options());
    const lines = readFileSync(logFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toEqual({
      recipient: 'ada@example.gov.uk',
      kind: 'mentor-matched',
      template: templates['mentor-matched'],
      notificationId: 'notification-0',
      time: '2023-11-14T22:13:20.000Z',
    });
  });

  it('sends nobody anything twice when re-run after stopping half way', async () => {
    const abort = new AbortController();
    const onEvent = (e: SendEvent) => {
      if (e.type === 'sent' && e.done === 2) abort.abort();
    };
    const first = await sendMessages(messages, options({ signal: abort.signal, onEvent }));
    expect(first.cancelled).toBe(true);
    expect(server.requests).toHaveLength(2);
    const second = await sendMessages(messages, options());
    expect(second.sent).toBe(3);
    const sentTo = server.requests.map((r) => `${r.body.template_id} ${r.body.email_address}`);
    expect(new Set(sentTo).size).toBe(5);
    expect(sentTo).toHaveLength(5);
  });

  it('sends nothing on a third run once everyone is in the log', async () => {
    await sendMessages(messages, options());
    const again = await sendMessages(messages, options());
    expect(again.sent).toBe(0);
    expect(server.requests).toHaveLength(5);
    expect(again.alreadySent['mentee-matched']).toBe(2);
  });

  it('reports a log line cut short by a crash and still honours the complete ones', async () => {
    writeFileSync(
      logFile,
      `${JSON.stringify({ recipient: 'ada@example.gov.uk', kind: 'mentor-matched', template: 't', notificationId: 'n', time: 't' })}\n{"recipient":"bo`,
    );
    const events: SendEvent[] = [];
    await sendMessages(messages, options({ onEvent: (e) => events.push(e) }));
    expect(events[0]).toEqual({ type: 'unreadable-log-lines', lines: [2] });
    expect(server.requests.map((r) => r.body.email_address)).not.toContain('ada@example.gov.uk');
  });

  it('backs off exponentially on 429 and then sends', async () => {
    server.respondWith((_r, i) =>
      i < 3 ? { status: 429, body: { errors: [{ error: 'RateLimitError', message: 'Exceeded rate limit' }] } } : { status: 201, body: { id: `n${i}` } },
    );
    const clock = fakeClock();
    const events: SendEvent[] = [];
    const report = await sendMessages(messages, options({ clock, backoffBaseMs: 1000, onEvent: (e) => events.push(e) }));
    expect(report.sent).toBe(5);
    const delays = events.flatMap((e) => (e.type === 'retry' ? [e.delayMs] : []));
    expect(delays).toEqual([750, 1500, 3000]);
    expect(clock.sleeps).toEqual(expect.arrayContaining([750, 1500, 3000]));
  });

  it('retries a 500 and gives up after the attempt cap with Notify’s message', async () => {
    server.respondWith(() => ({ status: 500, body: { errors: [{ error: 'Exception', message: 'Internal server error' }] } }));
    const report = await sendMessages(messages, options({ maxAttempts: 3 }));
    expect(server.requests).toHaveLength(3);
    expect(report.stoppedBy?.message).toBe('GOV.UK Notify answered 500: Exception: Internal server error');
  });

  it('stops at once on 403 with Notify’s own message', async () => {
    server.respondWith(() => ({ status: 403, body: { errors: [{ error: 'AuthError', message: 'Invalid token: API key not found' }] } }));
    const report = await sendMessages(messages, options({ concurrency: 4 }));
    expect(report.sent).toBe(0);
    expect(report.stoppedBy?.status).toBe(403);
    expect(report.stoppedBy?.message).toBe('GOV.UK Notify answered 403: AuthError: Invalid token: API key not found');
    expect(server.requests.length).toBeLessThanOrEqual(4);
  });

  it('stops on 400 (a bad request for one person) without retrying', async () => {
    server.respondWith(() => ({ status: 400, body: { errors: [{ error: 'BadRequestError', message: 'Missing personalisation: match 3 name' }] } }));
    const report = await sendMessages(messages, options());
    expect(server.requests).toHaveLength(1);
    expect(report.stoppedBy?.message).toContain('Missing personalisation: match 3 name');
  });

  it('never puts the key in an error, even when the server echoes it', async () => {
    server.respondWith(() => ({ status: 403, body: { errors: [{ error: 'AuthError', message: `bad key ${testApiKey} / ${testApiSecret}` }] } }));
    const report = await sendMessages(messages, options());
    const text = `${report.stoppedBy?.message} ${String(report.stoppedBy?.stack)} ${JSON.stringify(report)}`;
    expect(text).not.toContain(testApiSecret);
    expect(text).toContain('[redacted]');
  });

  it('names the network failure, without the key, when Notify cannot be reached', async () => {
    await server.close();
    const report = await sendMessages(messages, options({ maxAttempts: 2 }));
    expect(report.stoppedBy?.message).toBe('could not reach GOV.UK Notify (ECONNREFUSED)');
    server = await startFakeNotifyServer();
  });

  it('keeps the key out of the send log', async () => {
    await sendMessages(messages, options());
    const log = readFileSync(logFile, 'utf8');
    expect(log).not.toContain(testApiSecret);
    expect(log).not.toContain('26785a09-ab16-4eb0-8407-a37497a57506');
  });

  it('rejects a key of the wrong shape without echoing it', async () => {
    await expect(sendMessages(messages, options({ apiKey: 'not-a-real-key-secretvalue' }))).rejects.toThrow(
      /^the API key does not look like a GOV.UK Notify API key/,
    );
    await expect(sendMessages(messages, options({ apiKey: 'not-a-real-key-secretvalue' }))).rejects.not.toThrow(/secretvalue/);
  });
});
