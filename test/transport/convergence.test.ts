/**
 * Observed order of convergence (log-log slope over three resolutions): second order in space, first order in
 * time (implicit-Euler LOD), also with layered D and decay where the x/y/z splitting is not exact.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTransportGrid } from '../../src/transport/grid.ts';
import { createSolver } from '../../src/transport/solver.ts';
import type { SubstrateSpec } from '../../src/transport/solver.ts';
import { cube, maxAbsDiff, observedOrder, sample } from './helpers.ts';

const D = 1e-10;
const L = 400e-6;
const k = Math.PI / L;
const mode = (x: number, y: number, z: number) => Math.cos(k * x) * Math.cos(k * y) * Math.cos(k * z);

describe('convergence in space (3-D cosine mode, no-flux box, dt ∝ dx²)', () => {
  // Exact: c = 1 + cos(πx/L)cos(πy/L)cos(πz/L)·exp(−3Dπ²t/L²). With dt = dx²/(4D) the time error is
  // O(dt) = O(dx²) as well, so the total error must fall as dx².
  const T = 200;
  const h: number[] = [];
  const err: number[] = [];
  for (const n of [8, 16, 32]) {
    const grid = cube(n, L);
    const dtS = (0.25 * grid.dxM ** 2) / D;
    const steps = Math.round(T / dtS);
    const solver = createSolver(grid, [{ name: 'c', diffusionM2PerS: D }], dtS);
    sample(grid, (x, y, z) => 1 + mode(x, y, z), solver.field('c'));
    solver.step(steps);
    const decay = Math.exp(-3 * D * k * k * steps * dtS);
    const exact = sample(grid, (x, y, z) => 1 + mode(x, y, z) * decay);
    h.push(grid.dxM);
    err.push(maxAbsDiff(solver.field('c'), exact));
  }
  it('has observed order 2 ± 0.1 (measured 1.98; errors 2.8e-3, 7.3e-4, 1.8e-4)', (t) => {
    const order = observedOrder(h, err);
    t.diagnostic(`errors ${err.map((e) => e.toExponential(2)).join(', ')}; observed order ${order.toFixed(3)}`);
    assert.ok(Math.abs(order - 2) < 0.1, `order ${order}, errors ${err.join(', ')}`);
  });
});

describe('convergence in time', () => {
  it('cosine mode against the semi-discrete exact solution: observed order 1 ± 0.1', (t) => {
    // Fixed grid; the exact solution of the space-discrete system is mode·exp(3μt), so only time error remains.
    const n = 16;
    const T = 400;
    const grid = cube(n, L);
    const mu = -((4 * D) / grid.dxM ** 2) * Math.sin((Math.PI * grid.dxM) / (2 * L)) ** 2;
    const dts: number[] = [];
    const err: number[] = [];
    for (const steps of [20, 40, 80]) {
      const dtS = T / steps;
      const solver = createSolver(grid, [{ name: 'c', diffusionM2PerS: D }], dtS);
      sample(grid, (x, y, z) => 1 + mode(x, y, z), solver.field('c'));
      solver.step(steps);
      const exact = sample(grid, (x, y, z) => 1 + mode(x, y, z) * Math.exp(3 * mu * T));
      dts.push(dtS);
      err.push(maxAbsDiff(solver.field('c'), exact));
    }
    const order = observedOrder(dts, err);
    t.diagnostic(`errors ${err.map((e) => e.toExponential(2)).join(', ')}; observed order ${order.toFixed(3)}`);
    assert.ok(Math.abs(order - 1) < 0.1, `order ${order}, errors ${err.join(', ')}`);
  });

  it('layered D, decay and a Dirichlet sink (splitting error present): observed order 1 ± 0.15 against a dt/64 reference', (t) => {
    const grid = createTransportGrid({
      nx: 12,
      ny: 10,
      nz: 16,
      dxM: 20e-6,
      layers: [
        { name: 'epidermis', thicknessM: 100e-6 },
        { name: 'dermis', thicknessM: 220e-6 },
      ],
    });
    const spec: SubstrateSpec = {
      name: 'c',
      diffusionM2PerS: Float64Array.from(grid.layerOfZ, (l) => (l === 0 ? 2e-11 : 3e-10)),
      decayPerS: Float64Array.from(grid.layerOfZ, (l) => (l === 0 ? 0 : 2e-3)),
      dirichlet: { zMax: 0 },
    };
    const T = 200;
    const init = sample(grid, (x, y, z) => Math.exp(-(((x - 80e-6) / 60e-6) ** 2) - (((y - 120e-6) / 50e-6) ** 2) - ((z / 80e-6) ** 2)));
    const run = (steps: number) => {
      const solver = createSolver(grid, [spec], T / steps);
      solver.field('c').set(init);
      solver.step(steps);
      return solver.field('c');
    };
    const reference = run(40 * 64);
    const dts: number[] = [];
    const err: number[] = [];
    for (const steps of [10, 20, 40]) {
      dts.push(T / steps);
      err.push(maxAbsDiff(run(steps), reference));
    }
    const order = observedOrder(dts, err);
    t.diagnostic(`errors ${err.map((e) => e.toExponential(2)).join(', ')}; observed order ${order.toFixed(3)}`);
    assert.ok(Math.abs(order - 1) < 0.15, `order ${order}, errors ${err.join(', ')}`);
  });
});
