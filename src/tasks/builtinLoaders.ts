import type { AnyTask } from './task.ts';

/**
 * Loaders of the built-in run tasks one by one, so that a worker thread imports only the module of the task
 * it runs (importing every built-in task, as ./builtin.ts does, costs a worker most of its start-up time).
 * A task missing here (e.g. a sweep) is found by importing ./builtin.ts instead.
 */
const LOADERS: Record<string, () => Promise<AnyTask>> = {
  'run:mouseStudy': async () => (await import('./mouseStudyRun.ts')).mouseStudyTask as AnyTask,
  'run:humanScalp': async () => (await import('./humanScalpRun.ts')).humanScalpTask as AnyTask,
  'run:patchDelivery': async () => (await import('./patchDeliveryRun.ts')).patchDeliveryTask as AnyTask,
};

/** The built-in task named `name` by importing only its module, or undefined when it has no loader here. */
export async function loadBuiltinTask(name: string): Promise<AnyTask | undefined> {
  const load = LOADERS[name];
  return load ? load() : undefined;
}
