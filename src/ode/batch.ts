/**
 * Batched fixed-step L-stable integration of many independent small systems (one reaction system per
 * voxel), for the reaction half-step of operator splitting. States live in one Float64Array; nothing
 * is allocated per step or per voxel.
 *
 * Schemes (see docs/model.md §8):
 * - `tr-bdf2` (default, order 2, L-stable; Bank et al. 1985, Hosea & Shampine 1996) with γ = 2 − √2:
 *     z − (γh/2)·f(t+γh, z) = y + (γh/2)·f(t, y)                         (trapezoidal stage)
 *     y₁ − d·h·f(t+h, y₁) = z/(γ(2−γ)) − (1−γ)²/(γ(2−γ))·y,  d = (1−γ)/(2−γ) = γ/2   (BDF2 stage)
 *   Both stages share the iteration matrix I − d·h·J (one Jacobian and one LU per voxel-step).
 * - `backward-euler` (order 1, L-stable): y₁ − h·f(t+h, y₁) = y.
 * Each implicit stage is solved by Newton starting from J(t, y) of the step (refreshed when convergence
 * is slow). A voxel whose Newton iteration fails is retried with adaptive substeps (halving on
 * failure); if even the smallest substep fails it is left at its start value and reported in
 * `BatchStepReport.failedVoxels` (never thrown).
 */
import {
  OutputRecorder,
  SQRT_U,
  emptyStats,
  fixedStepCount,
  incrementThresholds,
  invalidResult,
  toleranceVector,
  validateInput,
} from './common.ts';
import { luFactor, luSolve } from './lu.ts';
import type { OdeMethod, OdeOptions, OdeProblem, OdeResult } from './types.ts';

/** One small reaction system, evaluated per voxel (the voxel index lets f read per-voxel parameters). */
export interface BatchReactionSystem {
  /** Number of species per voxel. */
  readonly size: number;
  /** Writes f(t, y) for voxel `voxel` into `dydt` (both of length `size`). */
  rhs(t: number, y: Float64Array, dydt: Float64Array, voxel: number): void;
  /** Writes ∂f/∂y row-major into `jac` (size²); finite differences are used when absent. */
  jacobian?(t: number, y: Float64Array, jac: Float64Array, voxel: number): void;
}

/** Time-stepping scheme of the batched integrator. */
export type BatchScheme = 'tr-bdf2' | 'backward-euler';

/**
 * Memory layout of the state array: `interleaved` stores voxel v, species s at `v·size + s`;
 * `planar` (one grid per species, as a transport solver keeps them) at `s·voxelCount + v`.
 */
export type BatchLayout = 'interleaved' | 'planar';

/** Options of the batched integrator. */
export interface BatchOptions {
  /** Default `tr-bdf2`. */
  scheme?: BatchScheme;
  /** Default `interleaved`. */
  layout?: BatchLayout;
  /** Newton stops when the estimated remaining correction is below atol + rtol·|y| (RMS). Default 1e-8. */
  newtonRtol?: number | ArrayLike<number>;
  /** Absolute Newton tolerance, scalar or per species, in state units. Default 1e-12. */
  newtonAtol?: number | ArrayLike<number>;
  /** Newton iterations (f evaluations) per implicit stage before the stage counts as failed. Default 10. */
  maxNewtonIterations?: number;
  /** Jacobian re-evaluations per implicit stage when Newton converges slowly (θ > 0.1). Default 10. */
  maxJacobianRefreshes?: number;
  /** A failing voxel step is retried with adaptive substeps no smaller than dt/2^maxSubdivisions. Default 10. */
  maxSubdivisions?: number;
}

/** Counters of one `step`/`advance` call (the same object is reused and overwritten by the next call). */
export interface BatchStepReport {
  /** Voxels left at their start value because Newton failed even with the finest substeps. */
  failedVoxels: number;
  /** Index of the first failed voxel, −1 if none. */
  firstFailedVoxel: number;
  /** Voxels that needed substeps. */
  subdividedVoxels: number;
  /** Total voxel-steps performed (including substeps). */
  voxelSteps: number;
  newtonIterations: number;
  rhsEvaluations: number;
  jacobianEvaluations: number;
}

const GAMMA = 2 - Math.SQRT2;
const D_TRBDF2 = GAMMA / 2; // = (1 − γ)/(2 − γ)
const BDF_Z = 1 / (GAMMA * (2 - GAMMA));
const BDF_Y = -((1 - GAMMA) * (1 - GAMMA)) / (GAMMA * (2 - GAMMA));
/** Newton contraction above which J is re-evaluated at the current iterate (cheap for small n). */
const REFRESH_THETA = 0.1;

