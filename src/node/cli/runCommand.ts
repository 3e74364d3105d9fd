import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { checkOutputFinite } from '../../core/finite.ts';
import { estimateRun } from '../../core/sizing/estimate.ts';
import { runFiles } from '../../output/runFiles.ts';
import type { RunManifest } from '../../results/manifest.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { taskForScenario } from '../../tasks/registry.ts';
import { runTask, type TaskRun } from '../../tasks/runTask.ts';
import { generateRootSeed } from '../../core/random/seeds.ts';
import '../api.ts'; // installs the worker-thread executor for runTask({ threads })
import { executorFromFlags, type EngineName } from '../engines/select.ts';
import { abortOutput, checkOutPath, commitOutput, defaultOutDir, prepareOutput } from '../outputDir.ts';
import { progressReporter, type ProgressMode } from '../progress.ts';
import { readOrderingsInput } from '../orderingsInput.ts';
import { nodeEnvironment } from '../provenance.ts';
import { enforceRunSize } from '../sizingGate.ts';
import { resumableExecutor } from '../store/resumable.ts';
import { completeRun, failRun, openRun, type OpenedRun } from '../store/runRecord.ts';
import { ResultStore, storeDir } from '../store/store.ts';
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
  /** Results store folder; false: do not record the run (default: $FOLLISIM_STORE or ./follisim-store). */
  store?: string | false;
  /** Where units run: this machine's threads (default) or `follisim worker` processes over Redis. */
  engine?: EngineName;
  redis?: string;
  /** Output folder of a sensitivity run over this study's orderings, shown in the report (not re-run). */
  orderings?: string;
}

/** Runs a validated scenario and writes manifest.json, summary.json, CSV tables and pictures into the output folder. */
export async function runCommand(scenarioPath: string, scenario: Scenario, opts: RunCommandOptions): Promise<{ outDir: string; manifest: RunManifest }> {
  const startedAt = new Date();
  const threaded = opts.threads > 1;
  const task = taskForScenario(scenario);
  // the unit count picks the local thread count; the seed does not change how many units a plan has
  // read and checked before anything else: a wrong folder fails with exit 2 and nothing written
  const orderings = opts.orderings === undefined ? undefined : readOrderingsInput(opts.orderings, scenario);
  const unitCount = task.plan({ ...scenario, seed: opts.seed ?? scenario.seed ?? 0 }, opts.seed ?? scenario.seed ?? 0).length;
  // checks that need no seed come first: an unreachable Redis or an oversized run fails before anything is touched
  enforceRunSize(estimateRun({ ...scenario, seed: opts.seed ?? scenario.seed ?? 0 }), opts.threads, opts.allowLarge ?? false);
  // an explicit output path is checked before any store or engine is touched
  if (opts.out !== undefined) checkOutPath(opts.out, { scenarioPath, force: opts.force ?? false });
  const engine = await executorFromFlags({ engine: opts.engine, redis: opts.redis, threads: opts.threads }, unitCount);
  let store: ResultStore | null = null;
  let opened: OpenedRun | null = null;
  let plan: ReturnType<typeof prepareOutput> | null = null;
  const progress = progressReporter(opts.progress);
  try {
    let executor = engine.executor;
    if (opts.store !== false) {
      store = await ResultStore.open(storeDir(opts.store === undefined ? undefined : opts.store));
      // an unfinished run of the same scenario resumes with its seed (when none is given)
      opened = await openRun(store, { task: task.name, scenario, seed: opts.seed, engine: executor.name, units: unitCount, startedAt });
      const resumable = resumableExecutor(executor, { store, runId: opened.runId, scenarioHash: opened.scenarioHash, attempt: opened.attempt });
      executor = resumable;
      let reported = false;
      const inner = progress.update;
      const o = opened;
      progress.update = (p) => {
        if (!reported) {
          reported = true;
          if (o.resumed) process.stderr.write(`resumed run ${o.runId}: ${resumable.stats.reused} of ${unitCount} units from the store, ${resumable.stats.ran} to run\n`);
          if (opts.progress === 'json') process.stderr.write(JSON.stringify({ event: 'units', run: o.runId, reused: resumable.stats.reused, ran: resumable.stats.ran }) + '\n');
        }
        inner(p);
      };
    }
    const seedGenerated = opened ? opened.seedGenerated : opts.seed === undefined && scenario.seed === undefined;
    const seed = opened?.seed ?? opts.seed ?? scenario.seed ?? generateRootSeed();
    const resolved = { ...scenario, seed };
    // the output folder is checked and staged before the simulation: a bad path costs nothing
    const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
    const outDir = opts.out ?? defaultOutDir(scenario.name || basename(scenarioPath), stamp, seed);
    const target = checkOutPath(outDir, { scenarioPath, force: opts.force ?? false });
    const scenarioBytes = readFileSync(scenarioPath);
    plan = prepareOutput(target, opts.force ?? false);
    let run: TaskRun = await runTask(resolved, {
      seed,
      onProgress: progress.update,
      executor,
      // a task with one unit (patch delivery) uses the threads inside it: the multi-threaded transport solver
      services: threaded && engine.inThread ? { transportSolver: (grid, substrates, dtS) => createParallelSolver(grid, substrates, dtS, { threads: opts.threads }) } : undefined,
    });
    run = { ...run, seedGenerated };
    progress.done();
    checkOutputFinite(run.output);
    if (store && opened) await completeRun(store, opened.runId, run.output, startedAt);
    const { files, manifest } = runFiles({
      run,
      scenario: resolved,
      startedAt,
      finishedAt: new Date(),
      environment: nodeEnvironment(opts.argv ?? process.argv),
      inputs: { [scenarioPath]: scenarioBytes, ...orderings?.files },
      solver: { threads: opts.threads, ...(opened ? { storeRun: opened.runId } : {}) },
      attached: orderings ? { orderings: orderings.analysis } : undefined,
    });
    commitOutput(plan, files);
    return { outDir, manifest };
  } catch (err) {
    progress.done();
    if (plan) abortOutput(plan);
    if (store && opened) await failRun(store, opened.runId, err, startedAt).catch(() => undefined);
    throw err;
  } finally {
    await store?.close();
    await engine.close();
  }
}
