import type { TileProcess } from '../tileProcess.ts';
import { viableDiffusion } from '../tileProcess.ts';

/** Topical minoxidil constants in SI units. */
export interface MinoxidilParams {
  /** Absorbed moles per m² of skin per application at dose factor 1. */
  molPerM2PerApplication: number;
  absorptionS: number;
  diffusionM2PerS: number;
  decayPerS: number;
  /** Viable voxel planes the absorbed dose enters. */
  entryPlanes: number;
}

/**
 * Topical minoxidil dosing: each application (times in s) is absorbed at a constant rate over the
 * absorption window into the first viable planes; owns the `minoxidil` field (mol/m³).
 */
export function minoxidilProcess(MX: MinoxidilParams, timesS: readonly number[], doseFactor: number): TileProcess {
  let planes = 1;
  return {
    name: 'minoxidil',
    substrates: (g) => [{ name: 'minoxidil', diffusionM2PerS: viableDiffusion(g, MX.diffusionM2PerS), decayPerS: MX.decayPerS, bulkSource: true }],
    init(f) {
      // minoxidil enters through the first viable planes (epidermis and the first dermal plane)
      planes = Math.min(f.grid.nz - f.firstViablePlane, MX.entryPlanes);
    },
    beforeTransport(f, tS, dt) {
      const g = f.grid;
      const source = f.solver.sourceRate('minoxidil');
      source.fill(0);
      const absorbS = MX.absorptionS;
      let active = 0;
      for (const t0 of timesS) {
        const a = Math.max(tS, t0);
        const b = Math.min(tS + dt, t0 + absorbS);
        if (b > a) active += (b - a) / dt;
      }
      if (active === 0) return;
      // absorbed moles per m² per application, spread over the absorption window and the first viable planes
      const molPerM2 = MX.molPerM2PerApplication * doseFactor;
      const first = f.firstViablePlane;
      const rate = (molPerM2 / absorbS / (planes * g.dxM)) * active;
      for (let k = first; k < first + planes; k++) {
        for (let v = k * g.planeSize; v < (k + 1) * g.planeSize; v++) source[v] = rate;
      }
    },
  };
}
