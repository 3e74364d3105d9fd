/**
 * Transport solver throughput: 100 × 100 × 100 voxels, 10 substrates (layered D, decay, a Dirichlet sink),
 * single-threaded core solver and the worker-thread solver on all cores. Figures are voxel·substrate
 * updates per second (one update = one voxel of one substrate advanced by one full LOD step), from the
 * median of the timed steps after warm-up.
 *
 * Run alone: node --import tsx bench/transport.bench.ts
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createParallelSolver } from '../src/node/transport/parallel.ts';
import { createTransportGrid } from '../src/transport/grid.ts';
import { createSolver } from '../src/transport/solver.ts';
import type { SubstrateSpec, TransportSolver } from '../src/transport/solver.ts';
import type { BenchResult, BenchSuite } from './types.ts';

const N = 100;
const SUBSTRATES = 10;
const WARMUP_STEPS = 3;
const TIMED_STEPS = 12;

function setup() {
  const grid = createTransportGrid({
    nx: N,
    ny: N,
    nz: N,
    dxM: 10e-6,
    layers: [
      { name: 'epidermis', thicknessM: 100e-6 },
      { name: 'dermis', thicknessM: 900e-6 },
    ],
  });
  const specs: SubstrateSpec[] = Array.from({ length: SUBSTRATES }, (_, s) => ({
    name: `s${s}`,
    diffusionM2PerS: Float64Array.from(grid.layerOfZ, (l) => (l === 0 ? 1e-12 : 1e-11 * (s + 1))),
    decayPerS: 1e-4 * (s + 1),
    dirichlet: { zMax: 0 },
  }));
  return { grid, specs, dtS: 0.6 };
}

function fill(solver: TransportSolver): void {
  for (const name of solver.names) {
    const f = solver.field(name);
    for (let i = 0; i < f.length; i++) f[i] = ((i * 2654435761) % 1000) / 1000;
  }
}

function measure(solver: TransportSolver): { median: number; min: number } {
  solver.step(WARMUP_STEPS);
  const times: number[] = [];
  for (let i = 0; i < TIMED_STEPS; i++) {
    const t0 = performance.now();
    solver.step();
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0] };
}

/** Voxel·substrate updates per second for a step time (s). */
const rate = (stepS: number) => (N * N * N * SUBSTRATES) / stepS;

export const transportBench: BenchSuite = {
  name: 'transport',
  async run(): Promise<BenchResult[]> {
    const { grid, specs, dtS } = setup();
    const single = createSolver(grid, specs, dtS);
    fill(single);
    const one = measure(single);

    const threads = Math.max(1, availableParallelism());
    const parallel = await createParallelSolver(grid, specs, dtS, { threads });
    let many: { median: number; min: number };
    try {
      fill(parallel);
      many = measure(parallel);
    } finally {
      await parallel.close();
    }
    const oneResult: BenchResult = {
      name: 'transport-100c-10s-1thread',
      value: rate(one.median),
      unit: 'updates/s',
      details: { msPerStep: +(one.median * 1e3).toFixed(1), bestMsPerStep: +(one.min * 1e3).toFixed(1), threads: 1 },
    };
    const manyResult: BenchResult = {
      name: `transport-100c-10s-${threads}threads`,
      value: rate(many.median),
      unit: 'updates/s',
      details: { msPerStep: +(many.median * 1e3).toFixed(1), bestMsPerStep: +(many.min * 1e3).toFixed(1), threads },
    };
    const best = many.median < one.median ? manyResult : oneResult;
    return [
      { name: 'transport-100c-10s', value: best.value, unit: 'updates/s', details: { ...best.details } },
      oneResult,
      ...(threads > 1 ? [manyResult] : []),
    ];
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await transportBench.run()) {
    const details = r.details ? `  ${Object.entries(r.details).map(([k, v]) => `${k}=${v}`).join(' ')}` : '';
    console.log(`${r.name}: ${r.value.toExponential(3)} ${r.unit}${details}`);
  }
}
