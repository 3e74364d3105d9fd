/**
 * RODAS4: the L-stable, stiffly accurate 6-stage Rosenbrock method of order 4 with an embedded order-3
 * error estimate and an order-3 dense output (Hairer & Wanner, Solving ODEs II, 2nd ed. 1996, §IV.7;
 * coefficients of their Fortran code RODAS, METH = 1). See docs/model.md §8.
 *
 * Step i solves (I/(γh) − J)·k_i = f(t + c_i h, y + Σ_j a_ij k_j) + d_i h ∂f/∂t + Σ_j (c_ij/h) k_j,
 * with one LU factorisation per step attempt shared by the six stages. The solution is
 * y₁ = y + Σ_j a_6j k_j + k_6 with the embedded error k_6.
 */
import {
  allFinite,
  errorNorm,
  finiteDifferenceDfdt,
  finiteDifferenceJacobian,
  incrementThresholds,
  initialStep,
  planStep,
  setupIntegration,
  type StepPlan,
} from './common.ts';
import { luFactor, luSolve } from './lu.ts';
import type { OdeMethod, OdeOptions, OdeProblem, OdeResult } from './types.ts';
import { pow } from '../core/pow.ts';

// ---- RODAS4 coefficients (Hairer & Wanner, RODAS METH = 1) -------------------------------------
const GAMMA = 0.25;
const C2 = 0.386;
const C3 = 0.21;
const C4 = 0.63;
const D1 = 0.25;
const D2 = -0.1043;
const D3 = 0.1035;
const D4 = -0.3620000000000023e-1;
const A21 = 0.1544e1;
const A31 = 0.9466785280815826;
const A32 = 0.2557011698983284;
const A41 = 0.3314825187068521e1;
const A42 = 0.2896124015972201e1;
const A43 = 0.9986419139977817;
const A51 = 0.1221224509226641e1;
const A52 = 0.6019134481288629e1;
const A53 = 0.1253708332932087e2;
const A54 = -0.687886036105895;
const C21 = -0.56688e1;
const C31 = -0.2430093356833875e1;
const C32 = -0.2063599157091915;
const C41 = -0.1073529058151375;
const C42 = -0.9594562251023355e1;
const C43 = -0.2047028614809616e2;
const C51 = 0.7496443313967647e1;
const C52 = -0.1024680431464352e2;
const C53 = -0.3399990352819905e2;
const C54 = 0.117089089320616e2;
const C61 = 0.8083246795921522e1;
const C62 = -0.7981132988064893e1;
const C63 = -0.3152159432874371e2;
const C64 = 0.1631930543123136e2;
const C65 = -0.6058818238834054e1;
// Dense output (order 3): y(θ) = (1−θ)y₀ + θ(y₁ + (1−θ)(q₁ + θ q₂)), q = Σ d_·j k_j.
const DD21 = 0.1012623508344586e2;
const DD22 = -0.7487995877610167e1;
const DD23 = -0.3480091861555747e2;
const DD24 = -0.7992771707568823e1;
const DD25 = 0.1025137723295662e1;
const DD31 = -0.6762803392801253;
const DD32 = 0.6087714651680015e1;
const DD33 = 0.1643084320892478e2;
const DD34 = 0.2476722511418386e2;
const DD35 = -0.6594389125716872e1;

// ---- step-size control (Hairer & Wanner, RODAS defaults) -----------------------------------------
const SAFE = 0.9;
/** hnew/h ≥ 1/FAC_MAX_DECREASE … */
const FAC_MAX_DECREASE = 5;
/** … and hnew/h ≤ FAC_MAX_INCREASE. */
const FAC_MAX_INCREASE = 6;
const MAX_CONSECUTIVE_FAILURES = 10;

