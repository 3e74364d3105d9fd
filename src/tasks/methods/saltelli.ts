import type { RandomStream } from '../../core/random/stream.ts';
import { randomDesign } from './designs.ts';
import { SOBOL_MAX_DIMENSION, sobolPoints } from './sobolSequence.ts';

/**
 * Variance-based (Sobol) sensitivity indices by the Saltelli (2010) radial design: two independent base
 * matrices A and B (N × d) and the d matrices A_B^i (A with column i taken from B), N(d + 2) runs in all.
 * First-order and total indices use Jansen's (1999) estimators (Saltelli et al. 2010, Table 2, (f) and (b)):
 *   V·S_i  = V − ½ mean[(f(B) − f(A_B^i))²],   V·ST_i = ½ mean[(f(A) − f(A_B^i))²],
 * with V the variance of all f(A) and f(B). Confidence intervals: percentile bootstrap over the N rows
 * (Archer, Saltelli & Sobol 1997), which also gives a standard error for the tolerance tests.
 */

/**
 * The design: rows grouped per base row j as [A_j, A_B^1_j … A_B^d_j, B_j], row-major N(d+2) × dims. `d` is
 * the number of factors, each a group of columns (one column each unless grouped): A_B^g takes all of
 * group g's columns from B, and the indices are those of the group as a whole (Saltelli et al. 2008, §1.2.15).
 */
export interface SaltelliDesign {
  d: number;
  n: number;
  /** Columns per row (= d without groups). */
  dims: number;
  points: Float64Array;
}

/**
 * Builds the radial design from a 2·dims-dimensional scrambled Sobol base (random base when that exceeds the
 * table). `groups` (disjoint column lists covering 0 … dims − 1) makes each group one factor.
 */
export function saltelliDesign(d: number, n: number, rng: RandomStream, base: 'sobol' | 'random' = 'sobol', groups?: readonly (readonly number[])[]): SaltelliDesign {
  const dims = d;
  const factors = groups ?? Array.from({ length: dims }, (_, i) => [i]);
  const owner = new Int32Array(dims).fill(-1);
  factors.forEach((g, f) => g.forEach((c) => {
    if (!(c >= 0 && c < dims) || owner[c] >= 0) throw new RangeError(`Saltelli groups must be disjoint columns of 0…${dims - 1} (column ${c})`);
    owner[c] = f;
  }));
  if (owner.some((f) => f < 0)) throw new RangeError('Saltelli groups must cover every column');
  const useSobol = base === 'sobol' && 2 * dims <= SOBOL_MAX_DIMENSION;
  const ab = useSobol ? sobolPoints(n, 2 * dims, rng) : randomDesign(n, 2 * dims, rng);
  const k = factors.length;
  const rows = k + 2;
  const points = new Float64Array(n * rows * dims);
  for (let j = 0; j < n; j++) {
    const a = j * 2 * dims;
    const b = a + dims;
    const o = j * rows * dims;
    for (let m = 0; m < rows; m++) {
      for (let i = 0; i < dims; i++) {
        const fromB = m === rows - 1 || m - 1 === owner[i];
        points[o + m * dims + i] = ab[(fromB ? b : a) + i];
      }
    }
  }
  return { d: k, n, dims, points };
}

/** Row indices of the base matrices A and B in the design (2N independent points of the parameter space). */
export function saltelliBaseRows(design: SaltelliDesign): number[] {
  const w = design.d + 2;
  return Array.from({ length: design.n }, (_, j) => [j * w, j * w + w - 1]).flat();
}

/** Indices per factor with bootstrap intervals and standard errors. */
export interface SobolIndices {
  S1: Float64Array;
  ST: Float64Array;
  S1Low: Float64Array;
  S1High: Float64Array;
  STLow: Float64Array;
  STHigh: Float64Array;
  S1Se: Float64Array;
  STSe: Float64Array;
  /** Output variance V. */
  variance: number;
}

function jansen(y: ArrayLike<number>, d: number, rows: Int32Array, s1: Float64Array, st: Float64Array): number {
  const n = rows.length;
  const w = d + 2;
  let mean = 0;
  for (const j of rows) mean += y[j * w] + y[j * w + w - 1];
  mean /= 2 * n;
  let v = 0;
  for (const j of rows) v += (y[j * w] - mean) ** 2 + (y[j * w + w - 1] - mean) ** 2;
  v /= 2 * n - 1;
  for (let i = 0; i < d; i++) {
    let a = 0;
    let b = 0;
    for (const j of rows) {
      const fa = y[j * w];
      const fb = y[j * w + w - 1];
      const fab = y[j * w + 1 + i];
      a += (fb - fab) ** 2;
      b += (fa - fab) ** 2;
    }
    s1[i] = (v - a / (2 * n)) / v;
    st[i] = b / (2 * n) / v;
  }
  return v;
}

function percentile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Jansen S1/ST from outputs in design order, with `resamples` bootstrap replicates at the given confidence. */
export function sobolIndices(design: SaltelliDesign, y: ArrayLike<number>, rng: RandomStream, resamples = 500, confidence = 0.95): SobolIndices {
  const { d, n } = design;
  const all = new Int32Array(n);
  for (let j = 0; j < n; j++) all[j] = j;
  const S1 = new Float64Array(d);
  const ST = new Float64Array(d);
  const variance = jansen(y, d, all, S1, ST);
  const bs1 = new Float64Array(resamples * d);
  const bst = new Float64Array(resamples * d);
  const rows = new Int32Array(n);
  const s1 = new Float64Array(d);
  const st = new Float64Array(d);
  for (let b = 0; b < resamples; b++) {
    for (let j = 0; j < n; j++) rows[j] = rng.int(n);
    jansen(y, d, rows, s1, st);
    for (let i = 0; i < d; i++) {
      bs1[i * resamples + b] = s1[i];
      bst[i * resamples + b] = st[i];
    }
  }
  const out: SobolIndices = {
    S1, ST, variance,
    S1Low: new Float64Array(d), S1High: new Float64Array(d), STLow: new Float64Array(d), STHigh: new Float64Array(d),
    S1Se: new Float64Array(d), STSe: new Float64Array(d),
  };
  const tail = (1 - confidence) / 2;
  for (let i = 0; i < d; i++) {
    for (const [src, low, high, se] of [[bs1, out.S1Low, out.S1High, out.S1Se], [bst, out.STLow, out.STHigh, out.STSe]] as const) {
      const s = src.slice(i * resamples, (i + 1) * resamples).sort();
      low[i] = percentile(s, tail);
      high[i] = percentile(s, 1 - tail);
      let m = 0;
      for (const x of s) m += x;
      m /= resamples;
      let ss = 0;
      for (const x of s) ss += (x - m) ** 2;
      se[i] = Math.sqrt(ss / Math.max(1, resamples - 1));
    }
  }
  return out;
}
