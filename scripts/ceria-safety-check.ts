/**
 * Safety readouts of the ceria patch (docs/validation.md §9.5): retained ceria and the time with ROS below
 * the floor, from the 3-D single-patch solves (src/trial/ceriaSafety.ts), beside the 1-D formulas they
 * replace (depot clearing at ceriaHuman.clearancePerDay, the whole loaded dose in the skin).
 *
 *   node --import tsx scripts/ceria-safety-check.ts [weeks] [everyDays]
 */
import { assembleTrial } from '../src/parameters/assemble/trial.ts';
import { depthDoseParams } from '../src/trial/ceriaDepthDose.ts';
import { ceriaSafety } from '../src/trial/ceriaSafety.ts';
import { particleClearancePerS } from '../src/delivery/substrates.ts';

const weeks = Number(process.argv[2] ?? 24);
const everyDays = Number(process.argv[3] ?? 7);
const P = assembleTrial();
const dp = depthDoseParams(P);
const patches = Math.floor((weeks * 7) / everyDays);
const t0 = performance.now();
const cs = ceriaSafety(600, everyDays, patches, dp);
console.log(`3-D safety table (${(performance.now() - t0).toFixed(0)} ms incl. solves), 600 µm every ${everyDays} d, ${patches} patches`);
cs.insertionFractions.forEach((f, i) => {
  console.log(
    `f ${f.toFixed(3)}: depot ${cs.depotDepthUm[i].toFixed(0)} µm; retained after ${patches} patches ${cs.retainedUg[i][patches - 1].toFixed(2)} µg/cm² (after 1: ${cs.retainedUg[i][0].toFixed(2)}, steady ${cs.retainedSteadyUg[i].toFixed(2)}); ` +
      `peak rel depot ${cs.peakRel.depot[i].toPrecision(3)}, bulge ${cs.peakRel.bulge[i].toPrecision(3)}, bulb ${cs.peakRel.bulb[i].toPrecision(3)}; ` +
      `ROS < floor: depot ${cs.rosBelowFloor.depot[i].toFixed(3)}, bulge ${cs.rosBelowFloor.bulge[i].toFixed(3)}, bulb ${cs.rosBelowFloor.bulb[i].toFixed(3)}`,
  );
});
const ch = P.ceriaHuman;
const q = Math.exp(-ch.clearancePerDay * everyDays);
console.log(`1-D before (k ${ch.clearancePerDay}/d, loaded dose ${ch.doseUgPerPatch} µg): retained ${((ch.doseUgPerPatch * (1 - q ** patches)) / (1 - q)).toFixed(2)} µg`);
const k30 = particleClearancePerS(dp.delivery.ceria, dp.delivery.ceria.diameterNm, true) * 86400;
console.log(`transport clearance of the coated particles: ${k30.toFixed(3)}/d`);
// the old ROS readout could never fall below the floor with these constants: ROS ≥ R_AGA·(1 − r_max)
console.log(`lowest reachable ROS R_AGA·(1 − r_max) = ${(ch.agaRosExcess * (1 - ch.rosReductionMax)).toFixed(3)} vs floor ${ch.rosFloor}`);
