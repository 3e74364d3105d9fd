import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Table } from '../../tasks/types.ts';

type ColumnKind = 'VARCHAR' | 'INTEGER' | 'DOUBLE';

/** Integers that fit INTEGER are stored as such (pandas and R then read integers); any other number is DOUBLE (exact for JS numbers). */
function kindOf(col: ArrayLike<number> | readonly string[]): ColumnKind {
  if (col.length > 0 && typeof col[0] === 'string') return 'VARCHAR';
  for (let i = 0; i < col.length; i++) {
    const v = col[i] as number;
    if (!Number.isInteger(v) || v > 2147483647 || v < -2147483648 || Object.is(v, -0)) return 'DOUBLE';
  }
  return col.length > 0 ? 'INTEGER' : 'DOUBLE';
}

const quoteIdent = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const quoteLit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * Writes a table to a Parquet file through DuckDB (snappy: every Parquet reader, hyparquet included, decodes it without extra codecs), atomically (a temp file renamed into place).
 * Parquet has no per-column key-value metadata, so units go into the file's key-value metadata twice: one
 * `unit.<column>` entry per column and the whole map as JSON under `follisim.units` (pyarrow:
 * `pq.read_schema(f).metadata`; DuckDB: `parquet_kv_metadata(f)`).
 */
export async function writeParquetTable(conn: DuckDBConnection, path: string, table: Table, units: Record<string, string>, meta: Record<string, string>): Promise<number> {
  const names = Object.keys(table);
  const n = names.length ? table[names[0]].length : 0;
  for (const c of names) if (table[c].length !== n) throw new Error(`table column '${c}' has ${table[c].length} rows, expected ${n}`);
  const kinds = names.map((c) => kindOf(table[c]));
  const tmpTable = `t_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await conn.run(`CREATE TEMP TABLE ${tmpTable} (${names.map((c, i) => `${quoteIdent(c)} ${kinds[i]}`).join(', ') || 'empty INTEGER'})`);
  const tmpFile = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    if (names.length) {
      const ap = await conn.createAppender(tmpTable, 'main', 'temp');
      for (let r = 0; r < n; r++) {
        for (let i = 0; i < names.length; i++) {
          const v = table[names[i]][r];
          if (kinds[i] === 'VARCHAR') ap.appendVarchar(String(v));
          else if (kinds[i] === 'INTEGER') ap.appendInteger(v as number);
          else ap.appendDouble(v as number);
        }
        ap.endRow();
      }
      ap.flushSync();
      ap.closeSync();
    }
    const kv: Record<string, string> = { ...meta, 'follisim.units': JSON.stringify(units) };
    for (const c of names) kv[`unit.${c}`] = units[c] ?? '';
    const kvSql = Object.entries(kv).map(([k, v]) => `${quoteLit(k)}: ${quoteLit(v)}`).join(', ');
    await conn.run(`COPY ${tmpTable} TO ${quoteLit(tmpFile)} (FORMAT parquet, COMPRESSION snappy, KV_METADATA {${kvSql}})`);
    renameSync(tmpFile, path);
    return n;
  } catch (err) {
    rmSync(tmpFile, { force: true });
    throw err;
  } finally {
    await conn.run(`DROP TABLE IF EXISTS temp.${tmpTable}`);
  }
}
