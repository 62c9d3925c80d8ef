// The page's side of the file worker (file-service.ts). Unlike the match client, requests may
// overlap (several files chosen at once), so replies are matched to requests by id. A file's bytes
// are handed over, not copied: after open() the caller's buffer is detached.
import { fileResponseSchema, type FileRequest, type FileResponse, type FileTableShape } from './file-protocol.js';
import type { TableData } from './protocol.js';

/** Cells per 'table-rows' reply: small enough that receiving one never blocks the page for long. */
export const fileCellsPerSlice = 10_000;

/** What the client needs of a worker: a real one (workerPort), or the in-process one of the unit tests. */
export interface FileWorkerPort {
  post(message: unknown, transfer: Transferable[]): void;
  /** Calls `onMessage` with each message's data, `onError` when the worker fails. */
  listen(onMessage: (data: unknown) => void, onError: (message: string) => void): void;
  terminate(): void;
}

export function workerPort(worker: Worker): FileWorkerPort {
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    listen(onMessage, onError) {
      worker.onmessage = (event: MessageEvent) => onMessage(event.data);
      worker.onerror = (event: ErrorEvent) => onError(event.message);
    },
    terminate: () => worker.terminate(),
  };
}

export type FileOpened = Extract<FileResponse, { type: 'file-opened' }>;
type Reply = Exclude<FileResponse, { type: 'failed' }>;
type NewFileRequest = FileRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** A file or sheet the reader refused; `code` is tabular's TableReadError code where there is one. */
export class FileReadFailed extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'FileReadFailed';
  }
}

export class FileClient {
  private worker: FileWorkerPort | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: unknown) => void }>();

  constructor(private readonly createWorker: () => FileWorkerPort) {}

  private ensureWorker(): FileWorkerPort {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.listen(
      (data) => this.receive(data),
      (message) => {
        // A crashed worker loses its open files; the next request starts a fresh one.
        this.worker?.terminate();
        this.worker = null;
        const error = new Error(`The file reader stopped (${message || 'unknown error'}). Load the file again.`);
        for (const { reject } of this.pending.values()) reject(error);
        this.pending.clear();
      },
    );
    this.worker = worker;
    return worker;
  }

  private receive(data: unknown): void {
    const parsed = fileResponseSchema.safeParse(data);
    const id = (data as { id?: unknown } | null)?.id;
    const pending = typeof id === 'number' ? this.pending.get(id) : undefined;
    if (!pending || typeof id !== 'number') return;
    this.pending.delete(id);
    if (!parsed.success) {
      pending.reject(new Error(`Unexpected message from the file reader: ${parsed.error.issues[0]?.message ?? ''}`));
    } else if (parsed.data.type === 'failed') {
      pending.reject(new FileReadFailed(parsed.data.message, parsed.data.code));
    } else {
      pending.resolve(parsed.data);
    }
  }

  private request(request: NewFileRequest, transfer: Transferable[] = []): Promise<Reply> {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.post({ ...request, id }, transfer);
    });
  }

  /** Sends the file's bytes (their buffer transferred) and gets what the worker made of them. */
  async open(fileId: string, name: string, bytes: Uint8Array): Promise<FileOpened> {
    // A view on part of a buffer (or on shared memory) is copied first: only a whole buffer can be handed over.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const own = whole && bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer) : new Uint8Array(bytes);
    const reply = await this.request({ type: 'open-file', fileId, name, bytes: own }, [own.buffer]);
    if (reply.type !== 'file-opened') throw new Error(`Unexpected reply ${reply.type}.`);
    return reply;
  }

  /** Reads one sheet of an opened workbook (or the CSV's table when `sheet` is absent). */
  async readSheet(fileId: string, sheet?: string): Promise<FileTableShape> {
    const reply = await this.request({ type: 'read-sheet', fileId, sheet });
    if (reply.type !== 'sheet-read') throw new Error(`Unexpected reply ${reply.type}.`);
    return reply.table;
  }

  /** A table's rows, fetched slice by slice so that no one message blocks the page. */
  async rows(fileId: string, sheet: string | undefined, shape: FileTableShape): Promise<TableData['rows']> {
    const rows: TableData['rows'] = [];
    const perSlice = Math.max(1, Math.floor(fileCellsPerSlice / Math.max(1, shape.header.length)));
    for (let start = 0; start < shape.rowCount; start += perSlice) {
      const reply = await this.request({ type: 'table-rows', fileId, sheet, start, count: perSlice });
      if (reply.type !== 'table-rows') throw new Error(`Unexpected reply ${reply.type}.`);
      for (const row of reply.rows) rows.push(row);
    }
    return rows;
  }

  async close(fileId: string): Promise<void> {
    await this.request({ type: 'close-file', fileId });
  }
}
