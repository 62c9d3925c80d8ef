export type * from './model.js';
export * from './rules/schema.js';
export * from './rules/presets.js';
export * from './mapping.js';
export * from './fields.js';
export * from './aliases.js';
export {
  applyDuplicatesPolicy,
  duplicatesPolicySchema,
  type DuplicatesPolicy,
  type DuplicatesOutcome,
} from './duplicates.js';
export { readTimestamps, type TimestampColumn, type DateOrder } from './timestamps.js';
export { skippedTable } from './skipped.js';
export * from './participants.js';
export * from './checks.js';
export { emailAddressProblem } from './email-address.js';
export * from './scoring.js';
export { INELIGIBLE, isEligiblePair, pairScore, mayPair, scoreOfPair } from './score-codes.js';
export { groupByRuleFields, type ClassGrouping } from './class-grouping.js';
export { scoreByClasses, classesPay } from './pair-classes.js';
export { classCapacitatedProblem } from './strategies/class-pair-source.js';
export * from './errors.js';
export {
  strategies,
  strategyFor,
  defaultStrategySettings,
  optimalStrategy,
  roundsStrategy,
  REFERENCE_TIES_MAX_SIDE,
} from './strategies/index.js';
export type { OptimalSettings, RoundsSettings } from './strategies/index.js';
export { capacitatedProblem } from './strategies/capacitated-problem.js';
export { resolveFixedPairs, type EarlierPair, type DroppedEarlierPair, type FixedPairs } from './locks.js';
export { buildResult, type BuildResultInput } from './result.js';
export { describeReason } from './explain.js';
export { resultTables, type ResultTableOptions, type ResultTables } from './result-tables.js';
export {
  estimateMatchMemory,
  estimateClassMatchMemory,
  memoryLimitProblem,
  formatBytes,
  DEFAULT_MEMORY_LIMIT_BYTES,
  MAX_PAIRS,
  type MemoryEstimate,
  type MemoryEstimateOptions,
} from './memory-estimate.js';
export { summariseProblems, PROBLEMS_SHOWN_PER_KIND } from './problem-summary.js';
export {
  matchTables,
  checkTables,
  type MatchInput,
  type MatchOptions,
  type MatchRun,
  type CheckReport,
} from './match.js';
