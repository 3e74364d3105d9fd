/**
 * Verification against analytic solutions: free-space 3-D Gaussian, 1-D erfc profile with a Dirichlet face,
 * a two-layer steady state (harmonic face means) and the exact amplification of a cosine eigenmode.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { erfc } from '../../src/core/random/specialFunctions.ts';
import { createTransportGrid, totalAmount } from '../../src/transport/grid.ts';
import { createSolver } from '../../src/transport/solver.ts';
import { cube, maxAbsDiff, observedOrder, sample } from './helpers.ts';

const D = 1e-10; // m²/s (a small solute in dermis is ~1e-10)

describe('3-D Gaussian (point-like source) against the free-space solution', () => {
  // c(x, t) = M / (2π s²)^{3/2} · exp(−|x − x0|² / 2s²), s² = s0² + 2Dt. The box is ≥ 5.3 s wide on each
  // side of the centre, so the no-flux faces change the solution by < 1e-12 relative.
  const L = 640e-6;
  const s0 = 40e-6;
  const T = 10;
  const x0 = L / 2;
  const gauss = (s2: number) => (x: number, y: number, z: number) =>
    Math.exp(-((x - x0) ** 2 + (y - x0) ** 2 + (z - x0) ** 2) / (2 * s2)) / (2 * Math.PI * s2) ** 1.5;

  function run(n: number, dtS: number, sigma0 = s0, tEnd = T) {
    const grid = cube(n, L);
    const solver = createSolver(grid, [{ name: 'c', diffusionM2PerS: D }], dtS);
    const c = solver.field('c');
    sample(grid, gauss(sigma0 * sigma0), c);
    const m0 = totalAmount(c, grid);
    const var0 = [0, 1, 2].map((axis) => varianceAlong(c, grid, axis));
    solver.step(Math.round(tEnd / dtS));
    const exact = sample(grid, gauss(sigma0 * sigma0 + 2 * D * tEnd));
    let peak = 0;
    for (const v of exact) peak = Math.max(peak, v);
    return {
      relErr: maxAbsDiff(c, exact) / peak,
      massRel: Math.abs(totalAmount(c, grid) / m0 - 1),
      varianceGrowth: [0, 1, 2].map((axis) => varianceAlong(c, grid, axis) - var0[axis]),
    };
  }

  const fine = run(64, 0.1);
  const coarse = run(32, 0.4);

  it('matches the analytic field to 1.2 % of the peak at dx = 10 µm, dt = 0.1 s (measured 0.92 %)', (t) => {
    t.diagnostic(`relative max error ${fine.relErr.toExponential(3)} (dx 10 µm, dt 0.1 s); ${coarse.relErr.toExponential(3)} (dx 20 µm, dt 0.4 s)`);
    assert.ok(fine.relErr < 0.012, `relative max error ${fine.relErr}`);
  });

  it('error falls as dx² with dt ∝ dx² (observed order within 2 ± 0.2)', (t) => {
    const order = observedOrder([L / 32, L / 64], [coarse.relErr, fine.relErr]);
    t.diagnostic(`observed order ${order.toFixed(3)}`);
    assert.ok(Math.abs(order - 2) < 0.2, `observed order ${order} (errors ${coarse.relErr}, ${fine.relErr})`);
  });

  it('conserves mass to 1e-12 relative', (t) => {
    t.diagnostic(`relative mass change ${fine.massRel.toExponential(2)}`);
    assert.ok(fine.massRel < 1e-12, `mass drift ${fine.massRel}`);
  });

  it('spreads with variance growing by exactly 2·D·t per axis (an exact property of implicit-Euler LOD)', (t) => {
    // Each 1-D implicit step (I − r·Δ)⁻¹ has a kernel of variance exactly 2·r·dx² = 2·D·dt. A narrower
    // Gaussian (s = 30 µm at the end, faces 10 s away) keeps the faces' reflection below 1e-12.
    const narrow = run(64, 0.1, 20e-6, 2.5);
    t.diagnostic(`variance growth / 2Dt − 1: ${narrow.varianceGrowth.map((g) => (g / (2 * D * 2.5) - 1).toExponential(2)).join(', ')}`);
    for (const g of narrow.varianceGrowth) {
      assert.ok(Math.abs(g / (2 * D * 2.5) - 1) < 1e-9, `variance growth ${g} vs ${2 * D * 2.5}`);
    }
  });
});

/** Variance (m²) of the normalised field along one axis. */
function varianceAlong(c: Float64Array, grid: ReturnType<typeof cube>, axis: number): number {
  const { nx, ny, nz, dxM } = grid;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let m = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++, m++) {
        const x = ((axis === 0 ? i : axis === 1 ? j : k) + 0.5) * dxM;
        s0 += c[m];
        s1 += c[m] * x;
        s2 += c[m] * x * x;
      }
    }
  }
  const mean = s1 / s0;
  return s2 / s0 - mean * mean;
}

