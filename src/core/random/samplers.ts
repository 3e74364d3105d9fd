import type { RandomSource } from './stream.ts';
import { logGamma } from './specialFunctions.ts';
import { pow } from '../pow.ts';

/**
 * Samplers for the distributions the models need. All draw from a RandomStream in a fixed order,
 * which is what keeps replicates reproducible across versions.
 */

/** Normal(mean, sd). */
export function sampleNormal(rng: RandomSource, mean: number, sd: number): number {
  return mean + sd * rng.normal();
}

/** Log-space parameters (mu, sigma) of a lognormal with the given arithmetic mean and SD (both > 0). */
export function lognormalParams(mean: number, sd: number): { mu: number; sigma: number } {
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** Lognormal with log-space parameters mu, sigma. */
export function sampleLognormal(rng: RandomSource, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * rng.normal());
}

/** Exponential with the given mean. */
export function sampleExponential(rng: RandomSource, mean: number): number {
  return -mean * Math.log(rng.uniformOpen());
}

/** Gamma(shape k > 0, scale θ > 0) by Marsaglia & Tsang (2000), with the u^(1/k) boost for k < 1. */
export function sampleGamma(rng: RandomSource, shape: number, scale: number): number {
  if (shape < 1) {
    const g = sampleGamma(rng, shape + 1, 1);
    return scale * g * pow(rng.uniformOpen(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x = 0;
    let v = 0;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniformOpen();
    if (u < 1 - 0.0331 * x * x * x * x) return scale * d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return scale * d * v;
  }
}

/** Beta(a, b) as X/(X+Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function sampleBeta(rng: RandomSource, a: number, b: number): number {
  const x = sampleGamma(rng, a, 1);
  const y = sampleGamma(rng, b, 1);
  return x / (x + y);
}

/** Beta shape parameters (a, b) for a given mean in (0,1) and SD (requires sd² < mean(1−mean)). */
export function betaParams(mean: number, sd: number): { a: number; b: number } {
  const v = sd * sd;
  const common = (mean * (1 - mean)) / v - 1;
  if (!(common > 0)) throw new RangeError(`beta SD ${sd} too large for mean ${mean}`);
  return { a: mean * common, b: (1 - mean) * common };
}

/** Poisson(λ ≥ 0): multiplication method for λ < 10, PTRS (Hörmann 1993) above. */
export function samplePoisson(rng: RandomSource, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda < 10) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = rng.uniform();
    while (p > limit) {
      k++;
      p *= rng.uniform();
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logGamma(k + 1)) {
      return k;
    }
  }
}

const STIRLING_TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
  0.0138761288230707, 0.0118967099458917, 0.010411265261972, 0.00925546218271273, 0.00833056343336287,
];

function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[k];
  const kp1sq = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

/** Binomial(n, p): inversion when n·min(p,1−p) < 10, BTRS (Hörmann 1993) otherwise. */
export function sampleBinomial(rng: RandomSource, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - sampleBinomial(rng, n, 1 - p);
  if (n * p < 10) {
    // Inversion by sequential search: expected cost O(np).
    const q = 1 - p;
    const s = p / q;
    let f = pow(q, n);
    let u = rng.uniform();
    let k = 0;
    while (u > f && k < n) {
      u -= f;
      f *= (s * (n - k)) / (k + 1);
      k++;
    }
    return k;
  }
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / (1 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);
  for (;;) {
    const u = rng.uniform() - 0.5;
    let v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) +
      stirlingTail(m) +
      stirlingTail(n - m) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
}
