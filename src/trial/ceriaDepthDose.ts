import { fillSources, placeApplications } from '../delivery/applications.ts';
import { ceriaSubstrate } from '../delivery/substrates.ts';
import { assembleDelivery, type DeliveryParams } from '../parameters/assemble/delivery.ts';
import { assembleSkin } from '../parameters/assemble/skin.ts';
import type { TrialParams } from '../parameters/assemble/trial.ts';
import { parameterReader, type ParameterValues } from '../parameters/catalog.ts';
import { patchSchema } from '../patch/schema.ts';
import { layerThicknessesM, skinSchema, type SkinParams } from '../skin/schema.ts';
import { createTransportGrid, type TransportGrid } from '../transport/grid.ts';
import type { TrialScenario } from './schema.ts';
import { carryOverS, integrateExposure, type ExposureCourse } from './exposureIntegral.ts';

/**
 * What a ceria patch delivers to which depth, from the 3-D patch-delivery machinery (src/patch, src/delivery,
 * src/transport) rather than a 1-D formula (docs/model.md §9.6). One needle of the array sits in a window of
 * one pitch × one pitch whose side faces are no-flux: the exact mirror planes of an infinite array. One patch
 * is inserted (needle geometry and insertion → cargo in the inserted cone), dissolves, and its ceria diffuses
 * and is cleared by the lymphatics per layer of the species' skin. The solver's time integral
 * E(x) = ∫₀^∞ c(x, t) dt of that single patch gives, by linearity, the time-mean level over one dosing
 * interval τ at the periodic steady state of repeated patches: c̄(x) = E(x)/τ (every earlier patch's tail
 * falls into the interval exactly once). Levels are plane means (follicles sit anywhere relative to the needles).
 */

/** Numerical settings of the depth–dose solve (not model constants: chosen by the convergence check, docs/validation.md §9.5). */
export const DEPTH_DOSE_NUMERICS = {
  /** Voxel edge (µm): 50 vs 25 µm changes bulgeRel and bulbRel by ≤ 6 % (sub-voxel epidermis; docs/validation.md §9.5). */
  voxelUm: 50,
  /** Time step while the needles dissolve and the deposit spreads (h), for the first `earlyDays`. */
  dtEarlyH: 1,
  earlyDays: 2,
  /** Time step afterwards, when the field is smooth and only decays (h); (1 h, 3 h) vs (0.25 h, 0.75 h) differ by < 2 %. */
  dtLateH: 3,
  /** Integration stops when this fraction of the delivered cargo is left; the rest is added as its exponential tail. */
  residualFraction: 1e-3,
  /** Hard stop of the integration (d), far beyond the clearance time. */
  maxDays: 365,
  /** Depth of the human window below the deepest readout depth (µm; ≈ 4 diffusion–clearance lengths, no-flux below). */
  humanMarginBelowBulbUm: 3000,
  /** Depth of the mouse window (µm): the patch-delivery example's 1 mm, the panniculus below is no-flux. */
  mouseWindowDepthUm: 1000,
} as const;

export type DepthDoseNumerics = { [K in keyof typeof DEPTH_DOSE_NUMERICS]: number };

/** One patch as the depth–dose solve needs it. */
export interface PatchDeposit {
  species: 'humanScalp' | 'mouseDorsal';
  needleHeightUm: number;
  /** Inserted fraction of the needle height (tip depth = fraction × height). */
  insertionFraction: number;
  /** Ceria loaded per needle (ng). */
  massPerNeedleNg: number;
  pitchUm: number;
  /** Window depth (µm). */
  windowDepthUm: number;
}

/**
 * Every parameter value the depth–dose solve reads: the trial's ceria and insertion constants (injected
 * TrialParams) and the patch-delivery machinery's own (ceria transport, skin layers, the study patch) from the
 * scenario's resolved values, so a trial's `parameters:` reach the 3-D solve exactly as they reach a
 * patch-delivery run. The memo keys are built from this whole object.
 */
