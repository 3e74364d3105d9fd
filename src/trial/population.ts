import type { TrialParams } from '../parameters/assemble/trial.ts';
import { subjectPath } from '../experiment/cohort.ts';
import { RandomStream } from '../core/random/stream.ts';
import { betaParams, lognormalParams, sampleBeta } from '../core/random/samplers.ts';
import type { TrialScenario } from './schema.ts';

/**
 * The virtual men: covariates drawn from each candidate's own stream (seed path `subject/<id>/traits`), so a
 * man is the same whatever arm he is randomized to and whoever else is screened (common random numbers).
 */
export interface Subject {
  id: number;
  /** Age at enrolment (y). */
  ageYears: number;
  /** Years from AGA onset to enrolment (>= 0). */
  yearsSinceOnset: number;
  /** Androgen sensitivity (the automaton's androgen level; mean 1). */
  androgenSensitivity: number;
  /** Follicular SULT1A1 activity (OD405). */
  sultOd: number;
  /** Follicle density before AGA (1/cm²). */
  follicleDensityPerCm2: number;
  /** Fraction of doses taken (0-1). */
  adherence: number;
  /** Week of dropout after baseline (Infinity = completes). */
  dropoutWeek: number;
  /** Personal multipliers of the 5α-reductase suppression (lognormal, mean 1). */
  finasterideMultiplier: number;
  dutasterideMultiplier: number;
}

/** Lognormal draw with the given mean and CV (mean itself when CV is 0). */
function lognormalMeanCv(rng: RandomStream, mean: number, cv: number): number {
  const z = rng.normal();
  if (cv <= 0) return mean;
  const { mu, sigma } = lognormalParams(mean, mean * cv);
  return Math.exp(mu + sigma * z);
}

/** Draws candidate `id`'s covariates (all draws in a fixed order from `subject/<id>/traits`). */
export function drawSubject(s: TrialScenario, seed: number, id: number, p: TrialParams): Subject {
  const rng = RandomStream.fromSeed(seed, [...subjectPath(id), 'traits']);
  const pop = s.population;
  const age = pop.ageYears.mean + pop.ageYears.sd * rng.normal();
  const onset = Math.max(p.trialPopulation.onsetAgeMinYears, pop.onsetAgeYears.mean + pop.onsetAgeYears.sd * rng.normal());
  const androgen = lognormalMeanCv(rng, 1, pop.androgenSensitivityCv);
  const sultSigma = Math.sqrt(Math.log(1 + p.minoxidil.sultCv ** 2));
  const sult = p.minoxidil.sultMedianOd * Math.exp(sultSigma * rng.normal());
  const density = lognormalMeanCv(rng, p.trialPopulation.follicleDensityMeanPerCm2, p.trialPopulation.follicleDensityCv);
  const e = s.execution;
  let adherence = e.adherenceMean;
  if (e.adherenceSd > 0 && e.adherenceMean > 0 && e.adherenceMean < 1) {
    const { a, b } = betaParams(e.adherenceMean, Math.min(e.adherenceSd, 0.99 * Math.sqrt(e.adherenceMean * (1 - e.adherenceMean))));
    adherence = sampleBeta(rng, a, b);
  }
  const dropoutYears = e.dropoutPerYear > 0 ? -Math.log(rng.uniformOpen()) / e.dropoutPerYear : Infinity;
  const fin = lognormalMeanCv(rng, 1, p.finasteride.suppressionCv);
  const dut = lognormalMeanCv(rng, 1, p.dutasteride.suppressionCv);
  return {
    id,
    ageYears: age,
    yearsSinceOnset: Math.max(0, age - onset),
    androgenSensitivity: androgen,
    sultOd: sult,
    follicleDensityPerCm2: density,
    adherence,
    dropoutWeek: dropoutYears * 52.1775,
    finasterideMultiplier: fin,
    dutasterideMultiplier: dut,
  };
}

/**
 * Norwood stage (1-7) from the fraction of target-area terminal hairs lost since onset, by the cut-offs of
 * docs/model.md §9 (an assumption: the vertex stage tracks vertex density, 138 → 47 /cm² from Norwood 1-3
 * to 4-6).
 */
export function norwoodStage(lossFraction: number, p: TrialParams): number {
  const m = p.trialMeasurement;
  if (lossFraction < m.norwoodLoss3) return 2;
  if (lossFraction < m.norwoodLoss4) return 3;
  if (lossFraction < m.norwoodLoss5) return 4;
  if (lossFraction < m.norwoodLoss6) return 5;
  return lossFraction < 0.8 ? 6 : 7;
}

/** Whether the age alone already excludes the man (no simulation needed). */
export function ageEligible(s: TrialScenario, subject: Subject): boolean {
  return subject.ageYears >= s.inclusion.ageMin && subject.ageYears <= s.inclusion.ageMax;
}

/** Whether the man meets the inclusion criteria at enrolment. */
export function eligible(s: TrialScenario, subject: Subject, stage: number): boolean {
  return ageEligible(s, subject) && stage >= s.inclusion.norwoodMin && stage <= s.inclusion.norwoodMax;
}

/** Arm a candidate is randomized to (stream `randomization/<id>`, probabilities ∝ the arms' n). */
export function randomizeArm(s: TrialScenario, seed: number, id: number): number {
  const total = s.arms.reduce((a, b) => a + b.n, 0);
  let u = RandomStream.fromSeed(seed, ['randomization', id]).uniform() * total;
  for (let i = 0; i < s.arms.length; i++) {
    u -= s.arms[i].n;
    if (u < 0) return i;
  }
  return s.arms.length - 1;
}
