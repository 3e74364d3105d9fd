import type { TransportGrid } from '../transport/grid.ts';
import { classes, DepthWeightCache, gaussianAxisWeights, type AxisSpan } from './kernelAxis.ts';

export { gaussianAxisWeights, type AxisSpan } from './kernelAxis.ts';
export { FollicleSheet, kernelWeightedMeanDensity } from './follicleSheet.ts';

/**
 * The perifollicular kernel K_i: the tissue around follicle i's bulb where its VEGF- and ROS-producing cells
 * sit (dermal papilla, matrix, outer root sheath) and where it senses its microenvironment. An isotropic 3-D
 * Gaussian of width σ (m) centred on the bulb, integrated exactly over each voxel (separable: differences of
 * Φ per axis), mirrored at the tile's no-flux faces and at the top of the viable tissue, truncated at
 * ±CUTOFF σ and renormalised, so Σ_v K_i(v)·ΔV = 1 on every grid. A follicle's production (mol/s) is
 * deposited as Q_i·K_i(v) and its signals are read as Σ_v K_i(v)·c(v)·ΔV: neither depends on the voxel size
 * beyond the resolution of the fields themselves.
 */

/** Depths the cache may hold before `setDepths` starts it again (only reached if depths never repeat). */
const MAX_CACHED_DEPTHS = 4096;
/** Fields one `averageFields` call can read (the coupling reads six built-ins plus registered extras). */
const MAX_FIELDS = 32;

/** Bits of a depth slot's groups in `deposit`. */
const GROUP_A = 1;
const GROUP_B = 2;

/** One field of `averageFields`: q(v) = values[stride·v + offset], averaged into `out` per follicle. */
export interface KernelField {
  values: ArrayLike<number>;
  stride: number;
  offset: number;
  out: Float64Array;
}

