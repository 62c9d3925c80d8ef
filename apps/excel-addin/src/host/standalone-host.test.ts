import { writeXlsx } from '@mentor-matcher/tabular';
import { describe, expect, it } from 'vitest';
import { inProcessFileWorker } from '../../test/support/in-process-file-worker.js';
import { fixtureRows, mentorsWithZoe, workbook } from '../../test/support/sign-up-files.js';
import { FileClient, FileReadFailed } from '../worker/file-client.js';
import { memorySettings } from './memory-settings.js';
import { createStandaloneHost } from './standalone-host.js';

function pageHost() {
  const worker = inProcessFileWorker();
  return { host: createStandaloneHost(memorySettings(), new FileClient(() => worker)), worker };
}

describe('the standalone host reads files in the file worker', () => {
  it('names an XLSX sheet once, as "file › sheet", in the list and in the table’s messages', async () => {
    const { host } = pageHost();
    const bytes = writeXlsx([
      { name: 'Mentors', table: { header: ['email address', 'name'], rows: [['a@x.org', 'A']] } },
    ]);
    const loaded = await host.addFile('people.xlsx', bytes);
    const [option] = await host.listSources();
    expect(option.label).toBe('people.xlsx › Mentors');
    expect(loaded.preferred).toBe(option.id);
    const table = await host.readSource(option.id);
    expect(table.source).toBe('people.xlsx › Mentors');
    expect(table.rows).toEqual([['a@x.org', 'A']]);
  });

  it('hands the file’s bytes to the worker instead of copying them', async () => {
    const { host } = pageHost();
    const bytes = mentorsWithZoe();
    await host.addFile('mentors.csv', bytes);
    expect(bytes.buffer.byteLength).toBe(0);
  });

  it('shows the reader’s notice for a Windows-1252 CSV, and keeps it on the table for the checks', async () => {
    const { host } = pageHost();
    const loaded = await host.addFile('mentors.csv', mentorsWithZoe());
    expect(loaded.warnings.join(' ')).toContain('read as Windows-1252');
    const table = await host.readSource(loaded.preferred!);
    expect(table.rows[0][0]).toBe('Zoë');
    expect(table.warnings?.[0].code).toBe('encoding-assumed');
  });

  it('refuses a PDF with the reader’s sentence and offers nothing from it', async () => {
    const { host } = pageHost();
    const pdf = new TextEncoder().encode('%PDF-1.7\n');
    await expect(host.addFile('signups.pdf', pdf)).rejects.toThrow(FileReadFailed);
    await expect(host.addFile('signups.pdf', new TextEncoder().encode('%PDF-1.7\n'))).rejects.toThrow(
      'signups.pdf: this looks like a PDF file, not a spreadsheet.',
    );
    expect(await host.listSources()).toEqual([]);
  });

  it('offers every sheet that can hold a table, marks a hidden one, and reads others only when used', async () => {
    const { host, worker } = pageHost();
    const mentors = fixtureRows('mentors.csv');
    const loaded = await host.addFile(
      'signups.xlsx',
      workbook([
        {
          name: 'Old',
          hidden: true,
          rows: [
            ['name', 'email'],
            ['Ada', 'ada@x.org'],
          ],
        },
        { name: 'Mentors', rows: mentors },
        { name: 'Chart1', chart: true },
        { name: 'Spare', rows: [] },
      ]),
    );
    const sources = await host.listSources();
    expect(sources.map((s) => [s.label, s.detail, s.hidden ?? false])).toEqual([
      ['signups.xlsx › Old', 'hidden in Excel: used only if you choose it', true],
      ['signups.xlsx › Mentors', '50 rows, 10 columns, header on row 1', false],
      ['signups.xlsx › Spare', 'read when you choose it', false],
    ]);
    expect(loaded.preferred).toBe(sources[1].id);
    expect(loaded.sheets.map((s) => s.status)).toEqual(['hidden', 'table', 'chart', 'unread']);
    expect((await host.readSource(sources[0].id)).rows).toEqual([['Ada', 'ada@x.org']]);
    expect(worker.received.filter((t) => t === 'read-sheet')).toHaveLength(1);
    await expect(host.readSource(sources[2].id)).rejects.toThrow('signups.xlsx › Spare is empty');
  });

  it('replaces a file loaded again under the same name', async () => {
    const { host } = pageHost();
    await host.addFile('people.csv', new TextEncoder().encode('name,email\nAda,a@x.org\n'));
    await host.addFile('people.csv', new TextEncoder().encode('name,email\nBo,b@x.org\nCy,c@x.org\n'));
    const sources = await host.listSources();
    expect(sources).toHaveLength(1);
    expect((await host.readSource(sources[0].id)).rows).toEqual([
      ['Bo', 'b@x.org'],
      ['Cy', 'c@x.org'],
    ]);
  });
});
