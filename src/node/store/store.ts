import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance, blobValue, type DuckDBBlobValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Table } from '../../tasks/types.ts';
import { resultJson } from '../../results/json.ts';
import { BadInputError } from '../engines/errors.ts';
import { writeFileAtomic } from '../files.ts';
import { writeParquetTable } from './parquet.ts';

/** Store folder used when neither `--store` nor FOLLISIM_STORE names one. */
export const DEFAULT_STORE_DIR = 'follisim-store';

/** The store folder for a flag value: the flag, else $FOLLISIM_STORE, else ./follisim-store. */
export function storeDir(flag?: string): string {
  return resolve(flag ?? process.env.FOLLISIM_STORE ?? DEFAULT_STORE_DIR);
}

export type RunStatus = 'running' | 'done' | 'failed';

/** One row of the run catalog. */
export interface RunRecord {
  id: string;
  task: string;
  scenarioHash: string;
  scenarioName: string;
  scenario: unknown;
  params: Record<string, unknown>;
  seed: number;
  status: RunStatus;
  /** 1 for a fresh run, +1 each time an interrupted run is resumed. */
  attempt: number;
  startedAt: string;
  finishedAt: string | null;
  wallS: number | null;
  version: string;
  commit: string | null;
  engine: string;
  units: number;
  error: string | null;
}

/** A result table stored as Parquet (path relative to the store folder). */
export interface TableRecord {
  runId: string;
  name: string;
  path: string;
  rows: number;
  units: Record<string, string>;
}

