// Sends the planned emails through GOV.UK Notify so that nobody gets the same message twice, even
// when a run is interrupted, killed or crashes:
// - write-ahead: each message is logged as `sending` under a fresh reference (fsynced) before its
//   request, and as `sent` after Notify accepts it (send-log.ts);
// - a message left `sending` by an earlier run, or whose request timed out or was cut off, is looked
//   up at Notify by its reference (GET /v2/notifications?reference=…) before it is sent again;
// - every request has a deadline (notify-client.ts); 429, 5xx, timeouts and dropped connections
//   are retried with exponential backoff and jitter, honouring Retry-After up to a cap;
// - a message Notify refuses (400) is logged as failed with Notify's reason and the others go on;
//   anything that would fail for everyone (403, an unreadable log) stops the run.
// At most `perMinute` requests a minute (lookups included). When `signal` aborts (Ctrl-C), no new
// request starts; requests in flight finish or time out and are logged.
import { randomUUID } from 'node:crypto';
import type { MessageKind, Messages, Recipient } from '../messages.js';
import { planSends, type PlannedSend, type SendPlan, type Templates } from '../plan.js';
import { parseApiKey } from './api-key.js';
import { systemClock, type Clock } from './clock.js';
import { messageKey, resultIdentity } from './message-key.js';
import { createNotifyClient, type NotifyApi } from './notify-client.js';
import { NotifyConfigError, NotifyRequestError, seconds, toNotifyRequestError } from './notify-errors.js';
import { RateLimiter } from './rate-limiter.js';
import { priorFromLog, readSendLog, SendLogWriter, type SendLogEntry } from './send-log.js';

export type SendEvent =
  | {
      readonly type: 'sent';
      readonly kind: MessageKind;
      readonly recipient: Recipient;
      readonly done: number;
      readonly total: number;
    }
  /** An earlier run's request had arrived: found at Notify by its reference, now logged as sent. */
  | { readonly type: 'confirmed'; readonly kind: MessageKind; readonly recipient: Recipient }
  | { readonly type: 'refused'; readonly kind: MessageKind; readonly recipient: Recipient; readonly reason: string }
  | {
      readonly type: 'retry';
      readonly kind: MessageKind;
      readonly recipient: Recipient;
      readonly attempt: number;
      readonly delayMs: number;
      readonly reason: string;
    }
  | { readonly type: 'unreadable-log-lines'; readonly lines: readonly number[] };

export interface SendOptions {
  /** Used to sign requests and to keep the key out of every message; never logged. */
  readonly apiKey: string;
  readonly templates: Templates;
  /** The JSON-lines send log (read at start, appended before and after each request). */
  readonly logFile: string;
  readonly baseUrl?: string;
  readonly replyToId?: string;
  readonly perMinute?: number;
  readonly concurrency?: number;
  /** Tries per message, lookups included, before the run stops. Default 6. */
  readonly maxAttempts?: number;
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
  /** How long one request may take (ms). Default 30 s. Applies to the built-in client only. */
  readonly requestTimeoutMs?: number;
  /** The longest Retry-After honoured (ms); Notify asking for longer stops the run. Default 5 min. */
  readonly maxRetryAfterMs?: number;
  /** Send again the messages Notify refused in an earlier run. Default false. */
  readonly retryFailed?: boolean;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly client?: NotifyApi;
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: SendEvent) => void;
}

export interface RefusedSend {
  readonly kind: MessageKind;
  readonly recipient: Recipient;
  readonly status: number | null;
  /** Notify's own words. */
  readonly reason: string;
}

export interface SendReport {
  readonly plan: SendPlan;
  /** Accepted by Notify in this run. */
  readonly sent: number;
  /** Sent by an earlier run that stopped before logging it: found at Notify, not sent again. */
  readonly confirmed: number;
  /** Refused by Notify in this run (logged as failed; the others went on). */
  readonly refused: readonly RefusedSend[];
  /** Left `sending` in the log (no answer before the run stopped); the next run looks them up first. */
  readonly unconfirmed: number;
  /** The error that stopped sending, if one did; everything before it is in the log. */
  readonly stoppedBy: Error | null;
  readonly cancelled: boolean;
  /** This result's identity, and the other results this log was used for before (a re-match). */
  readonly result: { readonly id: string; readonly earlier: readonly string[] };
}

