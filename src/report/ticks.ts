/**
 * Axis ticks and scales. "Nice" steps are 1, 2 or 5 × 10^k; tick values are computed from integers so
 * they print without floating-point noise (0.3, not 0.30000000000000004).
 */

import { superscript } from './escape.ts';

/** A nice step chosen for a range: step = mantissa × 10^exponent with mantissa ∈ {1, 2, 5}. */
export interface NiceStep {
  step: number;
  mantissa: 1 | 2 | 5;
  exponent: number;
}

/** Builds k × step exactly enough to print cleanly (integer arithmetic and one division by a power of ten). */
function tickValue(k: number, s: NiceStep): number {
  return s.exponent >= 0 ? k * s.mantissa * 10 ** s.exponent : (k * s.mantissa) / 10 ** -s.exponent;
}

/** The smallest nice step (1, 2 or 5 × 10^k) that is ≥ `raw` (raw > 0 and finite). */
export function niceStep(raw: number): NiceStep {
  if (!(raw > 0) || !Number.isFinite(raw)) throw new RangeError(`niceStep: raw step must be positive and finite, got ${raw}`);
  let exponent = Math.floor(Math.log10(raw));
  for (let guard = 0; guard < 4; guard++) {
    for (const mantissa of [1, 2, 5] as const) {
      const step = tickValue(1, { step: 0, mantissa, exponent });
      if (step >= raw * (1 - 1e-12)) return { step, mantissa, exponent };
    }
    exponent += 1;
  }
  return { step: 10 ** exponent, mantissa: 1, exponent };
}

/** Widens a degenerate or reversed range so that ticks can be placed on it. */
function normaliseRange(min: number, max: number): [number, number] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    throw new RangeError(`niceTicks: range must be finite, got [${min}, ${max}]`);
  }
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (hi - lo <= Math.abs(hi) * 1e-12 || hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  return [lo, hi];
}

/**
 * Nice tick values covering [min, max]: the first tick is ≤ min and the last ≥ max, the step is
 * 1, 2 or 5 × 10^k (the smallest such step ≥ (max − min)/count), so the number of intervals lies in
 * [floor(count/2.5) + 1, count + 1]. A zero-width range is widened first; reversed bounds are swapped.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const [lo, hi] = normaliseRange(min, max);
  const c = Math.max(1, Math.round(count));
  const s = niceStep((hi - lo) / c);
  const eps = 1e-9;
  const k0 = Math.floor(lo / s.step + eps);
  const k1 = Math.ceil(hi / s.step - eps);
  const ticks: number[] = [];
  for (let k = k0; k <= k1; k++) ticks.push(tickValue(k, s) + 0); // + 0 turns -0 into 0
  return ticks;
}

/** The nice step that `niceTicks(min, max, count)` uses. */
export function niceTickStep(min: number, max: number, count = 5): NiceStep {
  const [lo, hi] = normaliseRange(min, max);
  return niceStep((hi - lo) / Math.max(1, Math.round(count)));
}

/** Nice ticks that fall inside [min, max] (for axes whose extent is the data range, not the ticks). */
export function ticksWithin(min: number, max: number, count = 5): number[] {
  const ticks = niceTicks(min, max, count);
  const tol = (Math.abs(max - min) || 1) * 1e-9;
  return ticks.filter((t) => t >= Math.min(min, max) - tol && t <= Math.max(min, max) + tol);
}

/**
 * Ticks for a log axis over [min, max] (both > 0): powers of ten when the range spans at least two
 * decades (thinned to about `count`), with 2 and 5 multiples added for narrower ranges. The first
 * tick is ≤ min and the last ≥ max.
 */
export function logTicks(min: number, max: number, count = 6): number[] {
  if (!(min > 0) || !(max > 0) || !Number.isFinite(min) || !Number.isFinite(max)) {
    throw new RangeError(`logTicks: range must be positive and finite, got [${min}, ${max}]`);
  }
  const lo = Math.min(min, max);
  const hi = Math.max(min, max);
  const e0 = Math.floor(Math.log10(lo) + 1e-9);
  const e1 = Math.ceil(Math.log10(hi) - 1e-9);
  const decades = Math.max(1, e1 - e0);
  const pow = (e: number): number => (e >= 0 ? 10 ** e : 1 / 10 ** -e);
  if (decades >= 2) {
    const every = Math.max(1, Math.ceil(decades / Math.max(1, count)));
    const start = Math.floor(e0 / every) * every;
    const out: number[] = [];
    for (let e = start; e < e1 + every; e += every) {
      out.push(pow(e));
      if (e >= e1) break;
    }
    return out;
  }
  // Narrow range: 1-2-5 multiples in each decade, trimmed to one tick beyond each end.
  const candidates: number[] = [];
  for (let e = e0 - 1; e <= e1; e++) {
    for (const m of [1, 2, 5]) candidates.push(e >= 0 ? m * 10 ** e : m / 10 ** -e);
  }
  candidates.sort((a, b) => a - b);
  const tol = 1e-9;
  let first = 0;
  for (let i = 0; i < candidates.length; i++) if (candidates[i] <= lo * (1 + tol)) first = i;
  let last = candidates.length - 1;
  for (let i = candidates.length - 1; i >= 0; i--) if (candidates[i] >= hi * (1 - tol)) last = i;
  return candidates.slice(first, last + 1);
}

