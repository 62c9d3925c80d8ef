// One `Excel.run` batch: operations queue on proxy objects and happen only at `context.sync()`, as in
// Excel; each sync counts, and a request or response over the payload cap fails like Excel on the
// web (5 MB). Properties exist only after `load()` and a sync.
import { FakeExcelError, notLoaded } from './fake-excel-error.js';
import type { FakeWorkbook } from './fake-workbook.js';

type Operation =
  { kind: 'write'; bytes: number; apply: () => void; cellValues: boolean } | { kind: 'read'; apply: () => number };

function bytesOf(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

export class Batch {
  readonly queue: Operation[] = [];
  constructor(readonly book: FakeWorkbook) {}

  /** Queues a change; `cellValues` marks a write of cells' values (counted in `dataSyncs`). */
  write(payload: unknown, apply: () => void, cellValues = false): void {
    this.queue.push({ kind: 'write', bytes: bytesOf(payload) + 32, apply, cellValues });
  }

  read(apply: () => unknown): void {
    this.queue.push({ kind: 'read', apply: () => bytesOf(apply()) + 32 });
  }

  async sync(): Promise<void> {
    const operations = this.queue.splice(0);
    // Excel answers a sync in a later task (a message from another process or frame), never within
    // the task that sent it: the pane's work before and after a sync are separate tasks, as in Excel.
    await nextTask();
    this.book.syncCount += 1;
    if (operations.some((op) => op.kind === 'write' && op.cellValues)) this.book.dataSyncs += 1;
    const requestBytes = operations.reduce((sum, op) => sum + (op.kind === 'write' ? op.bytes : 64), 0);
    if (requestBytes > this.book.payloadLimitBytes) {
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    let responseBytes = 0;
    for (const op of operations) {
      if (op.kind === 'write') op.apply();
      else responseBytes += op.apply();
    }
    if (responseBytes > this.book.payloadLimitBytes) {
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    this.book.maxResponseBytesSeen = Math.max(this.book.maxResponseBytesSeen, responseBytes);
    this.book.maxRequestBytesSeen = Math.max(this.book.maxRequestBytesSeen, requestBytes);
  }
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function splitProperties(properties: string): string[] {
  return properties
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

export class Loaded {
  protected snapshot: Record<string, unknown> | null = null;
  protected get<T>(property: string): T {
    if (!this.snapshot || !(property in this.snapshot)) notLoaded(property);
    return this.snapshot[property] as T;
  }
}
