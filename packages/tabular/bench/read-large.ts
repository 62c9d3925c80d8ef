// One-off timing of the readers and writers on a large table (50,000 rows × 12 columns by default),
// run by hand: `npx tsx bench/read-large.ts [rows]`. Not a test: timings on a shared CI machine vary.
import { readCsv, readXlsx, writeCsv, writeXlsx, type Cell } from '../src/index.js';

const rowCount = Number(process.argv[2] ?? 50_000);
const grades = ['AA', 'AO', 'EO', 'HEO', 'SEO', 'Grade 7', 'Grade 6', 'SCS1'];
const header = [
  'first name',
  'last name',
  'email address',
  'both',
  'job title',
  'grade',
  'organisation',
  'profession',
  'characteristics',
  'identity',
  'capacity',
  'biography',
];
const rows: Cell[][] = Array.from({ length: rowCount }, (_, i) => [
  `First${i}`,
  `Last, ${i}`,
  `person.${i}@example.gov.uk`,
  i % 2 === 0 ? 'yes' : 'no',
  'Policy adviser',
  grades[i % grades.length],
  `Department of ${['Joy', 'Love', 'Virtue'][i % 3]}`,
  ['Policy', 'DDaT', 'Security'][i % 3],
  'Carer, Disabled',
  i % 5 === 0 ? '=HYPERLINK("x")' : 'Gay',
  (i % 3) + 1,
  `My name is person ${i}. I have "quotes", commas, and\na second line.`,
]);

function time<T>(label: string, run: () => T): T {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  console.log(
    `${label}: ${seconds(performance.now() - start)} s wall, ${seconds((used.user + used.system) / 1000)} s CPU`,
  );
  return result;
}

const csv = time('writeCsv', () => writeCsv({ header, rows }));
const csvBytes = new TextEncoder().encode(csv);
console.log(`  CSV size: ${(csvBytes.length / 1e6).toFixed(1)} MB`);
const fromCsv = time('readCsv (bytes)', () => readCsv(csvBytes, { source: 'large.csv' }));
const xlsx = time('writeXlsx', () => writeXlsx([{ name: 'People', table: { header, rows } }]));
console.log(`  XLSX size: ${(xlsx.length / 1e6).toFixed(1)} MB`);
const fromXlsx = time('readXlsx', () => readXlsx(xlsx, { source: 'large.xlsx' }));
console.log(`rows read: CSV ${fromCsv.rows.length}, XLSX ${fromXlsx.rows.length}`);
