import { lognormalParams } from '../../core/random/samplers.ts';
import { standardNormalQuantile } from '../../stats/special.ts';
import type { ParameterSpec } from './spec.ts';

/**
 * Maps unit-cube coordinates onto parameter values: ranges linearly or logarithmically, distributions by
 * their quantile function (so LHS strata and Sobol nets carry over to any distribution).
 */

// keeps infinite-support quantiles finite at u = 0 (the first point of an unscrambled net)
const clampU = (u: number): number => Math.min(1 - 1e-12, Math.max(1e-12, u));

// exp(log(lo)) can round below lo (and exp(log(hi)) above hi), which a range check then refuses
const logUniform = (lo: number, hi: number, u: number): number => Math.min(hi, Math.max(lo, Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo)))));

/** True when the parameter has finite bounds (required by grids of ranges, Morris and optimisers). */
export function hasBounds(p: ParameterSpec): boolean {
  return p.distribution === undefined || p.distribution.type === 'uniform' || p.distribution.type === 'loguniform';
}

/** The value at unit coordinate u ∈ [0, 1]. */
export function fromUnit(p: ParameterSpec, u: number): number {
  const v = rawFromUnit(p, u);
  return p.integer ? Math.round(v) : v;
}

function rawFromUnit(p: ParameterSpec, u: number): number {
  const d = p.distribution;
  if (!d) {
    const lo = p.min as number;
    const hi = p.max as number;
    return p.scale === 'log' ? logUniform(lo, hi, u) : lo + u * (hi - lo);
  }
  switch (d.type) {
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'loguniform':
      return logUniform(d.min, d.max, u);
    case 'normal':
      return d.mean + d.sd * standardNormalQuantile(clampU(u));
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d.mean, d.sd);
      return Math.exp(mu + sigma * standardNormalQuantile(clampU(u)));
    }
  }
}

/** The unit coordinate of a value (inverse of fromUnit for bounded parameters). */
export function toUnit(p: ParameterSpec, value: number): number {
  const d = p.distribution;
  const [lo, hi, log] = d && (d.type === 'uniform' || d.type === 'loguniform') ? [d.min, d.max, d.type === 'loguniform'] : [p.min as number, p.max as number, p.scale === 'log'];
  const u = log ? (Math.log(value) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (value - lo) / (hi - lo);
  return Math.min(1, Math.max(0, u));
}

/** Extreme values a design may produce (bounds, or the 0.1 % and 99.9 % quantiles), to check them up front. */
export function probeValues(p: ParameterSpec): number[] {
  return hasBounds(p) ? [fromUnit(p, 0), fromUnit(p, 1)] : [fromUnit(p, 0.001), fromUnit(p, 0.999)];
}
