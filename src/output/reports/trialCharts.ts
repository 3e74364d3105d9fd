/** Chart specs of a virtual trial: change-from-baseline curves with CI bands, waterfall, forest, responder bars, shedding. */

import type { ChartRow, ChartSpec } from '../charts/index.ts';
import type { TrialOutput } from '../../tasks/trial.ts';

type Col = ArrayLike<number> | readonly string[];
const num = (c: Col | undefined, i: number): number => Number((c as ArrayLike<number>)[i]);
const str = (c: Col | undefined, i: number): string => String((c as ArrayLike<string>)[i]);

/** The trial's figures keyed by file stem. */
export function trialCharts(out: TrialOutput): Record<string, ChartSpec> {
  const label = new Map(out.trial.arms.map((a) => [a.id, a.label]));
  const t = out.tables;
  const v = t.visits;
  const curve: ChartRow[] = [];
  for (let i = 0; i < v.week.length; i++) {
    if (str(v.population, i) !== 'itt') continue;
    curve.push({ week: num(v.week, i), arm: label.get(str(v.arm, i)) ?? str(v.arm, i), change: num(v.meanChangePerCm2, i), lo: num(v.ciLowPerCm2, i), hi: num(v.ciHighPerCm2, i) });
  }
  const s = t.subjects;
  const waterfall: ChartRow[] = [];
  for (let i = 0; i < s.id.length; i++) waterfall.push({ subject: `${str(s.arm, i)}-${num(s.id, i)}`, arm: label.get(str(s.arm, i)) ?? str(s.arm, i), change: num(s.changePct, i) });
  const d = t.differences;
  const forest: ChartRow[] = [];
  for (let i = 0; i < d.arm.length; i++) forest.push({ row: `${label.get(str(d.arm, i)) ?? str(d.arm, i)} − ${str(d.versus, i)} (${str(d.population, i).toUpperCase()})`, est: num(d.differencePerCm2, i), lo: num(d.ciLow, i), hi: num(d.ciHigh, i) });
  const r = t.responders;
  const bars: ChartRow[] = [];
  for (let i = 0; i < r.arm.length; i++) if (str(r.population, i) === 'itt') bars.push({ arm: label.get(str(r.arm, i)) ?? str(r.arm, i), share: 100 * num(r.proportion, i), halfCi: 50 * (num(r.ciHigh, i) - num(r.ciLow, i)) });
  const sh = t.shedding;
  const shed: ChartRow[] = [];
  for (let i = 0; i < sh.week.length; i++) shed.push({ week: num(sh.week, i), arm: label.get(str(sh.arm, i)) ?? str(sh.arm, i), rel: num(sh.shedRelativeToBaseline, i) });
  const depthDose = ceriaDepthDoseChart(out);
  return {
    ...(depthDose ? { 'ceria-depth-dose': depthDose } : {}),
    'change-from-baseline': {
      version: 1,
      kind: 'line',
      title: 'Target-area non-vellus count, change from baseline (ITT, LOCF)',
      subtitle: 'mean and 95 % CI per arm',
      x: { field: 'week', label: 'Week' },
      y: { field: 'change', label: 'Change', unit: 'hairs/cm²', zero: true },
      series: 'arm',
      band: { low: 'lo', high: 'hi' },
      rules: [{ value: 0 }],
      data: curve,
    },
    waterfall: {
      version: 1,
      kind: 'waterfall',
      title: 'Individual change at the final visit (ITT)',
      x: { field: 'subject', label: 'Men' },
      y: { field: 'change', label: 'Change', unit: '%' },
      series: 'arm',
      order: 'descending',
      rules: [{ value: 0 }],
      data: waterfall,
    },
    forest: {
      version: 1,
      kind: 'forest',
      title: 'Arm differences at the final visit (ANCOVA on baseline), 95 % CI',
      x: { field: 'est', label: 'Difference', unit: 'hairs/cm²' },
      y: { field: 'row', label: '' },
      low: 'lo',
      high: 'hi',
      reference: 0,
      data: forest,
    },
    responders: {
      version: 1,
      kind: 'bar',
      title: 'Responders (global photographic score ≥ threshold), ITT, 95 % Wilson CI',
      x: { field: 'arm', label: 'Arm' },
      y: { field: 'share', label: 'Responders', unit: '%', zero: true },
      error: 'halfCi',
      data: bars,
    },
    shedding: {
      version: 1,
      kind: 'line',
      title: 'Hairs shed per week relative to the 8 weeks before baseline',
      x: { field: 'week', label: 'Week' },
      y: { field: 'rel', label: 'Shedding', unit: '× baseline', zero: true },
      series: 'arm',
      rules: [{ value: 1 }],
      data: shed,
    },
  };
}

