import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ceriaActiveArea as areaOf, rosBackwardEulerStep, rosSystem, withCeriaSwitches } from '../../src/microenv/chemistry.ts';
import { assembleChemistry } from '../../src/parameters/assemble/chemistry.ts';

const DEFAULTS = assembleChemistry({});
const chemistryParams = (opts: { ceriaSod: boolean; ceriaCat: boolean }) => withCeriaSwitches(DEFAULTS, opts);
const ceriaActiveArea = (c: number) => areaOf(c, DEFAULTS.particle);
import { BatchIntegrator } from '../../src/ode/batch.ts';
import { rosChemistry as R } from '../../src/species/microenv.ts';

/** Steady state of the ROS system in one voxel, by bisection on H (independent of the integrator). */
function steadyState(prodS: number, prodH: number, area: number, ceria: { sod: boolean; cat: boolean }) {
  const p = chemistryParams({ ceriaSod: ceria.sod, ceriaCat: ceria.cat });
  const G = (H: number) => (p.glutathioneRegenPerS * p.glutathioneRest) / (p.glutathioneRegenPerS + 2 * p.gpxRate * H);
  const S = (H: number) => prodS / (p.sodRatePerS + p.ceriaSodPerArea * area + p.superoxideGshRate * G(H));
  const f = (H: number) =>
    prodH +
    0.5 * (p.sodRatePerS + p.ceriaSodPerArea * area) * S(H) -
    (p.catalaseVmax * H) / (p.catalaseKm + H) -
    p.gpxRate * G(H) * H -
    (p.ceriaCatVmaxPerArea * area * H) / (p.ceriaCatKm + H);
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  const H = 0.5 * (lo + hi);
  return { S: S(H), H, G: G(H) };
}

function integrate(prodS: number, prodH: number, area: number, ceria: { sod: boolean; cat: boolean }, days: number) {
  const p = chemistryParams({ ceriaSod: ceria.sod, ceriaCat: ceria.cat });
  const inputs = { prodS: Float64Array.of(prodS), prodH: Float64Array.of(prodH), ceriaArea: Float64Array.of(area) };
  const integ = new BatchIntegrator(rosSystem(p, inputs), 1, { newtonAtol: [1e-15, 1e-11, 1e-8], newtonRtol: 1e-8 });
  const y = Float64Array.of(0, R.h2o2BaselineMolPerM3.value, R.glutathioneMolPerM3.value);
  for (let h = 0; h < days * 24; h++) integ.step(y, h * 3600, 3600);
  return { S: y[0], H: y[1], G: y[2], failed: integ.report.failedVoxels };
}

const pTot = R.h2o2ClearancePerS.value * R.h2o2BaselineMolPerM3.value;
const prodS = 2 * R.superoxideShareOfProduction.value * pTot;
const prodH = (1 - R.superoxideShareOfProduction.value) * pTot;

