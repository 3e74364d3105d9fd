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
  /** First-order loss of ceria activity in tissue (1/s): the tile's ceria field is active ceria. */
  activityDecayPerS: number;
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

/** Newton tolerances of the backward-Euler chemistry step (numerical settings, per species S, H, G). */
export interface ChemistryTolerances {
  /** Absolute tolerances (mol/m³) of S, H and G. */
  atol: readonly [number, number, number];
  rtol: number;
  /** Bound on Newton/bisection iterations per voxel (the bracket halves at least every other one). */
  maxIterations: number;
}

/**
 * One backward-Euler step of length h (s) of the ROS system in voxels [start, end) of the interleaved
 * state `y` ([S, H, G] per voxel), in place; returns the number of voxels left unchanged because their
 * solve was not finite. The step equations are the batch integrator's (same scheme, same solution) but
 * solved by elimination: the S and G equations are linear in S and G for given H,
 *
 *   G(H) = (G₀ + h·k_regen·G_max)/(1 + h·(k_regen + 2k_GPx·H)),   S(H) = (S₀ + h·P_S)/(1 + h·(k_d + k_GS·G(H))),
 *
 * so the step reduces to one scalar equation F(H) = 0 with F(0) ≤ 0 ≤ F(H_up), H_up = H₀ + h·(P_H + ½k_d·S(∞)),
 * solved by Newton with the exact derivative, safeguarded by bisection inside that bracket (it cannot fail
 * for finite inputs). Converged when every species' Newton increment is within its weight atol + rtol·|y|
 * (max norm ≤ 1: stricter than the batch integrator's RMS-norm test) after a full (not simplified) Newton
 * step, so the remaining error is second order in that increment.
 */
export function rosBackwardEulerStep(
  p: ChemistryParams,
  inp: ChemistryInputs,
  y: Float64Array,
  h: number,
  tol: ChemistryTolerances,
  start: number,
  end: number,
): number {
  const [aS, aH, aG] = tol.atol;
  const rt = tol.rtol;
  const kr = p.glutathioneRegenPerS;
  const gpx = p.gpxRate;
  const kGS = p.superoxideGshRate;
  const vCat = p.catalaseVmax;
  const kCat = p.catalaseKm;
  const kCe = p.ceriaCatKm;
  const gNum0 = h * kr * p.glutathioneRest;
  const gDen0 = 1 + h * kr;
  const h2gpx = 2 * h * gpx;
  const hkGS = h * kGS;
  const maxIterations = tol.maxIterations;
  // locals: the loop writes into a typed array, after which the engine may reload object properties
  const kSod = p.sodRatePerS;
  const ceSod = p.ceriaSodPerArea;
  const ceCat = p.ceriaCatVmaxPerArea;
  const area = inp.ceriaArea;
  const prodH = inp.prodH;
  const prodS = inp.prodS;
  let failed = 0;
  for (let v = start; v < end; v++) {
    const o = 3 * v;
    const S0 = y[o];
    const H0 = y[o + 1];
    const G0 = y[o + 2];
    const A = area[v];
    const kd = kSod + ceSod * A;
    const vCe = ceCat * A;
    const pH = prodH[v];
    const sNum = S0 + h * prodS[v];
    const sDen0 = 1 + h * kd;
    const gNum = G0 + gNum0;
    let lo = 0;
    let hi = H0 + h * (pH + 0.5 * kd * (sNum / sDen0));
    let H = Math.min(Math.max(H0, lo), hi);
    let G = 0;
    let S = 0;
    let ok = false;
    for (let it = 0; it < maxIterations; it++) {
      // reciprocals once: four divisions per iteration
      const iG = 1 / (gDen0 + h2gpx * H);
      G = gNum * iG;
      const iS = 1 / (sDen0 + hkGS * G);
      S = sNum * iS;
      const iCat = 1 / (kCat + H);
      // without ceria (the healthy twin, untreated voxels) iCe only ever multiplies vCe = ±0: any finite value
      // gives the same ±0 products, so the division is skipped (K_ce > 0 and H ≥ 0 keep it finite)
      const iCe = vCe === 0 ? 0 : 1 / (kCe + H);
      const cat = vCat * iCat;
      const ce = vCe * iCe;
      const F = H - H0 - h * (pH + 0.5 * kd * S - (cat + gpx * G + ce) * H);
      const dG = -G * h2gpx * iG;
      const dS = -S * hkGS * dG * iS;
      const dF = 1 + h * (-0.5 * kd * dS + cat * kCat * iCat + gpx * (G + H * dG) + ce * kCe * iCe);
      if (!Number.isFinite(F + dF)) break;
      if (F > 0) hi = H;
      else lo = H;
      let Hn = H - F / dF;
      // outside the bracket: bisect instead
      if (!(Hn >= lo && Hn <= hi)) Hn = 0.5 * (lo + hi);
      const d = Hn - H;
      H = Hn;
      // every species' increment within its weight (max norm ≤ 1, which implies the RMS norm ≤ 1)
      const eS = dS * d;
      const eG = dG * d;
      if (
        (Math.abs(d) <= aH + rt * Math.abs(H) && Math.abs(eS) <= aS + rt * Math.abs(S + eS) && Math.abs(eG) <= aG + rt * Math.abs(G + eG)) ||
        hi - lo <= 0
      ) {
        ok = true;
        break;
      }
    }
    if (!ok) {
      failed++;
      continue;
    }
    G = gNum / (gDen0 + h2gpx * H);
    S = sNum / (sDen0 + hkGS * G);
    y[o] = S;
    y[o + 1] = H;
    y[o + 2] = G;
  }
  return failed;
}
