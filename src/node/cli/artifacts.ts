import type { RunManifest } from '../../core/manifest.ts';
import type { HumanScalpSeries } from '../../follicle/human/results.ts';
import { humanScalpFigures, humanScalpReport } from '../../reports/humanScalpReport.ts';
import type { TaskOutput } from '../../tasks/types.ts';

/** Pictures and the HTML report of a run; file name → content. */
export function buildRunArtifacts(output: TaskOutput & { series?: unknown }, manifest: RunManifest): Record<string, string | Uint8Array> {
  const metadata = {
    scenario: String((manifest.scenario as { name?: string }).name ?? ''),
    seed: manifest.seeds.root,
    version: manifest.version,
    commit: manifest.gitCommit ?? 'unknown',
    date: manifest.timing.finishedAt,
    wallS: manifest.timing.wallS,
  };
  if (output.task === 'run:humanScalp' && output.series) {
    const series = output.series as HumanScalpSeries;
    const figures = humanScalpFigures(series);
    const summary = output.summary as { regions: Record<string, Record<string, number>> };
    return { ...figures, 'report.html': humanScalpReport(series, summary, metadata, figures) };
  }
  return {};
}
