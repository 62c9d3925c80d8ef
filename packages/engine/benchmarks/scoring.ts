// Times scorePairs alone with the mentor-match preset on generated sign-ups: a fresh matrix, then
// the same matrix's arrays reused (a re-run after a weight change). Wall and CPU time, because on a
// shared machine the wall time says more about the neighbours than about the code.
//   node --conditions=source --import tsx benchmarks/scoring.ts [size ...]
import { generateMentorMatchData } from '@mentor-matcher/sample-data';
import { INELIGIBLE, detectMapping, getPreset, readParticipants, scorePairs } from '../src/index.js';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const ruleSet = getPreset('mentor-match');

function timed<T>(run: () => T): { value: T; wallMs: number; userMs: number; systemMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = run();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, userMs: used.user / 1000, systemMs: used.system / 1000 };
}

for (const size of sizes.length > 0 ? sizes : [1000, 10_000]) {
  const data = generateMentorMatchData({ mentors: size, mentees: size, seed: 1 });
  const mentors = readParticipants(
    data.mentors,
    'mentor',
    detectMapping(data.mentors.header, 'mentor', ruleSet),
    ruleSet,
  ).participants;
  const mentees = readParticipants(
    data.mentees,
    'mentee',
    detectMapping(data.mentees.header, 'mentee', ruleSet),
    ruleSet,
  ).participants;
  const fresh = timed(() => scorePairs(mentors, mentees, ruleSet));
  const reused = timed(() => scorePairs(mentors, mentees, ruleSet, { reuse: fresh.value }));
  let eligible = 0;
  for (const code of reused.value.codes) if (code !== INELIGIBLE) eligible++;
  const line = (label: string, t: typeof fresh) =>
    `${label}: ${t.wallMs.toFixed(0)} ms wall, ${t.userMs.toFixed(0)} ms user + ${t.systemMs.toFixed(0)} ms system CPU`;
  console.log(
    `${size} × ${size} (${(size * size).toLocaleString('en')} pairs, ${eligible.toLocaleString('en')} eligible)`,
  );
  console.log(`  ${line('fresh matrix ', fresh)}`);
  console.log(`  ${line('reused arrays', reused)}`);
}
