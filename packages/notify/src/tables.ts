// The same messages as spreadsheets: GOV.UK Notify's bulk upload (one file per template) and one
// sheet for an Outlook/Word mail merge.
import type { Cell, Table } from '@mentor-matcher/tabular';
import { defaultFieldNames, type FieldNames } from './field-names.js';
import { messageKinds, type MessageKind, type MessageList, type Messages } from './messages.js';

/** Notify's bulk upload wants a column named exactly `email address`. */
export const emailAddressColumn = 'email address';

export function notifyBulkTables(messages: Messages): Record<MessageKind, Table> {
  const tables = {} as Record<MessageKind, Table>;
  for (const kind of messageKinds) tables[kind] = bulkTable(messages.lists[kind]);
  return tables;
}

/**
 * One row per recipient with every merge field a letter needs. `match details` (each match's
 * name, job title, email and biography again, as one block for Notify templates) is left out: the
 * numbered fields hold the same, and a letter shows a match that is not there with an IF field.
 */
export function mailMergeTable(messages: Messages, fieldNames: FieldNames = defaultFieldNames): Table {
  const fields: string[] = [];
  for (const kind of messageKinds)
    for (const f of messages.lists[kind].fields)
      if (f !== fieldNames.matchDetails && !fields.includes(f)) fields.push(f);
  const rows: Cell[][] = [];
  for (const kind of messageKinds) {
    for (const r of messages.lists[kind].recipients)
      rows.push([kind, r.email, ...fields.map((f) => r.personalisation[f] ?? '')]);
  }
  return { source: 'mail-merge', header: ['kind', emailAddressColumn, ...fields], rows, headerRow: 1, firstColumn: 0 };
}

function bulkTable(list: MessageList): Table {
  return {
    source: `notify-${list.kind}`,
    header: [emailAddressColumn, ...list.fields.filter((f) => f !== emailAddressColumn)],
    rows: list.recipients.map((r) => [
      r.email,
      ...list.fields.filter((f) => f !== emailAddressColumn).map((f) => r.personalisation[f] ?? ''),
    ]),
    headerRow: 1,
    firstColumn: 0,
  };
}
