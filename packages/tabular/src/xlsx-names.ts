// Names Excel accepts for sheets and tables. A name it rejects makes it "repair" the whole file
// (and drop the table), so the writer never passes one through unchecked.

const SHEET_NAME_MAX = 31;

/**
 * Sheet names: at most 31 characters, none of [ ] : * ? / \, not starting or ending with an
 * apostrophe, not "History" (reserved by Excel), unique without regard to case.
 */
export function uniqueSheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((name) => {
    let base = name
      // eslint-disable-next-line no-control-regex -- Excel refuses control characters in sheet names
      .replace(/[[\]:*?/\\\u0000-\u001F]/g, '_')
      .replace(/^'+|'+$/g, '')
      .trim();
    if (base === '') base = 'Sheet';
    if (base.toLowerCase() === 'history') base = `${base}_`;
    base = truncate(base, SHEET_NAME_MAX);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = truncate(base, SHEET_NAME_MAX - suffix.length) + suffix;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/**
 * Table names: letters, digits, `_` and `.`, starting with a letter or `_`, not a cell reference
 * (A1 or R1C1 style), at most 255 characters, unique without regard to case across the workbook.
 */
export function uniqueTableNames(sheetNames: readonly string[]): string[] {
  const taken = new Set<string>();
  return sheetNames.map((sheetName) => {
    let base = sheetName.replace(/[^A-Za-z0-9_.]/g, '_');
    if (!/^[A-Za-z_]/.test(base) || looksLikeReference(base)) base = `Table_${base}`;
    base = base.slice(0, 240);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}_${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

function looksLikeReference(name: string): boolean {
  return /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[Rr][0-9]*([Cc][0-9]*)?$/.test(name) || /^[Cc][0-9]*$/.test(name);
}

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
