export { createRandom, randomInt, randomPermutation, type Random } from './random.js';
export { median, summarize, type SampleSummary } from './statistics.js';
export { measure, timeOnce, QUICK_LIMIT_MS, type Timing, type TimingMethod } from './measure.js';
export type { Assignment, AssignmentAdapter, PreparedSolve, InProcessSolve, ExternalSolve } from './lsa/adapter.js';
export {
  buildCostMatrix,
  selectCostCases,
  uniformCase,
  SHAPED_CASES,
  DEFAULT_UNIFORM_SIZES,
  COST_RANGE,
  type CostCase,
  type CostCaseKind,
} from './lsa/cases.js';
export { evaluateAssignment, bestTotal, type Evaluation } from './lsa/evaluate.js';
export {
  munkresAdapter,
  munkresAlgorithmAdapter,
  linearSumAssignmentAdapter,
  npmPeerAdapters,
} from './lsa/npm-peers.js';
export { ourAssignmentAdapter, loadOurSolver, slowdownFromEnvironment, SLOWDOWN_VARIABLE } from './lsa/our-solver.js';
export { scipyAdapter, scipyVersion } from './lsa/scipy.js';
export {
  runAssignmentSuite,
  DROP_AFTER_MS,
  type CaseResult,
  type SolverRun,
  type SolverRunStatus,
  type AssignmentSuiteOptions,
} from './lsa/suite.js';
export { assignmentMarkdown, assignmentChartSeries } from './lsa/report.js';
export { evaluateCapacitated, type CapacitatedEvaluation } from './capacitated/evaluate.js';
export {
  runEngineSuite,
  ENGINE_TARGETS,
  targetFor,
  meetsTarget,
  DEFAULT_ENGINE_SIZES,
  type EngineTarget,
} from './engine/suite.js';
export { engineTaskSchema, engineMeasurementSchema, type EngineTask, type EngineMeasurement } from './engine/task.js';
export { engineMarkdown, engineChartSeries } from './engine/report.js';
export { runBrowserSuite, browserMarkdown, type BrowserMeasurement } from './browser/suite.js';
export {
  measureRatios,
  CHECK_CASES,
  CHECK_TOLERANCE,
  CHECK_REPETITIONS,
  CheckCorrectnessError,
  type RatioMeasurement,
} from './check/regression.js';
export {
  compareWithBaseline,
  compareCapacitated,
  type CheckVerdict,
  type CaseVerdict,
  type CapacitatedVerdict,
  type CapacitatedCaseVerdict,
} from './check/compare.js';
export {
  baselineSchema,
  parseBaseline,
  readBaseline,
  writeBaseline,
  createBaseline,
  type Baseline,
  type BaselineMeasurements,
} from './check/baseline.js';
export {
  measureCapacitated,
  capacitatedCaseId,
  CAPACITATED_CHECK_SIZES,
  CAPACITATED_CHECK_SEED,
  type CapacitatedMeasurement,
  type CapacitatedOptimum,
} from './check/capacitated.js';
export { cpuMs, sampleMs, timePaired, type PairedTiming } from './check/paired-timing.js';
export { mentorMatchProblem, fingerprintProblem, type ProblemFingerprint } from './capacitated/problem.js';
export {
  wasmCapacitatedSolve,
  twinCapacitatedSolve,
  capacitatedSlowdownFromEnvironment,
  CAPACITATED_SLOWDOWN_VARIABLE,
  type CapacitatedSolve,
} from './capacitated/solvers.js';
export { renderLogLogChart, type ChartSeries, type ChartOptions } from './report/svg-chart.js';
export { parseCliOptions, CliUsageError, type CliOptions } from './cli-options.js';
export { describeMachine, machineSentence, type MachineDescription } from './machine.js';
export { readResults, writeResults, embedInReadme, resultsMarkdown, type BenchResults } from './results-file.js';
