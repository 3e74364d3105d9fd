/**
 * Convergence and decomposition of the 3-D ceria depth–dose (src/trial/ceriaDepthDose.ts), for
 * docs/validation.md §9.5: bulgeRel and bulbRel of the trial patch (600 µm, weekly) at the middle insertion
 * under finer voxels and steps, the 1-D formula they replace, and the factors that make up the ratio.
 *
 *   node --import tsx scripts/ceria-depth-dose-check.ts [--fine]     (--fine adds 12.5 µm voxels, ~1 min)
 */
import { assembleTrial } from '../src/parameters/assemble/trial.ts';
import { ceriaDepthDose, depthDoseParams, DEPTH_DOSE_NUMERICS, exposureAtDepth, humanPatchDeposit, mouseReferenceDeposit, singlePatchExposure, type DepthDoseNumerics } from '../src/trial/ceriaDepthDose.ts';
import { depthProfile } from '../src/trial/pkpd.ts';

const P = assembleTrial();
const dp = depthDoseParams(P);
const ceriaHuman = P.ceriaHuman;

const variants: [string, Partial<DepthDoseNumerics>][] = [
  ['default (50 µm; 1 h / 3 h)', {}],
  ['100 µm voxels', { voxelUm: 100 }],
  ['25 µm voxels', { voxelUm: 25 }],
  ['steps 0.25 h / 0.75 h', { dtEarlyH: 0.25, dtLateH: 0.75 }],
  ['steps 1 h / 6 h', { dtLateH: 6 }],
  ['residual 1e-6 (no tail)', { residualFraction: 1e-6 }],
  ['human window +1.5 mm (not +3 mm)', { humanMarginBelowBulbUm: 1500 }],
  ...(process.argv.includes('--fine') ? ([['12.5 µm voxels', { voxelUm: 12.5 }]] as [string, Partial<DepthDoseNumerics>][]) : []),
];
console.log('variant | bulgeRel (min, mid, max insertion) | bulbRel (min, mid, max) | ms');
let ref: ReturnType<typeof ceriaDepthDose> | undefined;
for (const [name, over] of variants) {
  const t0 = performance.now();
  const dd = ceriaDepthDose(600, 7, dp, { ...DEPTH_DOSE_NUMERICS, ...over });
  const ms = performance.now() - t0;
  ref ??= dd;
  const d = (a: number, b: number) => `${(100 * (a / b - 1)).toFixed(1)} %`;
  console.log(`${name} | ${dd.bulgeRel.map((x) => x.toPrecision(3)).join(', ')} | ${dd.bulbRel.map((x) => x.toPrecision(3)).join(', ')} | ${ms.toFixed(0)} | Δmid ${d(dd.bulgeRel[1], ref.bulgeRel[1])}, ${d(dd.bulbRel[1], ref.bulbRel[1])}`);
}

// the 1-D model it replaces (depot level 1/(kτ) against a fresh mouse depot)
const fMid = 0.5 * (P.microneedling.patchInsertionMin + P.microneedling.patchInsertionMax);
const mouseRef1d = depthProfile(ceriaHuman.mouseBulbDepthUm, ceriaHuman.mouseDepotDepthUm, P);
const level = 1 / (ceriaHuman.clearancePerDay * 7);
console.log(`1-D (before): bulgeRel ${((level * depthProfile(ceriaHuman.bulgeDepthUm, 600 * fMid, P)) / mouseRef1d).toPrecision(3)}, bulbRel ${((level * depthProfile(ceriaHuman.bulbDepthUm, 600 * fMid, P)) / mouseRef1d).toPrecision(3)}`);

// decomposition: loading per needle × inserted fraction × interval × anatomy (same deposit, different skin)
const h = singlePatchExposure(humanPatchDeposit(600, fMid, dp), dp);
const m = singlePatchExposure(mouseReferenceDeposit(dp), dp);
const perNg = (e: typeof h, z: number) => exposureAtDepth(e, z) / e.deliveredNg;
console.log(`delivered per needle: human ${h.deliveredNg.toFixed(2)} ng (tip ${h.tipDepthUm.toFixed(0)} µm, ${(100 * h.insertedCargoFraction).toFixed(1)} % of ${(h.deliveredNg / h.insertedCargoFraction).toFixed(0)} ng), mouse ${m.deliveredNg.toFixed(2)} ng (tip ${m.tipDepthUm.toFixed(0)} µm, ${(100 * m.insertedCargoFraction).toFixed(1)} % of ${(m.deliveredNg / m.insertedCargoFraction).toFixed(0)} ng)`);
console.log(`dose factor ${(h.deliveredNg / m.deliveredNg).toFixed(3)}, interval factor ${(ceriaHuman.mouseIntervalDays / 7).toFixed(3)}`);
console.log(`anatomy factor (per delivered ng): bulge ${(perNg(h, ceriaHuman.bulgeDepthUm) / perNg(m, ceriaHuman.mouseBulbDepthUm)).toPrecision(3)}, bulb ${(perNg(h, ceriaHuman.bulbDepthUm) / perNg(m, ceriaHuman.mouseBulbDepthUm)).toPrecision(3)}`);
const mouseAtDepot = exposureAtDepth(m, ceriaHuman.mouseBulbDepthUm) / exposureAtDepth(m, 100);
console.log(`mouse: bulb/100 µm level ${mouseAtDepot.toPrecision(3)}; human: 1 mm/100 µm ${(exposureAtDepth(h, 1000) / exposureAtDepth(h, 100)).toPrecision(3)}, 5 mm/100 µm ${(exposureAtDepth(h, 5000) / exposureAtDepth(h, 100)).toPrecision(3)}`);
