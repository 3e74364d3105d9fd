/**
 * Special functions and distribution functions for hypothesis tests (platform-neutral, no dependencies).
 *
 * Accuracy (checked against 50-digit mpmath, see test/stats): median ~1e-15 and worst ~1e-12 relative for the
 * incomplete beta and gamma functions with parameters 0.5 … 1e4 (t tails with df up to 1e7), so p-values down
 * to ~1e-300 keep their relative precision; parameters below 0.01 lose a few more digits. Survival
 * functions (`…Sf`) are computed directly, never as `1 - cdf`, so small upper-tail probabilities stay accurate.
 * Invalid arguments (NaN, negative degrees of freedom, probabilities outside [0, 1]) give NaN; nothing throws.
 */
import { logGamma } from '../core/random/specialFunctions.ts';

export { logGamma };

const EPS = 2.3e-16; // just above one ulp of 1: |δ − 1| below it means the fraction has converged
const FPMIN = 1e-300;
const MAX_ITER = 100_000;
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Stirling-series remainder δ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], for x ≥ 10 (error < 1e-16). */
function stirlingRemainder(x: number): number {
  const x2 = x * x;
  return (1 / x) * (1 / 12 - (1 / x2) * (1 / 360 - (1 / x2) * (1 / 1260 - (1 / x2) * (1 / 1680 - 1 / (1188 * x2)))));
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), without cancellation when a or b is large. */
export function logBeta(a: number, b: number): number {
  if (!(a > 0 && b > 0)) return Number.NaN;
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    // Both large: Stirling for all three terms, logs combined so that nothing large cancels.
    const s = p + q;
    return (
      LN_SQRT_2PI - 0.5 * Math.log(q) + (p - 0.5) * Math.log(p / s) + q * Math.log1p(-p / s) +
      stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(s)
    );
  }
  if (q >= 10) {
    // ln Γ(q) − ln Γ(q + p) by Stirling, ln Γ(p) directly.
    const s = p + q;
    const diff = -(q - 0.5) * Math.log1p(p / q) - p * Math.log(s) + p + stirlingRemainder(q) - stirlingRemainder(s);
    return logGamma(p) + diff;
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

/**
 * Continued fraction for I_x(a, b) = x^a y^b / B(a, b) · r, y = 1 − x, in the contracted form with
 * λ = a − (a+b)x ≥ 0 of DiDonato & Morris (ACM TOMS 708, 1992, BFRAC). Writing the recurrence in λ and y
 * avoids the cancellation that the textbook (Numerical Recipes) form suffers near the mean when a is large —
 * e.g. the Student t tail at large df. Returns r; converges fast for x ≤ a/(a+b).
 */
function betaContinuedFraction(x: number, y: number, a: number, b: number, lambda: number): number {
  const c = 1 + lambda;
  const c0 = b / a;
  const c1 = 1 + 1 / a;
  const yp1 = y + 1;
  let p = 1;
  let s = a + 1;
  let an = 0;
  let bn = 1;
  let anp1 = 1;
  let bnp1 = c / c1;
  let r = c1 / c;
  for (let n = 1; n <= MAX_ITER; n++) {
    const t = n / a;
    const w = n * (b - n) * x;
    let e = a / s;
    const alpha = p * (p + c0) * e * e * (w * x);
    e = (1 + t) / (c1 + t + t);
    const beta = n + w / s + e * (c + n * yp1);
    p = 1 + t;
    s += 2;
    const an2 = alpha * an + beta * anp1;
    const bn2 = alpha * bn + beta * bnp1;
    an = anp1;
    bn = bnp1;
    anp1 = an2;
    bnp1 = bn2;
    const r0 = r;
    r = anp1 / bnp1;
    if (Math.abs(r - r0) <= EPS * r) break;
    // rescale to keep the convergents in range
    an /= bnp1;
    bn /= bnp1;
    anp1 = r;
    bnp1 = 1;
  }
  return r;
}

/**
 * ln(x^a y^b / B(a, b)), y = 1 − x. When a, b ≥ 10 and x is near the mode x₀ = a/(a+b), Stirling's series gives
 * a·ln(1 + e/x₀) + b·ln(1 − e/y₀) + ½ ln(ab/(a+b)) − ln √2π − δ(a) − δ(b) + δ(a+b), e = x − x₀, whose first-order
 * terms cancel analytically instead of numerically.
 */
function logBetaFront(x: number, y: number, a: number, b: number): number {
  if (a >= 10 && b >= 10) {
    const s = a + b;
    const x0 = a / s;
    const y0 = b / s;
    const e = x - x0;
    if (Math.abs(e) < 0.5 * Math.min(x0, y0)) {
      return (
        a * Math.log1p(e / x0) + b * Math.log1p(-e / y0) + 0.5 * Math.log((a * b) / s) - LN_SQRT_2PI -
        stirlingRemainder(a) - stirlingRemainder(b) + stirlingRemainder(s)
      );
    }
  }
  const lnx = x > 0.5 ? Math.log1p(-y) : Math.log(x);
  const lny = y > 0.5 ? Math.log1p(-x) : Math.log(y);
  return a * lnx + b * lny - logBeta(a, b);
}

/**
 * Both tails of the regularized incomplete beta function, [I_x(a, b), 1 − I_x(a, b)], given x and y = 1 − x
 * separately so that callers who know 1 − x more precisely than x (e.g. t² / (ν + t²)) lose nothing.
 */
function betaTails(x: number, y: number, a: number, b: number): [number, number] {
  if (x <= 0) return [0, 1];
  if (y <= 0) return [1, 0];
  const front = Math.exp(logBetaFront(x, y, a, b));
  // λ = a − (a+b)x, formed from whichever of x, y avoids cancellation (TOMS 708).
  const lambda = a > b ? (a + b) * y - b : a - (a + b) * x;
  if (lambda >= 0) {
    const lower = front * betaContinuedFraction(x, y, a, b, lambda);
    return [lower, 1 - lower];
  }
  const upper = front * betaContinuedFraction(y, x, b, a, -lambda);
  return [1 - upper, upper];
}

/** Regularized incomplete beta function I_x(a, b) for 0 ≤ x ≤ 1, a, b > 0 (continued fraction, Lentz). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || !(x >= 0 && x <= 1)) return Number.NaN;
  return betaTails(x, 1 - x, a, b)[0];
}

/** Complement 1 − I_x(a, b) of the regularized incomplete beta function, computed without cancellation. */
export function regularizedBetaComplement(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || !(x >= 0 && x <= 1)) return Number.NaN;
  return betaTails(x, 1 - x, a, b)[1];
}

