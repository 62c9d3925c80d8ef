import { writeXlsx } from '@mentor-matcher/tabular';
import { describe, expect, it } from 'vitest';
import { memorySettings } from './memory-settings.js';
import { createStandaloneHost } from './standalone-host.js';

describe('the standalone host reads files', () => {
  it('names an XLSX sheet once, as "file › sheet", in the list and in the table’s messages', async () => {
    const host = createStandaloneHost(memorySettings());
    const bytes = writeXlsx([{ name: 'Mentors', table: { header: ['email address'], rows: [['a@x.org']] } }]);
    const [option] = host.addFile('people.xlsx', bytes);
    expect(option.label).toBe('people.xlsx › Mentors');
    const table = await host.readSource(option.id);
    expect(table.source).toBe('people.xlsx › Mentors');
    expect(table.rows).toEqual([['a@x.org']]);
  });
});
