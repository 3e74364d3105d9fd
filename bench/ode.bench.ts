/**
 * ODE benchmarks.
 * - `ode-robertson`: RODAS4 on Robertson over [0, 1e11] (rtol 1e-8, atol 1e-12/1e-18/1e-12, analytic
 *   Jacobian), median wall time of repeated solves after warm-up.
 * - `ode-batch-1e6`: TR-BDF2 over 1e6 voxels × 3 species (Robertson kinetics with a per-voxel rate
 *   constant read from a Float64Array field), dt = 0.1 per splitting step, default Newton tolerances.
 * Run alone with `node --import tsx bench/ode.bench.ts`.
 */
import { BatchIntegrator, rodas4 } from '../src/ode/index.ts';
import type { BatchReactionSystem, OdeResult } from '../src/ode/index.ts';
import { ROBERTSON_T1E11, maxRelError, robertson } from '../test/ode/problems.ts';
import type { BenchResult, BenchSuite } from './types.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

function benchRobertson(): BenchResult {
  const problem = robertson([1e11]);
  const options = { rtol: 1e-8, atol: [1e-12, 1e-18, 1e-12] };
  let last: OdeResult = rodas4.integrate(problem, options);
  for (let i = 0; i < 5; i++) last = rodas4.integrate(problem, options);
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    last = rodas4.integrate(problem, options);
    times.push(performance.now() - t0);
  }
  return {
    name: 'ode-robertson',
    value: median(times),
    unit: 'ms',
    details: {
      minMs: Math.min(...times),
      status: last.status,
      accepted: last.stats.accepted,
      rejected: last.stats.rejected,
      rhsEvaluations: last.stats.rhsEvaluations,
      maxRelErrorT1e11: maxRelError(last.y[0], ROBERTSON_T1E11),
    },
  };
}

function benchBatch(): BenchResult {
  const voxels = 1_000_000;
  const k1 = new Float64Array(voxels);
  for (let v = 0; v < voxels; v++) k1[v] = 0.02 + 0.06 * ((v * 2654435761) % 4096) / 4095;
  const system: BatchReactionSystem = {
    size: 3,
    rhs(_t, y, f, v) {
      const r1 = k1[v] * y[0];
      const r2 = 1e4 * y[1] * y[2];
      const r3 = 3e7 * y[1] * y[1];
      f[0] = -r1 + r2;
      f[1] = r1 - r2 - r3;
      f[2] = r3;
    },
    jacobian(_t, y, J, v) {
      J[0] = -k1[v];
      J[1] = 1e4 * y[2];
      J[2] = 1e4 * y[1];
      J[3] = k1[v];
      J[4] = -1e4 * y[2] - 6e7 * y[1];
      J[5] = -1e4 * y[1];
      J[6] = 0;
      J[7] = 6e7 * y[1];
      J[8] = 0;
    },
  };
  // Start past the initial layer (state at t = 1 for k1 = 0.04); other k1 relax towards their own.
  const start = rodas4.integrate(robertson([1]), { rtol: 1e-10, atol: [1e-14, 1e-20, 1e-14] }).y[0];
  const run = (layout: 'interleaved' | 'planar'): Record<string, number> => {
    const y = new Float64Array(3 * voxels);
    for (let v = 0; v < voxels; v++) {
      for (let s = 0; s < 3; s++) y[layout === 'planar' ? s * voxels + v : 3 * v + s] = start[s];
    }
    const bi = new BatchIntegrator(system, voxels, { layout });
    const dt = 0.1;
    bi.step(y, 1, dt); // warm-up
    const steps = 3;
    let newton = 0;
    let rhs = 0;
    let voxelSteps = 0;
    let failed = 0;
    let subdivided = 0;
    const t0 = performance.now();
    for (let k = 1; k <= steps; k++) {
      const rep = bi.step(y, 1 + k * dt, dt);
      newton += rep.newtonIterations;
      rhs += rep.rhsEvaluations;
      voxelSteps += rep.voxelSteps;
      failed += rep.failedVoxels;
      subdivided += rep.subdividedVoxels;
    }
    const seconds = (performance.now() - t0) / 1000;
    return {
      rate: (voxels * steps) / seconds,
      msPerStep: (1000 * seconds) / steps,
      newtonPerVoxelStep: newton / (voxels * steps),
      rhsPerVoxelStep: rhs / (voxels * steps),
      substepsPerVoxelStep: voxelSteps / (voxels * steps),
      failed,
      subdivided,
    };
  };
  const inter = run('interleaved');
  const planar = run('planar');
  return {
    name: 'ode-batch-1e6',
    value: inter.rate,
    unit: 'voxel-steps/s',
    details: {
      scheme: 'tr-bdf2',
      msPerStep: inter.msPerStep,
      newtonPerVoxelStep: inter.newtonPerVoxelStep,
      rhsPerVoxelStep: inter.rhsPerVoxelStep,
      substepsPerVoxelStep: inter.substepsPerVoxelStep,
      failedVoxels: inter.failed,
      subdividedVoxels: inter.subdivided,
      planarVoxelStepsPerS: planar.rate,
    },
  };
}

/** The ODE benchmark suite (`ode-robertson`, `ode-batch-1e6`). */
export const odeBench: BenchSuite = {
  name: 'ode',
  async run(): Promise<BenchResult[]> {
    return [benchRobertson(), benchBatch()];
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await odeBench.run()) console.log(JSON.stringify(r));
}
