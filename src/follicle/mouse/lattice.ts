import type { RandomStream } from '../../core/random/stream.ts';
import type { DepilationStimulus, MouseLatticeModel, MouseTraits } from './model.ts';

/**
 * Mouse dorsal-skin hair-cycle lattice after Plikus et al. (Nature 2008; Science 2011) and Murray et al.
 * (PLoS Comput Biol 2012): one follicle per site of an nx × ny grid, four functional states
 *
 *   anagen (age a; the first `propagatingAnagenDays` are "propagating anagen") → catagen → refractory
 *   telogen (BMP high: deaf to activation signals) → competent telogen → anagen
 *
 * Competent follicles enter anagen with hazard
 *   h = (λ_spont + h_dep(t)) · activationRateFactor_i + [n_PA,i ≥ θ] · λ_prop · propagationFactor_i
 * per day (n_PA = Moore-8 neighbours in propagating anagen at the start of the step); refractory follicles
 * respond only to the depilation stimulus, scaled by its `refractoryResponse`. The stimulus h_dep acts on
 * the follicles that were in telogen when the skin was depilated, until they respond (once). Per step the transition
 * probability is 1 − exp(−h·dt) (exact for a hazard constant over the step). Phase durations are lognormal,
 * drawn at phase entry; the behaviour hooks scale how fast the remaining time runs out.
 *
 * The lattice knows no chemistry: everything outside the hair cycle (androgen, ROS, vessels, drugs) acts
 * through the per-follicle multipliers of `MouseHooks`, supplied by the caller each step.
 */

export const MOUSE_PHASE = { anagen: 0, catagen: 1, refractory: 2, competent: 3 } as const;
export type MousePhase = (typeof MOUSE_PHASE)[keyof typeof MOUSE_PHASE];

/** Names of the behaviour hooks (per-follicle multipliers, 1 = no effect). */
export const MOUSE_HOOK_NAMES = [
  'activationRateFactor',
  'propagationFactor',
  'refractoryFactor',
  'anagenDurationFactor',
  'growthRateFactor',
  'sizeRetentionFactor',
] as const;
export type MouseHookName = (typeof MOUSE_HOOK_NAMES)[number];

/**
 * Per-follicle behaviour multipliers read by `MouseLattice.step` (Float64Array of length n; 1 = no effect;
 * all must be > 0 except sizeRetentionFactor, which may be any value ≥ 0):
 * - activationRateFactor: scales the spontaneous and depilation telogen→anagen hazards;
 * - propagationFactor: scales the neighbour-propagation hazard;
 * - refractoryFactor: > 1 lengthens the remaining refractory telogen (time runs at 1/factor);
 * - anagenDurationFactor: < 1 shortens the remaining anagen (time runs at 1/factor);
 * - growthRateFactor: scales shaft elongation;
 * - sizeRetentionFactor: at each new anagen, relative size ← min(1, size × factor) (< 1 miniaturizes).
 * Combine several effects by multiplying them into the same arrays.
 */
export type MouseHooks = Record<MouseHookName, Float64Array>;

/** Allocates hooks of length n, all ones (no effect). Allocate once, refill per step. */
export function createMouseHooks(n: number): MouseHooks {
  return {
    activationRateFactor: new Float64Array(n).fill(1),
    propagationFactor: new Float64Array(n).fill(1),
    refractoryFactor: new Float64Array(n).fill(1),
    anagenDurationFactor: new Float64Array(n).fill(1),
    growthRateFactor: new Float64Array(n).fill(1),
    sizeRetentionFactor: new Float64Array(n).fill(1),
  };
}

/** Copies `src` into `dst` in place (same length). */
export function copyMouseHooks(src: MouseHooks, dst: MouseHooks): void {
  for (let j = 0; j < MOUSE_HOOK_NAMES.length; j++) dst[MOUSE_HOOK_NAMES[j]].set(src[MOUSE_HOOK_NAMES[j]]);
}

const TINY = 1e-12;

