import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { BatchIntegrator, rodas4 } from '../../src/ode/index.ts';
import type { BatchReactionSystem, BatchScheme } from '../../src/ode/index.ts';
import { logLogSlope } from './problems.ts';

const V = 16;
/** Per-voxel rate constant of A → B, so every voxel has a different (stiff) trajectory. */
const k1 = (v: number): number => 0.02 + (0.06 * v) / (V - 1);

/** Robertson kinetics per voxel (stiffness ratio ~1e4–1e7 on [0, 10]). */
const robertsonVoxels: BatchReactionSystem = {
  size: 3,
  rhs(_t, y, f, v) {
    const r1 = k1(v) * y[0];
    const r2 = 1e4 * y[1] * y[2];
    const r3 = 3e7 * y[1] * y[1];
    f[0] = -r1 + r2;
    f[1] = r1 - r2 - r3;
    f[2] = r3;
  },
  jacobian(_t, y, J, v) {
    J[0] = -k1(v);
    J[1] = 1e4 * y[2];
    J[2] = 1e4 * y[1];
    J[3] = k1(v);
    J[4] = -1e4 * y[2] - 6e7 * y[1];
    J[5] = -1e4 * y[1];
    J[6] = 0;
    J[7] = 6e7 * y[1];
    J[8] = 0;
  },
};
const withoutJacobian: BatchReactionSystem = { size: 3, rhs: robertsonVoxels.rhs };

const NEWTON = { newtonRtol: 1e-10, newtonAtol: [1e-14, 1e-20, 1e-14] };

/** Adaptive RODAS4 reference (rtol 1e-11) for voxel v from state y0 at t0 to t1. */
function reference(v: number, t0: number, y0: ArrayLike<number>, t1: number): Float64Array {
  const r = rodas4.integrate(
    {
      t0,
      y0,
      tOut: [t1],
      autonomous: true,
      rhs: (t, y, f) => robertsonVoxels.rhs(t, y, f, v),
      jacobian: (t, y, J) => robertsonVoxels.jacobian?.(t, y, J, v),
    },
    { rtol: 1e-11, atol: [1e-15, 1e-21, 1e-15] },
  );
  assert.equal(r.status, 'success', r.message);
  return r.y[0];
}

const REF_T1 = Array.from({ length: V }, (_, v) => reference(v, 0, [1, 0, 0], 1));
const REF_T10 = Array.from({ length: V }, (_, v) => reference(v, 0, [1, 0, 0], 10));

/** Max relative error over voxels and species. */
function maxError(y: Float64Array, ref: Float64Array[]): number {
  let e = 0;
  for (let v = 0; v < V; v++) for (let s = 0; s < 3; s++) e = Math.max(e, Math.abs(y[3 * v + s] - ref[v][s]) / ref[v][s]);
  return e;
}

function initial(): Float64Array {
  const y = new Float64Array(3 * V);
  for (let v = 0; v < V; v++) y[3 * v] = 1;
  return y;
}

