import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ceriaHuman, dutasteride, finasteride, minoxidil } from '../../src/species/drugs.ts';
import {
  androgenExposureFactor,
  depthProfile,
  dutasterideSerumSuppression,
  emax,
  finasterideScalpSuppression,
  finasterideSerumSuppression,
  minoxidilActivatedExposure,
  minoxidilAppliedMgPerDay,
  minoxidilEffect,
  minoxidilFactors,
  penetrationLengthUm,
  woundResponse,
} from '../../src/trial/pkpd.ts';
import { assembleTrial } from '../../src/parameters/assemble/trial.ts';

/** The default parameter values, as a run without `parameters:` assembles them. */
const P = assembleTrial();

// Drake 1999 (references §3.2): % suppression by finasteride dose (mg/d), 42 days.
const DRAKE_SCALP: [number, number][] = [[0.01, 14.9], [0.05, 61.6], [0.2, 56.5], [1, 64.1], [5, 69.4]];
const DRAKE_SERUM: [number, number][] = [[0.05, 49.5], [0.2, 68.6], [1, 71.4], [5, 72.2]];

it('Emax model: analytic values, 0 at dose 0, half-maximal at ED50', () => {
  assert.equal(emax(0, 0.7, 0.02), 0);
  assert.equal(emax(0.02, 0.7, 0.02), 0.35);
  assert.ok(Math.abs(emax(1e9, 0.7, 0.02) - 0.7) < 1e-9);
});

it('finasteride scalp and serum DHT suppression reproduce the Drake 1999 dose-response table', () => {
  // The Emax curve is a least-squares fit: its residual RMS over the five scalp doses is 7.3 points (the
  // 0.05 mg point lies above the 0.2 mg one in the data); every point within 2 RMS, the 1 mg dose within 3.
  let ss = 0;
  for (const [d, pct] of DRAKE_SCALP) {
    const r = 100 * finasterideScalpSuppression(d, P) - pct;
    ss += r * r;
    assert.ok(Math.abs(r) < 14.6, `scalp ${d} mg: model ${100 * finasterideScalpSuppression(d, P)} vs ${pct}`);
  }
  assert.ok(Math.sqrt(ss / DRAKE_SCALP.length) < 7.4);
  assert.ok(Math.abs(100 * finasterideScalpSuppression(1, P) - 64.1) < 3);
  for (const [d, pct] of DRAKE_SERUM) assert.ok(Math.abs(100 * finasterideSerumSuppression(d, P) - pct) < 3, `serum ${d} mg`); // fit residual RMS 1.5 points
  // the fit is a least-squares optimum: nudging either parameter raises the scalp residual
  const rss = (e: number, ed: number) => DRAKE_SCALP.reduce((a, [d, pct]) => a + (100 * emax(d, e, ed) - pct) ** 2, 0);
  const best = rss(finasteride.scalpEmax.value, finasteride.scalpEd50Mg.value);
  for (const [de, ded] of [[0.01, 0], [-0.01, 0], [0, 0.002], [0, -0.002]]) assert.ok(rss(finasteride.scalpEmax.value + de, finasteride.scalpEd50Mg.value + ded) > best);
});

it('dutasteride serum suppression matches Clark 2004 (−94.7 % at 0.5 mg, −98.4 % at 5 mg)', () => {
  assert.ok(Math.abs(100 * dutasterideSerumSuppression(0.5, P) - 94.7) < 0.3);
  assert.ok(Math.abs(100 * dutasterideSerumSuppression(5, P) - 98.4) < 0.3);
  assert.ok(dutasteride.scalpToSerumRatio.value < 1);
});

it('androgen exposure factor: 1 − s·m, exactly 1 without suppression, 0 at full suppression', () => {
  assert.equal(androgenExposureFactor(0, 1.3), 1);
  assert.equal(androgenExposureFactor(0.5, 1), 0.5);
  assert.equal(androgenExposureFactor(0.8, 2), 0);
});

it('minoxidil: 5 % 1 mL twice daily is the reference exposure at the SULT cut-off; E = z/(EC50 + z)', () => {
  const applied = minoxidilAppliedMgPerDay(5, 1, 2);
  assert.equal(applied, 100);
  const z = minoxidilActivatedExposure(applied, 1, minoxidil.sultReferenceOd.value, P);
  assert.ok(Math.abs(z - 1) < 1e-12);
  assert.ok(Math.abs(minoxidilEffect(z, P) - 1 / (1 + minoxidil.ec50.value)) < 1e-12);
  // 2 % is 0.4 × the absorbed dose: a prediction from the same curve, not a separate number
  assert.ok(Math.abs(minoxidilActivatedExposure(minoxidilAppliedMgPerDay(2, 1, 2), 1, 0.4, P) - 0.4) < 1e-12);
  const f0 = minoxidilFactors(minoxidilEffect(0, P), 2.8, P);
  assert.deepEqual(f0, { activation: 1, anagenDuration: 1, sizeRetention: 1 });
});

it('wound response: Hill with half effect at the half-max signal', () => {
  assert.equal(woundResponse(0, P), 0);
  assert.ok(Math.abs(woundResponse(0.3, P) - 0.5) < 1e-12);
});

it('ceria depth profile is the 1-D diffusion–clearance solution exp(−|z − z_d|/√(D/k))', () => {
  const L = Math.sqrt(ceriaHuman.diffusionUm2PerS.value / (ceriaHuman.clearancePerDay.value / 86400));
  assert.ok(Math.abs(penetrationLengthUm(P) - L) < 1e-9);
  assert.equal(depthProfile(400, 400, P), 1);
  assert.ok(Math.abs(depthProfile(400 + L, 400, P) - Math.exp(-1)) < 1e-12);
  // check it solves D c'' = k c away from the depot (central difference)
  const h = 1;
  const z = 2000;
  const c2 = (depthProfile(z + h, 400, P) - 2 * depthProfile(z, 400, P) + depthProfile(z - h, 400, P)) / (h * h);
  assert.ok(Math.abs(c2 * L * L - depthProfile(z, 400, P)) < 1e-6 * depthProfile(z, 400, P) + 1e-12);
  // the human bulb gets orders of magnitude less than the mouse bulb
  assert.ok(depthProfile(5000, 390, P) / depthProfile(500, 400, P) < 0.01);
});
