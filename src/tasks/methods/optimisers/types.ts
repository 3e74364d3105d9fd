import type { RandomStream } from '../../../core/random/stream.ts';

/**
 * Optimisers work on the unit cube [0,1]^d (parameters are mapped onto their bounds outside), minimise, and
 * are written as generators in ask/tell form: each `yield` hands out a batch of points to evaluate and
 * receives their objective values. The caller decides where the points run (this thread, worker threads, a
 * queue), so an optimiser never calls the model itself and a calibration's units stay independent.
 */
export type Batch = Float64Array[];

/** The best point an optimiser found (unit-cube coordinates) and what it cost. */
export interface OptimiserResult {
  x: Float64Array;
  f: number;
  evaluations: number;
  /** Why it stopped: 'converged', 'budget'. */
  reason: 'converged' | 'budget';
}

/** An optimiser run: yields batches, receives their values (same order), returns the result. */
export type OptimiserRun = Generator<Batch, OptimiserResult, number[]>;

export interface OptimiserOptions {
  /** Most objective evaluations this run may ask for. */
  budget: number;
  rng: RandomStream;
  /** Initial step or spread in unit-cube coordinates (default 0.2 for Nelder–Mead, 0.3 for CMA-ES). */
  step?: number;
  /** Stop when the objective values of the simplex / generation differ by less than this (default 1e-8). */
  fTolerance?: number;
  /** Stop when the simplex / search distribution is smaller than this in unit-cube coordinates (default 1e-6). */
  xTolerance?: number;
}

/** A swappable method (COPASI's method factory): a name, one line of description, and its run. */
export interface OptimiserMethod {
  readonly name: string;
  readonly description: string;
  run(x0: Float64Array, options: OptimiserOptions): OptimiserRun;
}

/** Clamps each coordinate into [0, 1] (projection onto the feasible box). */
export function project(x: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) x[i] = Math.min(1, Math.max(0, x[i]));
  return x;
}
