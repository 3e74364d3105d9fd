/**
 * Builds a demo report with every chart kind from src/report and writes it to /tmp/demo-report.html
 * (or the path given as the first argument). Used to eyeball the figures:
 *   node --import tsx scripts/demo-report.ts [out.html] [svg-folder] && chromium --headless --screenshot=/tmp/demo.png file:///tmp/demo-report.html
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  barChart,
  colorScale,
  colourMatrix,
  facetGrid,
  formatPValue,
  htmlReport,
  imageGrid,
  lineChart,
  textTable,
  type LineSeries,
  type TableOptions,
} from '../src/report/index.ts';

const out = process.argv[2] ?? '/tmp/demo-report.html';
// Optional second argument: a folder to also write each figure to as a standalone .svg file.
const svgDir = process.argv[3];

// Deterministic pseudo-data: hair density over 5 years for three arms (mean ± SD bands).
const years = Array.from({ length: 61 }, (_, i) => i / 12);
const arm = (label: string, decay: number, lift: number, sd: number): LineSeries => {
  const y = years.map((t) => 180 * Math.exp(-decay * t) + lift * (1 - Math.exp(-1.5 * t)));
  return {
    label,
    x: years,
    y,
    yLow: y.map((v, i) => v - sd * (1 + i / 60)),
    yHigh: y.map((v, i) => v + sd * (1 + i / 60)),
  };
};
const series = [arm('Vehicle', 0.06, 0, 6), arm('Minoxidil 5 %', 0.05, 18, 7), arm('Microneedle + drug', 0.045, 32, 8)];
// A gap (missed visit) in the second arm to show NaN handling.
(series[1].y as number[])[30] = Number.NaN;

const density = lineChart({
  title: 'Terminal hair density, virtual trial (n = 200 per arm)',
  subtitle: 'Mean ± SD across virtual subjects',
  xLabel: 'Time',
  xUnit: 'years',
  yLabel: 'Density',
  yUnit: 'hairs/cm²',
  series,
  referenceLines: [{ value: 165, label: 'Target 165 hairs/cm²' }],
  verticalLines: [{ value: 0.5, label: 'Treatment start' }],
  width: 760,
  height: 420,
});

const arms = ['Vehicle', 'Minoxidil 5 %', 'Microneedle + drug'];
const bars = barChart({
  title: 'Change in anagen fraction at day 21 (mouse)',
  yLabel: 'Δ anagen fraction',
  yUnit: '%',
  categories: arms,
  series: [
    {
      label: 'Day 21',
      values: [3.1, 11.4, 19.8],
      errors: [2.2, 3.5, 4.1],
      points: [
        [1.2, 4.5, 2.8, 5.9, 0.6, 3.4],
        [8.1, 13.9, 10.2, 15.5, 9.0, 11.7],
        [15.2, 24.1, 18.8, 21.5, 16.9, 22.3],
      ],
    },
  ],
  significance: [
    { from: { group: 0 }, to: { group: 1 }, label: formatPValue(0.003) },
    { from: { group: 0 }, to: { group: 2 }, label: formatPValue(0.0004) },
    { from: { group: 1 }, to: { group: 2 }, label: '**' },
  ],
  width: 520,
  height: 380,
});

const grouped = barChart({
  title: 'Follicle phase by arm',
  yLabel: 'Fraction of follicles',
  yUnit: '%',
  categories: ['Anagen', 'Catagen', 'Telogen'],
  series: [
    { label: 'Vehicle', values: [62, 4, 34], errors: [5, 1.5, 5] },
    { label: 'Minoxidil', values: [71, 3, 26], errors: [4, 1.2, 4] },
    { label: 'Microneedle', values: [78, 3, 19], errors: [4, 1.1, 3] },
  ],
  significance: [{ from: { group: 0, series: 0 }, to: { group: 0, series: 2 }, label: 'p=0.012' }],
  width: 620,
  height: 360,
});

// Small multiples: one panel per arm, log-y concentration.
const panels = arms.map((a, k) =>
  lineChart({
    title: a,
    xLabel: 'Time',
    xUnit: 'h',
    yLabel: 'Concentration',
    yUnit: 'µM',
    logY: true,
    series: [
      {
        label: 'Dermis',
        x: Array.from({ length: 49 }, (_, i) => i),
        y: Array.from({ length: 49 }, (_, i) => 40 * (k + 1) * Math.exp(-i / 10) + 0.02),
      },
      {
        label: 'Bulb',
        x: Array.from({ length: 49 }, (_, i) => i),
        y: Array.from({ length: 49 }, (_, i) => 8 * (k + 1) * (Math.exp(-i / 14) - Math.exp(-i / 3)) + 0.01),
      },
    ],
    referenceLines: [{ value: 1, label: 'EC50' }],
    legend: 'top-right',
    width: 320,
    height: 260,
  }),
);
const facets = facetGrid(panels, 3, { title: 'Drug concentration by compartment', panelLetters: true });

// Photo grid: arm × day, each cell a small colour matrix standing in for a rendered skin picture.
const days = [0, 7, 14, 21];
const cells = arms.map((_, a) =>
  days.map((d) => {
    const n = 24;
    const values = Array.from({ length: n }, (_, r) =>
      Array.from({ length: n }, (_, c) => {
        const dx = (c - n / 2) / n;
        const dy = (r - n / 2) / n;
        return Math.exp(-(dx * dx + dy * dy) * 8) * (0.3 + 0.1 * a * (d / 7)) + 0.05 * Math.sin(r + c);
      }),
    );
    return colourMatrix(values, { min: 0, max: 1.3 });
  }),
);
const photo = imageGrid({
  title: 'Rendered skin, arm × day',
  rowTitle: 'Arm',
  columnTitle: 'Day',
  rowLabels: arms,
  columnLabels: days.map((d) => `Day ${d}`),
  cells,
  cellWidth: 110,
  colorScale: { min: 0, max: 1.3, label: 'Pigment', unit: 'a.u.' },
});

const table: TableOptions = {
  caption: 'Table 1. Outcomes at 5 years (mean ± SD, n = 200 per arm)',
  columns: [
    { header: 'Arm' },
    { header: 'Density', unit: 'hairs/cm²', digits: 4 },
    { header: 'SD', unit: 'hairs/cm²' },
    { header: 'Anagen fraction', digits: 2 },
    { header: 'p vs vehicle', format: (v) => (typeof v === 'number' ? formatPValue(v) : '–') },
  ],
  rows: [
    ['Vehicle', 133.37, 12.1, 0.6213, null],
    ['Minoxidil 5 %', 152.94, 13.4, 0.7102, 0.0031],
    ['Microneedle + drug', 168.02, 14.9, 0.7855, 0.00004],
  ],
  footnote: 'p-values: two-sided Welch t-test against vehicle.',
};

const html = htmlReport({
  title: 'follisim demo report',
  subtitle: 'Synthetic data for checking the report figures <not real results>',
  metadata: { seed: 20240611, version: '0.1.0', date: '2025-01-01T00:00:00Z', scenario: 'demo & "test" scenario' },
  sections: [
    { heading: 'Hair density', svg: density, caption: 'Figure 1. Density over five years; bands show ±1 SD. The gap marks a missed visit.' },
    { heading: 'Anagen fraction', svg: bars, caption: 'Figure 2. Mean ± SD with individual mice; brackets give Welch t-test p-values.' },
    { heading: 'Phase distribution', svg: grouped, caption: 'Figure 3. Grouped bars, mean ± SD.' },
    { heading: 'Concentrations', svg: facets, caption: 'Figure 4. Small multiples with log-y axes and a reference line.' },
    { heading: 'Photo grid', svg: photo, caption: 'Figure 5. Arm × day grid of rendered pictures.' },
    { heading: 'Colour scale', svg: colorScale({ min: 0.01, max: 100, log: true, label: 'Concentration', unit: 'µM', orientation: 'horizontal', length: 260 }) },
    { heading: 'Summary table', text: 'Outcomes at the end of follow-up.', table },
  ],
  footer: 'Generated by follisim (demo).',
});

writeFileSync(out, html);
if (svgDir) {
  mkdirSync(svgDir, { recursive: true });
  const figures: Record<string, string> = { density, bars, grouped, facets, photo };
  for (const [name, svg] of Object.entries(figures)) writeFileSync(join(svgDir, `${name}.svg`), svg);
}
console.log(textTable(table));
console.log(`wrote ${out} (${html.length} bytes)`);
