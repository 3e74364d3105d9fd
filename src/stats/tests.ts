/**
 * Hypothesis tests and effect sizes for comparing the arms of a virtual study or trial.
 *
 * Conventions (all functions):
 * - Samples are `ArrayLike<number>`; NaN entries are missing values and are skipped (see descriptive.ts).
 * - Differences and effects are "A minus B" (first argument minus second).
 * - p-values are two-sided unless the field name says otherwise, and lie in [0, 1].
 * - Degenerate inputs never throw: a statistic that is undefined (no variance, too few values) is NaN, and so
 *   is its p-value. Each function documents its degenerate cases.
 */
import { ascending, count, mean as sampleMean, sumSquares } from './descriptive.ts';
import {
  chiSquaredSf,
  fSf,
  logGamma,
  standardNormalCdf,
  standardNormalSf,
  studentTQuantile,
  studentTTwoSidedP,
} from './special.ts';


interface GroupMoments {
  n: number;
  mean: number;
  /** Sum of squared deviations from the mean. */
  ss: number;
}

function moments(xs: ArrayLike<number>): GroupMoments {
  return sumSquares(xs);
}

// ---------------------------------------------------------------------------------------------- t-tests

/** Options of the two-sample t-tests. */
export interface TTestOptions {
  /** Confidence level of the interval for the mean difference (default 0.95). */
  level?: number;
}

/** Result of a two-sample t-test; the difference is mean(A) − mean(B). */
export interface TTestResult {
  test: 'welch' | 'student';
  t: number;
  df: number;
  /** Two-sided p-value. */
  p: number;
  nA: number;
  nB: number;
  meanA: number;
  meanB: number;
  meanDifference: number;
  /** Standard error of the mean difference. */
  se: number;
  level: number;
  ciLower: number;
  ciUpper: number;
}

function tResult(
  test: 'welch' | 'student',
  a: GroupMoments,
  b: GroupMoments,
  se: number,
  df: number,
  level: number,
): TTestResult {
  const diff = a.mean - b.mean;
  const ok = se > 0 && df > 0 && Number.isFinite(se);
  const t = ok ? diff / se : Number.NaN;
  const half = ok && level > 0 && level < 1 ? studentTQuantile(0.5 + level / 2, df) * se : Number.NaN;
  return {
    test,
    t,
    df: ok ? df : Number.NaN,
    p: ok ? studentTTwoSidedP(t, df) : Number.NaN,
    nA: a.n,
    nB: b.n,
    meanA: a.mean,
    meanB: b.mean,
    meanDifference: diff,
    se: ok ? se : Number.NaN,
    level,
    ciLower: diff - half,
    ciUpper: diff + half,
  };
}

/**
 * Welch's unequal-variance two-sample t-test with Welch–Satterthwaite df, two-sided p and a CI of the mean
 * difference. Degenerate: t, df, p, se and CI are NaN when either arm has n < 2 or both arms have zero variance.
 */
export function welchTTest(a: ArrayLike<number>, b: ArrayLike<number>, options: TTestOptions = {}): TTestResult {
  const level = options.level ?? 0.95;
  const ma = moments(a);
  const mb = moments(b);
  if (ma.n < 2 || mb.n < 2) return tResult('welch', ma, mb, Number.NaN, Number.NaN, level);
  const va = ma.ss / (ma.n - 1) / ma.n;
  const vb = mb.ss / (mb.n - 1) / mb.n;
  const v = va + vb;
  const df = (v * v) / ((va * va) / (ma.n - 1) + (vb * vb) / (mb.n - 1));
  return tResult('welch', ma, mb, Math.sqrt(v), df, level);
}

/**
 * Student's two-sample t-test with pooled variance (df = nA + nB − 2), two-sided p and a CI of the mean
 * difference. Degenerate: NaN when nA + nB < 3, either arm is empty, or the pooled variance is zero
 * (an arm with n = 1 is allowed when the other has n ≥ 2).
 */
export function studentTTest(a: ArrayLike<number>, b: ArrayLike<number>, options: TTestOptions = {}): TTestResult {
  const level = options.level ?? 0.95;
  const ma = moments(a);
  const mb = moments(b);
  const df = ma.n + mb.n - 2;
  if (ma.n < 1 || mb.n < 1 || df < 1) return tResult('student', ma, mb, Number.NaN, Number.NaN, level);
  const pooled = (ma.ss + mb.ss) / df;
  return tResult('student', ma, mb, Math.sqrt(pooled * (1 / ma.n + 1 / mb.n)), df, level);
}

// ---------------------------------------------------------------------------------------------- effect sizes

/** Pooled standard deviation √(((nA−1)s²A + (nB−1)s²B) / (nA + nB − 2)); NaN when nA + nB < 3. */
export function pooledSd(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ma = moments(a);
  const mb = moments(b);
  const df = ma.n + mb.n - 2;
  if (ma.n < 1 || mb.n < 1 || df < 1) return Number.NaN;
  return Math.sqrt((ma.ss + mb.ss) / df);
}

