// The send log: one JSON object per line, appended and flushed to disk (fsync) before the next step.
// Write-ahead: a message is logged as `sending`, with the unique reference it is sent under, before
// the request leaves, and as `sent` (or `failed`) after Notify answers. A run stopped in between by
// a crash, a kill or a second Ctrl-C leaves `sending` as the message's last line, and the next run
// asks Notify for that reference before deciding to send it again, so nobody gets a message twice.
//
// Lines (every one has `event` and `time`; none holds the API key or the personalisation):
//   run      result (identity of the messages sent from), planned
//   sending  key, reference, kind, template, recipient
//   sent     key, reference, kind, recipient, notificationId, confirmedBy? ("lookup": found at Notify)
//   failed   key, reference, kind, recipient, status, reason (Notify refused it)
// `key` is the message's content hash (message-key.ts). Lines of the first format (recipient, kind,
// template, notificationId, time, no `event`) are read as sent, whatever their content was.
import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { messageKinds, type MessageKind, type Recipient } from '../messages.js';
import type { PriorLookup } from '../plan.js';
import { messageKey, normalisedEmail } from './message-key.js';
import { NotifyConfigError } from './notify-errors.js';

const kind = z.enum(messageKinds);
const runLine = z.object({ event: z.literal('run'), time: z.string(), result: z.string(), planned: z.number() });
const sendingLine = z.object({
  event: z.literal('sending'),
  time: z.string(),
  key: z.string(),
  reference: z.string(),
  kind,
  template: z.string(),
  recipient: z.string(),
});
const sentLine = z.object({
  event: z.literal('sent'),
  time: z.string(),
  key: z.string(),
  reference: z.string(),
  kind,
  recipient: z.string(),
  notificationId: z.string(),
  confirmedBy: z.literal('lookup').optional(),
});
const failedLine = z.object({
  event: z.literal('failed'),
  time: z.string(),
  key: z.string(),
  reference: z.string(),
  kind,
  recipient: z.string(),
  status: z.number().nullable(),
  reason: z.string(),
});
export const sendLogEntrySchema = z.discriminatedUnion('event', [runLine, sendingLine, sentLine, failedLine]);
export type SendLogEntry = z.infer<typeof sendLogEntrySchema>;
const firstFormatLine = z.object({
  recipient: z.string(),
  kind,
  template: z.string(),
  notificationId: z.string(),
  time: z.string(),
});

export interface LoggedMessage {
  readonly state: 'sending' | 'sent' | 'failed';
  readonly reference: string;
  readonly kind: MessageKind;
  readonly recipient: string;
  readonly reason?: string;
}

export interface SendLogContents {
  /** Each message's latest state, by content key. */
  readonly messages: ReadonlyMap<string, LoggedMessage>;
  /** Normalised addresses that were sent any message. */
  readonly sentTo: ReadonlySet<string>;
  /** `kind NUL address` of lines in the first format (content unknown). */
  readonly firstFormatSent: ReadonlySet<string>;
  /** The results this log's runs sent from, first seen first. */
  readonly results: readonly string[];
  /** Lines that are not a valid entry (a line cut short by a crash); 1-based line numbers. */
  readonly unreadableLines: readonly number[];
}

export function readSendLog(path: string): SendLogContents {
  const messages = new Map<string, LoggedMessage>();
  const sentTo = new Set<string>();
  const firstFormatSent = new Set<string>();
  const results: string[] = [];
  const unreadableLines: number[] = [];
  const text = readLogText(path);
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      unreadableLines.push(i + 1);
      return;
    }
    const entry = sendLogEntrySchema.safeParse(json);
    if (!entry.success) {
      const old = firstFormatLine.safeParse(json);
      if (old.success) {
        firstFormatSent.add(`${old.data.kind}\u0000${normalisedEmail(old.data.recipient)}`);
        sentTo.add(normalisedEmail(old.data.recipient));
      } else {
        unreadableLines.push(i + 1);
      }
      return;
    }
    const e = entry.data;
    if (e.event === 'run') {
      if (!results.includes(e.result)) results.push(e.result);
      return;
    }
    // Once sent, always sent: a later line for the same message cannot undo a delivery.
    if (messages.get(e.key)?.state === 'sent') return;
    const reason = e.event === 'failed' ? e.reason : undefined;
    messages.set(e.key, { state: e.event, reference: e.reference, kind: e.kind, recipient: e.recipient, reason });
    if (e.event === 'sent') sentTo.add(normalisedEmail(e.recipient));
  });
  return { messages, sentTo, firstFormatSent, results, unreadableLines };
}

/** What the log says about each message, for planSends. */
export function priorFromLog(log: SendLogContents): PriorLookup {
  return (kind: MessageKind, template: string, recipient: Recipient) => {
    const logged = log.messages.get(messageKey(template, recipient));
    if (logged?.state === 'sent') return { state: 'sent' };
    if (logged?.state === 'sending') return { state: 'unconfirmed', reference: logged.reference };
    if (logged?.state === 'failed')
      return { state: 'failed', reference: logged.reference, reason: logged.reason ?? '' };
    const email = normalisedEmail(recipient.email);
    if (log.firstFormatSent.has(`${kind}\u0000${email}`)) return { state: 'sent' };
    return log.sentTo.has(email) ? { state: 'changed' } : { state: 'new' };
  };
}

function readLogText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return '';
    throw new NotifyConfigError(`cannot read the send log ${path}: ${fileProblem(code)}`);
  }
}

function fileProblem(code: string | undefined): string {
  if (code === 'EISDIR') return 'it is a folder; move it out of the way (keeping it if it holds an earlier log)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'the disk is full';
  return code ?? 'unknown error';
}

/** Appends entries, each one written and fsynced before append returns. */
export class SendLogWriter {
  readonly #fd: number;
  readonly #path: string;

  constructor(path: string) {
    this.#path = path;
    try {
      this.#fd = openSync(path, 'a+');
    } catch (error) {
      throw this.#failure(error);
    }
    // A crash can leave the last line cut short; start on a line of our own so that only that
    // fragment is unreadable, not the first line this run writes.
    const { size } = fstatSync(this.#fd);
    const last = Buffer.alloc(1);
    if (size > 0 && readSync(this.#fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) this.#write('\n');
  }

  append(entry: SendLogEntry): void {
    this.#write(`${JSON.stringify(entry)}\n`);
  }

  #write(text: string): void {
    try {
      writeSync(this.#fd, text);
      fsyncSync(this.#fd);
    } catch (error) {
      throw this.#failure(error);
    }
  }

  #failure(error: unknown): NotifyConfigError {
    const code = (error as NodeJS.ErrnoException).code;
    return new NotifyConfigError(`cannot write the send log ${this.#path}: ${fileProblem(code)}`);
  }

  close(): void {
    closeSync(this.#fd);
  }
}
