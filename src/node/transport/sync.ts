/**
 * Synchronisation over a shared Int32Array: a start signal and a reusable (generation-counting) barrier.
 * Waiters spin briefly (the other threads usually arrive within microseconds) and then sleep in Atomics.wait.
 */

/** Slots of the control array. */
export const CTRL = {
  /** Incremented by the main thread to start a command. */
  startGen: 0,
  /** The command: STEP or EXIT. */
  command: 1,
  /** Threads arrived at the current barrier. */
  barrierCount: 2,
  /** Incremented each time a barrier opens. */
  barrierGen: 3,
  /** Non-zero once a worker failed; every waiter then throws. */
  error: 4,
  /** Length of the control array. */
  length: 8,
} as const;

export const COMMAND_STEP = 1;
export const COMMAND_EXIT = 2;

const SPIN = 20_000;

/** Thrown by a waiter when a worker reported a failure. */
export class WorkerFailedError extends Error {}

/** Blocks until ctrl[slot] differs from `value` (spin, then Atomics.wait); throws if the error flag is set. */
export function waitWhileEquals(ctrl: Int32Array, slot: number, value: number): void {
  for (let i = 0; i < SPIN; i++) {
    if (Atomics.load(ctrl, slot) !== value) return;
    if (Atomics.load(ctrl, CTRL.error) !== 0) throw new WorkerFailedError('a transport worker failed');
  }
  while (Atomics.load(ctrl, slot) === value) {
    if (Atomics.load(ctrl, CTRL.error) !== 0) throw new WorkerFailedError('a transport worker failed');
    Atomics.wait(ctrl, slot, value, 1000);
  }
}

/** Waits until all `parties` threads have called barrier (the last one to arrive opens it). */
export function barrier(ctrl: Int32Array, parties: number): void {
  const gen = Atomics.load(ctrl, CTRL.barrierGen);
  if (Atomics.add(ctrl, CTRL.barrierCount, 1) === parties - 1) {
    Atomics.store(ctrl, CTRL.barrierCount, 0);
    Atomics.add(ctrl, CTRL.barrierGen, 1);
    Atomics.notify(ctrl, CTRL.barrierGen);
    return;
  }
  waitWhileEquals(ctrl, CTRL.barrierGen, gen);
}

/** Splits [0, n) into `parts` contiguous ranges as equal as possible; returns range `which` as [start, end). */
export function splitRange(n: number, parts: number, which: number): [number, number] {
  const base = Math.floor(n / parts);
  const extra = n % parts;
  const start = which * base + Math.min(which, extra);
  return [start, start + base + (which < extra ? 1 : 0)];
}
