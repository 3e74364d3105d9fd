import { chartDefinitions, renderFigures, type ChartSpec } from '../../charts/index.ts';
import { htmlReport, htmlTable, type ReportSection } from '../../html/index.ts';
import type { CalibrationOutput } from '../../../tasks/sweep/calibrateTask.ts';
import type { SensitivityOutput } from '../../../tasks/sweep/sensitivityTask.ts';
import type { SweepOutput } from '../../../tasks/sweep/sweepTask.ts';
import type { TaskOutput } from '../../../tasks/types.ts';
import { driverRows, probabilityRows } from './sensitivityText.ts';
import { calibrationCharts, sensitivityCharts, sweepCharts } from './sweepCharts.ts';

/** HTML reports of the sweep-family tasks: figures from their chart specs plus tables. */

type Meta = Record<string, string | number>;

function figureSections(charts: Record<string, ChartSpec>, figures: Record<string, string>): ReportSection[] {
  return Object.entries(charts).map(([name, spec]) => ({ heading: spec.title ?? name, svg: figures[`${name}.svg`] }));
}

function tableOf(rows: Record<string, unknown>[], caption: string): string {
  if (rows.length === 0) return '';
  return htmlTable({ caption, columns: Object.keys(rows[0]), rows: rows as never, digits: 4 });
}

function rowsOf(table: TaskOutput['tables'][string], limit = 200): Record<string, unknown>[] {
  const cols = Object.keys(table);
  const n = Math.min(limit, table[cols[0]]?.length ?? 0);
  return Array.from({ length: n }, (_, i) => Object.fromEntries(cols.map((c) => [c, table[c][i]])));
}

/** Files of any sweep-family output (report.html, figures/NAME.svg and NAME.chart.json); null for other tasks. */
export function sweepFamilyArtifacts(output: TaskOutput, metadata: Meta): Record<string, string> | null {
  let charts: Record<string, ChartSpec>;
  let title: string;
  let sections: (figures: Record<string, string>) => ReportSection[];
  if (output.task === 'sweep') {
    const out = output as SweepOutput;
    charts = sweepCharts(out);
    title = `follisim — sweep${out.spec.name ? `: ${out.spec.name}` : ''}`;
    sections = (fig) => [
      { heading: 'Design', html: tableOf([out.summary.design as Record<string, unknown>], 'Design') + tableOf(out.summary.parameters as Record<string, unknown>[], 'Parameters') + tableOf(out.summary.outputs as Record<string, unknown>[], 'Outputs over the design points') },
      ...figureSections(charts, fig),
      { heading: 'Design points', html: tableOf(rowsOf(out.tables.points), 'Parameter values and output means per point (first 200; all in points.csv)') },
    ];
  } else if (output.task === 'sensitivity') {
    const out = output as SensitivityOutput;
    charts = sensitivityCharts(out);
    title = `follisim — ${out.spec.method === 'morris' ? 'Morris screening' : 'Sobol sensitivity indices'}${out.spec.name ? `: ${out.spec.name}` : ''}`;
    const text = out.spec.method === 'morris'
      ? `${out.spec.morris.trajectories} trajectories on a ${out.spec.morris.levels}-level grid (Morris 1991), ${out.summary.runs} subtask runs. μ* is the mean absolute elementary effect (Campolongo et al. 2007) in output units per full parameter range; σ its SD.`
      : `Saltelli (2010) design with N = ${out.spec.sobol.samples} base samples, ${out.summary.runs} subtask runs; Jansen (1999) estimators; ${out.spec.sobol.bootstrap} bootstrap resamples.`;
    const kept = (out.summary.screen as { kept?: string[]; runs?: number } | undefined) ?? {};
    const screenText = kept.kept ? ` First a Morris screen of all ${out.spec.parameters.length} parameters (${out.spec.morris.trajectories} trajectories, ${kept.runs} runs); the Sobol stage covers the ${kept.kept.length} with the largest μ* (${kept.kept.join(', ')}), the others varied together as one group.` : '';
    sections = (fig) => [
      { heading: 'Method', text: text + screenText },
      ...(out.probabilities.length ? [{ heading: 'Probabilities', text: 'P(outcome = 1) over the base samples A and B of the Sobol design (independent draws of every parameter over its range).', html: tableOf(probabilityRows(out.probabilities), 'Probability of each 0/1 outcome') }] : []),
      { heading: 'Drivers', html: tableOf(driverRows(out.drivers), 'The five parameters with the largest Morris μ* and Sobol total index per output') },
      ...figureSections(charts, fig),
      { heading: 'Indices', html: tableOf(out.indices as Record<string, unknown>[], 'Indices per output and parameter') + (kept.kept ? tableOf(out.screen as Record<string, unknown>[], 'Morris screen (all parameters)') : '') },
    ];
  } else if (output.task === 'calibrate') {
    const out = output as CalibrationOutput;
    charts = calibrationCharts(out);
    title = `follisim — calibration${out.spec.name ? `: ${out.spec.name}` : ''}`;
    const obj = out.summary.objective as { kind: string; value: number };
    sections = (fig) => [
      { heading: 'Fitted parameters', text: `Method ${out.spec.method}, ${out.summary.evaluations} evaluations (${out.summary.runs} subtask runs), objective ${obj.kind} = ${obj.value}. Intervals: profile likelihood at ${Math.round(out.spec.uncertainty.level * 100)} % (objective increase ${out.record.threshold.toFixed(3)}).`, html: tableOf(out.summary.parameters as Record<string, unknown>[], 'Best values and profile-likelihood intervals') },
      { heading: 'Targets', html: tableOf(out.summary.fit as Record<string, unknown>[], 'Observed and simulated at the best point') },
      ...figureSections(charts, fig),
    ];
  } else return null;
  const figures = renderFigures(charts);
  const files: Record<string, string> = { 'report.html': htmlReport({ title, metadata, sections: sections(figures) }) };
  for (const [k, v] of Object.entries({ ...figures, ...chartDefinitions(charts) })) files[`figures/${k}`] = v;
  return files;
}
