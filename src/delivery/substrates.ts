import type { TransportGrid } from '../transport/grid.ts';
import type { SubstrateSpec } from '../transport/solver.ts';

/** Nanoparticle transport in skin (SI): diffusivity per layer, size-gated lymphatic clearance, coating. */
export interface ParticleTransportParams {
  /** Diffusivity by layer name (m²/s). */
  diffusionM2PerS: Readonly<Record<'stratumCorneum' | 'epidermis' | 'dermis' | 'hypodermis', number>>;
  /** Lymphatic clearance rate of 20 nm particles (1/s). */
  clearanceAt20nmPerS: number;
  /** e-folding particle size of the clearance (nm). */
  clearanceSizeScaleNm: number;
  /** Clearance multiplier of the PEG-lipid coating. */
  pegCoatingFactor: number;
  /** Default hydrodynamic diameter (nm). */
  diameterNm: number;
}

/** The needle-injury (wound) signal: diffusivity (m²/s), decay (1/s) and the track source gain. */
export interface WoundSignalParams {
  diffusionM2PerS: number;
  decayPerS: number;
  trackSourceGain: number;
}

/**
 * Lymphatic clearance rate (1/s) of particles of hydrodynamic diameter d (nm):
 * k(d) = k20 · exp(−(d − 20)/s) · f_PEG (size gate of PMC7747954; rate and coating factor assumed).
 */
export function particleClearancePerS(p: ParticleTransportParams, diameterNm: number, pegCoated: boolean): number {
  const size = Math.exp(-(diameterNm - 20) / p.clearanceSizeScaleNm);
  return p.clearanceAt20nmPerS * size * (pegCoated ? p.pegCoatingFactor : 1);
}

/** Per-z-plane values from per-layer values keyed by the layer names of `grid`. */
function byLayer(grid: TransportGrid, values: Record<string, number>): Float64Array {
  const out = new Float64Array(grid.nz);
  for (let k = 0; k < grid.nz; k++) out[k] = values[grid.layers[grid.layerOfZ[k]].name] ?? 0;
  return out;
}

/** The ceria nanozyme substrate (kg/m³): layered diffusion, lymphatic clearance in dermis and hypodermis. */
export function ceriaSubstrate(
  grid: TransportGrid,
  p: ParticleTransportParams,
  opts: { clearance: boolean; diameterNm?: number; pegCoated?: boolean; deepSink?: boolean },
): SubstrateSpec {
  const k = opts.clearance ? particleClearancePerS(p, opts.diameterNm ?? p.diameterNm, opts.pegCoated ?? true) : 0;
  return {
    name: 'ceria',
    diffusionM2PerS: byLayer(grid, { ...p.diffusionM2PerS }),
    decayPerS: byLayer(grid, { dermis: k, hypodermis: k }),
    bulkSource: true,
    dirichlet: opts.deepSink ? { zMax: 0 } : undefined,
  };
}

/** The wound signal (a.u.): cytokine-like, emitted by needle tracks, cleared with a half-life of hours. */
export function woundSubstrate(grid: TransportGrid, p: WoundSignalParams): SubstrateSpec {
  const d = p.diffusionM2PerS;
  return {
    name: 'wound',
    diffusionM2PerS: byLayer(grid, { stratumCorneum: 0, epidermis: d, dermis: d, hypodermis: d }),
    decayPerS: p.decayPerS,
    bulkSource: true,
  };
}
