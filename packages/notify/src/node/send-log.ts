// The record of what has been sent, one JSON object per line, appended and flushed to disk right
// after each successful send. Read at start, it makes a re-run after a crash or Ctrl-C skip everyone
// already emailed. Contains no API key.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { messageKinds, type MessageKind } from '../messages.js';

export const sendLogEntrySchema = z.object({
  recipient: z.string(),
  kind: z.enum(messageKinds),
  template: z.string(),
  notificationId: z.string(),
  time: z.string(),
});
export type SendLogEntry = z.infer<typeof sendLogEntrySchema>;

export function sendLogKey(kind: MessageKind, recipient: string): string {
  return `${kind}\u0000${recipient.trim().toLowerCase()}`;
}

export interface SendLogContents {
  readonly sent: ReadonlySet<string>;
  readonly entries: readonly SendLogEntry[];
  /** Lines that are not a valid entry (a line cut short by a crash); 1-based line numbers. */
  readonly unreadableLines: readonly number[];
}

export function readSendLog(path: string): SendLogContents {
  const sent = new Set<string>();
  const entries: SendLogEntry[] = [];
  const unreadableLines: number[] = [];
  if (!existsSync(path)) return { sent, entries, unreadableLines };
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        unreadableLines.push(i + 1);
        return;
      }
      const entry = sendLogEntrySchema.safeParse(parsed);
      if (!entry.success) {
        unreadableLines.push(i + 1);
        return;
      }
      entries.push(entry.data);
      sent.add(sendLogKey(entry.data.kind, entry.data.recipient));
    });
  return { sent, entries, unreadableLines };
}

export class SendLogWriter {
  readonly #fd: number;

  constructor(path: string) {
    this.#fd = openSync(path, 'a');
  }

  append(entry: SendLogEntry): void {
    writeSync(this.#fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(this.#fd);
  }

  close(): void {
    closeSync(this.#fd);
  }
}