/**
 * ln(x^a e^{−x} / Γ(a)). For a ≥ 10, Stirling's series turns it into a·ln(1 + d/a) − d + ½ ln a − ln √2π − δ(a)
 * with d = x − a, which avoids the cancellation of the large terms a ln x, x and ln Γ(a).
 */
function logGammaFront(a: number, x: number): number {
  if (a < 10) return a * Math.log(x) - x - logGamma(a);
  const d = x - a;
  return a * Math.log1p(d / a) - d + 0.5 * Math.log(a) - LN_SQRT_2PI - stirlingRemainder(a);
}

/** Both tails [P(a, x), Q(a, x)] of the regularized incomplete gamma function (series or Lentz fraction). */
function gammaTails(a: number, x: number): [number, number] {
  if (x <= 0) return [0, 1];
  if (x === Number.POSITIVE_INFINITY) return [1, 0];
  const front = Math.exp(logGammaFront(a, x));
  if (x < a + 1) {
    // Series: P(a, x) = e^{-x} x^a / Γ(a) · Σ x^n / (a (a+1) … (a+n)).
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let n = 1; n <= MAX_ITER; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) break;
    }
    const lower = front * sum;
    return [lower, 1 - lower];
  }
  // Continued fraction for Q(a, x) (modified Lentz).
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  const upper = front * h;
  return [1 - upper, upper];
}

/** Regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), for a > 0, x ≥ 0. */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  return gammaTails(a, x)[0];
}

/** Regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x), computed without cancellation. */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  return gammaTails(a, x)[1];
}

/** Standard normal CDF Φ(x), accurate to ~1e-15 relative in both tails (via Q(½, x²/2)). */
export function standardNormalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const half = 0.5 * regularizedGammaQ(0.5, 0.5 * x * x);
  return x < 0 ? half : 1 - half;
}

/** Standard normal survival function 1 − Φ(x), accurate in the upper tail. */
export function standardNormalSf(x: number): number {
  return standardNormalCdf(-x);
}

/** Standard normal density φ(x). */
export function standardNormalPdf(x: number): number {
  return Math.exp(-0.5 * x * x - LN_SQRT_2PI);
}

// Wichura, Algorithm AS 241 (PPND16), Applied Statistics 37 (1988) 477–484: relative accuracy ~1e-16.
const AS241_A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const AS241_B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const AS241_C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const AS241_D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const AS241_E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const AS241_F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

function poly(c: readonly number[], x: number): number {
  let s = c[c.length - 1];
  for (let i = c.length - 2; i >= 0; i--) s = s * x + c[i];
  return s;
}

/** Standard normal quantile Φ⁻¹(p) (Wichura AS 241); ±Infinity at p = 0 or 1, NaN outside [0, 1]. */
export function standardNormalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(AS241_A, r)) / poly(AS241_B, r);
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = poly(AS241_C, r) / poly(AS241_D, r);
  } else {
    r -= 5;
    z = poly(AS241_E, r) / poly(AS241_F, r);
  }
  return q < 0 ? -z : z;
}

/** [x, y] = [ν/(ν+t²), t²/(ν+t²)] computed without overflow or cancellation. */
function tBetaArgs(t: number, df: number): [number, number] {
  if (t * t > df) {
    const r = df / t / t; // not df / t², which overflows for |t| > 1e154
    return [r / (1 + r), 1 / (1 + r)];
  }
  const t2 = t * t;
  return [df / (df + t2), t2 / (df + t2)];
}