describe('1-D erfc profile: Dirichlet face on a semi-infinite medium', () => {
  // c(z, t) = c_b · erfc(z / 2√(Dt)); depth 2.4 mm = 12 √(DT) so the no-flux bottom is invisible (erfc(6) ~ 2e-17).
  const depth = 2.4e-3;
  const T = 400;
  function run(n: number, dtS: number) {
    const grid = createTransportGrid({ nx: 1, ny: 1, nz: n, dxM: depth / n });
    const solver = createSolver(grid, [{ name: 'c', diffusionM2PerS: D, dirichlet: { zMin: 1 } }], dtS);
    solver.step(Math.round(T / dtS));
    const exact = sample(grid, (_x, _y, z) => erfc(z / (2 * Math.sqrt(D * T))));
    let absorbed = 0;
    for (const v of solver.field('c')) absorbed += v * grid.dxM;
    return { err: maxAbsDiff(solver.field('c'), exact), absorbed, dx: grid.dxM };
  }
  const runs = [run(60, 4), run(120, 1), run(240, 0.25)];

  it('matches erfc to 2e-4 (of c_b) at dx = 10 µm, dt = 0.25 s (measured 1.7e-4)', (t) => {
    t.diagnostic(`max errors ${runs.map((r) => r.err.toExponential(3)).join(', ')} at dx 40, 20, 10 µm`);
    assert.ok(runs[2].err < 2e-4, `max error ${runs[2].err}`);
  });

  it('converges at second order with dt ∝ dx² (observed order within 2 ± 0.1)', (t) => {
    const order = observedOrder(runs.map((r) => r.dx), runs.map((r) => r.err));
    t.diagnostic(`observed order ${order.toFixed(3)}`);
    assert.ok(Math.abs(order - 2) < 0.1, `observed order ${order}`);
  });

  it('absorbs the analytic amount 2·c_b·√(Dt/π) per unit area through the face (to 0.05 %)', (t) => {
    const expected = 2 * Math.sqrt((D * T) / Math.PI);
    t.diagnostic(`absorbed / analytic − 1 = ${(runs[2].absorbed / expected - 1).toExponential(2)}`);
    assert.ok(Math.abs(runs[2].absorbed / expected - 1) < 5e-4, `absorbed ${runs[2].absorbed} vs ${expected}`);
  });
});

describe('all six faces', () => {
  it('a Dirichlet face gives the same profile along x, y and z, from the min and (mirrored) the max face', () => {
    const n = 60;
    const dx = 20e-6;
    const faces = ['xMin', 'xMax', 'yMin', 'yMax', 'zMin', 'zMax'] as const;
    const profiles = faces.map((face) => {
      const axis = face[0];
      const grid = createTransportGrid({ nx: axis === 'x' ? n : 1, ny: axis === 'y' ? n : 1, nz: axis === 'z' ? n : 1, dxM: dx });
      // No decay here: with decay the sweep order (x before y before z) changes results at O(dt), by design.
      const solver = createSolver(grid, [{ name: 'c', diffusionM2PerS: D, dirichlet: { [face]: 2 } }], 3);
      solver.step(40);
      const c = Array.from(solver.field('c'));
      return face.endsWith('Max') ? c.reverse() : c;
    });
    for (let f = 1; f < faces.length; f++) {
      const d = maxAbsDiff(profiles[f], profiles[0]);
      assert.ok(d < 1e-14, `${faces[f]} differs from xMin by ${d}`);
    }
    assert.ok(profiles[0][0] > 0.5 && profiles[0][n - 1] < 1e-6);
  });
});

describe('layered diffusion coefficient', () => {
  it('reaches the exact piecewise-linear two-layer steady state (harmonic-mean faces make flux continuous)', (t) => {
    // Top face held at 1, bottom at 0; D = D1 in the upper 40 planes, D2 below. Steady flux
    // q = 1 / (h1/D1 + h2/D2) with h measured from the faces; c(z) is linear within each layer.
    const nz = 100;
    const dx = 10e-6;
    const D1 = 1e-11;
    const D2 = 4e-10;
    const grid = createTransportGrid({
      nx: 3,
      ny: 2,
      nz,
      dxM: dx,
      layers: [
        { name: 'upper', thicknessM: 40 * dx },
        { name: 'lower', thicknessM: 60 * dx },
      ],
    });
    const Dz = Float64Array.from(grid.layerOfZ, (l) => (l === 0 ? D1 : D2));
    const solver = createSolver(grid, [{ name: 'c', diffusionM2PerS: Dz, dirichlet: { zMin: 1, zMax: 0 } }], 1e9);
    solver.step(20);
    const h1 = 40 * dx;
    const h2 = 60 * dx;
    const q = 1 / (h1 / D1 + h2 / D2);
    const exact = sample(grid, (_x, _y, z) => (z < h1 ? 1 - (q * z) / D1 : (q * (h1 + h2 - z)) / D2));
    const err = maxAbsDiff(solver.field('c'), exact);
    t.diagnostic(`max error ${err.toExponential(2)}`);
    assert.ok(err < 1e-9, `max error ${err}`);
  });
});

describe('cosine eigenmode (no-flux box)', () => {
  it('is damped by exactly Π over axes of the 1-D implicit-Euler factor 1/(1 − dt·μ) per step', (t) => {
    // cos(πx/L) sampled at cell centres is an eigenvector of the discrete no-flux Laplacian with
    // μ = −(4D/dx²)·sin²(π·dx/2L); for constant D the x, y, z sweeps commute, so LOD adds no splitting error.
    const n = 12;
    const L = 300e-6;
    const dtS = 7;
    const steps = 9;
    const grid = cube(n, L);
    const solver = createSolver(grid, [{ name: 'c', diffusionM2PerS: D }], dtS);
    const k = Math.PI / L;
    const mode = sample(grid, (x, y, z) => Math.cos(k * x) * Math.cos(k * y) * Math.cos(k * z));
    solver.field('c').set(mode);
    solver.step(steps);
    const mu = -((4 * D) / grid.dxM ** 2) * Math.sin((Math.PI * grid.dxM) / (2 * L)) ** 2;
    const factor = (1 - dtS * mu) ** (-3 * steps);
    const err = maxAbsDiff(solver.field('c'), mode.map((v) => v * factor));
    t.diagnostic(`max deviation ${err.toExponential(2)}`);
    assert.ok(err < 1e-13, `max deviation ${err}`);
  });
});
