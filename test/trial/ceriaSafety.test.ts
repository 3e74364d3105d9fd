import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { particleClearancePerS } from '../../src/delivery/substrates.ts';
import { assembleTrial } from '../../src/parameters/assemble/trial.ts';
import { createTransportGrid } from '../../src/transport/grid.ts';
import { integrateExposure } from '../../src/trial/exposureIntegral.ts';
import { cachedExposure, ceriaDepthDose, DEPTH_DOSE_NUMERICS, depthDoseParams, exposureAtDepth, humanPatchDeposit } from '../../src/trial/ceriaDepthDose.ts';
import {
  ceriaSafety,
  courseAt,
  fractionOfInterval,
  levelSeries,
  massSeries,
  periodBreakpoints,
  periodicSteadyState,
  retainedUgAt,
  rosBelowFloorAt,
  rosUnderCeria,
  superposed,
  type CourseSeries,
} from '../../src/trial/ceriaSafety.ts';
import { ceriaOccupancy } from '../../src/trial/pkpd.ts';

const P = assembleTrial();
const dp = depthDoseParams(P);
const DAY = 86400;

/** One patch into a laterally uniform window with the same clearance k everywhere: its mass decays as e^(−kt). */
function planarDepot(kPerS: number, massKg: number) {
  const dxUm = DEPTH_DOSE_NUMERICS.voxelUm;
  const grid = createTransportGrid({ nx: 4, ny: 4, nz: 40, dxM: dxUm * 1e-6 });
  const substrate = { name: 'ceria', diffusionM2PerS: dp.delivery.ceria.diffusionM2PerS.dermis, decayPerS: kPerS, bulkSource: true };
  const plane = grid.planeSize;
  const kd = 10;
  return integrateExposure(grid, substrate, massKg, (tS, dtS, source) => {
    if (tS > 0) return 0;
    for (let m = kd * plane; m < (kd + 1) * plane; m++) source[m] = massKg / dtS / grid.voxelVolumeM3 / plane;
    return massKg;
  }, DEPTH_DOSE_NUMERICS);
}

