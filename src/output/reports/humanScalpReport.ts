import type { HumanScalpSeries } from '../../follicle/human/results.ts';
import { renderFigures, type ChartSpec } from '../charts/index.ts';
import { htmlReport, htmlTable } from '../html/index.ts';
import { REGION_LABELS, humanScalpCharts } from './humanScalpCharts.ts';

/** Figures (SVG strings keyed by file name) of a human scalp run: densities, phase shares, diameter, shedding per region over years. */
export function humanScalpFigures(series: HumanScalpSeries, charts: Record<string, ChartSpec> = humanScalpCharts(series)): Record<string, string> {
  return renderFigures(charts);
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
