import type { Scenario } from '../scenario/schema.ts';
import './builtin.ts';
import { taskForScenario } from './registry.ts';
import { unitContext } from './task.ts';
import type { TaskOptions, TaskOutput } from './types.ts';

/**
 * Runs a scenario synchronously in this thread with its registered task (plan → every unit → reduce).
 * `runTask` is the async, cancellable, threaded form; this one suits scripts and tests.
 */
export function runScenario(scenario: Scenario, options: TaskOptions): TaskOutput {
  const task = taskForScenario(scenario);
  if (task.iterate) throw new Error(`${task.name}: a sequential task runs with runTask`);
  const units = task.plan(scenario, options.seed);
  const ctx = unitContext(undefined, options.onProgress);
  const results = units.map((u, i) => {
    const r = task.runUnit(scenario, u, options.seed, ctx);
    if (r instanceof Promise) throw new Error(`${task.name}: this unit needs runTask (it runs asynchronously)`);
    if (units.length > 1) options.onProgress?.({ fraction: (i + 1) / units.length, stage: `units ${i + 1}/${units.length}` });
    return r;
  });
  return task.reduce(scenario, results, options.seed);
}
