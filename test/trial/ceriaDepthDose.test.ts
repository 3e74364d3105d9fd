import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assembleTrial } from '../../src/parameters/assemble/trial.ts';
import { createTransportGrid } from '../../src/transport/grid.ts';
import { integrateExposure } from '../../src/trial/exposureIntegral.ts';
import {
  ceriaDepthDose,
  ceriaLevelsAt,
  DEPTH_DOSE_NUMERICS,
  depthDoseLookup,
  depthDoseParams,
  levelsOf,
  exposureAtDepth,
  humanPatchDeposit,
  mouseReferenceDeposit,
  singlePatchExposure,
} from '../../src/trial/ceriaDepthDose.ts';
import { ceriaFactors, depthProfile, penetrationLengthUm } from '../../src/trial/pkpd.ts';
import { planTrial } from '../../src/trial/run.ts';
import type { TrialScenario } from '../../src/trial/schema.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const P = assembleTrial();
const dp = depthDoseParams(P);
const ceriaHuman = P.ceriaHuman;
const microneedling = P.microneedling;

describe('3-D ceria depth–dose (src/trial/ceriaDepthDose.ts)', () => {
  it('laterally uniform: the 3-D solver time integral of a planar depot is exp(−|z − z_d|/L), L = √(D/k)', () => {
    const L = penetrationLengthUm(P);
    const dxUm = DEPTH_DOSE_NUMERICS.voxelUm;
    const kd = Math.round((6 * L) / dxUm);
    const nz = 2 * kd + 1;
    const grid = createTransportGrid({ nx: 4, ny: 4, nz, dxM: dxUm * 1e-6 });
    const substrate = {
      name: 'ceria',
      diffusionM2PerS: ceriaHuman.diffusionUm2PerS * 1e-12,
      decayPerS: ceriaHuman.clearancePerDay / 86400,
      bulkSource: true,
    };
    const mass = 1e-9;
    const plane = grid.planeSize;
    const run = integrateExposure(grid, substrate, mass, (tS, dtS, source) => {
      if (tS > 0) return 0;
      for (let m = kd * plane; m < (kd + 1) * plane; m++) source[m] = mass / dtS / grid.voxelVolumeM3 / plane;
      return mass;
    }, DEPTH_DOSE_NUMERICS);
    assert.ok(run.residualFraction <= DEPTH_DOSE_NUMERICS.residualFraction);
    const zd = (kd + 0.5) * dxUm;
    const e = (k: number) => run.exposure[k * plane];
    let worst = 0;
    for (let k = 0; k < nz; k++) {
      const z = (k + 0.5) * dxUm;
      if (Math.abs(z - zd) > 3 * L) continue;
      // laterally uniform: every voxel of a plane holds the same value
      assert.ok(Math.abs(run.exposure[k * plane + plane - 1] - e(k)) <= 1e-9 * e(k));
      worst = Math.max(worst, Math.abs(e(k) / e(kd) / depthProfile(z, zd, P) - 1));
    }
    // splitting (λΔt/3 per sweep) and the discrete Laplacian shorten L by < 1 %: ≤ 3 % at three lengths
    assert.ok(worst < 0.03, `worst relative deviation ${worst}`);
    // and it is the 1-D solution, not any decaying curve: the slope is 1/L within 1 %
    const slope = Math.log(e(kd + 10) / e(kd + 20)) / (10 * dxUm);
    assert.ok(Math.abs(slope * L - 1) < 0.01, `slope·L = ${slope * L}`);
  });

  it('one patch: the cargo inside the skin is the loaded mass × the inserted cone fraction, and it is all cleared', () => {
    const d = humanPatchDeposit(600, 0.65, dp);
    const e = singlePatchExposure(d, dp);
    assert.ok(Math.abs(e.tipDepthUm - 390) < 1e-9);
    assert.ok(Math.abs(e.insertedCargoFraction - 0.65 ** 3) < 1e-12);
    assert.ok(Math.abs(e.deliveredNg - d.massPerNeedleNg * 0.65 ** 3) < 1e-9 * d.massPerNeedleNg);
    assert.ok(e.residualFraction <= DEPTH_DOSE_NUMERICS.residualFraction);
    // the human window reaches below the deepest bulbs
    assert.ok(e.grid.nz * e.grid.dxM * 1e6 >= ceriaHuman.bulbDepthUm + DEPTH_DOSE_NUMERICS.humanMarginBelowBulbUm - 1e-6);
    // the level falls with depth below the deposit
    assert.ok(exposureAtDepth(e, 1000) > exposureAtDepth(e, 2000) && exposureAtDepth(e, 2000) > exposureAtDepth(e, 5000));
  });

  it('relative levels: the mouse bulb level is the reference; deeper insertion reaches the bulge better; the human bulb gets far less', () => {
    const dd = ceriaDepthDose(600, 7, dp);
    assert.deepEqual(dd.insertionFractions, [microneedling.patchInsertionMin, 0.5 * (microneedling.patchInsertionMin + microneedling.patchInsertionMax), microneedling.patchInsertionMax]);
    for (let i = 0; i < 3; i++) assert.ok(dd.bulbRel[i] < 0.05 * dd.bulgeRel[i]);
    assert.ok(dd.bulgeRel[0] < dd.bulgeRel[1] && dd.bulgeRel[1] < dd.bulgeRel[2]);
    // the reference is the mouse regimen's time mean at its bulb, read off the mouse profile
    const mouse = singlePatchExposure(mouseReferenceDeposit(dp), dp);
    assert.ok(Math.abs(exposureAtDepth(mouse, ceriaHuman.mouseBulbDepthUm) / (ceriaHuman.mouseIntervalDays * 86400) - dd.mouseBulbLevelKgM3) <= 1e-12 * dd.mouseBulbLevelKgM3);
    // a patch half as often halves the time-mean levels (linearity); memoised per regimen
    const fortnightly = ceriaDepthDose(600, 14, dp);
    assert.ok(Math.abs(fortnightly.bulgeRel[1] / dd.bulgeRel[1] - 0.5) < 1e-12);
    assert.equal(ceriaDepthDose(600, 7, dp), dd);
    // the interpolation hits the nodes and stays between them
    const mid = ceriaLevelsAt(dd, dd.insertionFractions[1]);
    assert.ok(Math.abs(mid.bulgeRel - dd.bulgeRel[1]) < 1e-12 * dd.bulgeRel[1]);
    const q = ceriaLevelsAt(dd, 0.575);
    assert.ok(q.bulgeRel > dd.bulgeRel[0] && q.bulgeRel < dd.bulgeRel[1]);
    // and stays within 5 % of a direct solve between nodes
    const direct = singlePatchExposure(humanPatchDeposit(600, 0.575, dp), dp);
    const directRel = exposureAtDepth(direct, ceriaHuman.bulgeDepthUm) / (7 * 86400) / dd.mouseBulbLevelKgM3;
    assert.ok(Math.abs(q.bulgeRel / directRel - 1) < 0.05, `interpolated ${q.bulgeRel} vs direct ${directRel}`);
    // the factors follow the occupancy: more at the bulge than at the bulb
    const f = ceriaFactors(mid.bulgeRel, mid.bulbRel, P);
    assert.ok(f.activation > 1 && f.activation < ceriaHuman.activationMax);
    assert.ok(f.androgenExposure < 1);
    assert.ok((1 - f.androgenExposure) / ceriaHuman.rosShareOfMiniaturization < (f.activation - 1) / (ceriaHuman.activationMax - 1));
    assert.equal(ceriaFactors(0, 0, P).activation, 1);
    assert.equal(ceriaFactors(0, 0, P).androgenExposure, 1);
  });

  it('the trial plans the solve once: every unit carries the levels table, and the workers use it as given', () => {
    const parsed = parseScenario(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'trials', 'ceria-patch-human.yaml'), 'utf8'));
    assert.ok(parsed.ok && parsed.value.model === 'trial');
    const sc = parsed.value as TrialScenario;
    const units = planTrial(sc, assembleTrial(sc.parameterValues), sc.parameterValues);
    const expected = levelsOf(ceriaDepthDose(600, 7, dp));
    for (const u of units) assert.deepEqual(u.ceria, [expected]);
    const fake = { needleUm: 123, everyDays: 5, insertionFractions: [0.5, 0.65, 0.8], bulgeRel: [1, 2, 3], bulbRel: [0.1, 0.2, 0.3], bulgeCarryOverDays: [0.3, 0.3, 0.3], bulbCarryOverDays: [0.5, 0.5, 0.5], mouseBulbLevelKgM3: 0.02 };
    assert.equal(depthDoseLookup([fake])(123, 5), fake);
    // a regimen the plan did not solve is an error, not a solve with default parameters
    assert.throws(() => depthDoseLookup([fake])(600, 7), /not solved at planning/);
  });

  it("the scenario's parameter values reach the solve and its memo key (trial sets, transport, patch)", () => {
    const base = ceriaDepthDose(600, 7, dp);
    // the mouse reference interval: twice as long halves the reference level, doubling every relative level
    const P2 = assembleTrial({ 'trial.ceriaHuman.mouseIntervalDays': 2 * ceriaHuman.mouseIntervalDays });
    const longer = ceriaDepthDose(600, 7, depthDoseParams(P2));
    assert.ok(Math.abs(longer.bulgeRel[1] / base.bulgeRel[1] - 2) < 1e-12);
    // faster lymphatic clearance (a transport parameter of the delivery machinery) lowers the deep levels
    const k = 'ceria.transport.lymphaticClearanceAt20nmPerDay';
    const faster = ceriaDepthDose(600, 7, depthDoseParams(P, { [k]: 2 * dp.delivery.ceria.clearanceAt20nmPerS * 86400 }));
    assert.ok(faster.bulbRel[1] < base.bulbRel[1], `${faster.bulbRel[1]} vs ${base.bulbRel[1]}`);
    assert.notEqual(faster, base);
  });

  it('the loading per needle follows the per-cm² dose at the patch pitch', () => {
    const d = humanPatchDeposit(600, 0.65, dp);
    const needlesPerCm2 = 1e8 / dp.patch.pitchUm ** 2;
    assert.ok(Math.abs(d.massPerNeedleNg * needlesPerCm2 - ceriaHuman.doseUgPerPatch * 1000) < 1e-9);
  });

  it('grid and step convergence of the relative levels (the choices of DEPTH_DOSE_NUMERICS)', () => {
    const base = ceriaDepthDose(600, 7, dp);
    const fineStep = ceriaDepthDose(600, 7, dp, { ...DEPTH_DOSE_NUMERICS, dtEarlyH: 0.25, dtLateH: 0.75 });
    const fineGrid = ceriaDepthDose(600, 7, dp, { ...DEPTH_DOSE_NUMERICS, voxelUm: 25 });
    const rel = (a: number, b: number) => Math.abs(a / b - 1);
    // numbers reported in docs/validation.md §9.5
    assert.ok(rel(base.bulgeRel[1], fineStep.bulgeRel[1]) < 0.02 && rel(base.bulbRel[1], fineStep.bulbRel[1]) < 0.03);
    assert.ok(rel(base.bulgeRel[1], fineGrid.bulgeRel[1]) < 0.07 && rel(base.bulbRel[1], fineGrid.bulbRel[1]) < 0.07);
  });
});
