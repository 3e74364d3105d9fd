import type { BatchReactionSystem } from '../ode/batch.ts';
import { ceriaCatalysis as CE, rosChemistry as R } from '../species/microenv.ts';

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
}

/** Chemistry parameters from the parameter set; ablation switches zero the ceria activities. */
export function chemistryParams(opts: { ceriaSod: boolean; ceriaCat: boolean }): ChemistryParams {
  const k0 = R.h2o2ClearancePerS.value;
  const catShare = R.catalaseShare.value;
  const g0 = R.glutathioneMolPerM3.value;
  return {
    sodRatePerS: R.sodRateConstantM3PerMolS.value * R.sodEnzymeMolPerM3.value,
    // linear catalase rate k0·share at low H: Vmax = k·Km
    catalaseVmax: k0 * catShare * R.catalaseKmMolPerM3.value,
    catalaseKm: R.catalaseKmMolPerM3.value,
    gpxRate: (k0 * (1 - catShare)) / g0,
    // synthesis target chosen so the resting steady state is exactly G₀ at the reference H2O2 level
    glutathioneRest: g0 * (1 + (2 * ((k0 * (1 - catShare)) / g0) * R.h2o2BaselineMolPerM3.value) / R.glutathioneRegenPerS.value),
    glutathioneRegenPerS: R.glutathioneRegenPerS.value,
    superoxideGshRate: R.superoxideGshRateM3PerMolS.value,
    ceriaSodPerArea: opts.ceriaSod ? CE.sodRatePerAreaMPerS.value : 0,
    ceriaCatVmaxPerArea: opts.ceriaCat ? CE.catVmaxPerAreaMolPerM2S.value : 0,
    ceriaCatKm: CE.catKmMolPerM3.value,
  };
}

/** Ce3+ surface area per volume (m²/m³) of ceria at mass concentration C (kg/m³). */
export function ceriaActiveArea(cKgPerM3: number): number {
  return (cKgPerM3 * 6 * CE.ce3Fraction.value) / (CE.densityKgPerM3.value * CE.coreDiameterNm.value * 1e-9);
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