export class MouseLattice {
  readonly model: MouseLatticeModel;
  readonly traits: MouseTraits;
  readonly nx: number;
  readonly ny: number;
  readonly n: number;
  /** MOUSE_PHASE code per follicle. */
  readonly phase: Uint8Array;
  /** Days since entering the current phase. */
  readonly phaseAgeDays: Float64Array;
  /** Nominal days left in the current anagen, catagen or refractory telogen (0 in competent telogen). */
  readonly remainingDays: Float64Array;
  /** Length of the longest shaft above the skin (club hair or the growing one), mm. */
  readonly shaftLengthMm: Float64Array;
  /** Diameter of that shaft (µm; meaningful where shaftLengthMm > 0). */
  readonly shaftDiameterUm: Float64Array;
  /** Length above the skin of the shaft grown in the current anagen (mm). */
  readonly growingShaftMm: Float64Array;
  /** Skin pigmentation contributed by the follicle (0 = pink telogen skin, 1 = black anagen skin). */
  readonly pigmentation: Float64Array;
  /** Relative follicle size (1 = full, 0 = fully miniaturized). */
  readonly size: Float64Array;
  /** Full-size shaft diameter of the follicle (µm). */
  readonly fullDiameterUm: Float64Array;
  /** Anagen entries since t = 0. */
  readonly cycles: Int32Array;
  /** Day of the most recent anagen entry (NaN when none since t = 0). */
  readonly anagenOnsetDay: Float64Array;
  timeDays = 0;
  steps = 0;
  /** Day of the (pending or applied) depilation; NaN when none. */
  depilationDay: number;
  private depilated = false;
  private stimulus: DepilationStimulus;
  private readonly rng: RandomStream;
  private readonly propagating: Uint8Array;
  /** 1 for follicles that were in telogen at depilation and have not yet responded to its stimulus. */
  private readonly primed: Uint8Array;
  private readonly ones: Float64Array;

  /**
   * Builds the lattice at t = 0 in second telogen: each follicle is competent with probability
   * traits.competentFraction, otherwise refractory with residual time U × D_R. Draw order per follicle:
   * diameter (normal), state (uniform), residual (uniform, normal) for refractory ones.
   */
  constructor(model: MouseLatticeModel, traits: MouseTraits, rng: RandomStream) {
    this.model = model;
    this.traits = traits;
    this.rng = rng;
    this.nx = model.nx;
    this.ny = model.ny;
    const n = (this.n = model.n);
    this.phase = new Uint8Array(n);
    this.phaseAgeDays = new Float64Array(n);
    this.remainingDays = new Float64Array(n);
    this.shaftLengthMm = new Float64Array(n);
    this.shaftDiameterUm = new Float64Array(n);
    this.growingShaftMm = new Float64Array(n);
    this.pigmentation = new Float64Array(n);
    this.size = new Float64Array(n).fill(1);
    this.fullDiameterUm = new Float64Array(n);
    this.cycles = new Int32Array(n);
    this.anagenOnsetDay = new Float64Array(n).fill(Number.NaN);
    this.propagating = new Uint8Array(n);
    this.primed = new Uint8Array(n);
    this.ones = new Float64Array(n).fill(1);
    this.stimulus = { ...model.depilation };
    this.depilationDay = model.depilation.method === 'none' ? Number.NaN : model.depilation.day;

    const dMin = model.miniaturizedDiameterUm;
    for (let i = 0; i < n; i++) {
      this.fullDiameterUm[i] = Math.max(dMin + 0.5, model.diameterMeanUm + model.diameterSdUm * rng.normal());
      if (rng.uniform() < traits.competentFraction) {
        this.phase[i] = MOUSE_PHASE.competent;
      } else {
        this.phase[i] = MOUSE_PHASE.refractory;
        const u = rng.uniform();
        this.remainingDays[i] = u * this.drawRefractory();
      }
      if (model.clubHairs) {
        this.shaftLengthMm[i] = model.maxShaftLengthMm;
        this.shaftDiameterUm[i] = this.fullDiameterUm[i];
      }
    }
    this.applyDueEvents();
  }

  /** Schedules (or replaces) a depilation; it is applied at the first state time ≥ stimulus.day. */
  scheduleDepilation(stimulus: DepilationStimulus): void {
    this.stimulus = { ...stimulus };
    this.depilationDay = stimulus.method === 'none' ? Number.NaN : stimulus.day;
    this.depilated = false;
    this.applyDueEvents();
  }

