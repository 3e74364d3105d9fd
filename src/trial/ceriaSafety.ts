import { cachedExposure, DEPTH_DOSE_NUMERICS, humanPatchDeposit, interpolateInInsertion, mouseReferenceDeposit, exposureAtDepth, type DepthDoseNumerics, type DepthDoseParams } from './ceriaDepthDose.ts';
import type { ExposureCourse } from './exposureIntegral.ts';
import { ceriaOccupancy } from './pkpd.ts';
import { pow } from '../core/pow.ts';

/**
 * Safety readouts of the ceria patch from the same single-patch solves as its depth–dose (ceriaDepthDose.ts),
 * so that what is retained and what is over-scavenged cannot disagree with what reaches the follicles
 * (docs/model.md §9.7). The problem is linear, so n patches τ apart are the single patch's course shifted and
 * summed: M_n(t) = Σ_{i<n} m(t + iτ) for the amount in the skin, c_ss(z, t) = Σ_{i≥0} c(z, t + iτ) at the
 * periodic steady state, t ∈ (0, τ] after the latest patch.
 */

/** A piecewise-constant course q(t): value k on (t_{k−1}, t_k], 0 before the patch, geometric tail after. */
export interface CourseSeries {
  timesS: Float64Array;
  values: Float64Array;
  tailStepS: number;
  tailRatio: number;
}

/** Below this share of its last value the tail of a course is dropped (far below any printed digit). */
const TAIL_CUTOFF = 1e-12;

/** Number of tail steps until the tail falls below TAIL_CUTOFF (0 without a tail). */
function tailSteps(s: CourseSeries): number {
  return s.tailRatio > 0 && s.tailRatio < 1 ? Math.ceil(Math.log(TAIL_CUTOFF) / Math.log(s.tailRatio)) : 0;
}

/** End of the course including its tail (s). */
function horizonS(s: CourseSeries): number {
  const n = s.timesS.length;
  return n === 0 ? 0 : s.timesS[n - 1] + tailSteps(s) * s.tailStepS;
}

/** q(t) of one patch given at t = 0. */
export function courseAt(s: CourseSeries, tS: number): number {
  const t = s.timesS;
  const n = t.length;
  if (tS <= 0 || n === 0) return 0;
  if (tS <= t[n - 1]) {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid] >= tS) hi = mid;
      else lo = mid + 1;
    }
    return s.values[lo];
  }
  const steps = Math.ceil((tS - t[n - 1]) / s.tailStepS - 1e-9);
  return steps > tailSteps(s) ? 0 : s.values[n - 1] * pow(s.tailRatio, steps);
}

/**
 * The ends b of the pieces on which the periodic sum Σ_i q(t + iτ) is constant, over (0, τ]: every step end
 * of the course (and of its tail) shifted back by whole intervals. Sorted, with τ last.
 */
export function periodBreakpoints(s: CourseSeries, tauS: number): Float64Array {
  const ends: number[] = [tauS];
  const add = (t: number) => {
    const r = t - Math.floor(t / tauS) * tauS;
    if (r > 1e-6 && r < tauS - 1e-6) ends.push(r);
  };
  for (const t of s.timesS) add(t);
  const last = s.timesS.length > 0 ? s.timesS[s.timesS.length - 1] : 0;
  for (let m = 1; m <= tailSteps(s); m++) add(last + m * s.tailStepS);
  ends.sort((a, b) => a - b);
  const out: number[] = [];
  for (const b of ends) if (out.length === 0 || b - out[out.length - 1] > 1e-6) out.push(b);
  return Float64Array.from(out);
}

/**
 * Σ_{i<n} q(b + iτ) at each breakpoint b, for n = 1 … maxPatches: row n − 1 of the result (n·|b| values,
 * built incrementally, so every n costs one more shifted lookup per breakpoint).
 */
export function superposed(s: CourseSeries, tauS: number, breakpoints: Float64Array, maxPatches: number): Float64Array[] {
  const rows: Float64Array[] = [];
  const acc = new Float64Array(breakpoints.length);
  for (let i = 0; i < maxPatches; i++) {
    for (let j = 0; j < breakpoints.length; j++) acc[j] += courseAt(s, breakpoints[j] + i * tauS);
    rows.push(acc.slice());
  }
  return rows;
}

/** Σ_{i≥0} q(b + iτ) at each breakpoint: the periodic steady state of patches every τ. */
export function periodicSteadyState(s: CourseSeries, tauS: number, breakpoints: Float64Array): Float64Array {
  const patches = Math.max(1, Math.ceil(horizonS(s) / tauS) + 1);
  return superposed(s, tauS, breakpoints, patches)[patches - 1];
}

/** Fraction of (0, τ] during which `below(value)` holds, the value constant on each piece (a, b]. */
export function fractionOfInterval(breakpoints: Float64Array, values: Float64Array, tauS: number, below: (v: number) => boolean): number {
  let t = 0;
  let sum = 0;
  for (let j = 0; j < breakpoints.length; j++) {
    if (below(values[j])) sum += breakpoints[j] - t;
    t = breakpoints[j];
  }
  return sum / tauS;
}

/** The course of the amount in the window (in units of `deliveredScale` per delivered amount). */
export function massSeries(c: ExposureCourse, deliveredScale: number): CourseSeries {
  return { timesS: c.timesS, values: c.massFraction.map((f) => f * deliveredScale), tailStepS: c.tailStepS, tailRatio: c.tailRatio };
}