/**
 * Depth–dose of the ceria patch, mouse next to human (log level, depth in mm), with the needle tip, the
 * bulge and the bulbs marked, and the mouse bulb level (the reference of bulgeRel/bulbRel) as a line on both.
 */
export function ceriaDepthDoseChart(out: TrialOutput): ChartSpec | undefined {
  const ceria = out.trial.ceria;
  if (!ceria || ceria.length === 0) return undefined;
  const dd0 = ceria[0].depthDose;
  const mouseLevel = dd0.mouseBulbLevelKgM3 * 1e3;
  const human: ChartRow[] = ceria.flatMap((c) => c.depthDose.human.depthUm.map((z, k) => ({ depthMm: z / 1000, level: c.depthDose.human.levelUgPerMl[k], regimen: `human scalp, ${c.regimen}` })));
  const mouse: ChartRow[] = dd0.mouse.depthUm.map((z, k) => ({ depthMm: z / 1000, level: dd0.mouse.levelUgPerMl[k], regimen: `mouse dorsal, study patch every ${dd0.mouseIntervalDays} d` }));
  const levels = [...human, ...mouse].map((r) => Number(r.level)).filter((x) => x > 0);
  const domain: [number, number] = [Math.min(...levels) / 2, Math.max(...levels) * 2];
  const y = { field: 'level', label: 'Time-mean ceria (plane mean)', unit: 'µg/mL', log: true, domain };
  const ref = [{ value: mouseLevel, label: 'mouse bulb level' }];
  return {
    kind: 'grid',
    version: 1,
    title: 'Ceria depth–dose over one dosing interval (3-D patch delivery, periodic steady state)',
    columns: 2,
    panelLetters: true,
    panels: [
      {
        kind: 'line',
        version: 1,
        title: 'Mouse dorsal skin',
        subtitle: `reference: the mouse study patch (${dd0.mouse.deliveredNgPerNeedle.toFixed(1)} ng/needle in the skin) every ${dd0.mouseIntervalDays} d`,
        width: 360,
        x: { field: 'depthMm', label: 'Depth', unit: 'mm', domain: [0, Math.max(...mouse.map((r) => Number(r.depthMm)))] },
        y,
        series: 'regimen',
        rules: ref,
        xRules: [{ value: dd0.mouse.tipDepthUm / 1000, label: 'tip' }, { value: dd0.mouseBulbDepthUm / 1000, label: 'anagen bulb' }],
        data: mouse,
      },
      {
        kind: 'line',
        version: 1,
        title: 'Human scalp',
        subtitle: `trial patch ${ceria.map((c) => c.regimen).join('; ')} (${dd0.human.deliveredNgPerNeedle.toFixed(1)} ng/needle in the skin, middle insertion)`,
        width: 480,
        x: { field: 'depthMm', label: 'Depth', unit: 'mm', domain: [0, Math.max(...human.map((r) => Number(r.depthMm)))] },
        y,
        series: 'regimen',
        rules: ref,
        xRules: [{ value: dd0.human.tipDepthUm / 1000, label: 'tip' }, { value: dd0.bulgeDepthUm / 1000, label: 'bulge' }, { value: dd0.bulbDepthUm / 1000, label: 'anagen bulbs' }],
        data: human,
      },
    ],
  };
}
