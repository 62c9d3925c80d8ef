// `npm run demo` (nx run cli:demo): regenerates the bundled sample data from its seed (the committed
// files are identical) and matches it with the Mentor Match rules, printing the summary.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { demo } from '../demo.config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = (...args) => {
  const run = spawnSync(process.execPath, ['bin/mentor-matcher.js', ...args], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
};

cli(
  'generate',
  '--mentors',
  String(demo.mentors),
  '--mentees',
  String(demo.mentees),
  '--seed',
  String(demo.seed),
  '--out',
  'demo-data',
);
cli(
  'match',
  '--mentors',
  'demo-data/mentors.csv',
  '--mentees',
  'demo-data/mentees.csv',
  '--preset',
  'mentor-match',
  '--out',
  'demo-results',
);
console.log(
  '\nResults are in apps/cli/demo-results/ ' +
    '(pairs.csv, mentors.csv, mentees.csv, unmatched.csv, skipped.csv, summary.csv, summary.json, notify.json).',
);