/** A unit result as stored: its run, plan index, hash of the unit description, and serialized bytes. */
export interface StoredUnit {
  index: number;
  unitHash: string;
  bytes: Uint8Array;
  attempt: number;
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS runs (id VARCHAR PRIMARY KEY, task VARCHAR NOT NULL, scenario_hash VARCHAR NOT NULL, scenario_name VARCHAR,
     scenario VARCHAR, params VARCHAR, seed BIGINT, status VARCHAR, attempt INTEGER, started_at VARCHAR, finished_at VARCHAR, wall_s DOUBLE,
     version VARCHAR, git_commit VARCHAR, engine VARCHAR, units INTEGER, error VARCHAR, summary VARCHAR)`,
  // one row per unit result; the primary key makes a second write of the same unit impossible
  `CREATE TABLE IF NOT EXISTS units (run_id VARCHAR, unit_index INTEGER, task VARCHAR, scenario_hash VARCHAR, seed BIGINT, unit_hash VARCHAR,
     attempt INTEGER, stored_at VARCHAR, result BLOB, PRIMARY KEY (run_id, unit_index))`,
  `CREATE TABLE IF NOT EXISTS result_tables (run_id VARCHAR, name VARCHAR, path VARCHAR, rows INTEGER, units VARCHAR, PRIMARY KEY (run_id, name))`,
];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The embedded results store: a DuckDB catalog (`catalog.duckdb`: runs, units, result_tables) and result tables
 * as Parquet files under `runs/<id>/`. DuckDB lets one process write a database file at a time, so a second
 * process waits for the lock (bounded) and then fails with a message naming the store.
 */
export class ResultStore {
  readonly dir: string;
  private readonly instance: DuckDBInstance;
  private readonly conn: DuckDBConnection;
  // unit writes queue here and go in one transaction per flush (group commit: one fsync for many units)
  private pending: { runId: string; task: string; scenarioHash: string; seed: number; unit: StoredUnit }[] = [];
  private flushing: Promise<void> = Promise.resolve();

  private constructor(dir: string, instance: DuckDBInstance, conn: DuckDBConnection) {
    this.dir = dir;
    this.instance = instance;
    this.conn = conn;
  }

  /** Opens (creating when absent) the store in `dir`; waits up to `lockWaitMs` for another process to let go. */
  static async open(dir: string, lockWaitMs = 20_000): Promise<ResultStore> {
    mkdirSync(dir, { recursive: true });
    const t0 = Date.now();
    for (;;) {
      try {
        const instance = await DuckDBInstance.create(join(dir, 'catalog.duckdb'));
        const conn = await instance.connect();
        for (const sql of SCHEMA) await conn.run(sql);
        return new ResultStore(dir, instance, conn);
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        if (!/lock/i.test(msg)) throw new Error(`results store ${dir}: cannot open (${msg})`);
        if (Date.now() - t0 > lockWaitMs) throw new BadInputError(`results store ${dir} is in use by another follisim process (${msg.split('\n')[0]})`);
        await sleep(200);
      }
    }
  }

  /** Flushes pending unit writes and closes the database (the catalog stays consistent if this never runs). */
  async close(): Promise<void> {
    await this.flushUnits();
    this.conn.closeSync();
    this.instance.closeSync();
  }

  /** Adds a run to the catalog with status 'running'. */
  async createRun(r: RunRecord): Promise<void> {
    await this.conn.run(`INSERT INTO runs VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)`, [
      r.id, r.task, r.scenarioHash, r.scenarioName, JSON.stringify(r.scenario), JSON.stringify(r.params), BigInt(r.seed), r.status, r.attempt,
      r.startedAt, r.finishedAt, r.wallS, r.version, r.commit, r.engine, r.units, r.error, null,
    ]);
  }

  /**
   * The latest unfinished run of the same task, scenario, seed and follisim version (one killed or failed
   * midway), to resume; a finished run is never reused, so a changed model re-runs after `done`.
   */
  async findResumable(task: string, scenarioHash: string, seed: number, version: string, commit: string | null): Promise<RunRecord | undefined> {
    const runs = await this.listRuns({ task, scenarioHash });
    return runs.find((r) => r.seed === seed && r.version === version && r.commit === commit && r.status !== 'done');
  }

  /** Marks a run resumed: status 'running', attempt + 1. */
  async resumeRun(id: string, engine: string): Promise<number> {
    await this.conn.run(`UPDATE runs SET status = 'running', attempt = attempt + 1, engine = $2, error = NULL, finished_at = NULL WHERE id = $1`, [id, engine]);
    const r = await this.getRun(id);
    return r?.attempt ?? 1;
  }

  /** Records a run's end (status, timing, error, JSON summary). */
  async finishRun(id: string, status: RunStatus, fields: { finishedAt: string; wallS: number; error?: string; summary?: unknown }): Promise<void> {
    await this.flushUnits();
    await this.conn.run(`UPDATE runs SET status = $2, finished_at = $3, wall_s = $4, error = $5, summary = $6 WHERE id = $1`, [
      id, status, fields.finishedAt, fields.wallS, fields.error ?? null, fields.summary === undefined ? null : resultJson(fields.summary),
    ]);
  }

  /** Runs in the catalog, newest first, optionally filtered by task, status, scenario hash or name. */
  async listRuns(filter: { task?: string; status?: string; scenarioHash?: string; scenarioName?: string; limit?: number } = {}): Promise<RunRecord[]> {
    const where: string[] = [];
    const values: DuckDBValue[] = [];
    const add = (col: string, v: string | undefined): void => {
      if (v === undefined) return;
      values.push(v);
      where.push(`${col} = $${values.length}`);
    };
    add('task', filter.task);
    add('status', filter.status);
    add('scenario_hash', filter.scenarioHash);
    add('scenario_name', filter.scenarioName);
    const sql = `SELECT * EXCLUDE (summary) FROM runs ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY started_at DESC, id DESC ${filter.limit ? `LIMIT ${Math.floor(filter.limit)}` : ''}`;
    const rows = (await this.conn.runAndReadAll(sql, values)).getRowObjectsJS();
    return rows.map(runFromRow);
  }

  /** One run by id (or unique id prefix). */
  async getRun(id: string): Promise<RunRecord | undefined> {
    const rows = (await this.conn.runAndReadAll(`SELECT * EXCLUDE (summary) FROM runs WHERE starts_with(id, $1) ORDER BY id`, [id])).getRowObjectsJS();
    if (rows.length > 1 && !rows.some((r) => r.id === id)) throw new Error(`run id '${id}' is ambiguous: ${rows.map((r) => String(r.id)).join(', ')}`);
    const row = rows.find((r) => r.id === id) ?? rows[0];
    return row ? runFromRow(row) : undefined;
  }

  /** A run's JSON summary text, or null. */
  async runSummary(id: string): Promise<unknown> {
    const rows = (await this.conn.runAndReadAll(`SELECT summary FROM runs WHERE id = $1`, [id])).getRows();
    const s = rows[0]?.[0];
    return typeof s === 'string' ? JSON.parse(s) : null;
  }

  /** Queues a unit result for writing; `flushUnits` (or the next flush) commits it in one transaction with others. */
  putUnit(runId: string, task: string, scenarioHash: string, seed: number, unit: StoredUnit): Promise<void> {
    this.pending.push({ runId, task, scenarioHash, seed, unit });
    // chain a flush after the one in progress; every put shares the next batch's commit
    this.flushing = this.flushing.then(() => this.writeBatch());
    return this.flushing;
  }

  /** Waits until every queued unit result is committed. */
  async flushUnits(): Promise<void> {
    await this.flushing;
    if (this.pending.length) await this.writeBatch();
  }

  private async writeBatch(): Promise<void> {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const now = new Date().toISOString();
    const rows: string[] = [];
    const values: DuckDBValue[] = [];
    for (const b of batch) {
      const base = values.length;
      rows.push(`(${Array.from({ length: 9 }, (_, i) => `$${base + i + 1}`).join(',')})`);
      values.push(b.runId, b.unit.index, b.task, b.scenarioHash, BigInt(b.seed), b.unit.unitHash, b.unit.attempt, now, blobValue(b.unit.bytes));
    }
    // one statement = one transaction: all rows of the batch commit together or not at all
    await this.conn.run(`INSERT INTO units VALUES ${rows.join(',')} ON CONFLICT DO NOTHING`, values);
  }

  /** Committed unit results of a run, by plan index. */
  async loadUnits(runId: string): Promise<Map<number, StoredUnit>> {
    const reader = await this.conn.runAndReadAll(`SELECT unit_index, unit_hash, attempt, result FROM units WHERE run_id = $1`, [runId]);
    const out = new Map<number, StoredUnit>();
    for (const [index, unitHash, attempt, result] of reader.getRows()) {
      out.set(Number(index), { index: Number(index), unitHash: String(unitHash), attempt: Number(attempt), bytes: (result as DuckDBBlobValue).bytes });
    }
    return out;
  }

  /** Deletes stored units of a run (those whose plan no longer matches). */
  async deleteUnits(runId: string, indices: number[]): Promise<void> {
    if (indices.length) await this.conn.run(`DELETE FROM units WHERE run_id = $1 AND unit_index IN (${indices.map((i) => Math.floor(i)).join(',')})`, [runId]);
  }

  /** Counts of stored units per (index) for a run: used by tests and `results show`. */
  async unitCounts(runId: string): Promise<{ index: number; attempt: number }[]> {
    const rows = (await this.conn.runAndReadAll(`SELECT unit_index, attempt FROM units WHERE run_id = $1 ORDER BY unit_index`, [runId])).getRows();
    return rows.map(([i, a]) => ({ index: Number(i), attempt: Number(a) }));
  }

  /** Writes a run's tables as Parquet (units in the file metadata) and its summary JSON; returns the table records. */
  async writeTables(runId: string, tables: Record<string, Table>, units: Record<string, Record<string, string>>, meta: Record<string, string>): Promise<TableRecord[]> {
    const runDir = join(this.dir, 'runs', runId);
    mkdirSync(runDir, { recursive: true });
    const out: TableRecord[] = [];
    for (const [name, table] of Object.entries(tables)) {
      const rel = join('runs', runId, `${safeName(name)}.parquet`);
      const colUnits = units[name] ?? {};
      const rows = await writeParquetTable(this.conn, join(this.dir, rel), table, colUnits, { ...meta, 'follisim.table': name });
      out.push({ runId, name, path: rel, rows, units: colUnits });
      await this.conn.run(`INSERT INTO result_tables VALUES ($1,$2,$3,$4,$5) ON CONFLICT DO NOTHING`, [runId, name, rel, rows, JSON.stringify(colUnits)]);
    }
    return out;
  }

  /** Writes the summary JSON beside the tables (atomically). */
  writeSummaryFile(runId: string, summary: unknown): void {
    writeFileAtomic(join(this.dir, 'runs', runId, 'summary.json'), resultJson(summary));
  }

  /** The tables stored for a run. */
  async tables(runId: string): Promise<TableRecord[]> {
    const rows = (await this.conn.runAndReadAll(`SELECT * FROM result_tables WHERE run_id = $1 ORDER BY name`, [runId])).getRowObjectsJS();
    return rows.map((r) => ({ runId: String(r.run_id), name: String(r.name), path: String(r.path), rows: Number(r.rows), units: JSON.parse(String(r.units)) as Record<string, string> }));
  }

  /** Copies a stored table to `path` as CSV (header row; DuckDB's number formatting). */
  async tableToCsv(rel: string, path: string): Promise<void> {
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      await this.conn.run(`COPY (SELECT * FROM read_parquet('${sqlString(join(this.dir, rel))}')) TO '${sqlString(tmp)}' (FORMAT csv, HEADER true)`);
      renameSync(tmp, path);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
  }

  /** Reads a stored Parquet table file's bytes. */
  tableBytes(rel: string): Uint8Array {
    return readFileSync(join(this.dir, rel));
  }
}

/** A single-quoted SQL string literal's body. */
export function sqlString(s: string): string {
  return s.replace(/'/g, "''");
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '_');
}

function runFromRow(r: Record<string, unknown>): RunRecord {
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  return {
    id: String(r.id),
    task: String(r.task),
    scenarioHash: String(r.scenario_hash),
    scenarioName: String(r.scenario_name ?? ''),
    scenario: r.scenario ? JSON.parse(String(r.scenario)) : null,
    params: r.params ? (JSON.parse(String(r.params)) as Record<string, unknown>) : {},
    seed: Number(r.seed),
    status: String(r.status) as RunStatus,
    attempt: Number(r.attempt),
    startedAt: String(r.started_at),
    finishedAt: r.finished_at === null ? null : String(r.finished_at),
    wallS: num(r.wall_s),
    version: String(r.version),
    commit: r.git_commit === null ? null : String(r.git_commit),
    engine: String(r.engine),
    units: Number(r.units),
    error: r.error === null ? null : String(r.error),
  };
}
