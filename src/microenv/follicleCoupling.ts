import type { MouseHooks } from '../follicle/mouse/lattice.ts';
import { BEHAVIOURS, evaluateRules, SIGNALS, type CompiledRules } from './rules.ts';
import type { MicroenvironmentTile } from './tile.ts';

/** Where a follicle's bulb sits: lattice position (m) and the depths of its telogen and anagen bulb (m). */
export interface FollicleGeometry {
  n: number;
  xM: Float64Array;
  yM: Float64Array;
  telogenDepthM: number;
  anagenDepthM: number;
  /** Days for a new anagen bulb to descend to full depth (Chase 1951: anagen VI by ~day 6-8). */
  descentDays: number;
}

/** Follicle damage and p-S6 constants in SI units (assembled from the parameter values). */
export interface FollicleSignalParams {
  /** Reference H2O2 level (mol/m³): the ROS index is H/H_ref. */
  h2o2RefMolPerM3: number;
  /** Repair rate k_rep (1/s) and steady damage D₀ at the reference ROS level. */
  damageRepairPerS: number;
  damageAtBaseline: number;
  pS6Basal: number;
  /** Time constant of p-S6 (s). */
  pS6TimeS: number;
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
}

const S = Object.fromEntries(SIGNALS.map((s, i) => [s, i])) as Record<(typeof SIGNALS)[number], number>;
const B = Object.fromEntries(BEHAVIOURS.map((b, i) => [b, i])) as Record<(typeof BEHAVIOURS)[number], number>;

/**
 * Couples follicles and the microenvironment tile: folds each follicle onto the unit cell (bulb voxel
 * by position modulo the pitch and by phase-dependent depth), feeds the tile the follicle maps, reads
 * the local signals, carries per-follicle oxidative damage and p-S6, and turns signals into behaviour
 * multipliers through the rules table.
 *
 *   damage:  dD/dt = k_dmg·r·(1 − D) − k_rep·D,  r = H/H_ref,  k_dmg = k_rep·D₀/(1 − D₀)
 *   p-S6:    dP/dt = (clamp(P_basal·Π pS6-rule factors, 0, 1) − P)/τ
 */
export class FollicleCoupling {
  readonly damage: Float64Array;
  readonly pS6: Float64Array;
  /** Last signals per follicle, SIGNALS.length values each (for readouts). */
  readonly signals: Float64Array;
  private readonly tile: MicroenvironmentTile;
  private readonly geo: FollicleGeometry;
  private readonly rules: CompiledRules;
  private readonly col: Int32Array;
  private readonly sig: Float64Array;
  private readonly fac: Float64Array;
  private readonly telogen: Float64Array;
  private readonly anagen: Float64Array;
  private readonly woundOn: boolean;
  private superoxideRef = 0;
  private readonly params: FollicleSignalParams;

  constructor(tile: MicroenvironmentTile, geo: FollicleGeometry, rules: CompiledRules, woundActs: boolean, params: FollicleSignalParams) {
    this.tile = tile;
    this.params = params;
    this.geo = geo;
    this.rules = rules;
    this.woundOn = woundActs;
    const g = tile.grid;
    const pitch = g.nx * g.dxM;
    this.col = new Int32Array(geo.n);
    for (let i = 0; i < geo.n; i++) {
      const fx = ((geo.xM[i] % pitch) + pitch) % pitch;
      const fy = ((geo.yM[i] % pitch) + pitch) % pitch;
      this.col[i] = Math.min(g.nx - 1, Math.floor(fx / g.dxM)) + g.nx * Math.min(g.ny - 1, Math.floor(fy / g.dxM));
    }
    this.damage = new Float64Array(geo.n).fill(params.damageAtBaseline);
    this.pS6 = new Float64Array(geo.n).fill(params.pS6Basal);
    this.signals = new Float64Array(geo.n * SIGNALS.length);
    this.sig = new Float64Array(SIGNALS.length);
    this.fac = new Float64Array(BEHAVIOURS.length);
    this.telogen = new Float64Array(g.voxelCount);
    this.anagen = new Float64Array(g.voxelCount);
  }

