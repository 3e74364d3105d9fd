import type { ExecOptions, UnitExecutor } from '../../src/tasks/executor.ts';
import { TaskAbortedError, type AnyTask } from '../../src/tasks/task.ts';
import type { WebUnitJob, WebUnitMessage } from './unitWorker.ts';

/** Called as each unit finishes (any order), so a page can draw partial results (a mouse's photos). */
export type UnitListener = (index: number, unit: unknown, result: unknown) => void;

/** Threads the page may use: one per logical core the browser reports. */
export const browserThreads = (): number => Math.max(1, navigator.hardwareConcurrency || 2);

/**
 * Runs a task's units on Web Workers (at most `threads`), feeding each worker the next unit when it finishes
 * one. Cancelling terminates the workers, the only way to stop a unit mid-computation in a browser.
 */
export function webWorkerExecutor(threads: number, onUnit?: UnitListener): UnitExecutor {
  return {
    name: `web-workers:${threads}`,
    async runUnits<U, R>(task: AnyTask, scenario: unknown, seed: number, units: readonly U[], options: ExecOptions): Promise<R[]> {
      const results = new Array<R>(units.length);
      const weights = units.map((u) => task.unitWeight?.(u) ?? 1);
      const total = weights.reduce((a, b) => a + b, 0) || 1;
      const partial = new Float64Array(units.length);
      const workers: Worker[] = [];
      let next = 0;
      let done = 0;
      let doneWeight = 0;
      try {
        await new Promise<void>((resolve, reject) => {
          if (units.length === 0) return resolve();
          const onAbort = () => reject(new TaskAbortedError());
          if (options.signal?.aborted) return onAbort();
          options.signal?.addEventListener('abort', onAbort, { once: true });
          const feed = (w: Worker) => {
            if (next >= units.length) return;
            const job: WebUnitJob = { task: task.name, scenario, seed, index: next, unit: units[next] };
            next++;
            w.postMessage(job);
          };
          const progress = (stage: string) => {
            let inFlight = 0;
            for (const p of partial) inFlight += p;
            options.onProgress?.({ fraction: (doneWeight + inFlight) / total, stage });
          };
          for (let i = 0; i < Math.min(threads, units.length); i++) {
            const w = new Worker(new URL('./unitWorker.ts', import.meta.url), { type: 'module' });
            workers.push(w);
            w.onerror = (e) => reject(new Error(`a worker failed: ${e.message}`));
            w.onmessage = (e: MessageEvent<WebUnitMessage>) => {
              const m = e.data;
              if (m.type === 'progress') {
                partial[m.index] = m.fraction * weights[m.index];
                return progress(m.stage);
              }
              if (m.type === 'error') return reject(new Error(`unit ${m.index} of ${task.name}: ${m.message}`));
              results[m.index] = m.result as R;
              partial[m.index] = 0;
              doneWeight += weights[m.index];
              done++;
              onUnit?.(m.index, units[m.index], m.result);
              progress(`units ${done}/${units.length} (${workers.length} workers)`);
              if (done === units.length) {
                options.signal?.removeEventListener('abort', onAbort);
                resolve();
              } else feed(w);
            };
            feed(w);
          }
        });
      } finally {
        for (const w of workers) w.terminate();
      }
      return results;
    },
  };
}
