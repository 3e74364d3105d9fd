/**
 * Multi-rate clock on integer step counters (never float equality: PhysiCell PR #80 silently skipped
 * outputs that way). A process that runs every `periodSteps` base steps is due when step % period === 0.
 */
export class Clock {
  /** Base step (s). */
  readonly dtS: number;
  /** Number of base steps in the run. */
  readonly totalSteps: number;
  private stepIndex = 0;

  /** A clock of `totalSteps` steps of `dtS` seconds; `endS` must be a whole number of steps. */
  constructor(dtS: number, endS: number) {
    if (!(dtS > 0)) throw new RangeError(`dtS must be > 0, got ${dtS}`);
    const n = Math.round(endS / dtS);
    if (n < 1 || Math.abs(n * dtS - endS) > 1e-9 * Math.max(1, endS)) {
      throw new RangeError(`end time ${endS} s is not a whole number of ${dtS} s steps`);
    }
    this.dtS = dtS;
    this.totalSteps = n;
  }

  /** Current step index (0 … totalSteps). */
  get step(): number {
    return this.stepIndex;
  }

  /** Current time (s), computed from the integer counter. */
  get timeS(): number {
    return this.stepIndex * this.dtS;
  }

  /** True when the run has reached its last step. */
  get done(): boolean {
    return this.stepIndex >= this.totalSteps;
  }

  /** Advances one base step. */
  tick(): void {
    this.stepIndex++;
  }

  /** Converts a period (s) into a whole number of base steps, or throws naming the period. */
  periodSteps(periodS: number, what = 'period'): number {
    const k = Math.round(periodS / this.dtS);
    if (k < 1 || Math.abs(k * this.dtS - periodS) > 1e-9 * Math.max(1, periodS)) {
      throw new RangeError(`${what} ${periodS} s is not a whole multiple of the base step ${this.dtS} s`);
    }
    return k;
  }

  /** True when a process with the given period (in steps) is due at the current step. */
  isDue(periodSteps: number): boolean {
    return this.stepIndex % periodSteps === 0;
  }
}

/** Sample times 0, Δ, 2Δ, … up to endS, plus endS itself when it is not a multiple of Δ (s). */
export function sampleTimes(endS: number, everyS: number): Float64Array {
  const k = Math.floor(endS / everyS + 1e-9);
  const last = k * everyS;
  const extra = endS - last > 1e-9 * Math.max(1, endS) ? 1 : 0;
  const out = new Float64Array(k + 1 + extra);
  for (let i = 0; i <= k; i++) out[i] = i * everyS;
  if (extra) out[k + 1] = endS;
  return out;
}

/** Index of the first element of sorted `times` that is ≥ t (times.length if none). */
export function lowerBound(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
