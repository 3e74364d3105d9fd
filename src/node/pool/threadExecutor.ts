import type { Worker } from 'node:worker_threads';
import type { ExecOptions, UnitExecutor } from '../../tasks/executor.ts';
import { TaskAbortedError, unitContext, type AnyTask } from '../../tasks/task.ts';
import { settleLater } from '../../tasks/executor.ts';
import { siblingModuleUrl, spawnModuleWorker } from '../workers.ts';
import type { UnitJob, UnitWorkerData, UnitWorkerMessage } from './unitWorker.ts';

/** Options of `threadExecutor`. */
export interface ThreadExecutorOptions {
  /**
   * Also run units in the calling thread, with threads − 1 workers: the calling thread works while the workers
   * start (from source a worker takes seconds to load), so start-up is hidden. Blocks the calling thread's event
   * loop while one of its units runs, so it is for a command-line run, not for a server.
   */
  callingThread?: boolean;
}

/**
 * Runs a task's units on `threads` worker threads (Node edge), feeding each worker the next unit when it
 * finishes one. Units carry their own random streams, so results equal the serial run whatever the thread
 * count or completion order. `modules` are imported by each worker first (tasks registered outside the core).
 */
export function threadExecutor(threads: number, modules: string[] = [], opts: ThreadExecutorOptions = {}): UnitExecutor {
  return {
    name: `threads:${threads}`,
    async runUnits<U, R>(task: AnyTask, scenario: unknown, seed: number, units: readonly U[], options: ExecOptions): Promise<R[]> {
      const results = new Array<R>(units.length);
      const weights = units.map((u) => task.unitWeight?.(u) ?? 1);
      const total = weights.reduce((a, b) => a + b, 0) || 1;
      const partial = new Float64Array(units.length);
      const inCaller = opts.callingThread === true && threads >= 2 && units.length >= 2;
      const n = inCaller ? Math.min(threads - 1, units.length - 1) : Math.max(1, Math.min(threads, units.length));
      const data: UnitWorkerData = { task: task.name, scenario, seed, modules };
      const workers: Worker[] = [];
      let next = 0;
      let done = 0;
      let doneWeight = 0;
      const stored: Promise<void>[] = [];
      // set once the run settles (done, failed or aborted): this thread then takes no further unit
      let stopped = false;
      try {
        await new Promise<void>((resolve, reject) => {
          if (units.length === 0) return resolve();
          const onAbort = () => reject(new TaskAbortedError());
          if (options.signal?.aborted) return onAbort();
          options.signal?.addEventListener('abort', onAbort, { once: true });
          const progress = (stage: string) => {
            let inFlight = 0;
            for (let i = 0; i < partial.length; i++) inFlight += partial[i];
            options.onProgress?.({ fraction: (doneWeight + inFlight) / total, stage });
          };
          const feed = (w: Worker) => {
            if (next < units.length) {
              const job: UnitJob = { index: next, unit: units[next] };
              next++;
              w.postMessage(job);
            }
          };
          const finish = (index: number, result: unknown) => {
            results[index] = result as R;
            if (options.onUnitResult) stored.push(settleLater(options.onUnitResult, index, result));
            partial[index] = 0;
            doneWeight += weights[index];
            done++;
            progress(`units ${done}/${units.length} (${inCaller ? n + 1 : n} threads)`);
            if (done === units.length) {
              options.signal?.removeEventListener('abort', onAbort);
              resolve();
            }
          };
          for (let i = 0; i < n; i++) {
            const w = spawnModuleWorker(siblingModuleUrl('unitWorker', import.meta.url), data);
            workers.push(w);
            w.on('error', reject);
            w.on('message', (m: UnitWorkerMessage) => {
              if (m.type === 'ready') {
                feed(w);
                // a second job queued in the worker: it never waits for this thread's unit to end to get its next
                if (inCaller) feed(w);
                return;
              }
              if (m.type === 'progress') {
                partial[m.index] = m.fraction * weights[m.index];
                return progress(m.stage);
              }
              if (m.type === 'error') return reject(new Error(`unit ${m.index} of ${task.name}: ${m.message}`));
              finish(m.index, m.result);
              if (done < units.length) feed(w);
            });
          }
          if (inCaller) {
            const runHere = async () => {
              while (next < units.length && !stopped) {
                if (options.signal?.aborted) return;
                const i = next++;
                const ctx = unitContext(options.signal, (p) => {
                  partial[i] = p.fraction * weights[i];
                  progress(p.stage);
                }, options.services);
                finish(i, await task.runUnit(scenario, units[i], seed, ctx));
                // let the workers' messages (results, requests for work) in between this thread's units
                await new Promise((r) => setTimeout(r, 0));
              }
            };
            runHere().catch(reject);
          }
        });
      } finally {
        stopped = true;
        await Promise.all(workers.map((w) => w.terminate()));
      }
      await Promise.all(stored);
      return results;
    },
  };
}
