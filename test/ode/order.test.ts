/**
 * Observed order of convergence with fixed steps: the least-squares slope of log(error) against
 * log(h) over h = T/16 … T/128 must equal the theoretical order within ±0.3. Both test problems are
 * nonlinear (a linear one would only probe the stability function); the Riccati problem is
 * non-autonomous and so also exercises Rosenbrock's ∂f/∂t terms. The step range was chosen in the
 * asymptotic regime and with errors well above round-off (≥ 1e-14).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { odeMethods } from '../../src/ode/index.ts';
import type { OdeMethod, OdeProblem } from '../../src/ode/index.ts';
import { logLogSlope, riccati } from './problems.ts';

/** Logistic growth y' = 3y(1 − y), y(0) = 0.1: exact 1/(1 + 9e^{−3t}). */
function logistic(tOut: number[]): OdeProblem {
  return {
    t0: 0,
    y0: [0.1],
    tOut,
    autonomous: true,
    rhs: (_t, y, f) => {
      f[0] = 3 * y[0] * (1 - y[0]);
    },
    jacobian: (_t, y, J) => {
      J[0] = 3 - 6 * y[0];
    },
  };
}
const logisticExact = (t: number): number => 1 / (1 + 9 * Math.exp(-3 * t));

const STEPS = [16, 32, 64, 128];

/** Observed order of `m` on problem(T) with exact solution y(T), fixed steps T/N. */
function observedOrder(m: OdeMethod, make: () => OdeProblem, exact: number, withJacobian: boolean): number {
  const hs: number[] = [];
  const errs: number[] = [];
  for (const n of STEPS) {
    const p = make();
    if (!withJacobian) {
      delete p.jacobian;
      delete p.dfdt;
    }
    // Newton tolerances (fixed-step implicit schemes) far below the discretisation error.
    const r = m.integrate(p, { fixedStep: 1 / n, rtol: 1e-12, atol: 1e-14 });
    assert.equal(r.status, 'success', r.message);
    hs.push(1 / n);
    errs.push(Math.abs(r.y[0][0] - exact));
  }
  return logLogSlope(hs, errs);
}

describe('observed order of convergence (fixed steps, log–log slope, ±0.3)', () => {
  for (const m of Object.values(odeMethods)) {
    it(`${m.name}: order ${m.order} on logistic growth and on the Riccati problem`, () => {
      const pLog = observedOrder(m, () => logistic([1]), logisticExact(1), true);
      const pRic = observedOrder(m, () => riccati(1), 0.5, true);
      assert.ok(Math.abs(pLog - m.order) <= 0.3, `logistic: observed ${pLog.toFixed(3)}`);
      assert.ok(Math.abs(pRic - m.order) <= 0.3, `riccati: observed ${pRic.toFixed(3)}`);
    });
  }

  for (const name of ['rodas4', 'tr-bdf2', 'backward-euler'] as const) {
    it(`${name}: keeps its order with the finite-difference Jacobian (and ∂f/∂t)`, () => {
      const m = odeMethods[name];
      const p = observedOrder(m, () => riccati(1), 0.5, false);
      assert.ok(Math.abs(p - m.order) <= 0.3, `observed ${p.toFixed(3)}`);
    });
  }

  // Dense output: DOPRI5's interpolant has order 4 and RODAS4's order 3, so interpolated values carry
  // an O(h^5) resp. O(h^4) error (the same as the global error for DOPRI5, one less for RODAS4).
  for (const [name, expected] of [
    ['dopri5', 5],
    ['rodas4', 4],
  ] as const) {
    it(`${name}: dense output between steps converges at order ${expected}`, () => {
      const hs: number[] = [];
      const errs: number[] = [];
      for (const n of [8, ...STEPS]) {
        // Outputs at every step midpoint (θ = 1/2), then the end point.
        const tOut = Array.from({ length: n }, (_, k) => (k + 0.5) / n);
        tOut.push(1);
        const r = odeMethods[name].integrate(logistic(tOut), { fixedStep: 1 / n, denseOutput: true });
        assert.equal(r.status, 'success', r.message);
        assert.equal(r.stats.accepted, n);
        let e = 0;
        for (let j = 0; j < n; j++) e = Math.max(e, Math.abs(r.y[j][0] - logisticExact(tOut[j])));
        hs.push(1 / n);
        errs.push(e);
      }
      const p = logLogSlope(hs, errs);
      assert.ok(Math.abs(p - expected) <= 0.3, `observed ${p.toFixed(3)}`);
    });
  }
});
