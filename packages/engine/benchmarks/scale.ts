// End-to-end timing of matchTables at growing sizes (tables in, result out), per phase, with the
// process's peak memory. Not a test: run by hand or in CI's benchmark job.
//   node --conditions=source --import tsx benchmarks/scale.ts [size ...] [--strategy=rounds]
import { generateMentorMatchData } from '@mentor-matcher/sample-data';
import { createSolver } from '@mentor-matcher/solver';
import { getPreset, matchTables, resultTables, type Progress } from '../src/index.js';

const args = process.argv.slice(2);
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
const strategyName = args.find((a) => a.startsWith('--strategy='))?.slice('--strategy='.length) ?? 'optimal';
const base = getPreset('mentor-match');
const ruleSet = {
  ...base,
  strategy:
    strategyName === 'rounds'
      ? ({ name: 'rounds', rounds: 3, unmatchedBonus: 6 } as const)
      : ({ name: 'optimal', mentorCoverage: true, alternates: 3 } as const),
};
const solver = await createSolver();

for (const size of sizes.length > 0 ? sizes : [500, 2000]) {
  const { mentors, mentees } = generateMentorMatchData({ mentors: size, mentees: size, seed: 1 });
  const marks: { phase: Progress['phase']; at: number }[] = [];
  // CPU time too: on a shared machine the wall time mostly measures the neighbours.
  const cpuAtStart = process.cpuUsage();
  const started = performance.now();
  const run = matchTables(
    { kind: 'two-tables', mentors, mentees },
    {
      ruleSet,
      solver,
      onProgress: (p) => {
        if (marks.at(-1)?.phase !== p.phase) marks.push({ phase: p.phase, at: performance.now() });
      },
    },
  );
  const matched = performance.now();
  const cpu = process.cpuUsage(cpuAtStart);
  if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
  resultTables(run.result);
  const finished = performance.now();
  const phases = marks.map((m, i) => `${m.phase} ${Math.round((marks[i + 1]?.at ?? matched) - m.at)} ms`).join(', ');
  const { summary } = run.result;
  console.log(
    `${size} × ${size} ${strategyName}: ${Math.round(matched - started)} ms to a result (${phases}; ` +
      `CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms), ` +
      `${Math.round(finished - matched)} ms to tables; ${summary.mentees.matched}/${summary.mentees.total} mentees, ` +
      `${summary.pairCount} pairs; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
}
