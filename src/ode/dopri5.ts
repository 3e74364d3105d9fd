/**
 * DOPRI5: the explicit Dormand–Prince 5(4) Runge–Kutta pair (Dormand & Prince 1980) with FSAL, the
 * PI step-size controller and Shampine's order-4 dense output, as in Hairer, Nørsett & Wanner,
 * Solving ODEs I (2nd ed. 1993), §II.4–II.6 and their Fortran code DOPRI5. For non-stiff problems.
 */
import {
  allFinite,
  initialStep,
  planStep,
  setupIntegration,
  type StepPlan,
} from './common.ts';
import type { OdeMethod, OdeOptions, OdeProblem, OdeResult } from './types.ts';
import { pow } from '../core/pow.ts';

// ---- Dormand–Prince 5(4) tableau ------------------------------------------------------------------
const C2 = 1 / 5;
const C3 = 3 / 10;
const C4 = 4 / 5;
const C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40;
const A32 = 9 / 40;
const A41 = 44 / 45;
const A42 = -56 / 15;
const A43 = 32 / 9;
const A51 = 19372 / 6561;
const A52 = -25360 / 2187;
const A53 = 64448 / 6561;
const A54 = -212 / 729;
const A61 = 9017 / 3168;
const A62 = -355 / 33;
const A63 = 46732 / 5247;
const A64 = 49 / 176;
const A65 = -5103 / 18656;
const A71 = 35 / 384;
const A73 = 500 / 1113;
const A74 = 125 / 192;
const A75 = -2187 / 6784;
const A76 = 11 / 84;
// Error coefficients e = b − b̂ (5th minus 4th order weights).
const E1 = 71 / 57600;
const E3 = -71 / 16695;
const E4 = 71 / 1920;
const E5 = -17253 / 339200;
const E6 = 22 / 525;
const E7 = -1 / 40;
// Dense output (Shampine 1986) as used by DOPRI5.
const D1 = -12715105075 / 11282082432;
const D3 = 87487479700 / 32700410799;
const D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632;
const D6 = -1453857185 / 822651844;
const D7 = 69997945 / 29380423;

// ---- PI controller (DOPRI5 defaults) ---------------------------------------------------------------
const SAFE = 0.9;
const BETA = 0.04;
const EXPO1 = 0.2 - BETA * 0.75;
/** hnew/h ≥ 1/FACC1 = 0.2 … */
const FACC1 = 5;
/** … and hnew/h ≤ 1/FACC2 = 10. */
const FACC2 = 0.1;
const MAX_CONSECUTIVE_FAILURES = 10;

