import type { TransportGrid } from '../transport/grid.ts';
import { createSolver, type SubstrateSpec } from '../transport/solver.ts';
import { pow } from '../core/pow.ts';

/** The time-integration settings of an exposure (the depth–dose's DEPTH_DOSE_NUMERICS hold them). */
export interface IntegrationSettings {
  dtEarlyH: number;
  earlyDays: number;
  dtLateH: number;
  residualFraction: number;
  maxDays: number;
}

/**
 * Time course of one release (a patch): the implicit step k's field stands for the whole step (t_{k−1}, t_k], so the
 * piecewise-constant course integrates exactly to the exposure E. Beyond the last step every value falls by
 * `tailRatio` per further step of `tailStepS` (the decaying mode the exposure's tail is summed from).
 */
export interface ExposureCourse {
  /** End of each step (s since the patch). */
  timesS: Float64Array;
  /** Amount in the window at each step, as a fraction of the delivered amount. */
  massFraction: Float64Array;
  /** Plane-mean concentration per step and depth plane (kg/m³), step-major: [k·nz + plane]. */
  planeLevels: Float64Array;
  nz: number;
  tailStepS: number;
  /** Factor per tail step (< 1), or 0 when there is no tail. */
  tailRatio: number;
}

/**
 * Time integral E = ∫₀^∞ c dt of one substrate released by `release` (amount added to its bulk-source array
 * for the step [t, t + Δt], returning the amount), with short steps for `earlyDays`, long ones after, until all
 * of `delivered` is released and only `residualFraction` of it is left; the rest is added as its exponential tail.
 */
export function integrateExposure(
  grid: TransportGrid,
  substrate: SubstrateSpec,
  delivered: number,
  release: (tS: number, dtS: number, source: Float64Array) => number,
  num: IntegrationSettings,
): { exposure: Float64Array; residualFraction: number; steps: number; course: ExposureCourse } {
  const exposure = new Float64Array(grid.voxelCount);
  const plane = grid.planeSize;
  const timesS: number[] = [];
  const massFraction: number[] = [];
  const planeLevels: number[] = [];
  const earlyS = num.earlyDays * 86400;
  const endS = num.maxDays * 86400;
  let released = 0;
  let steps = 0;
  let tS = 0;
  let left = 1;
  let previous = 0;
  let field: Float64Array = new Float64Array(0);
  let dtS = 0;
  // two solvers: short steps while the needles dissolve, long ones once the field only decays
  for (const [dtH, untilS] of [[num.dtEarlyH, earlyS], [num.dtLateH, endS]] as const) {
    dtS = dtH * 3600;
    const solver = createSolver(grid, [substrate], dtS);
    const next = solver.field(substrate.name);
    next.set(field.length > 0 ? field : next);
    field = next;
    const source = solver.sourceRate(substrate.name);
    while (tS < untilS - 1e-9 && !(released >= delivered * (1 - num.residualFraction) && left <= num.residualFraction)) {
      source.fill(0);
      released += release(tS, dtS, source);
      solver.step();
      steps++;
      tS += dtS;
      // the implicit step's value stands for the whole step (backward Euler), so Σ c·dt is the scheme's integral
      let sum = 0;
      for (let k = 0; k < grid.nz; k++) {
        let planeSum = 0;
        for (let v = k * plane; v < (k + 1) * plane; v++) {
          const c = field[v];
          exposure[v] += c * dtS;
          planeSum += c;
        }
        planeLevels.push(planeSum / plane);
        sum += planeSum;
      }
      previous = left;
      left = delivered > 0 ? (sum * grid.voxelVolumeM3) / delivered : 0;
      timesS.push(tS);
      massFraction.push(left);
    }
  }
  // tail beyond the stop: one decaying mode, c_{n+1} = c_n/(1 + λΔt) with λΔt from the last two amounts
  let tailRatio = 0;
  if (left > 0 && previous > left) {
    tailRatio = left / previous;
    const tail = dtS / (previous / left - 1);
    for (let v = 0; v < field.length; v++) exposure[v] += field[v] * tail;
  }
  const course: ExposureCourse = { timesS: Float64Array.from(timesS), massFraction: Float64Array.from(massFraction), planeLevels: Float64Array.from(planeLevels), nz: grid.nz, tailStepS: dtS, tailRatio };
  return { exposure, residualFraction: left, steps, course };
}

/** Plane-mean level (kg/m³) of step k of a course at depth zUm (planes of edge dxUm; linear between plane centres, as `exposureAtDepth`). */
export function courseLevelAt(c: ExposureCourse, dxUm: number, zUm: number, k: number): number {
  const u = zUm / dxUm - 0.5;
  const row = k * c.nz;
  if (u <= 0) return c.planeLevels[row];
  if (u >= c.nz - 1) return c.planeLevels[row + c.nz - 1];
  const i = Math.floor(u);
  const f = u - i;
  return c.planeLevels[row + i] * (1 - f) + c.planeLevels[row + i + 1] * f;
}

/** Cap on the intervals summed (numerics: a mode decaying by < 1e-12 over 10⁵ intervals would be a solver defect). */
const MAX_INTERVALS = 100_000;

/**
 * Carry-over (s) of a regimen of identical releases every `intervalS` at depth zUm, after the last one: the
 * time T for which the periodic time-mean level c̄ = E/τ would deliver what all earlier releases still deliver
 * after the stop, T = τ·Σ_{j≥1} R(jτ), with R(t) the fraction of one release's exposure E = ∫c dt falling after
 * t. A schedule that holds the time-mean effect for T past the stop then integrates the same exposure as the
 * decaying levels. For an instant release decaying at rate k: T = τ·e^(−kτ)/(1 − e^(−kτ)).
 */
export function carryOverS(c: ExposureCourse, dxUm: number, zUm: number, intervalS: number): number {
  const n = c.timesS.length;
  if (n === 0 || !(intervalS > 0)) return 0;
  const level = new Float64Array(n);
  for (let k = 0; k < n; k++) level[k] = courseLevelAt(c, dxUm, zUm, k);
  const last = level[n - 1];
  const tEnd = c.timesS[n - 1];
  const r = c.tailRatio;
  const dt = c.tailStepS;
  // beyond the last step: step m ≥ 1 holds last·r^m (the mode `integrateExposure` sums its tail from)
  const tailFrom = (t: number): number => {
    if (!(r > 0 && r < 1)) return 0;
    const m0 = Math.max(0, Math.floor((t - tEnd) / dt));
    const partial = Math.min(dt, tEnd + (m0 + 1) * dt - t);
    return last * pow(r, m0 + 1) * (partial + (dt * r) / (1 - r));
  };
  const after = (t: number): number => {
    let sum = 0;
    for (let k = n - 1; k >= 0; k--) {
      const t0 = k > 0 ? c.timesS[k - 1] : 0;
      const t1 = c.timesS[k];
      if (t1 <= t) break;
      sum += level[k] * (t1 - Math.max(t, t0));
    }
    return sum + tailFrom(t);
  };
  const total = after(0);
  if (!(total > 0)) return 0;
  let sum = 0;
  for (let j = 1; j <= MAX_INTERVALS; j++) {
    const rj = after(j * intervalS) / total;
    sum += rj;
    if (rj < 1e-12) break;
  }
  return intervalS * sum;
}
