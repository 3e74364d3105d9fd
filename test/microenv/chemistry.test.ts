import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ceriaActiveArea as areaOf, rosSystem, withCeriaSwitches } from '../../src/microenv/chemistry.ts';
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
});
