import type { TrialParams } from '../parameters/assemble/trial.ts';
import type { RandomStream } from '../core/random/stream.ts';
import type { TrialScenario } from './schema.ts';

/**
 * The measurement layer: what a trial reads off a man's scalp. Counts carry a relative error (and, for
 * visual counts of a clipped area, the counter-learning drift fitted to the placebo arm); the 7-point global
 * photographic score is the visible change in coverage in steps of `gpaPercentPerPoint`, with rater noise.
 */

/** Counter-learning drift (fraction) at week w: D·(1 − e^(−w/τ)); 0 for photographic counts and at baseline. */
export function countDrift(method: 'visual' | 'photographic', week: number, p: TrialParams): number {
  if (method !== 'visual' || week <= 0) return 0;
  return p.trialMeasurement.visualCountDriftFraction * (1 - Math.exp(-week / p.trialMeasurement.visualCountDriftWeeks));
}

/** Relative SD of one count (1): the scenario's `counting.errorCv` if given, else the catalog's for the counting method. */
export function countErrorCv(s: Pick<TrialScenario, 'counting'>, p: TrialParams): number {
  return s.counting.errorCv ?? (s.counting.method === 'visual' ? p.trialMeasurement.visualCountErrorCv : p.trialMeasurement.countErrorCv);
}

/** Measured count = true·(1 + drift)·(1 + cv·Z), rounded and ≥ 0 (one normal draw from `rng`). */
export function measureCount(trueCount: number, week: number, method: 'visual' | 'photographic', cv: number, rng: RandomStream, p: TrialParams): number {
  const z = rng.normal();
  return Math.max(0, Math.round(trueCount * (1 + countDrift(method, week, p)) * (1 + cv * z)));
}

/**
 * Global photographic score (−3…+3): round(100·(coverage/baseline − 1)/pp + rater noise), clamped. Coverage
 * is the summed shaft diameter of the hairs present (what a photograph shows: number × thickness).
 */
export function photographicScore(coverageRatio: number, rng: RandomStream, p: TrialParams): number {
  const z = rng.normal();
  const points = (100 * (coverageRatio - 1)) / p.trialMeasurement.gpaPercentPerPoint + p.trialMeasurement.gpaRaterSd * z;
  return Math.max(-3, Math.min(3, Math.round(points)));
}
