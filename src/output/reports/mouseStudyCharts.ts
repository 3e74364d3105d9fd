/** Chart specs of a mouse study: photo grid, coverage and microenvironment curves, days to 50 % coverage. */

import type { ChartRow, ChartSpec, LineSpec } from '../charts/index.ts';
import { formatPValue } from '../html/escape.ts';
import type { AnimalReadoutName } from '../../study/animal.ts';
import type { ArmSummary } from '../../study/aggregate.ts';
import { pngDataUrl } from '../../core/base64.ts';
import { photoPng } from '../raster/photo.ts';
import type { MouseStudyOutput } from '../../tasks/mouseStudyRun.ts';

/** A readout plotted as mean ± SD per arm over days (the band's lower edge clamped at 0: readouts are ≥ 0). */
function armChart(arms: readonly ArmSummary[], key: AnimalReadoutName, title: string, yLabel: string, yUnit: string, opts: { zero?: boolean; ref?: number } = {}): LineSpec {
  const data: ChartRow[] = arms.flatMap((a) => a.byDay[key].map((d) => ({ day: d.day, arm: a.label, mean: d.mean, low: Math.max(0, d.mean - d.sd), high: d.mean + d.sd })));
  return {
    version: 1,
    kind: 'line',
    title,
    x: { field: 'day', label: 'Day', unit: 'days' },
    y: { field: 'mean', label: yLabel, unit: yUnit, zero: opts.zero ?? true },
    series: 'arm',
    band: { low: 'low', high: 'high' },
    rules: opts.ref !== undefined ? [{ value: opts.ref, label: 'healthy reference' }] : [],
    data,
  };
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
function sdOf(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/** The study's figures as chart specs, keyed by file stem ("coverage" → figures/coverage.svg). */
export function mouseStudyCharts(out: MouseStudyOutput): Record<string, ChartSpec> {
  const arms = out.arms;
  const days = [...new Set(out.photos.map((p) => p.day))].sort((a, b) => a - b);
  const photoGrid: ChartSpec = {
    version: 1,
    kind: 'images',
    title: 'Dorsal skin after depilation (first mouse of each arm)',
    subtitle: 'pink = telogen skin, grey-black = anagen pigmentation, strokes = hair shafts',
    x: { field: 'day', label: 'Day' },
    y: { field: 'arm', label: 'Arm' },
    src: 'src',
    cellWidth: 120,
    cellHeight: 90,
    data: arms.flatMap((a) =>
      days.map((d) => {
        const p = out.photos.find((x) => x.arm === a.id && x.day === d);
        return { arm: a.label, day: `day ${d}`, src: p ? pngDataUrl(photoPng(p)) : null };
      }),
    ),
  };
  const panel = { width: 560, height: 340 };
  const micro: ChartSpec = {
    version: 1,
    kind: 'grid',
    title: 'Perifollicular microenvironment (mean ± SD)',
    columns: 2,
    panelLetters: true,
    sharedLegend: true,
    panels: [
      armChart(arms, 'rosIndex', 'Perifollicular H2O2 (ROS)', 'ROS', '× healthy', { ref: 1 }),
      armChart(arms, 'perfusion', 'Perifollicular vessel density (CD31)', 'Vessels', '× healthy', { ref: 1 }),
      armChart(arms, 'pS6', 'Stem-cell activation (p-S6+ follicles)', 'p-S6+', 'fraction'),
      armChart(arms, 'vegfFold', 'VEGF', 'VEGF', '× healthy', { ref: 1 }),
      armChart(arms, 'damage', 'Oxidative damage of DP cells', 'Damage', '0-1'),
      armChart(arms, 'ceriaUgPerMl', 'Ceria in skin', 'Ceria', 'µg/mL'),
    ].map((p) => ({ ...p, ...panel })),
  };
  // Mice that never reach 50 % coverage count as the study length (as in the log-rank test's censoring).
  const daysOf = (a: ArmSummary) => a.daysToThresholdByAnimal.map((t) => t ?? (a.byDay.hairCoverage.at(-1)?.day ?? 0));
  const ref = arms.find((a) => a.id === out.comparisons[0]?.reference);
  const lr = out.comparisons.filter((c) => c.test === 'logrank');
  const d50: ChartSpec = {
    version: 1,
    kind: 'bar',
    title: 'Days to 50 % coverage (mice not reaching it count as the study length)',
    x: { field: 'arm', label: 'Arm' },
    y: { field: 'days', label: 'Days', unit: 'days' },
    error: 'sd',
    data: arms.map((a) => ({ arm: a.label, days: mean(daysOf(a)), sd: sdOf(daysOf(a)) })),
    points: arms.flatMap((a) => daysOf(a).map((d) => ({ arm: a.label, days: d }))),
    brackets: ref ? lr.map((c) => ({ from: ref.label, to: arms.find((a) => a.id === c.arm)?.label ?? c.arm, label: formatPValue(c.holmP) })) : [],
  };
  // Kaplan–Meier: fraction of mice that reached the threshold (1 − S), step-after, censored mice as marks
  const km: ChartSpec = {
    version: 1,
    kind: 'step',
    title: `Kaplan–Meier: mice reaching ${Math.round(out.coverageThreshold * 100)} % coverage`,
    subtitle: 'step = Kaplan–Meier estimate; + = mice censored at the end of the study (never reached it)',
    x: { field: 'day', label: 'Day', unit: 'days', zero: true },
    y: { field: 'reached', label: 'Reached', unit: 'fraction', domain: [0, 1] },
    series: 'arm',
    censored: 'censored',
    data: arms.flatMap((a) => [
      { day: 0, arm: a.label, reached: 0, censored: false },
      ...a.km.flatMap((st) => [
        ...(st.events > 0 ? [{ day: st.time, arm: a.label, reached: 1 - st.survival, censored: false }] : []),
        ...(st.censored > 0 ? [{ day: st.time, arm: a.label, reached: 1 - st.survival, censored: true }] : []),
      ]),
    ]),
  };
  const label = (id: string) => arms.find((a) => a.id === id)?.label ?? id;
  const forest: ChartSpec = {
    version: 1,
    kind: 'forest',
    title: `Effect on days to ${Math.round(out.coverageThreshold * 100)} % coverage (A − B)`,
    subtitle: 'difference of restricted mean days (Kaplan–Meier area to the end of the study) with 95 % intervals; < 0: A earlier',
    x: { field: 'estimate', label: 'Difference', unit: 'days' },
    y: { field: 'comparison', label: 'Comparison' },
    low: 'low',
    high: 'high',
    reference: 0,
    data: out.effects.map((e) => ({ comparison: `${label(e.a)} vs ${label(e.b)}`, estimate: e.estimateDays, low: e.low95, high: e.high95 })),
  };
  return {
    'photo-grid': photoGrid,
    'km-50pct': km,
    'effects-forest': forest,
    coverage: armChart(arms, 'hairCoverage', 'Hair coverage of the depilated area', 'Coverage', 'fraction'),
    darkness: armChart(arms, 'skinDarkness', 'Skin darkening (anagen pigmentation)', 'Darkness', '0-1'),
    anagen: armChart(arms, 'anagenFraction', 'Anagen follicles', 'Anagen', 'fraction'),
    microenvironment: micro,
    'days-to-50pct': d50,
  };
}
