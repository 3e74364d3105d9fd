/**
 * The exact step by lateral cosine modes (src/transport/cosineModes.ts, solver scheme 'modal'): against a
 * dense matrix exponential of the semi-discrete system u' = L·u + S on a small layered grid, its steady state
 * against the discrete operator's for any dt (where LOD carries an O(dt) splitting error), conservation,
 * first-order agreement with LOD as dt → 0, positivity and the zero field; and the Jacobi eigensolver.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dctMatrix, neumannEigenvalue } from '../../src/transport/cosineModes.ts';
import { symmetricEigen } from '../../src/core/symmetricEigen.ts';
import { createTransportGrid, totalAmount } from '../../src/transport/grid.ts';
import { createSolver, harmonicMean, type SubstrateSpec } from '../../src/transport/solver.ts';
import type { TransportGrid } from '../../src/transport/grid.ts';
import { maxAbsDiff, observedOrder } from './helpers.ts';

const dx = 50e-6;
/** A layered 5 × 4 × 6 grid: D and λ differ by plane, a Dirichlet top face, as the tile's fields do. */
const grid = createTransportGrid({ nx: 5, ny: 4, nz: 6, dxM: dx, layers: [{ name: 'epidermis', thicknessM: 2 * dx }, { name: 'dermis', thicknessM: Infinity }] });
const Dz = [3e-10, 3e-10, 1e-10, 1e-10, 0.5e-10, 0.5e-10];
const lambda = [1e-4, 1e-4, 2.5e-4, 2.5e-4, 2.5e-4, 4e-4];
const spec = (dirichletTop?: number): SubstrateSpec => ({
  name: 'c',
  diffusionM2PerS: Dz,
  decayPerS: lambda,
  bulkSource: true,
  ...(dirichletTop === undefined ? {} : { dirichlet: { zMin: dirichletTop } }),
});

/** Dense matrix of (I − dt·L) with the LOD discretisation (no-flux sides, ghost-cell Dirichlet at zMin). */
function denseOperator(g: TransportGrid, dtS: number, lam: readonly number[], dirTop: boolean): { A: Float64Array; n: number } {
  const { nx, ny, nz } = g;
  const n = g.voxelCount;
  const A = new Float64Array(n * n);
  const r = (d: number) => (d * dtS) / (dx * dx);
  const idx = (i: number, j: number, k: number) => i + nx * (j + ny * k);
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const m = idx(i, j, k);
        A[m * n + m] += 1 + lam[k] * dtS;
        const couple = (m2: number, c: number) => {
          A[m * n + m] += c;
          A[m * n + m2] -= c;
        };
        if (i > 0) couple(idx(i - 1, j, k), r(Dz[k]));
        if (i < nx - 1) couple(idx(i + 1, j, k), r(Dz[k]));
        if (j > 0) couple(idx(i, j - 1, k), r(Dz[k]));
        if (j < ny - 1) couple(idx(i, j + 1, k), r(Dz[k]));
        if (k > 0) couple(idx(i, j, k - 1), r(harmonicMean(Dz[k - 1], Dz[k])));
        if (k < nz - 1) couple(idx(i, j, k + 1), r(harmonicMean(Dz[k], Dz[k + 1])));
        if (k === 0 && dirTop) A[m * n + m] += 2 * r(Dz[0]);
      }
    }
  }
  return { A, n };
}

/** Gaussian elimination with partial pivoting (test reference only). */
function solveDense(A0: Float64Array, b0: Float64Array, n: number): Float64Array {
  const A = Float64Array.from(A0);
  const b = Float64Array.from(b0);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r * n + c]) > Math.abs(A[p * n + c])) p = r;
    if (p !== c) {
      for (let k = 0; k < n; k++) [A[c * n + k], A[p * n + k]] = [A[p * n + k], A[c * n + k]];
      [b[c], b[p]] = [b[p], b[c]];
    }
    for (let r = c + 1; r < n; r++) {
      const f = A[r * n + c] / A[c * n + c];
      if (f === 0) continue;
      for (let k = c; k < n; k++) A[r * n + k] -= f * A[c * n + k];
      b[r] -= f * b[c];
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r];
    for (let k = r + 1; k < n; k++) s -= A[r * n + k] * x[k];
    x[r] = s / A[r * n + r];
  }
  return x;
}