export interface DepthDoseParams {
  ceriaHuman: TrialParams['ceriaHuman'];
  /** Inserted fraction of a patch needle in human scalp, between men (trial.microneedling.patchInsertion*). */
  patchInsertionMin: number;
  patchInsertionMax: number;
  delivery: DeliveryParams;
  skin: Record<PatchDeposit['species'], SkinParams>;
  /** The study patch (catalog `patch.*`): the mouse reference's geometry and loading, the array pitch, the matrix. */
  patch: { pitchUm: number; needleHeightUm: number; baseDiameterUm: number; dissolutionHalfTimeMin: number; ceriaPerNeedleNg: number };
}

/** The depth–dose parameters from the trial's sets and the scenario's resolved parameter values (defaults for paths not given). */
export function depthDoseParams(p: TrialParams, values: ParameterValues = {}): DepthDoseParams {
  const v = parameterReader(values);
  return {
    ceriaHuman: p.ceriaHuman,
    patchInsertionMin: p.microneedling.patchInsertionMin,
    patchInsertionMax: p.microneedling.patchInsertionMax,
    delivery: assembleDelivery(values),
    skin: { humanScalp: assembleSkin(values, 'humanScalp'), mouseDorsal: assembleSkin(values, 'mouseDorsal') },
    patch: {
      pitchUm: v('patch.pitchUm'),
      needleHeightUm: v('patch.needleHeightUm'),
      baseDiameterUm: v('patch.baseDiameterUm'),
      dissolutionHalfTimeMin: v('patch.dissolutionHalfTimeMin'),
      ceriaPerNeedleNg: v('patch.ceriaPerNeedleNg'),
    },
  };
}

/** Single-patch exposure of a window: E = ∫c dt per voxel (kg·s/m³) and its plane means by depth. */
export interface PatchExposure {
  grid: TransportGrid;
  /** Plane-mean exposure per depth plane (kg·s/m³), surface first; depth of plane k is (k + ½)·voxel. */
  planeExposure: Float64Array;
  /** Voxel exposure (kg·s/m³), x fastest. */
  voxelExposure: Float64Array;
  /** Needle tip depth (µm) and the fraction of the loaded cargo inside the skin. */
  tipDepthUm: number;
  insertedCargoFraction: number;
  /** Cargo delivered into the window (ng) and left at the end of the integration (fraction). */
  deliveredNg: number;
  residualFraction: number;
  steps: number;
  /** The same solve as a time course (for the safety readouts, ceriaSafety.ts). */
  course: ExposureCourse;
}

const KG_PER_NG = 1e-12;

/** Runs one patch into a one-needle window and integrates the concentration over time (pure, deterministic). */
export function singlePatchExposure(d: PatchDeposit, dp: DepthDoseParams, num: DepthDoseNumerics = DEPTH_DOSE_NUMERICS): PatchExposure {
  const delivery = dp.delivery;
  const skinP = dp.skin[d.species];
  const skin = skinSchema.parse({ species: d.species });
  const n = Math.max(1, Math.round(d.pitchUm / num.voxelUm));
  const dx = (d.pitchUm / n) * 1e-6;
  const grid = createTransportGrid({ nx: n, ny: n, nz: Math.max(1, Math.round((d.windowDepthUm * 1e-6) / dx)), dxM: dx, layers: layerThicknessesM(skin, skinP) });
  const patch = patchSchema.parse({
    rows: 1,
    columns: 1,
    pitchUm: d.pitchUm,
    needleHeightUm: d.needleHeightUm,
    baseDiameterUm: dp.patch.baseDiameterUm,
    insertion: { fraction: d.insertionFraction },
    matrix: { dissolutionHalfTimeMin: dp.patch.dissolutionHalfTimeMin },
    cargo: { substance: 'ceria', massPerNeedleNg: d.massPerNeedleNg, loading: 'uniform' },
    schedule: { days: [0] },
  });
  const substrate = ceriaSubstrate(grid, delivery.ceria, { clearance: true });
  const { geometry, applications } = placeApplications(patch, grid, delivery.insertion);
  const halfTimeS = patch.matrix.dissolutionHalfTimeMin * 60;
  const delivered = applications.reduce((s, a) => s + a.insertedCargoKg, 0);
  const run = integrateExposure(grid, substrate, delivered, (tS, dtS, source) => fillSources(applications, tS, dtS, grid.voxelVolumeM3, halfTimeS, source, null), num);
  const exposure = run.exposure;
  const left = run.residualFraction;
  const steps = run.steps;
  const course = run.course;
  const plane = grid.planeSize;
  const planeExposure = new Float64Array(grid.nz);
  for (let k = 0; k < grid.nz; k++) {
    let s = 0;
    for (let m = k * plane; m < (k + 1) * plane; m++) s += exposure[m];
    planeExposure[k] = s / plane;
  }
  return {
    grid,
    planeExposure,
    voxelExposure: exposure,
    tipDepthUm: geometry.insertionDepthM * 1e6,
    insertedCargoFraction: geometry.insertedCargoFraction,
    deliveredNg: delivered / KG_PER_NG,
    residualFraction: left,
    steps,
    course,
  };
}

