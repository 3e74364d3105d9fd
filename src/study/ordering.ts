import { restrictedMean } from '../stats/index.ts';
import type { ArmSummary } from './aggregate.ts';

/**
 * Which arm reaches the coverage threshold first, as a readout a sweep or sensitivity analysis can vary
 * parameters against (`ordering.ceriaPatch.minoxidil.daysDifference`, `ordering.ceriaPatch.minoxidil.first`).
 *
 * Measure: the restricted mean days to the threshold (area under the Kaplan–Meier "not yet reached" curve
 * from day 0 to the end of the study), not the KM median. With two to eight mice per arm the median is
 * "not reached" whenever half of an arm stays below the threshold, and it jumps between sample days, so a
 * difference of medians is undefined or a step function over much of the parameter space; elementary
 * effects and variance decompositions need a number everywhere. The restricted mean is always defined,
 * moves continuously with the mice's times, and is the measure of the study's own effect sizes (studyEffects).
 * Censoring rule: a mouse that never reaches the threshold is censored at the last sample day, so it
 * contributes the whole study duration τ; an arm in which no mouse reaches it has restricted mean τ.
 * Ordering: A is first when its restricted mean is strictly smaller than B's (equal, e.g. neither arm
 * reaching the threshold, counts as not first).
 */
export interface ArmOrdering {
  /** Restricted mean days to the threshold of A minus that of B (negative: A reaches it earlier). */
  daysDifference: number;
  /** 1 when A reaches the threshold first (daysDifference < 0), else 0. */
  first: number;
  /** Restricted mean days of A and of B. */
  daysA: number;
  daysB: number;
}

/** Every ordered pair of arms: result[a][b] compares arm a with arm b up to τ = tauDays. */
export function armOrderings(arms: readonly ArmSummary[], tauDays: number): Record<string, Record<string, ArmOrdering>> {
  const days = new Map(arms.map((a) => [a.id, restrictedMean(a.km, tauDays).rmst]));
  const out: Record<string, Record<string, ArmOrdering>> = {};
  for (const a of arms) {
    out[a.id] = {};
    for (const b of arms) {
      if (a.id === b.id) continue;
      const da = days.get(a.id)!;
      const db = days.get(b.id)!;
      out[a.id][b.id] = { daysDifference: da - db, first: da < db ? 1 : 0, daysA: da, daysB: db };
    }
  }
  return out;
}