/** Fixed-step TR-BDF2 / backward-Euler integrator over `voxelCount` independent copies of a small system. */
export class BatchIntegrator {
  readonly system: BatchReactionSystem;
  readonly voxelCount: number;
  readonly scheme: BatchScheme;
  readonly layout: BatchLayout;
  /** Counters of the last `step`/`advance` call. */
  readonly report: BatchStepReport = {
    failedVoxels: 0,
    firstFailedVoxel: -1,
    subdividedVoxels: 0,
    voxelSteps: 0,
    newtonIterations: 0,
    rhsEvaluations: 0,
    jacobianEvaluations: 0,
  };

  private readonly n: number;
  private readonly rtol: Float64Array;
  private readonly atol: Float64Array;
  private readonly threshold: Float64Array;
  private readonly maxNewton: number;
  private readonly maxRefresh: number;
  /** Newton rate estimate η = θ/(1−θ) carried from the trapezoidal to the BDF2 stage (0 = unknown). */
  private eta = 0;
  private readonly maxSubdivisions: number;
  // Per-voxel scratch, allocated once.
  private readonly u0: Float64Array;
  private readonly u: Float64Array;
  private readonly ub: Float64Array;
  private readonly fn: Float64Array;
  private readonly fz: Float64Array;
  private readonly fp: Float64Array;
  private readonly z: Float64Array;
  private readonly c: Float64Array;
  private readonly delta: Float64Array;
  private readonly jac: Float64Array;
  private readonly lu: Float64Array;
  private readonly piv: Int32Array;

