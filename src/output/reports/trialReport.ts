import { pngDataUrl } from '../../core/base64.ts';
import { renderFigures, type ChartSpec } from '../charts/index.ts';
import { htmlReport, htmlTable } from '../html/index.ts';
import type { TrialOutput } from '../../tasks/trial.ts';
import { renderVertexPhoto } from '../../trial/photo.ts';
import { trialCharts } from './trialCharts.ts';

/** Figures of a trial (SVG strings keyed by file name). */
export function trialFigures(out: TrialOutput, charts: Record<string, ChartSpec> = trialCharts(out)): Record<string, string> {
  return renderFigures(charts);
}

/** Vertex photographs of the sample men, baseline and end (PNG bytes keyed by file name). */
export function trialPhotos(out: TrialOutput): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const p of out.trial.photos) {
    const arm = out.trial.arms[p.arm].id;
    files[`photos/${arm}-${p.id}-baseline.png`] = renderVertexPhoto(p.id, p.state.baseline, p.state.terminalThresholdUm);
    files[`photos/${arm}-${p.id}-end.png`] = renderVertexPhoto(p.id, p.state.end, p.state.terminalThresholdUm);
  }
  return files;
}

/** Level of a depth profile at zUm (linear between plane centres), or NaN outside it. */
function levelAt(p: { depthUm: number[]; levelUgPerMl: number[] }, zUm: number): number {
  const z = p.depthUm;
  const step = z.length > 1 ? z[1] - z[0] : 0;
  if (!(zUm <= z[z.length - 1] + step / 2)) return Number.NaN;
  if (zUm <= z[0]) return p.levelUgPerMl[0];
  let k = 0;
  while (k < z.length - 2 && z[k + 1] < zUm) k++;
  const f = Math.min(1, (zUm - z[k]) / (z[k + 1] - z[k]));
  return p.levelUgPerMl[k] * (1 - f) + p.levelUgPerMl[k + 1] * f;
}

/** Depth–dose rows of the first ceria regimen: time-mean level (µg/mL) at depth in mouse and human skin (3-D solve). */
export function depthDoseRows(out: TrialOutput): { depthMm: number; mouse: string; human: string; rel: string; where: string }[] {
  const c = out.trial.ceria?.[0];
  if (!c) return [];
  const dd = c.depthDose;
  const ref = dd.mouseBulbLevelKgM3 * 1e3;
  const mm = (um: number) => um / 1000;
  return [0.1, 0.25, 0.5, 1, 2, 3, 4, 5, 6, 7].map((z) => {
    const m = levelAt(dd.mouse, z * 1000);
    const h = levelAt(dd.human, z * 1000);
    const where = z === mm(dd.mouseBulbDepthUm) ? 'mouse anagen bulb (the reference)' : z === mm(dd.bulgeDepthUm) ? 'human bulge / telogen bases' : z === mm(dd.bulbDepthUm) ? 'human anagen bulbs (4–7 mm)' : z >= 4 ? 'human anagen bulbs (4–7 mm)' : '';
    return { depthMm: z, mouse: Number.isFinite(m) ? m.toExponential(2) : '— (below the mouse skin)', human: h.toExponential(2), rel: (h / ref).toExponential(2), where };
  });
}