  /** Puts follicle i into a fresh anagen now (used to seed waves; no miniaturization hook applies). */
  seedAnagen(i: number): void {
    this.enterAnagen(i, this.timeDays, 1);
  }

  /** Whether the scheduled depilation has been applied. */
  get isDepilated(): boolean {
    return this.depilated;
  }

  /** Advances the lattice by one step dt, reading the per-follicle hooks (missing ones = 1). */
  step(hooks?: Partial<MouseHooks>): void {
    const m = this.model;
    const dt = m.dtDays;
    const t = this.timeDays;
    const n = this.n;
    const nx = this.nx;
    const ny = this.ny;
    const rng = this.rng;
    const tr = this.traits;
    const act = hooks?.activationRateFactor ?? this.ones;
    const prop = hooks?.propagationFactor ?? this.ones;
    const refr = hooks?.refractoryFactor ?? this.ones;
    const anaF = hooks?.anagenDurationFactor ?? this.ones;
    const grow = hooks?.growthRateFactor ?? this.ones;
    const keep = hooks?.sizeRetentionFactor ?? this.ones;
    if (act.length < n || prop.length < n || refr.length < n || anaF.length < n || grow.length < n || keep.length < n) {
      throw new RangeError(`every hook array must have length ${n} (one value per follicle)`);
    }

    // Integrated hazards of the step (per unit multiplier).
    let hDep = 0;
    if (this.depilated) {
      const s = this.stimulus;
      const a = t - this.depilationDay;
      hDep = s.peakRatePerDay * s.decayDays * (Math.exp(-a / s.decayDays) - Math.exp(-(a + dt) / s.decayDays)) * tr.activationFactor;
    }
    const hDepRefractory = hDep * this.stimulus.refractoryResponse;
    const hSpont = m.spontaneousActivationPerDay * dt * tr.activationFactor;
    const hCompetent = hSpont + hDep;
    const hProp = m.propagationRatePerDay * dt;
    const theta = m.neighbourThreshold;
    const coupled = hProp > 0 && theta <= 8;

    // Snapshot of propagating anagen at the start of the step (synchronous update).
    const paDays = m.propagatingAnagenDays;
    const phase = this.phase;
    const age = this.phaseAgeDays;
    const pa = this.propagating;
    for (let i = 0; i < n; i++) pa[i] = phase[i] === MOUSE_PHASE.anagen && age[i] < paDays ? 1 : 0;

    const rem = this.remainingDays;
    const pig = this.pigmentation;
    const fade = dt / m.pigmentFadeDays;
    const onset = m.pigmentOnsetDays;
    const ramp = m.pigmentRampDays;
    const emerge = m.emergenceDays;
    const rate = m.growthRateMmPerDay * tr.growthRateFactor;
    const tEnd = t + dt;

    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        const i = y * nx + x;
        const ph = phase[i];
        if (ph === MOUSE_PHASE.anagen) {
          const a0 = age[i];
          const a1 = a0 + dt;
          age[i] = a1;
          rem[i] -= dt / Math.max(anaF[i], TINY);
          if (a1 > emerge) {
            const from = a0 > emerge ? a0 : emerge;
            const maxLen = m.maxShaftLengthMm * this.size[i];
            const g = this.growingShaftMm[i] + rate * grow[i] * (a1 - from);
            const len = g < maxLen ? g : maxLen;
            this.growingShaftMm[i] = len;
            if (len >= this.shaftLengthMm[i]) {
              // The new hair has outgrown the old club hair, which is shed (exogen).
              this.shaftLengthMm[i] = len;
              this.shaftDiameterUm[i] = this.currentDiameterUm(i);
            }
          }
          let target = (a1 - onset) / ramp;
          target = target < 0 ? 0 : target > 1 ? 1 : target;
          const faded = pig[i] - fade;
          pig[i] = target > faded ? target : faded;
          if (rem[i] <= 0) {
            phase[i] = MOUSE_PHASE.catagen;
            age[i] = 0;
            rem[i] = Math.exp(m.catagen.mu + m.catagen.sigma * rng.normal());
          }
        } else if (ph === MOUSE_PHASE.catagen) {
          age[i] += dt;
          rem[i] -= dt;
          pig[i] = pig[i] > fade ? pig[i] - fade : 0;
          if (rem[i] <= 0) {
            phase[i] = MOUSE_PHASE.refractory;
            age[i] = 0;
            rem[i] = this.drawRefractory();
          }
        } else if (ph === MOUSE_PHASE.refractory) {
          age[i] += dt;
          rem[i] -= dt / Math.max(refr[i], TINY);
          pig[i] = pig[i] > fade ? pig[i] - fade : 0;
          const h = this.primed[i] ? hDepRefractory * act[i] : 0;
          if (h > 0 && rng.uniform() < -Math.expm1(-h)) {
            this.enterAnagen(i, tEnd, keep[i]);
          } else if (rem[i] <= 0) {
            phase[i] = MOUSE_PHASE.competent;
            age[i] = 0;
            rem[i] = 0;
          }
        } else {
          age[i] += dt;
          pig[i] = pig[i] > fade ? pig[i] - fade : 0;
          let h = (this.primed[i] ? hCompetent : hSpont) * act[i];
          if (coupled) {
            let count = 0;
            const y0 = y > 0 ? y - 1 : 0;
            const y1 = y < ny - 1 ? y + 1 : ny - 1;
            const x0 = x > 0 ? x - 1 : 0;
            const x1 = x < nx - 1 ? x + 1 : nx - 1;
            for (let yy = y0; yy <= y1 && count < theta; yy++) {
              const row = yy * nx;
              for (let xx = x0; xx <= x1; xx++) count += pa[row + xx];
            }
            // pa[i] is 0 (i is competent), so the count covers the neighbours only.
            if (count >= theta) h += hProp * prop[i];
          }
          if (h > 0 && rng.uniform() < -Math.expm1(-h)) this.enterAnagen(i, tEnd, keep[i]);
        }
      }
    }
    this.timeDays = tEnd;
    this.steps++;
    this.applyDueEvents();
  }

  /** Shaft diameter (µm) a follicle of its current size produces. */
  currentDiameterUm(i: number): number {
    const dMin = this.model.miniaturizedDiameterUm;
    return dMin + (this.fullDiameterUm[i] - dMin) * this.size[i];
  }

  /** x, y position (µm) of follicle i (site centres on a square grid of spacing siteSpacingUm). */
  positionUm(i: number): { x: number; y: number } {
    const s = this.model.siteSpacingUm;
    return { x: ((i % this.nx) + 0.5) * s, y: (Math.floor(i / this.nx) + 0.5) * s };
  }

  private drawRefractory(): number {
    const r = this.model.refractory;
    return Math.exp(r.mu + r.sigma * this.rng.normal()) * this.traits.refractoryDurationFactor;
  }

  private enterAnagen(i: number, day: number, sizeRetention: number): void {
    const m = this.model;
    this.phase[i] = MOUSE_PHASE.anagen;
    this.phaseAgeDays[i] = 0;
    this.cycles[i]++;
    const s = this.size[i] * sizeRetention;
    this.size[i] = s < 1 ? s : 1;
    this.remainingDays[i] = Math.exp(m.anagen.mu + m.anagen.sigma * this.rng.normal()) * this.traits.anagenDurationFactor;
    this.growingShaftMm[i] = 0;
    this.anagenOnsetDay[i] = day;
    this.primed[i] = 0;
  }

  /**
   * Applies the depilation once the state time reaches its day: all shafts above the skin are removed, and
   * the follicles then in telogen are primed to respond (once) to the depilation stimulus.
   */
  private applyDueEvents(): void {
    if (this.depilated || !(this.timeDays >= this.depilationDay - 1e-9)) return;
    this.depilated = true;
    this.shaftLengthMm.fill(0);
    this.growingShaftMm.fill(0);
    for (let i = 0; i < this.n; i++) {
      const ph = this.phase[i];
      this.primed[i] = ph === MOUSE_PHASE.refractory || ph === MOUSE_PHASE.competent ? 1 : 0;
    }
  }
}
