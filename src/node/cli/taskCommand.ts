import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { Option, type Command } from 'commander';
import { toCsv } from '../../core/recorder.ts';
import { sensitivityText } from '../../output/reports/sweeps/sensitivityText.ts';
import { sweepFamilyArtifacts } from '../../output/reports/sweeps/sweepReports.ts';
import type { SensitivityOutput } from '../../tasks/sweep/sensitivityTask.ts';
import { resultJson } from '../../results/json.ts';
import { buildManifest } from '../../results/manifest.ts';
import { runTask } from '../../tasks/runTask.ts';
import { VERSION } from '../../version.ts';
import '../api.ts'; // installs the worker-thread executor for runTask({ threads })
import { writeOutputDir } from '../files.ts';
import { progressReporter, type ProgressMode } from '../progress.ts';
import { nodeEnvironment } from '../provenance.ts';
import { loadTaskFile, type TaskFileKind } from './taskFile.ts';

interface TaskCommandOptions {
  out?: string;
  seed?: number;
  progress: ProgressMode;
  threads: number;
}

/** Runs a sweep / sensitivity / calibrate file and writes summary.json, CSV tables, figures, report and manifest. */
export async function runTaskFile(kind: TaskFileKind, file: string, opts: TaskCommandOptions, argv: string[] = process.argv): Promise<{ outDir: string; seed: number; wallS: number; text?: string }> {
  const startedAt = new Date();
  const { spec, inputs } = loadTaskFile(file, kind);
  const progress = progressReporter(opts.progress);
  const run = await runTask(spec, { seed: opts.seed, threads: opts.threads, onProgress: progress.update });
  progress.done();
  const finishedAt = new Date();
  const { output, seed } = run;
  const files: Record<string, string | Uint8Array> = { 'summary.json': resultJson(output.summary) };
  for (const [name, table] of Object.entries(output.tables)) files[`${name}.csv`] = toCsv(table);
  const meta = { file: basename(file), task: kind, seed, version: VERSION, date: finishedAt.toISOString(), wallS: Number(((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(2)), units: run.units, executor: run.executor };
  Object.assign(files, sweepFamilyArtifacts(output, meta) ?? {});
  if (output.task === 'sensitivity') files['sensitivity.txt'] = sensitivityText(output as SensitivityOutput);
  const { subtask, ...rest } = spec;
  files['manifest.json'] = resultJson(
    buildManifest({
      version: VERSION,
      output,
      scenario: { ...rest, subtask, seed },
      seed,
      seedGenerated: run.seedGenerated,
      solver: { ...output.solver, threads: opts.threads, executor: run.executor, units: run.units },
      startedAt,
      finishedAt,
      environment: nodeEnvironment(argv),
      inputs,
      outputs: files,
    }),
  );
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const name = (spec.name as string) || basename(file).replace(/\.(ya?ml|json)$/, '');
  const outDir = opts.out ?? join('runs', `${kind}-${name}-${stamp}-seed${seed}`);
  writeOutputDir(outDir, files);
  return { outDir, seed, wallS: meta.wallS, text: files['sensitivity.txt'] as string | undefined };
}

const DESCRIPTIONS: Record<TaskFileKind, string> = {
  sweep: 'run a subtask scenario over a design of parameter values (grid, lhs, sobol, replicates)',
  sensitivity: 'Morris screening or Sobol indices of subtask outputs with respect to parameters',
  calibrate: 'fit subtask parameters to targets (nelder-mead | cmaes) with profile-likelihood intervals',
};

/** Adds `sweep`, `sensitivity` and `calibrate` to the program (flag parsers shared with `run`). */
export function addTaskCommands(program: Command, parseSeed: (v: string) => number, parseThreads: (v: string) => number): void {
  for (const kind of ['sweep', 'sensitivity', 'calibrate'] as const) {
    program
      .command(kind)
      .description(`${DESCRIPTIONS[kind]}; writes DIR/summary.json, CSV tables, figures, report.html, manifest.json`)
      .argument('<file>', `${kind} file (YAML or JSON; subtask.scenarioFile is relative to it)`)
      .option('-o, --out <dir>', `output folder (default runs/${kind}-<name>-<time>-seed<seed>)`)
      .option('-s, --seed <n>', 'root random seed (integer >= 0); overrides the file seed', parseSeed)
      .addOption(new Option('--progress <mode>', 'progress on stderr').choices(['auto', 'bar', 'json', 'none']).default('auto'))
      .option('-t, --threads <n>', 'worker threads for the subtask runs (default: all cores)', parseThreads, availableParallelism())
      .action(async (file: string, o: TaskCommandOptions) => {
        const r = await runTaskFile(kind, file, o);
        if (r.text) process.stdout.write(r.text);
        process.stderr.write(`wrote ${r.outDir} (seed ${r.seed}, ${r.wallS.toFixed(2)} s)\n`);
      });
  }
}