/** Plane-mean exposure at depth zUm, linear between plane centres (constant beyond the first/last centre). */
export function exposureAtDepth(e: PatchExposure, zUm: number): number {
  const dxUm = e.grid.dxM * 1e6;
  const p = e.planeExposure;
  const u = zUm / dxUm - 0.5;
  if (u <= 0) return p[0];
  if (u >= p.length - 1) return p[p.length - 1];
  const k = Math.floor(u);
  const f = u - k;
  return p[k] * (1 - f) + p[k + 1] * f;
}

/** The reference: the mouse study's patch (600 µm, 30 ng/needle, every 4 days) in mouse dorsal skin. */
export function mouseReferenceDeposit(dp: DepthDoseParams, num: DepthDoseNumerics = DEPTH_DOSE_NUMERICS): PatchDeposit {
  const h = dp.patch.needleHeightUm;
  return {
    species: 'mouseDorsal',
    needleHeightUm: h,
    insertionFraction: dp.ceriaHuman.mouseDepotDepthUm / h,
    massPerNeedleNg: dp.patch.ceriaPerNeedleNg,
    pitchUm: dp.patch.pitchUm,
    windowDepthUm: num.mouseWindowDepthUm,
  };
}

/** The trial's patch in human scalp: loading per needle from the per-cm² dose and the pitch. */
export function humanPatchDeposit(needleUm: number, insertionFraction: number, dp: DepthDoseParams, num: DepthDoseNumerics = DEPTH_DOSE_NUMERICS): PatchDeposit {
  const pitchUm = dp.patch.pitchUm;
  const needlesPerCm2 = 1e8 / (pitchUm * pitchUm);
  return {
    species: 'humanScalp',
    needleHeightUm: needleUm,
    insertionFraction,
    massPerNeedleNg: (dp.ceriaHuman.doseUgPerPatch * 1000) / needlesPerCm2,
    pitchUm,
    windowDepthUm: Math.max(dp.ceriaHuman.bulbDepthUm, dp.ceriaHuman.bulgeDepthUm) + num.humanMarginBelowBulbUm,
  };
}

/** Depth–dose of one patch regimen: human levels at the bulge and bulb relative to the mouse study's bulb level. */
export interface CeriaDepthDose {
  needleUm: number;
  everyDays: number;
  /** Insertion fractions of the table nodes and the relative levels there (time-mean / mouse time-mean at its bulb). */
  insertionFractions: number[];
  bulgeRel: number[];
  bulbRel: number[];
  /** Carry-over after the last patch at the bulge and the bulbs (d): how long the time-mean effect outlasts the regimen (exposureIntegral.ts `carryOverS`). */
  bulgeCarryOverDays: number[];
  bulbCarryOverDays: number[];
  /** Mouse reference: time-mean plane level at its bulb over its dosing interval (kg/m³). */
  mouseBulbLevelKgM3: number;
  mouseIntervalDays: number;
  /** Readout depths (µm): human bulge and anagen bulbs, mouse anagen bulb. */
  bulgeDepthUm: number;
  bulbDepthUm: number;
  mouseBulbDepthUm: number;
  /** Time-mean depth profiles (µg/mL) at the middle insertion (human) and of the mouse reference. */
  human: { depthUm: number[]; levelUgPerMl: number[]; tipDepthUm: number; insertedCargoFraction: number; deliveredNgPerNeedle: number };
  mouse: { depthUm: number[]; levelUgPerMl: number[]; tipDepthUm: number; insertedCargoFraction: number; deliveredNgPerNeedle: number };
}

