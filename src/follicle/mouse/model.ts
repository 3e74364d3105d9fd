import type { RandomStream } from '../../core/random/stream.ts';
import { betaParams, lognormalParams } from '../../core/random/samplers.ts';
import { DEFAULT_LATTICE_SIDE, type MouseSkinConfig } from './schema.ts';

/** Log-space parameters of a lognormal duration (sigma 0 = fixed at exp(mu)). */
export interface LogNormalDays {
  mu: number;
  sigma: number;
}

/** A depilation stimulus h(t) = peakRatePerDay · exp(−(t − day)/decayDays) on telogen follicles. */
export interface DepilationStimulus {
  method: 'wax' | 'cream' | 'none';
  day: number;
  peakRatePerDay: number;
  decayDays: number;
  refractoryResponse: number;
}

/** Androgen effects at full exposure (each acts as f^x at exposure x ∈ [0, 1]). */
export interface MouseAgaEffects {
  activationFactor: number;
  refractoryFactor: number;
  propagationFactor: number;
  anagenDurationFactor: number;
  growthRateFactor: number;
  sizeRetentionPerCycle: number;
}

/**
 * The assembled mouse lattice model. Unlike the SI-internal human model, the lattice works in the units
 * of its time step and of hair measurements (days, mm, µm); every name carries its unit.
 */
export interface MouseLatticeModel {
  nx: number;
  ny: number;
  n: number;
  follicleDensityPerMm2: number;
  siteSpacingUm: number;
  dtDays: number;
  anagen: LogNormalDays;
  catagen: LogNormalDays;
  refractory: LogNormalDays;
  spontaneousActivationPerDay: number;
  neighbourThreshold: number;
  propagationRatePerDay: number;
  propagatingAnagenDays: number;
  emergenceDays: number;
  growthRateMmPerDay: number;
  maxShaftLengthMm: number;
  diameterMeanUm: number;
  diameterSdUm: number;
  miniaturizedDiameterUm: number;
  visibleLengthMm: number;
  miniaturizedBelowSize: number;
  pigmentOnsetDays: number;
  pigmentRampDays: number;
  pigmentFadeDays: number;
  depilation: DepilationStimulus;
  initialCompetentFraction: number;
  clubHairs: boolean;
  androgenLevel: number;
  agaStartDay: number;
  aga: MouseAgaEffects;
  /** Beta(a, b) of per-follicle androgen susceptibility, or a = NaN with b = the constant when SD is zero. */
  susceptibilityA: number;
  susceptibilityB: number;
  variability: MouseSkinConfig['variability'];
}

const logNormalDays = (mean: number, sd: number): LogNormalDays => lognormalParams(mean, Math.max(sd, 0));

/** Follicles per side of the lattice from the config (nx/ny, or a square from areaMm2 × density). */
export function latticeSize(cfg: MouseSkinConfig): { nx: number; ny: number } {
  const lat = cfg.lattice;
  if (lat.areaMm2 !== undefined) {
    const side = Math.max(1, Math.round(Math.sqrt(lat.areaMm2 * lat.follicleDensityPerMm2)));
    return { nx: side, ny: side };
  }
  const nx = lat.nx ?? lat.ny ?? DEFAULT_LATTICE_SIDE;
  return { nx, ny: lat.ny ?? nx };
}

