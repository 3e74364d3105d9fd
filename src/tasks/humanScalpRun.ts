import { sampleTimes } from '../core/clock.ts';
import { checkSeries } from '../core/finite.ts';
import { RandomStream } from '../core/random/stream.ts';
import { daysToS, SECONDS_PER_DAY } from '../core/units.ts';
import type { BehaviourSchedule } from '../follicle/schedule.ts';
import { runHumanAutomaton } from '../follicle/human/automaton.ts';
import { assembleHumanBehaviour } from '../follicle/human/behaviourAssembly.ts';
import { assembleHumanScalp, totalFollicles } from '../follicle/human/model.ts';
import { collectHumanSeries, type HumanScalpSeries, type RegionSeries } from '../follicle/human/results.ts';
import type { HumanScenario } from '../scenario/schema.ts';
import { humanRegionMicroenvironment } from './humanMicroenvironment.ts';
import { withTableUnits } from '../results/tables.ts';
import type { Task } from './task.ts';
import type { Table, TaskOptions, TaskOutput } from './types.ts';

/** Stream path of the scalp automaton of subject 0 (trials derive one per subject). */
export const SCALP_STREAM = ['subject', 0, 'scalp'] as const;

/** Inputs computed by code rather than read from the scenario (e.g. a trial's regimen). */
export interface HumanScalpInputs {
  /**
   * Behaviour schedule on the scenario clock (s since the start of recording), regions in model order,
   * per-follicle factors in model follicle order; multiplied with the scenario's `scalp.behaviour`.
   */
  behaviour?: BehaviourSchedule;
}

/** Runs the human scalp automaton for a scenario and returns its series (no I/O). */
export function simulateHumanScalp(
  scenario: HumanScenario,
  options: TaskOptions,
  inputs: HumanScalpInputs = {},
): { series: HumanScalpSeries; stats: Record<string, number> } {
  const model = assembleHumanScalp(scenario.scalp);
  // The spin-up history is simulated but not recorded: sample times are shifted by it, then shifted back.
  const spinUpS = daysToS(scenario.scalp.spinUpDays);
  const behaviour = assembleHumanBehaviour(model, scenario.scalp.behaviour, spinUpS, inputs.behaviour);
  const times = sampleTimes(daysToS(scenario.durationDays), daysToS(scenario.record.everyDays));
  const shifted = times.map((t) => t + spinUpS);
  const rng = RandomStream.fromSeed(options.seed, SCALP_STREAM);
  const { recorder, stats } = runHumanAutomaton(model, shifted[shifted.length - 1], shifted, rng, (f) =>
    options.onProgress?.({ fraction: f, stage: 'follicles' }),
    behaviour,
  );
  const series = collectHumanSeries(model, recorder);
  series.timesS = times;
  checkHumanSeries(series);
  return { series, stats: { ...stats, totalFollicles: totalFollicles(model) } };
}

/** State check of every recorded series (counts, fractions, densities: finite and not negative). */
function checkHumanSeries(series: HumanScalpSeries): void {
  const days = Array.from(series.timesS, (t) => t / SECONDS_PER_DAY);
  for (const [id, s] of [...Object.entries(series.regions), ['scalp', series.scalp] as const]) {
    for (const [k, v] of Object.entries(s)) if (v instanceof Float64Array) checkSeries(k, v, days, `region ${id}`);
  }
}

const last = (a: Float64Array): number => a[a.length - 1];
const round = (x: number, digits = 6): number => (Number.isFinite(x) ? Number(x.toPrecision(digits)) : x);

function regionSummary(s: RegionSeries): Record<string, number | string> {
  const n = s.anagen.length;
  const meanShed = n > 1 ? s.shedPerDay.slice(1).reduce((a, b) => a + b, 0) / (n - 1) : 0;
  return {
    follicles: s.follicles,
    areaCm2: round(s.areaCm2),
    anagenFraction: round(last(s.anagenFraction)),
    catagenFraction: round(last(s.catagenFraction)),
    telogenFraction: round(last(s.telogenFraction)),
    latencyFraction: round(last(s.latencyFraction)),
    terminalDensityPerCm2: round(last(s.terminalDensityPerCm2)),
    hairDensityPerCm2: round(last(s.hairDensityPerCm2)),
    initialTerminalDensityPerCm2: round(s.terminalDensityPerCm2[0]),
    ...densityChange(s),
    meanDiameterUm: round(last(s.meanDiameterUm)),
    // an empty region (area x density < 0.5 follicles, e.g. a region switched off) has shares of 0
    miniaturizedFraction: s.follicles > 0 ? round(last(s.miniaturized) / s.follicles) : 0,
    dormantFraction: s.follicles > 0 ? round(last(s.dormant) / s.follicles) : 0,
    ...(s.follicles > 0 ? {} : { emptyRegion: 'no follicles (areaCm2 x follicleDensityPerCm2 < 0.5): shares, densities and diameters are 0' }),
    meanShedPerDay: round(meanShed),
  };
}

