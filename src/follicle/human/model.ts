import { betaParams, lognormalParams } from '../../core/random/samplers.ts';
import { cm2ToM2, DAYS_PER_YEAR, daysToS } from '../../core/units.ts';
import { HUMAN_REGION_IDS, type HumanScalpConfig } from './schema.ts';

/** Log-space lognormal parameters, or a fixed value when the SD is zero. */
export interface LogNormalSpec {
  mu: number;
  sigma: number;
}

/**
 * The assembled human scalp model: scenario units converted to SI (s, m, m²), distributions turned
 * into sampler parameters. Built once per run; the automaton reads only this.
 */
export interface HumanScalpModel {
  regionIds: readonly string[];
  regionAreaM2: Float64Array;
  /** Follicles per region; Float64 holds every safe integer (Int32 wrapped above 2^31 − 1). */
  regionFollicles: Float64Array;
  regionSensitivity: Float64Array;
  initialization: 'stationary' | 'anagenOnset';
  /** sequential: one stream for all follicles (the historical order); perFollicle: one jump per follicle. */
  randomStreams: 'sequential' | 'perFollicle';
  /** Anagen mean (s) of a terminal (size 1) and of a fully miniaturized (size 0) follicle; CV shared. */
  anagenTerminalMeanS: number;
  anagenVellusMeanS: number;
  anagenSigma: number;
  catagen: LogNormalSpec;
  telogen: LogNormalSpec;
  latencyProbability: number;
  latencyHealthyMeanS: number;
  latencyAgaMeanS: number;
  latencySigma: number;
  terminalDiameterMeanM: number;
  terminalDiameterSdM: number;
  vellusDiameterM: number;
  terminalThresholdM: number;
  vellusFraction: number;
  criticalCyclesMean: number;
  criticalCyclesSd: number;
  androgenLevel: number;
  miniaturizationPerCycle: number;
  /** Beta(a, b) of per-follicle susceptibility, or a = NaN with b = the constant when SD is zero. */
  susceptibilityA: number;
  susceptibilityB: number;
  dormantThreshold: number;
  /** Fraction ρ of the gap to the genetic size regained per cycle under full androgen withdrawal (0 = irreversible). */
  recoveryPerCycle: number;
  /** Per-follicle AGA onset spread T (s): follicle i is exposed from U_i·T on (0 = from t = 0). */
  follicleOnsetSpreadS: number;
}

const sigmaOf = (mean: number, sd: number): number => lognormalParams(mean, Math.max(sd, 0)).sigma;

/** Assembles the SI model from a validated `scalp` config. */
export function assembleHumanScalp(cfg: HumanScalpConfig): HumanScalpModel {
  const ids = HUMAN_REGION_IDS;
  const area = new Float64Array(ids.length);
  const count = new Float64Array(ids.length);
  const sens = new Float64Array(ids.length);
  ids.forEach((id, r) => {
    const reg = cfg.regions[id];
    area[r] = cm2ToM2(reg.areaCm2);
    count[r] = Math.max(0, Math.round(reg.areaCm2 * reg.follicleDensityPerCm2));
    sens[r] = reg.androgenSensitivity;
  });
  const cyc = cfg.cycle;
  const sus = cfg.aga.susceptibility;
  let susA = Number.NaN;
  let susB = sus.mean;
  if (sus.sd > 0) ({ a: susA, b: susB } = betaParams(sus.mean, sus.sd));
  return {
    regionIds: ids,
    regionAreaM2: area,
    regionFollicles: count,
    regionSensitivity: sens,
    initialization: cfg.initialization,
    randomStreams: cfg.randomStreams,
    anagenTerminalMeanS: daysToS(cyc.anagen.meanDays),
    anagenVellusMeanS: daysToS(Math.min(cfg.follicle.vellusAnagenMeanDays, cyc.anagen.meanDays)),
    anagenSigma: sigmaOf(cyc.anagen.meanDays, cyc.anagen.sdDays),
    catagen: lognormalParams(daysToS(cyc.catagen.meanDays), daysToS(cyc.catagen.sdDays)),
    telogen: lognormalParams(daysToS(cyc.telogen.meanDays), daysToS(cyc.telogen.sdDays)),
    latencyProbability: cyc.latency.probability,
    latencyHealthyMeanS: daysToS(cyc.latency.meanDays),
    latencyAgaMeanS: daysToS(Math.max(cfg.aga.latencyMeanDays, cyc.latency.meanDays)),
    latencySigma: sigmaOf(cyc.latency.meanDays, cyc.latency.sdDays),
    terminalDiameterMeanM: cfg.follicle.terminalDiameterUm.mean * 1e-6,
    terminalDiameterSdM: cfg.follicle.terminalDiameterUm.sd * 1e-6,
    vellusDiameterM: cfg.follicle.vellusDiameterUm * 1e-6,
    terminalThresholdM: cfg.follicle.terminalThresholdUm * 1e-6,
    vellusFraction: cfg.follicle.vellusFraction,
    criticalCyclesMean: cfg.follicle.criticalCycles.mean,
    criticalCyclesSd: cfg.follicle.criticalCycles.sd,
    androgenLevel: cfg.aga.androgenLevel,
    miniaturizationPerCycle: cfg.aga.miniaturizationPerCycle,
    susceptibilityA: susA,
    susceptibilityB: susB,
    dormantThreshold: cfg.aga.dormantThreshold,
    recoveryPerCycle: cfg.aga.recoveryPerCycle,
    follicleOnsetSpreadS: daysToS(cfg.aga.follicleOnsetSpreadYears * DAYS_PER_YEAR),
  };
}