describe('ROS chemistry', () => {
  it('baseline production gives the reference H2O2 level (within the GSH/superoxide-sink correction)', () => {
    const ss = steadyState(prodS, prodH, 0, { sod: true, cat: true });
    assert.ok(Math.abs(ss.H / R.h2o2BaselineMolPerM3.value - 1) < 0.02, `H* = ${ss.H}`);
  });

  for (const [label, area] of [['no ceria', 0], ['10 µg/mL ceria', ceriaActiveArea(0.01)], ['100 µg/mL ceria', ceriaActiveArea(0.1)]] as const) {
    it(`the batched stiff integrator reaches the analytic steady state (${label}), hourly steps`, () => {
      const ss = steadyState(prodS * 2.5, prodH * 2.5, area, { sod: true, cat: true });
      const y = integrate(prodS * 2.5, prodH * 2.5, area, { sod: true, cat: true }, 3);
      assert.equal(y.failed, 0);
      for (const k of ['S', 'H', 'G'] as const) assert.ok(Math.abs(y[k] / ss[k] - 1) < 1e-6, `${k}: ${y[k]} vs ${ss[k]}`);
    });
  }

  it('ceria lowers H2O2 dose-dependently and saturably; catalytic activity needs the CAT-like path', () => {
    const h = (c: number, cat = true) => steadyState(prodS * 2.5, prodH * 2.5, ceriaActiveArea(c), { sod: true, cat }).H;
    const h0 = h(0);
    const h1 = h(0.001);
    const h10 = h(0.01);
    const h100 = h(0.1);
    assert.ok(h1 < h0 && h10 < h1 && h100 < h10, 'monotone in dose');
    // 10 µg/mL doubles the clearance: H falls to about half (design value of the CAT-like constant)
    assert.ok(h10 / h0 > 0.4 && h10 / h0 < 0.6, `h10/h0 = ${h10 / h0}`);
    assert.ok(h(0.01, false) >= h0 * 0.999, 'without CAT-like activity ceria does not lower H2O2 (SOD-like makes H2O2)');
  });

  it('ceria SOD-like activity lowers superoxide', () => {
    const s0 = steadyState(prodS, prodH, ceriaActiveArea(0.01), { sod: false, cat: true }).S;
    const s1 = steadyState(prodS, prodH, ceriaActiveArea(0.01), { sod: true, cat: true }).S;
    assert.ok(s1 < s0 * 0.95, `${s1} vs ${s0}`);
  });

  it('finite defence: high production depletes glutathione and H2O2 rises faster than production', () => {
    const low = steadyState(prodS, prodH, 0, { sod: true, cat: true });
    const high = steadyState(prodS * 20, prodH * 20, 0, { sod: true, cat: true });
    assert.ok(high.G < low.G * 0.8, `GSH ${high.G} vs ${low.G}`);
    assert.ok(high.H / low.H > 20, `H ratio ${high.H / low.H}`);
  });

  describe('the dedicated backward-Euler step (elimination to one equation in H) against the batch integrator', () => {
    // voxels over the range a study visits: production 0-20x baseline, ceria 0-1 mg/mL, states from depleted
    // to 5x baseline; a deterministic grid of cases rather than random draws
    const cases: { prodScale: number; c: number; s0: number; h0: number; g0: number }[] = [];
    for (const prodScale of [0, 1, 2.5, 20]) {
      for (const c of [0, 1e-3, 1e-2, 1]) {
        for (const [s0, h0, g0] of [[0, 1, 1], [1, 1, 1], [3, 5, 0.2], [0.1, 0.1, 1.5]]) cases.push({ prodScale, c, s0, h0, g0 });
      }
    }
    const n = cases.length;
    const p = chemistryParams({ ceriaSod: true, ceriaCat: true });
    const inputs = { prodS: Float64Array.from(cases, (k) => prodS * k.prodScale), prodH: Float64Array.from(cases, (k) => prodH * k.prodScale), ceriaArea: Float64Array.from(cases, (k) => ceriaActiveArea(k.c)) };
    const start = () => {
      const y = new Float64Array(3 * n);
      const ss = steadyState(prodS, prodH, 0, { sod: true, cat: true });
      cases.forEach((k, v) => {
        y[3 * v] = ss.S * k.s0;
        y[3 * v + 1] = ss.H * k.h0;
        y[3 * v + 2] = ss.G * k.g0;
      });
      return y;
    };
    const atol = [1e-15, 1e-11, 1e-8] as const;
    const run = (steps: number, h: number, solve: (y: Float64Array) => void) => {
      const y = start();
      for (let k = 0; k < steps; k++) solve(y);
      return y;
    };
    const maxRelDiff = (a: Float64Array, b: Float64Array, floor: readonly number[]) => {
      let worst = 0;
      for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / (floor[i % 3] + Math.abs(b[i])));
      return worst;
    };
    for (const h of [36, 3600]) {
      it(`matches the exact backward-Euler solution to a tenth of its tolerance, and the tile's previous integrator within 10x its tolerance (h = ${h} s, 24 steps)`, () => {
        const fast = run(24, h, (y) => assert.equal(rosBackwardEulerStep(p, inputs, y, h, { atol, rtol: 1e-6, maxIterations: 200 }, 0, n), 0));
        // the same equations solved by the general batch integrator, tightly (the exact BE solution) ...
        const tight = new BatchIntegrator(rosSystem(p, inputs), n, { scheme: 'backward-euler', newtonAtol: atol.map((a) => a * 1e-6), newtonRtol: 1e-12 });
        const exact = run(24, h, (y) => assert.equal(tight.step(y, 0, h).failedVoxels, 0));
        // ... and at the tolerances the tile used before (rtol 1e-6)
        const loose = new BatchIntegrator(rosSystem(p, inputs), n, { scheme: 'backward-euler', newtonAtol: [...atol], newtonRtol: 1e-6 });
        const before = run(24, h, (y) => assert.equal(loose.step(y, 0, h).failedVoxels, 0));
        // differences relative to |y| + atol (the integrator's own error scale)
        const dExact = maxRelDiff(fast, exact, atol);
        const dBefore = maxRelDiff(fast, before, atol);
        assert.ok(dExact < 1e-7, `fast vs tight batch integrator: ${dExact}`);
        for (let i = 0; i < fast.length; i++) assert.ok(fast[i] >= 0, 'the bracket keeps the state non-negative');
        assert.ok(dBefore < 1e-5, `fast vs the tile's previous integrator: ${dBefore}`);
      });
    }

    it('a non-finite input leaves its voxel unchanged and is counted', () => {
      const y = Float64Array.of(1e-9, 1e-4, 1);
      const bad = { prodS: Float64Array.of(Number.NaN), prodH: Float64Array.of(0), ceriaArea: Float64Array.of(0) };
      assert.equal(rosBackwardEulerStep(p, bad, y, 3600, { atol, rtol: 1e-6, maxIterations: 200 }, 0, 1), 1);
      assert.deepEqual(Array.from(y), [1e-9, 1e-4, 1]);
    });
  });
});
