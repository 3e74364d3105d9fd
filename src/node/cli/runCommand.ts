import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { toCsv } from '../../core/recorder.ts';
import { resultJson } from '../../results/json.ts';
import { buildManifest, type RunManifest } from '../../results/manifest.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { taskForScenario } from '../../tasks/registry.ts';
import { runTask } from '../../tasks/runTask.ts';
import { VERSION } from '../../version.ts';
import { writeOutputDir } from '../files.ts';
import '../api.ts'; // installs the worker-thread executor for runTask({ threads })
import { createParallelSolver } from '../transport/parallel.ts';
import { progressReporter, type ProgressMode } from '../progress.ts';
import { nodeEnvironment } from '../provenance.ts';
import { buildRunArtifacts } from './artifacts.ts';
import { executorFromFlags, type EngineName } from '../engines/select.ts';
import { resumableExecutor } from '../store/resumable.ts';
import { completeRun, failRun, openRun, type OpenedRun } from '../store/runRecord.ts';
import { ResultStore, storeDir } from '../store/store.ts';

export interface RunCommandOptions {
  out?: string;
  seed?: number;
  progress: ProgressMode;
  /** Worker threads for tasks with independent units (mouse studies); 1 runs in the main thread. */
  threads: number;
  /** The command line that started the run (for the manifest). */
  argv?: string[];
  /** Results store folder; false: do not record the run (default: $FOLLISIM_STORE or ./follisim-store). */
  store?: string | false;
  /** Where units run: this machine's threads (default) or `follisim worker` processes over Redis. */
  engine?: EngineName;
  redis?: string;
}

/** Runs a validated scenario and writes manifest.json, summary.json, CSV tables and pictures into the output folder. */
export async function runCommand(scenarioPath: string, scenario: Scenario, opts: RunCommandOptions): Promise<{ outDir: string; manifest: RunManifest }> {
  const startedAt = new Date();
  const threaded = opts.threads > 1;
  const progress = progressReporter(opts.progress);
  const task = taskForScenario(scenario);
  // the unit count picks the local thread count; the seed does not change how many units a plan has
  const unitCount = task.plan({ ...scenario, seed: opts.seed ?? scenario.seed ?? 0 }, opts.seed ?? scenario.seed ?? 0).length;
  // connect the engine first: an unreachable Redis fails before the store or the output folder is touched
  const engine = await executorFromFlags({ engine: opts.engine, redis: opts.redis, threads: opts.threads }, unitCount);
  let store: ResultStore | null = null;
  let opened: OpenedRun | null = null;
  let run;
  try {
    let executor = engine.executor;
    if (opts.store !== false) {
      store = await ResultStore.open(storeDir(opts.store === undefined ? undefined : opts.store));
      opened = await openRun(store, { task: task.name, scenario, seed: opts.seed, engine: executor.name, units: unitCount, startedAt });
      const resumable = resumableExecutor(executor, { store, runId: opened.runId, scenarioHash: opened.scenarioHash, attempt: opened.attempt });
      executor = resumable;
      const reportResume = (): void => {
        if (opened?.resumed) process.stderr.write(`resumed run ${opened.runId}: ${resumable.stats.reused} of ${unitCount} units from the store, ${resumable.stats.ran} to run\n`);
        if (opts.progress === 'json') process.stderr.write(JSON.stringify({ event: 'units', run: opened?.runId, reused: resumable.stats.reused, ran: resumable.stats.ran }) + '\n');
      };
      let reported = false;
      const inner = progress.update;
      progress.update = (p) => {
        if (!reported) {
          reported = true;
          reportResume();
        }
        inner(p);
      };
    }
    run = await runTask(scenario, {
      seed: opened?.seed ?? opts.seed,
      onProgress: progress.update,
      executor,
      // a task with one unit (patch delivery) uses the threads inside it: the multi-threaded transport solver
      services: threaded && engine.inThread ? { transportSolver: (grid, substrates, dtS) => createParallelSolver(grid, substrates, dtS, { threads: opts.threads }) } : undefined,
    });
    if (opened) run = { ...run, seedGenerated: opened.seedGenerated };
    progress.done();
    if (store && opened) await completeRun(store, opened.runId, run.output, startedAt);
  } catch (err) {
    progress.done();
    if (store && opened) await failRun(store, opened.runId, err, startedAt).catch(() => undefined);
    throw err;
  } finally {
    await store?.close();
    await engine.close();
  }
  const { output, seed } = run;
  const resolved = { ...scenario, seed };
  const environment = nodeEnvironment(opts.argv ?? process.argv);
  const manifestOf = (outputs: Record<string, string | Uint8Array>): RunManifest =>
    buildManifest({
      version: VERSION,
      output,
      scenario: resolved,
      seed,
      seedGenerated: run.seedGenerated,
      solver: { ...output.solver, threads: opts.threads, executor: run.executor, ...(opened ? { storeRun: opened.runId } : {}) },
      startedAt,
      finishedAt,
      environment,
      inputs: { [scenarioPath]: readFileSync(scenarioPath) },
      outputs,
    });
  const finishedAt = new Date();
  const files: Record<string, string | Uint8Array> = { 'summary.json': resultJson(output.summary) };
  for (const [name, table] of Object.entries(output.tables)) files[`${name}.csv`] = toCsv(table);
  // the report shows run facts (seed, version, timing) that do not depend on the file list
  Object.assign(files, buildRunArtifacts(output, manifestOf({})));
  const manifest = manifestOf(files);
  files['manifest.json'] = resultJson(manifest);
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const outDir = opts.out ?? join('runs', `${scenario.name || basename(scenarioPath)}-${stamp}-seed${seed}`);
  writeOutputDir(outDir, files);
  return { outDir, manifest };
}
