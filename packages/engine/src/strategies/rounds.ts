// The `rounds` strategy: the reference system's method, kept for programmes that want the old
// behaviour. R rounds; each is a 1:1 assignment (Hungarian / shortest augmenting path, via the
// solver's linearSumAssignment) on the current scores, with the unmatched bonus added to a pair while
// either side still has no partner; each round's pairs are fixed before the next, no pair repeats,
// and a person at capacity takes no more. One deliberate departure from the reference: a forbidden
// (ineligible) pair is never chosen, where the reference scored it 0 like an allowed pair worth 0.
import type { Strategy, StrategyContext, StrategyOutcome, StrategyPair, StrategySettings } from '../model.js';
import { throwIfCancelled } from '../errors.js';
import { capacitatedProblem } from './capacitated-problem.js';
import { pairKey } from './optimal.js';

export type RoundsSettings = Extract<StrategySettings, { name: 'rounds' }>;

export function roundsStrategy(settings: RoundsSettings): Strategy {
  return {
    name: 'rounds',
    run(context: StrategyContext): StrategyOutcome {
      const { matrix, solver, locked, onProgress, signal } = context;
      const menteeCount = matrix.mentees.length;
      const mentorCount = matrix.mentors.length;
      const menteeLeft = Int32Array.from(matrix.mentees, (p) => p.capacity);
      const mentorLeft = Int32Array.from(matrix.mentors, (p) => p.capacity);
      const menteePartners = new Int32Array(menteeCount);
      const mentorPartners = new Int32Array(mentorCount);
      const chosen = new Set<number>();
      const pairs: StrategyPair[] = [];
      const take = (pair: StrategyPair) => {
        pairs.push(pair);
        chosen.add(pairKey(pair, mentorCount));
        menteeLeft[pair.mentee]--;
        mentorLeft[pair.mentor]--;
        menteePartners[pair.mentee]++;
        mentorPartners[pair.mentor]++;
      };
      // Locked pairs are in place before round 1: they use capacity and count as "has a partner".
      for (const pair of locked) take({ ...pair, round: null, bonus: 0, locked: true });

      for (let round = 1; round <= settings.rounds; round++) {
        throwIfCancelled(signal, `round ${round}`);
        onProgress?.({ phase: 'solving', fraction: (round - 1) / (settings.rounds + 1), message: `Round ${round} of ${settings.rounds}` });
        const isOpen = (mentee: number, mentor: number) =>
          menteeLeft[mentee] > 0 &&
          mentorLeft[mentor] > 0 &&
          matrix.eligible[mentee * mentorCount + mentor] === 1 &&
          !chosen.has(mentee * mentorCount + mentor);
        const roundMentees: number[] = [];
        const roundMentors: number[] = [];
        const mentorHasCandidate = new Uint8Array(mentorCount);
        for (let i = 0; i < menteeCount; i++) {
          let any = false;
          for (let j = 0; j < mentorCount; j++) {
            if (isOpen(i, j)) {
              any = true;
              mentorHasCandidate[j] = 1;
            }
          }
          if (any) roundMentees.push(i);
        }
        for (let j = 0; j < mentorCount; j++) if (mentorHasCandidate[j] === 1) roundMentors.push(j);
        if (roundMentees.length === 0) break;

        const bonusFor = (mentee: number, mentor: number) =>
          menteePartners[mentee] === 0 || mentorPartners[mentor] === 0 ? settings.unmatchedBonus : 0;
        // The assignment runs with the smaller side as LSAP rows, so that every row is assigned.
        const menteesAreRows = roundMentees.length <= roundMentors.length;
        const rowPeople = menteesAreRows ? roundMentees : roundMentors;
        const colPeople = menteesAreRows ? roundMentors : roundMentees;
        const rows = rowPeople.length;
        const realCols = colPeople.length;
        const cols = realCols + rows;
        /*
         * Construction of the round's matrix, maximised:
         * - real column c, row r: an allowed pair is worth (score + bonus) · M + 1; a forbidden or
         *   already chosen pair is -Infinity, which the solver never picks.
         * - `rows` dummy columns worth 0 to every row: a row may take a dummy, which means "no partner
         *   this round". There is one per row, so the problem is always feasible, even when a row's
         *   every real entry is -Infinity.
         * With M = rows + 1 the total is M · (score total) + (number of real pairs), and the pair
         *   count (at most `rows` < M) only decides between assignments whose score totals are equal
         *   (exactly so for whole-number points, which is what rule sets hold in practice): among
         *   equal totals the round prefers more real pairs, as the reference's full-grid assignment does.
         */
        const scale = rows + 1;
        const data = new Float64Array(rows * cols);
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < realCols; c++) {
            const mentee = menteesAreRows ? rowPeople[r] : colPeople[c];
            const mentor = menteesAreRows ? colPeople[c] : rowPeople[r];
            const index = mentee * mentorCount + mentor;
            data[r * cols + c] = isOpen(mentee, mentor)
              ? (matrix.score[index] + bonusFor(mentee, mentor)) * scale + 1
              : Number.NEGATIVE_INFINITY;
          }
        }
        const assignment = solver.linearSumAssignment({ data, rows, cols }, { maximize: true });
        const roundPairs: StrategyPair[] = [];
        for (let k = 0; k < assignment.rowIndices.length; k++) {
          const c = assignment.colIndices[k];
          if (c >= realCols) continue;
          const r = assignment.rowIndices[k];
          const mentee = menteesAreRows ? rowPeople[r] : colPeople[c];
          const mentor = menteesAreRows ? colPeople[c] : rowPeople[r];
          roundPairs.push({ mentee, mentor, round, bonus: bonusFor(mentee, mentor), locked: false });
        }
        if (roundPairs.length === 0) break;
        // Bonuses were read before any of this round's pairs were taken, as in the reference.
        roundPairs.sort((a, b) => a.mentor - b.mentor || a.mentee - b.mentee).forEach(take);
      }

      throwIfCancelled(signal, 'solving');
      onProgress?.({ phase: 'solving', fraction: settings.rounds / (settings.rounds + 1), message: 'Finding the best possible coverage' });
      // One extra exact solve gives the bound the summary compares the rounds' coverage with.
      const bound = solver.capacitatedAssignment(capacitatedProblem(matrix, locked, ['rows', 'cols']));
      onProgress?.({ phase: 'solving', fraction: 1 });
      return { pairs, bestPossibleMenteeCoverage: bound.rowsCovered, bestPossibleMentorCoverage: bound.colsCovered };
    },
  };
}