/** Relative change of terminal density (%), or, with no terminal hair at day 0, a note saying why it is omitted. */
function densityChange(s: RegionSeries): Record<string, number | string> {
  const d0 = s.terminalDensityPerCm2[0];
  if (d0 > 0) return { terminalDensityChangePct: round(100 * (last(s.terminalDensityPerCm2) / d0 - 1)) };
  return { terminalDensityChangePctOmitted: 'no terminal hairs at day 0: a relative change is undefined' };
}

/** Long-format table: one row per (sample, region), regions plus the whole scalp. */
export function humanSeriesTable(series: HumanScalpSeries): Table {
  const entries: [string, RegionSeries][] = [...Object.entries(series.regions), ['scalp', series.scalp]];
  const n = series.timesS.length;
  const cols: Record<string, number[]> = {};
  const fields: (keyof RegionSeries)[] = [
    'anagenFraction', 'catagenFraction', 'telogenFraction', 'latencyFraction', 'hairs', 'terminalHairs',
    'hairDensityPerCm2', 'terminalDensityPerCm2', 'meanDiameterUm', 'miniaturized', 'dormant', 'shedPerDay',
  ];
  const day: number[] = [];
  const region: string[] = [];
  for (const f of fields) cols[f] = [];
  for (let i = 0; i < n; i++) {
    for (const [id, s] of entries) {
      day.push(series.timesS[i] / SECONDS_PER_DAY);
      region.push(id);
      for (const f of fields) cols[f].push((s[f] as Float64Array)[i]);
    }
  }
  return { day, region, ...cols };
}

/** Output of a human scalp run: the generic parts plus the series the report draws. */
export type HumanScalpOutput = TaskOutput & { series: HumanScalpSeries };

/** The human scalp run as a task: one unit (the follicles of one scalp are one stream). */
export const humanScalpTask: Task<HumanScenario, null, HumanScalpOutput, HumanScalpOutput> = {
  name: 'run:humanScalp',
  description: 'human scalp: follicular mosaic (Halloy automaton) with AGA over years',
  accepts: (s) => s.model === 'humanScalp',
  plan: () => [null],
  runUnit: (scenario, _unit, seed, ctx) => runHumanScalpTask(scenario, { seed, onProgress: ctx.onProgress }),
  reduce: (_scenario, results) => results[0],
};

/** The `run` task for a human scalp scenario: summary, time-series table, stats. */
export function runHumanScalpTask(scenario: HumanScenario, options: TaskOptions, inputs: HumanScalpInputs = {}): HumanScalpOutput {
  const { series, stats } = simulateHumanScalp(scenario, options, inputs);
  const regions: Record<string, Record<string, unknown>> = {};
  for (const [id, s] of Object.entries(series.regions)) regions[id] = regionSummary(s);
  if (scenario.microenvironment.enabled) {
    const env = humanRegionMicroenvironment(assembleHumanScalp(scenario.scalp), scenario.microenvironment, scenario.parameters);
    for (const [id, e] of Object.entries(env)) regions[id].microenvironment = e;
  }
  return {
    task: 'run:humanScalp',
    summary: {
      model: 'humanScalp',
      endDay: scenario.durationDays,
      regions,
      scalp: regionSummary(series.scalp),
    },
    ...withTableUnits({ timeseries: humanSeriesTable(series) }),
    solver: { method: 'event-driven stochastic automaton (Halloy 2000), follicle-major', recordEveryDays: scenario.record.everyDays },
    stats,
    streams: [SCALP_STREAM.join('/')],
    series,
  };
}
