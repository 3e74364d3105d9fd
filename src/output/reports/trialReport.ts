import { pngDataUrl } from '../../core/base64.ts';
import { renderFigures, type ChartSpec } from '../charts/index.ts';
import { htmlReport, htmlTable } from '../html/index.ts';
import type { TrialOutput } from '../../tasks/trial.ts';
import { depthProfile, penetrationLengthUm } from '../../trial/pkpd.ts';
import { renderVertexPhoto } from '../../trial/photo.ts';
import type { TrialParams } from '../../parameters/assemble/trial.ts';
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
    files[`photos/${arm}-${p.id}-baseline.png`] = renderVertexPhoto(p.id, p.follicles, p.baseline.terminal, p.baseline.hairs);
    files[`photos/${arm}-${p.id}-end.png`] = renderVertexPhoto(p.id, p.follicles, p.end.terminal, p.end.hairs);
  }
  return files;
}

/** Depth–dose rows: relative ceria level at depth for the mouse (depot 400 µm) and the human scalp (depot: needle × mid insertion, ~390 µm). */
export function depthDoseRows(p: TrialParams): { depthMm: number; mouse: string; human: string; where: string }[] {
  const humanDepot = (p.ceriaHuman.needleHeightUm * (p.microneedling.patchInsertionMin + p.microneedling.patchInsertionMax)) / 2;
  const rows = [0.25, 0.5, 1, 2, 3, 4, 5, 6, 7].map((z) => {
    const mouse = z <= 0.6 ? depthProfile(z * 1000, p.ceriaHuman.mouseDepotDepthUm, p).toFixed(3) : '— (below the mouse skin)';
    const where = z === 0.5 ? 'mouse anagen bulb' : z === 1 ? 'human bulge / telogen bases' : z >= 4 ? 'human anagen bulbs (4–7 mm)' : '';
    return { depthMm: z, mouse, human: depthProfile(z * 1000, humanDepot, p).toExponential(2), where };
  });
  return rows;
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
      { header: 'Difference', key: 'est', unit: '/cm²', digits: 2 },
      { header: '95 % CI', key: 'ci' },
      { header: 'p', key: 'p', digits: 4 },
      { header: 'Power at this n', key: 'power', digits: 2 },
      { header: 'n/arm for 80 %', key: 'n80' },
      { header: 'n/arm for 90 %', key: 'n90' },
    ],
    rows: diffRows,
  });
  const sf = out.tables.safety;
  const safety = htmlTable({
    caption: 'Safety readouts per arm (mean per man)',
    columns: [
      { header: 'Arm', key: 'arm' },
      { header: 'Needle sessions', key: 'ns', digits: 1 },
      { header: 'Channel depth sum', key: 'nd', unit: 'mm', digits: 1 },
      { header: 'Ceria retained at end', key: 'ce', unit: 'µg', digits: 1 },
      { header: 'Time with ROS below floor', key: 'ros', digits: 2 },
      { header: 'Shedding-episode weeks', key: 'sh', digits: 2 },
      { header: 'Men with an episode', key: 'men', digits: 2 },
    ],
    rows: Array.from(sf.arm as readonly string[], (arm, i) => ({
      arm,
      ns: Number((sf.needleSessions as ArrayLike<number>)[i]),
      nd: Number((sf.needleDepthMm as ArrayLike<number>)[i]),
      ce: Number((sf.ceriaRetainedUg as ArrayLike<number>)[i]),
      ros: Number((sf.rosBelowFloorFraction as ArrayLike<number>)[i]),
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
  const hasCeria = /ceria/i.test(JSON.stringify(out.trial.arms));
  const depth = htmlTable({
    caption: `Ceria level relative to the depot plane (steady diffusion–clearance, L = ${penetrationLengthUm(out.trial.params).toFixed(0)} µm): mouse depot 400 µm, human depot ~390 µm`,
    columns: [{ header: 'Depth', key: 'depthMm', unit: 'mm' }, { header: 'Mouse', key: 'mouse' }, { header: 'Human scalp', key: 'human' }, { header: 'What sits there', key: 'where' }],
    rows: depthDoseRows(out.trial.params),
  });
  return htmlReport({
    title: `follisim — virtual trial: ${String((out.summary as { name?: string }).name ?? '')}`,
    subtitle: 'Men with AGA simulated from onset; target-area counts as trials measure them',
    metadata,
    sections: [
      { heading: 'Flow', html: flowTable },
      { heading: 'Endpoints', html: endpoints },
      { heading: 'Change from baseline', svg: figures['change-from-baseline.svg'] },
      { heading: 'Arm differences', svg: figures['forest.svg'] },
      { heading: 'Statistics', html: diffs },
      { heading: 'Individual changes', svg: figures['waterfall.svg'] },
      { heading: 'Responders', svg: figures['responders.svg'] },
      { heading: 'Shedding', svg: figures['shedding.svg'], caption: 'Early shedding emerges from synchronised telogen exit under minoxidil.' },
      { heading: 'Safety', html: safety },
      { heading: 'Vertex photographs (baseline, end)', html: photoHtml || '<p>none</p>' },
      ...(hasCeria ? [{ heading: 'What reaches which depth', html: depth }] : []),
    ],
  });
}
