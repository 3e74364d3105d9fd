import type { IntervalRecorder } from '../../core/recorder.ts';
import { m2ToCm2, SECONDS_PER_DAY } from '../../core/units.ts';
import { CH, CHANNELS } from './automaton.ts';
import type { HumanScalpModel } from './model.ts';

/** Time series of one scalp region (or the whole scalp), one value per sample time. */
export interface RegionSeries {
  areaCm2: number;
  follicles: number;
  anagen: Float64Array;
  catagen: Float64Array;
  telogen: Float64Array;
  latency: Float64Array;
  dormant: Float64Array;
  miniaturized: Float64Array;
  hairs: Float64Array;
  terminalHairs: Float64Array;
  /** Anagen share of cycling (non-dormant) follicles; defined as 0 when no follicle cycles (all dormant). */
  anagenFraction: Float64Array;
  catagenFraction: Float64Array;
  telogenFraction: Float64Array;
  latencyFraction: Float64Array;
  terminalDensityPerCm2: Float64Array;
  hairDensityPerCm2: Float64Array;
  /** Mean shaft diameter of the hairs present (µm); defined as 0 when no hair is present. */
  meanDiameterUm: Float64Array;
  /** Hairs shed per day over the interval ending at each sample (0 at the first). */
  shedPerDay: Float64Array;
}

/** Per-region and whole-scalp series of a human scalp run. */
export interface HumanScalpSeries {
  timesS: Float64Array;
  regions: Record<string, RegionSeries>;
  scalp: RegionSeries;
}

function derive(areaCm2: number, follicles: number, raw: Record<string, Float64Array>, shed: Float64Array, timesS: Float64Array): RegionSeries {
  const n = timesS.length;
  const f = (k: string) => raw[k];
  const frac = (num: Float64Array) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const cycling = follicles - f('dormant')[i];
      // 0 of 0 cycling follicles: the share is defined as 0 (documented), never NaN
      out[i] = cycling > 0 ? num[i] / cycling : 0;
    }
    return out;
  };
  const perArea = (x: Float64Array) => x.map((v) => v / areaCm2);
  const meanD = new Float64Array(n);
  const shedPerDay = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    meanD[i] = f('hairs')[i] > 0 ? f('diameterSumUm')[i] / f('hairs')[i] : 0;
    if (i > 0) shedPerDay[i] = shed[i] / ((timesS[i] - timesS[i - 1]) / SECONDS_PER_DAY);
  }
  return {
    areaCm2,
    follicles,
    anagen: f('anagen'),
    catagen: f('catagen'),
    telogen: f('telogen'),
    latency: f('latency'),
    dormant: f('dormant'),
    miniaturized: f('miniaturized'),
    hairs: f('hairs'),
    terminalHairs: f('terminalHairs'),
    anagenFraction: frac(f('anagen')),
    catagenFraction: frac(f('catagen')),
    telogenFraction: frac(f('telogen')),
    latencyFraction: frac(f('latency')),
    terminalDensityPerCm2: perArea(f('terminalHairs')),
    hairDensityPerCm2: perArea(f('hairs')),
    meanDiameterUm: meanD,
    shedPerDay,
  };
}

/** Turns the recorder of a run into per-region and whole-scalp series. */
export function collectHumanSeries(model: HumanScalpModel, rec: IntervalRecorder): HumanScalpSeries {
  const n = rec.times.length;
  const names = Object.keys(CH) as (keyof typeof CH)[];
  const regions: Record<string, RegionSeries> = {};
  const sum: Record<string, Float64Array> = Object.fromEntries(names.map((k) => [k, new Float64Array(n)]));
  const shedSum = new Float64Array(n);
  let areaSum = 0;
  let follicleSum = 0;
  model.regionIds.forEach((id, r) => {
    const raw: Record<string, Float64Array> = {};
    for (const k of names) {
      raw[k] = rec.levels(r * CHANNELS + CH[k]);
      for (let i = 0; i < n; i++) sum[k][i] += raw[k][i];
    }
    const shed = rec.eventCounts(r);
    for (let i = 0; i < n; i++) shedSum[i] += shed[i];
    const area = m2ToCm2(model.regionAreaM2[r]);
    areaSum += area;
    follicleSum += model.regionFollicles[r];
    regions[id] = derive(area, model.regionFollicles[r], raw, shed, rec.times);
  });
  return { timesS: rec.times, regions, scalp: derive(areaSum, follicleSum, sum, shedSum, rec.times) };
}