const KGM3_TO_UGML = 1e3;

function profileOf(e: PatchExposure, intervalS: number) {
  const dxUm = e.grid.dxM * 1e6;
  return {
    depthUm: Array.from(e.planeExposure, (_, k) => (k + 0.5) * dxUm),
    levelUgPerMl: Array.from(e.planeExposure, (x) => (x / intervalS) * KGM3_TO_UGML),
    tipDepthUm: e.tipDepthUm,
    insertedCargoFraction: e.insertedCargoFraction,
    deliveredNgPerNeedle: e.deliveredNg,
  };
}

const cache = new Map<string, CeriaDepthDose>();
const exposureCache = new Map<string, PatchExposure>();

/** The single-patch solve of a deposit, memoised on everything it reads. */
export function cachedExposure(d: PatchDeposit, dp: DepthDoseParams, num: DepthDoseNumerics): PatchExposure {
  const key = JSON.stringify([d, num, dp.delivery, dp.skin[d.species], dp.patch]);
  let e = exposureCache.get(key);
  if (!e) {
    e = singlePatchExposure(d, dp, num);
    exposureCache.set(key, e);
  }
  return e;
}

/**
 * Depth–dose of a ceria patch regimen (needle height, days between patches), computed once per regimen and
 * parameter values (memoised: a trial of thousands of men runs the 3-D solve a handful of times). Human
 * insertion varies between men (U(patchInsertionMin, patchInsertionMax)); the table holds the two ends and the
 * middle, and `ceriaLevelsAt` interpolates log-linearly between them.
 */
export function ceriaDepthDose(needleUm: number, everyDays: number, dp: DepthDoseParams, num: DepthDoseNumerics = DEPTH_DOSE_NUMERICS): CeriaDepthDose {
  const lo = dp.patchInsertionMin;
  const hi = dp.patchInsertionMax;
  const ch = dp.ceriaHuman;
  const key = JSON.stringify([needleUm, everyDays, num, dp]);
  const hit = cache.get(key);
  if (hit) return hit;
  const mouseInterval = ch.mouseIntervalDays;
  const mouse = cachedExposure(mouseReferenceDeposit(dp, num), dp, num);
  const mouseLevel = exposureAtDepth(mouse, ch.mouseBulbDepthUm) / (mouseInterval * 86400);
  const fractions = [lo, 0.5 * (lo + hi), hi];
  const runs = fractions.map((f) => cachedExposure(humanPatchDeposit(needleUm, f, dp, num), dp, num));
  const rel = (e: PatchExposure, z: number) => exposureAtDepth(e, z) / (everyDays * 86400) / mouseLevel;
  const out: CeriaDepthDose = {
    needleUm,
    everyDays,
    insertionFractions: fractions,
    bulgeRel: runs.map((e) => rel(e, ch.bulgeDepthUm)),
    bulbRel: runs.map((e) => rel(e, ch.bulbDepthUm)),
    bulgeCarryOverDays: runs.map((e) => carryOverS(e.course, e.grid.dxM * 1e6, ch.bulgeDepthUm, everyDays * 86400) / 86400),
    bulbCarryOverDays: runs.map((e) => carryOverS(e.course, e.grid.dxM * 1e6, ch.bulbDepthUm, everyDays * 86400) / 86400),
    mouseBulbLevelKgM3: mouseLevel,
    mouseIntervalDays: mouseInterval,
    bulgeDepthUm: ch.bulgeDepthUm,
    bulbDepthUm: ch.bulbDepthUm,
    mouseBulbDepthUm: ch.mouseBulbDepthUm,
    human: profileOf(runs[1], everyDays * 86400),
    mouse: profileOf(mouse, mouseInterval * 86400),
  };
  cache.set(key, out);
  return out;
}

