// Times solveCapacitated (release wasm) on synthetic mentor-match-like data, for the figures in
// docs/capacitated.md. Not a test: the 10,000 × 10,000 case takes minutes on a shared CI machine.
//
//   node --max-old-space-size=4096 --import tsx scripts/capacitated-scaling.ts 500 2000 10000
//
// Data: a grade ladder of 11 levels, 20 organisations, 10 professions; a pair is eligible when the
// mentor (column) is 0–2 grades above the mentee (row) and in another organisation (~30% of pairs);
// score = 12 (two grades up) or 9 (one up) + 10 (same profession) + 6 (identity match), 0–28;
// capacities 3 and 3.
import { solveCapacitated } from '../src/capacitated.js';
import { instantiateSolverWasm } from '../src/wasm-module.js';
import { seededRandom } from '../test/seeded-random.js';

function mentorMatchLike(n: number) {
  const next = seededRandom(n);
  const draw = (values: number) => Int32Array.from({ length: n }, () => Math.floor(next() * values));
  const [menteeGrade, mentorGrade] = [draw(11), draw(11)];
  const [menteeOrg, mentorOrg] = [draw(20), draw(20)];
  const [menteeProfession, mentorProfession] = [draw(10), draw(10)];
  const menteeIdentity = Int32Array.from({ length: n }, () => (next() < 0.3 ? 1 : 0));
  const mentorIdentity = Int32Array.from({ length: n }, () => (next() < 0.2 ? 1 : 0));
  const capacity = Math.ceil((n * n) / 2.5);
  const row = new Int32Array(capacity);
  const col = new Int32Array(capacity);
  const score = new Float64Array(capacity);
  let edges = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const gap = mentorGrade[j] - menteeGrade[i];
      if (gap < 0 || gap > 2 || mentorOrg[j] === menteeOrg[i]) continue;
      row[edges] = i;
      col[edges] = j;
      score[edges] =
        (gap === 2 ? 12 : gap === 1 ? 9 : 0) +
        (mentorProfession[j] === menteeProfession[i] ? 10 : 0) +
        (mentorIdentity[j] && menteeIdentity[i] ? 6 : 0);
      edges++;
    }
  }
  return {
    rows: n,
    cols: n,
    edges: { row: row.subarray(0, edges), col: col.subarray(0, edges), score: score.subarray(0, edges) },
    rowCapacity: new Int32Array(n).fill(3),
    colCapacity: new Int32Array(n).fill(3),
  };
}

const wasm = await instantiateSolverWasm('release');
for (const n of process.argv.slice(2).map(Number)) {
  const problem = mentorMatchLike(n);
  const start = performance.now();
  const result = solveCapacitated(wasm, problem);
  const ms = performance.now() - start;
  const mb = process.memoryUsage().rss / 1e6;
  console.log(
    `${n} × ${n}: ${problem.edges.row.length} eligible pairs, ${ms.toFixed(0)} ms, ` +
      `${result.rowsCovered} rows and ${result.colsCovered} columns covered, total ${result.total}, ` +
      `${result.certificate['solves']} solve(s), rss ${mb.toFixed(0)} MB`,
  );
}