describe('ceria safety readouts from the 3-D solve (src/trial/ceriaSafety.ts)', () => {
  it('planar depot, uniform clearance: the 3-D retained mass after n patches is the 1-D series dose·e^(−kt₁)·(1 − qⁿ)/(1 − q), k from the transport model', () => {
    // the clearance the 3-D solve uses for the coated particles (size gate included), not ceriaHuman.clearancePerDay
    const k = particleClearancePerS(dp.delivery.ceria, dp.delivery.ceria.diameterNm, true);
    assert.ok(Math.abs(k * DAY - 0.455) < 0.001, `k = ${k * DAY}/d`);
    const run = planarDepot(k, 1e-9);
    const doseUg = 50;
    const tau = 7 * DAY;
    const mass = massSeries(run.course, doseUg);
    const b = periodBreakpoints(mass, tau);
    const rows = superposed(mass, tau, b, 24);
    // just after the n-th patch: the first step end after it (the bolus is in at the end of the first step)
    const t1 = run.course.timesS[0];
    const q = Math.exp(-k * tau);
    for (const n of [1, 2, 6, 24]) {
      const oneD = (doseUg * Math.exp(-k * t1) * (1 - q ** n)) / (1 - q);
      const threeD = Math.max(...rows[n - 1]);
      // the implicit step's decay 1/(1 + kΔt) per step vs e^(−kΔt): < 0.5 % over a week of 3-h steps
      assert.ok(Math.abs(threeD / oneD - 1) < 0.005, `n ${n}: 3-D ${threeD} vs 1-D ${oneD}`);
    }
    // the periodic steady state is the limit of the sums
    const steady = Math.max(...periodicSteadyState(mass, tau, b));
    assert.ok(Math.abs(steady / ((doseUg * Math.exp(-k * t1)) / (1 - q)) - 1) < 0.005);
    assert.ok(Math.max(...rows[23]) <= steady + 1e-12);
  });

  it('the periodic steady state of the solve has the depth–dose time mean E(z)/τ at every depth (the same solve, two readouts)', () => {
    const e = cachedExposure(humanPatchDeposit(600, 0.65, dp), dp, DEPTH_DOSE_NUMERICS);
    const tau = 7 * DAY;
    for (const z of [100, P.ceriaHuman.bulgeDepthUm, P.ceriaHuman.bulbDepthUm]) {
      const s = levelSeries(e.course, e.grid.dxM * 1e6, z);
      const b = periodBreakpoints(s, tau);
      const c = periodicSteadyState(s, tau, b);
      let integral = 0;
      let t = 0;
      for (let j = 0; j < b.length; j++) {
        integral += c[j] * (b[j] - t);
        t = b[j];
      }
      const mean = exposureAtDepth(e, z) / tau;
      assert.ok(Math.abs(integral / tau / mean - 1) < 1e-9, `z ${z}: ${integral / tau} vs ${mean}`);
    }
    // and the course's total amount integrates to the amount-weighted exposure (mass balance of the two paths)
    const m = massSeries(e.course, 1);
    let amount = 0;
    for (let k = 0; k < e.course.timesS.length; k++) amount += m.values[k] * (e.course.timesS[k] - (k > 0 ? e.course.timesS[k - 1] : 0));
    const r = m.tailRatio;
    amount += (m.values[m.values.length - 1] * m.tailStepS * r) / (1 - r);
    const voxelVolume = e.grid.voxelVolumeM3;
    const exposureAmount = e.voxelExposure.reduce((a, x) => a + x, 0) * voxelVolume;
    assert.ok(Math.abs(amount / (exposureAmount / (e.deliveredNg * 1e-12)) - 1) < 1e-9);
  });

  it('the trial patch: retained ceria is what entered the skin, piles up little with weekly patches, and follows the insertion', () => {
    const cs = ceriaSafety(600, 7, 24, dp);
    const needlesPerCm2 = 1e8 / dp.patch.pitchUm ** 2;
    cs.insertionFractions.forEach((f, i) => {
      const inSkinUg = (humanPatchDeposit(600, f, dp).massPerNeedleNg * f ** 3 * needlesPerCm2) / 1000;
      // one patch: at most what was inserted (cone fraction f³ of the loading), most of it at the peak
      assert.ok(cs.retainedUg[i][0] <= inSkinUg && cs.retainedUg[i][0] > 0.9 * inSkinUg, `${cs.retainedUg[i][0]} vs ${inSkinUg}`);
      for (let n = 1; n < 24; n++) assert.ok(cs.retainedUg[i][n] >= cs.retainedUg[i][n - 1]);
      assert.ok(cs.retainedUg[i][23] <= cs.retainedSteadyUg[i] + 1e-9);
      assert.ok(Math.abs(cs.depotDepthUm[i] - (600 * f) / 4) < 1e-9);
    });
    assert.equal(retainedUgAt(cs, 0, 0.65), 0);
    assert.ok(Math.abs(retainedUgAt(cs, 24, cs.insertionFractions[1]) - cs.retainedUg[1][23]) < 1e-9);
    assert.ok(retainedUgAt(cs, 24, 0.575) > cs.retainedUg[0][23] && retainedUgAt(cs, 24, 0.575) < cs.retainedUg[1][23]);
    // with the default constants ROS cannot reach the floor anywhere: R_AGA·(1 − r_max) = 0.63 > 0.5
    assert.ok(rosUnderCeria(1e9, P.ceriaHuman) > P.ceriaHuman.rosFloor);
    for (const site of ['depot', 'bulge', 'bulb'] as const) assert.deepEqual(cs.rosBelowFloor[site], [0, 0, 0]);
    // the deposit sees far more than the bulge, the bulge far more than the bulbs; the bulge peak exceeds its time mean
    const dd = ceriaDepthDose(600, 7, dp);
    for (let i = 0; i < 3; i++) {
      assert.ok(cs.peakRel.depot[i] > cs.peakRel.bulge[i] && cs.peakRel.bulge[i] > cs.peakRel.bulb[i]);
      assert.ok(cs.peakRel.bulge[i] > dd.bulgeRel[i] && cs.peakRel.bulb[i] > dd.bulbRel[i]);
    }
  });

  it('over-scavenging: with a deeper ROS cut and a higher floor the deposit spends part of the interval below it, the bulbs none', () => {
    const strong = depthDoseParams(assembleTrial({ 'trial.ceriaHuman.rosReductionMax': 0.9, 'trial.ceriaHuman.rosFloor': 0.8 }));
    const cs = ceriaSafety(600, 7, 1, strong);
    const [lo, mid, hi] = cs.rosBelowFloor.depot;
    assert.ok(mid > 0 && mid < 1, `depot fraction ${mid}`);
    assert.ok(lo <= mid && mid <= hi);
    for (let i = 0; i < 3; i++) assert.ok(cs.rosBelowFloor.bulb[i] <= cs.rosBelowFloor.bulge[i] && cs.rosBelowFloor.bulge[i] <= cs.rosBelowFloor.depot[i]);
    assert.equal(cs.rosBelowFloor.bulb[1], 0);
    assert.ok(Math.abs(rosBelowFloorAt(cs, 'depot', cs.insertionFractions[1]) - mid) < 1e-12);
    // the fraction is the time the steady level spends above the level c* at which ROS meets the floor
    const ch = strong.ceriaHuman;
    const theta = (1 - ch.rosFloor / ch.agaRosExcess) / ch.rosReductionMax;
    const cStar = (ch.halfEffectRelConc * theta) / (1 - theta);
    assert.ok(Math.abs(ceriaOccupancy(cStar, { ceriaHuman: ch }) - theta) < 1e-12);
    assert.ok(Math.abs(rosUnderCeria(cStar, ch) - ch.rosFloor) < 1e-12);
  });

  it('fraction of the interval below a threshold: an exponential course against its closed form', () => {
    // c(t) = e^(−λt) on 1-h steps (value at each step end), then its tail: at the periodic state c_ss(t) = e^(−λt)/(1 − e^(−λτ))
    const lambda = 0.5 / DAY;
    const dt = 3600;
    const times = Float64Array.from({ length: 24 * 20 }, (_, k) => (k + 1) * dt);
    const s: CourseSeries = { timesS: times, values: times.map((t) => Math.exp(-lambda * t)), tailStepS: dt, tailRatio: Math.exp(-lambda * dt) };
    assert.equal(courseAt(s, 0), 0);
    assert.ok(Math.abs(courseAt(s, 30 * DAY) - Math.exp(-lambda * 30 * DAY)) < 1e-12);
    const tau = 7 * DAY;
    const b = periodBreakpoints(s, tau);
    const css = periodicSteadyState(s, tau, b);
    const peak = 1 / (1 - Math.exp(-lambda * tau));
    const threshold = 0.5 * peak;
    // above the threshold while t < ln(peak/threshold)/λ, to within one step
    const expected = Math.log(peak / threshold) / lambda / tau;
    const got = 1 - fractionOfInterval(b, css, tau, (c) => c < threshold);
    assert.ok(Math.abs(got - expected) <= dt / tau + 1e-9, `${got} vs ${expected}`);
  });
});