/** Upper tail P(T > |t|) of Student's t with df > 0 degrees of freedom (df may be non-integer or Infinity). */
function tTail(t: number, df: number): number {
  const at = Math.abs(t);
  if (df === Number.POSITIVE_INFINITY) return standardNormalSf(at);
  if (at === Number.POSITIVE_INFINITY) return 0;
  const [x, y] = tBetaArgs(at, df);
  if (x < 1e-280) {
    // Far tail (only reachable for df ≲ 2): I_x(a, ½) = x^a / (a B(a, ½)) · (1 + O(x)), with ln x taken from
    // ln ν − 2 ln|t| because x itself would underflow.
    const a = df / 2;
    return 0.5 * Math.exp(a * (Math.log(df) - 2 * Math.log(at)) - Math.log(a) - logBeta(a, 0.5));
  }
  return 0.5 * betaTails(x, y, df / 2, 0.5)[0];
}

/** Student t CDF P(T ≤ t) with df > 0 degrees of freedom (non-integer allowed; Infinity gives the normal). */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  const tail = tTail(t, df);
  return t < 0 ? tail : 1 - tail;
}

/** Student t survival function P(T > t), accurate in the upper tail. */
export function studentTSf(t: number, df: number): number {
  return studentTCdf(-t, df);
}

/** Two-sided p-value P(|T| ≥ |t|) for Student's t with df degrees of freedom. */
export function studentTTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  return Math.min(1, 2 * tTail(t, df));
}

/** Student t density with df > 0 degrees of freedom. */
export function studentTPdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return standardNormalPdf(t);
  const at = Math.abs(t);
  // ln(1 + t²/ν), written so that t² cannot overflow
  const l = at * at > df ? 2 * Math.log(at) - Math.log(df) + Math.log1p(df / at / at) : Math.log1p((at * at) / df);
  return Math.exp(-logBeta(df / 2, 0.5) - 0.5 * Math.log(df) - ((df + 1) / 2) * l);
}

/**
 * Student t quantile: the t with P(T ≤ t) = p. Closed forms for df = 1 and 2; otherwise safeguarded Newton
 * iteration on the upper tail (bracketed, with bisection fallback), to ~1e-15 relative.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1) || !(df > 0)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  if (df === Number.POSITIVE_INFINITY) return standardNormalQuantile(p);
  const q = p < 0.5 ? p : 1 - p; // upper-tail probability of |t|; 1 − p is exact for p ≥ ½
  const sign = p < 0.5 ? -1 : 1;
  // Cauchy: t = cot(πq); 0.5 − q is exact for q ≥ ¼, which keeps precision near the median.
  if (df === 1) return sign * (q > 0.25 ? Math.tan(Math.PI * (0.5 - q)) : 1 / Math.tan(Math.PI * q));
  if (df === 2) return (sign * (1 - 2 * q)) / Math.sqrt(2 * q * (1 - q));
  // Solve tail(t) = q for t > 0; tail is decreasing and convex there.
  const z = -standardNormalQuantile(q);
  let guess = z * (1 + (z * z + 1) / (4 * df));
  if (!(guess > 0) || !Number.isFinite(guess)) guess = 1;
  let lo = 0;
  let hi = guess;
  while (tTail(hi, df) > q) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return sign * Number.POSITIVE_INFINITY;
  }
  let t = lo > 0 ? hi : guess;
  for (let i = 0; i < 300; i++) {
    const f = tTail(t, df) - q;
    if (f === 0) break;
    if (f > 0) lo = Math.max(lo, t);
    else hi = Math.min(hi, t);
    const slope = studentTPdf(t, df);
    let next = t + f / slope;
    if (!(next > lo && next < hi)) next = lo > 0 && hi / lo > 4 ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    if (Math.abs(next - t) <= 2e-15 * Math.abs(next)) {
      t = next;
      break;
    }
    t = next;
  }
  return sign * t;
}

/** F distribution CDF P(F ≤ x) with d1, d2 > 0 degrees of freedom. */
export function fCdf(x: number, d1: number, d2: number): number {
  if (Number.isNaN(x) || !(d1 > 0 && d2 > 0)) return Number.NaN;
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  const s = d1 * x + d2;
  return betaTails((d1 * x) / s, d2 / s, d1 / 2, d2 / 2)[0];
}

/** F distribution survival function P(F > x), accurate in the upper tail (the ANOVA p-value). */
export function fSf(x: number, d1: number, d2: number): number {
  if (Number.isNaN(x) || !(d1 > 0 && d2 > 0)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const s = d1 * x + d2;
  return betaTails((d1 * x) / s, d2 / s, d1 / 2, d2 / 2)[1];
}

/** χ² distribution CDF P(X ≤ x) with k > 0 degrees of freedom. */
export function chiSquaredCdf(x: number, k: number): number {
  if (Number.isNaN(x) || !(k > 0)) return Number.NaN;
  if (x <= 0) return 0;
  return gammaTails(k / 2, x / 2)[0];
}

/** χ² distribution survival function P(X > x), accurate in the upper tail. */
export function chiSquaredSf(x: number, k: number): number {
  if (Number.isNaN(x) || !(k > 0)) return Number.NaN;
  if (x <= 0) return 1;
  return gammaTails(k / 2, x / 2)[1];
}
