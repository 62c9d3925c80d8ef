// The WorkbookHost for the standalone page: files chosen on the page, read in the file worker
// (src/worker/file-service.ts) so that no parsing runs on the page's thread; results kept in memory
// for the page to show and download. Nothing leaves the machine.
import type { Table } from '@mentor-matcher/tabular';
import { describeTable, isOffered } from '../data/sheet-choice.js';
import type { FileClient } from '../worker/file-client.js';
import type { FileTableShape, SheetReportData } from '../worker/file-protocol.js';
import type { ResultSheet, SettingsStore, SourceOption, WorkbookHost } from './workbook-host.js';

/** What loading one file gave, for the Data step to show. */
export interface LoadedFile {
  readonly name: string;
  readonly format: 'csv' | 'xlsx';
  /** Workbooks: every sheet, with what the page says about it; [] for CSV. */
  readonly sheets: readonly SheetReportData[];
  /** The source to use first: the chosen sheet, or the CSV; absent when no visible sheet gives a table. */
  readonly preferred?: string;
  /** Sentences to show as they are: the reader's (encoding assumed, header row found) and the workbook's. */
  readonly warnings: readonly string[];
}

export interface StandaloneHost extends WorkbookHost {
  readonly kind: 'standalone';
  /**
   * Reads a file in the worker: a CSV gives one source, a workbook one per sheet that can hold a
   * table. Throws the reader's sentence for a file that is no table or cannot be read at all.
   * `bytes` is handed to the worker: its buffer is detached afterwards.
   */
  addFile(name: string, bytes: Uint8Array): Promise<LoadedFile>;
  /** Adds a table made on the page (the sample data). */
  addTable(id: string, table: Table): SourceOption;
  /** What the last run wrote. */
  results(): readonly ResultSheet[];
  onResults(listener: (sheets: readonly ResultSheet[]) => void): void;
}

interface Entry {
  option: SourceOption;
  /** The table, once its rows are here. */
  table?: Table;
  /** Where a file's table is read from. */
  file?: { readonly fileName: string; readonly fileId: string; readonly sheet?: string; shape?: FileTableShape };
}

/** The reader's own warnings on a table, in the page's words: each names the file (and sheet). */
function readerWarnings(shape: FileTableShape): string[] {
  return (shape.warnings ?? []).map((w) => w.message);
}

/** `files` reads chosen files (the page's file worker); without it, only tables made on the page. */
export function createStandaloneHost(settings: SettingsStore, files?: FileClient): StandaloneHost {
  const entries = new Map<string, Entry>();
  const openFiles = new Map<string, string>();
  let results: readonly ResultSheet[] = [];
  const listeners: ((sheets: readonly ResultSheet[]) => void)[] = [];
  let loads = 0;

  function forget(fileName: string): void {
    for (const [id, entry] of entries) if (entry.file?.fileName === fileName) entries.delete(id);
    const fileId = openFiles.get(fileName);
    openFiles.delete(fileName);
    if (fileId) void files?.close(fileId).catch(() => undefined);
  }

  async function tableOf(entry: Entry): Promise<Table> {
    if (entry.table) return entry.table;
    const file = entry.file!;
    if (!files) throw new Error('This page cannot read files.');
    file.shape ??= await files.readSheet(file.fileId, file.sheet);
    const { rowCount: _rowCount, ...shape } = file.shape;
    const table: Table = { ...shape, rows: await files.rows(file.fileId, file.sheet, file.shape) };
    entry.table = table;
    entry.option = { ...entry.option, detail: describeShape(file.shape) };
    return table;
  }

  return {
    kind: 'standalone',
    settings,
    async addFile(name, bytes) {
      if (!files) throw new Error('This page cannot read files.');
      const fileId = `${name}#${++loads}`;
      const opened = await files.open(fileId, name, bytes);
      forget(name);
      openFiles.set(name, fileId);
      const warnings = [...opened.warnings, ...(opened.table ? readerWarnings(opened.table) : [])];
      if (opened.format === 'csv') {
        const id = `file:${name}`;
        const detail = opened.table ? describeShape(opened.table) : '';
        const file = { fileName: name, fileId, shape: opened.table ?? undefined };
        entries.set(id, { option: { id, label: name, detail }, file });
        return { name, format: 'csv', sheets: [], preferred: id, warnings };
      }
      let preferred: string | undefined;
      for (const sheet of opened.sheets) {
        if (!isOffered(sheet.status)) continue;
        const id = `file:${name}:${sheet.name}`;
        const chosen = sheet.name === opened.chosen;
        if (chosen) preferred = id;
        const option: SourceOption = {
          id,
          label: `${name} › ${sheet.name}`,
          detail: chosen && opened.table ? describeShape(opened.table) : sheet.note,
          ...(sheet.status === 'hidden' ? { hidden: true } : {}),
        };
        const shape = chosen && opened.table ? opened.table : undefined;
        entries.set(id, { option, file: { fileName: name, fileId, sheet: sheet.name, shape } });
      }
      return { name, format: 'xlsx', sheets: opened.sheets, preferred, warnings };
    },
    addTable(id, table) {
      const detail = describeTable(table.rows.length, table.header.length, table.headerRow);
      const option = { id, label: table.source, detail };
      entries.set(id, { option, table });
      return option;
    },
    async listSources() {
      return [...entries.values()].map((e) => e.option);
    },
    async readSource(id) {
      const found = entries.get(id);
      if (!found) throw new Error(`No loaded file ${id}.`);
      return tableOf(found);
    },
    async existingResults() {
      return [];
    },
    async writeResults(sheets) {
      results = sheets;
      for (const listener of listeners) listener(sheets);
    },
    async readLockedPairs() {
      return [];
    },
    results: () => results,
    onResults(listener) {
      listeners.push(listener);
    },
  };
}

/** What the page says about a table whose rows are still in the worker. */
function describeShape(shape: FileTableShape): string {
  return describeTable(shape.rowCount, shape.header.length, shape.headerRow);
}
