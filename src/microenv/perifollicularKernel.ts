import { standardNormalCdf } from '../stats/special.ts';
import type { TransportGrid } from '../transport/grid.ts';

/**
 * The perifollicular kernel K_i: the tissue around follicle i's bulb where its VEGF- and ROS-producing cells
 * sit (dermal papilla, matrix, outer root sheath) and where it senses its microenvironment. An isotropic 3-D
 * Gaussian of width σ (m) centred on the bulb, integrated exactly over each voxel (separable: differences of
 * Φ per axis), mirrored at the tile's no-flux faces and at the top of the viable tissue, truncated at
 * ±CUTOFF σ and renormalised, so Σ_v K_i(v)·ΔV = 1 on every grid. A follicle's production (mol/s) is
 * deposited as Q_i·K_i(v) and its signals are read as Σ_v K_i(v)·c(v)·ΔV: neither depends on the voxel size
 * beyond the resolution of the fields themselves.
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
function classes(xs: ArrayLike<number>): { values: number[]; of: Int32Array } {
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

/**
 * The kernels of a set of follicles on one tile grid, for depositing their production and reading their
 * signals. Lateral positions (m, already folded into the unit cell) are fixed; depths change with phase and
 * are set per call. Follicles that share a folded x column share that axis's weights, so a deposit or a
 * readout costs O(columns × voxels + follicles × (y support × z support)).
 */
export class PerifollicularKernels {
  readonly n: number;
  private readonly grid: TransportGrid;
  private readonly sigmaM: number;
  private readonly zLo: number;
  private readonly xSpan: AxisSpan[];
  private readonly xW: Float64Array;
  private readonly ySpan: AxisSpan[];
  private readonly yW: Float64Array;
  private readonly yOf: Int32Array;
  /** Follicles of each x column. */
  private readonly members: Int32Array[];
  private readonly zStart: Int32Array;
  private readonly zLen: Int32Array;
  private readonly zW: Float64Array;
  private readonly zDepth: Float64Array;
  private readonly buf: Float64Array;
  private readonly bufB: Float64Array;

  /** `firstViablePlane`: the kernel lives in planes [firstViablePlane, nz) (no production in the stratum corneum). */
  constructor(grid: TransportGrid, xM: ArrayLike<number>, yM: ArrayLike<number>, sigmaM: number, firstViablePlane: number) {
    this.grid = grid;
    this.n = xM.length;
    this.sigmaM = sigmaM;
    this.zLo = Math.min(grid.nz - 1, firstViablePlane);
    const xs = classes(xM);
    const ys = classes(yM);
    this.xW = new Float64Array(xs.values.length * grid.nx);
    this.xSpan = xs.values.map((x, c) => gaussianAxisWeights(x, sigmaM, grid.dxM, 0, grid.nx, this.xW, c * grid.nx));
    this.yW = new Float64Array(ys.values.length * grid.ny);
    this.ySpan = ys.values.map((y, c) => gaussianAxisWeights(y, sigmaM, grid.dxM, 0, grid.ny, this.yW, c * grid.ny));
    this.yOf = ys.of;
    const lists: number[][] = xs.values.map(() => []);
    for (let i = 0; i < this.n; i++) lists[xs.of[i]].push(i);
    this.members = lists.map((l) => Int32Array.from(l));
    this.zStart = new Int32Array(this.n);
    this.zLen = new Int32Array(this.n);
    this.zW = new Float64Array(this.n * grid.nz);
    this.zDepth = new Float64Array(this.n).fill(Number.NaN);
    this.buf = new Float64Array(grid.ny * grid.nz);
    this.bufB = new Float64Array(grid.ny * grid.nz);
  }

  /** Sets the bulb depth (m) of each follicle; z weights are recomputed only where the depth changed. */
  setDepths(depthM: ArrayLike<number>): void {
    const g = this.grid;
    for (let i = 0; i < this.n; i++) {
      if (depthM[i] === this.zDepth[i]) continue;
      this.zDepth[i] = depthM[i];
      const s = gaussianAxisWeights(depthM[i], this.sigmaM, g.dxM, this.zLo, g.nz, this.zW, i * g.nz);
      this.zStart[i] = s.start;
      this.zLen[i] = s.len;
    }
  }

