import { renderFigures, type ChartSpec } from '../charts/index.ts';
import { escapeHtml, formatPValue, htmlReport, htmlTable } from '../html/index.ts';
import type { AnimalReadoutName } from '../../study/animal.ts';
import type { ArmSummary } from '../../study/aggregate.ts';
import type { MouseStudyOutput } from '../../tasks/mouseStudyRun.ts';
import type { OrderingAnalysis } from '../../results/orderingAnalysis.ts';
import { mouseStudyCharts } from './mouseStudyCharts.ts';
import { mouseOrderingsSection } from './mouseOrderingsSection.ts';

/** Figures of a mouse study (SVG strings keyed by file name, e.g. "coverage.svg"). */
export function mouseStudyFigures(out: MouseStudyOutput, charts: Record<string, ChartSpec> = mouseStudyCharts(out)): Record<string, string> {
  return renderFigures(charts);
}

/** Self-contained HTML report of a mouse study: table, photo grid, plots, statistics; `orderings`: an attached ordering analysis. */
export function mouseStudyReport(
  out: MouseStudyOutput,
  metadata: Record<string, string | number>,
  figures = mouseStudyFigures(out),
  orderings?: OrderingAnalysis,
): string {
  const arms = out.arms;
  const at = (a: ArmSummary, key: AnimalReadoutName, day: number) => a.byDay[key].find((d) => d.day >= day - 1e-9) ?? a.byDay[key][a.byDay[key].length - 1];
  const fmt = (d: { mean: number; sd: number }, digits = 2) => `${d.mean.toFixed(digits)} ± ${d.sd.toFixed(digits)}`;
  const rows = arms.map((a) => ({
    arm: a.label,
    n: a.n,
    d50: `${a.daysToThreshold === null ? 'not reached' : a.daysToThreshold.toFixed(1)} (${a.daysToThresholdKm.low === null ? '—' : a.daysToThresholdKm.low.toFixed(1)} to ${a.daysToThresholdKm.high === null ? 'not reached' : a.daysToThresholdKm.high.toFixed(1)})`,
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
      { header: 'Days to 50 % coverage, KM median (95 % CI)', key: 'd50' },
      { header: 'Reached', key: 'reached' },
      { header: 'Coverage day 14', key: 'cov14' },
      { header: 'Coverage end', key: 'cov35' },
      { header: 'ROS (× healthy)', key: 'ros' },
      { header: 'Vessels (× healthy)', key: 'vessels' },
      { header: 'p-S6+ follicles', key: 'ps6' },
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
      { heading: 'Days to 50 % coverage', svg: figures['km-50pct.svg'], caption: 'Kaplan–Meier curves; mice that never reach 50 % coverage are censored at the end of the study (+).' },
      { heading: 'Effect sizes', svg: figures['effects-forest.svg'], caption: out.summary && typeof out.summary === 'object' && 'statisticsNote' in out.summary ? String(out.summary.statisticsNote) : '' },
      { heading: 'Days to 50 % coverage per mouse', svg: figures['days-to-50pct.svg'], caption: 'Log-rank test against the AGA control (censored at the end of the study), Holm-adjusted. n is a simulation setting: p-values shrink with it.' },
      { heading: 'Microenvironment', svg: figures['microenvironment.svg'] },
      { heading: 'Anagen follicles', svg: figures['anagen.svg'] },
      { heading: 'Statistics', html: stats },
      { heading: 'Do the orderings survive parameter uncertainty?', html: mouseOrderingsSection(orderings) },
      {
        heading: 'Behaviour rules',
        html: `<p>Each rule multiplies its behaviour; every rule is neutral (×1) at the healthy reference signals and each behaviour's combined factor is clamped to its declared bounds.</p><ul>${out.ruleSentences.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`,
      },
    ],
  });
}
