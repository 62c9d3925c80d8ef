// Small tables and participants for the input-side tests (mapping, participants, checks, scoring).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Cell, Table } from '@mentor-matcher/tabular';
import { readCsv } from '@mentor-matcher/tabular';
import type { Participant, Role } from '../src/model.js';

/** A table as a CSV would give it: header on row 1, first data row on row 2. */
export function table(
  source: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  headerRow = 1,
): Table {
  return { source, header, rows, headerRow, firstColumn: 0 };
}

/** A participant with the given logical fields (read as attributes too). */
export function person(
  role: Role,
  index: number,
  fields: Record<string, Cell>,
  extra: Partial<Participant> = {},
): Participant {
  const id = `${role}.${index}@example.org`;
  return {
    id,
    role,
    index,
    name: `${role} ${index}`,
    firstName: role,
    email: id,
    capacity: 1,
    source: `${role}s.csv`,
    row: index + 2,
    attributes: fields,
    fields,
    ...extra,
  };
}

// A copy of the shared sample (Open Government Licence v3.0, see its README), so CI needs nothing outside the repo.
const sampleFolder = fileURLToPath(new URL('../../../examples/mentor-match-small/', import.meta.url));

/** The reference system's 50 × 50 sample, as tables. */
export function sampleTables(): { mentors: Table; mentees: Table } {
  const read = (name: string) => readCsv(readFileSync(`${sampleFolder}${name}`, 'utf8'), { source: name });
  return { mentors: read('mentors.csv'), mentees: read('mentees.csv') };
}