/** exp(A) of a dense n × n matrix by scaling and squaring with a 30-term Taylor series (test reference only). */
function expmDense(A: Float64Array, n: number): Float64Array {
  let norm = 0;
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let c = 0; c < n; c++) s += Math.abs(A[r * n + c]);
    norm = Math.max(norm, s);
  }
  const sq = Math.max(0, Math.ceil(Math.log2(norm)) + 1);
  const B = A.map((v) => v / 2 ** sq);
  const mul = (X: Float64Array, Y: Float64Array) => {
    const Z = new Float64Array(n * n);
    for (let r = 0; r < n; r++) for (let k = 0; k < n; k++) {
      const x = X[r * n + k];
      if (x !== 0) for (let c = 0; c < n; c++) Z[r * n + c] += x * Y[k * n + c];
    }
    return Z;
  };
  let E = new Float64Array(n * n);
  let term = new Float64Array(n * n);
  for (let i = 0; i < n; i++) E[i * n + i] = term[i * n + i] = 1;
  for (let k = 1; k <= 30; k++) {
    term = mul(term, B).map((v) => v / k);
    E = E.map((v, i) => v + term[i]);
  }
  for (let i = 0; i < sq; i++) E = mul(E, E);
  return E;
}

/** u(h) of u' = L·u + S (S constant) from u0, as exp of the augmented matrix [[hL, hS], [0, 0]]. */
function exactStep(g: TransportGrid, h: number, lam: readonly number[], dirTop: number | undefined, u0: Float64Array, S: Float64Array): Float64Array {
  const { A, n } = denseOperator(g, h, lam, dirTop !== undefined); // I − hL
  const m = n + 1;
  const aug = new Float64Array(m * m);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) aug[r * m + c] = (r === c ? 1 : 0) - A[r * n + c];
    // Dirichlet ghost forcing on the top plane joins the source
    const top = dirTop !== undefined && r < g.nx * g.ny ? 2 * ((Dz[0] * h) / (dx * dx)) * dirTop : 0;
    aug[r * m + n] = h * S[r] + top;
  }
  const E = expmDense(aug, m);
  return Float64Array.from({ length: n }, (_, r) => {
    let s = E[r * m + n];
    for (let c = 0; c < n; c++) s += E[r * m + c] * u0[c];
    return s;
  });
}

/** A fixed, irregular non-negative pattern (deterministic). */
const pattern = (n: number, seed: number) => Float64Array.from({ length: n }, (_, m) => 1 + Math.sin(seed * (m + 1) * 1.7) ** 2 * 3);

