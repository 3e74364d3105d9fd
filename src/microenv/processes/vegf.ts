import type { TileFields, TileProcess } from '../tileProcess.ts';
import { viableDiffusion } from '../tileProcess.ts';

/** VEGF constants in SI units (mol/m³, m²/s, 1/s; gains dimensionless). */
export interface VegfParams {
  baselineMolPerM3: number;
  diffusionM2PerS: number;
  decayPerS: number;
  anagenFactor: number;
  hypoxiaGain: number;
  woundGain: number;
  minoxidilMax: number;
  /** Ceiling of the combined production multiplier relative to healthy telogen (in-vivo bound). */
  maxProductionFold: number;
  minoxidilHalfMaxMolPerM3: number;
  androgenReduction: number;
}

/** The VEGF process plus its calibration hook (the spin-up scales production to the reference level). */
export interface VegfProcess extends TileProcess {
  /** Rescales production so the follicle-averaged, kernel-weighted VEGF equals the baseline (derived). */
  calibrate(f: TileFields): void;
}

/**
 * VEGF production per follicle, deposited through its perifollicular kernel: follicle i produces
 * Q_i = q·s_i·min(F_max, φ_i·M(v)) (mol/s, spread as Q_i·K_i(v)), with s_i its size weight (in the
 * densities), φ_i = 1 in telogen and `anagenFactor` in anagen (ORS keratinocytes, Yano 2001), and M the
 * local multiplier of hypoxia, wound, minoxidil and androgen; the cap F_max bounds the in-vivo rise to a
 * few-fold. q is calibrated in the spin-up; owns the `vegf` field.
 */
export function vegfProcess(V: VegfParams): VegfProcess {
  let scale = V.baselineMolPerM3;
  return {
    name: 'vegf',
    substrates: (g) => [{ name: 'vegf', diffusionM2PerS: viableDiffusion(g, V.diffusionM2PerS), decayPerS: V.decayPerS, initial: 0, bulkSource: true }],
    beforeTransport(f, _tS, _dtS, ctx) {
      const m = ctx.mechanisms;
      const g = f.grid;
      const source = f.solver.sourceRate('vegf');
      const wound = f.solver.field('wound');
      const mx = f.solver.field('minoxidil');
      const fA = V.anagenFactor;
      const fMax = V.maxProductionFold;
      const androgen = m.androgenVegf ? 1 - V.androgenReduction * Math.min(1, ctx.dht) : 1;
      const mxMax = V.minoxidilMax;
      const mxK = V.minoxidilHalfMaxMolPerM3;
      const woundGain = m.injuryAngiogenesis ? V.woundGain : 0;
      const hypGain = m.hypoxiaVegf ? V.hypoxiaGain : 0;
      const ref = f.referenceDensityPerM3;
      // production per unit follicle density: a healthy telogen follicle at the reference density sits at `scale`
      const q = ref > 0 ? (V.decayPerS * scale) / ref : 0;
      // fields and switches as locals: the loop stores into a typed array, after which object properties may be reloaded
      const { telogenPerM3, anagenPerM3, viable, vessels } = f;
      const minoxidilOn = m.minoxidilVegf;
      const nVox = g.voxelCount;
      for (let v = 0; v < nVox; v++) {
        const t = telogenPerM3[v];
        const a = anagenPerM3[v];
        if (t + a === 0 || !viable[v]) {
          source[v] = 0;
          continue;
        }
        const hyp = Math.max(0, 1 - vessels[v]);
        const minox = minoxidilOn ? 1 + (mxMax * mx[v]) / (mxK + mx[v]) : 1;
        const mult = (1 + hypGain * hyp) * (1 + woundGain * wound[v]) * minox * androgen;
        // each follicle's multiplier is capped by phase, so the sum over follicles is split by phase
        source[v] = q * (t * Math.min(fMax, mult) + a * Math.min(fMax, fA * mult));
      }
    },
    calibrate(f) {
      const vegf = f.solver.field('vegf');
      let sum = 0;
      let w = 0;
      // Σ_v ρ(v)·c(v) / Σ_v ρ(v): the follicle average of Σ_v K_i(v)·c(v)·ΔV (healthy follicles are full size)
      for (let v = 0; v < vegf.length; v++) {
        const rho = f.telogenPerM3[v] + f.anagenPerM3[v];
        sum += rho * vegf[v];
        w += rho;
      }
      const mean = w > 0 ? sum / w : 0;
      if (mean > 0) {
        const s = V.baselineMolPerM3 / mean;
        scale *= s;
        for (let v = 0; v < vegf.length; v++) vegf[v] *= s;
      }
    },
  };
}
