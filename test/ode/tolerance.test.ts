/**
 * Tightening the tolerance reduces the global error. Error estimates are asymptotic, so a 10× tighter
 * tolerance is allowed to leave the error unchanged up to a factor 2 (step-sequence noise), but over
 * five decades the error must fall by at least two decades.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { dopri5, rodas4 } from '../../src/ode/index.ts';
import type { OdeMethod, OdeProblem } from '../../src/ode/index.ts';
import { HIRES_REF, ROBERTSON_T40, hires, maxRelError, riccati, robertson, vanDerPol } from './problems.ts';

const TOLS = [1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];

interface Case {
  name: string;
  method: OdeMethod;
  problem: OdeProblem;
  atolRatio: number;
  /** Error of the final output against the reference. */
  error: (y: Float64Array) => number;
}

const vdpRef = rodas4.integrate(vanDerPol(1000, [500, 1000, 1500, 2000]), { rtol: 1e-12, atol: 1e-12 });

const cases: Case[] = [
  { name: 'Robertson t=40', method: rodas4, problem: robertson(40), atolRatio: 1e-4, error: (y) => maxRelError(y, ROBERTSON_T40) },
  { name: 'HIRES', method: rodas4, problem: hires(), atolRatio: 1e-4, error: (y) => maxRelError(y, HIRES_REF) },
  {
    name: 'Van der Pol μ=1000 t=2000',
    method: rodas4,
    problem: vanDerPol(1000, [500, 1000, 1500, 2000]),
    atolRatio: 1,
    error: (y) => Math.abs(y[0] - vdpRef.y[3][0]),
  },
  { name: 'Riccati (RODAS4)', method: rodas4, problem: riccati(10), atolRatio: 1, error: (y) => Math.abs(y[0] - 1 / 101) },
  { name: 'Riccati (DOPRI5)', method: dopri5, problem: riccati(10), atolRatio: 1, error: (y) => Math.abs(y[0] - 1 / 101) },
];

describe('tightening the tolerance reduces the global error', () => {
  for (const c of cases) {
    it(c.name, () => {
      const errs = TOLS.map((tol) => {
        const r = c.method.integrate(c.problem, { rtol: tol, atol: tol * c.atolRatio });
        assert.equal(r.status, 'success', r.message);
        return c.error(r.y[r.y.length - 1]);
      });
      for (let k = 1; k < errs.length; k++) {
        assert.ok(errs[k] <= 2 * errs[k - 1], `tol ${TOLS[k]}: ${errs[k]} > 2 × ${errs[k - 1]}`);
      }
      assert.ok(errs[errs.length - 1] <= 1e-2 * errs[0], `errors ${errs.map((e) => e.toExponential(1)).join(', ')}`);
    });
  }
});
