/** Node edge of the transport solver: the worker-thread parallel solver. */
export { createParallelSolver } from './parallel.ts';
export type { ParallelSolverOptions, ParallelTransportSolver } from './parallel.ts';
