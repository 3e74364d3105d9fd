import { mannWhitneyU, mean, sd, holmAdjust } from '../stats/index.ts';
import { definedLogRankP, definedWelchP } from './definedTests.ts';
import { timeToReach } from '../follicle/mouse/run.ts';
import { ANIMAL_READOUT_NAMES, type AnimalReadoutName, type AnimalResult } from './animal.ts';
import type { ArmConfig } from './schema.ts';

/** Mean and SD across the animals of an arm, per sample day. */
export interface DaySummary {
  day: number;
  mean: number;
  sd: number;
}

export interface ArmSummary {
  id: string;
  label: string;
  n: number;
  /** Per readout: one {day, mean, sd} per sample. */
  byDay: Record<AnimalReadoutName, DaySummary[]>;
  /** Days to the coverage threshold per animal (null: not reached by the end). */
  daysToThresholdByAnimal: (number | null)[];
  /** Median days to the threshold with non-reachers counted as later than any reacher (null if the median did not reach). */
  daysToThreshold: number | null;
  reachedFraction: number;
}

/** Summarises the animals of one arm. */
export function summariseArm(arm: ArmConfig, animals: readonly AnimalResult[], threshold: number): ArmSummary {
  const times = animals[0].timesDays;
  const byDay = {} as Record<AnimalReadoutName, DaySummary[]>;
  for (const name of ANIMAL_READOUT_NAMES) {
    byDay[name] = Array.from(times, (day, k) => {
      const xs = animals.map((a) => a.series[name][k]);
      return { day, mean: mean(xs), sd: animals.length > 1 ? sd(xs) : 0 };
    });
  }
  const reach = animals.map((a) => {
    const t = timeToReach(a.timesDays, a.series.hairCoverage, threshold);
    return Number.isNaN(t) ? null : t;
  });
  const sorted = reach.map((t) => t ?? Infinity).sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(mid)] : 0.5 * (sorted[mid - 1] + sorted[mid]);
  return {
    id: arm.id,
    label: arm.label ?? arm.id,
    n: animals.length,
    byDay,
    daysToThresholdByAnimal: reach,
    daysToThreshold: Number.isFinite(median) ? median : null,
    reachedFraction: reach.filter((t) => t !== null).length / reach.length,
  };
}

/** One comparison of an arm against the reference arm. */
export interface Comparison {
  arm: string;
  reference: string;
  endpoint: string;
  day: number | null;
  meanDifference: number;
  /** Primary test: Welch's t (readouts at a day) or log-rank (days to the coverage threshold, censored). */
  test: 'welch' | 'logrank';
  p: number;
  mannWhitneyP: number;
  /** Holm-adjusted primary p over the arms compared for this endpoint and day. */
  holmP: number;
}

const valueAt = (a: AnimalResult, name: AnimalReadoutName, day: number): number => {
  let k = 0;
  while (k < a.timesDays.length - 1 && a.timesDays[k] < day - 1e-9) k++;
  return a.series[name][k];
};

/** Compares every arm with the reference: coverage, ROS, vessels, p-S6 at the compare days; days to threshold by log-rank. */
export function compareArms(
  results: ReadonlyMap<string, readonly AnimalResult[]>,
  reference: string,
  days: readonly number[],
  threshold: number,
  durationDays: number,
): Comparison[] {
  const ref = results.get(reference);
  if (!ref) return [];
  const out: Comparison[] = [];
  const endpoints: AnimalReadoutName[] = ['hairCoverage', 'skinDarkness', 'rosIndex', 'perfusion', 'pS6'];
  for (const endpoint of endpoints) {
    for (const day of days) {
      const group: Comparison[] = [];
      for (const [arm, animals] of results) {
        if (arm === reference) continue;
        const a = animals.map((x) => valueAt(x, endpoint, day));
        const b = ref.map((x) => valueAt(x, endpoint, day));
        group.push({
          arm,
          reference,
          endpoint,
          day,
          meanDifference: mean(a) - mean(b),
          test: 'welch',
          p: definedWelchP(a, b),
          mannWhitneyP: mannWhitneyU(a, b).p,
          holmP: Number.NaN,
        });
      }
      const adj = holmAdjust(group.map((g) => g.p));
      group.forEach((g, i) => (g.holmP = adj[i]));
      out.push(...group);
    }
  }
  // days to the coverage threshold: log-rank with censoring at the end of the study
  const surv = (animals: readonly AnimalResult[]) => {
    const time: number[] = [];
    const event: boolean[] = [];
    for (const a of animals) {
      const t = timeToReach(a.timesDays, a.series.hairCoverage, threshold);
      time.push(Number.isNaN(t) ? durationDays : t);
      event.push(!Number.isNaN(t));
    }
    return { time, event };
  };
  const group: Comparison[] = [];
  for (const [arm, animals] of results) {
    if (arm === reference) continue;
    const lrP = definedLogRankP(surv(animals), surv(ref));
    const ta = surv(animals).time;
    const tb = surv(ref).time;
    group.push({
      arm,
      reference,
      endpoint: `daysTo${Math.round(threshold * 100)}PctCoverage`,
      day: null,
      meanDifference: mean(ta) - mean(tb),
      test: 'logrank',
      p: lrP,
      mannWhitneyP: mannWhitneyU(ta, tb).p,
      holmP: Number.NaN,
    });
  }
  const adj = holmAdjust(group.map((g) => g.p));
  group.forEach((g, i) => (g.holmP = adj[i]));
  out.push(...group);
  return out;
}
