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

/** State the browser tests read (and a person can inspect in the console). */
export interface LabState {
  state: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  summary?: Record<string, unknown>;
  seed?: number;
  files?: string[];
  /** The scenario text of the last finished run. */
  text?: string;
  runs: number;
}
declare global {
  interface Window {
    follisimLab: LabState;
  }
}
window.follisimLab ??= { state: 'idle', runs: 0 };

/** The controls of a page that runs scenarios. */
export interface RunControls {
  progress: HTMLProgressElement;
  status: HTMLElement;
  cancel: HTMLButtonElement;
  download: HTMLButtonElement;
}

/**
 * One page's way of running scenarios: progress and status while a run goes, the cancel and download
 * buttons, the lab state the browser tests read. `start` resolves with the finished run (after `show` has
 * drawn it, so a test that sees 'done' sees the results), or null when it was cancelled or failed.
 */
export function pageRunner(c: RunControls): { readonly busy: boolean; start(scenario: Scenario, text: string, show: (r: LabRun, seconds: number) => void): Promise<LabRun | null> } {
  let controller: AbortController | null = null;
  let last: LabRun | null = null;
  c.cancel.addEventListener('click', () => controller?.abort());
  c.download.addEventListener('click', () => last && downloadRun(last));
  return {
    get busy() {
      return controller !== null;
    },
    async start(scenario, text, show) {
      controller = new AbortController();
      c.cancel.disabled = false;
      c.download.disabled = true;
      window.follisimLab.state = 'running';
      c.status.textContent = 'running…';
      const t0 = performance.now();
      try {
        const done = await runInBrowser(scenario, text, { signal: controller.signal, onProgress: (p) => ((c.progress.value = p.fraction), (c.status.textContent = `${p.stage} ${(p.fraction * 100).toFixed(0)} %`)) });
        last = done;
        labRuns.push(done);
        c.progress.value = 1;
        show(done, (performance.now() - t0) / 1000);
        c.download.disabled = false;
        Object.assign(window.follisimLab, { state: 'done', summary: done.summary, seed: done.run.seed, files: Object.keys(done.files), text, runs: window.follisimLab.runs + 1 });
        return done;
      } catch (err) {
        const cancelled = err instanceof Error && err.name === 'AbortError';
        c.status.textContent = cancelled ? 'cancelled' : `failed: ${err instanceof Error ? err.message : String(err)}`;
        window.follisimLab.state = cancelled ? 'cancelled' : 'failed';
        c.progress.value = 0;
        return null;
      } finally {
        controller = null;
        c.cancel.disabled = true;
      }
    },
  };
}
