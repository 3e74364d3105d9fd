import { regularizedBeta } from './special.ts';

/** Exact (Clopper–Pearson 1934) interval of a binomial proportion. */
export interface BinomialInterval {
  successes: number;
  n: number;
  estimate: number;
  low: number;
  high: number;
  level: number;
}

// the regularized incomplete beta is monotone in x, so bisection to machine precision is safe and simple
function betaQuantile(p: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (regularizedBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Clopper–Pearson interval: low = Beta⁻¹(α/2; x, n − x + 1) (0 when x = 0), high = Beta⁻¹(1 − α/2; x + 1, n − x)
 * (1 when x = n). Exact coverage ≥ level for every true proportion; chosen over the Wald interval because
 * an ordering probability near 0 or 1 from a few dozen samples is exactly where Wald collapses to a point.
 */
export function clopperPearson(successes: number, n: number, level = 0.95): BinomialInterval {
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(successes) && successes >= 0 && successes <= n)) {
    throw new RangeError(`clopperPearson needs integers 0 <= successes <= n, n >= 1 (got ${successes} of ${n})`);
  }
  const alpha = 1 - level;
  return {
    successes,
    n,
    estimate: successes / n,
    low: successes === 0 ? 0 : betaQuantile(alpha / 2, successes, n - successes + 1),
    high: successes === n ? 1 : betaQuantile(1 - alpha / 2, successes + 1, n - successes),
    level,
  };
}
