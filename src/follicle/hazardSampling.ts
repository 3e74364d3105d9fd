import { erfc } from '../core/random/specialFunctions.ts';
import { standardNormalQuantile } from '../stats/special.ts';
import { clampToBounds } from './behaviour.ts';
import { stepIndex, type StepFunction } from './schedule.ts';

/**
 * Exit of a resting phase whose exit hazard is multiplied by a piecewise-constant factor k(t) (proportional
 * hazards): h(a, t) = k(t) · h₀(a), with h₀ the hazard of the phase's lognormal(μ, σ) duration at phase age
 * a. The survival from age a₀ at time t₀ is exp(−∫ k(t₀ + s) h₀(a₀ + s) ds), and with k constant on each
 * piece the integral is Σ k_j [H₀(a_{j+1}) − H₀(a_j)], H₀(a) = −ln(1 − Φ((ln a − μ)/σ)). Sampling is by
 * inversion with the baseline draw the automaton already makes: the duration D the phase would have without
 * a factor fixes the target E = H₀(D) − H₀(a₀) (an Exp(1) variate, the same random number), and the exit is
 * where the k-weighted cumulative hazard reaches E, found piece by piece and inverted in closed form.
 * So a schedule changes no random-number consumption, and k ≡ 1 returns D itself (bitwise).
 * For a constant k the survival is S₀(a)^k: for an exponential baseline that is the rate scaled by k.
 */

const EMPTY = new Float64Array(0);
const ONE = Float64Array.of(1);

/**
 * Baseline cumulative hazard H₀(a) of lognormal(μ, σ) at age aS (s). The survival uses the Chebyshev erfc
 * (relative error < 1.2e-7 in both tails): three times faster than the incomplete-gamma one, and the error
 * moves an exit time by ~1e-7 of itself, far below any statistical resolution.
 */
function cumHazard(mu: number, sigma: number, aS: number): number {
  if (aS <= 0) return 0;
  if (aS === Infinity) return Infinity;
  return -Math.log(0.5 * erfc((Math.log(aS) - mu) / (sigma * Math.SQRT2)));
}

/** Age (s) at which the baseline cumulative hazard reaches h. */
function inverseCumHazard(mu: number, sigma: number, h: number): number {
  if (h <= 0) return 0;
  const w = -standardNormalQuantile(Math.exp(-h));
  return w === Infinity ? Infinity : Math.exp(mu + sigma * w);
}

/**
 * Remaining time (s) of a resting phase observed at time tS (s, the schedule's clock) at phase age ageS (s),
 * whose remaining baseline time drawn without any factor is remainingS; the exit hazard is multiplied by
 * scale × f(t), clamped to the activation bounds (f undefined = 1). Infinity when the factor is 0 for ever.
 * σ = 0 (a fixed duration has no hazard): the remaining time instead runs at rate k (documented fallback).
 */
export function restingRemainingS(
  mu: number,
  sigma: number,
  ageS: number,
  remainingS: number,
  tS: number,
  f: StepFunction | undefined,
  scale: number,
): number {
  // No closures here: this runs once per resting phase, and dev loaders wrap every closure they create.
  const breaks = f ? f.breaksS : EMPTY;
  const values = f ? f.values : ONE;
  let i = f ? stepIndex(f, tS) : 0;
  let k = clampToBounds('activation', scale * values[i]);
  let b = i < breaks.length ? breaks[i] : Infinity;
  // No factor over the whole baseline remainder: the baseline draw stands, bit for bit.
  if (k === 1 && tS + remainingS <= b) return remainingS;

  if (sigma === 0) {
    let left = remainingS; // baseline time still to run
    let t = tS;
    for (;;) {
      if (k > 0 && t + left / k <= b) return t + left / k - tS;
      if (b === Infinity) return Infinity;
      left -= k * (b - t);
      t = b;
      i++;
      k = clampToBounds('activation', scale * values[i]);
      b = i < breaks.length ? breaks[i] : Infinity;
    }
  }

  let hA = cumHazard(mu, sigma, ageS);
  let need = cumHazard(mu, sigma, ageS + remainingS) - hA; // the Exp(1) target
  for (;;) {
    const hB = cumHazard(mu, sigma, b === Infinity ? Infinity : ageS + (b - tS));
    if (k > 0) {
      const target = hA + need / k;
      if (target <= hB) return Math.max(0, inverseCumHazard(mu, sigma, target) - ageS);
      need -= k * (hB - hA);
    }
    if (b === Infinity) return Infinity;
    hA = hB;
    i++;
    k = clampToBounds('activation', scale * values[i]);
    b = i < breaks.length ? breaks[i] : Infinity;
  }
}
