import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { RunManifest } from '../../results/manifest.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { runTask } from '../../tasks/runTask.ts';
import { writeOutputDir } from '../files.ts';
import '../api.ts'; // installs the worker-thread executor for runTask({ threads })
import { createParallelSolver } from '../transport/parallel.ts';
import { progressReporter, type ProgressMode } from '../progress.ts';
import { nodeEnvironment } from '../provenance.ts';
import { runFiles } from './runFiles.ts';

export interface RunCommandOptions {
  out?: string;
  seed?: number;
  progress: ProgressMode;
  /** Worker threads for tasks with independent units (mouse studies); 1 runs in the main thread. */
  threads: number;
  /** The command line that started the run (for the manifest). */
  argv?: string[];
}

/** Runs a validated scenario and writes manifest.json, summary.json, CSV tables and pictures into the output folder. */
export async function runCommand(scenarioPath: string, scenario: Scenario, opts: RunCommandOptions): Promise<{ outDir: string; manifest: RunManifest }> {
  const startedAt = new Date();
  const progress = progressReporter(opts.progress);
  const threaded = opts.threads > 1;
  const run = await runTask(scenario, {
    seed: opts.seed,
    onProgress: progress.update,
    threads: opts.threads,
    // a task with one unit (patch delivery) uses the threads inside it: the multi-threaded transport solver
    services: threaded ? { transportSolver: (grid, substrates, dtS) => createParallelSolver(grid, substrates, dtS, { threads: opts.threads }) } : undefined,
  });
  progress.done();
  const { files, manifest } = runFiles({
    run,
    scenario,
    startedAt,
    finishedAt: new Date(),
    environment: nodeEnvironment(opts.argv ?? process.argv),
    inputs: { [scenarioPath]: readFileSync(scenarioPath) },
    solver: { threads: opts.threads },
  });
  const seed = run.seed;
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const outDir = opts.out ?? join('runs', `${scenario.name || basename(scenarioPath)}-${stamp}-seed${seed}`);
  writeOutputDir(outDir, files);
  return { outDir, manifest };
}
