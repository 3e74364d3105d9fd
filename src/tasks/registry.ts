import type { AnyTask, Task } from './task.ts';
import type { TaskOutput } from './types.ts';

/**
 * The task registry (Morpheus-style: each task registers itself; nothing switches on task names). Built-in
 * tasks are registered by ./builtin.ts; a later task (trial, sweep, ...) adds one `registerTask` call.
 */
const tasks = new Map<string, AnyTask>();

/** Adds a task; a second task under the same name is an error (it would silently shadow the first). */
export function registerTask<S, U, R, O extends TaskOutput>(task: Task<S, U, R, O>): void {
  if (tasks.has(task.name)) throw new Error(`task '${task.name}' is already registered`);
  tasks.set(task.name, task as AnyTask);
}

/** The task registered under `name`, or undefined. */
export function getTask(name: string): AnyTask | undefined {
  return tasks.get(name);
}

/** Names of all registered tasks, sorted. */
export function taskNames(): string[] {
  return [...tasks.keys()].sort();
}

/** The task that runs a validated scenario; an error names the scenario's model when none does. */
export function taskForScenario(scenario: { model?: unknown }): AnyTask {
  const matches = [...tasks.values()].filter((t) => t.accepts(scenario));
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) throw new Error(`no task runs scenarios of model '${String(scenario.model)}' (registered: ${taskNames().join(', ')})`);
  throw new Error(`several tasks accept model '${String(scenario.model)}': ${matches.map((t) => t.name).join(', ')}`);
}
