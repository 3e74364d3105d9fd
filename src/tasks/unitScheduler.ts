import type { ExecOptions } from './executor.ts';
import { settleLater } from './executor.ts';
import { TaskAbortedError, unitContext, type AnyTask } from './task.ts';
import { transferables } from './transferables.ts';

/** What a unit worker reports, whatever carries it (a Node worker thread, a Web Worker, a test double). */
export type UnitWorkerEvent =
  | { type: 'ready' }
  | { type: 'progress'; index: number; fraction: number; stage: string }
  | { type: 'done'; index: number; result: unknown }
  | { type: 'error'; index: number; message: string };

/** One worker as the scheduler drives it: give it a unit, stop it. */
export interface ScheduledWorker {
  /** Starts unit `index` (the worker answers with progress, then done or error, for that index). */
  run(index: number, unit: unknown): void;
  /** Stops the worker, mid-unit if need be (the only way to interrupt a unit on another thread). */
  terminate(): void | Promise<unknown>;
}

/** The platform edge: starts one worker whose events go to `emit` and whose crash goes to `fail`. */
export type SpawnWorker = (emit: (e: UnitWorkerEvent) => void, fail: (err: Error) => void) => ScheduledWorker;

export interface ScheduleOptions {
  /** Workers to start at most (fewer when there are fewer units). */
  threads: number;
  spawn: SpawnWorker;
  /** True: a worker is fed only after its 'ready' event (it loads modules first); false: fed at once. */
  waitForReady: boolean;
  /** Words for the progress stage ('threads', 'workers'). */
  workerNoun: string;
  /** Called as each unit finishes (any order), after its result is recorded. */
  onUnit?: (index: number, unit: unknown, result: unknown) => void;
}

/**
 * Runs a task's units on a pool of workers, feeding each worker the next unit when it finishes one, and returns
 * the results in plan order. Progress is weighted by `task.unitWeight`, counting in-flight units' partial
 * progress; cancelling (the signal) rejects with TaskAbortedError; every worker is terminated on the way out.
 * Platform-neutral: Node's worker threads and the browser's Web Workers differ only in `spawn`.
 */
export async function scheduleUnits<U, R>(task: AnyTask, units: readonly U[], options: ExecOptions, o: ScheduleOptions): Promise<R[]> {
  const results = new Array<R>(units.length);
  const weights = units.map((u) => task.unitWeight?.(u) ?? 1);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const partial = new Float64Array(units.length);
  const n = Math.max(1, Math.min(o.threads, units.length));
  const workers: ScheduledWorker[] = [];
  const stored: Promise<void>[] = [];
  let next = 0;
  let done = 0;
  let doneWeight = 0;
  let onAbort: (() => void) | null = null;
  try {
    await new Promise<void>((resolve, reject) => {
      if (units.length === 0) return resolve();
      onAbort = () => reject(new TaskAbortedError());
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const progress = (stage: string) => {
        let inFlight = 0;
        for (let i = 0; i < partial.length; i++) inFlight += partial[i];
        options.onProgress?.({ fraction: (doneWeight + inFlight) / total, stage });
      };
      const feed = (w: ScheduledWorker) => {
        if (next >= units.length) return;
        const index = next++;
        w.run(index, units[index]);
      };
      for (let i = 0; i < n; i++) {
        let worker: ScheduledWorker | null = null;
        const ready: UnitWorkerEvent[] = [];
        const emit = (m: UnitWorkerEvent): void => {
          // a worker may report 'ready' before spawn() has returned it
          if (!worker) return void ready.push(m);
          if (m.type === 'ready') return feed(worker);
          if (m.type === 'progress') {
            partial[m.index] = m.fraction * weights[m.index];
            return progress(m.stage);
          }
          if (m.type === 'error') return reject(new Error(`unit ${m.index} of ${task.name}: ${m.message}`));
          results[m.index] = m.result as R;
          if (options.onUnitResult) stored.push(settleLater(options.onUnitResult, m.index, m.result));
          partial[m.index] = 0;
          doneWeight += weights[m.index];
          done++;
          o.onUnit?.(m.index, units[m.index], m.result);
          progress(`units ${done}/${units.length} (${n} ${o.workerNoun})`);
          if (done === units.length) resolve();
          else feed(worker);
        };
        worker = o.spawn(emit, reject);
        workers.push(worker);
        for (const m of ready.splice(0)) emit(m);
        if (!o.waitForReady) feed(worker);
      }
    });
  } finally {
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((w) => w.terminate()));
  }
  await Promise.all(stored);
  return results;
}

/**
 * The worker side: runs unit `index` of `task` in the calling thread and reports progress and the result (or
 * the error) through `post`, as a scheduled worker must; a result's whole buffers are moved, not copied.
 */
export async function runScheduledUnit(
  task: AnyTask | undefined,
  taskName: string,
  job: { scenario: unknown; seed: number; index: number; unit: unknown },
  post: (m: UnitWorkerEvent, transfer?: ArrayBuffer[]) => void,
): Promise<void> {
  try {
    if (!task) throw new Error(`task '${taskName}' is not registered in the worker`);
    const ctx = unitContext(undefined, (p) => post({ type: 'progress', index: job.index, fraction: p.fraction, stage: p.stage }));
    const result = await task.runUnit(job.scenario, job.unit, job.seed, ctx);
    post({ type: 'done', index: job.index, result }, transferables(result));
  } catch (err) {
    post({ type: 'error', index: job.index, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}
