/**
 * One small, deterministic chart spec of every kind (synthetic data), shared by the chart tests and by
 * scripts/demo-report.ts, which renders them for eyeballing.
 */

import type { ChartSpec, PanelSpec } from '../../src/output/charts/index.ts';

/** A 1 × 1 PNG as a data URL. */
export const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const ARMS = ['AGA control', 'AGA + minoxidil 5 %', 'AGA + Ce-MN patch'];
const DAYS = Array.from({ length: 15 }, (_, i) => i);

const line: PanelSpec = {
  version: 1,
  kind: 'line',
  title: 'Hair coverage of the depilated area',
  x: { field: 'day', label: 'Day', unit: 'days' },
  y: { field: 'mean', label: 'Coverage', unit: 'fraction', zero: true },
  series: 'arm',
  band: { low: 'low', high: 'high' },
  rules: [{ value: 0.5, label: 'half covered' }],
  data: ARMS.flatMap((arm, k) =>
    DAYS.map((day) => {
      const mean = 1 / (1 + Math.exp(-(day - 8 + 2 * k)));
      return { day, arm, mean, low: Math.max(0, mean - 0.1), high: mean + 0.1 };
    }),
  ),
};

/** Kaplan–Meier: two groups, events drop the curve, censored rows (+) keep it level. */
const step: PanelSpec = {
  version: 1,
  kind: 'step',
  title: 'Mice not yet at 50 % coverage',
  x: { field: 'day', label: 'Day', unit: 'days' },
  y: { field: 'surviving', label: 'Not yet covered', unit: 'fraction', domain: [0, 1] },
  series: 'arm',
  censored: 'censored',
  data: [
    { arm: 'AGA control', day: 0, surviving: 1, censored: false },
    { arm: 'AGA control', day: 9, surviving: 0.8, censored: false },
    { arm: 'AGA control', day: 12, surviving: 0.8, censored: true },
    { arm: 'AGA control', day: 14, surviving: 0.8, censored: true },
    { arm: 'Ce-MN patch', day: 0, surviving: 1, censored: false },
    { arm: 'Ce-MN patch', day: 5, surviving: 0.6, censored: false },
    { arm: 'Ce-MN patch', day: 7, surviving: 0.2, censored: false },
    { arm: 'Ce-MN patch', day: 14, surviving: 0.2, censored: true },
  ],
};

const bar: PanelSpec = {
  version: 1,
  kind: 'bar',
  title: 'Days to 50 % coverage',
  x: { field: 'arm', label: 'Arm' },
  y: { field: 'days', label: 'Days', unit: 'days' },
  error: 'sd',
  data: ARMS.map((arm, i) => ({ arm, days: 12 - 2 * i, sd: 1.5 })),
  points: ARMS.flatMap((arm, i) => [0, 1, 2, 3].map((k) => ({ arm, days: 12 - 2 * i + k - 1.5 }))),
  brackets: [
    { from: ARMS[0], to: ARMS[1], label: 'p=0.03' },
    { from: ARMS[0], to: ARMS[2], label: 'p<0.001' },
  ],
};

const waterfall: PanelSpec = {
  version: 1,
  kind: 'waterfall',
  title: 'Change in terminal density per subject',
  x: { field: 'subject', label: 'Subject' },
  y: { field: 'change', label: 'Change from baseline', unit: '%' },
  series: 'arm',
  data: Array.from({ length: 24 }, (_, i) => ({ subject: `s${i + 1}`, arm: i % 2 ? 'placebo' : 'patch', change: Math.round(Math.sin(i * 1.7) * 40 + (i % 2 ? -5 : 10)) + 0 })),
};

const forest: PanelSpec = {
  version: 1,
  kind: 'forest',
  title: 'Effect on days to 50 % coverage',
  x: { field: 'estimate', label: 'Difference from AGA control', unit: 'days' },
  y: { field: 'arm' },
  low: 'low',
  high: 'high',
  data: [
    { arm: 'Minoxidil 5 %', estimate: -2, low: -3.5, high: -0.5 },
    { arm: 'Ce-MN patch', estimate: -4, low: -5.2, high: -2.9 },
    { arm: 'Empty HA patch', estimate: 0.3, low: -1, high: 1.6 },
  ],
};

const scatter: PanelSpec = {
  version: 1,
  kind: 'scatter',
  title: 'Morris screening of the coverage at day 21',
  x: { field: 'muStar', label: 'μ*', unit: 'fraction', zero: true },
  y: { field: 'sigma', label: 'σ', unit: 'fraction', zero: true },
  label: 'parameter',
  data: [
    { parameter: 'ceriaHalfLife', muStar: 0.21, sigma: 0.08 },
    { parameter: 'dose', muStar: 0.34, sigma: 0.19 },
    { parameter: 'kOnVegf', muStar: 0.05, sigma: 0.02 },
    { parameter: 'androgenLevel', muStar: 0.28, sigma: 0.31 },
  ],
};

const heatmap: PanelSpec = {
  version: 1,
  kind: 'heatmap',
  title: 'Coverage on day 21 by dose and interval',
  x: { field: 'interval', label: 'Dosing interval' },
  y: { field: 'dose', label: 'Dose' },
  fill: { field: 'coverage', label: 'Coverage', unit: 'fraction' },
  data: ['1 µg', '3 µg', '10 µg'].flatMap((dose, r) => ['2 d', '3 d', '5 d', '7 d'].map((interval, c) => ({ dose, interval, coverage: Math.round((0.2 + 0.25 * r - 0.05 * c) * 100) / 100 }))),
};

const images: PanelSpec = {
  version: 1,
  kind: 'images',
  title: 'Dorsal skin after depilation',
  subtitle: 'first mouse of each arm',
  x: { field: 'day', label: 'Day' },
  y: { field: 'arm', label: 'Arm' },
  src: 'src',
  cellWidth: 60,
  cellHeight: 45,
  data: ARMS.flatMap((arm) => ['day 0', 'day 7'].map((day) => ({ arm, day, src: arm === ARMS[1] && day === 'day 7' ? null : PNG }))),
};

const grid: ChartSpec = {
  version: 1,
  kind: 'grid',
  title: 'Small multiples',
  columns: 2,
  panelLetters: true,
  sharedLegend: true,
  panels: [line, { ...line, title: 'Skin darkening', y: { field: 'mean', label: 'Darkness', unit: '0-1' } }, step],
};

/** Every spec kind, keyed by kind. */
export const GALLERY: Record<ChartSpec['kind'], ChartSpec> = { line, step, bar, waterfall, forest, scatter, heatmap, images, grid };