/** Cohen's d = (mean A − mean B) / pooled SD; NaN when the pooled SD is zero or undefined. */
export function cohensD(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const s = pooledSd(a, b);
  if (!(s > 0)) return Number.NaN;
  return (sampleMean(a) - sampleMean(b)) / s;
}

/**
 * Hedges' g = J(ν) · d with the exact small-sample correction J(ν) = Γ(ν/2) / (√(ν/2) Γ((ν−1)/2)),
 * ν = nA + nB − 2 (Hedges 1981); NaN when d is, or when ν < 2.
 */
export function hedgesG(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const nu = count(a) + count(b) - 2;
  if (!(nu >= 2)) return Number.NaN;
  const j = Math.exp(logGamma(nu / 2) - 0.5 * Math.log(nu / 2) - logGamma((nu - 1) / 2));
  return j * cohensD(a, b);
}

// ---------------------------------------------------------------------------------------------- Mann–Whitney

/** Options of the Mann–Whitney U test. */
export interface MannWhitneyOptions {
  /**
   * `exact`: exact null distribution (only without ties and for nA·nB ≤ 10⁴, as its cost grows like (nA·nB)²;
   * otherwise it falls back to `normal`, and the result's `method` says so);
   * `normal`: normal approximation with tie correction; `auto` (default): exact when there are no ties and
   * both arms have fewer than 50 values (R's rule), otherwise normal.
   */
  method?: 'auto' | 'exact' | 'normal';
  /** Continuity correction of ½ in the normal approximation (default true, as R and SciPy). */
  continuity?: boolean;
}

/** Result of the Mann–Whitney U (Wilcoxon rank-sum) test. */
export interface MannWhitneyResult {
  /** U of arm A: #pairs with a > b plus ½ #ties (R's W, SciPy's U1). */
  u: number;
  /** U of arm B, nA·nB − u. */
  uB: number;
  nA: number;
  nB: number;
  /**
   * Signed normal-approximation z of u (tie-corrected; continuity-corrected when enabled), reported for every
   * method; 0 when all values are tied.
   */
  z: number;
  /** Two-sided p-value from `method`. */
  p: number;
  method: 'exact' | 'normal';
  /** Whether the pooled sample contains ties. */
  ties: boolean;
  /** u / (nA·nB): P(A > B) + ½ P(A = B), the common-language effect size. */
  probabilityOfSuperiority: number;
}

/** Largest nA·nB for which an explicitly requested exact Mann–Whitney p is computed (≈ 2.5e7 operations). */
const EXACT_MAX_PRODUCT = 10_000;

/**
 * Exact null distribution of U for arms of sizes m and n without ties: P(U = u), u = 0…mn, by the recursion
 * p_{i,j}(u) = i/(i+j) · p_{i−1,j}(u − j) + j/(i+j) · p_{i,j−1}(u) on the counts (all terms positive).
 */
export function mannWhitneyExactDistribution(m: number, n: number): Float64Array {
  // row[j] holds p_{i,j} for the current i.
  let row: Float64Array[] = [];
  for (let j = 0; j <= n; j++) row.push(Float64Array.of(1)); // i = 0: U = 0 surely
  for (let i = 1; i <= m; i++) {
    const next: Float64Array[] = [Float64Array.of(1)]; // j = 0: U = 0 surely
    for (let j = 1; j <= n; j++) {
      const cur = new Float64Array(i * j + 1);
      const up = row[j]; // p_{i−1,j}, length (i−1)j + 1: largest value is from A, beating all j of B
      const left = next[j - 1]; // p_{i,j−1}, length i(j−1) + 1: largest value is from B
      const wa = i / (i + j);
      const wb = j / (i + j);
      for (let u = 0; u < up.length; u++) cur[u + j] += wa * up[u];
      for (let u = 0; u < left.length; u++) cur[u] += wb * left[u];
      next.push(cur);
    }
    row = next;
  }
  return row[n];
}

/**
 * Mann–Whitney U test (Wilcoxon rank-sum), two-sided. Exact p from the count recursion for small samples
 * without ties, else the normal approximation with tie and continuity corrections. Degenerate: NaN when an arm
 * is empty; p = 1 and z = 0 when every value is tied.
 */
