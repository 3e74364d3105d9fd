import type { TransportGrid } from '../transport/grid.ts';
import type { SubstrateSpec, TransportSolver } from '../transport/solver.ts';
import type { TaskOutput, TaskProgress } from './types.ts';

/** Builds a transport solver over a grid (a platform may offer a faster, e.g. multi-threaded, one). */
export type TransportSolverFactory = (grid: TransportGrid, substrates: readonly SubstrateSpec[], dtS: number) => Promise<TransportSolver & { close?(): Promise<void> }>;

/** Numerical methods a platform shell offers to units (COPASI's swappable methods); all optional. */
export interface UnitServices {
  transportSolver?: TransportSolverFactory;
}

/** What a unit of work gets besides its own description: cancellation and progress. */
export interface UnitContext {
  /** Aborted when the caller cancels; long units call `checkpoint()` at safe points. */
  signal?: AbortSignal;
  /** Progress of this unit (fraction of the unit, 0-1). */
  onProgress?: (p: TaskProgress) => void;
  /** Throws an AbortError when the signal is aborted (cheap; call it at progress points). */
  checkpoint(): void;
  /** Platform methods the unit may use instead of the core's own (results must be identical). */
  services?: UnitServices;
}

/**
 * A task after COPASI's Task/Problem/Method split: `plan` cuts a resolved scenario into independent units,
 * `runUnit` runs one (pure, possibly on another thread: units and their results must be structured-cloneable),
 * `reduce` turns the unit results, in plan order, into the task's typed output.
 */
export interface Task<S = unknown, U = unknown, R = unknown, O extends TaskOutput = TaskOutput> {
  /** Registry key, e.g. 'run:mouseStudy'. */
  readonly name: string;
  /** One line for `--help` and the docs. */
  readonly description: string;
  /** True when this task runs the given (validated) scenario. */
  accepts(scenario: { model?: unknown }): boolean;
  /** Independent units of work, in a fixed order (the order of `reduce`'s input). */
  plan(scenario: S, seed: number): U[];
  /** Runs one unit; same scenario + seed + unit gives identical results on any thread (a promise when it uses async services). */
  runUnit(scenario: S, unit: U, seed: number, ctx: UnitContext): R | Promise<R>;
  /** Combines unit results (in plan order) into the task output. */
  reduce(scenario: S, results: R[], seed: number): O;
  /** Seconds-scale weight of a unit for progress (default 1 each). */
  unitWeight?(unit: U): number;
  /**
   * Sequential tasks only (an optimiser proposes points from earlier values): the units come in batches
   * from a session instead of `plan` (which then returns []). Each batch's units are still independent,
   * pure evaluations, so any executor runs them; `reduce` gets every result in the order the batches came.
   */
  iterate?(scenario: S, seed: number): UnitSession<U, R>;
}

/**
 * The coordinator side of a sequential task: `next` receives the results of the batch it returned last
 * (an empty list the first time) and returns the next batch, or [] when done. Same seed and same results
 * give the same batches, so a run can be replayed from stored unit results.
 */
export interface UnitSession<U, R> {
  next(results: readonly R[]): U[];
  /** Fraction of the work done (e.g. evaluations used / budget), for progress. */
  progress?(): number;
}

/**
 * Any registered task, its type parameters erased at the registry boundary (methods are bivariant in their
 * parameters, so every concrete task is assignable to this).
 */
export type AnyTask = Task<unknown, unknown, unknown, TaskOutput>;

/** The error thrown when a run is cancelled (name 'AbortError', as fetch and DOM APIs use). */
export class TaskAbortedError extends Error {
  constructor(message = 'the run was cancelled') {
    super(message);
    this.name = 'AbortError';
  }
}

/** A unit context over an optional signal and progress callback. */
export function unitContext(signal?: AbortSignal, onProgress?: (p: TaskProgress) => void, services?: UnitServices): UnitContext {
  const checkpoint = (): void => {
    if (signal?.aborted) throw new TaskAbortedError();
  };
  return {
    signal,
    services,
    checkpoint,
    onProgress: (p) => {
      checkpoint();
      onProgress?.(p);
    },
  };
}
