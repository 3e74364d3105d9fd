import { standardNormalCdf } from '../stats/special.ts';
import type { TransportGrid } from '../transport/grid.ts';

/**
 * One axis of the perifollicular kernel (perifollicularKernel.ts): exact per-cell weights of a 1-D Gaussian
 * with mirror images at no-flux faces, the distinct positions of folded follicles, and the z weights cached
 * per bulb depth.
 */

/** Gaussian tails beyond this many σ are dropped before renormalising (numerical; the tail mass is < 1e-4). */
const CUTOFF_SIGMAS = 4;

/** Weights of one axis on cells [start, start + len), written into a caller's array at `offset`. */
export interface AxisSpan {
  start: number;
  len: number;
}

/**
 * Cell weights of a 1-D Gaussian N(c, σ²) on cells [lo, hi) of width dxM, with mirror images at lo·dx and
 * hi·dx (no-flux faces), written to out[offset…] and summing to 1. σ = 0 puts all weight in c's cell.
 */
export function gaussianAxisWeights(centreM: number, sigmaM: number, dxM: number, lo: number, hi: number, out: Float64Array, offset: number): AxisSpan {
  const a = lo * dxM;
  const b = hi * dxM;
  const c = Math.min(b, Math.max(a, centreM));
  const home = Math.min(hi - 1, Math.max(lo, Math.floor(c / dxM)));
  if (!(sigmaM > 0)) {
    out[offset] = 1;
    return { start: home, len: 1 };
  }
  const reach = CUTOFF_SIGMAS * sigmaM;
  const first = Math.max(lo, Math.floor((c - reach) / dxM));
  const last = Math.min(hi - 1, Math.floor((c + reach) / dxM));
  const len = last - first + 1;
  out.fill(0, offset, offset + len);
  // the Gaussian and its mirror images that reach into the tile; Φ once per cell edge
  for (const m of [c, 2 * a - c, 2 * b - c]) {
    if (m < a - reach || m > b + reach) continue;
    let below = standardNormalCdf((first * dxM - m) / sigmaM);
    for (let j = first; j <= last; j++) {
      const above = standardNormalCdf(((j + 1) * dxM - m) / sigmaM);
      out[offset + j - first] += above - below;
      below = above;
    }
  }
  let sum = 0;
  for (let j = 0; j < len; j++) sum += out[offset + j];
  if (!(sum > 0)) {
    // the whole kernel fell between cell edges below double precision: the home cell takes it
    out.fill(0, offset, offset + len);
    out[offset + home - first] = 1;
    return { start: first, len };
  }
  for (let j = 0; j < len; j++) out[offset + j] /= sum;
  return { start: first, len };
}

/** Distinct values of `xs` and the class index of each entry (exact equality: folded lattice columns repeat). */
export function classes(xs: ArrayLike<number>): { values: number[]; of: Int32Array } {
  const index = new Map<number, number>();
  const values: number[] = [];
  const of = new Int32Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    let c = index.get(xs[i]);
    if (c === undefined) {
      c = values.length;
      index.set(xs[i], c);
      values.push(xs[i]);
    }
    of[i] = c;
  }
  return { values, of };
}


/** The z weights of a kernel per distinct bulb depth (m), computed once per depth. */
export class DepthWeightCache {
  w: Float64Array;
  start: Int32Array;
  len: Int32Array;
  private readonly slots = new Map<number, number>();
  private readonly grid: TransportGrid;
  private readonly sigmaM: number;
  private readonly zLo: number;

  constructor(grid: TransportGrid, sigmaM: number, zLo: number) {
    this.grid = grid;
    this.sigmaM = sigmaM;
    this.zLo = zLo;
    this.w = new Float64Array(16 * grid.nz);
    this.start = new Int32Array(16);
    this.len = new Int32Array(16);
  }

  /** Slot of depth d (m), computing its weights on first use. */
  slotOf(depthM: number): number {
    const hit = this.slots.get(depthM);
    if (hit !== undefined) return hit;
    const k = this.slots.size;
    const nz = this.grid.nz;
    if (k >= this.start.length) {
      const w = new Float64Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const start = new Int32Array(this.start.length * 2);
      start.set(this.start);
      this.start = start;
      const len = new Int32Array(this.len.length * 2);
      len.set(this.len);
      this.len = len;
    }
    const span = gaussianAxisWeights(depthM, this.sigmaM, this.grid.dxM, this.zLo, nz, this.w, k * nz);
    this.start[k] = span.start;
    this.len[k] = span.len;
    this.slots.set(depthM, k);
    return k;
  }

  clear(): void {
    this.slots.clear();
  }

  /** Number of depths held. */
  get size(): number {
    return this.slots.size;
  }
}

