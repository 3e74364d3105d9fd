import type { TransportGrid } from '../transport/grid.ts';
import { crossSectionM2, halfWidthAt, type NeedleGeometry } from './geometry.ts';
import { pow } from '../core/pow.ts';

/**
 * Where and when a dissolving needle releases its cargo. The inserted matrix dissolves first-order,
 * dissolved(t) = 1 − 2^(−t/t½) (assumption: surface-limited dissolution of a hydrated HA cone), and the
 * cargo dissolves with it, so the release rate is M_in · ln2/t½ · 2^(−t/t½). In space, cargo is deposited
 * in the voxels the inserted needle occupied, in proportion to the needle cross-section at each depth.
 */

/** Fraction of the inserted matrix dissolved t seconds after insertion. */
export function dissolvedFraction(tS: number, halfTimeS: number): number {
  return tS <= 0 ? 0 : 1 - pow(2, -tS / halfTimeS);
}

/**
 * Per-voxel weights (summing to 1 over the grid when every needle lies inside it) of the needle
 * volume below the skin surface, for needles at the given (x, y) positions. Voxels whose centre lies
 * inside the cross-section share that plane's volume; a section narrower than a voxel goes to the
 * voxel containing the needle axis.
 */
export function needleVolumeWeights(grid: TransportGrid, g: NeedleGeometry, positions: readonly { x: number; y: number }[]): Float64Array {
  const w = new Float64Array(grid.voxelCount);
  if (positions.length === 0 || g.insertionDepthM <= 0) return w;
  const dx = grid.dxM;
  const inside: number[] = [];
  let total = 0;
  for (const p of positions) {
    for (let k = 0; k < grid.nz; k++) {
      const zTop = k * dx;
      const zBot = Math.min((k + 1) * dx, g.insertionDepthM);
      if (zTop >= g.insertionDepthM) break;
      // needle volume in this slab: ∫ area(h) dz with h = depth-to-tip = L − z
      const steps = 8;
      let vol = 0;
      for (let s = 0; s < steps; s++) {
        const z = zTop + ((s + 0.5) * (zBot - zTop)) / steps;
        vol += crossSectionM2(g, g.insertionDepthM - z) * ((zBot - zTop) / steps);
      }
      const zMid = 0.5 * (zTop + zBot);
      const half = halfWidthAt(g, g.insertionDepthM - zMid);
      inside.length = 0;
      const i0 = Math.max(0, Math.floor((p.x - half) / dx));
      const i1 = Math.min(grid.nx - 1, Math.floor((p.x + half) / dx));
      const j0 = Math.max(0, Math.floor((p.y - half) / dx));
      const j1 = Math.min(grid.ny - 1, Math.floor((p.y + half) / dx));
      for (let j = j0; j <= j1; j++) {
        for (let i = i0; i <= i1; i++) {
          const cx = (i + 0.5) * dx - p.x;
          const cy = (j + 0.5) * dx - p.y;
          const within = g.shape === 'cone' ? cx * cx + cy * cy <= half * half : Math.abs(cx) <= half && Math.abs(cy) <= half;
          if (within) inside.push(i + grid.nx * (j + grid.ny * k));
        }
      }
      if (inside.length === 0) {
        const i = Math.min(grid.nx - 1, Math.max(0, Math.floor(p.x / dx)));
        const j = Math.min(grid.ny - 1, Math.max(0, Math.floor(p.y / dx)));
        inside.push(i + grid.nx * (j + grid.ny * k));
      }
      for (const v of inside) w[v] += vol / inside.length;
      total += vol;
    }
  }
  for (let v = 0; v < w.length; v++) w[v] /= total;
  return w;
}

/** Cytokine-response profile (t/τ)^k·e^(k(1 − t/τ)): 1 at the peak time τ, narrower for larger k (dimensionless). */
export function woundEmission(tS: number, peakS: number, shape = 1): number {
  if (tS <= 0) return 0;
  const u = tS / peakS;
  return pow(u * Math.exp(1 - u), shape);
}

/** Time course of one application's wound emission (s; amplitudes relative to the cytokine peak). */
export interface WoundCourse {
  /** Peak time of the cytokine response τ (s) and its shape k. */
  peakS: number;
  shape: number;
  /** Half-life of the open pores (s) and the acute emission while they are open. */
  poreHalfLifeS: number;
  acuteAmplitude: number;
}

/**
 * Wound emission of one application at age t (dimensionless): an acute part that closes with the pores
 * (a·2^(−t/t½), resealing within hours to a day) plus the cytokine response peaking at τ with a tail of days.
 */
export function woundCourse(tS: number, c: WoundCourse): number {
  if (tS <= 0) return 0;
  return c.acuteAmplitude * pow(2, -tS / c.poreHalfLifeS) + woundEmission(tS, c.peakS, c.shape);
}
