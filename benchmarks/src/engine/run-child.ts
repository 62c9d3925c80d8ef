// Runs one engine measurement in a fresh Node process, so that each size gets its own heap and its
// own peak RSS, and a crash or a timeout at one size is reported instead of ending the suite.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { engineMeasurementSchema, type EngineMeasurement, type EngineTask } from './task.js';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

export function runEngineTask(task: EngineTask, timeoutMs: number): EngineMeasurement {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=6144', '--conditions=source', '--import', 'tsx', CHILD, JSON.stringify(task)],
    { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const base = { task: task.task, size: task.size, ok: false } as const;
  if (child.error)
    return {
      ...base,
      error: child.error.message.includes('ETIMEDOUT') ? `over ${timeoutMs / 1000} s` : child.error.message,
    };
  const lastLine = child.stdout.trim().split('\n').pop() ?? '';
  try {
    return engineMeasurementSchema.parse(JSON.parse(lastLine));
  } catch {
    const why = child.signal ? `killed by ${child.signal}` : `exit code ${child.status}`;
    return { ...base, error: `${why}: ${child.stderr.trim().split('\n').slice(-3).join(' / ')}` };
  }
}
