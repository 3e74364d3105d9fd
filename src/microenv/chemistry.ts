import type { BatchReactionSystem } from '../ode/batch.ts';

/**
 * Per-voxel ROS chemistry (stiff): superoxide S, hydrogen peroxide H and glutathione G (mol/m³).
 *
 *   dS/dt = P_S − (k_SOD[SOD] + k_ceS·A₃)·S − k_GS·G·S
 *   dH/dt = P_H + ½(k_SOD[SOD] + k_ceS·A₃)·S − V_cat·H/(K_cat + H) − k_GPx·G·H − V_ce·A₃·H/(K_ce + H)
 *   dG/dt = k_regen·(G_max − G) − 2·k_GPx·G·H,  G_max = G₀(1 + 2k_GPx·H_ref/k_regen)
 *
 * A₃ = C·(6/(ρ·d))·f₃ is the Ce3+ surface area per volume (m²/m³) of ceria at mass concentration C:
 * activity scales with Ce3+ surface area (Baldim 2018); ceria is catalytic (not consumed here).
 * Time scales span 1e-4 s (superoxide) to 1 h (GSH), hence the L-stable batch integrator.
 */
export interface ChemistryParams {
  /** k_SOD·[SOD] (1/s). */
  sodRatePerS: number;
  /** V_cat (mol/m³/s) and K_cat (mol/m³) of catalase. */
  catalaseVmax: number;
  catalaseKm: number;
  /** k_GPx (m³/(mol·s)), lumped glutathione peroxidase. */
  gpxRate: number;
  /** GSH synthesis target G_max (mol/m³): dG/dt = k_regen·(G_max − G) − 2·k_GPx·G·H. */
  glutathioneRest: number;
  glutathioneRegenPerS: number;
  superoxideGshRate: number;
  /** Ceria SOD-like constant per Ce3+ area (m/s) and CAT-like Vmax per area (mol/(m²·s)), Km (mol/m³). */
  ceriaSodPerArea: number;
  ceriaCatVmaxPerArea: number;
  ceriaCatKm: number;
  /** The particle whose surface carries the activity. */
  particle: CeriaParticle;
}

/** Ceria core: density (kg/m³), core diameter (m) and Ce3+ fraction of surface cerium. */
export interface CeriaParticle {
  densityKgPerM3: number;
  coreDiameterM: number;
  ce3Fraction: number;
}

/** The parameters with the ceria activities zeroed where an ablation switch turns them off. */
export function withCeriaSwitches(p: ChemistryParams, opts: { ceriaSod: boolean; ceriaCat: boolean }): ChemistryParams {
  return { ...p, ceriaSodPerArea: opts.ceriaSod ? p.ceriaSodPerArea : 0, ceriaCatVmaxPerArea: opts.ceriaCat ? p.ceriaCatVmaxPerArea : 0 };
}

/** Ce3+ surface area per volume (m²/m³) of ceria at mass concentration C (kg/m³): C·6·f₃/(ρ·d). */
export function ceriaActiveArea(cKgPerM3: number, p: CeriaParticle): number {
  return (cKgPerM3 * 6 * p.ce3Fraction) / (p.densityKgPerM3 * p.coreDiameterM);
}

/** Per-voxel inputs the chemistry reads (filled by the tile before each reaction step). */
export interface ChemistryInputs {
  /** Superoxide and H2O2 production (mol/m³/s). */
  prodS: Float64Array;
  prodH: Float64Array;
  /** Ce3+ surface area per volume (m²/m³). */
  ceriaArea: Float64Array;
}

/** The batch reaction system (3 species per voxel, analytic Jacobian). */
export function rosSystem(p: ChemistryParams, inp: ChemistryInputs): BatchReactionSystem {
  return {
    size: 3,
    rhs(_t, y, f, v) {
      const S = y[0];
      const H = y[1];
      const G = y[2];
      const A = inp.ceriaArea[v];
      const dism = (p.sodRatePerS + p.ceriaSodPerArea * A) * S;
      const gpx = p.gpxRate * G * H;
      f[0] = inp.prodS[v] - dism - p.superoxideGshRate * G * S;
      f[1] = inp.prodH[v] + 0.5 * dism - (p.catalaseVmax * H) / (p.catalaseKm + H) - gpx - (p.ceriaCatVmaxPerArea * A * H) / (p.ceriaCatKm + H);
      f[2] = p.glutathioneRegenPerS * (p.glutathioneRest - G) - 2 * gpx;
    },
    jacobian(_t, y, J, v) {
      const S = y[0];
      const H = y[1];
      const G = y[2];
      const A = inp.ceriaArea[v];
      const kd = p.sodRatePerS + p.ceriaSodPerArea * A;
      const cat = (p.catalaseVmax * p.catalaseKm) / ((p.catalaseKm + H) * (p.catalaseKm + H));
      const ce = (p.ceriaCatVmaxPerArea * A * p.ceriaCatKm) / ((p.ceriaCatKm + H) * (p.ceriaCatKm + H));
      J[0] = -kd - p.superoxideGshRate * G;
      J[1] = 0;
      J[2] = -p.superoxideGshRate * S;
      J[3] = 0.5 * kd;
      J[4] = -cat - p.gpxRate * G - ce;
      J[5] = -p.gpxRate * H;
      J[6] = 0;
      J[7] = -2 * p.gpxRate * G;
      J[8] = -p.glutathioneRegenPerS - 2 * p.gpxRate * H;
    },
  };
}
