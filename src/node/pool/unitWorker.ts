/** Worker thread of the generic unit pool: runs units of any registered task and posts their results back. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadBuiltinTask } from '../../tasks/builtinLoaders.ts';
import { getTask } from '../../tasks/registry.ts';
import { unitContext } from '../../tasks/task.ts';
import { transferables } from './transfer.ts';

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
export type UnitWorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; index: number; fraction: number; stage: string }
  | { type: 'done'; index: number; result: unknown }
  | { type: 'error'; index: number; message: string };

const data = workerData as UnitWorkerData;
for (const m of data.modules) await import(m);
// the task's own module when it is a built-in run task (fast start-up), else every built-in task
const task =
  getTask(data.task) ??
  (await loadBuiltinTask(data.task)) ??
  (await import('../../tasks/builtin.ts').then(() => getTask(data.task)));

parentPort?.on('message', async (job: UnitJob) => {
  try {
    if (!task) throw new Error(`task '${data.task}' is not registered in the worker`);
    const ctx = unitContext(undefined, (p) => parentPort?.postMessage({ type: 'progress', index: job.index, fraction: p.fraction, stage: p.stage } satisfies UnitWorkerMessage));
    const result = await task.runUnit(data.scenario, job.unit, data.seed, ctx);
    parentPort?.postMessage({ type: 'done', index: job.index, result } satisfies UnitWorkerMessage, transferables(result));
  } catch (err) {
    parentPort?.postMessage({ type: 'error', index: job.index, message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies UnitWorkerMessage);
  }
});
parentPort?.postMessage({ type: 'ready' } satisfies UnitWorkerMessage);