export function mannWhitneyU(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  const continuity = options.continuity ?? true;
  const method = options.method ?? 'auto';
  const values: number[] = [];
  const fromA: boolean[] = [];
  for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i])) values.push(a[i]);
  const nA = values.length;
  for (let i = 0; i < b.length; i++) if (!Number.isNaN(b[i])) values.push(b[i]);
  const N = values.length;
  const nB = N - nA;
  for (let i = 0; i < N; i++) fromA.push(i < nA);
  if (nA === 0 || nB === 0) {
    return { u: Number.NaN, uB: Number.NaN, nA, nB, z: Number.NaN, p: Number.NaN, method: 'normal', ties: false, probabilityOfSuperiority: Number.NaN };
  }
  // Mid-ranks and the tie term Σ(t³ − t).
  const order = Array.from({ length: N }, (_, i) => i).sort((i, j) => ascending(values[i], values[j]));
  let rankSumA = 0;
  let tieTerm = 0;
  for (let s = 0; s < N; ) {
    let e = s + 1;
    while (e < N && values[order[e]] === values[order[s]]) e++;
    const midRank = (s + 1 + e) / 2;
    for (let k = s; k < e; k++) if (fromA[order[k]]) rankSumA += midRank;
    const t = e - s;
    tieTerm += t * t * t - t;
    s = e;
  }
  const ties = tieTerm > 0;
  const mn = nA * nB;
  const u = rankSumA - (nA * (nA + 1)) / 2;
  const diff = u - mn / 2;
  const sigma2 = (mn / 12) * (N + 1 - tieTerm / (N * (N - 1)));
  let z: number;
  if (sigma2 > 0) {
    const corr = continuity ? Math.sign(diff) * 0.5 : 0;
    z = (diff - corr) / Math.sqrt(sigma2);
  } else {
    z = 0; // every value tied: u = mn/2 exactly
  }
  const useExact = !ties && ((method === 'exact' && mn <= EXACT_MAX_PRODUCT) || (method === 'auto' && nA < 50 && nB < 50));
  let p: number;
  if (useExact) {
    const dist = mannWhitneyExactDistribution(nA, nB);
    const k = Math.round(u);
    let lower = 0;
    for (let i = 0; i <= k; i++) lower += dist[i];
    let upper = 0;
    for (let i = k; i < dist.length; i++) upper += dist[i];
    p = Math.min(1, 2 * Math.min(lower, upper));
  } else {
    p = Math.min(1, 2 * Math.min(standardNormalCdf(z), standardNormalSf(z)));
  }
  return { u, uB: mn - u, nA, nB, z, p, method: useExact ? 'exact' : 'normal', ties, probabilityOfSuperiority: u / mn };
}

// ---------------------------------------------------------------------------------------------- ANOVA

/** Result of a one-way analysis of variance. */
export interface AnovaResult {
  f: number;
  dfBetween: number;
  dfWithin: number;
  p: number;
  ssBetween: number;
  ssWithin: number;
  msBetween: number;
  msWithin: number;
  /** Number of non-empty groups used. */
  k: number;
  /** Total number of non-NaN values. */
  n: number;
  grandMean: number;
}

/**
 * One-way ANOVA F-test of equal group means (k groups, F on k − 1 and n − k df). Groups that are empty after
 * dropping NaN are ignored. Degenerate: F and p are NaN when k < 2, n − k < 1 or the within-group variance is 0.
 */
export function oneWayAnova(groups: readonly ArrayLike<number>[]): AnovaResult {
  const ms = groups.map(moments).filter((g) => g.n > 0);
  const k = ms.length;
  let n = 0;
  let total = 0;
  let ssWithin = 0;
  for (const g of ms) {
    n += g.n;
    total += g.mean * g.n;
    ssWithin += g.ss;
  }
  const grandMean = n > 0 ? total / n : Number.NaN;
  let ssBetween = 0;
  for (const g of ms) ssBetween += g.n * (g.mean - grandMean) * (g.mean - grandMean);
  const dfBetween = k - 1;
  const dfWithin = n - k;
  const msBetween = dfBetween >= 1 ? ssBetween / dfBetween : Number.NaN;
  const msWithin = dfWithin >= 1 ? ssWithin / dfWithin : Number.NaN;
  const ok = dfBetween >= 1 && dfWithin >= 1 && msWithin > 0;
  const f = ok ? msBetween / msWithin : Number.NaN;
  return { f, dfBetween, dfWithin, p: ok ? fSf(f, dfBetween, dfWithin) : Number.NaN, ssBetween, ssWithin, msBetween, msWithin, k, n, grandMean };
}

// ---------------------------------------------------------------------------------------------- multiplicity

/**
 * Holm–Bonferroni step-down adjusted p-values, in the input order: p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1) p₍ⱼ₎).
 * NaN entries stay NaN and do not count towards m (R's p.adjust with n = number of non-NaN p-values).
 */
export function holmAdjust(ps: ArrayLike<number>): number[] {
  const out: number[] = new Array<number>(ps.length).fill(Number.NaN);
  const idx: number[] = [];
  for (let i = 0; i < ps.length; i++) if (!Number.isNaN(ps[i])) idx.push(i);
  idx.sort((i, j) => ascending(ps[i], ps[j]));
  const m = idx.length;
  let running = 0;
  for (let r = 0; r < m; r++) {
    running = Math.max(running, Math.min(1, (m - r) * ps[idx[r]]));
    out[idx[r]] = running;
  }
  return out;
}
