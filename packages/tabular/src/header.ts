// Header rules shared by every reader: names are trimmed, and each column needs a name of its own,
// because the engine maps columns by name and a blank or repeated name would map ambiguously.
import { columnLetter } from './table.js';
import { summariseList } from './read-warning.js';
import { TableReadError } from './table-read-error.js';

/** Trims `names` and checks them; `firstColumn` turns an index into the column letter the user sees. */
export function checkedHeader(
  names: readonly string[],
  context: { source: string; row: number; firstColumn: number; describeEmpty?: (index: number) => string },
): string[] {
  const header = names.map((name) => name.trim());
  const label = (index: number) => `column ${columnLetter(context.firstColumn + index)}`;

  const empty = header.flatMap((name, index) => (name === '' ? [index] : []));
  if (empty.length > 0) {
    const listed = empty
      .slice(0, 10)
      .map((index) => label(index) + (context.describeEmpty?.(index) ?? ''))
      .join(', ');
    const more = empty.length > 10 ? ` and ${empty.length - 10} more` : '';
    throw new TableReadError(
      { code: 'empty-header', source: context.source, row: context.row, column: context.firstColumn + empty[0] },
      `${context.source}: the header row (row ${context.row}) has no name in ${listed}${more}; every column needs a name.`,
    );
  }

  const firstIndexByName = new Map<string, number>();
  const duplicates: string[] = [];
  let firstDuplicateColumn = -1;
  header.forEach((name, index) => {
    const earlier = firstIndexByName.get(name);
    if (earlier === undefined) {
      firstIndexByName.set(name, index);
      return;
    }
    if (firstDuplicateColumn < 0) firstDuplicateColumn = index;
    duplicates.push(`"${name}" (${label(earlier)} and ${label(index)})`);
  });
  if (duplicates.length > 0) {
    throw new TableReadError(
      {
        code: 'duplicate-header',
        source: context.source,
        row: context.row,
        column: context.firstColumn + firstDuplicateColumn,
      },
      `${context.source}: the header row (row ${context.row}) repeats ${duplicates.join(', ')}; every column needs a different name.`,
    );
  }

  // Names that differ only in case or spacing ("email address", "Email  Address") are refused too:
  // columns are matched to fields by name regardless of case and spacing, so either could be taken.
  const firstIndexByKey = new Map<string, number>();
  const similar: string[] = [];
  let firstSimilarColumn = -1;
  header.forEach((name, index) => {
    const key = name.toLowerCase().replace(/\s+/gu, '');
    const earlier = firstIndexByKey.get(key);
    if (earlier === undefined) {
      firstIndexByKey.set(key, index);
      return;
    }
    if (firstSimilarColumn < 0) firstSimilarColumn = index;
    similar.push(`"${header[earlier]}" (${label(earlier)}) and "${name}" (${label(index)})`);
  });
  if (similar.length > 0) {
    throw new TableReadError(
      {
        code: 'duplicate-header',
        source: context.source,
        row: context.row,
        column: context.firstColumn + firstSimilarColumn,
      },
      `${context.source}: the header row (row ${context.row}) has ${summariseList(similar, 3)}, names that differ only in case or spacing; columns are found by name ignoring case and spacing, so rename or remove one.`,
    );
  }
  return header;
}