  /** Bulb voxel of follicle i given its phase. */
  bulbVoxel(i: number, view: FollicleView): number {
    const g = this.tile.grid;
    let depth = this.geo.telogenDepthM;
    if (view.isAnagen(i)) {
      const f = Math.min(1, view.anagenAgeDays(i) / this.geo.descentDays);
      depth += (this.geo.anagenDepthM - this.geo.telogenDepthM) * f;
    }
    const k = Math.min(g.nz - 1, Math.floor(depth / g.dxM));
    return this.col[i] + g.planeSize * k;
  }

  /** Folds the follicles onto the tile as bulb maps (follicle counts per voxel). */
  updateMaps(view: FollicleView): void {
    this.telogen.fill(0);
    this.anagen.fill(0);
    // plain counts: the tile reads only occupancy and the anagen share of each voxel, so no scaling is needed
    for (let i = 0; i < this.geo.n; i++) {
      const v = this.bulbVoxel(i, view);
      if (view.isAnagen(i)) this.anagen[v] += 1;
      else this.telogen[v] += 1;
    }
    this.tile.setFollicleMaps(this.telogen, this.anagen);
  }

  /**
   * Reads local signals, advances damage and p-S6 by dtS, and writes behaviour multipliers into hooks.
   * `dht` is the androgen signal per follicle (arm level × the follicle's exposure).
   */
  update(dtS: number, dht: ArrayLike<number>, view: FollicleView, hooks: MouseHooks): void {
    const tile = this.tile;
    const chem = tile.chem;
    const wound = tile.solver.field('wound');
    const vegf = tile.solver.field('vegf');
    const mx = tile.solver.field('minoxidil');
    const P = this.params;
    const hRef = P.h2o2RefMolPerM3;
    const v0 = tile.vegfRef;
    if (this.superoxideRef === 0) {
      let s = 0;
      let n = 0;
      for (let v = 0; v < tile.grid.voxelCount; v++) {
        if (tile.viable[v]) {
          s += chem[3 * v];
          n++;
        }
      }
      this.superoxideRef = n > 0 && s > 0 ? s / n : 1;
    }
    const kRep = P.damageRepairPerS;
    const kDmg = damageRatePerS(P);
    const relax = 1 - Math.exp(-dtS / P.pS6TimeS);
    const basal = P.pS6Basal;
    const sig = this.sig;
    const fac = this.fac;
    const nS = SIGNALS.length;
    for (let i = 0; i < this.geo.n; i++) {
      const v = this.bulbVoxel(i, view);
      const r = chem[3 * v + 1] / hRef;
      // damage: exact relaxation for frozen r
      const a = kDmg * r + kRep;
      const dStar = (kDmg * r) / a;
      this.damage[i] = dStar + (this.damage[i] - dStar) * Math.exp(-a * dtS);
      sig[S.ros] = r;
      sig[S.superoxide] = chem[3 * v] / this.superoxideRef;
      sig[S.damage] = this.damage[i];
      sig[S.perfusion] = tile.vessels[v];
      sig[S.vegf] = vegf[v] / v0;
      sig[S.wound] = this.woundOn ? wound[v] : 0;
      sig[S.minoxidil] = mx[v] * 1e3; // µM
      sig[S.dht] = dht[i];
      sig[S.pS6] = this.pS6[i];
      evaluateRules(this.rules, sig, fac);
      const target = Math.min(1, Math.max(0, basal * fac[B.pS6]));
      this.pS6[i] += (target - this.pS6[i]) * relax;
      sig[S.pS6] = this.pS6[i];
      evaluateRules(this.rules, sig, fac);
      hooks.activationRateFactor[i] = fac[B.activationRate];
      hooks.propagationFactor[i] = fac[B.propagation];
      hooks.refractoryFactor[i] = fac[B.refractoryDuration];
      hooks.anagenDurationFactor[i] = fac[B.anagenDuration];
      hooks.growthRateFactor[i] = fac[B.growthRate];
      hooks.sizeRetentionFactor[i] = fac[B.sizeRetention];
      this.signals.set(sig, i * nS);
    }
  }
}