export async function sendMessages(messages: Messages, options: SendOptions): Promise<SendReport> {
  const key = parseApiKey(options.apiKey, 'the API key');
  const secrets = [options.apiKey.trim(), key.secret];
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 6;
  const baseMs = options.backoffBaseMs ?? 1_000;
  const maxMs = options.backoffMaxMs ?? 60_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 5 * 60_000;
  const api =
    options.client ??
    createNotifyClient(options.apiKey.trim(), {
      baseUrl: options.baseUrl,
      timeoutMs: options.requestTimeoutMs ?? 30_000,
    });
  const limiter = new RateLimiter({ perMinute: options.perMinute ?? 3_000, clock });
  const signal = options.signal;

  const log = readSendLog(options.logFile);
  if (log.unreadableLines.length > 0) options.onEvent?.({ type: 'unreadable-log-lines', lines: log.unreadableLines });
  const plan = planSends(messages, options.templates, priorFromLog(log), { retryFailed: options.retryFailed });
  const resultId = resultIdentity(messages);
  const result = { id: resultId, earlier: log.results.filter((r) => r !== resultId) };
  const writer = new SendLogWriter(options.logFile);
  const time = () => new Date(clock.now()).toISOString();
  writer.append({ event: 'run', time: time(), result: result.id, planned: plan.sends.length });

  let next = 0;
  let sent = 0;
  let confirmed = 0;
  const refused: RefusedSend[] = [];
  const unresolved = new Set<string>();
  let stoppedBy: Error | null = null;
  const stopped = () => stoppedBy !== null || signal?.aborted === true;

  const deliver = async (item: PlannedSend): Promise<void> => {
    const { kind, template, recipient } = item;
    const entry = { key: messageKey(template, recipient), kind, recipient: recipient.email };
    const reference =
      item.prior.state === 'unconfirmed' || item.prior.state === 'failed'
        ? item.prior.reference
        : `mentor-matcher-${randomUUID()}`;
    const logLine = (line: Untimed<SendLogEntry>) => writer.append({ ...line, time: time() } as SendLogEntry);
    let mustLookUp = item.prior.state === 'unconfirmed';
    for (let attempt = 1; ; attempt++) {
      await limiter.take(signal);
      if (stopped()) return;
      let lookingUp = mustLookUp;
      try {
        if (mustLookUp) {
          const found = await findByReference(api, reference);
          if (found !== null) {
            logLine({ event: 'sent', ...entry, reference, notificationId: found, confirmedBy: 'lookup' });
            unresolved.delete(entry.key);
            confirmed++;
            options.onEvent?.({ type: 'confirmed', kind, recipient });
            return;
          }
          mustLookUp = false;
          lookingUp = false;
          await limiter.take(signal);
          if (stopped()) return;
        }
        logLine({ event: 'sending', ...entry, reference, template });
        unresolved.add(entry.key);
        const response = await api.sendEmail(template, recipient.email, {
          personalisation: recipient.personalisation,
          reference,
          ...(options.replyToId ? { emailReplyToId: options.replyToId } : {}),
        });
        logLine({ event: 'sent', ...entry, reference, notificationId: String(response?.data?.id ?? '') });
        unresolved.delete(entry.key);
        sent++;
        options.onEvent?.({ type: 'sent', kind, recipient, done: sent + confirmed, total: plan.sends.length });
        return;
      } catch (error) {
        if (error instanceof NotifyConfigError) {
          stoppedBy ??= error;
          return;
        }
        const failure = toNotifyRequestError(error, secrets, clock.now());
        if (failure.kind === 'refused' && !lookingUp) {
          const reason = failure.notifyMessage || failure.message;
          logLine({ event: 'failed', ...entry, reference, status: failure.status, reason });
          unresolved.delete(entry.key);
          refused.push({ kind, recipient, status: failure.status, reason });
          options.onEvent?.({ type: 'refused', kind, recipient, reason });
          return;
        }
        if (!failure.retryable) {
          stoppedBy ??= failure;
          return;
        }
        // It may have arrived: ask before sending it again.
        if (failure.kind === 'uncertain') mustLookUp = true;
        if (attempt >= maxAttempts) {
          stoppedBy ??= new NotifyRequestError(`${failure.message} (${attempt} tries)`, failure.status, failure.kind);
          return;
        }
        if (failure.retryAfterMs !== null && failure.retryAfterMs > maxRetryAfterMs) {
          stoppedBy ??= new NotifyRequestError(
            `${failure.message}, and asked to wait ${seconds(failure.retryAfterMs)} before trying again ` +
              `(more than the ${seconds(maxRetryAfterMs)} this run waits)`,
            failure.status,
            'fatal',
          );
          return;
        }
        const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
        const jittered = ceiling / 2 + random() * (ceiling / 2);
        const delayMs = Math.round(Math.max(jittered, failure.retryAfterMs ?? 0));
        if (stopped()) return;
        options.onEvent?.({ type: 'retry', kind, recipient, attempt, delayMs, reason: failure.message });
        await clock.sleep(delayMs, signal);
        if (stopped()) return;
      }
    }
  };

  const worker = async (): Promise<void> => {
    while (!stopped() && next < plan.sends.length) await deliver(plan.sends[next++]);
  };

  for (const item of plan.sends)
    if (item.prior.state === 'unconfirmed') unresolved.add(messageKey(item.template, item.recipient));
  try {
    const workers = Math.max(1, Math.min(options.concurrency ?? 4, plan.sends.length));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    writer.close();
  }
  return {
    plan,
    sent,
    confirmed,
    refused,
    unconfirmed: unresolved.size,
    stoppedBy,
    cancelled: stoppedBy === null && signal?.aborted === true,
    result,
  };
}

type Untimed<T> = T extends unknown ? Omit<T, 'time'> : never;

/** The id of a notification sent under `reference`, or null when Notify has none. */
async function findByReference(api: NotifyApi, reference: string): Promise<string | null> {
  const response = await api.getNotifications('email', undefined, reference);
  const found = response?.data?.notifications?.find((n) => n.reference === reference);
  return found ? String(found.id) : null;
}
