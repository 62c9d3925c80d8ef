import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  accept,
  acceptSilently,
  ignore,
  refuse,
  startFakeNotifyServer,
  testApiKey,
  testApiSecret,
  type FakeNotifyServer,
} from './testing/fake-notify-server.js';
import { result } from '../../test/match-result-fixture.js';
import { buildMessages, type Messages } from '../messages.js';
import type { Clock } from './clock.js';
import { messageKey } from './message-key.js';
import { NotifyConfigError } from './notify-errors.js';
import { sendMessages, type SendEvent, type SendOptions } from './sender.js';

const templates = {
  'mentor-matched': 'aaaaaaaa-0000-4000-8000-000000000001',
  'mentor-unmatched': 'aaaaaaaa-0000-4000-8000-000000000002',
  'mentee-matched': 'aaaaaaaa-0000-4000-8000-000000000003',
  'mentee-unmatched': 'aaaaaaaa-0000-4000-8000-000000000004',
};
const messages = buildMessages(result);
const everyone = 5;

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
  requestTimeoutMs: 2_000,
  ...extra,
});
const logLines = () =>
  readFileSync(logFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
/** Every message was accepted by Notify exactly once. */
function expectEveryoneOnce(count = everyone): void {
  const counts = server.acceptedCounts();
  expect(counts.size).toBe(count);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
}

beforeEach(async () => {
  server = await startFakeNotifyServer();
  dir = mkdtempSync(join(tmpdir(), 'notify-send-'));
  logFile = join(dir, 'notify-log.jsonl');
});
afterEach(() => server.close());

describe('sendMessages', () => {
  it('sends each person the template for their kind with their personalisation', async () => {
    const report = await sendMessages(messages, options());
    expect(report.sent).toBe(everyone);
    const byEmail = new Map(server.sends.map((r) => [r.body.email_address, r.body]));
    expect(byEmail.get('ada@example.gov.uk')?.template_id).toBe(templates['mentor-matched']);
    expect(byEmail.get('bob@example.gov.uk')?.template_id).toBe(templates['mentor-unmatched']);
    expect(byEmail.get('eve@example.gov.uk')?.template_id).toBe(templates['mentee-unmatched']);
    expect(byEmail.get('ada@example.gov.uk')?.personalisation?.['match 2 name']).toBe("Dan O'Neil");
    expect(byEmail.get('cat@example.gov.uk')?.personalisation?.['match 1 email']).toBe('ada@example.gov.uk');
  });

  it('posts to Notify’s email endpoint with a Bearer JWT', async () => {
    await sendMessages(messages, options());
    for (const r of server.sends) {
      expect(r.path).toBe('/v2/notifications/email');
      expect(r.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    }
  });

  it('passes the reply-to id when given', async () => {
    await sendMessages(messages, options({ replyToId: 'bbbbbbbb-0000-4000-8000-000000000009' }));
    expect(server.sends[0].body.email_reply_to_id).toBe('bbbbbbbb-0000-4000-8000-000000000009');
  });

  it('logs each message as sending, under its reference, before the request, then as sent', async () => {
    let linesWhenRequestArrived: { event: string; reference: string }[] = [];
    server.respondWith((_r, i) => {
      if (i === 0) linesWhenRequestArrived = logLines();
      return accept;
    });
    await sendMessages(messages, options());
    const first = server.sends[0].body;
    expect(linesWhenRequestArrived.at(-1)).toMatchObject({ event: 'sending', reference: first.reference });
    const lines = logLines();
    expect(lines[0]).toMatchObject({
      event: 'run',
      planned: everyone,
      result: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    const ada = messages.lists['mentor-matched'].recipients[0];
    expect(lines[1]).toEqual({
      event: 'sending',
      time: '2023-11-14T22:13:20.000Z',
      key: messageKey(templates['mentor-matched'], ada),
      reference: first.reference,
      kind: 'mentor-matched',
      template: templates['mentor-matched'],
      recipient: 'ada@example.gov.uk',
    });
    expect(lines[2]).toMatchObject({ event: 'sent', reference: first.reference, notificationId: 'notification-0' });
    expect(new Set(server.sends.map((r) => r.body.reference)).size).toBe(everyone);
  });

  it('keeps people’s personalisation out of the log (content is identified by a hash)', async () => {
    await sendMessages(messages, options());
    expect(readFileSync(logFile, 'utf8')).not.toContain("Dan O'Neil");
  });

  it('sends nobody anything twice when re-run after stopping half way', async () => {
    const abort = new AbortController();
    const onEvent = (e: SendEvent) => {
      if (e.type === 'sent' && e.done === 2) abort.abort();
    };
    const first = await sendMessages(messages, options({ signal: abort.signal, onEvent }));
    expect(first.cancelled).toBe(true);
    expect(server.sends).toHaveLength(2);
    const second = await sendMessages(messages, options());
    expect(second.sent).toBe(3);
    expectEveryoneOnce();
  });

  it('sends nothing on a third run once everyone is in the log', async () => {
    await sendMessages(messages, options());
    const again = await sendMessages(messages, options());
    expect(again.sent).toBe(0);
    expect(server.sends).toHaveLength(everyone);
    expect(again.plan.alreadySent['mentee-matched']).toBe(2);
    expect(again.plan.counts).toMatchObject({ new: 0, changed: 0, alreadySent: everyone });
  });
});

describe('sendMessages after a crash between Notify accepting a message and the log saying so', () => {
  it('finds the message at Notify by its reference and does not send it again', async () => {
    // The first run's request for Ada arrived and was kept, and the run died before hearing back.
    server.respondWith((_r, i) => (i === 0 ? acceptSilently : accept));
    const abort = new AbortController();
    void server.until(() => server.sends.length === 1).then(() => abort.abort());
    const first = await sendMessages(messages, options({ signal: abort.signal, requestTimeoutMs: 100 }));
    expect(first.cancelled).toBe(true);
    expect(first.unconfirmed).toBe(1);
    expect(logLines().at(-1)).toMatchObject({ event: 'sending', recipient: 'ada@example.gov.uk' });

    server.respondWith(() => accept);
    const events: SendEvent[] = [];
    const second = await sendMessages(messages, options({ onEvent: (e) => events.push(e) }));
    expect(second.plan.counts.unconfirmed).toBe(1);
    expect(second.confirmed).toBe(1);
    expect(second.sent).toBe(everyone - 1);
    expect(server.lookups.map((l) => l.reference)).toEqual([server.sends[0].body.reference]);
    expect(events).toContainEqual(expect.objectContaining({ type: 'confirmed', kind: 'mentor-matched' }));
    expect(logLines()).toContainEqual(
      expect.objectContaining({ event: 'sent', recipient: 'ada@example.gov.uk', confirmedBy: 'lookup' }),
    );
    expectEveryoneOnce();
  });

  it('sends it, under the same reference, when Notify has no message with that reference', async () => {
    const ada = messages.lists['mentor-matched'].recipients[0];
    const line = {
      event: 'sending',
      time: 't',
      key: messageKey(templates['mentor-matched'], ada),
      reference: 'mentor-matcher-never-arrived',
      kind: 'mentor-matched',
      template: templates['mentor-matched'],
      recipient: ada.email,
    };
    writeFileSync(logFile, `${JSON.stringify(line)}\n`);
    const report = await sendMessages(messages, options());
    expect(server.lookups.map((l) => l.reference)).toEqual(['mentor-matcher-never-arrived']);
    expect(report.confirmed).toBe(0);
    expect(report.sent).toBe(everyone);
    expect(server.sends.find((r) => r.body.email_address === ada.email)?.body.reference).toBe(
      'mentor-matcher-never-arrived',
    );
    expectEveryoneOnce();
  });

  it('lets requests in flight finish when stopped, then a re-run sends everyone exactly once', async () => {
    // Four requests in flight, each kept by Notify but never answered (as if the answers were lost).
    server.respondWith(() => acceptSilently);
    const abort = new AbortController();
    void server.until(() => server.sends.length === 4).then(() => abort.abort());
    const first = await sendMessages(
      messages,
      options({ signal: abort.signal, concurrency: 4, requestTimeoutMs: 200 }),
    );
    expect(first.cancelled).toBe(true);
    expect(first.unconfirmed).toBe(4);
    expect(server.notifications).toHaveLength(4);

    server.respondWith(() => accept);
    const second = await sendMessages(messages, options({ concurrency: 4 }));
    expect(second.confirmed).toBe(4);
    expect(second.sent).toBe(1);
    expectEveryoneOnce();
  });

  it('after a request times out, asks Notify before trying again, so a slow acceptance is not sent twice', async () => {
    server.respondWith((_r, i) => (i === 0 ? acceptSilently : accept));
    const report = await sendMessages(messages, options({ requestTimeoutMs: 100 }));
    expect(report.stoppedBy).toBeNull();
    expect(report.confirmed).toBe(1);
    expect(report.sent).toBe(everyone - 1);
    expect(server.lookups).toHaveLength(1);
    expectEveryoneOnce();
  });
});

describe('sendMessages with a slow or unwell Notify', () => {
  it('gives up on a server that never answers, with a clear message, instead of waiting for ever', async () => {
    server.respondWith(() => ignore);
    const events: SendEvent[] = [];
    const report = await sendMessages(
      messages,
      options({ requestTimeoutMs: 100, maxAttempts: 3, onEvent: (e) => events.push(e) }),
    );
    expect(report.stoppedBy?.message).toBe('GOV.UK Notify did not answer within 0.1 s (3 tries)');
    expect(report.sent).toBe(0);
    expect(report.unconfirmed).toBe(1);
    // Each retry first asked whether the unanswered request had arrived.
    expect(server.lookups).toHaveLength(2);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
  });

  it('stops at once when Ctrl-C comes during a backoff wait', async () => {
    server.respondWith(() => refuse(429, 'RateLimitError', 'Exceeded rate limit', { 'Retry-After': '60' }));
    const abort = new AbortController();
    const clock = fakeClock();
    // A clock whose waits end only on the signal; Ctrl-C comes once the 60-second wait has begun.
    const sleepy: Clock = {
      now: clock.now,
      sleep: (_ms, signal) => {
        queueMicrotask(() => abort.abort());
        return new Promise((resolve) => signal?.addEventListener('abort', () => resolve()));
      },
    };
    const report = await sendMessages(messages, options({ clock: sleepy, signal: abort.signal }));
    expect(report.cancelled).toBe(true);
    expect(server.sends).toHaveLength(1);
  });

  it('waits as long as Retry-After says, in seconds', async () => {
    server.respondWith((_r, i) =>
      i === 0 ? refuse(429, 'RateLimitError', 'Exceeded rate limit', { 'Retry-After': '7' }) : accept,
    );
    const clock = fakeClock();
    const report = await sendMessages(messages, options({ clock }));
    expect(report.sent).toBe(everyone);
    expect(clock.sleeps).toContain(7_000);
  });

  it('waits until the time Retry-After gives as an HTTP date', async () => {
    const clock = fakeClock();
    const in30s = new Date(clock.now() + 30_000).toUTCString();
    server.respondWith((_r, i) => (i === 0 ? refuse(503, 'Unavailable', 'busy', { 'Retry-After': in30s }) : accept));
    const report = await sendMessages(messages, options({ clock }));
    expect(report.sent + report.confirmed).toBe(everyone);
    expect(clock.sleeps).toContain(30_000);
    expectEveryoneOnce();
  });

  it('stops with a clear message when Retry-After is longer than the cap, without retrying', async () => {
    server.respondWith(() => refuse(429, 'RateLimitError', 'Exceeded rate limit', { 'Retry-After': '3000000' }));
    const clock = fakeClock();
    const report = await sendMessages(messages, options({ clock }));
    expect(server.sends).toHaveLength(1);
    expect(clock.sleeps.filter((ms) => ms > 1_000)).toEqual([]);
    expect(report.stoppedBy?.message).toBe(
      'GOV.UK Notify answered 429: RateLimitError: Exceeded rate limit, ' +
        'and asked to wait 35 days before trying again ' +
        '(more than the 5 min this run waits)',
    );
  });

  it('backs off exponentially on 429 and then sends', async () => {
    server.respondWith((_r, i) => (i < 3 ? refuse(429, 'RateLimitError', 'Exceeded rate limit') : accept));
    const clock = fakeClock();
    const events: SendEvent[] = [];
    const report = await sendMessages(
      messages,
      options({ clock, backoffBaseMs: 1000, onEvent: (e) => events.push(e) }),
    );
    expect(report.sent).toBe(everyone);
    const delays = events.flatMap((e) => (e.type === 'retry' ? [e.delayMs] : []));
    expect(delays).toEqual([750, 1500, 3000]);
    expect(clock.sleeps).toEqual(expect.arrayContaining([750, 1500, 3000]));
    expect(server.lookups).toHaveLength(0);
  });

  it('retries a 500, asking before each retry whether it arrived, and gives up after the attempt cap', async () => {
    server.respondWith(() => refuse(500, 'Exception', 'Internal server error'));
    const report = await sendMessages(messages, options({ maxAttempts: 3 }));
    expect(server.sends).toHaveLength(3);
    expect(server.lookups).toHaveLength(2);
    expect(report.stoppedBy?.message).toBe('GOV.UK Notify answered 500: Exception: Internal server error (3 tries)');
  });

  it('stops at once on 403 with Notify’s own message', async () => {
    server.respondWith(() => refuse(403, 'AuthError', 'Invalid token: API key not found'));
    const report = await sendMessages(messages, options({ concurrency: 4 }));
    expect(report.sent).toBe(0);
    expect(report.stoppedBy).toMatchObject({
      status: 403,
      message: 'GOV.UK Notify answered 403: AuthError: Invalid token: API key not found',
    });
    expect(server.sends.length).toBeLessThanOrEqual(4);
  });

  it('names the network failure, without the key, when Notify cannot be reached', async () => {
    await server.close();
    const report = await sendMessages(messages, options({ maxAttempts: 2 }));
    expect(report.stoppedBy?.message).toBe('could not reach GOV.UK Notify (ECONNREFUSED) (2 tries)');
    server = await startFakeNotifyServer();
  });
});

describe('sendMessages with recipients Notify refuses', () => {
  const jane = (email: string): Messages => {
    const copy = structuredClone(messages);
    copy.lists['mentee-unmatched'].recipients[0].email = email;
    copy.lists['mentee-unmatched'].recipients[0].name = 'Jane Doe';
    return copy;
  };

  it('records a 400 for one person as failed, with Notify’s reason, and sends the others', async () => {
    server.respondWith((r) =>
      r.body.email_address === 'cat@example.gov.uk'
        ? refuse(400, 'ValidationError', 'email_address Not a valid email address')
        : accept,
    );
    const report = await sendMessages(messages, options());
    expect(report.sent).toBe(everyone - 1);
    expect(report.stoppedBy).toBeNull();
    expect(report.refused).toEqual([
      expect.objectContaining({
        kind: 'mentee-matched',
        status: 400,
        reason: 'ValidationError: email_address Not a valid email address',
      }),
    ]);
    expect(report.refused[0].recipient).toMatchObject({ email: 'cat@example.gov.uk', name: 'Cat Ng' });
    expect(logLines()).toContainEqual(
      expect.objectContaining({
        event: 'failed',
        recipient: 'cat@example.gov.uk',
        status: 400,
        reason: 'ValidationError: email_address Not a valid email address',
      }),
    );
  });

  it('does not try a refused message again unless asked, and then sends only that one', async () => {
    server.respondWith((r) =>
      r.body.email_address === 'cat@example.gov.uk' ? refuse(400, 'BadRequestError', 'no') : accept,
    );
    await sendMessages(messages, options());
    server.respondWith(() => accept);
    const again = await sendMessages(messages, options());
    expect(again.sent).toBe(0);
    expect(again.plan.counts).toMatchObject({ failedEarlier: 1, alreadySent: everyone - 1 });
    expect(again.plan.failedEarlier[0].recipient.email).toBe('cat@example.gov.uk');
    const retry = await sendMessages(messages, options({ retryFailed: true }));
    expect(retry.sent).toBe(1);
    expect(retry.plan.counts.retried).toBe(1);
    expectEveryoneOnce();
  });

  it('never sends to an address Notify would refuse, and names the person', async () => {
    const report = await sendMessages(jane('jane.doe@gov'), options());
    expect(report.plan.invalid).toEqual([
      expect.objectContaining({
        kind: 'mentee-unmatched',
        reason: 'the domain "gov" has no top-level part (such as .uk or .com)',
      }),
    ]);
    expect(report.plan.invalid[0].recipient.name).toBe('Jane Doe');
    expect(server.sends.map((r) => r.body.email_address)).not.toContain('jane.doe@gov');
    expect(report.sent).toBe(everyone - 1);
  });
});

describe('sendMessages after a re-match into the same folder', () => {
  const rematched = (): Messages => {
    const copy = structuredClone(messages);
    copy.lists['mentee-matched'].recipients[0].personalisation['match 1 name'] = 'Bob Stone';
    return copy;
  };

  it('sends a changed message, not the unchanged ones, and says which is which', async () => {
    await sendMessages(messages, options());
    const report = await sendMessages(rematched(), options());
    expect(report.plan.counts).toMatchObject({ new: 0, changed: 1, alreadySent: everyone - 1 });
    expect(report.sent).toBe(1);
    expect(server.sends.at(-1)?.body).toMatchObject({
      email_address: 'cat@example.gov.uk',
      personalisation: { 'match 1 name': 'Bob Stone' },
    });
  });

  it('reports that the log was written for another result', async () => {
    const first = await sendMessages(messages, options());
    const second = await sendMessages(rematched(), options());
    expect(second.result.id).not.toBe(first.result.id);
    expect(second.result.earlier).toEqual([first.result.id]);
    const third = await sendMessages(rematched(), options());
    expect(third.result.earlier).toEqual([first.result.id]);
  });

  it('reads a log in the first format (no content key) as sent to that person and kind', async () => {
    const old = {
      recipient: 'ada@example.gov.uk',
      kind: 'mentor-matched',
      template: 't',
      notificationId: 'n',
      time: 't',
    };
    writeFileSync(logFile, `${JSON.stringify(old)}\n`);
    const report = await sendMessages(messages, options());
    expect(report.plan.counts.alreadySent).toBe(1);
    expect(server.sends.map((r) => r.body.email_address)).not.toContain('ada@example.gov.uk');
  });
});

describe('sendMessages and its log file', () => {
  it('reports a log line cut short by a crash and still honours the complete ones', async () => {
    await sendMessages(messages, options());
    writeFileSync(logFile, `${readFileSync(logFile, 'utf8')}{"event":"sent","ke`);
    const events: SendEvent[] = [];
    const again = await sendMessages(messages, options({ onEvent: (e) => events.push(e) }));
    expect(events[0]).toEqual({ type: 'unreadable-log-lines', lines: [2 * everyone + 2] });
    expect(again.sent).toBe(0);
  });

  it('starts its own lines after a cut-short one, so only the fragment is unreadable', async () => {
    writeFileSync(logFile, '{"event":"sent","ke');
    await sendMessages(messages, options());
    const events: SendEvent[] = [];
    const again = await sendMessages(messages, options({ onEvent: (e) => events.push(e) }));
    expect(events).toEqual([{ type: 'unreadable-log-lines', lines: [1] }]);
    expect(again.sent).toBe(0);
  });

  it('refuses a log that is a folder with a clear error, sending nothing', async () => {
    mkdirSync(logFile);
    const run = sendMessages(messages, options());
    await expect(run).rejects.toThrow(NotifyConfigError);
    await expect(sendMessages(messages, options())).rejects.toThrow(/notify-log\.jsonl: it is a folder/);
    expect(server.sends).toHaveLength(0);
  });
});

describe('sendMessages and the API key', () => {
  it('never puts the key in an error, even when the server echoes it', async () => {
    server.respondWith(() => refuse(403, 'AuthError', `bad key ${testApiKey} / ${testApiSecret}`));
    const report = await sendMessages(messages, options());
    const text = `${report.stoppedBy?.message} ${String(report.stoppedBy?.stack)} ${JSON.stringify(report)}`;
    expect(text).not.toContain(testApiSecret);
    expect(text).toContain('[redacted]');
  });

  it('keeps the key out of the send log, even in a refused message’s reason', async () => {
    server.respondWith((_r, i) => (i === 0 ? refuse(400, 'BadRequestError', `echo ${testApiKey}`) : accept));
    await sendMessages(messages, options());
    const log = readFileSync(logFile, 'utf8');
    expect(log).not.toContain(testApiSecret);
    expect(log).not.toContain('26785a09-ab16-4eb0-8407-a37497a57506');
  });

  it('rejects a key of the wrong shape without echoing it', async () => {
    await expect(sendMessages(messages, options({ apiKey: 'not-a-real-key-secretvalue' }))).rejects.toThrow(
      /^the API key does not look like a GOV.UK Notify API key/,
    );
    await expect(sendMessages(messages, options({ apiKey: 'not-a-real-key-secretvalue' }))).rejects.not.toThrow(
      /secretvalue/,
    );
  });

  it('refuses a plain-http Notify address on another machine', async () => {
    await expect(sendMessages(messages, options({ baseUrl: 'http://notify.example.com' }))).rejects.toThrow(
      /the Notify address must use https/,
    );
  });
});
