/**
 * Helpers shared by the adaptive integrators: input validation, tolerance vectors, error norms, the
 * Hairer–Wanner initial-step heuristic, finite-difference derivatives and the output recorder.
 */
import type { OdeOptions, OdeProblem, OdeResult, OdeRhs, OdeStats, OdeStatus } from './types.ts';
import { pow } from '../core/pow.ts';

/** Unit round-off of IEEE double precision. */
export const UNIT_ROUNDOFF = 2.220446049250313e-16;

/** Square root of the unit round-off (≈ 1.49e-8), the classic relative finite-difference increment. */
export const SQRT_U = Math.sqrt(UNIT_ROUNDOFF);

/** Expands a scalar or per-component tolerance to a Float64Array of length n (null if invalid). */
export function toleranceVector(
  value: number | ArrayLike<number> | undefined,
  n: number,
  fallback: number,
): Float64Array | null {
  const out = new Float64Array(n);
  if (value === undefined) {
    out.fill(fallback);
  } else if (typeof value === 'number') {
    out.fill(value);
  } else {
    if (value.length !== n) return null;
    for (let i = 0; i < n; i++) out[i] = value[i];
  }
  for (let i = 0; i < n; i++) {
    if (!(out[i] >= 0) || !Number.isFinite(out[i])) return null;
  }
  return out;
}

/** Returns a message describing what is wrong with the problem/options, or '' if they are usable. */
export function validateInput(problem: OdeProblem, options: OdeOptions): string {
  const n = problem.y0.length;
  if (n < 1) return 'y0 must have at least one component';
  if (!Number.isFinite(problem.t0)) return `t0 must be finite, got ${problem.t0}`;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(problem.y0[i])) return `y0[${i}] is not finite (${problem.y0[i]})`;
  }
  const m = problem.tOut.length;
  if (m < 1) return 'tOut must contain at least one time';
  let prev = problem.t0;
  for (let k = 0; k < m; k++) {
    const tk = problem.tOut[k];
    if (!Number.isFinite(tk)) return `tOut[${k}] is not finite (${tk})`;
    if (tk < prev) return `tOut must be non-decreasing and ≥ t0; tOut[${k}] = ${tk} < ${prev}`;
    prev = tk;
  }
  const { h0, hMin, hMax, maxSteps, fixedStep } = options;
  if (h0 !== undefined && !(h0 > 0)) return `h0 must be > 0, got ${h0}`;
  if (hMin !== undefined && !(hMin >= 0)) return `hMin must be ≥ 0, got ${hMin}`;
  if (hMax !== undefined && !(hMax > 0)) return `hMax must be > 0, got ${hMax}`;
  if (fixedStep !== undefined && !(fixedStep > 0 && Number.isFinite(fixedStep))) {
    return `fixedStep must be a finite number > 0, got ${fixedStep}`;
  }
  if (maxSteps !== undefined && !(maxSteps >= 1)) return `maxSteps must be ≥ 1, got ${maxSteps}`;
  const rtol = toleranceVector(options.rtol, n, 1e-6);
  if (rtol === null) return 'rtol must be a finite number ≥ 0 or an array of them of length n';
  const atol = toleranceVector(options.atol, n, 1e-10);
  if (atol === null) return 'atol must be a finite number ≥ 0 or an array of them of length n';
  for (let i = 0; i < n; i++) {
    if (rtol[i] === 0 && atol[i] === 0) return `rtol[${i}] and atol[${i}] are both zero`;
  }
  return '';
}

/** Weighted RMS norm of the step error: sqrt(mean((e_i / (atol_i + rtol_i·max(|a_i|,|b_i|)))²)). */
export function errorNorm(
  e: Float64Array,
  a: Float64Array,
  b: Float64Array,
  atol: Float64Array,
  rtol: Float64Array,
): number {
  const n = e.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol[i] + rtol[i] * Math.max(Math.abs(a[i]), Math.abs(b[i]));
    const r = e[i] / sk;
    s += r * r;
  }
  return Math.sqrt(s / n);
}

/**
 * Initial step (Hairer, Nørsett & Wanner 1993, II.4, routine HINIT): an explicit Euler probe estimates
 * ‖f‖ and ‖f'‖, then h = (0.01 / max(‖f‖, ‖f'‖))^(1/(order+1)), capped at 100·h₀ and hMax.
 * `work1`, `work2` are scratch arrays of length n. Returns the step and the rhs evaluations used (1).
 */
