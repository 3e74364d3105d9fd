/**
 * Worker thread of the parallel transport solver: attaches a core solver to the shared arrays and, on each
 * start signal, sweeps its slab of z-planes, meets the other threads at a barrier, sweeps its slab of y rows
 * and meets them again.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createSolver } from '../../transport/solver.ts';
import type { SubstrateSpec } from '../../transport/solver.ts';
import type { TransportGrid } from '../../transport/grid.ts';
import { barrier, COMMAND_EXIT, CTRL, splitRange, waitWhileEquals } from './sync.ts';

/** What the main thread sends at creation (structured-cloned). */
export interface TransportWorkerData {
  grid: TransportGrid;
  substrates: SubstrateSpec[];
  dtS: number;
  buffers: SharedArrayBuffer[];
  control: SharedArrayBuffer;
  threads: number;
  index: number;
}

const data = workerData as TransportWorkerData;
const ctrl = new Int32Array(data.control);
let next = 0;
const solver = createSolver(data.grid, data.substrates, data.dtS, {
  allocate: (length) => {
    const a = new Float64Array(data.buffers[next++]);
    if (a.length !== length) throw new RangeError(`shared buffer ${next - 1} has ${a.length} values, expected ${length}`);
    return a;
  },
  initialise: false,
});
const [z0, z1] = splitRange(data.grid.nz, data.threads, data.index);
const [y0, y1] = splitRange(data.grid.ny, data.threads, data.index);

// Read the start generation before announcing readiness: the main thread may signal the first step as soon
// as it hears 'ready', and that signal must not be mistaken for the baseline.
let gen = Atomics.load(ctrl, CTRL.startGen);
parentPort?.postMessage({ type: 'ready' });

try {
  for (;;) {
    waitWhileEquals(ctrl, CTRL.startGen, gen);
    gen = Atomics.load(ctrl, CTRL.startGen);
    if (Atomics.load(ctrl, CTRL.command) === COMMAND_EXIT) break;
    solver.sweepPlanes(z0, z1);
    barrier(ctrl, data.threads);
    solver.sweepColumns(y0, y1);
    barrier(ctrl, data.threads);
  }
} catch (err) {
  Atomics.store(ctrl, CTRL.error, 1);
  Atomics.notify(ctrl, CTRL.barrierGen);
  parentPort?.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}