/** Self-contained HTML report of a virtual trial. */
export function trialReport(out: TrialOutput, metadata: Record<string, string | number>, figures = trialFigures(out), photos = trialPhotos(out)): string {
  const f = out.trial.flow;
  const flowTable = htmlTable({
    caption: 'Flow of men (screened → analysed)',
    columns: [{ header: 'Stage', key: 'stage' }, { header: 'Men', key: 'count' }],
    rows: Array.from(out.tables.flow.stage as readonly string[], (stage, i) => ({ stage, count: Number((out.tables.flow.count as ArrayLike<number>)[i]) })),
  });
  const summary = out.summary as { arms: { label: string; n: number; baselinePerCm2: number; ittChangePerCm2: number; ittSdPerCm2: number; ittCi: number[]; ittChangePct: number }[] };
  const endpoints = htmlTable({
    caption: `Final visit, ITT with last observation carried forward (${f.randomized.reduce((a, b) => a + b, 0)} randomized)`,
    columns: [
      { header: 'Arm', key: 'label' },
      { header: 'n', key: 'n' },
      { header: 'Baseline', key: 'baselinePerCm2', unit: '/cm²', digits: 1 },
      { header: 'Change', key: 'chg', unit: '/cm²' },
      { header: '95 % CI', key: 'ci' },
      { header: 'Change', key: 'ittChangePct', unit: '%', digits: 2 },
    ],
    rows: summary.arms.map((a) => ({ label: a.label, n: a.n, baselinePerCm2: a.baselinePerCm2, ittChangePct: a.ittChangePct, chg: `${a.ittChangePerCm2.toFixed(2)} ± ${a.ittSdPerCm2.toFixed(2)}`, ci: `${a.ittCi[0].toFixed(2)} to ${a.ittCi[1].toFixed(2)}` })),
  });
  const d = out.tables.differences;
  const diffRows = Array.from(d.arm as readonly string[], (arm, i) => ({
    population: String((d.population as readonly string[])[i]).toUpperCase(),
    arm,
    versus: String((d.versus as readonly string[])[i]),
    est: Number((d.differencePerCm2 as ArrayLike<number>)[i]),
    ci: `${Number((d.ciLow as ArrayLike<number>)[i]).toFixed(2)} to ${Number((d.ciHigh as ArrayLike<number>)[i]).toFixed(2)}`,
    p: Number((d.p as ArrayLike<number>)[i]),
    power: Number((d.power as ArrayLike<number>)[i]),
    n80: Number((d.nFor80 as ArrayLike<number>)[i]),
    n90: Number((d.nFor90 as ArrayLike<number>)[i]),
  }));
  const diffs = htmlTable({
    caption: 'ANCOVA (change on arm + baseline) at the final visit; power by normal approximation at the observed effect and residual SD',
    columns: [
      { header: 'Set', key: 'population' },
      { header: 'Arm', key: 'arm' },
      { header: 'vs', key: 'versus' },
      { header: 'Difference', key: 'est', unit: '/cm²', digits: 3 },
      { header: '95 % CI', key: 'ci' },
      { header: 'p', key: 'p', digits: 4 },
      { header: 'Power at this n', key: 'power', digits: 2 },
      { header: 'n/arm for 80 %', key: 'n80' },
      { header: 'n/arm for 90 %', key: 'n90' },
    ],
    rows: diffRows,
  });
  const pt = out.tables.paired;
  const pairedHtml = pt
    ? htmlTable({
        caption: 'Paired differences (common random numbers: the same men under every arm): mean of each man\'s change under the arm minus under the control, final visit; t interval and paired t test',
        columns: [
          { header: 'Set', key: 'population' },
          { header: 'Arm', key: 'arm' },
          { header: 'vs', key: 'versus' },
          { header: 'Men', key: 'n' },
          { header: 'Difference', key: 'est', unit: '/cm²', digits: 3 },
          { header: 'SD', key: 'sd', unit: '/cm²', digits: 3 },
          { header: '95 % CI', key: 'ci' },
          { header: 'p', key: 'p', digits: 4 },
        ],
        rows: Array.from(pt.arm as readonly string[], (arm, i) => ({
          population: String((pt.population as readonly string[])[i]).toUpperCase(),
          arm,
          versus: String((pt.versus as readonly string[])[i]),
          n: Number((pt.n as ArrayLike<number>)[i]),
          est: Number((pt.differencePerCm2 as ArrayLike<number>)[i]),
          sd: Number((pt.sdPerCm2 as ArrayLike<number>)[i]),
          ci: `${Number((pt.ciLow as ArrayLike<number>)[i]).toFixed(2)} to ${Number((pt.ciHigh as ArrayLike<number>)[i]).toFixed(2)}`,
          p: Number((pt.p as ArrayLike<number>)[i]),
        })),
      })
    : '';
  const sf = out.tables.safety;
  const safety = htmlTable({
    caption: 'Safety readouts per arm (mean per man)',
    columns: [
      { header: 'Arm', key: 'arm' },
      { header: 'Needle sessions', key: 'ns', digits: 1 },
      { header: 'Channel depth sum', key: 'nd', unit: 'mm', digits: 1 },
      { header: 'Ceria in the skin after the last patch', key: 'ce', unit: 'µg/cm²', digits: 1 },
      { header: 'Time with ROS below floor: deposit', key: 'ros', digits: 2 },
      { header: 'bulge', key: 'rosBulge', digits: 2 },
      { header: 'bulbs', key: 'rosBulb', digits: 2 },
      { header: 'Shedding-episode weeks', key: 'sh', digits: 2 },
      { header: 'Men with an episode', key: 'men', digits: 2 },
    ],
    rows: Array.from(sf.arm as readonly string[], (arm, i) => ({
      arm,
      ns: Number((sf.needleSessions as ArrayLike<number>)[i]),
      nd: Number((sf.needleDepthMm as ArrayLike<number>)[i]),
      ce: Number((sf.ceriaRetainedUg as ArrayLike<number>)[i]),
      ros: Number((sf.rosBelowFloorFraction as ArrayLike<number>)[i]),
      rosBulge: Number((sf.rosBelowFloorBulge as ArrayLike<number>)[i]),
      rosBulb: Number((sf.rosBelowFloorBulb as ArrayLike<number>)[i]),
      sh: Number((sf.sheddingEpisodeWeeks as ArrayLike<number>)[i]),
      men: Number((sf.menWithSheddingEpisode as ArrayLike<number>)[i]),
    })),
  });
  const photoHtml = out.trial.photos
    .map((p) => {
      const arm = out.trial.arms[p.arm];
      const b = photos[`photos/${arm.id}-${p.id}-baseline.png`];
      const e = photos[`photos/${arm.id}-${p.id}-end.png`];
      return `<figure style="display:inline-block;margin:6px"><img alt="baseline" src="${pngDataUrl(b)}"> <img alt="end" src="${pngDataUrl(e)}"><figcaption>${arm.label}, man ${p.id}: ${p.baseline.terminal} → ${p.end.terminal} terminal hairs</figcaption></figure>`;
    })
    .join('\n');
  const ceria = out.trial.ceria ?? [];
  const c0 = ceria[0];
  const depth = c0
    ? htmlTable({
        caption: `Time-mean ceria over one dosing interval (plane mean, 3-D patch delivery): human ${c0.regimen} (tip ${c0.depthDose.human.tipDepthUm.toFixed(0)} µm at the middle insertion), mouse study patch every ${c0.depthDose.mouseIntervalDays} d (tip ${c0.depthDose.mouse.tipDepthUm.toFixed(0)} µm)`,
        columns: [{ header: 'Depth', key: 'depthMm', unit: 'mm' }, { header: 'Mouse', key: 'mouse', unit: 'µg/mL' }, { header: 'Human scalp', key: 'human', unit: 'µg/mL' }, { header: 'Human / mouse bulb', key: 'rel' }, { header: 'What sits there', key: 'where' }],
        rows: depthDoseRows(out),
      }) +
      htmlTable({
        caption: 'Relative levels used by the trial (time-mean / mouse bulb level) at the lowest, middle and highest insertion of the patch',
        columns: [{ header: 'Regimen', key: 'regimen' }, { header: 'Arms', key: 'arms' }, { header: 'Bulge', key: 'bulge' }, { header: 'Anagen bulb', key: 'bulb' }],
        rows: ceria.map((c) => ({ regimen: c.regimen, arms: c.arms.join(', '), bulge: c.depthDose.bulgeRel.map((x) => x.toPrecision(3)).join(' / '), bulb: c.depthDose.bulbRel.map((x) => x.toPrecision(3)).join(' / ') })),
      })
    : '';
  return htmlReport({
    title: `follisim — virtual trial: ${String((out.summary as { name?: string }).name ?? '')}`,
    subtitle: 'Men with AGA simulated from onset; target-area counts as trials measure them',
    metadata,
    sections: [
      { heading: 'Flow', html: flowTable },
      { heading: 'Endpoints', html: endpoints },
      { heading: 'Change from baseline', svg: figures['change-from-baseline.svg'] },
      { heading: 'Arm differences', svg: figures['forest.svg'] },
      { heading: 'Statistics', html: diffs + pairedHtml },
      { heading: 'Individual changes', svg: figures['waterfall.svg'] },
      { heading: 'Responders', svg: figures['responders.svg'] },
      { heading: 'Shedding', svg: figures['shedding.svg'], caption: 'Early shedding emerges from synchronised telogen exit under minoxidil.' },
      { heading: 'Safety', html: safety },
      { heading: 'Vertex photographs (baseline, end)', html: photoHtml || '<p>none</p>' },
      ...(c0 ? [{ heading: 'What reaches which depth', svg: figures['ceria-depth-dose.svg'], html: depth }] : []),
    ],
  });
}
