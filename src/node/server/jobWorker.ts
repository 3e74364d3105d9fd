/**
 * Worker thread of the server's job pool: runs whole jobs one after another (plan → units serially → reduce →
 * the CLI's files) and posts progress and the files back. A job is cancelled by terminating this thread,
 * which is the only way to stop a unit mid-computation; the pool then starts a fresh worker.
 */
import { parentPort } from 'node:worker_threads';
import { runTask } from '../../tasks/runTask.ts';
import { nodeEnvironment } from '../provenance.ts';
import { runFiles } from '../../output/runFiles.ts';
import { currentThreadId } from './threadCpu.ts';
import { tableUnits } from '../../results/units.ts';
import type { Table } from '../../tasks/types.ts';

/** A job as the pool sends it. */
export interface JobRequest {
  id: string;
  /** The validated scenario (defaults filled in). */
  scenario: Record<string, unknown>;
  /** The scenario as submitted, recorded in the manifest's inputs. */
  text: string;
  seed?: number;
}

export type JobWorkerMessage =
  /** `tid`: this thread's kernel id, so the pool can read its CPU time (null off Linux). */
  | { type: 'ready'; tid: number | null }
  | { type: 'progress'; id: string; fraction: number; stage: string }
  | { type: 'done'; id: string; seed: number; units: number; files: Record<string, string | Uint8Array>; tables: Record<string, Table>; tableUnits: Record<string, Record<string, string>> }
  | { type: 'error'; id: string; message: string };

// commit, platform and dependency versions do not change while the server runs: read them once per worker
const environment = nodeEnvironment(['follisim serve', 'POST /api/jobs']);

const post = (m: JobWorkerMessage, transfer: ArrayBuffer[] = []): void => parentPort?.postMessage(m, transfer);

parentPort?.on('message', async (job: JobRequest) => {
  try {
    const startedAt = new Date();
    let last = 0;
    const run = await runTask(job.scenario, {
      seed: job.seed,
      onProgress: (p) => {
        // at most ~20 messages a second: SSE clients need no more, and each message costs the main thread
        const now = performance.now();
        if (now - last < 50 && p.fraction < 1) return;
        last = now;
        post({ type: 'progress', id: job.id, fraction: p.fraction, stage: p.stage });
      },
    });
    const { files } = runFiles({
      run,
      scenario: job.scenario,
      startedAt,
      finishedAt: new Date(),
      environment,
      inputs: { 'scenario.yaml': job.text },
      solver: { threads: 1 },
    });
    const buffers = Object.values(files).flatMap((f) => (typeof f === 'string' || !(f.buffer instanceof ArrayBuffer) || f.byteLength !== f.buffer.byteLength ? [] : [f.buffer]));
    // the typed tables travel too (copied, they are small): the server writes Parquet from them on request
    const units = run.output.tableUnits ?? tableUnits(run.output.tables);
    post({ type: 'done', id: job.id, seed: run.seed, units: run.units, files, tables: run.output.tables, tableUnits: units }, [...new Set(buffers)]);
  } catch (err) {
    post({ type: 'error', id: job.id, message: err instanceof Error ? err.message : String(err) });
  }
});
post({ type: 'ready', tid: currentThreadId() });
