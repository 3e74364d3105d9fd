import { lowerBound } from './clock.ts';

/**
 * Recorders sample model state into time series. Two kinds:
 * - `IntervalRecorder` for event-driven models: an entity reports "I was in state c over [t0, t1)" and the
 *   recorder adds its weight to every sample time inside the interval, via a difference array, so the cost
 *   is O(log K) per interval however long it lasts. Point events (a hair shed) go to the interval
 *   (t_{k-1}, t_k] that ends at sample k.
 * - `TableRecorder` for time-stepped models: one row of values per sample.
 */
export class IntervalRecorder {
  /** Sample times (s). */
  readonly times: Float64Array;
  readonly channelCount: number;
  private readonly level: Float64Array;
  private readonly events: Float64Array;
  private finished = false;

  constructor(times: Float64Array, channelCount: number) {
    this.times = times;
    this.channelCount = channelCount;
    this.level = new Float64Array(channelCount * (times.length + 1));
    this.events = new Float64Array(channelCount * times.length);
  }

  /** Adds `weight` to channel `c` at every sample time t_k with t0 ≤ t_k < t1 (t1 = Infinity keeps it to the end). */
  addInterval(c: number, t0S: number, t1S: number, weight: number): void {
    this.addSpan(c, this.sampleIndex(t0S), this.sampleIndex(t1S), weight);
  }

  /** Index of the first sample time ≥ tS (the sample count for tS = Infinity or beyond the end). */
  sampleIndex(tS: number): number {
    return tS === Infinity ? this.times.length : lowerBound(this.times, tS);
  }

  /** Adds `weight` to channel `c` at samples k0 … k1−1 (indices from `sampleIndex`); O(1). */
  addSpan(c: number, k0: number, k1: number, weight: number): void {
    if (k1 <= k0) return;
    const base = c * (this.times.length + 1);
    this.level[base + k0] += weight;
    this.level[base + k1] -= weight;
  }

  /** Counts a point event of channel `c` at time tS into the sample interval (t_{k-1}, t_k]. */
  addEvent(c: number, tS: number, weight = 1): void {
    const k = lowerBound(this.times, tS);
    if (k === 0 || k >= this.times.length) return;
    this.events[c * this.times.length + k] += weight;
  }

  /** Level series of channel `c` at each sample time (prefix sums of the difference array). */
  levels(c: number): Float64Array {
    if (!this.finished) this.finish();
    const n = this.times.length;
    return this.level.slice(c * (n + 1), c * (n + 1) + n);
  }

  /** Event counts of channel `c` per sample interval (0 at the first sample). */
  eventCounts(c: number): Float64Array {
    const n = this.times.length;
    return this.events.slice(c * n, (c + 1) * n);
  }

  private finish(): void {
    const n = this.times.length;
    for (let c = 0; c < this.channelCount; c++) {
      const base = c * (n + 1);
      for (let k = 1; k <= n; k++) this.level[base + k] += this.level[base + k - 1];
    }
    this.finished = true;
  }
}

/** Column-oriented table of samples for time-stepped models. */
export class TableRecorder {
  readonly columns: readonly string[];
  private readonly data: number[][];

  constructor(columns: readonly string[]) {
    this.columns = columns;
    this.data = columns.map(() => []);
  }

  /** Appends one row; values in column order. */
  push(row: readonly number[]): void {
    if (row.length !== this.columns.length) {
      throw new RangeError(`row has ${row.length} values, table has ${this.columns.length} columns`);
    }
    for (let i = 0; i < row.length; i++) this.data[i].push(row[i]);
  }

  /** The values of one column. */
  column(name: string): Float64Array {
    const i = this.columns.indexOf(name);
    if (i < 0) throw new RangeError(`no column '${name}'`);
    return Float64Array.from(this.data[i]);
  }

  get rowCount(): number {
    return this.data.length === 0 ? 0 : this.data[0].length;
  }
}

/** Formats columns as CSV text (header + rows), numbers with up to `digits` significant digits. */
export function toCsv(columns: Record<string, ArrayLike<number> | readonly string[]>, digits = 8): string {
  const names = Object.keys(columns);
  const n = names.length === 0 ? 0 : columns[names[0]].length;
  const lines = [names.join(',')];
  for (let r = 0; r < n; r++) {
    const cells: string[] = [];
    for (const name of names) {
      const v = columns[name][r];
      cells.push(typeof v === 'number' ? (Number.isFinite(v) ? String(Number(v.toPrecision(digits))) : '') : String(v));
    }
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}
