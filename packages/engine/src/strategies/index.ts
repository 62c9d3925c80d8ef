// The strategy registry: a rule set's `strategy.name` picks one; settings fill it in.
import type { Strategy, StrategySettings } from '../model.js';
import { optimalStrategy } from './optimal.js';
import { roundsStrategy } from './rounds.js';

export { optimalStrategy, type OptimalSettings } from './optimal.js';
export { REFERENCE_TIES_MAX_PADDING, REFERENCE_TIES_MAX_SIDE, roundsStrategy, type RoundsSettings } from './rounds.js';

/** What a rule set without a strategy gets. */
export const defaultStrategySettings: StrategySettings = { name: 'optimal', mentorCoverage: true, alternates: 3 };

export const strategies = {
  rounds: roundsStrategy,
  optimal: optimalStrategy,
} as const;

export function strategyFor(settings: StrategySettings | undefined): Strategy {
  const chosen = settings ?? defaultStrategySettings;
  return chosen.name === 'rounds' ? roundsStrategy(chosen) : optimalStrategy(chosen);
}
