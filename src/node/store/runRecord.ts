import { generateRootSeed } from '../../core/random/seeds.ts';
import { tableUnits } from '../../results/units.ts';
import type { TaskOutput } from '../../tasks/types.ts';
import { VERSION } from '../../version.ts';
import { gitCommit } from '../provenance.ts';
import { hashValue } from './canonical.ts';
import type { ResultStore, RunRecord } from './store.ts';

/** A run opened in the store: its catalog id, attempt, and whether it resumes an interrupted one. */
export interface OpenedRun {
  runId: string;
  scenarioHash: string;
  seed: number;
  seedGenerated: boolean;
  attempt: number;
  resumed: boolean;
}

/** Hash of a scenario without its seed (the seed is a catalog column of its own). */
export function scenarioHashOf(scenario: object): string {
  const { seed: _seed, ...rest } = scenario as Record<string, unknown>;
  return hashValue(rest);
}

function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  return `${stamp}-${Math.floor(Math.random() * 0x1000000).toString(16).padStart(6, '0')}`;
}

/**
 * Opens a run in the catalog: resumes the latest unfinished run of the same task, scenario, seed and follisim
 * build (when no seed is given, an unfinished run's seed is adopted, so the same command resumes), else adds a
 * new one. An unfinished run found here is dead: DuckDB's file lock means no other process has the store open.
 */
export async function openRun(
  store: ResultStore,
  o: { task: string; scenario: object; seed?: number; params?: Record<string, unknown>; engine: string; units: number; startedAt: Date },
): Promise<OpenedRun> {
  const scenarioHash = scenarioHashOf(o.scenario);
  const commit = gitCommit();
  const { name, seed: scenarioSeed } = o.scenario as { name?: unknown; seed?: unknown };
  const requested = o.seed ?? (typeof scenarioSeed === 'number' ? scenarioSeed : undefined);
  const candidates = (await store.listRuns({ task: o.task, scenarioHash })).filter((r) => r.status !== 'done' && r.version === VERSION && r.commit === commit);
  const found = candidates.find((r) => requested === undefined || r.seed === requested);
  if (found) {
    const attempt = await store.resumeRun(found.id, o.engine);
    return { runId: found.id, scenarioHash, seed: found.seed, seedGenerated: requested === undefined, attempt, resumed: true };
  }
  const seed = requested ?? generateRootSeed();
  const record: RunRecord = {
    id: newRunId(o.startedAt),
    task: o.task,
    scenarioHash,
    scenarioName: typeof name === 'string' ? name : '',
    scenario: { ...o.scenario, seed },
    params: o.params ?? {},
    seed,
    status: 'running',
    attempt: 1,
    startedAt: o.startedAt.toISOString(),
    finishedAt: null,
    wallS: null,
    version: VERSION,
    commit,
    engine: o.engine,
    units: o.units,
    error: null,
  };
  await store.createRun(record);
  return { runId: record.id, scenarioHash, seed, seedGenerated: requested === undefined, attempt: 1, resumed: false };
}

/** Stores a finished run's tables (Parquet), summary, and marks it done. */
export async function completeRun(store: ResultStore, runId: string, output: TaskOutput, startedAt: Date): Promise<void> {
  const finishedAt = new Date();
  await store.writeTables(runId, output.tables, output.tableUnits ?? tableUnits(output.tables), { 'follisim.run': runId, 'follisim.task': output.task, 'follisim.version': VERSION });
  store.writeSummaryFile(runId, output.summary);
  await store.finishRun(runId, 'done', { finishedAt: finishedAt.toISOString(), wallS: (finishedAt.getTime() - startedAt.getTime()) / 1000, summary: output.summary });
}

/** Marks a run failed with its error (its stored units stay, so the same command resumes it). */
export async function failRun(store: ResultStore, runId: string, err: unknown, startedAt: Date): Promise<void> {
  const finishedAt = new Date();
  const message = err instanceof Error ? err.message : String(err);
  await store.finishRun(runId, 'failed', { finishedAt: finishedAt.toISOString(), wallS: (finishedAt.getTime() - startedAt.getTime()) / 1000, error: message });
}
