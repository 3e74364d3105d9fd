import type { RandomStream } from '../core/random/stream.ts';
import { bulbDepthsM, type SkinConfig, type SkinParams } from './schema.ts';

/** Follicles placed in the skin window: bulb positions (m) and phase. */
export interface PlacedFollicles {
  count: number;
  xM: Float64Array;
  yM: Float64Array;
  /** Bulb depth below the surface (m). */
  bulbDepthM: Float64Array;
  anagen: Uint8Array;
}

/**
 * Places follicles on a jittered square lattice at the configured density (jitter ± `skin.layout.jitterFraction`
 * of the spacing, an assumption standing in for the irregular follicle pattern); anagen bulbs sit deeper than telogen
 * ones (mouse: Hansen 1984; human: assumption, see docs/model.md).
 */
export function placeFollicles(cfg: SkinConfig, rng: RandomStream, skin: SkinParams): PlacedFollicles {
  const wx = cfg.windowUm.x * 1e-6;
  const wy = cfg.windowUm.y * 1e-6;
  const density = cfg.follicles.densityPerMm2 * 1e6; // per m²
  const { telogenM, anagenM } = bulbDepthsM(skin);
  const jitter = 2 * skin.follicleJitterFraction;
  const spacing = density > 0 ? 1 / Math.sqrt(density) : Infinity;
  const nx = Number.isFinite(spacing) ? Math.floor(wx / spacing) : 0;
  const ny = Number.isFinite(spacing) ? Math.floor(wy / spacing) : 0;
  const n = nx * ny;
  const out: PlacedFollicles = {
    count: n,
    xM: new Float64Array(n),
    yM: new Float64Array(n),
    bulbDepthM: new Float64Array(n),
    anagen: new Uint8Array(n),
  };
  const depthMax = cfg.windowUm.depth * 1e-6;
  for (let j = 0, f = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++, f++) {
      out.xM[f] = (i + 0.5 + jitter * (rng.uniform() - 0.5)) * spacing;
      out.yM[f] = (j + 0.5 + jitter * (rng.uniform() - 0.5)) * spacing;
      const isAnagen = rng.uniform() < cfg.follicles.anagenFraction;
      out.anagen[f] = isAnagen ? 1 : 0;
      out.bulbDepthM[f] = Math.min(depthMax * 0.999, isAnagen ? anagenM : telogenM);
    }
  }
  return out;
}

/**
 * Per-voxel mask (1 inside) of the perifollicular region: voxels whose centre lies within radiusM of any
 * bulb centre.
 */
export function perifollicularMask(
  grid: { nx: number; ny: number; nz: number; dxM: number; voxelCount: number },
  f: PlacedFollicles,
  radiusM: number,
): Uint8Array {
  const mask = new Uint8Array(grid.voxelCount);
  const dx = grid.dxM;
  const r2 = radiusM * radiusM;
  for (let n = 0; n < f.count; n++) {
    const lo = (c: number) => Math.max(0, Math.floor((c - radiusM) / dx));
    const hi = (c: number, max: number) => Math.min(max - 1, Math.floor((c + radiusM) / dx));
    for (let k = lo(f.bulbDepthM[n]); k <= hi(f.bulbDepthM[n], grid.nz); k++) {
      for (let j = lo(f.yM[n]); j <= hi(f.yM[n], grid.ny); j++) {
        for (let i = lo(f.xM[n]); i <= hi(f.xM[n], grid.nx); i++) {
          const ddx = (i + 0.5) * dx - f.xM[n];
          const ddy = (j + 0.5) * dx - f.yM[n];
          const ddz = (k + 0.5) * dx - f.bulbDepthM[n];
          if (ddx * ddx + ddy * ddy + ddz * ddz <= r2) mask[i + grid.nx * (j + grid.ny * k)] = 1;
        }
      }
    }
  }
  return mask;
}
