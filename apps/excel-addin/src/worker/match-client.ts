// The pane's side of the worker: one request at a time, progress callbacks, and Cancel. A match is
// one long synchronous computation in the worker, so Cancel terminates the worker (the only way to
// stop it at once) and the next request starts a fresh one.
import {
  resultTableNames,
  responseSchema,
  type MatchInputData,
  type ResultTablesData,
  type TableData,
  type TableShape,
  type WorkerRequest,
  type WorkerResponse,
} from './protocol.js';

/** Cells per 'rows' message: small enough that receiving one never blocks the pane for long. */
export const cellsPerSlice = 10_000;

export class MatchCancelled extends Error {
  constructor() {
    super('The match was cancelled.');
    this.name = 'MatchCancelled';
  }
}

export type Progress = Extract<WorkerResponse, { type: 'progress' }>;
type Final = Exclude<WorkerResponse, { type: 'progress' }>;
/** A request without its id (the client numbers them), for each kind of request. */
export type NewRequest = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export class MatchClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending: {
    id: number;
    resolve: (r: Final) => void;
    reject: (e: unknown) => void;
    onProgress?: (p: Progress) => void;
  } | null = null;

  constructor(private readonly createWorker: () => Worker) {}

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event: MessageEvent) => this.receive(event.data);
    worker.onerror = (event: ErrorEvent) => {
      const pending = this.pending;
      this.pending = null;
      this.worker?.terminate();
      this.worker = null;
      pending?.reject(new Error(`The match worker stopped: ${event.message || 'unknown error'}`));
    };
    this.worker = worker;
    return worker;
  }

  private receive(data: unknown): void {
    const parsed = responseSchema.safeParse(data);
    const pending = this.pending;
    if (!pending) return;
    if (!parsed.success) {
      this.pending = null;
      pending.reject(new Error(`Unexpected message from the worker: ${parsed.error.issues[0]?.message ?? ''}`));
      return;
    }
    const message = parsed.data;
    if (message.id !== pending.id) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message);
      return;
    }
    this.pending = null;
    pending.resolve(message);
  }

  /** Starts the worker ahead of the first request, so loading it is not part of a run. */
  warm(): void {
    this.ensureWorker();
  }

  get busy(): boolean {
    return this.pending !== null;
  }

  request(request: NewRequest, onProgress?: (p: Progress) => void): Promise<Final> {
    if (this.pending) return Promise.reject(new Error('A match is already running.'));
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise<Final>((resolve, reject) => {
      this.pending = { id, resolve, reject, onProgress };
      worker.postMessage({ ...request, id });
    });
  }

  /**
   * Sends a check or match; a big input goes ahead in slices ('stage' messages), so the pane never
   * copies the whole input in one task.
   */
  async run(
    request: Extract<NewRequest, { type: 'check' | 'match' }>,
    onProgress?: (p: Progress) => void,
  ): Promise<Final> {
    const { input } = request;
    const tables: ['mentors' | 'mentees' | 'people', TableData][] =
      input.kind === 'two-tables'
        ? [
            ['mentors', input.mentors],
            ['mentees', input.mentees],
          ]
        : [['people', input.people]];
    const cells = tables.reduce((sum, [, t]) => sum + t.rows.length * Math.max(1, t.header.length), 0);
    if (cells <= cellsPerSlice) return this.request(request, onProgress);
    for (const [slot, table] of tables) {
      const perSlice = Math.max(1, Math.floor(cellsPerSlice / Math.max(1, table.header.length)));
      for (let start = 0; start === 0 || start < table.rows.length; start += perSlice) {
        const reply = await this.request({
          type: 'stage',
          slot,
          start,
          rows: table.rows.slice(start, start + perSlice),
        });
        if (reply.type !== 'staged')
          throw new Error(reply.type === 'failed' ? reply.message : `Unexpected reply ${reply.type}.`);
      }
    }
    const shapes = tables.map(([, t]) => ({ ...t, rows: [] }));
    const bare: MatchInputData =
      input.kind === 'two-tables'
        ? { ...input, mentors: shapes[0], mentees: shapes[1] }
        : { ...input, people: shapes[0] };
    return this.request({ ...request, input: bare, staged: true }, onProgress);
  }

  /** Fetches the last match's result tables (all, or those named) from the worker, slice by slice. */
  async fetchResultTables(
    shapes: Record<(typeof resultTableNames)[number], TableShape>,
    names: readonly (typeof resultTableNames)[number][] = resultTableNames,
  ): Promise<Partial<ResultTablesData>> {
    const tables: Partial<ResultTablesData> = {};
    for (const name of resultTableNames.filter((n) => names.includes(n))) {
      const { rowCount, ...shape } = shapes[name];
      const rows: TableData['rows'] = [];
      const perSlice = Math.max(1, Math.floor(cellsPerSlice / Math.max(1, shape.header.length)));
      for (let start = 0; start < rowCount; start += perSlice) {
        const reply = await this.request({ type: 'rows', table: name, start, count: perSlice });
        if (reply.type !== 'rows')
          throw new Error(reply.type === 'failed' ? reply.message : `Unexpected reply ${reply.type}.`);
        for (const row of reply.rows) rows.push(row);
      }
      tables[name] = { ...shape, rows };
    }
    return tables;
  }

  cancel(): void {
    const pending = this.pending;
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
    pending?.reject(new MatchCancelled());
  }
}