describe('batched fixed-step integrator', () => {
  for (const scheme of ['tr-bdf2', 'backward-euler'] as BatchScheme[]) {
    const order = scheme === 'tr-bdf2' ? 2 : 1;

    it(`${scheme}: agrees with adaptive RODAS4 per voxel through the stiff initial layer`, () => {
      const bi = new BatchIntegrator(robertsonVoxels, V, { scheme, ...NEWTON });
      const y = initial();
      const dt = 0.01;
      const rep = bi.advance(y, 0, 10, dt);
      assert.equal(rep.failedVoxels, 0);
      const e = maxError(y, REF_T10);
      // Global error C·dt^p; the order test below measures C ≈ 1e-3 (TR-BDF2) and ≈ 0.03 (backward
      // Euler) past the initial layer, so allow C = 0.01 resp. 0.1 including the substepped layer.
      assert.ok(e < (order === 2 ? 0.01 : 0.1) * dt ** order, `max rel error ${e}`);
      for (let v = 0; v < V; v++) {
        const m = y[3 * v] + y[3 * v + 1] + y[3 * v + 2];
        assert.ok(Math.abs(m - 1) < 1e-12, `voxel ${v} mass ${m - 1}`);
      }
    });

    it(`${scheme}: converges at order ${order} (±0.3) as dt shrinks`, () => {
      const hs: number[] = [];
      const errs: number[] = [];
      for (const dt of [0.36, 0.18, 0.09, 0.045]) {
        const bi = new BatchIntegrator(robertsonVoxels, V, { scheme, ...NEWTON });
        const y = new Float64Array(3 * V);
        for (let v = 0; v < V; v++) y.set(REF_T1[v], 3 * v); // past the initial layer
        const rep = bi.advance(y, 1, 10, dt);
        assert.equal(rep.failedVoxels, 0);
        assert.equal(rep.subdividedVoxels, 0);
        hs.push(dt);
        errs.push(maxError(y, REF_T10));
      }
      const p = logLogSlope(hs, errs);
      assert.ok(Math.abs(p - order) <= 0.3, `observed ${p.toFixed(3)} (${errs.map((e) => e.toExponential(2)).join(', ')})`);
    });
  }

  it('planar layout, voxel ranges and the finite-difference Jacobian give the same states', () => {
    const dt = 0.05;
    const a = initial();
    new BatchIntegrator(robertsonVoxels, V, NEWTON).advance(a, 0, 2, dt);

    // Planar: species-major, one grid per species.
    const p = new Float64Array(3 * V);
    for (let v = 0; v < V; v++) p[v] = 1;
    new BatchIntegrator(robertsonVoxels, V, { ...NEWTON, layout: 'planar' }).advance(p, 0, 2, dt);
    for (let v = 0; v < V; v++) for (let s = 0; s < 3; s++) assert.equal(p[s * V + v], a[3 * v + s]);

    // Two halves of the voxel range (as two workers would do them).
    const b = initial();
    const bi = new BatchIntegrator(robertsonVoxels, V, NEWTON);
    bi.advance(b, 0, 2, dt, 0, 7);
    bi.advance(b, 0, 2, dt, 7, V);
    assert.deepEqual(b, a);

    const c = initial();
    new BatchIntegrator(withoutJacobian, V, NEWTON).advance(c, 0, 2, dt);
    for (let i = 0; i < c.length; i++) assert.ok(Math.abs(c[i] - a[i]) <= 1e-8 * Math.abs(a[i]) + 1e-18, `i=${i}`);
  });

  it('a Newton failure is retried with substeps; an impossible step is reported, not thrown', () => {
    // y' = −100y³ from y = 1 with dt = 1: Newton from the start value needs substeps.
    const cubic: BatchReactionSystem = {
      size: 1,
      rhs(_t, y, f) {
        f[0] = -100 * y[0] ** 3;
      },
    };
    const y = new Float64Array([1]);
    const rep = new BatchIntegrator(cubic, 1, { scheme: 'backward-euler', maxNewtonIterations: 5 }).step(y, 0, 1);
    assert.equal(rep.failedVoxels, 0);
    assert.equal(rep.subdividedVoxels, 1);
    // Backward Euler on the adaptive substeps: first-order accurate, so only roughly on 1/√(1 + 200t).
    const exact = 1 / Math.sqrt(201);
    assert.ok(Math.abs(y[0] - exact) < 0.2 * exact, `${y[0]} vs ${exact}`);

    // y' = y²: backward Euler z − h·z² = y has no real root when 4·h·y > 1 (voxels with y = 1, dt = 100);
    // with y = −1 it always has one. Failed voxels keep their start value.
    const square: BatchReactionSystem = {
      size: 1,
      rhs(_t, u, f) {
        f[0] = u[0] * u[0];
      },
    };
    const s = new Float64Array([-1, 1, -1, 1]);
    const r2 = new BatchIntegrator(square, 4, { scheme: 'backward-euler', maxSubdivisions: 4 }).step(s, 0, 100);
    assert.equal(r2.failedVoxels, 2);
    assert.equal(r2.firstFailedVoxel, 1);
    assert.equal(s[1], 1);
    assert.equal(s[3], 1);
    assert.ok(s[0] > -1 && s[0] < 0);
  });

  it('rejects inconsistent arguments up front', () => {
    const bi = new BatchIntegrator(robertsonVoxels, V);
    assert.throws(() => bi.step(new Float64Array(3 * V - 1), 0, 0.1), RangeError);
    assert.throws(() => bi.step(initial(), 0, 0), RangeError);
    assert.throws(() => bi.step(initial(), 0, 0.1, 0, V + 1), RangeError);
    assert.throws(() => new BatchIntegrator(robertsonVoxels, V, { newtonAtol: [1, 2] }), RangeError);
  });
});
