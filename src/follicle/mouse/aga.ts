import type { RandomStream } from '../../core/random/stream.ts';
import { sampleBeta } from '../../core/random/samplers.ts';
import type { MouseHooks } from './lattice.ts';
import type { MouseAgaEffects, MouseLatticeModel } from './model.ts';

/**
 * Androgen (mouse AGA: testosterone propionate or DHT in C57BL/6 males) expressed through the lattice's
 * behaviour hooks, so that the coupling layer can combine it multiplicatively with other effects.
 *
 * Exposure of follicle i: x_i = min(1, A · S_mouse · u_i), with A the androgen level relative to the
 * reference model dose, S_mouse the animal's sensitivity and u_i ~ Beta the follicle's susceptibility.
 * Each effect f (given at full exposure x = 1) acts as f^x_i: x = 0 gives 1 (no effect), and
 * log-linear interpolation keeps products of several effects order-independent.
 */

/** Per-follicle androgen susceptibility u_i (Beta, or the constant when the model's SD is zero). */
export function sampleAndrogenSusceptibility(model: MouseLatticeModel, rng: RandomStream, out = new Float64Array(model.n)): Float64Array {
  const a = model.susceptibilityA;
  const b = model.susceptibilityB;
  for (let i = 0; i < out.length; i++) out[i] = Number.isNaN(a) ? b : sampleBeta(rng, a, b);
  return out;
}

/** Exposure x_i = min(1, androgenLevel · sensitivity · u_i), written into `out`. */
export function androgenExposure(androgenLevel: number, sensitivity: number, susceptibility: Float64Array, out = new Float64Array(susceptibility.length)): Float64Array {
  const s = Math.max(0, androgenLevel * sensitivity);
  for (let i = 0; i < susceptibility.length; i++) {
    const x = s * susceptibility[i];
    out[i] = x < 1 ? x : 1;
  }
  return out;
}

/** Multiplies the androgen effects f^x_i into the hooks (in place; call after resetting them to 1). */
export function applyAgaMultipliers(effects: MouseAgaEffects, exposure: Float64Array, hooks: MouseHooks): void {
  const lAct = Math.log(effects.activationFactor);
  const lRefr = Math.log(effects.refractoryFactor);
  const lProp = Math.log(effects.propagationFactor);
  const lAna = Math.log(effects.anagenDurationFactor);
  const lGrow = Math.log(effects.growthRateFactor);
  const lKeep = Math.log(effects.sizeRetentionPerCycle);
  for (let i = 0; i < exposure.length; i++) {
    const x = exposure[i];
    if (x <= 0) continue;
    hooks.activationRateFactor[i] *= Math.exp(lAct * x);
    hooks.refractoryFactor[i] *= Math.exp(lRefr * x);
    hooks.propagationFactor[i] *= Math.exp(lProp * x);
    hooks.anagenDurationFactor[i] *= Math.exp(lAna * x);
    hooks.growthRateFactor[i] *= Math.exp(lGrow * x);
    hooks.sizeRetentionFactor[i] *= Math.exp(lKeep * x);
  }
}
