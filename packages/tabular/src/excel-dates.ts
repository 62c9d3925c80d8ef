// Excel stores dates as serial day numbers and marks them only through the cell's number format.
// ECMA-376 Part 1, §18.8.30 lists the built-in formats: ids 14–22 and 45–47 are dates or times.
// Custom formats are dates when they use day, month or year codes outside quotes and brackets.

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const MS_PER_DAY = 86_400_000;

export type DateKind = 'date' | 'date-time' | 'time' | null;

/** Whether a number format shows a date (and whether it shows a time as well). */
export function dateKindOfFormat(formatId: number, formatCode: string | undefined): DateKind {
  if (formatCode === undefined) {
    if (!BUILT_IN_DATE_FORMATS.has(formatId)) return null;
    if (formatId === 22) return 'date-time';
    return formatId >= 18 && formatId <= 21 ? 'time' : formatId >= 45 ? 'time' : 'date';
  }
  // Keep only the codes: drop quoted literals, escaped characters, [Red]/[$-409] sections, and
  // every section after the first (the others format negatives, zero and text).
  const codes = formatCode
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]
    .toLowerCase();
  const hasDate = /[dy]/.test(codes) || (/m/.test(codes) && !/[hs]/.test(codes));
  const hasTime = /[hs]/.test(codes);
  if (hasDate) return hasTime ? 'date-time' : 'date';
  return hasTime ? 'time' : null;
}

/**
 * An ISO 8601 string for serial `value`: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when the format
 * shows a time and the value has one. In the 1900 system day 60 is 29 February 1900, a day that
 * did not exist but that Excel keeps (from Lotus 1-2-3); it is returned as Excel shows it.
 * A time-only format gives `HH:MM:SS` for a value under one day (a longer duration stays a number).
 * Returns undefined for a value that is no valid date (negative, or after 9999-12-31).
 */
export function excelSerialToIso(value: number, date1904: boolean, kind: Exclude<DateKind, null>): string | undefined {
  if (!Number.isFinite(value) || value < 0 || value >= 2_958_466) return undefined;
  if (kind === 'time') return value < 1 ? timeOf(value) : undefined;
  if (!date1904 && Math.floor(value) === 60)
    return kind === 'date' || value === 60 ? '1900-02-29' : `1900-02-29T${timeOf(value)}`;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : value < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const ms = epoch + Math.round((value * MS_PER_DAY) / 1000) * 1000;
  const iso = new Date(ms).toISOString();
  const day = iso.slice(0, 10);
  if (kind === 'date' || value === Math.floor(value)) return day;
  return `${day}T${iso.slice(11, 19)}`;
}

function timeOf(value: number): string {
  return new Date(Math.round(((value - Math.floor(value)) * MS_PER_DAY) / 1000) * 1000).toISOString().slice(11, 19);
}