/**
 * Relative size after one miniaturization step (docs/model.md §1.4):
 *   M' = M(1 − δx) + ρ·w·max(0, M_g − M),   w = max(0, 1 − x/x₀)
 * x is the exposure in force, x₀ the follicle's own untreated exposure (A·S·u): w is the fraction of its
 * androgen that has been withdrawn (a 5α-reductase inhibitor, castration). The androgen term shrinks the
 * follicle in proportion to its size; the recovery term closes a fraction ρ·w of the gap to its genetic
 * size M_g. Untreated (x = x₀) nothing recovers, so natural history does not depend on ρ; with ρ = 0 the
 * step is the old M(1 − δx), bit for bit.
 */
export function nextSize(size: number, exposure: number, untreatedExposure: number, delta: number, rho: number, geneticSize: number): number {
  return size * Math.max(0, 1 - delta * exposure) + recoveryStep(size, exposure, untreatedExposure, rho, geneticSize);
}

/** The recovery term ρ·max(0, 1 − x/x₀)·max(0, M_g − M) of `nextSize` (exactly 0 when ρ = 0 or x = x₀). */
export function recoveryStep(size: number, exposure: number, untreatedExposure: number, rho: number, geneticSize: number): number {
  if (!(rho > 0 && size < geneticSize && exposure < untreatedExposure)) return 0;
  return rho * (1 - exposure / untreatedExposure) * (geneticSize - size);
}

/** Anagen mean (s) of a follicle of relative size m ∈ [0, 1]: linear between vellus and terminal. */
export function anagenMeanS(model: HumanScalpModel, size: number): number {
  return model.anagenVellusMeanS + (model.anagenTerminalMeanS - model.anagenVellusMeanS) * size;
}

/** Latency mean (s) of a follicle of relative size m: lengthens toward the AGA value as it miniaturizes. */
export function latencyMeanS(model: HumanScalpModel, size: number): number {
  return model.latencyHealthyMeanS + (model.latencyAgaMeanS - model.latencyHealthyMeanS) * (1 - size);
}

/** Shaft diameter (m) of a follicle of relative size m with terminal diameter dT (m). */
export function diameterM(model: HumanScalpModel, size: number, terminalDiameterM: number): number {
  return model.vellusDiameterM + (terminalDiameterM - model.vellusDiameterM) * size;
}

/** Total follicle count of the scalp. */
export function totalFollicles(model: HumanScalpModel): number {
  let n = 0;
  for (let r = 0; r < model.regionFollicles.length; r++) n += model.regionFollicles[r];
  return n;
}
