import { DAYS_PER_YEAR, SECONDS_PER_DAY } from '../core/units.ts';
import type { HumanScalpSeries } from '../follicle/human/results.ts';
import type { HumanScenario } from '../scenario/schema.ts';
import { simulateHumanScalp } from './humanScalpRun.ts';

/**
 * Natural-history metrics comparable with untreated (placebo) arms of AGA trials: the simulated man
 * "enrols" when his vertex terminal density first falls to the trial's baseline, and his vertex count is
 * followed from there, as in the finasteride trials (vertex count in a 1-inch circle, 5.1 cm²).
 */
export interface NaturalHistoryMetrics {
  /** Years from t = 0 to enrolment (vertex terminal density ≤ entry density); NaN if never reached. */
  entryYear: number;
  /** Relative change of vertex terminal count after 1 y, 192 weeks and 5 y from enrolment (%). */
  change1yPct: number;
  change192wPct: number;
  change5yPct: number;
  /** Years until the vertex/occipital terminal-density ratio first falls to `norwoodRatio`; NaN if never. */
  yearsToNorwoodRatio: number;
}

/** Trial baseline vertex density: 876 hairs in a 1-inch circle (5.1 cm²), Kaufman 1998 finasteride men. */
export const TRIAL_ENTRY_DENSITY_PER_CM2 = 876 / 5.1;
/** Vertex/occipital density ratio of Norwood 4-6 men: 47/127 hairs/cm² (scilit 94cb1f69). */
export const NORWOOD_4_6_RATIO = 47 / 127;

function interpolateAt(timesY: Float64Array, y: Float64Array, t: number): number {
  for (let i = 1; i < timesY.length; i++) {
    if (timesY[i] >= t) {
      const w = (t - timesY[i - 1]) / (timesY[i] - timesY[i - 1]);
      return y[i - 1] + w * (y[i] - y[i - 1]);
    }
  }
  return Number.NaN;
}

function firstCrossing(timesY: Float64Array, y: Float64Array, level: number): number {
  for (let i = 1; i < timesY.length; i++) {
    if (y[i] <= level && y[i - 1] > level) {
      const w = (y[i - 1] - level) / (y[i - 1] - y[i]);
      return timesY[i - 1] + w * (timesY[i] - timesY[i - 1]);
    }
  }
  return Number.NaN;
}

/** Runs a scenario (it must simulate long enough) and measures the trial-matched natural history. */
export function naturalHistoryMetrics(scenario: HumanScenario, seed: number): NaturalHistoryMetrics {
  return naturalHistoryFromSeries(simulateHumanScalp(scenario, { seed }).series);
}

/** The trial-matched natural history of an already simulated scalp (used as a derived calibration readout). */
export function naturalHistoryFromSeries(series: HumanScalpSeries): NaturalHistoryMetrics {
  const ty = series.timesS.map((t) => t / SECONDS_PER_DAY / DAYS_PER_YEAR);
  const v = series.regions.vertex.terminalDensityPerCm2;
  const o = series.regions.occipital.terminalDensityPerCm2;
  const entry = firstCrossing(ty, v, TRIAL_ENTRY_DENSITY_PER_CM2);
  const at = (dy: number) => 100 * (interpolateAt(ty, v, entry + dy) / TRIAL_ENTRY_DENSITY_PER_CM2 - 1);
  const ratio = v.map((x, i) => x / o[i]);
  return {
    entryYear: entry,
    change1yPct: at(1),
    change192wPct: at((192 * 7) / DAYS_PER_YEAR),
    change5yPct: at(5),
    yearsToNorwoodRatio: firstCrossing(ty, ratio, NORWOOD_4_6_RATIO),
  };
}
