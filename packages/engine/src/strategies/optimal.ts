// The `optimal` strategy: one exact solve of the capacitated b-matching with coverage tiers
// (most mentees with a mentor, then optionally most mentors with a mentee, then the largest total
// score). The model and its proof of optimality live in the solver; this file only maps people to
// rows and columns and back.
import type {
  PairIndex,
  Strategy,
  StrategyContext,
  StrategyOutcome,
  StrategyPair,
  StrategySettings,
} from '../model.js';
import { throwIfCancelled } from '../errors.js';
import { capacitatedProblem } from './capacitated-problem.js';
import { classCapacitatedProblem } from './class-pair-source.js';
import type { ScoreMatrix } from '../model.js';

export type OptimalSettings = Extract<StrategySettings, { name: 'optimal' }>;

export function optimalStrategy(settings: OptimalSettings): Strategy {
  return {
    name: 'optimal',
    run(context: StrategyContext): StrategyOutcome {
      const { matrix, solver, locked, onProgress, signal } = context;
      throwIfCancelled(signal, 'solving');
      onProgress?.({ phase: 'solving', fraction: 0, message: 'Finding the best matching' });
      const coverage: ('rows' | 'cols')[] = settings.mentorCoverage ? ['rows', 'cols'] : ['rows'];
      const problem = matrix.classes
        ? classCapacitatedProblem({ ...matrix, classes: matrix.classes }, locked, coverage)
        : capacitatedProblem(matrix as ScoreMatrix, locked, coverage);
      const solved = solver.capacitatedAssignment(problem);
      const lockedKeys = new Set(locked.map((p) => pairKey(p, matrix.mentors.length)));
      const pairs: StrategyPair[] = [];
      for (let k = 0; k < solved.rowIndices.length; k++) {
        const pair = { mentee: solved.rowIndices[k], mentor: solved.colIndices[k] };
        // Written out, not spread: spreading `pair` took 63 ms for 30,000 pairs (10,000 a side).
        const locked = lockedKeys.has(pairKey(pair, matrix.mentors.length));
        pairs.push({ mentee: pair.mentee, mentor: pair.mentor, round: null, bonus: 0, locked });
      }
      onProgress?.({ phase: 'solving', fraction: 1 });
      return {
        pairs,
        // The first tier is exact, so what it reached is the most possible (given the locks).
        bestPossibleMenteeCoverage: solved.rowsCovered,
        // Mentor coverage is only maximised when asked for; otherwise the solver's figure is not a bound.
        bestPossibleMentorCoverage: settings.mentorCoverage ? solved.colsCovered : null,
      };
    },
  };
}

export function pairKey(pair: PairIndex, mentorCount: number): number {
  return pair.mentee * mentorCount + pair.mentor;
}