/** Integrates a (stiff) problem with RODAS4; outputs by dense output or by stepping onto output times. */
export function integrateRodas4(problem: OdeProblem, options: OdeOptions = {}): OdeResult {
  const name = 'rodas4';
  const setup = setupIntegration(name, problem, options);
  if (!('rec' in setup)) return setup;
  const { n, rtol, atol, rec, stats, rhs, t0, tEnd, y, fixed, dense, hMax, hMin, maxSteps } = setup;
  let t = t0;
  const nonAutonomous = problem.autonomous !== true;

  const f0 = new Float64Array(n);
  const ft = new Float64Array(n);
  const jac = new Float64Array(n * n);
  const lu = new Float64Array(n * n);
  const piv = new Int32Array(n);
  const k1 = new Float64Array(n);
  const k2 = new Float64Array(n);
  const k3 = new Float64Array(n);
  const k4 = new Float64Array(n);
  const k5 = new Float64Array(n);
  const k6 = new Float64Array(n);
  const ys = new Float64Array(n);
  const fs = new Float64Array(n);
  const yNew = new Float64Array(n);
  const yOut = new Float64Array(n);
  const work1 = new Float64Array(n);
  const work2 = new Float64Array(n);
  const threshold = incrementThresholds(atol, rtol);

  const fail = (status: OdeResult['status'], message: string, hLast: number): OdeResult =>
    rec.result(name, status, message, t, y, hLast, stats);

  rhs(t, y, f0);
  stats.rhsEvaluations++;
  if (!allFinite(f0)) return fail('non-finite', `f(t0, y0) is not finite`, 0);

  let h: number;
  if (fixed !== undefined) {
    h = fixed;
  } else if (options.h0 !== undefined) {
    h = Math.min(options.h0, hMax);
  } else {
    h = initialStep(rhs, t, y, f0, 4, hMax, atol, rtol, work1, work2);
    stats.rhsEvaluations++;
  }

  let jacFresh = false;
  let reject = false;
  let firstStep = true;
  let hAcc = 0;
  let errAcc = 0;
  let failures = 0;

  const plan: StepPlan = { hStep: 0, hitsTarget: false };
  while (!rec.done) {
    if (stats.steps >= maxSteps) {
      return fail('max-steps', `maximum number of steps (${maxSteps}) reached at t = ${t}`, h);
    }
    const target = dense ? tEnd : rec.nextTime;
    if (!planStep(plan, t, h, target, fixed, hMin)) return fail('step-too-small', `step size ${h} too small at t = ${t}`, h);
    const { hStep, hitsTarget } = plan;

    if (!jacFresh) {
      if (problem.jacobian !== undefined) {
        problem.jacobian(t, y, jac);
      } else {
        finiteDifferenceJacobian(rhs, t, y, f0, jac, work1, threshold);
        stats.rhsEvaluations += n;
      }
      stats.jacobianEvaluations++;
      if (!allFinite(jac)) return fail('non-finite', `Jacobian is not finite at t = ${t}`, h);
      if (nonAutonomous) {
        if (problem.dfdt !== undefined) {
          problem.dfdt(t, y, ft);
        } else {
          finiteDifferenceDfdt(rhs, t, y, f0, ft, work1);
          stats.rhsEvaluations++;
        }
      }
      jacFresh = true;
    }

    // Iteration matrix I/(γh) − J, factored once for all six stages.
    const fac = 1 / (GAMMA * hStep);
    for (let i = 0; i < n * n; i++) lu[i] = -jac[i];
    for (let i = 0; i < n; i++) lu[i * n + i] += fac;
    stats.luDecompositions++;
    stats.steps++;
    if (!luFactor(lu, n, piv)) {
      stats.rejected++;
      if (fixed !== undefined || ++failures > MAX_CONSECUTIVE_FAILURES) {
        return fail('singular-matrix', `singular iteration matrix at t = ${t}, h = ${hStep}`, hStep);
      }
      h = hStep * 0.5;
      reject = true;
      continue;
    }

    const hd1 = hStep * D1;
    const hd2 = hStep * D2;
    const hd3 = hStep * D3;
    const hd4 = hStep * D4;
    const hc21 = C21 / hStep;
    const hc31 = C31 / hStep;
    const hc32 = C32 / hStep;
    const hc41 = C41 / hStep;
    const hc42 = C42 / hStep;
    const hc43 = C43 / hStep;
    const hc51 = C51 / hStep;
    const hc52 = C52 / hStep;
    const hc53 = C53 / hStep;
    const hc54 = C54 / hStep;
    const hc61 = C61 / hStep;
    const hc62 = C62 / hStep;
    const hc63 = C63 / hStep;
    const hc64 = C64 / hStep;
    const hc65 = C65 / hStep;
    const useFt = nonAutonomous;

    // Stage 1.
    for (let i = 0; i < n; i++) k1[i] = useFt ? f0[i] + hd1 * ft[i] : f0[i];
    luSolve(lu, n, piv, k1);
    // Stage 2.
    for (let i = 0; i < n; i++) ys[i] = y[i] + A21 * k1[i];
    rhs(t + C2 * hStep, ys, fs);
    for (let i = 0; i < n; i++) k2[i] = fs[i] + (useFt ? hd2 * ft[i] : 0) + hc21 * k1[i];
    luSolve(lu, n, piv, k2);
    // Stage 3.
    for (let i = 0; i < n; i++) ys[i] = y[i] + A31 * k1[i] + A32 * k2[i];
    rhs(t + C3 * hStep, ys, fs);
    for (let i = 0; i < n; i++) k3[i] = fs[i] + (useFt ? hd3 * ft[i] : 0) + hc31 * k1[i] + hc32 * k2[i];
    luSolve(lu, n, piv, k3);
    // Stage 4.
    for (let i = 0; i < n; i++) ys[i] = y[i] + A41 * k1[i] + A42 * k2[i] + A43 * k3[i];
    rhs(t + C4 * hStep, ys, fs);
    for (let i = 0; i < n; i++) {
      k4[i] = fs[i] + (useFt ? hd4 * ft[i] : 0) + hc41 * k1[i] + hc42 * k2[i] + hc43 * k3[i];
    }
    luSolve(lu, n, piv, k4);
    // Stage 5 (c5 = 1, d5 = 0).
    for (let i = 0; i < n; i++) ys[i] = y[i] + A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i];
    const tNew = hitsTarget ? target : t + hStep;
    rhs(tNew, ys, fs);
    for (let i = 0; i < n; i++) {
      k5[i] = fs[i] + hc51 * k1[i] + hc52 * k2[i] + hc53 * k3[i] + hc54 * k4[i];
    }
    luSolve(lu, n, piv, k5);
    // Stage 6 (c6 = 1, d6 = 0): argument y + Σ a_5j k_j + k5 is the embedded order-3 solution.
    for (let i = 0; i < n; i++) ys[i] += k5[i];
    rhs(tNew, ys, fs);
    for (let i = 0; i < n; i++) {
      k6[i] = fs[i] + hc61 * k1[i] + hc62 * k2[i] + hc63 * k3[i] + hc64 * k4[i] + hc65 * k5[i];
    }
    luSolve(lu, n, piv, k6);
    for (let i = 0; i < n; i++) yNew[i] = ys[i] + k6[i];
    stats.rhsEvaluations += 5;

    if (!allFinite(yNew)) {
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
      const err = errorNorm(k6, y, yNew, atol, rtol);
      let q = Math.max(1 / FAC_MAX_INCREASE, Math.min(FAC_MAX_DECREASE, pow(err, 0.25) / SAFE));
      hNew = hStep / q;
      if (!(err <= 1)) {
        // Rejected (also when err is NaN): shrink and retry with the same Jacobian.
        stats.rejected++;
        h = firstStep && stats.accepted === 0 ? hStep * 0.1 : hNew;
        reject = true;
        continue;
      }
      if (!firstStep) {
        // Predictive (Gustafsson) controller.
        let qGus = ((hAcc / hStep) * pow((err * err) / errAcc, 0.25)) / SAFE;
        qGus = Math.max(1 / FAC_MAX_INCREASE, Math.min(FAC_MAX_DECREASE, qGus));
        q = Math.max(q, qGus);
        hNew = hStep / q;
      }
      hAcc = hStep;
      errAcc = Math.max(1e-2, err);
      firstStep = false;
      hNew = Math.min(hNew, hMax);
      if (reject) hNew = Math.min(hNew, hStep);
      // A step clipped to reach an output time says nothing against the unclipped proposal.
      if (hitsTarget && hStep < h) hNew = Math.max(hNew, Math.min(h, hMax));
    }

    // Accepted.
    stats.accepted++;
    failures = 0;
    reject = false;
    if (dense && rec.nextTime < tNew) {
      const q1 = work1;
      const q2 = work2;
      for (let i = 0; i < n; i++) {
        q1[i] = DD21 * k1[i] + DD22 * k2[i] + DD23 * k3[i] + DD24 * k4[i] + DD25 * k5[i];
        q2[i] = DD31 * k1[i] + DD32 * k2[i] + DD33 * k3[i] + DD34 * k4[i] + DD35 * k5[i];
      }
      while (rec.nextTime < tNew) {
        const th = (rec.nextTime - t) / hStep;
        const th1 = 1 - th;
        for (let i = 0; i < n; i++) yOut[i] = th1 * y[i] + th * (yNew[i] + th1 * (q1[i] + th * q2[i]));
        rec.push(yOut);
      }
    }
    t = tNew;
    y.set(yNew);
    rec.pushAllAt(t, y);
    h = hNew;
    if (rec.done) break;
    rhs(t, y, f0);
    stats.rhsEvaluations++;
    if (!allFinite(f0)) return fail('non-finite', `f(t, y) is not finite at t = ${t}`, h);
    jacFresh = false;
  }
  return rec.result(name, 'success', '', t, y, h, stats);
}

/** RODAS4 as a swappable Method object (stiff, order 4, L-stable). */
export const rodas4: OdeMethod = {
  name: 'rodas4',
  stiff: true,
  order: 4,
  integrate: integrateRodas4,
};
