/**
 * Conservation, decay, source/sink hooks and positivity of the LOD solver.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTransportGrid, totalAmount, voxelIndex } from '../../src/transport/grid.ts';
import { createSolver, harmonicMean } from '../../src/transport/solver.ts';
import { lineCoefficients } from '../../src/transport/thomas.ts';
import { xorshift } from './helpers.ts';

const layered = () =>
  createTransportGrid({
    nx: 20,
    ny: 18,
    nz: 24,
    dxM: 10e-6,
    layers: [
      { name: 'epidermis', thicknessM: 60e-6 },
      { name: 'dermis', thicknessM: 120e-6 },
      { name: 'hypodermis', thicknessM: 60e-6 },
    ],
  });

describe('mass conservation (no-flux faces, no decay)', () => {
  it('keeps the total to 1e-9 relative over 200 large steps with layered D spanning 3 decades (measured ~1e-15)', (t) => {
    const grid = layered();
    const D = { epidermis: 1e-12, dermis: 1e-10, hypodermis: 1e-9 };
    const Dz = Float64Array.from(grid.layerOfZ, (l) => Object.values(D)[l]);
    const solver = createSolver(grid, [{ name: 'c', diffusionM2PerS: Dz }], 5); // r up to 50
    const rnd = xorshift(7);
    const c = solver.field('c');
    for (let i = 0; i < c.length; i++) c[i] = rnd() < 0.05 ? 10 * rnd() : 0;
    const m0 = totalAmount(c, grid);
    solver.step(200);
    const rel = Math.abs(totalAmount(c, grid) / m0 - 1);
    t.diagnostic(`relative mass change ${rel.toExponential(2)}`);
    assert.ok(rel < 1e-9, `relative mass change ${rel}`);
  });

  it('adds exactly rate·t for point sources and accumulates S·V·t for a bulk source', () => {
    const grid = layered();
    const solver = createSolver(
      grid,
      [
        { name: 'p', diffusionM2PerS: 1e-10, pointSources: [{ xM: 55e-6, yM: 91e-6, zM: 33e-6, rate: 2e-15 }] },
        { name: 'b', diffusionM2PerS: 3e-10, bulkSource: true },
      ],
      0.5,
    );
    solver.sourceRate('b').fill(0, 0, grid.voxelCount).fill(7, 0, grid.planeSize); // top plane only
    solver.step(100);
    const T = solver.timeS;
    const p = totalAmount(solver.field('p'), grid);
    const b = totalAmount(solver.field('b'), grid);
    assert.ok(Math.abs(p / (2e-15 * T) - 1) < 1e-12, `point source total ${p} vs ${2e-15 * T}`);
    const expectedB = 7 * grid.planeSize * grid.voxelVolumeM3 * T;
    assert.ok(Math.abs(b / expectedB - 1) < 1e-12, `bulk source total ${b} vs ${expectedB}`);
  });
});

describe('decay and uptake', () => {
  it('decay only: exactly (1 + λdt/3)^(−3n); error against exp(−λt) ≈ λ²·dt·t/6 as predicted (first order)', (t) => {
    // Each of the three sweeps divides by (1 + λdt/3). Per step, −3·ln(1 + h/3) = −h + h²/6 − O(h³), h = λdt,
    // so the relative error after time T is exp(λ²·dt·T/6) − 1 ≈ λ²·dt·T/6: first order in dt.
    const grid = createTransportGrid({ nx: 5, ny: 4, nz: 6, dxM: 1e-5 });
    const lambda = 1e-3;
    const T = 600;
    const errs: number[] = [];
    for (const dtS of [2, 1]) {
      const solver = createSolver(grid, [{ name: 'c', diffusionM2PerS: 1e-10, decayPerS: lambda, initial: 3 }], dtS);
      const n = Math.round(T / dtS);
      solver.step(n);
      const c = solver.field('c');
      const discrete = 3 * (1 + (lambda * dtS) / 3) ** (-3 * n);
      for (let i = 0; i < c.length; i++) assert.ok(Math.abs(c[i] / discrete - 1) < 1e-11, `voxel ${i}: ${c[i]} vs ${discrete}`);
      const relErr = c[0] / (3 * Math.exp(-lambda * T)) - 1;
      const predicted = Math.expm1((lambda * lambda * dtS * T) / 6);
      t.diagnostic(`dt ${dtS} s: relative error ${relErr.toExponential(3)}, predicted ${predicted.toExponential(3)}`);
      assert.ok(Math.abs(relErr / predicted - 1) < 0.01, `relative error ${relErr} vs predicted ${predicted}`);
      errs.push(relErr);
    }
    assert.ok(Math.abs(errs[0] / errs[1] - 2) < 0.01, `halving dt should halve the error (ratio ${errs[0] / errs[1]})`);
  });

  it('per-layer decay acts only in its layer', () => {
    const grid = layered();
    const solver = createSolver(grid, [{ name: 'c', diffusionM2PerS: 0, decayPerS: Float64Array.from(grid.layerOfZ, (l) => (l === 1 ? 1e-2 : 0)), initial: 1 }], 1);
    solver.step(10);
    const c = solver.field('c');
    const kDermis = grid.layerOfZ.indexOf(1);
    assert.equal(c[voxelIndex(grid, 0, 0, 0)], 1);
    assert.ok(Math.abs(c[voxelIndex(grid, 3, 4, kDermis)] / (1 + 1e-2 / 3) ** -30 - 1) < 1e-13);
  });

  it('bulk source and uptake reach the equilibrium S/U (implicit in U)', () => {
    const grid = createTransportGrid({ nx: 6, ny: 6, nz: 6, dxM: 1e-5 });
    const solver = createSolver(grid, [{ name: 'c', diffusionM2PerS: 1e-10, bulkSource: true, bulkUptake: true }], 50);
    solver.sourceRate('c').fill(4e-3);
    solver.uptakeRate('c').fill(2e-2);
    solver.step(200);
    for (const v of solver.field('c')) assert.ok(Math.abs(v - 0.2) < 1e-12, `${v}`);
    assert.throws(() => createSolver(grid, [{ name: 'd', diffusionM2PerS: 1 }], 1).sourceRate('d'), /bulkSource/);
  });
});

describe('positivity', () => {
  it('Thomas coefficients are those of an M-matrix: f, e, g ≥ 0, g < 1, f ≤ 1 for random layered inputs', () => {
    const rnd = xorshift(11);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rnd() * 40);
      const Dcell = Array.from({ length: n }, () => 10 ** (-13 + 5 * rnd()));
      const r = new Float64Array(n + 1);
      const scale = 10 ** (8 + 6 * rnd()); // dt/dx² spans 1e8…1e14 s/m²
      r[0] = Dcell[0] * scale;
      r[n] = Dcell[n - 1] * scale;
      for (let i = 1; i < n; i++) r[i] = harmonicMean(Dcell[i - 1], Dcell[i]) * scale;
      const kappa = Array.from({ length: n }, () => (rnd() < 0.5 ? 0 : rnd()));
      const co = lineCoefficients(r, kappa, rnd() < 0.5 ? 0 : undefined, rnd() < 0.5 ? 1 : undefined);
      for (let i = 0; i < n; i++) {
        assert.ok(co.f[i] > 0 && co.f[i] <= 1, `f[${i}] = ${co.f[i]}`);
        assert.ok(co.e[i] >= 0, `e[${i}] = ${co.e[i]}`);
        assert.ok(co.g[i] >= 0 && co.g[i] < 1, `g[${i}] = ${co.g[i]}`);
      }
      assert.ok(co.beta0 >= 0 && co.beta1 >= 0);
    }
  });

  it('never produces a negative concentration from sharp initial data, with huge steps, decay, uptake and Dirichlet 0', (t) => {
    const grid = layered();
    const Dz = Float64Array.from(grid.layerOfZ, (l) => [1e-12, 2e-10, 1e-9][l]);
    const solver = createSolver(
      grid,
      [
        { name: 'spike', diffusionM2PerS: Dz, dirichlet: { zMax: 0, xMin: 0 } },
        { name: 'checker', diffusionM2PerS: 1e-9, decayPerS: 1e-2, bulkUptake: true },
      ],
      30, // r = D·dt/dx² up to 300
    );
    const spike = solver.field('spike');
    spike[voxelIndex(grid, 10, 9, 3)] = 1;
    const checker = solver.field('checker');
    for (let k = 0; k < grid.nz; k++)
      for (let j = 0; j < grid.ny; j++)
        for (let i = 0; i < grid.nx; i++) checker[voxelIndex(grid, i, j, k)] = (i + j + k) % 2 === 0 ? 1 : 0;
    const rnd = xorshift(3);
    const U = solver.uptakeRate('checker');
    for (let i = 0; i < U.length; i++) U[i] = rnd() * 0.1;
    let minSeen = Infinity;
    for (let s = 0; s < 20; s++) {
      solver.step();
      for (const name of solver.names) for (const v of solver.field(name)) minSeen = Math.min(minSeen, v);
    }
    t.diagnostic(`minimum over 20 steps: ${minSeen}`);
    assert.ok(minSeen >= 0, `minimum ${minSeen}`);
  });
});