/** The course of the plane-mean level at depth zUm (linear between plane centres, as exposureAtDepth). */
export function levelSeries(c: ExposureCourse, dxUm: number, zUm: number): CourseSeries {
  const u = Math.min(c.nz - 1, Math.max(0, zUm / dxUm - 0.5));
  const k = Math.min(c.nz - 2, Math.floor(u));
  const f = c.nz > 1 ? u - k : 0;
  const values = new Float64Array(c.timesS.length);
  for (let s = 0; s < values.length; s++) {
    const row = s * c.nz;
    values[s] = c.nz > 1 ? c.planeLevels[row + k] * (1 - f) + c.planeLevels[row + k + 1] * f : c.planeLevels[row];
  }
  return { timesS: c.timesS, values, tailStepS: c.tailStepS, tailRatio: c.tailRatio };
}

/** Where the ROS-floor readout looks: the deposit (the cone's centroid, ¼ of the insertion), the bulge, the bulbs. */
export type SafetySite = 'depot' | 'bulge' | 'bulb';

/** Safety table of one patch regimen at the insertion nodes of its depth–dose (the same solves). */
export interface CeriaSafety {
  needleUm: number;
  everyDays: number;
  insertionFractions: number[];
  /** Depth of the deposit's centroid per node (µm). */
  depotDepthUm: number[];
  /** Ceria in the skin (µg per cm² of treated scalp) just after the n-th patch, [node][n − 1], n = 1 … maxPatches. */
  retainedUg: number[][];
  /** Steady-state retained amount (µg/cm², patches forever) per node. */
  retainedSteadyUg: number[];
  /** Fraction of a dosing interval at the periodic steady state with ROS below the floor, per site and node. */
  rosBelowFloor: Record<SafetySite, number[]>;
  /** Highest steady-state level relative to the mouse bulb level, per site and node. */
  peakRel: Record<SafetySite, number[]>;
}

/**
 * ROS of AGA skin relative to healthy under a ceria level c (relative to the mouse bulb level):
 * R_AGA·(1 − r_max·θ(c)).
 */
export function rosUnderCeria(rel: number, ch: DepthDoseParams['ceriaHuman']): number {
  return ch.agaRosExcess * (1 - ch.rosReductionMax * ceriaOccupancy(rel, { ceriaHuman: ch }));
}

/**
 * The safety table of a regimen (needle height, days between patches) for up to `maxPatches` patches: from
 * the memoised single-patch solves the depth–dose used (no solve of its own when the regimen was planned).
 */
export function ceriaSafety(needleUm: number, everyDays: number, maxPatches: number, dp: DepthDoseParams, num: DepthDoseNumerics = DEPTH_DOSE_NUMERICS): CeriaSafety {
  const ch = dp.ceriaHuman;
  const tauS = everyDays * 86400;
  const mouse = cachedExposure(mouseReferenceDeposit(dp, num), dp, num);
  const mouseLevel = exposureAtDepth(mouse, ch.mouseBulbDepthUm) / (ch.mouseIntervalDays * 86400);
  const fractions = [dp.patchInsertionMin, 0.5 * (dp.patchInsertionMin + dp.patchInsertionMax), dp.patchInsertionMax];
  const needlesPerCm2 = 1e8 / (dp.patch.pitchUm * dp.patch.pitchUm);
  const out: CeriaSafety = {
    needleUm,
    everyDays,
    insertionFractions: fractions,
    depotDepthUm: [],
    retainedUg: [],
    retainedSteadyUg: [],
    rosBelowFloor: { depot: [], bulge: [], bulb: [] },
    peakRel: { depot: [], bulge: [], bulb: [] },
  };
  for (const f of fractions) {
    const e = cachedExposure(humanPatchDeposit(needleUm, f, dp, num), dp, num);
    // ng per needle → µg per cm²
    const mass = massSeries(e.course, (e.deliveredNg * needlesPerCm2) / 1000);
    const bMass = periodBreakpoints(mass, tauS);
    const peak = (row: Float64Array) => row.reduce((a, b) => Math.max(a, b), 0);
    out.retainedUg.push(superposed(mass, tauS, bMass, Math.max(0, maxPatches)).map(peak));
    out.retainedSteadyUg.push(peak(periodicSteadyState(mass, tauS, bMass)));
    const depot = e.tipDepthUm / 4;
    out.depotDepthUm.push(depot);
    const depths: Record<SafetySite, number> = { depot, bulge: ch.bulgeDepthUm, bulb: ch.bulbDepthUm };
    for (const site of ['depot', 'bulge', 'bulb'] as const) {
      const level = levelSeries(e.course, e.grid.dxM * 1e6, depths[site]);
      const b = periodBreakpoints(level, tauS);
      const rel = periodicSteadyState(level, tauS, b).map((c) => c / mouseLevel);
      out.peakRel[site].push(peak(rel));
      out.rosBelowFloor[site].push(fractionOfInterval(b, rel, tauS, (r) => rosUnderCeria(r, ch) < ch.rosFloor));
    }
  }
  return out;
}

/** Retained ceria (µg/cm²) of a man with `patches` patches whose needles insert to `fraction`. */
export function retainedUgAt(cs: CeriaSafety, patches: number, fraction: number): number {
  if (patches <= 0) return 0;
  const n = Math.min(patches, cs.retainedUg[0].length);
  return interpolateInInsertion(cs.insertionFractions, cs.retainedUg.map((r) => r[n - 1]), fraction);
}

/** ROS-floor fraction at a site for a man whose needles insert to `fraction` (linear between nodes). */
export function rosBelowFloorAt(cs: CeriaSafety, site: SafetySite, fraction: number): number {
  return interpolateInInsertion(cs.insertionFractions, cs.rosBelowFloor[site], fraction, false);
}
