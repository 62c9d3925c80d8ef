// The WorkbookHost for the standalone page: CSV and XLSX files read in the browser, results kept in
// memory for the page to show and download. Nothing leaves the machine.
import { listXlsxSheets, readCsv, readXlsx, type Table } from '@mentor-matcher/tabular';
import type { ResultSheet, SettingsStore, SourceOption, WorkbookHost } from './workbook-host.js';

export interface StandaloneHost extends WorkbookHost {
  readonly kind: 'standalone';
  /** Reads a CSV or XLSX file; an XLSX file gives one source per sheet. Returns the new sources. */
  addFile(name: string, bytes: Uint8Array): SourceOption[];
  /** Adds a table made on the page (the sample data). */
  addTable(id: string, table: Table): SourceOption;
  /** What the last run wrote. */
  results(): readonly ResultSheet[];
  onResults(listener: (sheets: readonly ResultSheet[]) => void): void;
}

function describe(table: Table): string {
  return `${table.rows.length} rows, ${table.header.length} columns`;
}

export function createStandaloneHost(settings: SettingsStore): StandaloneHost {
  const tables = new Map<string, { option: SourceOption; table: Table }>();
  let results: readonly ResultSheet[] = [];
  const listeners: ((sheets: readonly ResultSheet[]) => void)[] = [];

  function add(id: string, label: string, table: Table): SourceOption {
    const option = { id, label, detail: describe(table) };
    tables.set(id, { option, table });
    return option;
  }

  return {
    kind: 'standalone',
    settings,
    addFile(name, bytes) {
      if (/\.xlsx$/i.test(name)) {
        return listXlsxSheets(bytes).map((sheet) =>
          add(`file:${name}:${sheet}`, `${name} › ${sheet}`, readXlsx(bytes, { source: name, sheet })),
        );
      }
      return [add(`file:${name}`, name, readCsv(bytes, { source: name }))];
    },
    addTable(id, table) {
      return add(id, table.source, table);
    },
    async listSources() {
      return [...tables.values()].map((t) => t.option);
    },
    async readSource(id) {
      const found = tables.get(id);
      if (!found) throw new Error(`No loaded file ${id}.`);
      return found.table;
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
