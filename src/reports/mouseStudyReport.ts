import { barChart, facetGrid, formatPValue, htmlReport, htmlTable, imageGrid, lineChart } from '../report/index.ts';
import type { AnimalReadoutName } from '../study/animal.ts';
import type { ArmSummary } from '../study/aggregate.ts';
import type { MouseStudyOutput } from '../tasks/mouseStudyRun.ts';

/** A readout plotted as mean ± SD per arm over days. */
function armChart(arms: readonly ArmSummary[], key: AnimalReadoutName, title: string, yLabel: string, yUnit: string, opts: { zero?: boolean; ref?: number } = {}): string {
  return lineChart({
    title,
    xLabel: 'Day',
    xUnit: 'days',
    yLabel,
    yUnit,
    includeZeroY: opts.zero ?? true,
    series: arms.map((a) => ({
      label: a.label,
      x: a.byDay[key].map((d) => d.day),
      y: a.byDay[key].map((d) => d.mean),
      yLow: a.byDay[key].map((d) => Math.max(0, d.mean - d.sd)),
      yHigh: a.byDay[key].map((d) => d.mean + d.sd),
    })),
    referenceLines: opts.ref !== undefined ? [{ value: opts.ref, label: 'healthy reference' }] : [],
  });
}

/** Figures of a mouse study (SVG strings). */
export function mouseStudyFigures(out: MouseStudyOutput): Record<string, string> {
  const arms = out.arms;
  const days = [...new Set(out.photos.map((p) => p.day))].sort((a, b) => a - b);
  const grid = imageGrid({
    title: 'Dorsal skin after depilation (first mouse of each arm)',
    subtitle: 'pink = telogen skin, grey-black = anagen pigmentation, strokes = hair shafts',
    rowTitle: 'Arm',
    columnTitle: 'Day',
    rowLabels: arms.map((a) => a.label),
    columnLabels: days.map((d) => `day ${d}`),
    cells: arms.map((a) => days.map((d) => {
      const p = out.photos.find((x) => x.arm === a.id && x.day === d);
      return p ? out.photoDataUrl(p) : null;
    })),
    cellWidth: 120,
    cellHeight: 90,
  });
  const coverage = armChart(arms, 'hairCoverage', 'Hair coverage of the depilated area', 'Coverage', 'fraction', { ref: undefined });
  const darkness = armChart(arms, 'skinDarkness', 'Skin darkening (anagen pigmentation)', 'Darkness', '0-1');
  const anagen = armChart(arms, 'anagenFraction', 'Anagen follicles', 'Anagen', 'fraction');
  const micro = facetGrid(
    [
      armChart(arms, 'rosIndex', 'Perifollicular H2O2 (ROS)', 'ROS', '× healthy', { ref: 1 }),
      armChart(arms, 'perfusion', 'Perifollicular vessel density (CD31)', 'Vessels', '× healthy', { ref: 1 }),
      armChart(arms, 'pS6', 'Stem-cell activation (p-S6)', 'p-S6', '0-1'),
      armChart(arms, 'vegfFold', 'VEGF', 'VEGF', '× healthy', { ref: 1 }),
      armChart(arms, 'damage', 'Oxidative damage of DP cells', 'Damage', '0-1'),
      armChart(arms, 'ceriaUgPerMl', 'Ceria in skin', 'Ceria', 'µg/mL'),
    ],
    2,
    { title: 'Perifollicular microenvironment (mean ± SD)', panelLetters: true },
  );
  const ref = arms.findIndex((a) => a.id === out.comparisons[0]?.reference);
  const lr = out.comparisons.filter((c) => c.test === 'logrank');
  const d50 = barChart({
    title: 'Days to 50 % coverage (mice not reaching it count as the study length)',
    categories: arms.map((a) => a.label),
    series: [
      {
        label: 'days',
        values: arms.map((a) => mean(a.daysToThresholdByAnimal.map((t) => t ?? (a.byDay.hairCoverage.at(-1)?.day ?? 0)))),
        errors: arms.map((a) => sdOf(a.daysToThresholdByAnimal.map((t) => t ?? (a.byDay.hairCoverage.at(-1)?.day ?? 0)))),
        points: arms.map((a) => a.daysToThresholdByAnimal.map((t) => t ?? (a.byDay.hairCoverage.at(-1)?.day ?? 0))),
      },
    ],
    yLabel: 'Days',
    colourByCategory: true,
    significance: ref < 0 ? [] : lr.map((c) => ({ from: { group: ref }, to: { group: arms.findIndex((a) => a.id === c.arm) }, label: formatPValue(c.holmP) })),
  });
  return { 'photo-grid.svg': grid, 'coverage.svg': coverage, 'darkness.svg': darkness, 'anagen.svg': anagen, 'microenvironment.svg': micro, 'days-to-50pct.svg': d50 };
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
function sdOf(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/** Self-contained HTML report of a mouse study: table, photo grid, plots, statistics. */
export function mouseStudyReport(out: MouseStudyOutput, metadata: Record<string, string | number>, figures = mouseStudyFigures(out)): string {
  const arms = out.arms;
  const at = (a: ArmSummary, key: AnimalReadoutName, day: number) => a.byDay[key].find((d) => d.day >= day - 1e-9) ?? a.byDay[key][a.byDay[key].length - 1];
  const fmt = (d: { mean: number; sd: number }, digits = 2) => `${d.mean.toFixed(digits)} ± ${d.sd.toFixed(digits)}`;
  const rows = arms.map((a) => ({
    arm: a.label,
    n: a.n,
    d50: a.daysToThreshold === null ? 'not reached' : a.daysToThreshold.toFixed(1),
    reached: `${Math.round(a.reachedFraction * 100)} %`,
    cov14: fmt(at(a, 'hairCoverage', 14)),
    cov35: fmt(at(a, 'hairCoverage', Infinity)),
    ros: fmt(at(a, 'rosIndex', 7)),
    vessels: fmt(at(a, 'perfusion', 7)),
    ps6: fmt(at(a, 'pS6', 7)),
    diam: fmt(at(a, 'meanHairDiameterUm', Infinity), 1),
  }));
  const table = htmlTable({
    caption: 'Endpoints per arm (mean ± SD over mice; microenvironment on day 7)',
    columns: [
      { header: 'Arm', key: 'arm' },
      { header: 'Mice', key: 'n' },
      { header: 'Median days to 50 % coverage', key: 'd50' },
      { header: 'Reached', key: 'reached' },
      { header: 'Coverage day 14', key: 'cov14' },
      { header: 'Coverage end', key: 'cov35' },
      { header: 'ROS (× healthy)', key: 'ros' },
      { header: 'Vessels (× healthy)', key: 'vessels' },
      { header: 'p-S6', key: 'ps6' },
      { header: 'Hair diameter end (µm)', key: 'diam' },
    ],
    rows,
  });
  const statsRows = out.comparisons
    .filter((c) => c.endpoint === 'hairCoverage' || c.test === 'logrank' || c.day === 7 || c.endpoint === 'rosIndex' || c.endpoint === 'perfusion')
    .map((c) => ({
      endpoint: c.endpoint,
      day: c.day === null ? '—' : String(c.day),
      arm: arms.find((a) => a.id === c.arm)?.label ?? c.arm,
      diff: c.meanDifference,
      test: c.test === 'welch' ? "Welch's t" : 'log-rank',
      p: formatPValue(c.p),
      holm: formatPValue(c.holmP),
      mw: formatPValue(c.mannWhitneyP),
    }));
  const stats = htmlTable({
    caption: `Each arm against ${out.comparisons[0]?.reference ?? 'the reference'} (Holm adjustment over arms per endpoint and day)`,
    columns: [
      { header: 'Endpoint', key: 'endpoint' },
      { header: 'Day', key: 'day' },
      { header: 'Arm', key: 'arm' },
      { header: 'Mean difference', key: 'diff', digits: 3 },
      { header: 'Test', key: 'test' },
      { header: 'p', key: 'p' },
      { header: 'Holm p', key: 'holm' },
      { header: 'Mann–Whitney p', key: 'mw' },
    ],
    rows: statsRows,
  });
  return htmlReport({
    title: 'follisim — AGA mouse study in silico',
    subtitle: 'Ceria nanozyme microneedles vs minoxidil, empty patch and controls (after ACS Nano 2021)',
    metadata,
    sections: [
      { heading: 'Endpoints', html: table },
      { heading: 'The depilated back, arm by day', svg: figures['photo-grid.svg'] },
      { heading: 'Hair coverage', svg: figures['coverage.svg'], caption: 'Fraction of follicles with a visible shaft (> 1 mm), mean ± SD over mice.' },
      { heading: 'Skin darkening', svg: figures['darkness.svg'] },
      { heading: 'Days to 50 % coverage', svg: figures['days-to-50pct.svg'], caption: 'Log-rank test against the AGA control (censored at the end of the study), Holm-adjusted.' },
      { heading: 'Microenvironment', svg: figures['microenvironment.svg'] },
      { heading: 'Anagen follicles', svg: figures['anagen.svg'] },
      { heading: 'Statistics', html: stats },
    ],
  });
}
