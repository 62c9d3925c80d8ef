// The timing both parts of the regression check share: two solvers on the same input, in the same
// process, interleaved, in CPU time, so that whatever else the machine does hits both alike and
// cancels out of their ratio.
import { median } from '../statistics.js';

/** CPU time (user + system) of this process, in ms. */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * The fastest of as many calls as fit in `minSampleMs` of CPU time (at least two), each call timed
 * in process CPU time rather than wall-clock time: on a shared CI machine a descheduled solve would
 * otherwise count other jobs' work, and the two solvers are hit unevenly. Other work (a garbage
 * collection, a late compilation) only ever adds time, so the fastest call is the steadiest
 * estimate of the solver's own cost.
 */
export function sampleMs(solve: () => unknown, minSampleMs: number): number {
  const start = cpuMs();
  let fastest = Infinity;
  let calls = 0;
  do {
    const t0 = cpuMs();
    solve();
    fastest = Math.min(fastest, cpuMs() - t0);
    calls++;
  } while (calls < 2 || cpuMs() - start < minSampleMs);
  return fastest;
}

export interface PairedTiming {
  /** Median over repetitions of (ours / reference), each repetition sampling both back to back. */
  readonly ratio: number;
  /** Median of our samples and of the reference's, in ms of CPU time. */
  readonly oursMs: number;
  readonly referenceMs: number;
  readonly repetitions: number;
}

/**
 * `repetitions` rounds, each sampling both solvers back to back (see sampleMs), alternating which
 * goes first so that any drift in the machine's load is spread over both. The ratio of each
 * round is taken before the median: a round's two samples saw the same machine.
 */
export function timePaired(
  ours: () => unknown,
  reference: () => unknown,
  repetitions: number,
  minSampleMs: number,
): PairedTiming {
  const ratios: number[] = [];
  const oursTimes: number[] = [];
  const referenceTimes: number[] = [];
  for (let rep = 0; rep < repetitions; rep++) {
    let oursMs: number;
    let referenceMs: number;
    if (rep % 2 === 0) {
      oursMs = sampleMs(ours, minSampleMs);
      referenceMs = sampleMs(reference, minSampleMs);
    } else {
      referenceMs = sampleMs(reference, minSampleMs);
      oursMs = sampleMs(ours, minSampleMs);
    }
    ratios.push(oursMs / referenceMs);
    oursTimes.push(oursMs);
    referenceTimes.push(referenceMs);
  }
  return { ratio: median(ratios), oursMs: median(oursTimes), referenceMs: median(referenceTimes), repetitions };
}
