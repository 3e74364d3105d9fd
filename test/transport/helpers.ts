/** Shared helpers of the transport verification tests (analytic solutions, norms, order fits). */
import { createTransportGrid } from '../../src/transport/grid.ts';
import type { TransportGrid } from '../../src/transport/grid.ts';

/** Least-squares slope of log(err) against log(h): the observed order of convergence. */
export function observedOrder(h: readonly number[], err: readonly number[]): number {
  const x = h.map(Math.log);
  const y = err.map(Math.log);
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxy / sxx;
}

/** Max-norm of a − b over all entries. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Root-mean-square of a − b. */
export function rmsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s / a.length);
}

/** Fills an array with f(x, y, z) evaluated at voxel centres (m). */
export function sample(grid: TransportGrid, f: (x: number, y: number, z: number) => number, out: Float64Array = new Float64Array(grid.voxelCount)): Float64Array {
  const { nx, ny, nz, dxM } = grid;
  let m = 0;
  for (let k = 0; k < nz; k++) {
    const z = (k + 0.5) * dxM;
    for (let j = 0; j < ny; j++) {
      const y = (j + 0.5) * dxM;
      for (let i = 0; i < nx; i++) out[m++] = f((i + 0.5) * dxM, y, z);
    }
  }
  return out;
}

/** A cube of n³ voxels spanning L metres. */
export function cube(n: number, lengthM: number): TransportGrid {
  return createTransportGrid({ nx: n, ny: n, nz: n, dxM: lengthM / n });
}

/** Deterministic pseudo-random numbers in [0, 1) (xorshift32), so tests do not depend on Math.random. */
export function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}
