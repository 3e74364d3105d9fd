import type { MouseHooks } from '../follicle/mouse/lattice.ts';
import { PerifollicularKernels, type KernelField } from './perifollicularKernel.ts';
import { BEHAVIOURS, evaluateRules, evaluateRulesBatch, selectRules, SIGNALS, type CompiledRules } from './rules.ts';
import type { TileFields } from './tileProcess.ts';
import type { MicroenvironmentTile } from './tile.ts';
import { pow } from '../core/pow.ts';

/**
 * A signal registered in addition to the built-in SIGNALS (e.g. by a new drug process): read in every voxel
 * and averaged over each follicle's perifollicular kernel each coupling step. Its index follows the
 * built-ins, so existing rules and readouts are unchanged.
 */
export interface ExtraSignal {
  readonly name: string;
  /** Dimensionless or stated-unit value of the signal at voxel `v`. */
  read(f: TileFields, v: number): number;
}

/** Where a follicle's bulb sits: lattice position (m) and the depths of its telogen and anagen bulb (m). */
export interface FollicleGeometry {
  n: number;
  xM: Float64Array;
  yM: Float64Array;
  telogenDepthM: number;
  anagenDepthM: number;
  /** Days for a new anagen bulb to descend to full depth (Chase 1951: anagen VI by ~day 6-8). */
  descentDays: number;
  /** Width σ (m) of the perifollicular kernel through which a follicle produces and senses. */
  kernelSigmaM: number;
  /**
   * Follicles of real skin each folded follicle stands for (unit-cell area × follicle density / n; default 1):
   * makes the densities physical. Production is calibrated against the healthy density, so it cancels there.
   */
  weight?: number;
}

/** Follicle damage and p-S6 constants in SI units (assembled from the parameter values). */
export interface FollicleSignalParams {
  /**
   * Reference H2O2 level (mol/m³) of healthy skin: the human region tiles' ROS index is H/H_ref; the mouse
   * coupling divides by its tile's healthy twin instead (same follicles, healthy chemistry).
   */
  h2o2RefMolPerM3: number;
  /** Repair rate k_rep (1/s) and steady damage D₀ at the reference ROS level. */
  damageRepairPerS: number;
  damageAtBaseline: number;
  pS6Basal: number;
  /** Time constant of p-S6 (s). */
  pS6TimeS: number;
  /** Weight of superoxide in the oxidative load that damages DP cells (the rest is H2O2). */
  superoxideDamageWeight: number;
  /** Exponent e of the follicle's VEGF and ROS production in its relative size: production ∝ size^e. */
  productionSizeExponent: number;
  /** Fraction of local minoxidil present as the active sulfate (the `minoxidil` signal is sulfate, µM). */
  minoxidilSulfatedFraction: number;
  /** Anagen age (days) up to which the stem-cell compartment stays p-S6 positive after the switch. */
  pS6EarlyAnagenDays: number;
  /** Declared bounds of each behaviour's combined rule factor (BEHAVIOURS order). */
  ruleBounds: { min: number[]; max: number[] };
}

/**
 * Signal values of healthy, untreated skin (SIGNALS order, then 0 for each extra signal): ROS, superoxide,
 * perfusion and VEGF at their reference 1, damage at its steady D₀, p-S6 at basal; wound, minoxidil and
 * androgen absent. The rules are normalised to be neutral here.
 */
export function healthyReferenceSignals(p: FollicleSignalParams, extra = 0): Float64Array {
  const ref: Record<(typeof SIGNALS)[number], number> = { ros: 1, superoxide: 1, damage: p.damageAtBaseline, perfusion: 1, vegf: 1, wound: 0, minoxidil: 0, dht: 0, pS6: p.pS6Basal };
  return Float64Array.from([...SIGNALS.map((s) => ref[s]), ...new Array<number>(extra).fill(0)]);
}

/** Damage rate k_dmg (1/s) that makes D₀ the steady damage at r = 1: k_dmg = k_rep·D₀/(1 − D₀). */
export function damageRatePerS(p: FollicleSignalParams): number {
  return (p.damageRepairPerS * p.damageAtBaseline) / (1 - p.damageAtBaseline);
}

/** What the follicle layer exposes to the coupling each step. */
export interface FollicleView {
  /** 1 where the follicle is in anagen (bulb descends), 0 otherwise. */
  isAnagen(i: number): boolean;
  /** Days since anagen onset (meaningful in anagen). */
  anagenAgeDays(i: number): number;
  /** True in competent telogen (responsive to activation signals); false in refractory telogen and catagen. */
  isCompetent(i: number): boolean;
  /** Follicle size relative to its full size (current / full shaft diameter; default 1). */
  relativeSize?(i: number): number;
}