/** True when every value of the field is exactly 0. */
function isZeroField(f: KernelField, voxels: number): boolean {
  const { values, stride, offset } = f;
  for (let v = 0; v < voxels; v++) if (values[stride * v + offset] !== 0) return false;
  return true;
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
  /** Per follicle: the slot of its current z weights in the depth cache. */
  private readonly zSlot: Int32Array;
  private readonly zDepth: Float64Array;
  /** z weights by distinct depth (bulbs sit at few depths: telogen, full anagen, the descent's steps). */
  private readonly zCache: DepthWeightCache;
  private readonly buf: Float64Array;
  private readonly bufB: Float64Array;
  /** Per-field column sums of `averageFields`, and the per-follicle accumulators. */
  private cols: Float64Array;
  /** Per depth slot: the column's fields reduced over z (k × ny values), and the column they belong to. */
  private zRows: Float64Array;
  private zRowsOf: Int32Array;
  /** Depth slots a column's follicles touched (deposit). */
  private touched: Int32Array;
  /** Per depth slot (averageFields): the y cells [yLo, yHi) its follicles in the current column read. */
  private yLo: Int32Array;
  private yHi: Int32Array;
  /** Per depth slot (deposit): which groups (GROUP_A, GROUP_B bits) its follicles in the current column belong to. */
  private groups: Uint8Array;
  /** The planes [columnZ0, columnZ1) the last gathered column's depth slots span (`gatherColumn`). */
  private columnZ0 = 0;
  private columnZ1 = 0;
  /** Per y class: the first cell and the number of cells of its weights. */
  private readonly yStart: Int32Array;
  private readonly yLen: Int32Array;
  private readonly active: KernelField[] = [];
  private readonly outs: Float64Array[] = [];
  /** The one-field list `average` passes (no allocation per call). */
  private readonly single: KernelField[] = [];

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
    this.zSlot = new Int32Array(this.n);
    this.zDepth = new Float64Array(this.n).fill(Number.NaN);
    this.zCache = new DepthWeightCache(grid, sigmaM, this.zLo);
    this.buf = new Float64Array(grid.ny * grid.nz);
    this.bufB = new Float64Array(grid.ny * grid.nz);
    this.cols = new Float64Array(0);
    this.zRows = new Float64Array(0);
    this.zRowsOf = new Int32Array(0);
    this.touched = new Int32Array(0);
    this.yLo = new Int32Array(0);
    this.yHi = new Int32Array(0);
    this.groups = new Uint8Array(0);
    this.yStart = Int32Array.from(this.ySpan, (s) => s.start);
    this.yLen = Int32Array.from(this.ySpan, (s) => s.len);
  }

  /** Sets the bulb depth (m) of each follicle; z weights are recomputed only where the depth changed. */
  setDepths(depthM: ArrayLike<number>): void {
    if (this.zCache.size > MAX_CACHED_DEPTHS) {
      // depths that never repeat: start the cache again for the current depths
      this.zCache.clear();
      this.zDepth.fill(Number.NaN);
    }
    for (let i = 0; i < this.n; i++) {
      if (depthM[i] === this.zDepth[i]) continue;
      this.zDepth[i] = depthM[i];
      this.zSlot[i] = this.zCache.slotOf(depthM[i]);
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
    const { w: zW, start: zStart, len: zLen } = this.zCache;
    const zSlot = this.zSlot;
    const slots = this.zCache.size;
    // per depth slot: the column's weights spread over y, for both groups (2·ny values), reset lazily
    if (this.zRows.length < slots * 2 * ny) this.zRows = new Float64Array(2 * slots * 2 * ny);
    this.ensureSlots(slots);
    const yRows = this.zRows;
    const yRowsOf = this.zRowsOf;
    const touched = this.touched;
    const yLo = this.yLo;
    const yHi = this.yHi;
    const groups = this.groups;
    const yOf = this.yOf;
    const yStart = this.yStart;
    const yLen = this.yLen;
    yRowsOf.fill(-1, 0, slots);
    for (let c = 0; c < this.members.length; c++) {
      const mem = this.members[c];
      let nTouched = 0;
      let zA = nz;
      let zB = 0;
      // y first, per follicle, into its depth slot's row; per slot, the y cells and groups it reaches
      for (let m = 0; m < mem.length; m++) {
        const i = mem[m];
        const w = weight[i];
        if (w === 0) continue;
        const k = zSlot[i];
        const base = 2 * ny * k;
        const yc = yOf[i];
        const y0 = yStart[yc];
        const yl = yLen[yc];
        if (yRowsOf[k] !== c) {
          yRowsOf[k] = c;
          yRows.fill(0, base, base + 2 * ny);
          touched[nTouched++] = k;
          yLo[k] = y0;
          yHi[k] = y0 + yl;
          groups[k] = 0;
          zA = Math.min(zA, zStart[k]);
          zB = Math.max(zB, zStart[k] + zLen[k]);
        } else {
          yLo[k] = Math.min(yLo[k], y0);
          yHi[k] = Math.max(yHi[k], y0 + yl);
        }
        groups[k] |= second[i] ? GROUP_B : GROUP_A;
        const yo = yc * ny;
        const o = base + (second[i] ? ny : 0) + y0;
        for (let y = 0; y < yl; y++) yRows[o + y] += w * yW[yo + y];
      }
      if (nTouched === 0) continue;
      // then z, once per (column class, depth). The sums skip only terms that are exactly +0 (a slot's row
      // outside its y cells, a group it does not reach): weights are ≥ 0 and no partial sum is -0, so adding
      // them would change nothing
      const r0 = zA * ny;
      const r1 = zB * ny;
      bufA.fill(0, r0, r1);
      bufB.fill(0, r0, r1);
      for (let t = 0; t < nTouched; t++) {
        const k = touched[t];
        const zo = k * nz;
        const base = 2 * ny * k;
        const ya = yLo[k];
        const yb = yHi[k];
        const gk = groups[k];
        for (let z = 0; z < zLen[k]; z++) {
          const wz = zW[zo + z];
          const row = (zStart[k] + z) * ny;
          if (gk & GROUP_A) for (let y = ya; y < yb; y++) bufA[row + y] += wz * yRows[base + y];
          if (gk & GROUP_B) for (let y = ya; y < yb; y++) bufB[row + y] += wz * yRows[base + ny + y];
        }
      }
      // then x, once per column class
      const xs = this.xSpan[c];
      const xo = c * nx;
      const x0 = xs.start;
      const xl = xs.len;
      for (let r = r0; r < r1; r++) {
        const va = bufA[r] * invV;
        const vb = bufB[r] * invV;
        const base = nx * r + x0;
        if (va !== 0) for (let x = 0; x < xl; x++) a[base + x] += xW[xo + x] * va;
        if (vb !== 0) for (let x = 0; x < xl; x++) b[base + x] += xW[xo + x] * vb;
      }
    }
  }

  /**
   * `average` for several fields in one pass: reduced over x once per column class, over z once per
   * (column class, depth) and over y per follicle, so the cost per follicle is one y span per field. The
   * same weights as `average`, summed in another order (equal to round-off).
   */
  averageFields(fields: readonly KernelField[]): void {
    if (fields.length > MAX_FIELDS) throw new Error(`averageFields: ${fields.length} fields, at most ${MAX_FIELDS}`);
    const { nx, ny, nz } = this.grid;
    // a field that is zero everywhere (a drug or wound not given in this arm) averages to exactly 0
    const active = this.active;
    const outs = this.outs;
    active.length = 0;
    outs.length = 0;
    for (const f of fields) {
      if (isZeroField(f, this.grid.voxelCount)) f.out.fill(0);
      else {
        active.push(f);
        outs.push(f.out);
      }
    }
    const k = active.length;
    if (k === 0) return;
    const rows = ny * nz;
    if (this.cols.length < k * rows) this.cols = new Float64Array(k * rows);
    const slots = this.zCache.size;
    if (this.zRows.length < slots * k * ny) this.zRows = new Float64Array(2 * slots * k * ny);
    this.ensureSlots(slots);
    const cols = this.cols;
    const zRows = this.zRows;
    const zRowsOf = this.zRowsOf;
    const touched = this.touched;
    const yLo = this.yLo;
    const yHi = this.yHi;
    const xW = this.xW;
    const yW = this.yW;
    const { w: zW, start: zStart, len: zLen } = this.zCache;
    const zSlot = this.zSlot;
    const yOf = this.yOf;
    const yStart = this.yStart;
    const yLen = this.yLen;
    const kny = k * ny;
    zRowsOf.fill(-1, 0, slots);
    for (let c = 0; c < this.members.length; c++) {
      const mem = this.members[c];
      // only the sums the column's follicles read are formed (each one formed is summed as before)
      const nTouched = this.gatherColumn(c);
      const zA = this.columnZ0;
      const zB = this.columnZ1;
      const xs = this.xSpan[c];
      const xo = c * nx;
      const x0 = xs.start;
      const xl = xs.len;
      // x first, once per column class
      for (let j = 0; j < k; j++) {
        const { values, stride, offset } = active[j];
        const co = j * rows;
        // two rows at a time: independent sums overlap (each formed over x in order, as for one row)
        const rEnd = zB * ny;
        const rowStep = stride * nx;
        let r = zA * ny;
        for (; r + 1 < rEnd; r += 2) {
          let s = 0;
          let t = 0;
          let q = stride * (nx * r + x0) + offset;
          for (let x = 0; x < xl; x++, q += stride) {
            const w = xW[xo + x];
            s += w * values[q];
            t += w * values[q + rowStep];
          }
          cols[co + r] = s;
          cols[co + r + 1] = t;
        }
        for (; r < rEnd; r++) {
          let s = 0;
          let q = stride * (nx * r + x0) + offset;
          for (let x = 0; x < xl; x++, q += stride) s += xW[xo + x] * values[q];
          cols[co + r] = s;
        }
      }
      // then z, once per (column class, depth): the column's follicles sit at few depths
      for (let t = 0; t < nTouched; t++) {
        const slot = touched[t];
        const zo = slot * nz;
        const zl = zLen[slot];
        const zs = zStart[slot];
        const out = slot * kny;
        const ya = yLo[slot];
        const yb = yHi[slot];
        for (let j = 0; j < k; j++) {
          const co = j * rows + zs * ny;
          const oj = out + j * ny;
          // two y cells at a time (independent sums, each over z in order)
          let y = ya;
          for (; y + 1 < yb; y += 2) {
            let s = 0;
            let u = 0;
            for (let z = 0; z < zl; z++) {
              const w = zW[zo + z];
              const q = co + z * ny + y;
              s += w * cols[q];
              u += w * cols[q + 1];
            }
            zRows[oj + y] = s;
            zRows[oj + y + 1] = u;
          }
          for (; y < yb; y++) {
            let s = 0;
            for (let z = 0; z < zl; z++) s += zW[zo + z] * cols[co + z * ny + y];
            zRows[oj + y] = s;
          }
        }
      }
      // then y, per follicle
      for (let m = 0; m < mem.length; m++) {
        const i = mem[m];
        const yc = yOf[i];
        const yo = yc * ny;
        const yl = yLen[yc];
        const zr = zSlot[i] * kny + yStart[yc];
        // two fields at a time (independent sums, each over y in order)
        let j = 0;
        for (; j + 1 < k; j += 2) {
          const o = zr + j * ny;
          let s = 0;
          let u = 0;
          for (let y = 0; y < yl; y++) {
            const w = yW[yo + y];
            s += w * zRows[o + y];
            u += w * zRows[o + ny + y];
          }
          outs[j][i] = s;
          outs[j + 1][i] = u;
        }
        for (; j < k; j++) {
          const o = zr + j * ny;
          let s = 0;
          for (let y = 0; y < yl; y++) s += yW[yo + y] * zRows[o + y];
          outs[j][i] = s;
        }
      }
    }
  }

  /**
   * Multiply-adds one `averageFields` call over `fieldCount` non-zero fields performs at the current depths
   * (x, z and y stages, from the same column gathering as the loops): the arithmetic a benchmark divides its
   * time by.
   */
  readoutMultiplyAdds(fieldCount: number): { x: number; z: number; y: number } {
    const ny = this.grid.ny;
    const slots = this.zCache.size;
    this.ensureSlots(slots);
    this.zRowsOf.fill(-1, 0, slots);
    let x = 0;
    let z = 0;
    let y = 0;
    for (let c = 0; c < this.members.length; c++) {
      const nTouched = this.gatherColumn(c);
      if (nTouched > 0) x += (this.columnZ1 - this.columnZ0) * ny * this.xSpan[c].len;
      for (let t = 0; t < nTouched; t++) {
        const slot = this.touched[t];
        z += (this.yHi[slot] - this.yLo[slot]) * this.zCache.len[slot];
      }
      for (const i of this.members[c]) y += this.yLen[this.yOf[i]];
    }
    return { x: x * fieldCount, z: z * fieldCount, y: y * fieldCount };
  }

  /**
   * Column c's depth slots (into `touched`, marked in `zRowsOf`, which must hold no c yet), the y cells
   * [yLo, yHi) each slot's follicles read, and the planes [columnZ0, columnZ1) the slots span; returns the
   * number of slots.
   */
  private gatherColumn(c: number): number {
    const mem = this.members[c];
    const { start: zStart, len: zLen } = this.zCache;
    const { zSlot, yStart, yLen, yOf, zRowsOf, touched, yLo, yHi } = this;
    let nTouched = 0;
    let zA = this.grid.nz;
    let zB = 0;
    for (let m = 0; m < mem.length; m++) {
      const i = mem[m];
      const slot = zSlot[i];
      const y0 = yStart[yOf[i]];
      const y1 = y0 + yLen[yOf[i]];
      if (zRowsOf[slot] !== c) {
        zRowsOf[slot] = c;
        touched[nTouched++] = slot;
        yLo[slot] = y0;
        yHi[slot] = y1;
        zA = Math.min(zA, zStart[slot]);
        zB = Math.max(zB, zStart[slot] + zLen[slot]);
      } else {
        yLo[slot] = Math.min(yLo[slot], y0);
        yHi[slot] = Math.max(yHi[slot], y1);
      }
    }
    this.columnZ0 = zA;
    this.columnZ1 = zB;
    return nTouched;
  }

  /** Grows the per-depth-slot scratch arrays to hold `slots` slots. */
  private ensureSlots(slots: number): void {
    if (this.zRowsOf.length >= slots) return;
    this.zRowsOf = new Int32Array(2 * slots);
    this.touched = new Int32Array(2 * slots);
    this.yLo = new Int32Array(2 * slots);
    this.yHi = new Int32Array(2 * slots);
    this.groups = new Uint8Array(2 * slots);
  }

  /**
   * Kernel-weighted average of a per-voxel quantity around each follicle, Σ_v K_i(v)·q(v)·ΔV, with q(v) =
   * values[stride·v + offset]. Depths must have been set.
   */
  average(values: ArrayLike<number>, out: Float64Array, stride = 1, offset = 0): void {
    this.single[0] = { values, stride, offset, out };
    this.averageFields(this.single);
  }

}