/** Assembles the lattice model from a validated `mouseSkin` config. */
export function assembleMouseLattice(cfg: MouseSkinConfig): MouseLatticeModel {
  const { nx, ny } = latticeSize(cfg);
  const dep = cfg.depilation;
  const stim = dep.method === 'wax' ? dep.wax : dep.cream;
  const sus = cfg.aga.susceptibility;
  let susA = Number.NaN;
  let susB = sus.mean;
  if (sus.sd > 0) ({ a: susA, b: susB } = betaParams(sus.mean, sus.sd));
  return {
    nx,
    ny,
    n: nx * ny,
    follicleDensityPerMm2: cfg.lattice.follicleDensityPerMm2,
    siteSpacingUm: 1000 / Math.sqrt(cfg.lattice.follicleDensityPerMm2),
    dtDays: cfg.lattice.dtDays,
    anagen: logNormalDays(cfg.cycle.anagen.meanDays, cfg.cycle.anagen.sdDays),
    catagen: logNormalDays(cfg.cycle.catagen.meanDays, cfg.cycle.catagen.sdDays),
    refractory: logNormalDays(cfg.cycle.refractoryTelogen.meanDays, cfg.cycle.refractoryTelogen.sdDays),
    spontaneousActivationPerDay: cfg.cycle.spontaneousActivationPerDay,
    neighbourThreshold: cfg.coupling.threshold,
    propagationRatePerDay: cfg.coupling.ratePerDay,
    propagatingAnagenDays: cfg.coupling.propagatingAnagenDays,
    emergenceDays: cfg.shaft.emergenceDays,
    growthRateMmPerDay: cfg.shaft.growthRateMmPerDay,
    maxShaftLengthMm: cfg.shaft.maxLengthMm,
    diameterMeanUm: cfg.shaft.diameterUm.mean,
    diameterSdUm: cfg.shaft.diameterUm.sd,
    miniaturizedDiameterUm: cfg.shaft.miniaturizedDiameterUm,
    visibleLengthMm: cfg.shaft.visibleLengthMm,
    miniaturizedBelowSize: cfg.shaft.miniaturizedBelowSize,
    pigmentOnsetDays: cfg.pigment.onsetDays,
    pigmentRampDays: cfg.pigment.rampDays,
    pigmentFadeDays: cfg.pigment.fadeDays,
    depilation: {
      method: dep.method,
      day: dep.day,
      peakRatePerDay: dep.method === 'none' ? 0 : stim.peakRatePerDay,
      decayDays: stim.decayDays,
      refractoryResponse: stim.refractoryResponse,
    },
    initialCompetentFraction: cfg.initial.competentFraction,
    clubHairs: cfg.initial.clubHairs,
    androgenLevel: cfg.aga.androgenLevel,
    agaStartDay: cfg.aga.startDay,
    aga: {
      activationFactor: cfg.aga.activationFactor,
      refractoryFactor: cfg.aga.refractoryFactor,
      propagationFactor: cfg.aga.propagationFactor,
      anagenDurationFactor: cfg.aga.anagenDurationFactor,
      growthRateFactor: cfg.aga.growthRateFactor,
      sizeRetentionPerCycle: cfg.aga.sizeRetentionPerCycle,
    },
    susceptibilityA: susA,
    susceptibilityB: susB,
    variability: cfg.variability,
  };
}

/** Per-animal multipliers (mean 1) and the animal's initial competent fraction. */
export interface MouseTraits {
  anagenDurationFactor: number;
  refractoryDurationFactor: number;
  activationFactor: number;
  growthRateFactor: number;
  androgenSensitivity: number;
  competentFraction: number;
}

/** A mouse without between-animal variation (all multipliers 1). */
export function typicalMouseTraits(model: MouseLatticeModel): MouseTraits {
  return {
    anagenDurationFactor: 1,
    refractoryDurationFactor: 1,
    activationFactor: 1,
    growthRateFactor: 1,
    androgenSensitivity: 1,
    competentFraction: model.initialCompetentFraction,
  };
}

/** Lognormal multiplier with mean 1 and the given CV (1 when CV is 0). */
function unitLognormal(rng: RandomStream, cv: number): number {
  const z = rng.normal(); // always drawn, so the draw order does not depend on the CVs
  if (cv <= 0) return 1;
  const s2 = Math.log(1 + cv * cv);
  return Math.exp(-0.5 * s2 + Math.sqrt(s2) * z);
}

/** Draws one animal's traits (six normal deviates, in a fixed order). */
export function sampleMouseTraits(model: MouseLatticeModel, rng: RandomStream): MouseTraits {
  const v = model.variability;
  const anagenDurationFactor = unitLognormal(rng, v.anagenDurationCv);
  const refractoryDurationFactor = unitLognormal(rng, v.refractoryDurationCv);
  const activationFactor = unitLognormal(rng, v.activationCv);
  const growthRateFactor = unitLognormal(rng, v.growthRateCv);
  const androgenSensitivity = unitLognormal(rng, v.androgenSensitivityCv);
  const zc = rng.normal();
  const competentFraction = Math.min(1, Math.max(0, model.initialCompetentFraction + v.competentFractionSd * zc));
  return { anagenDurationFactor, refractoryDurationFactor, activationFactor, growthRateFactor, androgenSensitivity, competentFraction };
}
