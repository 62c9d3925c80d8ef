// The committed baseline of the regression check (results/baseline.json). It is an external input,
// so it is read through a schema and a broken file is reported by path.
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { MachineDescription } from '../machine.js';
import type { CapacitatedMeasurement } from './capacitated.js';
import type { RatioMeasurement } from './regression.js';

const ratioMeasurementSchema = z.object({
  caseId: z.string(),
  rows: z.number().int().positive(),
  cols: z.number().int().positive(),
  ratio: z.number().positive(),
  oursMs: z.number().positive(),
  referenceMs: z.number().positive(),
  repetitions: z.number().int().positive(),
});

const count = z.number().int().nonnegative();

const capacitatedMeasurementSchema = z.object({
  caseId: z.string(),
  size: z.number().int().positive(),
  seed: z.number().int(),
  problem: z.object({ rows: count, cols: count, eligiblePairs: count, checksum: z.string() }),
  optimum: z.object({ rowsCovered: count, colsCovered: count, total: z.number() }),
  work: z.object({ solves: count, warmStarts: count, searches: count, candidatePairs: count, pricedPairs: count }),
  ratio: z.number().positive(),
  wasmMs: z.number().positive(),
  twinMs: z.number().positive(),
  repetitions: z.number().int().positive(),
});

export const baselineSchema = z.object({
  version: z.literal(2),
  createdAt: z.string(),
  machine: z.object({
    cpu: z.string(),
    cores: z.number(),
    memoryGb: z.number(),
    os: z.string(),
    node: z.string(),
    loadAverage: z.number().optional(),
  }),
  /** linearSumAssignment against an npm package (`reference`) on uniform matrices. */
  lsap: z.object({ reference: z.string(), cases: z.array(ratioMeasurementSchema).min(1) }),
  /** The capacitated solver's wasm against its TypeScript twin, and its work counts, on Mentor Match data. */
  capacitated: z.object({ cases: z.array(capacitatedMeasurementSchema).min(1) }),
});

export type Baseline = z.infer<typeof baselineSchema>;
export type LsapBaseline = Baseline['lsap'];
export type CapacitatedBaseline = Baseline['capacitated'];

export interface BaselineMeasurements {
  readonly lsap: readonly RatioMeasurement[];
  /** The npm package the LSAP ratios are taken against. */
  readonly lsapReference: string;
  readonly capacitated: readonly CapacitatedMeasurement[];
}

export function createBaseline(measured: BaselineMeasurements, machine: MachineDescription): Baseline {
  return {
    version: 2,
    createdAt: new Date().toISOString(),
    machine,
    lsap: { reference: measured.lsapReference, cases: [...measured.lsap] },
    capacitated: { cases: [...measured.capacitated] },
  };
}

export function parseBaseline(json: unknown, source: string): Baseline {
  const parsed = baselineSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(
    `${source}: not a valid baseline (${issues.join('; ')}). Recreate it with \`npm run bench:baseline\`.`,
  );
}

export function readBaseline(path: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${path}: no baseline yet. Create it with \`npm run bench:baseline\`.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not JSON (${(error as Error).message})`);
  }
  return parseBaseline(json, path);
}

export function writeBaseline(path: string, baseline: Baseline): void {
  writeFileSync(path, JSON.stringify(baseline, null, 2) + '\n');
}
