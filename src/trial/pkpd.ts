import type { TrialParams } from '../parameters/assemble/trial.ts';
import { pow } from '../core/pow.ts';

/**
 * Pharmacology of the virtual AGA trials, as pure functions of doses (SI-free scalars: mg/day, fractions,
 * days, µm as named). Each maps a dose to a dimensionless behaviour factor of the human automaton
 * (docs/model.md §9): 5α-reductase inhibitors → `androgenExposure`; minoxidil → `activation`,
 * `anagenDuration`, `sizeRetention`; wounds → `activation`; ceria → `activation` (bulge) and
 * `androgenExposure` (the ROS share of miniaturization at the bulb). A dose of 0 gives exactly 1.
 */

/** Emax model E = Emax·D/(ED50 + D) (fraction; D and ED50 in the same unit). 0 at D = 0. */
export function emax(dose: number, eMax: number, ed50: number): number {
  return dose <= 0 ? 0 : (eMax * dose) / (ed50 + dose);
}

/** Fractional scalp DHT suppression by finasteride at a daily dose (mg/d), before between-subject variation. */
export function finasterideScalpSuppression(doseMgPerDay: number, p: TrialParams): number {
  return emax(doseMgPerDay, p.finasteride.scalpEmax, p.finasteride.scalpEd50Mg);
}

/** Fractional serum DHT suppression by finasteride (mg/d). */
export function finasterideSerumSuppression(doseMgPerDay: number, p: TrialParams): number {
  return emax(doseMgPerDay, p.finasteride.serumEmax, p.finasteride.serumEd50Mg);
}

/** Fractional serum DHT suppression by dutasteride (mg/d). */
export function dutasterideSerumSuppression(doseMgPerDay: number, p: TrialParams): number {
  return emax(doseMgPerDay, p.dutasteride.serumEmax, p.dutasteride.serumEd50Mg);
}

/** Fractional scalp DHT suppression by dutasteride (mg/d): serum × the finasteride scalp/serum ratio (assumption). */
export function dutasterideScalpSuppression(doseMgPerDay: number, p: TrialParams): number {
  return dutasterideSerumSuppression(doseMgPerDay, p) * p.dutasteride.scalpToSerumRatio;
}

/**
 * Androgen-exposure factor of a man's follicles under a suppression s (fraction) scaled by his own
 * multiplier m (lognormal, mean 1): 1 − min(1, s·m). Scalp DHT is what the follicle sees, so the exposure
 * falls in proportion (the same x = A·S·u that drives untreated AGA, docs/model.md §1.4).
 */
export function androgenExposureFactor(suppression: number, subjectMultiplier: number): number {
  return suppression <= 0 ? 1 : 1 - Math.min(1, suppression * subjectMultiplier);
}

/** Applied minoxidil (mg/d) of a regimen: concentration (%, g/100 mL) × volume (mL) × applications/d. */
export function minoxidilAppliedMgPerDay(concentrationPct: number, volumeMl: number, perDay: number): number {
  return concentrationPct * 10 * volumeMl * perDay;
}

/**
 * Activated minoxidil exposure z (1 = the reference 5 % regimen absorbed by a man at the SULT1A1 assay
 * cut-off): absorbed dose relative to 1.4 mg/d × SULT activity / 0.4 OD. Sulfation is the activating step
 * (Buhl 1990), so a man with low SULT1A1 activates little: the non-responders.
 */
export function minoxidilActivatedExposure(appliedMgPerDay: number, absorptionMultiplier: number, sultOd: number, p: TrialParams): number {
  const absorbed = appliedMgPerDay * p.minoxidil.absorbedFraction * absorptionMultiplier;
  return (absorbed / p.minoxidil.referenceAbsorbedMgPerDay) * (sultOd / p.minoxidil.sultReferenceOd);
}

/** Minoxidil effect E ∈ [0, 1): z/(EC50 + z). */
export function minoxidilEffect(activated: number, p: TrialParams): number {
  return emax(activated, 1, p.minoxidil.ec50);
}

