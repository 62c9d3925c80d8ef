// Ordered ladders (grades, bands): a value's rank is its position on the ladder, lowest first.
// Lookup ignores case, spacing and punctuation ("grade 7", "Grade7" and "GRADE-7" are one step) and
// follows the rule set's aliases ("7" → "Grade 7").
import type { Cell } from '@mentor-matcher/tabular';
import type { RuleSet } from './schema.js';

const ladderKey = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export interface Ladder {
  readonly name: string;
  readonly steps: readonly string[];
  /** Rank of a cell on the ladder, or NaN when the cell is blank or not a step. */
  rank(cell: Cell): number;
}

export function buildLadder(ruleSet: RuleSet, name: string): Ladder {
  const steps = (Object.hasOwn(ruleSet.ladders, name) ? ruleSet.ladders[name] : undefined) ?? [];
  const ranks = new Map<string, number>();
  steps.forEach((step, index) => ranks.set(ladderKey(step), index));
  const aliases = Object.hasOwn(ruleSet.ladderAliases, name) ? ruleSet.ladderAliases[name] : undefined;
  for (const [alias, target] of Object.entries(aliases ?? {})) {
    const index = steps.indexOf(target);
    if (index >= 0 && !ranks.has(ladderKey(alias))) ranks.set(ladderKey(alias), index);
  }
  return {
    name,
    steps,
    rank(cell) {
      if (cell === null || typeof cell === 'boolean') return Number.NaN;
      return ranks.get(ladderKey(String(cell))) ?? Number.NaN;
    },
  };
}
