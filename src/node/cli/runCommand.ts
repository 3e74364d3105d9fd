import { basename, join } from 'node:path';
import type { RunManifest } from '../../core/manifest.ts';
import { toCsv } from '../../core/recorder.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { runTask } from '../../tasks/runTask.ts';
import { threadExecutor } from '../pool/threadExecutor.ts';
import { VERSION } from '../../version.ts';
import { writeOutputDir } from '../files.ts';
import { progressReporter, type ProgressMode } from '../progress.ts';
import { gitCommit, platformInfo } from '../provenance.ts';
import { buildRunArtifacts } from './artifacts.ts';

export interface RunCommandOptions {
  out?: string;
  seed?: number;
  progress: ProgressMode;
  /** Worker threads for tasks with independent units (mouse studies); 1 runs in the main thread. */
  threads: number;
}

/** Runs a validated scenario and writes manifest.json, summary.json, CSV tables and pictures into the output folder. */
export async function runCommand(scenarioPath: string, scenario: Scenario, opts: RunCommandOptions): Promise<{ outDir: string; manifest: RunManifest }> {
  const startedAt = new Date();
  const t0 = performance.now();
  const progress = progressReporter(opts.progress);
  const run = await runTask(scenario, { seed: opts.seed, onProgress: progress.update, executor: opts.threads > 1 ? threadExecutor(opts.threads) : undefined });
  const { output, seed } = run;
  const generated = run.seedGenerated;
  const resolved = { ...scenario, seed };
  progress.done();
  const wallS = (performance.now() - t0) / 1000;
  const manifest: RunManifest = {
    tool: 'follisim',
    version: VERSION,
    gitCommit: gitCommit(),
    task: output.task,
    scenario: resolved,
    seeds: { root: seed, generated, streams: output.streams },
    solver: { ...output.solver, threads: Math.min(opts.threads, run.units), executor: run.executor },
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
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const outDir = opts.out ?? join('runs', `${scenario.name || basename(scenarioPath)}-${stamp}-seed${seed}`);
  writeOutputDir(outDir, files);
  return { outDir, manifest };
}
