/** Web Worker running units of any registered task (the browser twin of src/node/pool/unitWorker.ts). */
import '../../src/tasks/builtin.ts';
import { transferables } from '../../src/node/pool/transfer.ts';
import { getTask } from '../../src/tasks/registry.ts';
import { unitContext } from '../../src/tasks/task.ts';

/** Posted to the worker: run unit `index` of `task`. */
export interface WebUnitJob {
  task: string;
  scenario: unknown;
  seed: number;
  index: number;
  unit: unknown;
}
export type WebUnitMessage =
  | { type: 'progress'; index: number; fraction: number; stage: string }
  | { type: 'done'; index: number; result: unknown }
  | { type: 'error'; index: number; message: string };

const scope = self as unknown as { postMessage(m: WebUnitMessage, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<WebUnitJob>) => void) | null };

scope.onmessage = async (e) => {
  const job = e.data;
  try {
    const task = getTask(job.task);
    if (!task) throw new Error(`task '${job.task}' is not registered`);
    const ctx = unitContext(undefined, (p) => scope.postMessage({ type: 'progress', index: job.index, fraction: p.fraction, stage: p.stage }));
    const result = await task.runUnit(job.scenario, job.unit, job.seed, ctx);
    scope.postMessage({ type: 'done', index: job.index, result }, transferables(result));
  } catch (err) {
    scope.postMessage({ type: 'error', index: job.index, message: err instanceof Error ? err.message : String(err) });
  }
};