export function initialStep(
  rhs: OdeRhs,
  t: number,
  y: Float64Array,
  f0: Float64Array,
  order: number,
  hMax: number,
  atol: Float64Array,
  rtol: Float64Array,
  work1: Float64Array,
  work2: Float64Array,
): number {
  const n = y.length;
  let dnf = 0;
  let dny = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol[i] + rtol[i] * Math.abs(y[i]);
    dnf += (f0[i] / sk) ** 2;
    dny += (y[i] / sk) ** 2;
  }
  let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
  h = Math.min(h, hMax);
  for (let i = 0; i < n; i++) work1[i] = y[i] + h * f0[i];
  rhs(t + h, work1, work2);
  let der2 = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol[i] + rtol[i] * Math.abs(y[i]);
    der2 += ((work2[i] - f0[i]) / sk) ** 2;
  }
  der2 = Math.sqrt(der2) / h;
  const der12 = Math.max(Math.abs(der2), Math.sqrt(dnf));
  const h1 = der12 <= 1e-15 ? Math.max(1e-6, Math.abs(h) * 1e-3) : pow(0.01 / der12, 1 / (order + 1));
  h = Math.min(100 * Math.abs(h), h1, hMax);
  return Number.isFinite(h) && h > 0 ? h : 1e-6;
}

/**
 * Significance thresholds for finite-difference increments: atol_j / rtol_j (MATLAB `numjac`'s
 * `thresh`), i.e. the magnitude below which component j is dominated by its absolute tolerance.
 */
export function incrementThresholds(atol: Float64Array, rtol: Float64Array): Float64Array {
  const n = atol.length;
  const thr = new Float64Array(n);
  for (let j = 0; j < n; j++) thr[j] = atol[j] / Math.max(rtol[j], 1e-8);
  return thr;
}

/**
 * Forward-difference Jacobian, column by column, with scaled increments
 * δ_j = √u·max(|y_j|, threshold_j) (u = unit round-off), rounded so that (y_j + δ_j) − y_j = δ_j exactly.
 * Scaling by the tolerance threshold keeps δ_j small relative to tiny but significant components
 * (a fixed floor such as √(u·1e-5) would swamp e.g. Robertson's y₂ ≈ 1e-13).
 * `y` is perturbed and restored; `f0` = f(t, y); `work` has length n. Costs n evaluations of f.
 */
export function finiteDifferenceJacobian(
  rhs: OdeRhs,
  t: number,
  y: Float64Array,
  f0: Float64Array,
  jac: Float64Array,
  work: Float64Array,
  threshold: Float64Array,
): void {
  const n = y.length;
  for (let j = 0; j < n; j++) {
    const yj = y[j];
    let delta0 = SQRT_U * Math.max(Math.abs(yj), threshold[j]);
    if (!(delta0 > 0)) delta0 = SQRT_U;
    y[j] = yj + delta0;
    const delta = y[j] - yj;
    rhs(t, y, work);
    y[j] = yj;
    const inv = 1 / delta;
    for (let i = 0; i < n; i++) jac[i * n + j] = (work[i] - f0[i]) * inv;
  }
}

/** Forward-difference ∂f/∂t with increment sqrt(u·max(1e-5, |t|)); `work` has length n. */
export function finiteDifferenceDfdt(
  rhs: OdeRhs,
  t: number,
  y: Float64Array,
  f0: Float64Array,
  dfdt: Float64Array,
  work: Float64Array,
): void {
  const n = y.length;
  const delta = t + Math.sqrt(UNIT_ROUNDOFF * Math.max(1e-5, Math.abs(t))) - t;
  rhs(t + delta, y, work);
  for (let i = 0; i < n; i++) dfdt[i] = (work[i] - f0[i]) / delta;
}

/** Fresh zeroed work counters. */
export function emptyStats(): OdeStats {
  return { steps: 0, accepted: 0, rejected: 0, rhsEvaluations: 0, jacobianEvaluations: 0, luDecompositions: 0 };
}

/** Collects the states at the requested output times and builds the final `OdeResult`. */
export class OutputRecorder {
  /** Index of the next output time still to be produced. */
  next = 0;
  readonly tOut: Float64Array;
  private readonly ys: Float64Array[] = [];

  /** A recorder for the given output times. */
  constructor(tOut: ArrayLike<number>) {
    this.tOut = Float64Array.from(tOut);
  }

  /** True once every output time has been produced. */
  get done(): boolean {
    return this.next >= this.tOut.length;
  }

  /** The next output time still to be produced (Infinity when done). */
  get nextTime(): number {
    return this.next < this.tOut.length ? this.tOut[this.next] : Infinity;
  }

