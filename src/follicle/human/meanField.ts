import { lognormalParams } from '../../core/random/samplers.ts';
import { normalCdf } from '../../core/random/specialFunctions.ts';
import { standardNormalSf } from '../../stats/special.ts';
import type { FollicleBehaviour } from '../behaviour.ts';
import { anagenMeanS, latencyMeanS, recoveryStep, type HumanScalpModel } from './model.ts';
import { pow } from '../../core/pow.ts';

/**
 * Deterministic mean-field version of the human automaton: renewal equations for the expected share of
 * follicles in each (cycle k, phase) state, solved on a time grid of step h. Unlike the Halloy ODE
 * (exponential durations), it keeps the lognormal duration distributions, so it predicts the stochastic
 * mean transients, not only the stationary fractions. A duration D is rounded to j = round(D/h) steps.
 *
 * Scope: one region, all follicles alike (constant susceptibility and terminal diameter, no initial
 * vellus follicles), initialization `anagenOnset`. This is the verification oracle for the automaton.
 * Constant behaviour factors (held over the whole run) enter exactly as in the automaton: activation k turns
 * the resting survival S(x) into S(x)^k, anagenDuration scales anagen, sizeRetention and androgenExposure
 * act at each miniaturization step.
 */

export interface MeanFieldResult {
  /** Grid times (s): n·h. */
  timesS: Float64Array;
  anagenFraction: Float64Array;
  hairsPerFollicle: Float64Array;
  terminalHairsPerFollicle: Float64Array;
  dormantFraction: Float64Array;
}

/** pmf of round(D/h) for lognormal D under a constant hazard multiplier k (survival S^k). */
function lognormalPmf(mu: number, sigma: number, h: number, n: number, k = 1): Float64Array {
  const q = new Float64Array(n + 1);
  if (sigma === 0) {
    const j = Math.round(Math.exp(mu) / k / h);
    if (j <= n) q[j] = 1;
    return q;
  }
  const cdf =
    k === 1
      ? (x: number) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma))
      : (x: number) => (x <= 0 ? 0 : 1 - pow(standardNormalSf((Math.log(x) - mu) / sigma), k));
  let prev = 0;
  for (let j = 0; j <= n; j++) {
    const c = cdf((j + 0.5) * h);
    q[j] = c - prev;
    prev = c;
  }
  return q;
}