/** Integrates a non-stiff problem with Dormand–Prince 5(4); outputs by dense output or exact stepping. */
export function integrateDopri5(problem: OdeProblem, options: OdeOptions = {}): OdeResult {
  const name = 'dopri5';
  const setup = setupIntegration(name, problem, options);
  if (!('rec' in setup)) return setup;
  const { n, rtol, atol, rec, stats, rhs, t0, tEnd, y, fixed, dense, hMax, hMin, maxSteps } = setup;
  let t = t0;

  const k1 = new Float64Array(n);
  const k2 = new Float64Array(n);
  const k3 = new Float64Array(n);
  const k4 = new Float64Array(n);
  const k5 = new Float64Array(n);
  const k6 = new Float64Array(n);
  const k7 = new Float64Array(n);
  const ys = new Float64Array(n);
  const yNew = new Float64Array(n);
  const yOut = new Float64Array(n);
  const r5 = new Float64Array(n);

  const fail = (status: OdeResult['status'], message: string, hLast: number): OdeResult =>
    rec.result(name, status, message, t, y, hLast, stats);

  rhs(t, y, k1);
  stats.rhsEvaluations++;
  if (!allFinite(k1)) return fail('non-finite', 'f(t0, y0) is not finite', 0);

  let h: number;
  if (fixed !== undefined) {
    h = fixed;
  } else if (options.h0 !== undefined) {
    h = Math.min(options.h0, hMax);
  } else {
    h = initialStep(rhs, t, y, k1, 5, hMax, atol, rtol, k2, k3);
    stats.rhsEvaluations++;
  }

  let facOld = 1e-4;
  let reject = false;
  let failures = 0;

  const plan: StepPlan = { hStep: 0, hitsTarget: false };
  while (!rec.done) {
    if (stats.steps >= maxSteps) {
      return fail('max-steps', `maximum number of steps (${maxSteps}) reached at t = ${t}`, h);
    }
    const target = dense ? tEnd : rec.nextTime;
    if (!planStep(plan, t, h, target, fixed, hMin)) return fail('step-too-small', `step size ${h} too small at t = ${t}`, h);
    const { hStep, hitsTarget } = plan;
    const tNew = hitsTarget ? target : t + hStep;
    stats.steps++;

    for (let i = 0; i < n; i++) ys[i] = y[i] + hStep * A21 * k1[i];
    rhs(t + C2 * hStep, ys, k2);
    for (let i = 0; i < n; i++) ys[i] = y[i] + hStep * (A31 * k1[i] + A32 * k2[i]);
    rhs(t + C3 * hStep, ys, k3);
    for (let i = 0; i < n; i++) ys[i] = y[i] + hStep * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
    rhs(t + C4 * hStep, ys, k4);
    for (let i = 0; i < n; i++) {
      ys[i] = y[i] + hStep * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
    }
    rhs(t + C5 * hStep, ys, k5);
    for (let i = 0; i < n; i++) {
      ys[i] = y[i] + hStep * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
    }
    rhs(tNew, ys, k6);
    for (let i = 0; i < n; i++) {
      yNew[i] = y[i] + hStep * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
    }
    rhs(tNew, yNew, k7);
    stats.rhsEvaluations += 6;

    if (!allFinite(yNew) || !allFinite(k7)) {
      stats.rejected++;
      if (fixed !== undefined || ++failures > MAX_CONSECUTIVE_FAILURES) {
        return fail('non-finite', `non-finite stage values at t = ${t}, h = ${hStep}`, hStep);
      }
      h = hStep * 0.2;
      reject = true;
      continue;
    }

    let hNew = hStep;
    if (fixed === undefined) {
      let err = 0;
      for (let i = 0; i < n; i++) {
        const sk = atol[i] + rtol[i] * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
        const e =
          (hStep * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i])) / sk;
        err += e * e;
      }
      err = Math.sqrt(err / n);
      const fac11 = pow(err, EXPO1);
      if (!(err <= 1)) {
        stats.rejected++;
        h = Number.isFinite(fac11) ? hStep / Math.min(FACC1, fac11 / SAFE) : hStep * 0.2;
        reject = true;
        continue;
      }
      // PI (Lund-stabilised) controller.
      let q = fac11 / pow(facOld, BETA);
      q = Math.max(FACC2, Math.min(FACC1, q / SAFE));
      hNew = Math.min(hStep / q, hMax);
      facOld = Math.max(err, 1e-4);
      if (reject) hNew = Math.min(hNew, hStep);
      if (hitsTarget && hStep < h) hNew = Math.max(hNew, Math.min(h, hMax));
    }

    stats.accepted++;
    failures = 0;
    reject = false;
    if (dense && rec.nextTime < tNew) {
      for (let i = 0; i < n; i++) {
        r5[i] = hStep * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
      }
      while (rec.nextTime < tNew) {
        const th = (rec.nextTime - t) / hStep;
        const th1 = 1 - th;
        for (let i = 0; i < n; i++) {
          const yDiff = yNew[i] - y[i];
          const bspl = hStep * k1[i] - yDiff;
          const r4 = yDiff - hStep * k7[i] - bspl;
          yOut[i] = y[i] + th * (yDiff + th1 * (bspl + th * (r4 + th1 * r5[i])));
        }
        rec.push(yOut);
      }
    }
    t = tNew;
    y.set(yNew);
    k1.set(k7); // FSAL
    rec.pushAllAt(t, y);
    h = hNew;
  }
  return rec.result(name, 'success', '', t, y, h, stats);
}

/** Dormand–Prince 5(4) as a swappable Method object (non-stiff, order 5). */
export const dopri5: OdeMethod = {
  name: 'dopri5',
  stiff: false,
  order: 5,
  integrate: integrateDopri5,
};
