/** Chart specs of a human scalp run: density, anagen share, diameter and shedding per region over years. */

import { DAYS_PER_YEAR, SECONDS_PER_DAY } from '../../core/units.ts';
import type { HumanScalpSeries, RegionSeries } from '../../follicle/human/results.ts';
import type { ChartRow, ChartSpec, LineSpec, RuleSpec } from '../charts/index.ts';

export const REGION_LABELS: Record<string, string> = { frontal: 'Frontal', midScalp: 'Mid-scalp', vertex: 'Vertex', occipital: 'Occipital' };

/** The run's figures as chart specs, keyed by file stem ("terminal-density" → terminal-density.svg). */
export function humanScalpCharts(series: HumanScalpSeries): Record<string, ChartSpec> {
  const years = Array.from(series.timesS, (t) => t / SECONDS_PER_DAY / DAYS_PER_YEAR);
  const regions = Object.entries(series.regions);
  // Shedding is a rate over the preceding interval, so its first sample (no interval yet) is left out.
  const perRegion = (pick: (s: RegionSeries) => Float64Array, skipFirst = false): ChartRow[] =>
    regions.flatMap(([id, s]) => {
      const values = pick(s);
      return years.flatMap((t, k) => (skipFirst && k === 0 ? [] : [{ years: t, region: REGION_LABELS[id] ?? id, value: values[k] }]));
    });
  const chart = (title: string, yLabel: string, yUnit: string, data: ChartRow[], rules: RuleSpec[] = [], zero = false): LineSpec => ({
    version: 1,
    kind: 'line',
    title,
    x: { field: 'years', label: 'Time', unit: 'years' },
    y: { field: 'value', label: yLabel, unit: yUnit, zero },
    series: 'region',
    rules,
    data,
  });
  const density = chart('Terminal hair density', 'Terminal hairs', 'per cm²', perRegion((s) => s.terminalDensityPerCm2), [
    { value: 876 / 5.1, label: 'finasteride-trial vertex baseline (172/cm²)' },
    { value: 47, label: 'Norwood 4–6 vertex (47/cm²)' },
  ], true);
  const anagen = chart('Anagen share of cycling follicles', 'Anagen', 'fraction', perRegion((s) => s.anagenFraction), [{ value: 0.85, label: '85 % (healthy 85–90 %)' }]);
  const diameter = chart('Mean shaft diameter', 'Diameter', 'µm', perRegion((s) => s.meanDiameterUm), [{ value: 40, label: 'terminal threshold' }]);
  const shed = chart('Hairs shed per day', 'Shed', 'hairs/day', perRegion((s) => s.shedPerDay, true), [], true);
  const panel = { width: 560, height: 340 };
  return {
    'terminal-density': density,
    overview: {
      version: 1,
      kind: 'grid',
      title: 'Human scalp natural history',
      columns: 2,
      panelLetters: true,
      sharedLegend: true,
      panels: [density, anagen, diameter, shed].map((p) => ({ ...p, ...panel })),
    },
    anagen,
    diameter,
    shedding: shed,
  };
}
