/**
 * The result contract every task fulfils: a JSON summary, typed tables (CSV, Parquet) with column units, solver
 * facts and the random streams used. Defined here, downstream of nothing, so results/, output/ and the platform
 * shells read it without reaching back into tasks/.
 */
/** What every task reports while it runs. */
export interface TaskProgress {
  /** Fraction done, 0-1. */
  fraction: number;
  /** What is being done. */
  stage: string;
}

/** A tidy table: named columns of equal length (numbers or labels). */
export type Table = Record<string, ArrayLike<number> | readonly string[]>;

/** Output of a task: a JSON summary, tables for CSV, and extra manifest fields. */
export interface TaskOutput {
  task: string;
  summary: Record<string, unknown>;
  tables: Record<string, Table>;
  solver: Record<string, unknown>;
  stats: Record<string, number>;
  streams: string[];
  /** Units of table columns, by table then column (written to the manifest's file records). */
  tableUnits?: Record<string, Record<string, string>>;
}
