// Sends the planned emails through GOV.UK Notify's official client: at most `perMinute` a minute,
// retrying 429 and 5xx answers with exponential backoff and jitter, stopping at once on any other
// error with Notify's own message, and logging each success before the next so that a re-run never
// emails anyone twice.
import { NotifyClient } from 'notifications-node-client';
import type { MessageKind, Messages } from '../messages.js';
import { planSends, type PlannedSend, type Templates } from '../plan.js';
import { parseApiKey } from './api-key.js';
import { systemClock, type Clock } from './clock.js';
import { toNotifyRequestError, type NotifyRequestError } from './notify-errors.js';
import { RateLimiter } from './rate-limiter.js';
import { readSendLog, sendLogKey, SendLogWriter } from './send-log.js';

/** The part of NotifyClient the sender uses; tests may pass their own. */
export interface EmailClient {
  sendEmail(
    templateId: string,
    emailAddress: string,
    options: { personalisation: Record<string, string>; reference?: string; emailReplyToId?: string },
  ): Promise<{ data: { id: string } }>;
}

export function createNotifyEmailClient(apiKey: string, baseUrl?: string): EmailClient {
  return (baseUrl ? new NotifyClient(baseUrl, apiKey) : new NotifyClient(apiKey)) as unknown as EmailClient;
}

export type SendEvent =
  | { readonly type: 'sent'; readonly kind: MessageKind; readonly recipient: string; readonly done: number; readonly total: number }
  | { readonly type: 'retry'; readonly kind: MessageKind; readonly recipient: string; readonly attempt: number; readonly delayMs: number; readonly reason: string }
  | { readonly type: 'unreadable-log-lines'; readonly lines: readonly number[] };

export interface SendOptions {
  /** Used to sign requests and to keep the key out of every message; never logged. */
  readonly apiKey: string;
  readonly templates: Templates;
  /** The JSON-lines send log (read at start, appended after each success). */
  readonly logFile: string;
  readonly baseUrl?: string;
  readonly replyToId?: string;
  readonly perMinute?: number;
  readonly concurrency?: number;
  readonly maxAttempts?: number;
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly client?: EmailClient;
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: SendEvent) => void;
}

export interface SendReport {
  readonly sent: number;
  readonly planned: number;
  readonly alreadySent: Readonly<Record<MessageKind, number>>;
  readonly withoutTemplate: Readonly<Partial<Record<MessageKind, number>>>;
  /** The error that stopped sending, if one did; everything before it is in the log. */
  readonly stoppedBy: NotifyRequestError | null;
  readonly cancelled: boolean;
}

export async function sendMessages(messages: Messages, options: SendOptions): Promise<SendReport> {
  const key = parseApiKey(options.apiKey, 'the API key');
  const secrets = [options.apiKey.trim(), key.secret];
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 6;
  const baseMs = options.backoffBaseMs ?? 1_000;
  const maxMs = options.backoffMaxMs ?? 60_000;
  const client = options.client ?? createNotifyEmailClient(options.apiKey.trim(), options.baseUrl);
  const limiter = new RateLimiter({ perMinute: options.perMinute ?? 3_000, clock });

  const log = readSendLog(options.logFile);
  if (log.unreadableLines.length > 0) options.onEvent?.({ type: 'unreadable-log-lines', lines: log.unreadableLines });
  const plan = planSends(messages, options.templates, (kind, email) => log.sent.has(sendLogKey(kind, email)));
  const writer = new SendLogWriter(options.logFile);

  let next = 0;
  let sent = 0;
  let stoppedBy: NotifyRequestError | null = null;
  const stopped = () => stoppedBy !== null || options.signal?.aborted === true;

  const sendOne = async (item: PlannedSend): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      await limiter.take();
      if (stopped()) return;
      try {
        const response = await client.sendEmail(item.template, item.recipient.email, {
          personalisation: item.recipient.personalisation,
          reference: `mentor-matcher ${item.kind}`,
          ...(options.replyToId ? { emailReplyToId: options.replyToId } : {}),
        });
        writer.append({
          recipient: item.recipient.email,
          kind: item.kind,
          template: item.template,
          notificationId: String(response?.data?.id ?? ''),
          time: new Date(clock.now()).toISOString(),
        });
        sent++;
        options.onEvent?.({ type: 'sent', kind: item.kind, recipient: item.recipient.email, done: sent, total: plan.sends.length });
        return;
      } catch (error) {
        const failure = toNotifyRequestError(error, secrets);
        if (!failure.retryable || attempt >= maxAttempts) {
          stoppedBy ??= failure;
          return;
        }
        const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
        const jittered = ceiling / 2 + random() * (ceiling / 2);
        const delayMs = Math.round(Math.max(jittered, (failure.retryAfterSeconds ?? 0) * 1_000));
        options.onEvent?.({ type: 'retry', kind: item.kind, recipient: item.recipient.email, attempt, delayMs, reason: failure.message });
        await clock.sleep(delayMs);
        if (stopped()) return;
      }
    }
  };

  const worker = async (): Promise<void> => {
    while (!stopped() && next < plan.sends.length) await sendOne(plan.sends[next++]);
  };

  try {
    const workers = Math.max(1, Math.min(options.concurrency ?? 4, plan.sends.length));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    writer.close();
  }
  return {
    sent,
    planned: plan.sends.length,
    alreadySent: plan.alreadySent,
    withoutTemplate: plan.withoutTemplate,
    stoppedBy,
    cancelled: stoppedBy === null && options.signal?.aborted === true,
  };
}