const S = Object.fromEntries(SIGNALS.map((s, i) => [s, i])) as Record<(typeof SIGNALS)[number], number>;
const B = Object.fromEntries(BEHAVIOURS.map((b, i) => [b, i])) as Record<(typeof BEHAVIOURS)[number], number>;
/** Tile quantities read around each follicle, in the order of the coupling's read arrays (extra signals follow). */
const READ_NAMES = ['h2o2', 'superoxide', 'perfusion', 'vegf', 'wound', 'minoxidil', 'h2o2Healthy', 'superoxideHealthy'] as const;
const READ = Object.fromEntries(READ_NAMES.map((r, i) => [r, i])) as Record<(typeof READ_NAMES)[number], number>;
const READ_FIELDS = READ_NAMES.length;

/**
 * Couples follicles and the microenvironment tile: folds each follicle onto the unit cell (position modulo
 * the pitch, phase-dependent bulb depth), deposits it through its perifollicular kernel K_i into the
 * tile's follicle densities (weighted by size^e, so production is per follicle), reads its signals as
 * kernel-weighted averages Σ_v K_i(v)·c(v)·ΔV (grid independent), carries per-follicle oxidative damage
 * and p-S6, and turns signals into behaviour multipliers through the rules table.
 *
 *   damage:  dD/dt = k_dmg·r·(1 − D) − k_rep·D,  r = (1 − w)·H/H_h + w·S/S_h,  k_dmg = k_rep·D₀/(1 − D₀)
 *            (H_h, S_h: the same follicle's kernel-weighted levels in the tile's healthy twin)
 *   p-S6:    dP/dt = (P* − P)/τ,  P* = clamp(P_basal·Π pS6-rule factors, 0, 1) in competent telogen,
 *            1 in early anagen (age < pS6EarlyAnagenDays: the switch), 0 otherwise
 * so p-S6 is a transient of the telogen→anagen switch (Deng 2015), not a lasting state.
 */
export class FollicleCoupling {
  readonly damage: Float64Array;
  readonly pS6: Float64Array;
  /** Last signals per follicle, `signalNames.length` values each (built-ins first; for readouts). */
  readonly signals: Float64Array;
  /** Signal names in index order: SIGNALS, then the registered extra signals. */
  readonly signalNames: readonly string[];
  private readonly extra: readonly ExtraSignal[];
  private readonly tile: MicroenvironmentTile;
  private readonly geo: FollicleGeometry;
  /** The rules on p-S6 (first pass) and on every other behaviour (second pass, after p-S6 moved). */
  private readonly pS6Rules: CompiledRules;
  private readonly otherRules: CompiledRules;
  private readonly kernels: PerifollicularKernels;
  private readonly depth: Float64Array;
  private readonly prodWeight: Float64Array;
  private readonly inAnagen: Uint8Array;
  /** Kernel-weighted signals per follicle, one array per read field (see update). */
  private readonly read: Float64Array[];
  /** Per extra signal: its value in every voxel, refreshed each step and read with the built-ins. */
  private readonly extraVoxels: Float64Array[];
  /** The tile fields read around every follicle each step (READ_NAMES order). */
  private readonly readFields: KernelField[];
  private readonly fac: Float64Array;
  /** Behaviour factors of every follicle (BEHAVIOURS.length per follicle), from the batched rule evaluation. */
  private readonly facAll: Float64Array;
  private readonly telogen: Float64Array;
  private readonly anagen: Float64Array;
  private readonly woundOn: boolean;
  private readonly params: FollicleSignalParams;