describe('exact implicit step by cosine modes', () => {
  it('the DCT-II matrix is orthonormal and diagonalises the no-flux second difference', () => {
    for (const n of [1, 2, 5, 8]) {
      const c = dctMatrix(n);
      for (let p = 0; p < n; p++) {
        for (let q = 0; q < n; q++) {
          let s = 0;
          for (let x = 0; x < n; x++) s += c[p * n + x] * c[q * n + x];
          assert.ok(Math.abs(s - (p === q ? 1 : 0)) < 1e-14, `n ${n}: <row ${p}, row ${q}> = ${s}`);
        }
        // (second difference of row p) = −μ_p · row p, with reflecting (ghost = self) ends
        for (let x = 0; x < n; x++) {
          const v = (i: number) => c[p * n + Math.min(n - 1, Math.max(0, i))];
          const lap = v(x - 1) - 2 * v(x) + v(x + 1);
          assert.ok(Math.abs(lap + neumannEigenvalue(p, n) * v(x)) < 1e-14, `n ${n}, mode ${p}, cell ${x}`);
        }
      }
    }
  });

  it('Jacobi eigen-decomposition: A·v = w·v and VᵀV = I to 1e-13', () => {
    const n = 7;
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) A[i * n + j] = A[j * n + i] = Math.sin(3 * i + 5 * j + 1) + (i === j ? 4 : 0);
    const { w, v } = symmetricEigen(A, n);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let k = 0; k < n; k++) av += A[i * n + k] * v[k * n + j];
        assert.ok(Math.abs(av - w[j] * v[i * n + j]) < 1e-13, `A·v − w·v at (${i}, ${j})`);
      }
      for (let l = 0; l < n; l++) {
        let d = 0;
        for (let k = 0; k < n; k++) d += v[k * n + j] * v[k * n + l];
        assert.ok(Math.abs(d - (j === l ? 1 : 0)) < 1e-13);
      }
    }
    assert.throws(() => symmetricEigen([1, 2, 3, 4], 2), /not symmetric at \(1, 0\)/);
  });

  it('one step equals the dense matrix exponential of u\' = L·u + S (1e-11 relative), with and without a Dirichlet face', () => {
    for (const [dtS, top] of [[3600, 2.5], [21600, undefined], [60, 0]] as const) {
      const solver = createSolver(grid, [spec(top)], dtS, { scheme: 'modal' });
      const c = solver.field('c');
      const u0 = pattern(grid.voxelCount, 1);
      const S = pattern(grid.voxelCount, 2).map((v) => v * 1e-4);
      c.set(u0);
      solver.sourceRate('c').set(S);
      solver.step();
      const ref = exactStep(grid, dtS, lambda, top, u0, S);
      const scale = Math.max(...ref);
      assert.ok(maxAbsDiff(c, ref) / scale < 1e-11, `dt ${dtS} s: max deviation ${maxAbsDiff(c, ref) / scale}`);
    }
  });

  it('the unrolled 8-point transforms (the mouse tile’s 8 × 8 columns) give the same exact step', () => {
    const g8 = createTransportGrid({ nx: 8, ny: 8, nz: 3, dxM: dx, layers: [{ name: 'epidermis', thicknessM: 2 * dx }, { name: 'dermis', thicknessM: Infinity }] });
    const lam3 = lambda.slice(0, 3);
    const spec3: SubstrateSpec = { name: 'c', diffusionM2PerS: Dz.slice(0, 3), decayPerS: lam3, bulkSource: true, dirichlet: { zMin: 1.5 } };
    for (const dtS of [600, 10800]) {
      const solver = createSolver(g8, [spec3], dtS, { scheme: 'modal' });
      const u0 = pattern(g8.voxelCount, 8);
      const S = pattern(g8.voxelCount, 9).map((v, m) => (m % 5 === 0 ? v * 1e-4 : 0));
      solver.field('c').set(u0);
      solver.sourceRate('c').set(S);
      solver.step();
      const ref = exactStep(g8, dtS, lam3, 1.5, u0, S);
      assert.ok(maxAbsDiff(solver.field('c'), ref) / Math.max(...ref) < 1e-11, `dt ${dtS} s: ${maxAbsDiff(solver.field('c'), ref) / Math.max(...ref)}`);
    }
  });

  it('a source released at the step start (sourceAtStepStart) enters as the impulse h·S, then evolves exactly', () => {
    const dtS = 10800;
    const solver = createSolver(grid, [{ ...spec(), sourceAtStepStart: true }], dtS, { scheme: 'modal' });
    const u0 = pattern(grid.voxelCount, 10);
    const S = pattern(grid.voxelCount, 11).map((v, m) => (m % 3 === 0 ? v * 1e-4 : 0));
    solver.field('c').set(u0);
    solver.sourceRate('c').set(S);
    solver.step();
    const ref = exactStep(grid, dtS, lambda, undefined, Float64Array.from(u0, (v, m) => v + dtS * S[m]), new Float64Array(grid.voxelCount));
    assert.ok(maxAbsDiff(solver.field('c'), ref) / Math.max(...ref) < 1e-11);
  });

  it('two steps of h equal one of 2h (exact in time for a constant source)', () => {
    const run = (dtS: number, steps: number) => {
      const solver = createSolver(grid, [spec(1)], dtS, { scheme: 'modal' });
      solver.field('c').set(pattern(grid.voxelCount, 6));
      solver.sourceRate('c').set(pattern(grid.voxelCount, 7).map((v) => v * 1e-4));
      solver.step(steps);
      return Float64Array.from(solver.field('c'));
    };
    const one = run(21600, 1);
    assert.ok(maxAbsDiff(run(3600, 6), one) / Math.max(...one) < 1e-12);
  });

  it('its steady state is the discrete operator’s at any step (LOD’s moves with dt)', () => {
    const S = pattern(grid.voxelCount, 3).map((v, m) => (m % 7 === 0 ? v * 1e-3 : 0));
    // steady state: −L·u = S, i.e. the dense operator with dt = 1 s minus the identity
    const { A, n } = denseOperator(grid, 1, lambda, false);
    for (let m = 0; m < n; m++) A[m * n + m] -= 1;
    const exact = solveDense(A, S, n);
    const peak = Math.max(...exact);
    const settle = (scheme: 'lod' | 'modal', dtS: number) => {
      const solver = createSolver(grid, [spec()], dtS, { scheme });
      solver.sourceRate('c').set(S);
      solver.step(Math.ceil((40 * 86400) / dtS)); // ≫ 1/λ and the diffusion times
      return maxAbsDiff(solver.field('c'), exact) / peak;
    };
    for (const dtS of [600, 3600, 21600]) assert.ok(settle('modal', dtS) < 1e-12, `modal, dt ${dtS} s: ${settle('modal', dtS)}`);
    const lod = [600, 3600, 21600].map((dtS) => settle('lod', dtS));
    // LOD's steady-state error grows with dt and is > 1 % at 1 h (its cross terms scale with D·dt/dx², here 1.2–430)
    assert.ok(lod[0] < lod[1] && lod[1] < lod[2], `LOD errors ${lod.join(', ')}`);
    assert.ok(lod[1] > 0.01, `LOD at 1 h: ${lod[1]}`);
  });

  it('conserves the amount without decay or boundary flux (round-off: 1e-12 relative over 100 steps)', () => {
    const solver = createSolver(grid, [{ name: 'c', diffusionM2PerS: Dz }], 3600, { scheme: 'modal' });
    const c = solver.field('c');
    c.set(pattern(grid.voxelCount, 4));
    const m0 = totalAmount(c, grid);
    solver.step(100);
    assert.ok(Math.abs(totalAmount(c, grid) / m0 - 1) < 1e-12, `${totalAmount(c, grid) / m0 - 1}`);
    // and relaxes to the uniform mean
    const mean = m0 / (grid.voxelCount * grid.voxelVolumeM3);
    solver.step(2000);
    assert.ok(maxAbsDiff(c, new Float64Array(grid.voxelCount).fill(mean)) / mean < 1e-10);
  });

  it('LOD converges to it at first order in dt (LOD: backward Euler plus splitting; this step: exact)', () => {
    const T = 4 * 3600;
    const run = (scheme: 'lod' | 'modal', dtS: number) => {
      const solver = createSolver(grid, [spec(1)], dtS, { scheme });
      solver.field('c').set(pattern(grid.voxelCount, 5));
      solver.step(Math.round(T / dtS));
      return Float64Array.from(solver.field('c'));
    };
    const dts = [1800, 900, 450];
    const diffs = dts.map((dt) => maxAbsDiff(run('lod', dt), run('modal', dt)));
    const order = observedOrder(dts, diffs);
    assert.ok(order > 0.8 && order < 1.3, `LOD − modal shrinks with order ${order} (${diffs.join(', ')})`);
  });

  it('keeps a zero field exactly zero, a point impulse non-negative, and rejects Dirichlet side faces', () => {
    const solver = createSolver(grid, [{ name: 'c', diffusionM2PerS: Dz, decayPerS: lambda }], 3600, { scheme: 'modal' });
    solver.step(3);
    assert.ok(solver.field('c').every((v) => v === 0));
    solver.setPointSources('c', [{ xM: 0.5 * dx, yM: 0.5 * dx, zM: 5.5 * dx, rate: 1e-15 }]);
    solver.step(2);
    const c = solver.field('c');
    assert.ok(c.every((v) => v >= 0 && Number.isFinite(v)));
    assert.ok(c[0 + grid.nx * grid.ny * 5] > 0);
    assert.throws(() => createSolver(grid, [{ name: 'c', diffusionM2PerS: Dz, dirichlet: { xMin: 1 } }], 60, { scheme: 'modal' }), /no-flux side faces.*xMin/);
    assert.throws(() => solver.sweepPlanes(0, 1), /no parallel parts/);
  });
});