/** Behaviour factors of a minoxidil effect E at gain g: 1 + (max − 1)·g·E for each behaviour. */
export function minoxidilFactors(effect: number, gain: number, p: TrialParams): { activation: number; anagenDuration: number; sizeRetention: number } {
  const ge = gain * effect;
  return {
    activation: 1 + (p.minoxidil.activationMax - 1) * ge,
    anagenDuration: 1 + (p.minoxidil.anagenMax - 1) * ge,
    sizeRetention: 1 + (p.minoxidil.sizeRetentionMax - 1) * ge,
  };
}

/** Hill response of the wound signal w (a.u.), the mouse wound rule's shape: w^n/(K^n + w^n). */
export function woundResponse(w: number, p: TrialParams): number {
  if (w <= 0) return 0;
  const n = p.microneedling.woundHill;
  const k = p.microneedling.woundHalfMax;
  return pow(w, n) / (pow(k, n) + pow(w, n));
}

/**
 * Mean wound response over the healing window after one session whose channels reach depthUm: the signal
 * w(t) = w₀·2^(−t/t½), w₀ = woundPerMm × depth (mm), averaged over `windowDays` by 64-point midpoint rule
 * (the response is nonlinear in w, so the mean of the response, not the response of the mean).
 */
export function meanWoundResponse(depthUm: number, windowDays: number, p: TrialParams): number {
  const w0 = p.microneedling.woundPerMm * (depthUm / 1000);
  const half = p.microneedling.healingHalfLifeDays;
  let s = 0;
  const n = 64;
  for (let i = 0; i < n; i++) s += woundResponse(w0 * pow(2, (-((i + 0.5) / n) * windowDays) / half), p);
  return s / n;
}

/** Activation factor of a wound response r ∈ [0, 1]: 1 + gain·r (human gain, docs/model.md §9). */
export function woundActivationFactor(response: number, p: TrialParams): number {
  return 1 + p.microneedling.humanWoundActivationGain * response;
}

/**
 * Relative steady concentration at depth zUm of a planar depot at depotUm that diffuses (D) and is cleared
 * (k) — the 1-D solution exp(−|z − z_d|/L), L = √(D/k) — normalised to the depot plane. Kept as the analytic
 * check of the 3-D depth–dose solve (test/trial/ceriaDepthDose.test.ts); the safety readouts come from the 3-D
 * solve too (ceriaSafety.ts).
 */
export function depthProfile(zUm: number, depotUm: number, p: TrialParams, diffusionUm2PerS = p.ceriaHuman.diffusionUm2PerS, clearancePerDay = p.ceriaHuman.clearancePerDay): number {
  const lengthUm = Math.sqrt(diffusionUm2PerS / (clearancePerDay / 86400));
  return Math.exp(-Math.abs(zUm - depotUm) / lengthUm);
}

/** Diffusion–clearance length L = √(D/k) (µm). */
export function penetrationLengthUm(p: TrialParams): number {
  return Math.sqrt(p.ceriaHuman.diffusionUm2PerS / (p.ceriaHuman.clearancePerDay / 86400));
}

/** Saturating ceria effect θ(c) = c/(c + c½) of a concentration relative to the mouse bulb level. */
export function ceriaOccupancy(relConc: number, p: Pick<TrialParams, 'ceriaHuman'>): number {
  return relConc <= 0 ? 0 : relConc / (relConc + p.ceriaHuman.halfEffectRelConc);
}

/**
 * Ceria behaviour factors from the time-mean ceria levels at the bulge and at the bulb relative to what the
 * mouse's bulb gets under the mouse study regimen (3-D depth–dose, src/trial/ceriaDepthDose.ts). Activation acts
 * on resting follicles at the bulge; androgenExposure removes the ROS share of miniaturization only at the bulb.
 */
export function ceriaFactors(bulgeRel: number, bulbRel: number, p: TrialParams): { activation: number; androgenExposure: number; bulgeRel: number; bulbRel: number } {
  return {
    activation: 1 + (p.ceriaHuman.activationMax - 1) * ceriaOccupancy(bulgeRel, p),
    androgenExposure: 1 - p.ceriaHuman.rosShareOfMiniaturization * ceriaOccupancy(bulbRel, p),
    bulgeRel,
    bulbRel,
  };
}
