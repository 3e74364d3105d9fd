import type { TileProcess } from '../tileProcess.ts';
import { pow } from '../../core/pow.ts';

/** Vessel-density response constants (densities relative to healthy skin; times in s). */
export interface VesselParams {
  min: number;
  max: number;
  hill: number;
  growthS: number;
  regressionS: number;
  rosInhibition: number;
}

/**
 * Vessel density relaxes toward a VEGF- and ROS-dependent target (growth and regression at their own
 * time constants); held during the spin-up so the healthy reference is density 1. ROS inhibits through its
 * excess over healthy skin at the same voxel: H/H_healthy − 1 with the tile's healthy twin, or H/H_ref − 1
 * against the fixed reference level when `fixedRosRefMolPerM3` is given (the human region tiles, whose
 * calibration predates the twin; docs/model.md §9.10).
 */
export function vasculatureProcess(VS: VesselParams, vegfRefMolPerM3: number, fixedRosRefMolPerM3?: number): TileProcess {
  return {
    name: 'vasculature',
    substrates: () => [],
    afterTransport(f, _tS, dt, ctx) {
      if (ctx.spinningUp) return;
      const vegf = f.solver.field('vegf');
      const rhoMin = VS.min;
      const rhoMax = VS.max;
      const n = VS.hill;
      // K chosen so the target is exactly 1 at the reference VEGF fold 1: (1 − ρmin)/(ρmax − ρmin) = 1/(Kⁿ + 1)
      const kn = (rhoMax - rhoMin) / (1 - rhoMin) - 1;
      const grow = 1 - Math.exp(-dt / VS.growthS);
      const regress = 1 - Math.exp(-dt / VS.regressionS);
      const inhibit = ctx.mechanisms.rosVesselInhibition ? VS.rosInhibition : 0;
      // the fields as locals: the loop stores into a typed array, after which object properties may be reloaded
      const { viable, chem, chemHealthy, vessels } = f;
      const nVox = f.grid.voxelCount;
      for (let v = 0; v < nVox; v++) {
        if (!viable[v]) continue;
        const fold = vegf[v] / vegfRefMolPerM3;
        // the default Hill coefficient 2 without Math.pow in this per-voxel, per-step loop
        const fn = n === 2 ? fold * fold : pow(fold, n);
        let target = rhoMin + ((rhoMax - rhoMin) * fn) / (kn + fn);
        const ros = chem[3 * v + 1] / (fixedRosRefMolPerM3 ?? chemHealthy[3 * v + 1]);
        target /= 1 + inhibit * Math.max(0, ros - 1);
        const r = vessels[v];
        vessels[v] = r + (target - r) * (target > r ? grow : regress);
      }
    },
  };
}
