/**
 * Multi-threaded transport solver (Node edge): the core LOD solver over SharedArrayBuffer-backed fields, with
 * the z-planes of the x/y pass and the y rows of the z pass split into contiguous slabs, one per thread (the
 * main thread takes the first). Threads meet at an Atomics barrier between the passes and at the end of
 * each step, so `step()` stays synchronous. Every line system is solved by exactly the same code and
 * coefficients as in the single-thread solver, so results are bit-for-bit identical.
 *
 * Why slabs rather than substrates per thread: it balances for any substrate count (1 substrate scales too),
 * costs only two barriers per step (~10 µs against ~40 ms of work at 100³ × 10), and each thread's working
 * set per plane / row block stays in its own cache.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { siblingModuleUrl, spawnModuleWorker } from '../workers.ts';
import { createSolver } from '../../transport/solver.ts';
import type { PointSource, SubstrateSpec, TransportSolver } from '../../transport/solver.ts';
import type { TransportGrid } from '../../transport/grid.ts';
import { barrier, COMMAND_EXIT, COMMAND_STEP, CTRL, splitRange, WorkerFailedError } from './sync.ts';
import type { TransportWorkerData } from './worker.ts';

/** Starts the worker module next to this one (worker.ts from source, worker.js from dist) in a worker thread. */
function spawnWorker(workerData: TransportWorkerData): Worker {
  return spawnModuleWorker(siblingModuleUrl('worker', import.meta.url), workerData);
}

/** Options of `createParallelSolver`. */
export interface ParallelSolverOptions {
  /** Threads in all, the main thread included (default: os.availableParallelism(), at least 1). */
  threads?: number;
}

/** A TransportSolver whose steps run on several threads; call `close()` to stop the workers. */
export interface ParallelTransportSolver extends TransportSolver {
  /** Threads in all, the main thread included. */
  readonly threads: number;
  /** Stops the worker threads; the solver must not be stepped afterwards. */
  close(): Promise<void>;
}

/** Creates a solver like `createSolver` whose steps are shared by `threads` threads (resolves once workers are ready). */
export async function createParallelSolver(
  grid: TransportGrid,
  substrates: readonly SubstrateSpec[],
  dtS: number,
  options: ParallelSolverOptions = {},
): Promise<ParallelTransportSolver> {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const buffers: SharedArrayBuffer[] = [];
  const core = createSolver(grid, substrates, dtS, {
    allocate: (length) => {
      const sab = new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT);
      buffers.push(sab);
      return new Float64Array(sab);
    },
  });
  const control = new SharedArrayBuffer(CTRL.length * Int32Array.BYTES_PER_ELEMENT);
  const ctrl = new Int32Array(control);
  // Workers never apply point sources (the main thread does, before each start signal).
  const workerSpecs: SubstrateSpec[] = substrates.map((s) => ({ ...s, pointSources: [] }));
  const workers: Worker[] = [];
  const failures: string[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads - 1 }, (_, w) => {
        const workerData: TransportWorkerData = {
          grid,
          substrates: workerSpecs,
          dtS,
          buffers,
          control,
          threads,
          index: w + 1,
        };
        const worker = spawnWorker(workerData);
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          worker.on('message', (m: { type: string; message?: string }) => {
            if (m.type === 'ready') resolve();
            else if (m.type === 'error') failures.push(m.message ?? 'unknown');
          });
          worker.once('error', (e) => {
            failures.push(e.message);
            reject(e);
          });
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`transport worker exited with code ${code}`));
          });
        });
      }),
    );
  } catch (e) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  }

  // Idle workers sleep in Atomics.wait; unref them so a forgotten close() does not keep the process alive.
  for (const w of workers) w.unref();
  const [z0, z1] = splitRange(grid.nz, threads, 0);
  const [y0, y1] = splitRange(grid.ny, threads, 0);
  let closed = false;

  const stepOnce = (): void => {
    core.applyPointSources();
    if (threads > 1) {
      Atomics.store(ctrl, CTRL.command, COMMAND_STEP);
      Atomics.add(ctrl, CTRL.startGen, 1);
      Atomics.notify(ctrl, CTRL.startGen);
    }
    try {
      core.sweepPlanes(z0, z1);
      if (threads > 1) barrier(ctrl, threads);
      core.sweepColumns(y0, y1);
      if (threads > 1) barrier(ctrl, threads);
    } catch (e) {
      Atomics.store(ctrl, CTRL.error, 1);
      Atomics.notify(ctrl, CTRL.barrierGen);
      if (e instanceof WorkerFailedError && failures.length > 0) throw new Error(`transport worker failed: ${failures.join('; ')}`);
      throw e;
    }
    core.advanceClock();
  };

  return {
    grid,
    dtS,
    threads,
    get timeS() {
      return core.timeS;
    },
    get stepCount() {
      return core.stepCount;
    },
    names: core.names,
    step(n = 1) {
      if (closed) throw new Error('parallel transport solver is closed');
      for (let i = 0; i < n; i++) stepOnce();
    },
    field: (name) => core.field(name),
    sourceRate: (name) => core.sourceRate(name),
    uptakeRate: (name) => core.uptakeRate(name),
    setPointSources: (name: string, sources: readonly PointSource[]) => core.setPointSources(name, sources),
    applyPointSources: () => core.applyPointSources(),
    sweepPlanes: (a, b) => core.sweepPlanes(a, b),
    sweepColumns: (a, b) => core.sweepColumns(a, b),
    advanceClock: () => core.advanceClock(),
    async close() {
      if (closed) return;
      closed = true;
      if (workers.length === 0) return;
      const exits = workers.map((w) => new Promise<void>((resolve) => w.once('exit', () => resolve())));
      Atomics.store(ctrl, CTRL.command, COMMAND_EXIT);
      Atomics.add(ctrl, CTRL.startGen, 1);
      Atomics.notify(ctrl, CTRL.startGen);
      await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 2000))]);
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
