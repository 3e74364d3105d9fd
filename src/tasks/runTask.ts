import { generateRootSeed } from '../core/random/seeds.ts';
import { serialExecutor, type UnitExecutor } from './executor.ts';
import { taskForScenario } from './registry.ts';
import './builtin.ts';
import type { AnyTask, UnitServices } from './task.ts';
import type { TaskOutput, TaskProgress } from './types.ts';

/** Makes an executor for a thread count; platform shells install one (Node: worker threads). */
export type ExecutorFactory = (threads: number) => UnitExecutor;

let executorFactory: ExecutorFactory | null = null;

/** Installs the executor used when `runTask` is asked for more than one thread (done by the Node entry point). */
export function setThreadExecutorFactory(factory: ExecutorFactory | null): void {
  executorFactory = factory;
}

export interface RunTaskOptions {
  /** Root seed; default: the scenario's `seed`, else a generated one (recorded in the result). */
  seed?: number;
  /** Cancels the run; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
  onProgress?: (p: TaskProgress) => void;
  /** Units in parallel (default 1: this thread). Needs a thread executor (Node: installed by `follisim`'s Node entry). */
  threads?: number;
  /** An explicit executor (overrides `threads`). */
  executor?: UnitExecutor;
  /** Platform methods for units run in this thread (e.g. a multi-threaded transport solver). */
  services?: UnitServices;
}

/** A finished task: its typed output, the seed actually used, and how it ran. */
export interface TaskRun<O extends TaskOutput = TaskOutput> {
  task: AnyTask;
  output: O;
  seed: number;
  seedGenerated: boolean;
  units: number;
  executor: string;
}

/** Picks the executor for the options: explicit, else threads > 1 with an installed factory, else serial. */
export function chooseExecutor(options: Pick<RunTaskOptions, 'threads' | 'executor'>, units: number): UnitExecutor {
  if (options.executor) return options.executor;
  const threads = Math.min(options.threads ?? 1, units);
  if (threads > 1 && executorFactory) return executorFactory(threads);
  return serialExecutor;
}

/**
 * Runs a validated scenario with the task that accepts it: plan → units (serially or on workers) → reduce.
 * Same scenario + seed gives identical output whatever the thread count.
 */
export async function runTask<S extends { model?: unknown; seed?: number }>(scenario: S, options: RunTaskOptions = {}): Promise<TaskRun> {
  const task = taskForScenario(scenario);
  const seedGenerated = options.seed === undefined && scenario.seed === undefined;
  const seed = options.seed ?? scenario.seed ?? generateRootSeed();
  const resolved = { ...scenario, seed };
  if (task.iterate) return runSession(task, resolved, seed, seedGenerated, options);
  const units = task.plan(resolved, seed);
  const executor = chooseExecutor(options, units.length);
  const results = await executor.runUnits(task, resolved, seed, units, { signal: options.signal, onProgress: options.onProgress, services: options.services });
  if (options.signal?.aborted) throw options.signal.reason instanceof Error ? options.signal.reason : new Error('the run was cancelled');
  return { task, output: task.reduce(resolved, results, seed), seed, seedGenerated, units: units.length, executor: executor.name };
}

/** Drives a sequential task: batches from its session run on the chosen executor until the session ends. */
async function runSession(task: AnyTask, scenario: unknown, seed: number, seedGenerated: boolean, options: RunTaskOptions): Promise<TaskRun> {
  const session = (task.iterate as NonNullable<AnyTask['iterate']>)(scenario, seed);
  const all: unknown[] = [];
  let executorName = 'serial';
  let batch = session.next([]);
  while (batch.length > 0) {
    const executor = chooseExecutor(options, batch.length);
    executorName = executor.name === 'serial' ? executorName : executor.name;
    const done = all.length;
    // progress inside a batch: the session's fraction before it, with the batch's own count in the stage
    const before = session.progress?.() ?? 0;
    const results = await executor.runUnits(task, scenario, seed, batch, {
      signal: options.signal,
      services: options.services,
      onProgress: (p) => options.onProgress?.({ fraction: before, stage: `runs ${done + Math.round(p.fraction * batch.length)}` }),
    });
    if (options.signal?.aborted) throw options.signal.reason instanceof Error ? options.signal.reason : new Error('the run was cancelled');
    all.push(...results);
    batch = session.next(results);
    options.onProgress?.({ fraction: session.progress?.() ?? 0, stage: `runs ${all.length}` });
  }
  return { task, output: task.reduce(scenario, all, seed), seed, seedGenerated, units: all.length, executor: executorName };
}