  /**
   * Densities (per m³) of follicles split in two groups: Σ_i weight_i·K_i(v) over the follicles with
   * `second[i]` 0 into `a`, non-zero into `b`. Depths must have been set.
   */
  deposit(weight: ArrayLike<number>, second: ArrayLike<number>, a: Float64Array, b: Float64Array): void {
    const g = this.grid;
    const { nx, ny, nz } = g;
    a.fill(0);
    b.fill(0);
    const invV = 1 / g.voxelVolumeM3;
    const bufA = this.buf;
    const bufB = this.bufB;
    const xW = this.xW;
    const yW = this.yW;
    const zW = this.zW;
    for (let c = 0; c < this.members.length; c++) {
      const mem = this.members[c];
      bufA.fill(0);
      bufB.fill(0);
      for (let m = 0; m < mem.length; m++) {
        const i = mem[m];
        const w = weight[i];
        if (w === 0) continue;
        const out = second[i] ? bufB : bufA;
        const yc = this.yOf[i];
        const ys = this.ySpan[yc];
        const yo = yc * ny;
        const zo = i * nz;
        for (let z = 0; z < this.zLen[i]; z++) {
          const wz = w * zW[zo + z];
          const row = (this.zStart[i] + z) * ny + ys.start;
          for (let y = 0; y < ys.len; y++) out[row + y] += wz * yW[yo + y];
        }
      }
      const xs = this.xSpan[c];
      const xo = c * nx;
      for (let r = 0; r < ny * nz; r++) {
        const va = bufA[r] * invV;
        const vb = bufB[r] * invV;
        if (va === 0 && vb === 0) continue;
        const base = nx * r + xs.start;
        for (let x = 0; x < xs.len; x++) {
          const wx = xW[xo + x];
          a[base + x] += wx * va;
          b[base + x] += wx * vb;
        }
      }
    }
  }

  /**
   * Kernel-weighted average of a per-voxel quantity around each follicle, Σ_v K_i(v)·q(v)·ΔV, with q(v) =
   * values[stride·v + offset]. Depths must have been set.
   */
  average(values: ArrayLike<number>, out: Float64Array, stride = 1, offset = 0): void {
    const { nx, ny, nz } = this.grid;
    const col = this.buf;
    const xW = this.xW;
    const yW = this.yW;
    const zW = this.zW;
    const yOf = this.yOf;
    const zStart = this.zStart;
    const zLen = this.zLen;
    for (let c = 0; c < this.members.length; c++) {
      const mem = this.members[c];
      const xs = this.xSpan[c];
      const xo = c * nx;
      const x0 = xs.start;
      const xl = xs.len;
      // reduce along x once per column class, then per follicle over y and z only
      for (let r = this.zLo * ny; r < ny * nz; r++) {
        let s = 0;
        const base = nx * r + x0;
        for (let x = 0; x < xl; x++) s += xW[xo + x] * values[stride * (base + x) + offset];
        col[r] = s;
      }
      for (let m = 0; m < mem.length; m++) {
        const i = mem[m];
        const yc = yOf[i];
        const ys = this.ySpan[yc];
        const yo = yc * ny;
        const y0 = ys.start;
        const yl = ys.len;
        const zo = i * nz;
        let s = 0;
        for (let z = 0; z < zLen[i]; z++) {
          const row = (zStart[i] + z) * ny + y0;
          let sy = 0;
          for (let y = 0; y < yl; y++) sy += yW[yo + y] * col[row + y];
          s += zW[zo + z] * sy;
        }
        out[i] = s;
      }
    }
  }
}

/**
 * The density a follicle's kernel sees on average, Σ_v ρ(v)²/Σ_v ρ(v) with ρ = a + b (per m³; the ΔV cancel):
 * the kernel-weighted mean of the follicle density over the follicles, grid independent. 0 if there are none.
 */
export function kernelWeightedMeanDensity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s1 = 0;
  let s2 = 0;
  for (let v = 0; v < a.length; v++) {
    const r = a[v] + b[v];
    s1 += r;
    s2 += r * r;
  }
  return s1 > 0 ? s2 / s1 : 0;
}

/**
 * A laterally uniform sheet of follicles at one bulb depth: a unit cell that stands for many follicles at
 * random positions (human region tiles, tests). Spread in depth by the kernel's z factor, uniform in x, y.
 */
export class FollicleSheet {
  private readonly grid: TransportGrid;
  private readonly span: AxisSpan;
  private readonly w: Float64Array;

  constructor(grid: TransportGrid, firstViablePlane: number, depthM: number, sigmaM: number) {
    this.grid = grid;
    this.w = new Float64Array(grid.nz);
    this.span = gaussianAxisWeights(depthM, sigmaM, grid.dxM, Math.min(grid.nz - 1, firstViablePlane), grid.nz, this.w, 0);
  }

  /** Adds `count` follicles per unit cell to the density `out` (per m³). */
  deposit(count: number, out: Float64Array): void {
    const g = this.grid;
    const perVoxel = count / (g.planeSize * g.voxelVolumeM3);
    for (let z = 0; z < this.span.len; z++) {
      const k = this.span.start + z;
      for (let v = k * g.planeSize; v < (k + 1) * g.planeSize; v++) out[v] += this.w[z] * perVoxel;
    }
  }

  /** Kernel-weighted average of values[stride·v + offset] around the sheet's follicles. */
  average(values: ArrayLike<number>, stride = 1, offset = 0): number {
    const g = this.grid;
    let sum = 0;
    for (let z = 0; z < this.span.len; z++) {
      const k = this.span.start + z;
      let plane = 0;
      for (let v = k * g.planeSize; v < (k + 1) * g.planeSize; v++) plane += values[stride * v + offset];
      sum += (this.w[z] * plane) / g.planeSize;
    }
    return sum;
  }
}