  /** Records a copy of `y` for the next output time. */
  push(y: Float64Array): void {
    this.ys.push(Float64Array.from(y));
    this.next++;
  }

  /** Records every pending output time ≤ t with a copy of `y` (used when t is reached exactly). */
  pushAllAt(t: number, y: Float64Array): void {
    while (this.next < this.tOut.length && this.tOut[this.next] <= t) this.push(y);
  }

  /** Builds the result object. */
  result(
    method: string,
    status: OdeStatus,
    message: string,
    tReached: number,
    yReached: Float64Array,
    hLast: number,
    stats: OdeStats,
  ): OdeResult {
    return {
      method,
      status,
      message,
      t: this.tOut.slice(0, this.ys.length),
      y: this.ys,
      tReached,
      yReached: Float64Array.from(yReached),
      hLast,
      stats,
    };
  }
}

/** A result for input that could not be integrated at all. */
export function invalidResult(method: string, problem: OdeProblem, message: string): OdeResult {
  const y0 = new Float64Array(problem.y0.length);
  for (let i = 0; i < y0.length; i++) y0[i] = problem.y0[i];
  return {
    method,
    status: 'invalid-input',
    message,
    t: new Float64Array(0),
    y: [],
    tReached: problem.t0,
    yReached: y0,
    hLast: 0,
    stats: emptyStats(),
  };
}

/** True if every component of `y` is finite. */
export function allFinite(y: Float64Array): boolean {
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) return false;
  }
  return true;
}

/** Number of equal steps of at most `h` that cover [t, target] (≥ 1), tolerant to round-off. */
export function fixedStepCount(t: number, target: number, h: number): number {
  const span = target - t;
  return Math.max(1, Math.ceil(span / h - 1e-9));
}

/** State shared by the adaptive integrators at the start of a run (validated input, tolerances, outputs). */
export interface IntegrationSetup {
  n: number;
  rtol: Float64Array;
  atol: Float64Array;
  rec: OutputRecorder;
  stats: OdeStats;
  rhs: OdeRhs;
  t0: number;
  tEnd: number;
  /** Working state, initialised to y0. */
  y: Float64Array;
  fixed: number | undefined;
  dense: boolean;
  hMax: number;
  hMin: number;
  maxSteps: number;
}

/**
 * Validates a problem and prepares an adaptive run; returns a finished result instead when the input is
 * invalid or every output time equals t0.
 */
export function setupIntegration(name: string, problem: OdeProblem, options: OdeOptions): IntegrationSetup | OdeResult {
  const invalid = validateInput(problem, options);
  if (invalid !== '') return invalidResult(name, problem, invalid);
  const n = problem.y0.length;
  const rec = new OutputRecorder(problem.tOut);
  const stats = emptyStats();
  const t0 = problem.t0;
  const tEnd = rec.tOut[rec.tOut.length - 1];
  const y = Float64Array.from(problem.y0);
  rec.pushAllAt(t0, y);
  if (rec.done) return rec.result(name, 'success', '', t0, y, 0, stats);
  const fixed = options.fixedStep;
  return {
    n,
    rtol: toleranceVector(options.rtol, n, 1e-6) as Float64Array,
    atol: toleranceVector(options.atol, n, 1e-10) as Float64Array,
    rec,
    stats,
    rhs: problem.rhs,
    t0,
    tEnd,
    y,
    fixed,
    dense: options.denseOutput ?? fixed === undefined,
    hMax: Math.min(options.hMax ?? Infinity, tEnd - t0),
    hMin: options.hMin ?? 0,
    maxSteps: options.maxSteps ?? 100_000,
  };
}

/** The next step of an integrator, filled in place by `planStep` (one object per run, reused every step). */
export interface StepPlan {
  hStep: number;
  hitsTarget: boolean;
}

/**
 * Plans the next step toward `target` (s): fixed steps divide the remaining interval evenly and land on
 * it; adaptive steps of size h stretch by up to 0.01 % to land on it. Returns false when h is below hMin or
 * round-off, so the caller can stop with `step-too-small`.
 */
export function planStep(plan: StepPlan, t: number, h: number, target: number, fixed: number | undefined, hMin: number): boolean {
  if (fixed !== undefined) {
    const m = fixedStepCount(t, target, fixed);
    plan.hStep = (target - t) / m;
    plan.hitsTarget = m === 1;
    return true;
  }
  if (h < hMin || h <= 10 * UNIT_ROUNDOFF * Math.abs(t)) return false;
  plan.hitsTarget = t + 1.0001 * h >= target;
  plan.hStep = plan.hitsTarget ? target - t : h;
  return true;
}
