import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { checkOutputFinite } from '../../core/finite.ts';
import { generateRootSeed } from '../../core/random/seeds.ts';
import { toCsv } from '../../core/recorder.ts';
import { estimateRun } from '../../core/sizing/estimate.ts';
import { resultJson } from '../../results/json.ts';
import { buildManifest, type RunManifest } from '../../results/manifest.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { runTask } from '../../tasks/runTask.ts';
import { VERSION } from '../../version.ts';
import '../api.ts'; // installs the worker-thread executor for runTask({ threads })
import { abortOutput, checkOutPath, commitOutput, defaultOutDir, prepareOutput } from '../outputDir.ts';
import { progressReporter, type ProgressMode } from '../progress.ts';
import { nodeEnvironment } from '../provenance.ts';
import { enforceRunSize } from '../sizingGate.ts';
import { createParallelSolver } from '../transport/parallel.ts';
import { buildRunArtifacts } from '../../output/artifacts.ts';

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
    const { output } = run;
    checkOutputFinite(output);
    const finishedAt = new Date();
    const environment = nodeEnvironment(opts.argv ?? process.argv);
    const manifestOf = (outputs: Record<string, string | Uint8Array>): RunManifest =>
      buildManifest({
        version: VERSION,
        output,
        scenario: resolved,
        seed,
        seedGenerated,
        solver: { ...output.solver, threads: opts.threads, executor: run.executor },
        startedAt,
        finishedAt,
        environment,
        inputs: { [scenarioPath]: scenarioBytes },
        outputs,
      });
    const files: Record<string, string | Uint8Array> = { 'summary.json': resultJson(output.summary) };
    for (const [name, table] of Object.entries(output.tables)) files[`${name}.csv`] = toCsv(table);
    // the report shows run facts (seed, version, timing) that do not depend on the file list
    Object.assign(files, buildRunArtifacts(output, manifestOf({})));
    const manifest = manifestOf(files);
    files['manifest.json'] = resultJson(manifest);
    commitOutput(plan, files);
    return { outDir, manifest };
  } catch (err) {
    abortOutput(plan);
    throw err;
  }
}
