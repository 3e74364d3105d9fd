import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Table } from '../../tasks/types.ts';
import { writeParquetTable } from '../store/parquet.ts';

/**
 * Result tables as Parquet bytes for the API, written by the results store's own writer (DuckDB COPY … TO …
 * (FORMAT parquet), units in the key-value metadata), so a table fetched over HTTP is the file
 * `follisim results export` writes. DuckDB writes only to files: each table goes through a private temporary
 * folder and is read back. One in-memory database, opened on first use; requests take turns on it.
 */
export class ParquetExporter {
  private db: Promise<{ instance: DuckDBInstance; conn: DuckDBConnection; dir: string }> | null = null;
  private turn: Promise<unknown> = Promise.resolve();
  private count = 0;

  /** The Parquet file of one table. */
  tableBytes(table: Table, units: Record<string, string>, meta: Record<string, string>): Promise<Uint8Array> {
    const job = this.turn.then(async () => {
      const { conn, dir } = await this.open();
      const path = join(dir, `t${this.count++}.parquet`);
      try {
        await writeParquetTable(conn, path, table, units, meta);
        return new Uint8Array(readFileSync(path));
      } finally {
        rmSync(path, { force: true });
      }
    });
    this.turn = job.catch(() => undefined);
    return job;
  }

  /** Closes the database and removes its temporary folder. */
  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    if (!db) return;
    await this.turn;
    const { instance, conn, dir } = await db;
    conn.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }

  private open(): Promise<{ instance: DuckDBInstance; conn: DuckDBConnection; dir: string }> {
    this.db ??= (async () => {
      const instance = await DuckDBInstance.create(':memory:');
      const conn = await instance.connect();
      return { instance, conn, dir: mkdtempSync(join(tmpdir(), 'follisim-parquet-')) };
    })();
    return this.db;
  }
}
