import type { TransportGrid } from '../transport/grid.ts';
import { gaussianAxisWeights, type AxisSpan } from './kernelAxis.ts';

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
