// The one place where cell values become numbers for scoring. Each column a rule reads is encoded
// once per side into a typed array: categories → dictionary codes shared by both sides (so "same
// value" is an integer compare), ladders and numbers → Float64 (NaN = blank or unknown, which makes
// every comparison false without a branch), lists → bitsets over the shared dictionary.
import type { Cell } from '@mentor-matcher/tabular';

/**
 * How a condition compares text. `loose` (the default) reads values as people mean them (see
 * `categoryKey`) and never counts a blank as a value. `exact` compares the text as written, case,
 * spacing and all, and a blank cell is the empty text, equal to another blank: the reference system's
 * `==` on the CSV's strings.
 */
export type TextComparison = 'loose' | 'exact';

/**
 * How two category values are compared: trimmed, inner spacing collapsed, case folded. So
 * "Department of Joy" and "department  of joy" are the same organisation; subtler variants
 * ("Dept of Joy") are not, and the near-duplicate check warns about them.
 */
export function categoryKey(cell: Cell): string {
  if (cell === null) return '';
  return String(cell).trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The text of a cell as written; a blank cell is the empty text. */
export function exactText(cell: Cell): string {
  return cell === null ? '' : String(cell);
}

/** The comparison key of a whole cell: `categoryKey` or `exactText`. */
export function comparisonKey(cell: Cell, compare: TextComparison): string {
  return compare === 'exact' ? exactText(cell) : categoryKey(cell);
}

/** Codes for category keys, shared by the mentor and the mentee side of a comparison. */
export class CategoryDictionary {
  private readonly codes = new Map<string, number>();

  /** `blankIsValue`: the empty key gets a code like any other (exact comparison); otherwise it is -1. */
  constructor(private readonly blankIsValue = false) {}

  /** Code of a key; -1 for the blank key unless blanks are values. */
  code(key: string): number {
    if (key === '' && !this.blankIsValue) return -1;
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.codes.size;
      this.codes.set(key, code);
    }
    return code;
  }

  /** Code of a key already seen, or -1 (never adds). */
  lookup(key: string): number {
    return key === '' && !this.blankIsValue ? -1 : (this.codes.get(key) ?? -1);
  }

  get size(): number {
    return this.codes.size;
  }
}

export function encodeCategories(
  cells: readonly Cell[],
  dictionary: CategoryDictionary,
  compare: TextComparison = 'loose',
): Int32Array {
  const codes = new Int32Array(cells.length);
  for (let i = 0; i < cells.length; i++) codes[i] = dictionary.code(comparisonKey(cells[i], compare));
  return codes;
}

/**
 * Splits a cell into its list items, blank items dropped; a null separator keeps the cell whole.
 * Loose items are category keys; exact items are the text between separators as written (so with
 * the separator ", " the cell "Gay,Lesbian" is the one item "Gay,Lesbian", as in the reference).
 */
export function listKeys(cell: Cell, separator: string | null, compare: TextComparison = 'loose'): string[] {
  if (compare === 'exact') {
    const text = exactText(cell);
    return (separator === null ? [text] : text.split(separator)).filter((item) => item !== '');
  }
  const whole = categoryKey(cell);
  if (whole === '') return [];
  if (separator === null) return [whole];
  // Split before normalising, so that a separator made of spacing ("\n", "  ") still works.
  return String(cell)
    .split(separator)
    .map((item) => categoryKey(item))
    .filter((item) => item !== '');
}

/** Lists of codes per person; turned into bitsets once both sides have filled the dictionary. */
export function encodeLists(
  cells: readonly Cell[],
  separator: string | null,
  dictionary: CategoryDictionary,
  compare: TextComparison = 'loose',
): Int32Array[] {
  return cells.map((cell) => Int32Array.from(listKeys(cell, separator, compare), (key) => dictionary.code(key)));
}

/** Bitsets, `words` 32-bit words per person, row-major. */
export function listsToBitsets(lists: readonly Int32Array[], words: number): Uint32Array {
  const bits = new Uint32Array(lists.length * words);
  lists.forEach((codes, person) => {
    for (const code of codes) bits[person * words + (code >>> 5)] |= 1 << (code & 31);
  });
  return bits;
}

/** A number from a cell: numbers as they are, numeric text parsed, anything else NaN. */
export function numericValue(cell: Cell): number {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : Number.NaN;
  if (typeof cell !== 'string' || cell.trim() === '') return Number.NaN;
  const value = Number(cell.trim());
  return Number.isFinite(value) ? value : Number.NaN;
}

export function encodeNumbers(cells: readonly Cell[], toNumber: (cell: Cell) => number = numericValue): Float64Array {
  const values = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) values[i] = toNumber(cells[i]);
  return values;
}
