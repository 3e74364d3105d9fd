import { pngDataUrl } from '../core/base64.ts';
import type { RunManifest } from '../results/manifest.ts';
import type { OrderingAnalysis } from '../results/orderingAnalysis.ts';
import type { HumanScalpSeries } from '../follicle/human/results.ts';
import { renderHeatmap } from './raster/heatmap.ts';
import { photoPng } from './raster/photo.ts';
import { chartDefinitions } from './charts/index.ts';
import { resultJson } from '../results/json.ts';
import { htmlReport } from './html/index.ts';
import { humanScalpCharts } from './reports/humanScalpCharts.ts';
import { humanScalpFigures, humanScalpReport, type HumanRegionSummary } from './reports/humanScalpReport.ts';
import { mouseStudyCharts } from './reports/mouseStudyCharts.ts';
import { mouseStudyFigures, mouseStudyReport } from './reports/mouseStudyReport.ts';
import type { MouseStudyOutput } from '../tasks/mouseStudyRun.ts';
import type { FieldSnapshot } from '../tasks/patchDeliveryRun.ts';
import type { TaskOutput } from '../tasks/types.ts';
import type { TrialOutput } from '../tasks/trial.ts';
import { trialCharts } from './reports/trialCharts.ts';
import { trialFigures, trialPhotos, trialReport } from './reports/trialReport.ts';

type Files = Record<string, string | Uint8Array>;

function patchDeliveryArtifacts(snapshots: readonly FieldSnapshot[], metadata: Record<string, string | number>): Files {
  const files: Files = {};
  const sections = [];
  // one colour scale per substance and plane across times, so maps are comparable
  const max = new Map<string, number>();
  for (const s of snapshots) {
    const key = `${s.substance}/${s.plane}`;
    let m = max.get(key) ?? 0;
    for (const v of s.values) m = Math.max(m, v);
    max.set(key, m);
  }
  for (const s of snapshots) {
    const unit = s.substance === 'ceria' ? 'ug/mL' : 'a.u.';
    const png = renderHeatmap(
      { width: s.width, height: s.height, data: s.values },
      {
        title: `${s.substance} ${s.plane} ${s.hours} h`,
        unit,
        min: 0,
        max: max.get(`${s.substance}/${s.plane}`) || 1,
        caption: `${s.plane === 'xz' ? 'x (across) by depth (down)' : 'x by y'}, ${s.pixelUm} um voxels`,
      },
    );
    const name = `maps/${s.substance}-${s.plane}-${String(s.hours).padStart(3, '0')}h.png`;
    files[name] = png;
    sections.push({
      heading: `${s.substance}, ${s.plane === 'xz' ? 'vertical section through a needle row' : 'horizontal plane'}, ${s.hours} h`,
      html: `<img alt="${name}" src="${pngDataUrl(png)}" style="image-rendering:pixelated;max-width:100%">`,
    });
  }
  files['report.html'] = htmlReport({ title: 'follisim — microneedle patch delivery', subtitle: 'Dose maps (pixel = one voxel)', metadata, sections });
  return files;
}

/** Results of other runs a report shows beside its own (read and checked by the platform shell). */
export interface AttachedResults {
  /** An ordering analysis of this mouse study (sensitivity run): written to orderings.json and shown in the report. */
  orderings?: OrderingAnalysis;
}

/** Pictures and the HTML report of a run; file name → content. */
export function buildRunArtifacts(output: TaskOutput & { series?: unknown; snapshots?: unknown }, manifest: RunManifest, attached: AttachedResults = {}): Files {
  const metadata = {
    scenario: String((manifest.scenario as { name?: string }).name ?? ''),
    seed: manifest.seeds.root,
    version: manifest.version,
    commit: manifest.gitCommit ?? 'unknown',
    date: manifest.timing.finishedAt,
    wallS: manifest.timing.wallS,
  };
  if (attached.orderings && output.task !== 'run:mouseStudy') throw new Error(`an ordering analysis belongs to a mouse study, not to a ${output.task} run`);
  if (output.task === 'run:humanScalp' && output.series) {
    const series = output.series as HumanScalpSeries;
    const charts = humanScalpCharts(series);
    const figures = humanScalpFigures(series, charts);
    const summary = output.summary as { regions: Record<string, HumanRegionSummary> };
    // Each figure's definition and data sit beside it (name.chart.json) so it can be restyled and re-rendered.
    return { ...figures, ...chartDefinitions(charts), 'report.html': humanScalpReport(series, summary, metadata, figures) };
  }
  if (output.task === 'run:patchDelivery' && output.snapshots) {
    return patchDeliveryArtifacts(output.snapshots as FieldSnapshot[], metadata);
  }
  if (output.task === 'run:mouseStudy') {
    const out = output as MouseStudyOutput;
    const charts = mouseStudyCharts(out);
    const figures = mouseStudyFigures(out, charts);
    const files: Files = { 'report.html': mouseStudyReport(out, metadata, figures, attached.orderings) };
    if (attached.orderings) files['orderings.json'] = resultJson(attached.orderings);
    for (const [k, v] of Object.entries({ ...figures, ...chartDefinitions(charts) })) files[`figures/${k}`] = v;
    for (const p of out.photos) files[`photos/${p.arm}-day${String(p.day).padStart(2, '0')}.png`] = photoPng(p);
    return files;
  }
  if (output.task === 'trial') {
    const out = output as TrialOutput;
    const charts = trialCharts(out);
    const figures = trialFigures(out, charts);
    const photos = trialPhotos(out);
    const files: Files = { 'report.html': trialReport(out, metadata, figures, photos), ...photos };
    for (const [k, v] of Object.entries({ ...figures, ...chartDefinitions(charts) })) files[`figures/${k}`] = v;
    return files;
  }
  return {};
}
