// The file worker's service, in-process against the real readers: what each kind of chosen file
// gives, what is parsed (only the sheets needed), and that a zip bomb is refused quickly.
import { describe, expect, it } from 'vitest';
import { fixtureRows, mentorsWithZoe, workbook, zipBombWorkbook } from '../../test/support/sign-up-files.js';
import { fileResponseSchema, type FileResponse } from './file-protocol.js';
import { createFileService } from './file-service.js';

async function ask(service: ReturnType<typeof createFileService>, request: unknown): Promise<FileResponse> {
  const replies: FileResponse[] = [];
  await service.handle(request, (message) => replies.push(fileResponseSchema.parse(message)));
  expect(replies).toHaveLength(1);
  return replies[0];
}

const open = (name: string, bytes: Uint8Array) => ({ type: 'open-file', id: 1, fileId: `${name}#1`, name, bytes });
const mentors = fixtureRows('mentors.csv');
const title = ['Mentor sign-ups 2026', ...mentors[0].slice(1).map(() => null)];

describe('the file worker', () => {
  it('reads a Windows-1252 CSV with Zoë, and passes on the reader’s notice', async () => {
    const reply = await ask(createFileService(), open('mentors.csv', mentorsWithZoe()));
    expect(reply).toMatchObject({ type: 'file-opened', id: 1, format: 'csv', sheets: [], chosen: null });
    if (reply.type !== 'file-opened') return;
    expect(reply.table?.rowCount).toBe(50);
    expect(reply.table?.warnings?.map((w) => w.message).join(' ')).toContain('read as Windows-1252');
    expect(reply.table?.warnings?.map((w) => w.message).join(' ')).toContain('Zoë');
  });

  it.each([
    ['signups.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj\n'), 'this looks like a PDF file, not a spreadsheet'],
    ['signups.json', new TextEncoder().encode('[{"name": "Ada"}]'), 'JSON'],
    ['signups.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'xls'],
  ])('refuses %s with the reader’s sentence', async (name, bytes, says) => {
    const reply = await ask(createFileService(), open(name, bytes));
    expect(reply.type).toBe('failed');
    if (reply.type === 'failed') {
      expect(reply.message).toContain(name);
      expect(reply.message).toContain(says);
      expect(reply.message).toMatch(/\.xlsx|\.csv/);
    }
  });

  it('reads the sign-ups after a Notes sheet, with the header found below the title line', async () => {
    const bytes = workbook([
      { name: 'Notes', rows: [['Sign-ups closed on 1 March.'], ['Ask Sam before changing anything.']] },
      { name: 'Sign-ups', rows: [title, ...mentors] },
      {
        name: 'Old',
        rows: [
          ['name', 'email'],
          ['Ada', 'ada@x.org'],
        ],
      },
    ]);
    const reply = await ask(createFileService(), open('signups.xlsx', bytes));
    if (reply.type !== 'file-opened') throw new Error(JSON.stringify(reply));
    expect(reply.chosen).toBe('Sign-ups');
    expect(reply.table).toMatchObject({ headerRow: 2, rowCount: 50, header: mentors[0] });
    expect(reply.sheets.map((s) => [s.name, s.status])).toEqual([
      ['Notes', 'table'],
      ['Sign-ups', 'table'],
      ['Old', 'unread'],
    ]);
    expect(reply.warnings.join(' ')).toContain('passing over "Notes"');
    expect(reply.table?.warnings?.map((w) => w.message).join(' ')).toContain('the header is row 2');
  });

  it('loads a workbook with an empty Sheet2 and a chart sheet, which the page does not offer', async () => {
    const bytes = workbook([
      { name: 'Sheet2', rows: [] },
      { name: 'Chart1', chart: true },
      { name: 'Sheet1', rows: mentors },
    ]);
    const reply = await ask(createFileService(), open('signups.xlsx', bytes));
    if (reply.type !== 'file-opened') throw new Error(JSON.stringify(reply));
    expect(reply.chosen).toBe('Sheet1');
    expect(reply.sheets.map((s) => s.status)).toEqual(['empty', 'chart', 'table']);
  });

  it('reads another sheet only when asked, and sends rows in slices', async () => {
    const service = createFileService();
    const bytes = workbook([
      { name: 'Mentors', rows: mentors },
      { name: 'Empty', rows: [] },
    ]);
    await ask(service, open('signups.xlsx', bytes));
    const fileId = 'signups.xlsx#1';
    const empty = await ask(service, { type: 'read-sheet', id: 2, fileId, sheet: 'Empty' });
    expect(empty).toMatchObject({ type: 'failed', id: 2, code: 'empty' });
    const rows = await ask(service, { type: 'table-rows', id: 3, fileId, sheet: 'Mentors', start: 48, count: 10 });
    expect(rows.type === 'table-rows' && rows.rows.map((r) => r[2])).toEqual(['mentor.48@gov.uk', 'mentor.49@gov.uk']);
    await ask(service, { type: 'close-file', id: 4, fileId });
    const gone = await ask(service, { type: 'read-sheet', id: 5, fileId, sheet: 'Mentors' });
    expect(gone).toMatchObject({ type: 'failed', message: 'That file is no longer open here. Load it again.' });
  });

  it('does not use a hidden first sheet, and says it is there', async () => {
    const bytes = workbook([
      {
        name: 'Old mentors',
        hidden: true,
        rows: [
          ['name', 'email'],
          ['Ada', 'ada@x.org'],
        ],
      },
      { name: 'Mentors', rows: mentors },
    ]);
    const reply = await ask(createFileService(), open('signups.xlsx', bytes));
    if (reply.type !== 'file-opened') throw new Error(JSON.stringify(reply));
    expect(reply.chosen).toBe('Mentors');
    expect(reply.sheets[0]).toMatchObject({ name: 'Old mentors', status: 'hidden' });
    expect(reply.warnings.join(' ')).toContain('a hidden sheet, "Old mentors", which was not used');
  });

  it('refuses a 0.9 MB zip bomb as one, within a second', async () => {
    const bytes = zipBombWorkbook();
    const started = performance.now();
    const reply = await ask(createFileService(), open('signups.xlsx', bytes));
    const ms = performance.now() - started;
    expect(reply).toMatchObject({ type: 'failed', code: 'zip-bomb' });
    expect(reply.type === 'failed' && reply.message).toContain('it may be a zip bomb');
    expect(ms).toBeLessThan(1_000);
  });

  it('answers a malformed request with its id and what is wrong', async () => {
    const reply = await ask(createFileService(), { type: 'open-file', id: 9, fileId: 'x', name: 'x.csv' });
    expect(reply).toMatchObject({ type: 'failed', id: 9 });
    expect(reply.type === 'failed' && reply.message).toContain('bytes');
  });
});
