import { ceriaHuman, dutasteride, finasteride, microneedling, minoxidil } from '../species/drugs.ts';

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
export function finasterideScalpSuppression(doseMgPerDay: number): number {
  return emax(doseMgPerDay, finasteride.scalpEmax.value, finasteride.scalpEd50Mg.value);
}

/** Fractional serum DHT suppression by finasteride (mg/d). */
export function finasterideSerumSuppression(doseMgPerDay: number): number {
  return emax(doseMgPerDay, finasteride.serumEmax.value, finasteride.serumEd50Mg.value);
}

/** Fractional serum DHT suppression by dutasteride (mg/d). */
export function dutasterideSerumSuppression(doseMgPerDay: number): number {
  return emax(doseMgPerDay, dutasteride.serumEmax.value, dutasteride.serumEd50Mg.value);
}

/** Fractional scalp DHT suppression by dutasteride (mg/d): serum × the finasteride scalp/serum ratio (assumption). */
export function dutasterideScalpSuppression(doseMgPerDay: number): number {
  return dutasterideSerumSuppression(doseMgPerDay) * dutasteride.scalpToSerumRatio.value;
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
export function minoxidilActivatedExposure(appliedMgPerDay: number, absorptionMultiplier: number, sultOd: number): number {
  const absorbed = appliedMgPerDay * minoxidil.absorbedFraction.value * absorptionMultiplier;
  return (absorbed / minoxidil.referenceAbsorbedMgPerDay.value) * (sultOd / minoxidil.sultReferenceOd.value);
}

/** Minoxidil effect E ∈ [0, 1): z/(EC50 + z). */
export function minoxidilEffect(activated: number): number {
  return emax(activated, 1, minoxidil.ec50.value);
}

/** Behaviour factors of a minoxidil effect E at gain g: 1 + (max − 1)·g·E for each behaviour. */
export function minoxidilFactors(effect: number, gain: number): { activation: number; anagenDuration: number; sizeRetention: number } {
  const ge = gain * effect;
  return {
    activation: 1 + (minoxidil.activationMax.value - 1) * ge,
    anagenDuration: 1 + (minoxidil.anagenMax.value - 1) * ge,
    sizeRetention: 1 + (minoxidil.sizeRetentionMax.value - 1) * ge,
  };
}

/** Hill response of the wound signal w (a.u.), the mouse wound rule's shape: w^n/(K^n + w^n). */
export function woundResponse(w: number): number {
  if (w <= 0) return 0;
  const n = microneedling.woundHill.value;
  const k = microneedling.woundHalfMax.value;
  return w ** n / (k ** n + w ** n);
}

/**
 * Mean wound response over the healing window after one session whose channels reach depthUm: the signal
 * w(t) = w₀·2^(−t/t½), w₀ = woundPerMm × depth (mm), averaged over `windowDays` by 64-point midpoint rule
 * (the response is nonlinear in w, so the mean of the response, not the response of the mean).
 */
export function meanWoundResponse(depthUm: number, windowDays: number): number {
  const w0 = microneedling.woundPerMm.value * (depthUm / 1000);
  const half = microneedling.healingHalfLifeDays.value;
  let s = 0;
  const n = 64;
  for (let i = 0; i < n; i++) s += woundResponse(w0 * 2 ** (-((i + 0.5) / n) * windowDays / half));
  return s / n;
}

/** Activation factor of a wound response r ∈ [0, 1]: 1 + gain·r (human gain, docs/model.md §9). */
export function woundActivationFactor(response: number): number {
  return 1 + microneedling.humanWoundActivationGain.value * response;
}

/**
 * Relative steady concentration at depth zUm of a planar depot at depotUm that diffuses (D) and is cleared
 * (k) — the 1-D solution exp(−|z − z_d|/L), L = √(D/k) — normalised to the depot plane. Kept as the analytic
 * check of the 3-D depth–dose solve (test/trial/ceriaDepthDose.test.ts) and for the ROS-floor readout.
 */
export function depthProfile(zUm: number, depotUm: number, diffusionUm2PerS = ceriaHuman.diffusionUm2PerS.value, clearancePerDay = ceriaHuman.clearancePerDay.value): number {
  const lengthUm = Math.sqrt(diffusionUm2PerS / (clearancePerDay / 86400));
  return Math.exp(-Math.abs(zUm - depotUm) / lengthUm);
}

/** Diffusion–clearance length L = √(D/k) (µm). */
export function penetrationLengthUm(): number {
  return Math.sqrt(ceriaHuman.diffusionUm2PerS.value / (ceriaHuman.clearancePerDay.value / 86400));
}

/** Saturating ceria effect θ(c) = c/(c + c½) of a concentration relative to the mouse bulb level. */
export function ceriaOccupancy(relConc: number): number {
  return relConc <= 0 ? 0 : relConc / (relConc + ceriaHuman.halfEffectRelConc.value);
}

/**
 * Ceria behaviour factors from the time-mean ceria levels at the bulge and at the bulb relative to what the
 * mouse's bulb gets under the mouse study regimen (3-D depth–dose, src/trial/ceriaDepthDose.ts). Activation acts
 * on resting follicles at the bulge; androgenExposure removes the ROS share of miniaturization only at the bulb.
 */
export function ceriaFactors(bulgeRel: number, bulbRel: number): { activation: number; androgenExposure: number; bulgeRel: number; bulbRel: number } {
  return {
    activation: 1 + (ceriaHuman.activationMax.value - 1) * ceriaOccupancy(bulgeRel),
    androgenExposure: 1 - ceriaHuman.rosShareOfMiniaturization.value * ceriaOccupancy(bulbRel),
    bulgeRel,
    bulbRel,
  };
}

/**
 * Mean depot level over a dosing interval of τ days at steady state, each patch adding 1 and clearing at k:
 * the average of e^(−kt)/(1 − e^(−kτ)) over [0, τ) = 1/(kτ) (exact, the mean of a periodic exponential).
 */
export function meanDepotLevel(intervalDays: number): number {
  return 1 / (ceriaHuman.clearancePerDay.value * intervalDays);
}

/** Ceria retained (µg per patch site) just after the n-th weekly patch: dose·Σ e^(−kτi), i < n. */
export function ceriaRetainedUg(patches: number, intervalDays: number, doseUg = ceriaHuman.doseUgPerPatch.value): number {
  const q = Math.exp(-ceriaHuman.clearancePerDay.value * intervalDays);
  return q === 1 ? doseUg * patches : (doseUg * (1 - q ** patches)) / (1 - q);
}

/**
 * Fraction of a dosing interval during which ROS at the depot stays below the physiological floor:
 * ROS(t) = R_AGA·(1 − r_max·θ(c(t))), c(t) = c₀e^(−kt) with c₀ the steady post-patch peak relative to the
 * mouse bulb level at the depot plane. Solved on a 256-point grid (θ is monotone, so this is a count).
 */
export function rosBelowFloorFraction(intervalDays: number): number {
  const k = ceriaHuman.clearancePerDay.value;
  const mouseRef = depthProfile(ceriaHuman.mouseBulbDepthUm.value, ceriaHuman.mouseDepotDepthUm.value);
  const peak = 1 / (1 - Math.exp(-k * intervalDays)) / mouseRef;
  let below = 0;
  const n = 256;
  for (let i = 0; i < n; i++) {
    const c = peak * Math.exp(-k * ((i + 0.5) / n) * intervalDays);
    const ros = ceriaHuman.agaRosExcess.value * (1 - ceriaHuman.rosReductionMax.value * ceriaOccupancy(c));
    if (ros < ceriaHuman.rosFloor.value) below++;
  }
  return below / n;
}