  /** Creates an integrator for `voxelCount` voxels of `system`; throws RangeError on invalid options. */
  constructor(system: BatchReactionSystem, voxelCount: number, options: BatchOptions = {}) {
    const n = system.size;
    if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`system.size must be a positive integer, got ${n}`);
    if (!(Number.isInteger(voxelCount) && voxelCount >= 0)) {
      throw new RangeError(`voxelCount must be a non-negative integer, got ${voxelCount}`);
    }
    const rtol = toleranceVector(options.newtonRtol, n, 1e-8);
    const atol = toleranceVector(options.newtonAtol, n, 1e-12);
    if (rtol === null || atol === null) throw new RangeError('newtonRtol/newtonAtol must be ≥ 0, scalar or of length size');
    for (let i = 0; i < n; i++) {
      if (rtol[i] === 0 && atol[i] === 0) throw new RangeError(`newtonRtol[${i}] and newtonAtol[${i}] are both zero`);
    }
    const maxNewton = options.maxNewtonIterations ?? 10;
    const maxRefresh = options.maxJacobianRefreshes ?? 10;
    if (!(Number.isInteger(maxRefresh) && maxRefresh >= 0)) throw new RangeError('maxJacobianRefreshes must be an integer ≥ 0');
    const maxSub = options.maxSubdivisions ?? 10;
    if (!(Number.isInteger(maxNewton) && maxNewton >= 1)) throw new RangeError('maxNewtonIterations must be an integer ≥ 1');
    if (!(Number.isInteger(maxSub) && maxSub >= 0 && maxSub <= 30)) {
      throw new RangeError('maxSubdivisions must be an integer in [0, 30]');
    }
    this.system = system;
    this.voxelCount = voxelCount;
    this.scheme = options.scheme ?? 'tr-bdf2';
    this.layout = options.layout ?? 'interleaved';
    this.n = n;
    this.rtol = rtol;
    this.atol = atol;
    this.threshold = incrementThresholds(atol, rtol);
    this.maxNewton = maxNewton;
    this.maxRefresh = maxRefresh;
    this.maxSubdivisions = maxSub;
    this.u0 = new Float64Array(n);
    this.u = new Float64Array(n);
    this.ub = new Float64Array(n);
    this.fn = new Float64Array(n);
    this.fz = new Float64Array(n);
    this.fp = new Float64Array(n);
    this.z = new Float64Array(n);
    this.c = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.jac = new Float64Array(n * n);
    this.lu = new Float64Array(n * n);
    this.piv = new Int32Array(n);
  }

  /** Required length of the state array (voxelCount × size). */
  get stateLength(): number {
    return this.voxelCount * this.n;
  }

  /** Advances voxels [start, end) of `y` in place by one step dt from time t; returns the (reused) report. */
  step(y: Float64Array, t: number, dt: number, start = 0, end = this.voxelCount): BatchStepReport {
    this.checkArgs(y, dt, start, end);
    this.resetReport();
    this.sweep(y, t, dt, start, end);
    return this.report;
  }

  /** Advances voxels [start, end) from t0 to t1 in equal steps of at most maxDt; returns the report. */
  advance(y: Float64Array, t0: number, t1: number, maxDt: number, start = 0, end = this.voxelCount): BatchStepReport {
    this.checkArgs(y, maxDt, start, end);
    if (!(t1 >= t0)) throw new RangeError(`t1 must be ≥ t0, got [${t0}, ${t1}]`);
    this.resetReport();
    if (t1 === t0) return this.report;
    const m = fixedStepCount(t0, t1, maxDt);
    const dt = (t1 - t0) / m;
    for (let k = 0; k < m; k++) this.sweep(y, t0 + k * dt, dt, start, end);
    return this.report;
  }

  private checkArgs(y: Float64Array, dt: number, start: number, end: number): void {
    if (y.length < this.stateLength) {
      throw new RangeError(`state array has length ${y.length}, expected ${this.stateLength}`);
    }
    if (!(dt > 0 && Number.isFinite(dt))) throw new RangeError(`step must be a finite number > 0, got ${dt}`);
    if (!(start >= 0 && end <= this.voxelCount && start <= end)) {
      throw new RangeError(`voxel range [${start}, ${end}) outside [0, ${this.voxelCount})`);
    }
  }

  private resetReport(): void {
    const r = this.report;
    r.failedVoxels = 0;
    r.firstFailedVoxel = -1;
    r.subdividedVoxels = 0;
    r.voxelSteps = 0;
    r.newtonIterations = 0;
    r.rhsEvaluations = 0;
    r.jacobianEvaluations = 0;
  }

  private sweep(y: Float64Array, t: number, dt: number, start: number, end: number): void {
    const n = this.n;
    const u0 = this.u0;
    const u = this.u;
    const planar = this.layout === 'planar';
    const nv = this.voxelCount;
    for (let v = start; v < end; v++) {
      if (planar) {
        for (let s = 0; s < n; s++) u0[s] = y[s * nv + v];
      } else {
        const base = v * n;
        for (let s = 0; s < n; s++) u0[s] = y[base + s];
      }
      u.set(u0);
      let ok = this.stepVoxel(v, t, dt);
      if (!ok) {
        u.set(u0);
        ok = this.substep(v, t, dt);
        if (ok) this.report.subdividedVoxels++;
      }
      if (!ok) {
        if (this.report.failedVoxels === 0) this.report.firstFailedVoxel = v;
        this.report.failedVoxels++;
        u.set(u0);
      }
      if (planar) {
        for (let s = 0; s < n; s++) y[s * nv + v] = u[s];
      } else {
        const base = v * n;
        for (let s = 0; s < n; s++) y[base + s] = u[s];
      }
    }
  }

  /**
   * Fallback after a failed step: covers [t, t + dt] with substeps that halve on failure (down to
   * dt/2^maxSubdivisions) and double again after success, so a stiff initial layer costs a few small
   * substeps rather than a uniformly fine grid. Works on `u` in place; false if the finest substep fails.
   */
  private substep(v: number, t: number, dt: number): boolean {
    if (this.maxSubdivisions === 0) return false;
    const ub = this.ub;
    const tEnd = t + dt;
    const hMin = dt / 2 ** this.maxSubdivisions;
    let tt = t;
    let h = dt / 2;
    while (tt < tEnd) {
      // The last substep absorbs any remainder shorter than hMin/2 (and round-off).
      const last = tEnd - (tt + h) < 0.5 * hMin;
      const hs = last ? tEnd - tt : h;
      ub.set(this.u);
      if (this.stepVoxel(v, tt, hs)) {
        tt = last ? tEnd : tt + hs;
        h = Math.min(2 * h, dt);
      } else {
        this.u.set(ub);
        h *= 0.5;
        if (h < hMin * (1 - 1e-12)) return false;
      }
    }
    return true;
  }

  /** One step of size h for voxel v on the scratch state `u` (in place); false if Newton failed. */
  private stepVoxel(v: number, t: number, h: number): boolean {
    const n = this.n;
    const u = this.u;
    const fn = this.fn;
    const c = this.c;
    const z = this.z;
    this.report.voxelSteps++;

    const trbdf2 = this.scheme === 'tr-bdf2';
    const dh = trbdf2 ? D_TRBDF2 * h : h;
    this.eta = 0;

    if (trbdf2 || this.system.jacobian === undefined) {
      this.system.rhs(t, u, fn, v);
      this.report.rhsEvaluations++;
    }
    if (!this.factorIterationMatrix(v, t, u, fn, dh)) return false;

    if (trbdf2) {
      for (let i = 0; i < n; i++) {
        c[i] = u[i] + dh * fn[i];
        z[i] = u[i];
      }
      if (!this.newton(v, t + GAMMA * h, dh)) return false;
      for (let i = 0; i < n; i++) c[i] = BDF_Z * z[i] + BDF_Y * u[i];
      // Predictor for the BDF2 stage: the trapezoidal value z (kept in place).
      if (!this.newton(v, t + h, dh)) return false;
    } else {
      for (let i = 0; i < n; i++) {
        c[i] = u[i];
        z[i] = u[i];
      }
      if (!this.newton(v, t + h, dh)) return false;
    }
    u.set(z);
    return true;
  }

  /**
   * Evaluates J at (t, y) — analytically, or by column-wise forward differences with increments
   * √u·max(|y_j|, atol_j/rtol_j) from f(t, y) = `fy` (y is perturbed and restored) — and factors
   * I − dh·J into `lu`/`piv`. Returns false if the matrix is singular or not finite.
   */
  private factorIterationMatrix(v: number, t: number, y: Float64Array, fy: Float64Array, dh: number): boolean {
    const n = this.n;
    const jac = this.jac;
    const lu = this.lu;
    const sys = this.system;
    if (sys.jacobian !== undefined) {
      sys.jacobian(t, y, jac, v);
    } else {
      const fp = this.fp;
      const thr = this.threshold;
      for (let j = 0; j < n; j++) {
        const yj = y[j];
        let d = SQRT_U * Math.max(Math.abs(yj), thr[j]);
        if (!(d > 0)) d = SQRT_U;
        y[j] = yj + d;
        const inv = 1 / (y[j] - yj);
        sys.rhs(t, y, fp, v);
        y[j] = yj;
        for (let i = 0; i < n; i++) jac[i * n + j] = (fp[i] - fy[i]) * inv;
      }
      this.report.rhsEvaluations += n;
    }
    this.report.jacobianEvaluations++;
    for (let i = 0; i < n * n; i++) lu[i] = -dh * jac[i];
    for (let i = 0; i < n; i++) lu[i * n + i] += 1;
    return luFactor(lu, n, this.piv);
  }

  /**
   * Newton for z − dh·f(ts, z) = c on the scratch `z` (in place), starting with the factored
   * I − dh·J(t, y) of the step (simplified Newton). Converged when ‖Δ‖ ≤ 1 (or η·‖Δ‖ ≤ 1 with the
   * rate η carried from the previous stage, as RADAU5 does across steps) at the first iteration with a
   * matrix, or when θ/(1−θ)·‖Δ‖ ≤ 1 with the observed contraction θ = ‖Δ_k‖/‖Δ_{k−1}‖
   * (Hairer & Wanner IV.8), ‖·‖ being the RMS norm weighted by atol + rtol·|z|. When θ > 0.1 (slow or
   * diverging) J is re-evaluated at the current iterate and the same residual is re-solved, which turns
   * the iteration into full Newton through stiff transients where the frozen J is far off.
   */
  private newton(v: number, ts: number, dh: number): boolean {
    const n = this.n;
    const z = this.z;
    const c = this.c;
    const fz = this.fz;
    const delta = this.delta;
    const atol = this.atol;
    const rtol = this.rtol;
    const r = this.report;
    let refreshes = 0;
    let prev = 0;
    let fresh = true;
    // η = θ/(1−θ) observed in the previous stage of this step with the same matrix (0 = unknown).
    let carried = this.eta;
    let evaluations = 0;
    let needF = true;
    for (;;) {
      if (needF) {
        if (evaluations >= this.maxNewton) return false;
        this.system.rhs(ts, z, fz, v);
        r.rhsEvaluations++;
        r.newtonIterations++;
        evaluations++;
      }
      for (let i = 0; i < n; i++) delta[i] = c[i] + dh * fz[i] - z[i];
      luSolve(this.lu, n, this.piv, delta);
      let s = 0;
      for (let i = 0; i < n; i++) {
        const w = delta[i] / (atol[i] + rtol[i] * Math.abs(z[i] + delta[i]));
        s += w * w;
      }
      const norm = Math.sqrt(s / n);
      if (!Number.isFinite(norm)) return false;
      const theta = fresh ? 0 : norm / prev;
      if (!fresh && !(theta <= REFRESH_THETA) && !(norm <= 1e-3)) {
        // Slow or diverging: refresh J where f was just evaluated and re-solve the same residual.
        if (refreshes >= this.maxRefresh) return false;
        refreshes++;
        if (!this.factorIterationMatrix(v, ts, z, fz, dh)) return false;
        fresh = true;
        carried = 0;
        this.eta = 0;
        needF = false;
        continue;
      }
      for (let i = 0; i < n; i++) z[i] += delta[i];
      if (fresh) {
        if (norm <= 1 || (carried > 0 && carried * norm <= 1)) return true;
      } else {
        const eta = theta / (1 - theta);
        if (norm <= 1e-3 || eta * norm <= 1) {
          this.eta = Math.max(eta, 1e-3);
          return true;
        }
      }
      prev = norm;
      fresh = false;
      needF = true;
    }
  }
}

