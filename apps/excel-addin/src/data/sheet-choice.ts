// Which sheet of a chosen workbook the page reads first, and what it says about every sheet. The
// page offers each sheet; it reads sheets in tab order only until it finds the one to use, so a
// big workbook costs one sheet, not all of them.
//
// The rule: the first visible worksheet that gives a table of two or more columns (a sign-up list;
// a "Notes" sheet of one column of text is passed over), else the first visible one that gives any
// table. Hidden sheets are never taken by guess, and their presence is a warning, so a hidden
// first sheet is never used silently. A sheet that cannot be read is passed over with its reason:
// it does not stop the others. A zip bomb stops the whole file: nothing in it is to be trusted.
import { summariseList, TableReadError, type Table, type XlsxSheetInfo } from '@mentor-matcher/tabular';

/**
 * - `table`: read; its table is known.
 * - `unread`: a visible worksheet after the one chosen; read when someone picks it.
 * - `hidden`: hidden in Excel; offered, never chosen by guess, read when picked.
 * - `empty`, `chart` (chart and other non-worksheet sheets), `unreadable`: not offered.
 */
export type SheetStatus = 'table' | 'unread' | 'hidden' | 'empty' | 'chart' | 'unreadable';

export interface SheetReport {
  readonly name: string;
  readonly status: SheetStatus;
  /** What the page says about the sheet, e.g. "50 rows, 8 columns, header on row 2". */
  readonly note: string;
  /** `table` sheets: what was read. */
  readonly table?: Table;
}

export interface SheetChoice {
  /** The sheet to use; null when no visible sheet gives a table. */
  readonly chosen: string | null;
  /** Every sheet, in tab order. */
  readonly sheets: readonly SheetReport[];
  /** Sentences about the workbook as a whole (hidden sheets, sheets passed over). */
  readonly warnings: readonly string[];
}

/** Sheets the page offers in its lists (the others are noted only). */
export function isOffered(status: SheetStatus): boolean {
  return status === 'table' || status === 'unread' || status === 'hidden';
}

/** "50 rows, 8 columns, header on row 2": a table's size and where its header is. */
export function describeTable(rows: number, columns: number, headerRow: number): string {
  const count = (n: number, noun: string) => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
  return `${count(rows, 'row')}, ${count(columns, 'column')}, header on row ${headerRow}`;
}

const describeOf = (table: Table) => describeTable(table.rows.length, table.header.length, table.headerRow);
const quoted = (name: string) => `"${name}"`;

/**
 * Chooses the sheet of `source` to use. `read` reads one sheet by name and throws TableReadError
 * when it cannot (an empty sheet throws code `empty`).
 */
export function chooseSheet(
  source: string,
  sheets: readonly XlsxSheetInfo[],
  read: (name: string) => Table,
): SheetChoice {
  const reports = new Map<string, SheetReport>();
  const passedOver: string[] = [];
  let chosen: string | null = null;
  let fallback: string | null = null;
  for (const sheet of sheets) {
    if (sheet.kind !== 'worksheet') {
      const what = sheet.kind === 'chartsheet' ? 'a chart sheet' : 'not a worksheet';
      reports.set(sheet.name, { name: sheet.name, status: 'chart', note: `${what}: it holds no table` });
      continue;
    }
    if (!sheet.visible) {
      const how = sheet.visibility === 'veryHidden' ? 'very hidden (by a macro)' : 'hidden';
      const note = `${how} in Excel: used only if you choose it`;
      reports.set(sheet.name, { name: sheet.name, status: 'hidden', note });
      continue;
    }
    if (chosen !== null) {
      reports.set(sheet.name, { name: sheet.name, status: 'unread', note: 'read when you choose it' });
      continue;
    }
    let table: Table;
    try {
      table = read(sheet.name);
    } catch (error) {
      if (!(error instanceof TableReadError) || error.code === 'zip-bomb') throw error;
      const empty = error.code === 'empty';
      reports.set(sheet.name, {
        name: sheet.name,
        status: empty ? 'empty' : 'unreadable',
        note: empty ? 'empty' : error.message,
      });
      passedOver.push(`${quoted(sheet.name)} (${empty ? 'empty' : 'cannot be read'})`);
      continue;
    }
    reports.set(sheet.name, { name: sheet.name, status: 'table', note: describeOf(table), table });
    if (table.header.length >= 2) chosen = sheet.name;
    else {
      fallback ??= sheet.name;
      passedOver.push(`${quoted(sheet.name)} (one column: notes rather than a table)`);
    }
  }
  const picked = chosen ?? fallback;
  const warnings: string[] = [];
  if (chosen !== null && passedOver.length > 0) {
    warnings.push(`${source}: using the sheet ${quoted(chosen)}, passing over ${summariseList(passedOver)}.`);
  }
  const hidden = sheets.filter((s) => s.kind === 'worksheet' && !s.visible).map((s) => quoted(s.name));
  if (hidden.length > 0) {
    const one = hidden.length === 1;
    const which = `${one ? 'a hidden sheet' : 'hidden sheets'}, ${summariseList(hidden)},`;
    const then =
      picked === null
        ? 'no visible sheet holds a table. Choose a hidden sheet in the list to use it.'
        : `using ${quoted(picked)}. Choose a hidden sheet in the list to use it instead.`;
    warnings.push(`${source} has ${which} which ${one ? 'was' : 'were'} not used; ${then}`);
  }
  return { chosen: picked, sheets: sheets.map((s) => reports.get(s.name)!), warnings };
}

/** Why nothing in a workbook can be used, when no sheet is offered at all. */
export function nothingToUse(source: string, choice: SheetChoice): string | null {
  if (choice.sheets.some((s) => isOffered(s.status))) return null;
  if (choice.sheets.length === 0) return `${source} has no sheets.`;
  const reasons = choice.sheets.map((s) => `${quoted(s.name)}: ${s.note}`);
  return `${source} has no sheet with a table to use (${reasons.join('; ')}).`;
}
