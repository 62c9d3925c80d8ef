// Sign-up times, for keeping the latest (or first) of a person's duplicate sign-ups. Cells may be
// Excel serial numbers, ISO text (what the table reader makes of a workbook's date cells), or dates
// written with slashes, day first as UK exports write them or month first as US ones do. Which of
// the two is decided once for the whole column, never row by row: "03/04/2026" in one row and
// "13/04/2026" in another are both day-first. A column that cannot be read is reported, not guessed.
import type { Cell } from '@mentor-matcher/tabular';

export type DateOrder = 'day-first' | 'month-first';

export interface TimestampColumn {
  /** Milliseconds since 1970 (as if UTC) per cell; null for a blank or unreadable cell. */
  readonly times: readonly (number | null)[];
  /** How slash dates were read; null when the column has none. */
  readonly order: DateOrder | null;
  /** True when no slash date had a first or second part above 12, so day-first was assumed. */
  readonly orderAssumed: boolean;
  /** Indices of non-blank cells that are no date and time (or contradict the column's order). */
  readonly unreadable: readonly number[];
}

/** Excel's day 0 is 30 December 1899 (1900 date system); serial 25569 is 1 January 1970. */
const EXCEL_EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;
const MAX_EXCEL_SERIAL = 2_958_465; // 31 December 9999

const iso =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const slashed =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;

function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const time = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 31 April over into May; a date that rolled over is no date.
  return new Date(time).getUTCDate() === day ? time : null;
}

function isoTime(match: RegExpMatchArray): number | null {
  const [, y, mo, d, h, mi, s, ms, zone] = match;
  const local = utc(+y, +mo, +d, +(h ?? 0), +(mi ?? 0), +(s ?? 0), ms === undefined ? 0 : +ms.padEnd(3, '0'));
  if (local === null || zone === undefined || zone.toUpperCase() === 'Z') return local;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return local - sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
}

function slashTime(match: RegExpMatchArray, order: DateOrder): number | null {
  const [, a, b, y, h, mi, s, meridiem] = match;
  const [day, month] = order === 'day-first' ? [+a, +b] : [+b, +a];
  let year = +y;
  if (y.length === 2) year += year < 70 ? 2000 : 1900;
  let hour = +(h ?? 0);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase().startsWith('p') ? 12 : 0);
  }
  return utc(year, month, day, hour, +(mi ?? 0), +(s ?? 0));
}

/** Reads a column of sign-up times (see the file's opening comment). */
export function readTimestamps(cells: readonly Cell[]): TimestampColumn {
  // First pass: which reading do the slash dates allow?
  let dayFirstOnly = false;
  let monthFirstOnly = false;
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    const match = cell.trim().match(slashed);
    if (!match) continue;
    if (+match[1] > 12) dayFirstOnly = true;
    if (+match[2] > 12) monthFirstOnly = true;
  }
  const conflict = dayFirstOnly && monthFirstOnly;
  const order: DateOrder = monthFirstOnly && !dayFirstOnly ? 'month-first' : 'day-first';
  let sawSlash = false;
  const unreadable: number[] = [];
  const times = cells.map((cell, index): number | null => {
    if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return null;
    let time: number | null = null;
    if (typeof cell === 'number') {
      time = cell > 0 && cell <= MAX_EXCEL_SERIAL ? Math.round((cell - EXCEL_EPOCH_SERIAL) * DAY_MS) : null;
    } else if (typeof cell === 'string') {
      const text = cell.trim();
      const isoMatch = text.match(iso);
      const slashMatch = isoMatch ? null : text.match(slashed);
      if (isoMatch) time = isoTime(isoMatch);
      else if (slashMatch) {
        sawSlash = true;
        time = conflict ? null : slashTime(slashMatch, order);
      }
    }
    if (time === null) unreadable.push(index);
    return time;
  });
  return {
    times,
    order: sawSlash ? order : null,
    orderAssumed: sawSlash && !dayFirstOnly && !monthFirstOnly,
    unreadable,
  };
}
