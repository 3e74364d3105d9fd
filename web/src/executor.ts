import type { ExecOptions, UnitExecutor } from '../../src/tasks/executor.ts';
import type { AnyTask } from '../../src/tasks/task.ts';
import { scheduleUnits } from '../../src/tasks/unitScheduler.ts';
import type { WebUnitJob, WebUnitMessage } from './unitWorker.ts';

/** Called as each unit finishes (any order), so a page can draw partial results (a mouse's photos). */
export type UnitListener = (index: number, unit: unknown, result: unknown) => void;

/** Threads the page may use: one per logical core the browser reports. */
export const browserThreads = (): number => Math.max(1, navigator.hardwareConcurrency || 2);

/**
 * Runs a task's units on Web Workers (browser edge of the core's unit scheduler). Cancelling terminates the
 * workers, the only way to stop a unit mid-computation in a browser.
 */
export function webWorkerExecutor(threads: number, onUnit?: UnitListener): UnitExecutor {
  return {
    name: `web-workers:${threads}`,
    runUnits<U, R>(task: AnyTask, scenario: unknown, seed: number, units: readonly U[], options: ExecOptions): Promise<R[]> {
      return scheduleUnits<U, R>(task, units, options, {
        threads,
        workerNoun: 'workers',
        // a Web Worker queues messages until its module has loaded, so it can be fed at once
        waitForReady: false,
        onUnit,
        spawn: (emit, fail) => {
          const w = new Worker(new URL('./unitWorker.ts', import.meta.url), { type: 'module' });
          w.onerror = (e) => fail(new Error(`a worker failed: ${e.message}`));
          w.onmessage = (e: MessageEvent<WebUnitMessage>) => emit(e.data);
          return { run: (index, unit) => w.postMessage({ task: task.name, scenario, seed, index, unit } satisfies WebUnitJob), terminate: () => w.terminate() };
        },
      });
    },
  };
}