/** Wraps a single (non-voxel) problem as a batch system of one voxel. */
function singleSystem(problem: OdeProblem): BatchReactionSystem {
  const { rhs, jacobian } = problem;
  const n = problem.y0.length;
  return jacobian === undefined
    ? { size: n, rhs: (t, y, dydt) => rhs(t, y, dydt) }
    : { size: n, rhs: (t, y, dydt) => rhs(t, y, dydt), jacobian: (t, y, jac) => jacobian(t, y, jac) };
}

/** Integrates one problem with a batched fixed-step scheme (needs options.fixedStep; rtol/atol, default 1e-10/1e-14, steer Newton). */
function integrateBatchScheme(scheme: BatchScheme, problem: OdeProblem, options: OdeOptions): OdeResult {
  const name = scheme;
  const invalid = validateInput(problem, options);
  if (invalid !== '') return invalidResult(name, problem, invalid);
  const fixed = options.fixedStep;
  if (fixed === undefined) return invalidResult(name, problem, `${scheme} is a fixed-step method: set options.fixedStep`);
  const n = problem.y0.length;
  let integrator: BatchIntegrator;
  try {
    integrator = new BatchIntegrator(singleSystem(problem), 1, {
      scheme,
      newtonRtol: options.rtol ?? 1e-10,
      newtonAtol: options.atol ?? 1e-14,
    });
  } catch (e) {
    return invalidResult(name, problem, e instanceof Error ? e.message : String(e));
  }
  const rec = new OutputRecorder(problem.tOut);
  const stats = emptyStats();
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = problem.y0[i];
  let t = problem.t0;
  rec.pushAllAt(t, y);
  const maxSteps = options.maxSteps ?? 100_000;
  while (!rec.done) {
    const target = rec.nextTime;
    const m = fixedStepCount(t, target, fixed);
    if (stats.steps + m > maxSteps) {
      return rec.result(name, 'max-steps', `maximum number of steps (${maxSteps}) reached at t = ${t}`, t, y, fixed, stats);
    }
    const dt = (target - t) / m;
    for (let k = 0; k < m; k++) {
      const rep = integrator.step(y, t, dt);
      stats.steps++;
      stats.accepted++;
      stats.rhsEvaluations += rep.rhsEvaluations;
      stats.jacobianEvaluations += rep.jacobianEvaluations;
      stats.luDecompositions += rep.jacobianEvaluations; // one factorisation per Jacobian
      if (rep.failedVoxels > 0) {
        return rec.result(name, 'newton-failure', `Newton iteration failed at t = ${t}, h = ${dt}`, t, y, dt, stats);
      }
      t = k === m - 1 ? target : t + dt;
    }
    rec.pushAllAt(t, y);
  }
  return rec.result(name, 'success', '', t, y, fixed, stats);
}

/** TR-BDF2 (fixed step, order 2, L-stable) as a swappable Method object; requires options.fixedStep. */
export const trBdf2: OdeMethod = {
  name: 'tr-bdf2',
  stiff: true,
  order: 2,
  integrate: (problem, options = {}) => integrateBatchScheme('tr-bdf2', problem, options),
};

/** Backward Euler (fixed step, order 1, L-stable) as a swappable Method object; requires options.fixedStep. */
export const backwardEuler: OdeMethod = {
  name: 'backward-euler',
  stiff: true,
  order: 1,
  integrate: (problem, options = {}) => integrateBatchScheme('backward-euler', problem, options),
};