  /** `rules` must be compiled against `[...SIGNALS, ...extraSignals.map((s) => s.name)]`. */
  constructor(
    tile: MicroenvironmentTile,
    geo: FollicleGeometry,
    rules: CompiledRules,
    woundActs: boolean,
    params: FollicleSignalParams,
    extraSignals: readonly ExtraSignal[] = [],
  ) {
    if (!tile.healthyTwin) throw new Error("FollicleCoupling: the tile does not step its healthy twin (rosReference 'fixed'), which the follicles' ROS signal divides by");
    this.tile = tile;
    this.extra = extraSignals;
    this.signalNames = [...SIGNALS, ...extraSignals.map((x) => x.name)];
    this.params = params;
    this.geo = geo;
    this.pS6Rules = selectRules(rules, (b) => b === B.pS6);
    this.otherRules = selectRules(rules, (b) => b !== B.pS6);
    this.woundOn = woundActs;
    const g = tile.grid;
    const fold = (x: number, pitch: number) => ((x % pitch) + pitch) % pitch;
    const fx = geo.xM.map((x) => fold(x, g.nx * g.dxM));
    const fy = geo.yM.map((y) => fold(y, g.ny * g.dxM));
    this.kernels = new PerifollicularKernels(g, fx, fy, geo.kernelSigmaM, tile.firstViablePlane);
    this.depth = new Float64Array(geo.n);
    this.prodWeight = new Float64Array(geo.n);
    this.inAnagen = new Uint8Array(geo.n);
    this.read = Array.from({ length: READ_FIELDS + extraSignals.length }, () => new Float64Array(geo.n));
    this.extraVoxels = extraSignals.map(() => new Float64Array(g.voxelCount));
    const R = this.read;
    const field = (values: ArrayLike<number>, out: Float64Array, stride = 1, offset = 0): KernelField => ({ values, stride, offset, out });
    this.readFields = [
      field(tile.chem, R[READ.h2o2], 3, 1),
      field(tile.chem, R[READ.superoxide], 3, 0),
      field(tile.vessels, R[READ.perfusion]),
      field(tile.solver.field('vegf'), R[READ.vegf]),
      field(tile.solver.field('wound'), R[READ.wound]),
      field(tile.solver.field('minoxidil'), R[READ.minoxidil]),
      field(tile.chemHealthy, R[READ.h2o2Healthy], 3, 1),
      field(tile.chemHealthy, R[READ.superoxideHealthy], 3, 0),
      ...this.extraVoxels.map((values, j) => field(values, R[READ_FIELDS + j])),
    ];
    this.damage = new Float64Array(geo.n).fill(params.damageAtBaseline);
    this.pS6 = new Float64Array(geo.n).fill(params.pS6Basal);
    this.signals = new Float64Array(geo.n * this.signalNames.length);
    this.fac = new Float64Array(BEHAVIOURS.length);
    this.facAll = new Float64Array(geo.n * BEHAVIOURS.length);
    this.telogen = new Float64Array(g.voxelCount);
    this.anagen = new Float64Array(g.voxelCount);
  }

  /** Bulb depth (m) of follicle i given its phase: telogen depth, descending over the first days of anagen. */
  bulbDepthM(i: number, view: FollicleView): number {
    let depth = this.geo.telogenDepthM;
    if (view.isAnagen(i)) {
      const f = Math.min(1, view.anagenAgeDays(i) / this.geo.descentDays);
      depth += (this.geo.anagenDepthM - this.geo.telogenDepthM) * f;
    }
    return depth;
  }

  private placeKernels(view: FollicleView): void {
    for (let i = 0; i < this.geo.n; i++) this.depth[i] = this.bulbDepthM(i, view);
    this.kernels.setDepths(this.depth);
  }

  /** Deposits the follicles into the tile's telogen and anagen densities (per m³, size-weighted). */
  updateMaps(view: FollicleView): void {
    this.placeKernels(view);
    const w = this.geo.weight ?? 1;
    const e = this.params.productionSizeExponent;
    for (let i = 0; i < this.geo.n; i++) {
      const size = view.relativeSize ? view.relativeSize(i) : 1;
      // sizeᵉ is exactly 1 at full size (most follicles), without the Math.pow
      this.prodWeight[i] = w * (e === 0 || size === 1 ? 1 : pow(size, e));
      this.inAnagen[i] = view.isAnagen(i) ? 1 : 0;
    }
    this.kernels.deposit(this.prodWeight, this.inAnagen, this.telogen, this.anagen);
    this.tile.setFollicleDensities(this.telogen, this.anagen);
  }