/** The part of a depth–dose the men's schedules need (small enough to travel with every unit to the workers). */
export type CeriaLevels = Pick<CeriaDepthDose, 'needleUm' | 'everyDays' | 'insertionFractions' | 'bulgeRel' | 'bulbRel' | 'bulgeCarryOverDays' | 'bulbCarryOverDays' | 'mouseBulbLevelKgM3'>;

/** The levels table of a depth–dose, without the profiles. */
export function levelsOf(d: CeriaDepthDose): CeriaLevels {
  const { needleUm, everyDays, insertionFractions, bulgeRel, bulbRel, bulgeCarryOverDays, bulbCarryOverDays, mouseBulbLevelKgM3 } = d;
  return { needleUm, everyDays, insertionFractions, bulgeRel, bulbRel, bulgeCarryOverDays, bulbCarryOverDays, mouseBulbLevelKgM3 };
}

/** Relative bulge and bulb levels (log-linear in the table) and their carry-over after the last patch (d, linear) of a man whose patch needles insert to `fraction`. */
export function ceriaLevelsAt(dd: CeriaLevels, fraction: number): { bulgeRel: number; bulbRel: number; bulgeCarryOverDays: number; bulbCarryOverDays: number } {
  const f = dd.insertionFractions;
  return {
    bulgeRel: interpolateInInsertion(f, dd.bulgeRel, fraction),
    bulbRel: interpolateInInsertion(f, dd.bulbRel, fraction),
    bulgeCarryOverDays: interpolateInInsertion(f, dd.bulgeCarryOverDays, fraction, false),
    bulbCarryOverDays: interpolateInInsertion(f, dd.bulbCarryOverDays, fraction, false),
  };
}

/**
 * A quantity tabulated at the insertion nodes, at `fraction` (clamped to the table): log-linear between two
 * positive nodes (levels and amounts scale nearly geometrically with the inserted cargo), else linear.
 */
export function interpolateInInsertion(nodes: readonly number[], values: readonly number[], fraction: number, logLinear = true): number {
  const last = nodes.length - 1;
  if (last === 0) return values[0];
  let k = 0;
  while (k < last - 1 && fraction > nodes[k + 1]) k++;
  const t = Math.min(1, Math.max(0, (fraction - nodes[k]) / (nodes[k + 1] - nodes[k])));
  const a = values[k];
  const b = values[k + 1];
  return logLinear && a > 0 && b > 0 ? Math.exp(Math.log(a) * (1 - t) + Math.log(b) * t) : a * (1 - t) + b * t;
}

/** Finds the depth–dose levels of a regimen (needle height, days between patches). */
export type DepthDoseLookup = (needleUm: number, everyDays: number) => CeriaLevels;

/**
 * A lookup that serves the given precomputed regimens (the plan's, solved once) and, given the parameters,
 * computes (memoised) any other; without them an unplanned regimen is an error, never a default-valued solve.
 */
export function depthDoseLookup(precomputed: readonly CeriaLevels[] = [], dp?: DepthDoseParams): DepthDoseLookup {
  return (needleUm, everyDays) => {
    const hit = precomputed.find((d) => d.needleUm === needleUm && d.everyDays === everyDays);
    if (hit) return hit;
    if (!dp) throw new Error(`ceria depth–dose of ${needleUm} µm every ${everyDays} d was not solved at planning`);
    return ceriaDepthDose(needleUm, everyDays, dp);
  };
}

/** Depth–dose of every distinct loaded ceria-patch regimen of a trial, with the arms that use it. */
export function trialCeriaDepthDose(s: TrialScenario, dp: DepthDoseParams): { regimen: string; arms: string[]; depthDose: CeriaDepthDose }[] {
  const byKey = new Map<string, { regimen: string; arms: string[]; depthDose: CeriaDepthDose }>();
  for (const a of s.arms) {
    const c = a.treatments.ceriaPatch;
    if (!c?.loaded) continue;
    const regimen = `${c.needleUm} µm every ${c.everyDays} d`;
    const hit = byKey.get(regimen);
    if (hit) hit.arms.push(a.id);
    else byKey.set(regimen, { regimen, arms: [a.id], depthDose: ceriaDepthDose(c.needleUm, c.everyDays, dp) });
  }
  return [...byKey.values()];
}
