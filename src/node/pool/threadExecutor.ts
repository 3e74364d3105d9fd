import type { ExecOptions, UnitExecutor } from '../../tasks/executor.ts';
import type { AnyTask } from '../../tasks/task.ts';
import { scheduleUnits } from '../../tasks/unitScheduler.ts';
import { siblingModuleUrl, spawnModuleWorker } from '../workers.ts';
import type { UnitJob, UnitWorkerData, UnitWorkerMessage } from './unitWorker.ts';

/**
 * Runs a task's units on `threads` worker threads (Node edge of the core's unit scheduler). Units carry their
 * own random streams, so results equal the serial run whatever the thread count or completion order.
 * `modules` are imported by each worker first (tasks registered outside the core).
 */
export function threadExecutor(threads: number, modules: string[] = []): UnitExecutor {
  return {
    name: `threads:${threads}`,
    runUnits<U, R>(task: AnyTask, scenario: unknown, seed: number, units: readonly U[], options: ExecOptions): Promise<R[]> {
      const data: UnitWorkerData = { task: task.name, scenario, seed, modules };
      return scheduleUnits<U, R>(task, units, options, {
        threads,
        workerNoun: 'threads',
        // each worker imports the task modules before it can take a unit
        waitForReady: true,
        spawn: (emit, fail) => {
          const w = spawnModuleWorker(siblingModuleUrl('unitWorker', import.meta.url), data);
          w.on('error', fail);
          w.on('message', (m: UnitWorkerMessage) => emit(m));
          return { run: (index, unit) => w.postMessage({ index, unit } satisfies UnitJob), terminate: () => w.terminate() };
        },
      });
    },
  };
}
