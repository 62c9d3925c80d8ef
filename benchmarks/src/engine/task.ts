// One measurement of the engine suite, described as plain data so that it can be sent to a child
// process (each measurement runs in its own process: sizes must not share a heap or a peak RSS).
import { z } from 'zod';

export const engineTaskSchema = z.object({
  /** 'score' = scorePairs alone; 'rounds' / 'optimal' = matchTables end to end; 'capacitated' = the solver alone on the scored data. */
  task: z.enum(['score', 'rounds', 'optimal', 'capacitated']),
  /** People per side. */
  size: z.number().int().positive(),
  seed: z.number().int(),
});

export type EngineTask = z.infer<typeof engineTaskSchema>;

export const engineMeasurementSchema = z.object({
  task: engineTaskSchema.shape.task,
  size: z.number(),
  ok: z.boolean(),
  error: z.string().optional(),
  /** Time of the measured step only (data generation excluded). */
  timeMs: z.number().optional(),
  /**
   * CPU time (user + system) of the child over the same step. On a shared machine the wall-clock
   * time mostly measures other jobs; CPU time is close to what an idle machine would take.
   */
  cpuMs: z.number().optional(),
  /** How many runs were measured; the times above are those of the run of median CPU time. */
  runs: z.number().int().positive().optional(),
  /** Wall and CPU time of the first run in the fresh process (same size, other data): JIT compilation included. */
  firstRunMs: z.number().optional(),
  firstRunCpuMs: z.number().optional(),
  /** process.resourceUsage().maxRSS of the child, in bytes: the peak for the whole process, data generation included. */
  peakRssBytes: z.number().optional(),
  /** RSS just before the measured step, so that the step's own share can be read off. */
  rssBeforeBytes: z.number().optional(),
  /** V8 heap in use right after the step, before collection. */
  heapAfterBytes: z.number().optional(),
  menteesMatched: z.number().optional(),
  mentorsMatched: z.number().optional(),
  totalScore: z.number().optional(),
  pairs: z.number().optional(),
  eligiblePairs: z.number().optional(),
});

export type EngineMeasurement = z.infer<typeof engineMeasurementSchema>;
