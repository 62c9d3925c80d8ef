// Our solver against scipy in CPU time, paired and interleaved, on the solver suite's cases (issue
// 17: "at or under scipy's time on every case"). The suite times one solver and then the next with
// the wall clock, seconds apart; on a shared machine the load changes in between and a ratio moves by
// ±50%. Here both run in alternating rounds and each is timed by its own process's CPU time.
//
//   node --conditions=source --import tsx benchmarks/src/lsa/paired-scipy.ts [--sizes 500,1000,1500,2000] [--rounds 7]
//
// Each case: both answers checked first (valid, the same total); then `rounds` rounds, alternating
// which solver goes first. In a round our solver solves the matrix `per` times in this process and
// scipy `per` times in one Python process (scipy_lsa.py with `cpu`), each call timed with its
// process's CPU time; a round's figure is the median call. The case's figure is the median round.
// `per` makes a round about 200 ms of our CPU time (1 to 50 calls). Prints a markdown table.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createSolver } from '@mentor-matcher/solver';
import { machineSentence, describeMachine } from '../machine.js';
import { median } from '../statistics.js';
import { buildCostMatrix, selectCostCases } from './cases.js';
import { evaluateAssignment } from './evaluate.js';
import { runScipy, scipyVersion } from './scipy.js';

const sizeList = z
  .string()
  .transform((text) => text.split(',').map(Number))
  .pipe(z.array(z.number().int().min(2).max(20_000)).min(1));
const optionsSchema = z.object({
  sizes: sizeList.default([500, 1000, 1500, 2000]),
  rounds: z.coerce.number().int().min(1).max(99).default(7),
});
const { values } = parseArgs({ options: { sizes: { type: 'string' }, rounds: { type: 'string' } } });
const options = optionsSchema.parse(values);

const version = scipyVersion();
if (version === null) {
  console.error('scipy not found at /usr/bin/python3 (Debian: apt-get install python3-scipy)');
  process.exit(2);
}
const solver = await createSolver();
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

console.log(`Paired CPU time, ours against scipy ${version}, on ${machineSentence(describeMachine())}.\n`);
console.log('| case | rows × cols | ours (CPU) | scipy (CPU) | scipy ÷ ours | calls per round × rounds |');
console.log('|---|---|---|---|---|---|');
for (const costCase of selectCostCases(options.sizes)) {
  const matrix = buildCostMatrix(costCase);
  const ours = evaluateAssignment(matrix, solver.linearSumAssignment(matrix));
  const first = runScipy(matrix, 1, 'cpu');
  const theirs = evaluateAssignment(matrix, { rowIndices: first.rows, colIndices: first.cols });
  if (!ours.ok || !theirs.ok || ours.total !== theirs.total) {
    throw new Error(`${costCase.id}: answers differ (ours ${JSON.stringify(ours)}, scipy ${JSON.stringify(theirs)})`);
  }
  const start = cpuMs();
  solver.linearSumAssignment(matrix);
  const per = Math.max(1, Math.min(50, Math.round(200 / Math.max(cpuMs() - start, 0.01))));
  const oursRounds: number[] = [];
  const scipyRounds: number[] = [];
  const runOurs = () => {
    const samples: number[] = [];
    for (let k = 0; k < per; k++) {
      const before = cpuMs();
      solver.linearSumAssignment(matrix);
      samples.push(cpuMs() - before);
    }
    oursRounds.push(median(samples));
  };
  const runTheirs = () => scipyRounds.push(median(runScipy(matrix, per, 'cpu').samples_ms));
  for (let round = 0; round < options.rounds; round++) {
    if (round % 2 === 0) {
      runOurs();
      runTheirs();
    } else {
      runTheirs();
      runOurs();
    }
  }
  const [a, b] = [median(oursRounds), median(scipyRounds)];
  const cells = [costCase.id, `${costCase.rows} × ${costCase.cols}`, `${a.toFixed(2)} ms`, `${b.toFixed(2)} ms`];
  console.log(`| ${cells.join(' | ')} | ${(b / a).toFixed(2)} | ${per} × ${options.rounds} |`);
}
