import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { checkOutputFinite } from '../../core/finite.ts';
import { generateRootSeed } from '../../core/random/seeds.ts';
import { estimateRun } from '../../core/sizing/estimate.ts';
import { runFiles } from '../../output/runFiles.ts';
import type { RunManifest } from '../../results/manifest.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { runTask } from '../../tasks/runTask.ts';
import '../api.ts'; // installs the worker-thread executor for runTask({ threads })
import { abortOutput, checkOutPath, commitOutput, defaultOutDir, prepareOutput } from '../outputDir.ts';
import { progressReporter, type ProgressMode } from '../progress.ts';
import { nodeEnvironment } from '../provenance.ts';
import { enforceRunSize } from '../sizingGate.ts';
import { createParallelSolver } from '../transport/parallel.ts';

export interface RunCommandOptions {
  out?: string;
  seed?: number;
  progress: ProgressMode;
  /** Worker threads for tasks with independent units (mouse studies); 1 runs in the main thread. */
  threads: number;
  /** The command line that started the run (for the manifest). */
  argv?: string[];
  /** Replace an existing output folder (whole). */
  force?: boolean;
  /** Run even when the size estimate exceeds the machine's memory or the work budget. */
  allowLarge?: boolean;
}

/** Runs a validated scenario and writes manifest.json, summary.json, CSV tables and pictures into the output folder. */
export async function runCommand(scenarioPath: string, scenario: Scenario, opts: RunCommandOptions): Promise<{ outDir: string; manifest: RunManifest }> {
  const startedAt = new Date();
  const seedGenerated = opts.seed === undefined && scenario.seed === undefined;
  const seed = opts.seed ?? scenario.seed ?? generateRootSeed();
  const resolved = { ...scenario, seed };
  // Everything that can refuse the run is checked before it starts: output path, size, writability.
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const outDir = opts.out ?? defaultOutDir(scenario.name || basename(scenarioPath), stamp, seed);
  const target = checkOutPath(outDir, { scenarioPath, force: opts.force ?? false });
  enforceRunSize(estimateRun(resolved), opts.threads, opts.allowLarge ?? false);
  const scenarioBytes = readFileSync(scenarioPath);
  const plan = prepareOutput(target, opts.force ?? false);
  try {
    const progress = progressReporter(opts.progress);
    const threaded = opts.threads > 1;
    const run = await runTask(resolved, {
      seed,
      onProgress: progress.update,
      threads: opts.threads,
      // a task with one unit (patch delivery) uses the threads inside it: the multi-threaded transport solver
      services: threaded ? { transportSolver: (grid, substrates, dtS) => createParallelSolver(grid, substrates, dtS, { threads: opts.threads }) } : undefined,
    });
    progress.done();
    checkOutputFinite(run.output);
    const { files, manifest } = runFiles({
      run: { ...run, seedGenerated },
      scenario: resolved,
      startedAt,
      finishedAt: new Date(),
      environment: nodeEnvironment(opts.argv ?? process.argv),
      inputs: { [scenarioPath]: scenarioBytes },
      solver: { threads: opts.threads },
    });
    commitOutput(plan, files);
    return { outDir, manifest };
  } catch (err) {
    abortOutput(plan);
    throw err;
  }
}
