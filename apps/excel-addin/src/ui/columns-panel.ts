// The Data step's Columns panel: every field of each table, found or not (the person fields, then
// each field the rule set reads), with a dropdown of all the table's headers. A choice is remembered
// for tables with the same header and the data is checked again. Folded once every field a rule
// needs has its column: then the mapping is most likely right.
import type { FieldMappingData } from '../worker/protocol.js';
import { disclosure } from './disclosure.js';
import { dropdown } from './fluent-fields.js';
import { field, h } from './h.js';
import type { Pane } from './pane.js';
import type { Role } from './store.js';

const tableLabels: Record<Role, string> = { mentors: 'Mentors', mentees: 'Mentees', people: 'People' };

/** A field no run can do without: one a rule reads, or the role of a one-table layout. */
export function isRequired(role: Role, f: FieldMappingData): boolean {
  return f.requiredBy.length > 0 || (role === 'people' && f.field === 'role');
}

function neededBy(role: Role, f: FieldMappingData): string {
  if (role === 'people' && f.field === 'role') return 'says who is a mentor, a mentee or both';
  const rules = f.requiredBy.filter((id) => id !== 'capacity');
  const parts = [
    ...(rules.length ? [`rule${rules.length > 1 ? 's' : ''} ${rules.map((id) => `“${id}”`).join(', ')}`] : []),
    ...(f.requiredBy.includes('capacity') ? ['the capacity setting'] : []),
  ];
  return `needed by ${parts.join(' and ')}`;
}

function hintOf(role: Role, f: FieldMappingData): string {
  const required = isRequired(role, f);
  if (f.header === null) return required ? `Not found: choose its column (${neededBy(role, f)}).` : 'Not used.';
  const how = f.source === 'detected' ? 'Found' : 'Chosen';
  return required ? `${how}; ${neededBy(role, f)}.` : `${how}.`;
}

function fieldChoice({ store, commands }: Pane, role: Role, f: FieldMappingData): HTMLElement {
  const missing = f.header === null && isRequired(role, f);
  const select = dropdown({
    focus: `map-${role}-${f.field}`,
    value: f.header ?? '',
    invalid: missing,
    disabled: store.state.running !== null,
    choices: [['', '— no column —'], ...f.candidates.map((name) => [name, name] as const)],
    onChange: (value) => void commands.chooseColumn(role, f.field, value === '' ? null : value, f.label),
  });
  select.dataset.field = f.field;
  const row = field(f.label, select, hintOf(role, f));
  row.classList.add('column-choice');
  if (missing) row.classList.add('missing');
  return row;
}

/** The Columns panel for the last check, or nothing before one. */
export function columnsPanel(pane: Pane): HTMLElement | null {
  const check = pane.store.state.check;
  if (!check) return null;
  const tables = (Object.entries(check.fields) as [Role, FieldMappingData[]][]).filter(([, fs]) => fs.length > 0);
  if (tables.length === 0) return null;
  const missing = tables.flatMap(([role, fs]) => fs.filter((f) => f.header === null && isRequired(role, f)));
  const columnErrors = pane.store.state.checkProblems.some(
    (p) => p.severity === 'error' && p.code === 'missing-column',
  );
  const summary = missing.length
    ? `Columns: ${missing.length} needed field${missing.length === 1 ? '' : 's'} without a column`
    : 'Columns: every needed field found';
  // A needed field without a column unfolds it whatever was left before.
  return disclosure(
    pane.store,
    missing.length > 0 || columnErrors ? 'columns-needed' : 'columns',
    missing.length > 0 || columnErrors,
    { class: 'columns' },
    h('h2', {}, summary),
    h('p', { class: 'muted' }, 'The column that holds each field. Choose another if one is wrong.'),
    ...tables.map(([role, fs]) =>
      h(
        'fieldset',
        { class: 'mapping', 'data-table': role },
        h('legend', {}, tableLabels[role] ?? role),
        fs.map((f) => fieldChoice(pane, role, f)),
      ),
    ),
  );
}
