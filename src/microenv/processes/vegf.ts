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
  /** Rescales production so the mean VEGF over follicle-bearing voxels equals the baseline (derived). */
  calibrate(f: TileFields): void;
}

/**
 * VEGF production by follicle-bearing voxels (anagen tissue produces `anagenFactor` times more; Yano
 * 2001), raised by hypoxia, the wound signal and minoxidil, lowered by androgen, the combined multiplier
 * capped at `maxProductionFold` (in vivo VEGF rises a few-fold at most); owns the `vegf` field.
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
      const k = V.decayPerS;
      const wound = f.solver.field('wound');
      const mx = f.solver.field('minoxidil');
      const fA = V.anagenFactor;
      const androgen = m.androgenVegf ? 1 - V.androgenReduction * Math.min(1, ctx.dht) : 1;
      const mxMax = V.minoxidilMax;
      const mxK = V.minoxidilHalfMaxMolPerM3;
      const woundGain = m.injuryAngiogenesis ? V.woundGain : 0;
      const hypGain = m.hypoxiaVegf ? V.hypoxiaGain : 0;
      for (let v = 0; v < g.voxelCount; v++) {
        const t = f.telogenMap[v];
        const a = f.anagenMap[v];
        if (t + a === 0 || !f.viable[v]) {
          source[v] = 0;
          continue;
        }
        const hyp = Math.max(0, 1 - f.vessels[v]);
        const minox = m.minoxidilVegf ? 1 + (mxMax * mx[v]) / (mxK + mx[v]) : 1;
        // occupied voxels produce; anagen tissue (ORS) produces fA times more (Yano 2001)
        const fold = ((t + fA * a) / (t + a)) * (1 + hypGain * hyp) * (1 + woundGain * wound[v]) * minox * androgen;
        source[v] = k * scale * Math.min(V.maxProductionFold, fold);
      }
    },
    calibrate(f) {
      const vegf = f.solver.field('vegf');
      let sum = 0;
      let n = 0;
      for (let v = 0; v < vegf.length; v++) {
        if (f.telogenMap[v] + f.anagenMap[v] > 0) {
          sum += vegf[v];
          n++;
        }
      }
      const mean = n > 0 ? sum / n : 0;
      if (mean > 0) {
        const s = V.baselineMolPerM3 / mean;
        scale *= s;
        for (let v = 0; v < vegf.length; v++) vegf[v] *= s;
      }
    },
  };
}