/** Solves the renewal mean field for one region `r` of the model over [0, endS] with grid step hS. */
export function humanMeanField(
  model: HumanScalpModel,
  region: number,
  endS: number,
  hS: number,
  factors: Partial<Record<FollicleBehaviour, number>> = {},
): MeanFieldResult {
  if (!Number.isNaN(model.susceptibilityA)) throw new RangeError('mean field needs constant susceptibility (susceptibility.sd = 0)');
  if (model.terminalDiameterSdM !== 0) throw new RangeError('mean field needs terminalDiameterUm.sd = 0');
  if (model.vellusFraction !== 0) throw new RangeError('mean field needs vellusFraction = 0');
  if (model.initialization !== 'anagenOnset') throw new RangeError("mean field needs initialization 'anagenOnset'");
  const n = Math.round(endS / hS);
  const act = factors.activation ?? 1;
  const lnAna = Math.log(factors.anagenDuration ?? 1);
  const untreated = Math.min(1, model.androgenLevel * model.regionSensitivity[region] * model.susceptibilityB);
  const exposure = Math.min(1, model.androgenLevel * model.regionSensitivity[region] * model.susceptibilityB * (factors.androgenExposure ?? 1));
  const shrink = Math.max(0, 1 - model.miniaturizationPerCycle * exposure) * (factors.sizeRetention ?? 1);
  const dT = model.terminalDiameterMeanM;
  const dV = model.vellusDiameterM;
  const pL = model.latencyProbability;
  const ncCdf = (k: number) =>
    k < 1 ? 0 : model.criticalCyclesSd === 0 ? (k >= Math.max(1, Math.round(model.criticalCyclesMean)) ? 1 : 0) : normalCdf((k + 0.5 - model.criticalCyclesMean) / model.criticalCyclesSd);
  const catPmf = lognormalPmf(model.catagen.mu, model.catagen.sigma, hS, n);
  const telPmf = lognormalPmf(model.telogen.mu, model.telogen.sigma, hS, n, act);

  const anagen = new Float64Array(n + 1);
  const hairs = new Float64Array(n + 1);
  const terminal = new Float64Array(n + 1);
  const dormant = new Float64Array(n + 1);

  /** Pushes entry flux `inflow` through a phase with pmf q: adds occupancy and returns the exit flux. */
  const phase = (inflow: Float64Array, q: Float64Array, occupancyTargets: Float64Array[]): Float64Array => {
    const out = new Float64Array(n + 1);
    let support = q.length - 1;
    while (support > 0 && q[support] < 1e-15) support--;
    for (let i = 0; i <= n; i++) {
      const e = inflow[i];
      if (e < 1e-15) continue;
      const jmax = Math.min(support, n - i);
      for (let j = 0; j <= jmax; j++) out[i + j] += e * q[j];
    }
    // occupancy = cumulative in − cumulative out (after the transitions of each step)
    let cin = 0;
    let cout = 0;
    for (let i = 0; i <= n; i++) {
      cin += inflow[i];
      cout += out[i];
      const occ = cin - cout;
      for (const target of occupancyTargets) target[i] += occ;
    }
    return out;
  };

  let size = 1;
  let entry = new Float64Array(n + 1);
  entry[0] = 1;
  const scratch = new Float64Array(n + 1);
  for (let k = 0; k < 500; k++) {
    let mass = 0;
    for (let i = 0; i <= n; i++) mass += entry[i];
    if (mass < 1e-12) break;
    const d = dV + (dT - dV) * size;
    const aMu = Math.log(anagenMeanS(model, size)) - 0.5 * model.anagenSigma * model.anagenSigma + lnAna;
    const hairTargets = d >= model.terminalThresholdM ? [hairs, terminal] : [hairs];
    const afterA = phase(entry, lognormalPmf(aMu, model.anagenSigma, hS, n), [anagen, ...hairTargets]);
    const afterC = phase(afterA, catPmf, hairTargets);
    const afterT = phase(afterC, telPmf, hairTargets);
    const lMu = Math.log(latencyMeanS(model, size)) - 0.5 * model.latencySigma * model.latencySigma;
    for (let i = 0; i <= n; i++) scratch[i] = pL * afterT[i];
    const afterL = phase(scratch, lognormalPmf(lMu, model.latencySigma, hS, n, act), []);
    // Next cycle starts: dormancy by size or by exhausting the critical cycle number.
    const next = new Float64Array(n + 1);
    // recovery toward the genetic size 1 (0 when ρ = 0, leaving the old product bit for bit)
    size = Math.min(1, size * shrink + recoveryStep(size, exposure, untreated, model.recoveryPerCycle, 1) * (factors.sizeRetention ?? 1));
    const survivors = 1 - ncCdf(k);
    const hazard = size < model.dormantThreshold ? 1 : survivors > 0 ? (ncCdf(k + 1) - ncCdf(k)) / survivors : 1;
    for (let i = 0; i <= n; i++) {
      const arriving = (1 - pL) * afterT[i] + afterL[i];
      next[i] = (1 - hazard) * arriving;
      dormant[i] += hazard * arriving;
    }
    entry = next;
  }
  // dormant holds arrival flux; turn it into a cumulative share.
  for (let i = 1; i <= n; i++) dormant[i] += dormant[i - 1];
  const timesS = new Float64Array(n + 1);
  const anagenFraction = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    timesS[i] = i * hS;
    anagenFraction[i] = anagen[i] / (1 - dormant[i]);
  }
  return { timesS, anagenFraction, hairsPerFollicle: hairs, terminalHairsPerFollicle: terminal, dormantFraction: dormant };
}