/**
 * Formats a tick value for a linear axis whose tick step is `step`: as many decimals as the step
 * needs, a true minus sign, and "a×10ⁿ" for very large or very small magnitudes.
 */
export function formatTick(value: number, step?: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const av = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  if (av >= 1e6 || av < 1e-3) {
    const exponent = Math.floor(Math.log10(av) + 1e-9);
    const mantissa = av / 10 ** exponent;
    const refStep = step !== undefined && step > 0 ? step / 10 ** exponent : 1;
    const decimals = Math.min(6, Math.max(0, -Math.floor(Math.log10(refStep) + 1e-9)));
    const m = Number(mantissa.toFixed(decimals));
    const mText = m === 1 ? '' : `${m.toFixed(decimals)}×`;
    return `${sign}${mText}10${superscript(exponent)}`;
  }
  const decimals = step !== undefined && step > 0 ? Math.min(10, Math.max(0, -Math.floor(Math.log10(step) + 1e-9))) : null;
  const text = decimals === null ? String(Number(av.toPrecision(6))) : av.toFixed(decimals);
  return sign + text;
}

/** Formats a tick on a log axis: plain for 0.001–99 999, "10ⁿ" or "a×10ⁿ" otherwise. */
export function formatLogTick(value: number): string {
  if (!(value > 0)) return formatTick(value);
  if (value >= 1e-3 && value < 1e5) return String(Number(value.toPrecision(6)));
  return formatTick(value);
}

/**
 * Labels for a set of evenly spaced linear ticks, all in one notation: plain decimals with the step's
 * precision, or — when the largest |tick| is ≥ 10⁶ or < 10⁻³ — a shared power of ten ("0.5×10⁶", "1.0×10⁶").
 */
export function formatTickLabels(values: readonly number[]): string[] {
  const step = values.length > 1 ? Math.abs(values[1] - values[0]) : undefined;
  const maxAbs = Math.max(0, ...values.filter(Number.isFinite).map(Math.abs));
  if (maxAbs === 0 || (maxAbs < 1e6 && maxAbs >= 1e-3)) return values.map((v) => formatTick(v, step));
  const exponent = Math.floor(Math.log10(maxAbs) + 1e-9);
  const scale = 10 ** exponent;
  const rel = step !== undefined && step > 0 ? step / scale : 1;
  const decimals = Math.min(6, Math.max(0, -Math.floor(Math.log10(rel) + 1e-9)));
  return values.map((v) => {
    if (!Number.isFinite(v)) return formatTick(v);
    if (v === 0) return '0';
    const m = (Math.abs(v) / scale).toFixed(decimals);
    return `${v < 0 ? '−' : ''}${m}×10${superscript(exponent)}`;
  });
}

/** Labels for log-axis ticks in one notation: plain when all lie in [10⁻³, 10⁵), otherwise "10ⁿ" / "a×10ⁿ". */
export function formatLogTickLabels(values: readonly number[]): string[] {
  const plain = values.every((v) => v >= 1e-3 && v < 1e5);
  return values.map((v) => {
    if (!(v > 0)) return formatTick(v);
    if (plain) return String(Number(v.toPrecision(6)));
    const exponent = Math.floor(Math.log10(v) + 1e-9);
    const m = Number((v / 10 ** exponent).toPrecision(3));
    return `${m === 1 ? '' : `${m}×`}10${superscript(exponent)}`;
  });
}

/** A mapping from data values to pixels, with its domain and range. */
export interface Scale {
  (value: number): number;
  domain: [number, number];
  range: [number, number];
  log: boolean;
}

/** Linear map from domain [d0, d1] to range [r0, r1]; a zero-width domain maps to the range midpoint. */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const f = ((v: number): number => (span === 0 ? (r0 + r1) / 2 : r0 + ((v - d0) / span) * (r1 - r0))) as Scale;
  f.domain = [d0, d1];
  f.range = [r0, r1];
  f.log = false;
  return f;
}

/** Base-10 log map from a positive domain to range; non-positive values map to NaN (drawn as gaps). */
export function logScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  if (!(d0 > 0) || !(d1 > 0)) throw new RangeError(`logScale: domain must be positive, got [${d0}, ${d1}]`);
  const l0 = Math.log10(d0);
  const l1 = Math.log10(d1);
  const [r0, r1] = range;
  const span = l1 - l0;
  const f = ((v: number): number => {
    if (!(v > 0)) return Number.NaN;
    return span === 0 ? (r0 + r1) / 2 : r0 + ((Math.log10(v) - l0) / span) * (r1 - r0);
  }) as Scale;
  f.domain = [d0, d1];
  f.range = [r0, r1];
  f.log = true;
  return f;
}
