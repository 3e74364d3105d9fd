import type { ExecOptions, UnitExecutor } from '../../tasks/executor.ts';
import type { AnyTask } from '../../tasks/task.ts';
import { runScheduledUnit, scheduleUnits, type ScheduledWorker, type UnitWorkerEvent } from '../../tasks/unitScheduler.ts';
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
 * A scheduled "worker" that is the calling thread itself: each unit runs on a later macrotask, so the real
 * workers' messages (results, requests for work) are handled between this thread's units.
 */
function callingThreadWorker(task: AnyTask, scenario: unknown, seed: number, emit: (e: UnitWorkerEvent) => void): ScheduledWorker {
  let stopped = false;
  setTimeout(() => stopped || emit({ type: 'ready' }), 0);
  return {
    run(index, unit) {
      setTimeout(() => {
        if (!stopped) void runScheduledUnit(task, task.name, { scenario, seed, index, unit }, (m) => stopped || emit(m));
      }, 0);
    },
    terminate() {
      stopped = true;
    },
  };
}

/**
 * Runs a task's units on `threads` worker threads (Node edge of the core's unit scheduler). Units carry their
 * own random streams, so results equal the serial run whatever the thread count or completion order.
 * `modules` are imported by each worker first (tasks registered outside the core).
 */
export function threadExecutor(threads: number, modules: string[] = [], opts: ThreadExecutorOptions = {}): UnitExecutor {
  return {
    name: `threads:${threads}`,
    runUnits<U, R>(task: AnyTask, scenario: unknown, seed: number, units: readonly U[], options: ExecOptions): Promise<R[]> {
      const data: UnitWorkerData = { task: task.name, scenario, seed, modules };
      const inCaller = opts.callingThread === true && threads >= 2 && units.length >= 2;
      let spawned = 0;
      return scheduleUnits<U, R>(task, units, options, {
        threads,
        workerNoun: 'threads',
        // each worker imports the task modules before it can take a unit
        waitForReady: true,
        spawn: (emit, fail) => {
          if (inCaller && spawned++ === 0) return callingThreadWorker(task, scenario, seed, emit);
          const w = spawnModuleWorker(siblingModuleUrl('unitWorker', import.meta.url), data);
          w.on('error', fail);
          w.on('message', (m: UnitWorkerMessage) => emit(m));
          return { run: (index, unit) => w.postMessage({ index, unit } satisfies UnitJob), terminate: () => w.terminate() };
        },
      });
    },
  };
}
