// The committed baseline of the regression check (results/baseline.json). It is an external input,
// so it is read through a schema and a broken file is reported by path.
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { MachineDescription } from '../machine.js';
import type { RatioMeasurement } from './regression.js';

const measurementSchema = z.object({
  caseId: z.string(),
  rows: z.number().int().positive(),
  cols: z.number().int().positive(),
  ratio: z.number().positive(),
  oursMs: z.number().positive(),
  referenceMs: z.number().positive(),
  repetitions: z.number().int().positive(),
});

export const baselineSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  reference: z.string(),
  machine: z.object({ cpu: z.string(), cores: z.number(), memoryGb: z.number(), os: z.string(), node: z.string(), loadAverage: z.number().optional() }),
  cases: z.array(measurementSchema).min(1),
});

export type Baseline = z.infer<typeof baselineSchema>;

export function createBaseline(measurements: readonly RatioMeasurement[], reference: string, machine: MachineDescription): Baseline {
  return { version: 1, createdAt: new Date().toISOString(), reference, machine, cases: [...measurements] };
}

export function parseBaseline(json: unknown, source: string): Baseline {
  const parsed = baselineSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`${source}: not a valid baseline (${issues.join('; ')}). Recreate it with \`npm run bench:baseline\`.`);
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