  /**
   * Reads local signals, advances damage and p-S6 by dtS, and writes behaviour multipliers into hooks.
   * `dht` is the androgen signal per follicle (arm level × the follicle's exposure).
   */
  update(dtS: number, dht: ArrayLike<number>, view: FollicleView, hooks: MouseHooks): void {
    const tile = this.tile;
    const P = this.params;
    const v0 = tile.vegfRef;
    // every signal is the kernel-weighted average around the follicle (grid independent)
    this.placeKernels(view);
    const K = this.kernels;
    const R = this.read;
    this.extra.forEach((x, j) => {
      const values = this.extraVoxels[j];
      for (let v = 0; v < values.length; v++) values[v] = x.read(tile, v);
    });
    K.averageFields(this.readFields);
    const kRep = P.damageRepairPerS;
    const kDmg = damageRatePerS(P);
    const relax = 1 - Math.exp(-dtS / P.pS6TimeS);
    const basal = P.pS6Basal;
    const earlyDays = P.pS6EarlyAnagenDays;
    const sulfated = P.minoxidilSulfatedFraction;
    const wS = P.superoxideDamageWeight;
    const fac = this.fac;
    const nS = this.signalNames.length;
    const n0 = SIGNALS.length;
    const extra = this.extra;
    // indices and fields as locals: this loop runs for every follicle at every lattice step
    const iRos = S.ros, iSup = S.superoxide, iDam = S.damage, iPerf = S.perfusion, iVegf = S.vegf;
    const iWound = S.wound, iMx = S.minoxidil, iDht = S.dht, iPS6 = S.pS6;
    const bPS6 = B.pS6, bAct = B.activationRate, bProp = B.propagation, bRefr = B.refractoryDuration;
    const bAnaDur = B.anagenDuration, bGrowth = B.growthRate, bSize = B.sizeRetention;
    const pS6Rules = this.pS6Rules;
    const otherRules = this.otherRules;
    const damage = this.damage;
    const pS6 = this.pS6;
    const signals = this.signals;
    const woundOn = this.woundOn;
    const rH2o2 = R[READ.h2o2], rSup = R[READ.superoxide], rPerf = R[READ.perfusion], rVegf = R[READ.vegf];
    const rWound = R[READ.wound], rMx = R[READ.minoxidil];
    const rH2o2Healthy = R[READ.h2o2Healthy], rSupHealthy = R[READ.superoxideHealthy];
    const { activationRateFactor, propagationFactor, refractoryFactor, anagenDurationFactor, growthRateFactor, sizeRetentionFactor } = hooks;
    const n = this.geo.n;
    const facAll = this.facAll;
    const nB = BEHAVIOURS.length;
    for (let i = 0; i < n; i++) {
      // "× healthy": relative to the same follicle in healthy, untreated skin at this moment (the tile's twin)
      const rH = rH2o2[i] / rH2o2Healthy[i];
      const rS = rSup[i] / rSupHealthy[i];
      // oxidative load: H2O2 and superoxide (which damages Fe-S clusters and mitochondria), 1 at the reference
      const r = (1 - wS) * rH + wS * rS;
      // damage: exact relaxation for frozen r
      const a = kDmg * r + kRep;
      const dStar = (kDmg * r) / a;
      const dmg = dStar + (damage[i] - dStar) * Math.exp(-a * dtS);
      damage[i] = dmg;
      // the follicle's signals are written straight into its row of `signals` (read by the readouts)
      const o = i * nS;
      signals[o + iRos] = rH;
      signals[o + iSup] = rS;
      signals[o + iDam] = dmg;
      signals[o + iPerf] = rPerf[i];
      signals[o + iVegf] = rVegf[i] / v0;
      signals[o + iWound] = woundOn ? rWound[i] : 0;
      signals[o + iMx] = rMx[i] * 1e3 * sulfated; // µM of minoxidil sulfate, the active form
      signals[o + iDht] = dht[i];
      signals[o + iPS6] = pS6[i];
      for (let x = 0; x < extra.length; x++) signals[o + n0 + x] = R[READ_FIELDS + x][i];
      // p-S6 (mTORC1) marks stem-cell activation at the switch: primed in competent telogen, on in
      // early anagen, off in refractory telogen (BMP high), later anagen and catagen; only the p-S6 rules
      // are needed for its target (the other behaviours are evaluated after p-S6 has moved)
      let target = 0;
      if (view.isAnagen(i)) target = view.anagenAgeDays(i) < earlyDays ? 1 : 0;
      else if (view.isCompetent(i)) {
        evaluateRules(pS6Rules, signals, fac, o);
        target = Math.min(1, Math.max(0, basal * fac[bPS6]));
      }
      const p6 = pS6[i] + (target - pS6[i]) * relax;
      pS6[i] = p6;
      signals[o + iPS6] = p6;
    }
    // the other behaviours, once every follicle's p-S6 has moved: rule by rule over all follicles
    evaluateRulesBatch(otherRules, signals, nS, n, facAll);
    for (let i = 0; i < n; i++) {
      const o = i * nB;
      activationRateFactor[i] = facAll[o + bAct];
      propagationFactor[i] = facAll[o + bProp];
      refractoryFactor[i] = facAll[o + bRefr];
      anagenDurationFactor[i] = facAll[o + bAnaDur];
      growthRateFactor[i] = facAll[o + bGrowth];
      sizeRetentionFactor[i] = facAll[o + bSize];
    }
  }
}
