import { strToU8, zipSync } from 'fflate';
import { runFiles, type RunFileSet } from '../../src/output/runFiles.ts';
import type { RunEnvironment } from '../../src/results/manifest.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { runTask, type TaskRun } from '../../src/tasks/runTask.ts';
import type { TaskProgress } from '../../src/tasks/types.ts';
import { VERSION } from '../../src/version.ts';
import { browserThreads, webWorkerExecutor, type UnitListener } from './executor.ts';

/** A finished browser run: the task run and the same files `follisim run` writes. */
export interface LabRun {
  label: string;
  run: TaskRun;
  files: RunFileSet;
  summary: Record<string, unknown>;
}

/** The browser as the manifest records it. */
function browserEnvironment(): RunEnvironment {
  return { commit: null, platform: { runtime: 'browser', userAgent: navigator.userAgent, cores: String(browserThreads()) }, dependencies: { follisim: VERSION }, commandLine: ['follisim web lab', location.href] };
}

/** Runs a validated scenario on Web Workers and builds its files; rejects with an AbortError when cancelled. */
export async function runInBrowser(
  scenario: Scenario,
  text: string,
  opts: { seed?: number; signal?: AbortSignal; onProgress?: (p: TaskProgress) => void; onUnit?: UnitListener },
): Promise<LabRun> {
  const startedAt = new Date();
  const run = await runTask(scenario, { seed: opts.seed, signal: opts.signal, onProgress: opts.onProgress, executor: webWorkerExecutor(browserThreads(), opts.onUnit) });
  const { files } = runFiles({ run, scenario, startedAt, finishedAt: new Date(), environment: browserEnvironment(), inputs: { 'scenario.yaml': text }, solver: { threads: browserThreads() } });
  const summary = JSON.parse(files['summary.json'] as string) as Record<string, unknown>;
  const label = `${scenario.name || scenario.model} · seed ${run.seed} · ${startedAt.toLocaleTimeString()}`;
  return { label, run, files, summary };
}

/** Offers a run's files as one zip download (the CLI's output folder). */
export function downloadRun(r: LabRun): void {
  const zip = zipSync(Object.fromEntries(Object.entries(r.files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  a.download = `follisim-${String(r.summary.model ?? r.run.output.task.replace(/^run:/, ''))}-seed${r.run.seed}.zip`;
  document.body.append(a);
  a.click();
  a.remove();
}

/** Runs finished in this page, newest last (the compare view picks two). */
export const labRuns: LabRun[] = [];
