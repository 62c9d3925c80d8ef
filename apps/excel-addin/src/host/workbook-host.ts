// What the UI needs from wherever the data lives: an Excel workbook, or files on the standalone
// page. Only src/host/ knows which.
import type { Table } from '@mentor-matcher/tabular';

/** A place a table can be read from: an Excel table, a range, a CSV file or an XLSX sheet. */
export interface SourceOption {
  readonly id: string;
  readonly label: string;
  /** Where it is, e.g. "Sheet1!A1:J51" or "mentors.csv, 50 rows". */
  readonly detail: string;
  /** A sheet hidden in Excel: offered, but never picked by guess, so it is not used silently. */
  readonly hidden?: boolean;
}

/** A result table to write as its own sheet. */
export interface ResultSheet {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number | boolean | null)[])[];
}

/** A problem's location, to show the offending cell. */
export interface CellLocation {
  readonly source: string;
  /** Row number as the user sees it. */
  readonly row?: number;
  readonly column?: string;
}

/** Decisions typed in the Pairs sheet: anything in `lock` locks a pair, anything in `forbid` forbids it. */
export interface PairDecisions {
  readonly locked: { mentor: string; mentee: string }[];
  readonly forbidden: { mentor: string; mentee: string }[];
  /** Pairs on rows whose `lock` cell is empty: a lock the rule set holds for one of them was cleared. */
  readonly unlocked: { mentor: string; mentee: string }[];
}

/** What else a write does besides adding the sheets. */
export interface WriteOptions {
  /**
   * Result sheets of an earlier run that this one does not write (the coordinator stopped choosing
   * them): removed in the same write, so no sheet is left over from another run.
   */
  readonly remove?: readonly string[];
}

export interface SettingsStore {
  load(): Promise<unknown>;
  save(value: unknown): Promise<void>;
}

export interface WorkbookHost {
  readonly kind: 'excel' | 'standalone';
  listSources(): Promise<SourceOption[]>;
  readSource(id: string): Promise<Table>;
  /** Excel only: the current selection as a source (its address shown to the user). */
  selectionSource?(): Promise<SourceOption>;
  /** Which of these result sheets already exist (an earlier run), so the user can be asked first. */
  existingResults(names: readonly string[]): Promise<string[]>;
  writeResults(sheets: readonly ResultSheet[], options?: WriteOptions): Promise<void>;
  /** Pairs marked in an earlier Pairs result's `lock` column (any non-empty value). */
  readLockedPairs(pairsSheet: string): Promise<{ mentor: string; mentee: string }[]>;
  /** Excel only: the pairs marked in the `lock` and in the `forbid` column, read in one go. */
  readPairDecisions?(pairsSheet: string): Promise<PairDecisions>;
  /** Excel only: selects the cell a problem refers to. */
  reveal?(location: CellLocation): Promise<void>;
  readonly settings: SettingsStore;
}

/** The input is more than the pane can read without risking Excel's limits or its memory. */
export class InputTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputTooLargeError';
  }
}
