import type { AnyTask, UnitServices } from './task.ts';
import { TaskAbortedError, unitContext } from './task.ts';
import type { TaskProgress } from './types.ts';

/** Runs a task's units somewhere (this thread, worker threads, web workers, a queue) and returns their results in plan order. */
export interface UnitExecutor {
  /** Human-readable name for the manifest ('serial', 'threads:4', ...). */
  readonly name: string;
  runUnits<U, R>(task: AnyTask, scenario: unknown, seed: number, units: readonly U[], options: ExecOptions): Promise<R[]>;
}

export interface ExecOptions {
  signal?: AbortSignal;
  /** Overall progress across units (fraction 0-1 of the whole task). */
  onProgress?: (p: TaskProgress) => void;
  /** Platform methods for units run in this thread. */
  services?: UnitServices;
  /** Called with each unit's result as soon as it is done (plan index, any order); a returned promise is awaited before `runUnits` resolves (a store writes it). */
  onUnitResult?: (index: number, result: unknown) => void | Promise<void>;
}

/** Runs an `onUnitResult` callback as a promise that is awaited later (marked handled now, so an early failure elsewhere leaves no unhandled rejection). */
export function settleLater(fn: (index: number, result: unknown) => void | Promise<void>, index: number, result: unknown): Promise<void> {
  const p = Promise.resolve().then(() => fn(index, result));
  p.catch(() => undefined);
  return p;
}

/** Yields to the event loop so a caller's abort (a timer, a UI click) can land between units. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs units one after another in the calling thread (the default; works in any JavaScript runtime). */
export const serialExecutor: UnitExecutor = {
  name: 'serial',
  async runUnits<U, R>(task: AnyTask, scenario: unknown, seed: number, units: readonly U[], options: ExecOptions): Promise<R[]> {
    const weights = units.map((u) => task.unitWeight?.(u) ?? 1);
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const out: R[] = [];
    let done = 0;
    for (let i = 0; i < units.length; i++) {
      if (options.signal?.aborted) throw new TaskAbortedError();
      const ctx = unitContext(options.signal, (p) => options.onProgress?.({ fraction: (done + p.fraction * weights[i]) / total, stage: p.stage }), options.services);
      const r = (await task.runUnit(scenario, units[i], seed, ctx)) as R;
      out.push(r);
      // awaited before the next unit: this thread is busy while a unit runs, so an asynchronous store write
      // (several event-loop turns inside DuckDB) would otherwise not progress until every unit was done
      await options.onUnitResult?.(i, r);
      done += weights[i];
      options.onProgress?.({ fraction: done / total, stage: units.length > 1 ? `units ${i + 1}/${units.length}` : 'done' });
      if (units.length > 1) await yieldToEventLoop();
    }
    return out;
  },
};
