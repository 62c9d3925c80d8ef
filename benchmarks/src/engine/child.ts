// Entry point of one engine measurement in its own process (started by run-child.ts with
// --expose-gc). Reads the task as JSON from argv, prints the measurement as one JSON line.
import { loadOurSolver } from '../lsa/our-solver.js';
import { measureEngineTask } from './measure-task.js';
import { engineTaskSchema, type EngineMeasurement } from './task.js';

const task = engineTaskSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
let measurement: EngineMeasurement;
try {
  measurement = measureEngineTask(task, await loadOurSolver());
} catch (error) {
  measurement = {
    task: task.task,
    size: task.size,
    ok: false,
    error: error instanceof Error ? error.message : String(error),
  };
}
process.stdout.write(JSON.stringify(measurement) + '\n');
