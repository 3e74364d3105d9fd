/** Worker thread of the generic unit pool: runs units of any registered task and posts their results back. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadBuiltinTask } from '../../tasks/builtinLoaders.ts';
import { getTask } from '../../tasks/registry.ts';
import { runScheduledUnit, type UnitWorkerEvent } from '../../tasks/unitScheduler.ts';

export interface UnitWorkerData {
  task: string;
  scenario: unknown;
  seed: number;
  /** Extra modules to import before running (they register tasks not built in). */
  modules: string[];
}
export interface UnitJob {
  index: number;
  unit: unknown;
}
export type UnitWorkerMessage = UnitWorkerEvent;

const data = workerData as UnitWorkerData;
for (const m of data.modules) await import(m);
// the task's own module when it is a built-in run task (fast start-up), else every built-in task
const task =
  getTask(data.task) ??
  (await loadBuiltinTask(data.task)) ??
  (await import('../../tasks/builtin.ts').then(() => getTask(data.task)));

parentPort?.on('message', (job: UnitJob) => void runScheduledUnit(task, data.task, { ...job, scenario: data.scenario, seed: data.seed }, (m, transfer) => parentPort?.postMessage(m, transfer)));
parentPort?.postMessage({ type: 'ready' } satisfies UnitWorkerMessage);
