import { ceriaTransport as C, microneedlePatch as P } from '../species/skin.ts';
import type { TransportGrid } from '../transport/grid.ts';
import type { SubstrateSpec } from '../transport/solver.ts';

const UM2 = 1e-12;
const PER_DAY = 1 / 86400;

/**
 * Lymphatic clearance rate (1/s) of particles of hydrodynamic diameter d (nm):
 * k(d) = k20 · exp(−(d − 20)/s) · f_PEG (size gate of PMC7747954; rate and coating factor assumed).
 */
export function particleClearancePerS(diameterNm: number, pegCoated: boolean): number {
  const k20 = C.lymphaticClearanceAt20nmPerDay.value * PER_DAY;
  const size = Math.exp(-(diameterNm - 20) / C.clearanceSizeScaleNm.value);
  return k20 * size * (pegCoated ? C.pegCoatingClearanceFactor.value : 1);
}

/** Per-z-plane values from per-layer values keyed by the layer names of `grid`. */
function byLayer(grid: TransportGrid, values: Record<string, number>): Float64Array {
  const out = new Float64Array(grid.nz);
  for (let k = 0; k < grid.nz; k++) out[k] = values[grid.layers[grid.layerOfZ[k]].name] ?? 0;
  return out;
}

/** The ceria nanozyme substrate (kg/m³): layered diffusion, lymphatic clearance in dermis and hypodermis. */
export function ceriaSubstrate(grid: TransportGrid, opts: { clearance: boolean; diameterNm?: number; pegCoated?: boolean; deepSink?: boolean }): SubstrateSpec {
  const k = opts.clearance ? particleClearancePerS(opts.diameterNm ?? C.hydrodynamicDiameterNm.value, opts.pegCoated ?? true) : 0;
  return {
    name: 'ceria',
    diffusionM2PerS: byLayer(grid, {
      stratumCorneum: C.diffusionStratumCorneumUm2PerS.value * UM2,
      epidermis: C.diffusionEpidermisUm2PerS.value * UM2,
      dermis: C.diffusionDermisUm2PerS.value * UM2,
      hypodermis: C.diffusionHypodermisUm2PerS.value * UM2,
    }),
    decayPerS: byLayer(grid, { dermis: k, hypodermis: k }),
    bulkSource: true,
    dirichlet: opts.deepSink ? { zMax: 0 } : undefined,
  };
}

/** The wound signal (a.u.): cytokine-like, emitted by needle tracks, cleared with a half-life of hours. */
export function woundSubstrate(grid: TransportGrid): SubstrateSpec {
  const d = P.woundSignalDiffusionUm2PerS.value * UM2;
  const lambda = Math.LN2 / (P.woundSignalHalfLifeH.value * 3600);
  return {
    name: 'wound',
    diffusionM2PerS: byLayer(grid, { stratumCorneum: 0, epidermis: d, dermis: d, hypodermis: d }),
    decayPerS: lambda,
    bulkSource: true,
  };
}

/** Decay rate (1/s) of the wound signal, used to scale its source so 1 a.u. is the local steady level at peak emission. */
export function woundDecayPerS(): number {
  return Math.LN2 / (P.woundSignalHalfLifeH.value * 3600);
}
