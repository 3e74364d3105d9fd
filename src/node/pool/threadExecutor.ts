import type { Worker } from 'node:worker_threads';
import type { ExecOptions, UnitExecutor } from '../../tasks/executor.ts';
import { TaskAbortedError, type AnyTask } from '../../tasks/task.ts';
import { settleLater } from '../../tasks/executor.ts';
import { siblingModuleUrl, spawnModuleWorker } from '../workers.ts';
import type { UnitJob, UnitWorkerData, UnitWorkerMessage } from './unitWorker.ts';

/**
 * Runs a task's units on `threads` worker threads (Node edge), feeding each worker the next unit when it
 * finishes one. Units carry their own random streams, so results equal the serial run whatever the thread
 * count or completion order. `modules` are imported by each worker first (tasks registered outside the core).
 */
export function threadExecutor(threads: number, modules: string[] = []): UnitExecutor {
  return {
    name: `threads:${threads}`,
    async runUnits<U, R>(task: AnyTask, scenario: unknown, seed: number, units: readonly U[], options: ExecOptions): Promise<R[]> {
      const results = new Array<R>(units.length);
      const weights = units.map((u) => task.unitWeight?.(u) ?? 1);
      const total = weights.reduce((a, b) => a + b, 0) || 1;
      const partial = new Float64Array(units.length);
      const n = Math.max(1, Math.min(threads, units.length));
      const data: UnitWorkerData = { task: task.name, scenario, seed, modules };
      const workers: Worker[] = [];
      let next = 0;
      let done = 0;
      let doneWeight = 0;
      const stored: Promise<void>[] = [];
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
          for (let i = 0; i < n; i++) {
            const w = spawnModuleWorker(siblingModuleUrl('unitWorker', import.meta.url), data);
            workers.push(w);
            w.on('error', reject);
            w.on('message', (m: UnitWorkerMessage) => {
              if (m.type === 'ready') return feed(w);
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
              progress(`units ${done}/${units.length} (${n} threads)`);
              if (done === units.length) {
                options.signal?.removeEventListener('abort', onAbort);
                resolve();
              } else feed(w);
            });
          }
        });
      } finally {
        await Promise.all(workers.map((w) => w.terminate()));
      }
      await Promise.all(stored);
      return results;
    },
  };
}
