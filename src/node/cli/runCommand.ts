import { basename } from 'node:path';
import { checkOutputFinite } from '../../core/finite.ts';
import type { RunManifest } from '../../core/manifest.ts';
import { generateRootSeed } from '../../core/random/seeds.ts';
import { toCsv } from '../../core/recorder.ts';
import { estimateRun } from '../../core/sizing/estimate.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { summariseMouseStudy } from '../../tasks/mouseStudyRun.ts';
import { runScenario } from '../../tasks/run.ts';
import { runMouseStudyParallel } from '../study/parallel.ts';
import { VERSION } from '../../version.ts';
import { abortOutput, checkOutPath, commitOutput, defaultOutDir, prepareOutput } from '../outputDir.ts';
import { progressReporter, type ProgressMode } from '../progress.ts';
import { gitCommit, platformInfo } from '../provenance.ts';
import { enforceRunSize } from '../sizingGate.ts';
import { buildRunArtifacts } from './artifacts.ts';

export interface RunCommandOptions {
  out?: string;
  seed?: number;
  progress: ProgressMode;
  /** Worker threads for tasks that run independent units (mouse studies); 1 runs in the main thread. */
  threads: number;
  /** Replace an existing output folder (whole). */
  force?: boolean;
  /** Run even when the size estimate exceeds the machine's memory or the work budget. */
  allowLarge?: boolean;
}

/** Runs a validated scenario and writes manifest.json, summary.json, CSV tables and pictures into the output folder. */
export async function runCommand(scenarioPath: string, scenario: Scenario, opts: RunCommandOptions): Promise<{ outDir: string; manifest: RunManifest }> {
  const generated = opts.seed === undefined && scenario.seed === undefined;
  const seed = opts.seed ?? scenario.seed ?? generateRootSeed();
  const resolved = { ...scenario, seed };
  const startedAt = new Date();
  // Everything that can refuse the run is checked before it starts: output path, size, writability.
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const outDir = opts.out ?? defaultOutDir(scenario.name || basename(scenarioPath), stamp, seed);
  const target = checkOutPath(outDir, { scenarioPath, force: opts.force ?? false });
  enforceRunSize(estimateRun(resolved), opts.threads, opts.allowLarge ?? false);
  const plan = prepareOutput(target, opts.force ?? false);
  try {
    const t0 = performance.now();
    const progress = progressReporter(opts.progress);
    const output =
      resolved.model === 'mouseStudy' && opts.threads > 1
        ? summariseMouseStudy(resolved, await runMouseStudyParallel(resolved, seed, opts.threads, progress.update))
        : runScenario(resolved, { seed, onProgress: progress.update });
    progress.done();
    checkOutputFinite(output);
    const wallS = (performance.now() - t0) / 1000;
    const manifest: RunManifest = {
      tool: 'follisim',
      version: VERSION,
      gitCommit: gitCommit(),
      task: output.task,
      scenario: resolved,
      seeds: { root: seed, generated, streams: output.streams },
      solver: { ...output.solver, threads: resolved.model === 'mouseStudy' ? opts.threads : 1 },
      timing: { startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), wallS: Number(wallS.toFixed(4)) },
      platform: platformInfo(),
      stats: output.stats,
    };
    const files: Record<string, string | Uint8Array> = {
      'manifest.json': JSON.stringify(manifest, null, 2) + '\n',
      'summary.json': JSON.stringify(output.summary, null, 2) + '\n',
    };
    for (const [name, table] of Object.entries(output.tables)) files[`${name}.csv`] = toCsv(table);
    Object.assign(files, buildRunArtifacts(output, manifest));
    commitOutput(plan, files);
    return { outDir, manifest };
  } catch (err) {
    abortOutput(plan);
    throw err;
  }
}
