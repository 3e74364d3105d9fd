import type { TransportGrid } from '../transport/grid.ts';
import { createSolver, type SubstrateSpec } from '../transport/solver.ts';

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
