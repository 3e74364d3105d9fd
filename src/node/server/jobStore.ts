import type { TaskOutput } from '../../tasks/types.ts';
import { completeRun, openRun } from '../store/runRecord.ts';
import { ResultStore } from '../store/store.ts';
import type { Job } from './jobs.ts';

/**
 * The results store of a server started with `--store DIR`: every succeeded job is recorded as a run (catalog
 * row, Parquet tables with column units, summary), like `follisim run` records its runs, and the API's Parquet
 * tables are then those files. The server holds the store for its lifetime (DuckDB lets one process write it).
 */
export class JobStore {
  private store: Promise<ResultStore> | null = null;
  private turn: Promise<unknown> = Promise.resolve();
  private readonly runs = new Map<string, Promise<string>>();

  constructor(readonly dir: string) {}

  /** Opens the store now, so a store held by another process fails the server's start, not a job. */
  open(): Promise<ResultStore> {
    this.store ??= ResultStore.open(this.dir, 0);
    return this.store;
  }

  /** Records a succeeded job (once; jobs are written one after another); resolves with its run id. */
  record(job: Job): Promise<string> {
    let run = this.runs.get(job.id);
    if (run) return run;
    run = this.turn.then(async () => {
      const store = await this.open();
      const startedAt = job.startedAt ?? job.createdAt;
      const scenario = job.request.scenario;
      const opened = await openRun(store, { task: job.task, scenario, seed: job.seed ?? undefined, engine: 'serve', units: job.units, startedAt });
      const output: TaskOutput = { task: job.task, summary: JSON.parse(String(job.files?.['summary.json'] ?? '{}')), tables: job.tables ?? {}, tableUnits: job.tableUnits, solver: {}, stats: {}, streams: [] };
      await completeRun(store, opened.runId, output, startedAt);
      return opened.runId;
    });
    this.turn = run.catch(() => undefined);
    this.runs.set(job.id, run);
    return run;
  }

  /** The stored Parquet file of a job's table, or undefined when the run has no such table. */
  async tableBytes(job: Job, name: string): Promise<Uint8Array | undefined> {
    const runId = await this.record(job);
    const store = await this.open();
    const t = (await store.tables(runId)).find((x) => x.name === name);
    return t ? store.tableBytes(t.path) : undefined;
  }

  /** Waits for pending writes and closes the store. */
  async close(): Promise<void> {
    if (!this.store) return;
    await this.turn;
    await (await this.store).close();
    this.store = null;
  }
}
