/** Thread of the Redis worker's pool: runs one unit of any registered task per message and posts the serialized result. */
import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import '../../tasks/builtin.ts';
import { getTask } from '../../tasks/registry.ts';
import { unitContext } from '../../tasks/task.ts';

export interface ThreadJob {
  id: number;
  task: string;
  scenario: unknown;
  seed: number;
  unit: unknown;
}
export type ThreadReply = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string };

for (const m of (workerData as { modules: string[] }).modules) await import(m);

parentPort?.on('message', async (job: ThreadJob) => {
  try {
    const task = getTask(job.task);
    if (!task) throw new Error(`task '${job.task}' is not registered in this worker (start it with --module for tasks outside follisim)`);
    const result = await task.runUnit(job.scenario, job.unit, job.seed, unitContext());
    const bytes = new Uint8Array(serialize(result));
    parentPort?.postMessage({ id: job.id, ok: true, bytes } satisfies ThreadReply, [bytes.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort?.postMessage({ id: job.id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies ThreadReply);
  }
});
