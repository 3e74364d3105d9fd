import type { ChartRow, ChartSpec, PanelSpec } from '../../charts/index.ts';
import type { CalibrationOutput } from '../../../tasks/sweep/calibrateTask.ts';
import type { SensitivityOutput } from '../../../tasks/sweep/sensitivityTask.ts';
import { outputLabel, parameterLabel } from '../../../tasks/sweep/spec.ts';
import type { SweepOutput } from '../../../tasks/sweep/sweepTask.ts';

/** Chart specs of the sweep-family tasks (rendered by Observable Plot like every follisim figure). */

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

function grid(title: string, panels: PanelSpec[], columns = 2): ChartSpec {
  if (panels.length === 1) return { ...panels[0], title, width: 640, height: 400 };
  return { version: 1, kind: 'grid', title, columns: Math.min(columns, panels.length), panelLetters: true, panels };
}

/** Sweep response plots: each output's point mean against each parameter. */
export function sweepCharts(out: SweepOutput): Record<string, ChartSpec> {
  const pl = out.spec.parameters.map(parameterLabel);
  const charts: Record<string, ChartSpec> = {};
  out.spec.outputs.forEach((o, k) => {
    if (pl.length === 0) return;
    const panels: PanelSpec[] = pl.map((p, j) => ({
      version: 1,
      kind: 'scatter',
      title: p,
      width: 420,
      height: 300,
      x: { field: 'x', label: p, log: out.spec.parameters[j].scale === 'log' },
      y: { field: 'y', label: outputLabel(o) },
      data: out.design.map((v, i) => ({ x: v[j], y: num(out.means[k][i]) })),
    }));
    charts[`response-${k + 1}`] = grid(`Response of ${outputLabel(o)}`, panels);
  });
  return charts;
}

/** Morris μ*–σ scatter per output, or Sobol S1/ST bars with bootstrap intervals per output. */
export function sensitivityCharts(out: SensitivityOutput): Record<string, ChartSpec> {
  const charts: Record<string, ChartSpec> = {};
  const outputs = [...new Set(out.indices.map((r) => r.output))];
  outputs.forEach((o, k) => {
    const rows = out.indices.filter((r) => r.output === o);
    // a Morris run, or the Morris screen before a Sobol stage
    const screen = out.screen.filter((r) => r.output === o);
    if (screen.length) {
      charts[`morris-${k + 1}`] = {
        version: 1,
        kind: 'scatter',
        title: `Morris screening: ${o}`,
        subtitle: 'μ* (mean |elementary effect|) against σ; far right = influential, high = non-linear or interacting',
        x: { field: 'muStar', label: 'μ*', zero: true },
        y: { field: 'sigma', label: 'σ', zero: true },
        label: 'parameter',
        data: screen.map((r) => ({ parameter: r.parameter, muStar: num(r.muStar as number), sigma: num(r.sigma as number) })),
      };
    }
    if (out.spec.method === 'sobol') {
      const level = Math.round(out.spec.sobol.confidence * 100);
      const bars = (key: 'S1' | 'ST', title: string): PanelSpec => ({
        version: 1,
        kind: 'forest',
        title,
        width: 420,
        height: 60 + 40 * rows.length,
        x: { field: 'value', label: key, domain: [Math.min(0, ...rows.map((r) => r[`${key}Low`] as number)), Math.max(1, ...rows.map((r) => r[`${key}High`] as number))] },
        y: { field: 'parameter', label: 'parameter' },
        low: 'low',
        high: 'high',
        reference: 0,
        data: rows.map((r): ChartRow => ({ parameter: r.parameter, value: num(r[key] as number), low: num(r[`${key}Low`] as number), high: num(r[`${key}High`] as number) })),
      });
      charts[`sobol-${k + 1}`] = {
        version: 1,
        kind: 'grid',
        title: `Sobol indices of ${o} (${level} % bootstrap intervals)`,
        columns: 2,
        panelLetters: true,
        panels: [bars('S1', 'First order S1'), bars('ST', 'Total ST')],
      };
      charts[`sobol-bars-${k + 1}`] = {
        version: 1,
        kind: 'bar',
        title: `Total-order index of ${o}`,
        subtitle: `bar = ST, whisker = half the ${level} % interval`,
        x: { field: 'parameter', label: 'parameter' },
        y: { field: 'ST', label: 'ST', zero: true },
        error: 'half',
        data: rows.map((r) => ({ parameter: r.parameter, ST: num(r.ST as number), half: num(((r.STHigh as number) - (r.STLow as number)) / 2) })),
      };
    }
  });
  return charts;
}

/** Calibration trace (objective and best so far per evaluation), fit against targets, and profiles. */
export function calibrationCharts(out: CalibrationOutput): Record<string, ChartSpec> {
  const names = out.spec.parameters.map(parameterLabel);
  const fitEvals = out.evaluations.filter((e) => e.phase === 'fit');
  let best = Number.POSITIVE_INFINITY;
  const trace: ChartRow[] = [];
  for (const e of fitEvals) {
    best = Math.min(best, e.objective);
    trace.push({ evaluation: e.evaluation + 1, value: num(e.objective), series: 'objective' });
    trace.push({ evaluation: e.evaluation + 1, value: num(best), series: 'best so far' });
  }
  const charts: Record<string, ChartSpec> = {
    trace: {
      version: 1,
      kind: 'line',
      title: 'Calibration trace',
      x: { field: 'evaluation', label: 'Evaluation' },
      y: { field: 'value', label: `Objective (${out.spec.objective})`, log: trace.every((r) => (r.value as number) > 0) },
      series: 'series',
      data: trace,
    },
  };
  const fit = out.summary.fit as { target: string; observed: number; sd: number; simulated: number }[];
  charts.fit = {
    version: 1,
    kind: 'forest',
    title: 'Fit against targets',
    subtitle: 'dot = simulated at the best point minus observed, in target SDs; whisker = ±1.96 SD of the observation',
    height: 80 + 40 * fit.length,
    x: { field: 'z', label: '(simulated − observed) / SD' },
    y: { field: 'target', label: 'target' },
    low: 'low',
    high: 'high',
    reference: 0,
    data: fit.map((f) => ({ target: f.target, z: num((f.simulated - f.observed) / f.sd), low: -1.96, high: 1.96 })),
  };
  if (out.record.profiles.length) {
    const panels: PanelSpec[] = out.record.profiles.map((p) => ({
      version: 1,
      kind: 'line',
      title: `Profile of ${names[p.parameter]}`,
      width: 420,
      height: 300,
      x: { field: 'value', label: names[p.parameter] },
      y: { field: 'objective', label: 'Objective' },
      rules: [{ value: out.record.bestObjective + out.record.threshold, label: `${Math.round(out.spec.uncertainty.level * 100)} % threshold` }],
      data: p.values.map((v, k) => ({ value: v, objective: num(p.objective[k]) })),
    }));
    charts.profiles = grid('Profile likelihood', panels);
  }
  return charts;
}
