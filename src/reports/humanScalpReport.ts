import { DAYS_PER_YEAR, SECONDS_PER_DAY } from '../core/units.ts';
import type { HumanScalpSeries, RegionSeries } from '../follicle/human/results.ts';
import { facetGrid, htmlReport, htmlTable, lineChart } from '../report/index.ts';

const REGION_LABELS: Record<string, string> = { frontal: 'Frontal', midScalp: 'Mid-scalp', vertex: 'Vertex', occipital: 'Occipital' };

/** Figures (SVG strings) of a human scalp run: densities, phase shares, diameter, shedding per region over years. */
export function humanScalpFigures(series: HumanScalpSeries): Record<string, string> {
  const years = Array.from(series.timesS, (t) => t / SECONDS_PER_DAY / DAYS_PER_YEAR);
  const regions = Object.entries(series.regions);
  const perRegion = (pick: (s: RegionSeries) => Float64Array, skipFirst = false) =>
    regions.map(([id, s]) => ({
      label: REGION_LABELS[id] ?? id,
      x: skipFirst ? years.slice(1) : years,
      y: Array.from(skipFirst ? pick(s).slice(1) : pick(s)),
    }));
  const density = lineChart({
    title: 'Terminal hair density',
    xLabel: 'Time', xUnit: 'years', yLabel: 'Terminal hairs', yUnit: 'per cm²',
    series: perRegion((s) => s.terminalDensityPerCm2),
    includeZeroY: true,
    referenceLines: [
      { value: 876 / 5.1, label: 'finasteride-trial vertex baseline (172/cm²)' },
      { value: 47, label: 'Norwood 4–6 vertex (47/cm²)' },
    ],
  });
  const anagen = lineChart({
    title: 'Anagen share of cycling follicles',
    xLabel: 'Time', xUnit: 'years', yLabel: 'Anagen', yUnit: 'fraction',
    series: perRegion((s) => s.anagenFraction),
    referenceLines: [{ value: 0.85, label: '85 % (healthy 85–90 %)' }],
  });
  const diameter = lineChart({
    title: 'Mean shaft diameter',
    xLabel: 'Time', xUnit: 'years', yLabel: 'Diameter', yUnit: 'µm',
    series: perRegion((s) => s.meanDiameterUm),
    referenceLines: [{ value: 40, label: 'terminal threshold' }],
  });
  const shed = lineChart({
    title: 'Hairs shed per day',
    xLabel: 'Time', xUnit: 'years', yLabel: 'Shed', yUnit: 'hairs/day',
    series: perRegion((s) => s.shedPerDay, true),
    includeZeroY: true,
  });
  return {
    'terminal-density.svg': density,
    'overview.svg': facetGrid([density, anagen, diameter, shed], 2, { title: 'Human scalp natural history', panelLetters: true }),
    'anagen.svg': anagen,
    'diameter.svg': diameter,
    'shedding.svg': shed,
  };
}

/** Per-region summary as the task writes it: numbers, plus the optional microenvironment readouts. */
export type HumanRegionSummary = Record<string, number> & { microenvironment?: Record<string, unknown> };

/** A self-contained HTML report of a human scalp run. */
export function humanScalpReport(
  series: HumanScalpSeries,
  summary: { regions: Record<string, HumanRegionSummary> },
  metadata: Record<string, string | number>,
  figures: Record<string, string> = humanScalpFigures(series),
): string {
  const rows = Object.entries(summary.regions).map(([id, r]) => ({
    region: REGION_LABELS[id] ?? id,
    follicles: r.follicles,
    anagen: r.anagenFraction,
    terminal0: r.initialTerminalDensityPerCm2,
    terminal: r.terminalDensityPerCm2,
    change: r.terminalDensityChangePct,
    diameter: r.meanDiameterUm,
    vellus: r.miniaturizedFraction,
    dormant: r.dormantFraction,
  }));
  const table = htmlTable({
    caption: 'End of run, per region',
    columns: [
      { header: 'Region', key: 'region' },
      { header: 'Follicles', key: 'follicles', digits: 6 },
      { header: 'Anagen share', key: 'anagen' },
      { header: 'Terminal density, start', key: 'terminal0', unit: '/cm²' },
      { header: 'Terminal density, end', key: 'terminal', unit: '/cm²' },
      { header: 'Change', key: 'change', unit: '%' },
      { header: 'Mean diameter', key: 'diameter', unit: 'µm' },
      { header: 'Miniaturized', key: 'vellus' },
      { header: 'Dormant', key: 'dormant' },
    ],
    rows,
  });
  const envRows = Object.entries(summary.regions)
    .filter(([, r]) => r.microenvironment)
    .map(([id, r]) => {
      const e = r.microenvironment as Record<string, number>;
      return { region: REGION_LABELS[id] ?? id, dht: e.dhtExposure, ros: e.rosIndex, damage: e.damage, perfusion: e.perfusion, vegf: e.vegfFold, ps6: e.pS6 };
    });
  const envSection = envRows.length
    ? [
        {
          heading: 'Perifollicular microenvironment (steady state at the anagen bulbs)',
          html: htmlTable({
            columns: [
              { header: 'Region', key: 'region' },
              { header: 'Androgen exposure', key: 'dht' },
              { header: 'ROS (× healthy)', key: 'ros' },
              { header: 'DP damage', key: 'damage' },
              { header: 'Vessels (× healthy)', key: 'perfusion' },
              { header: 'VEGF (fold)', key: 'vegf' },
              { header: 'p-S6', key: 'ps6' },
            ],
            rows: envRows,
          }),
        },
      ]
    : [];
  return htmlReport({
    title: 'follisim — human scalp run',
    subtitle: 'Independent follicular mosaic (Halloy automaton) with androgenetic miniaturization',
    metadata,
    sections: [
      { heading: 'Summary', html: table },
      { heading: 'Terminal density by region', svg: figures['terminal-density.svg'], caption: 'Terminal (≥ 40 µm) hairs per cm²; vertex and frontal thin first, occipital is spared.' },
      { heading: 'Cycle and shaft', svg: figures['overview.svg'] },
      ...envSection,
    ],
  });
}
