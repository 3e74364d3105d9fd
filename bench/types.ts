/** One measured figure printed by `npm run bench` (and one JSON line with `--json`). */
export interface BenchResult {
  /** Stable identifier, e.g. `scalp-100k-10y`. */
  name: string;
  /** The measured value. */
  value: number;
  /** Unit of `value`, e.g. `s` or `updates/s`. */
  unit: string;
  /** Extra figures worth printing beside the headline value. */
  details?: Record<string, number | string>;
}

/** A group of benchmarks; `run` returns its figures once measured. */
export interface BenchSuite {
  name: string;
  run(): Promise<BenchResult[]>;
}
