import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';

import { dopri5, getOdeMethod, odeMethods, rodas4 } from '../../src/ode/index.ts';
import type { OdeMethod, OdeProblem } from '../../src/ode/index.ts';
import { riccati } from './problems.ts';

/** y_i' = −k_i·y_i with k = (0.5, 2, 10), y(0) = 1, sampled at t = 0, 0.5, …, 5. */
function decay(): { problem: OdeProblem; k: number[]; tOut: number[] } {
  const k = [0.5, 2, 10];
  const tOut = Array.from({ length: 11 }, (_, i) => 0.5 * i);
  return {
    k,
    tOut,
    problem: {
      t0: 0,
      y0: [1, 1, 1],
      tOut,
      autonomous: true,
      rhs: (_t, y, f) => {
        for (let i = 0; i < 3; i++) f[i] = -k[i] * y[i];
      },
      jacobian: (_t, _y, J) => {
        J.fill(0);
        for (let i = 0; i < 3; i++) J[i * 3 + i] = -k[i];
      },
    },
  };
}

describe('linear decay against exp(−kt)', () => {
  const adaptive: OdeMethod[] = [rodas4, dopri5];
  for (const m of adaptive) {
    it(`${m.name}: every output within 10·(atol + rtol·|y|) of exp(−kt)`, () => {
      const { problem, k, tOut } = decay();
      const rtol = 1e-8;
      const atol = 1e-12;
      const r = m.integrate(problem, { rtol, atol });
      assert.equal(r.status, 'success', r.message);
      assert.deepEqual(Array.from(r.t), tOut);
      for (let j = 0; j < tOut.length; j++) {
        for (let i = 0; i < 3; i++) {
          const exact = Math.exp(-k[i] * tOut[j]);
          // Linear decay is contractive, so the global error stays of the size of the per-step tolerance.
          assert.ok(Math.abs(r.y[j][i] - exact) <= 10 * (atol + rtol * exact), `t=${tOut[j]} i=${i}`);
        }
      }
    });
  }
  // Leading global error term for y' = −ky with fixed step h: e(t) ≈ C·k^(p+1)·h^p·t·e^(−kt), with the
  // error constants C = 1/2 (backward Euler) and C = (2 − 4γ + 3γ²)/(12(2 − γ)) ≈ 0.0404 (TR-BDF2, γ = 2 − √2).
  const g = 2 - Math.SQRT2;
  for (const [name, p, C] of [
    ['backward-euler', 1, 0.5],
    ['tr-bdf2', 2, (2 - 4 * g + 3 * g * g) / (12 * (2 - g))],
  ] as const) {
    it(`${name}: fixed step dt = 1e-3 matches the leading error term C·k^${p + 1}·h^${p}·t·e^(−kt) within 20%`, () => {
      const { problem, k, tOut } = decay();
      const h = 1e-3;
      const r = getOdeMethod(name).integrate(problem, { fixedStep: h });
      assert.equal(r.status, 'success', r.message);
      for (let j = 1; j < tOut.length; j++) {
        for (let i = 0; i < 3; i++) {
          const t = tOut[j];
          const err = Math.abs(r.y[j][i] - Math.exp(-k[i] * t));
          const lead = C * k[i] ** (p + 1) * h ** p * t * Math.exp(-k[i] * t);
          assert.ok(Math.abs(err - lead) <= 0.2 * lead + 1e-13, `t=${t} k=${k[i]}: error ${err}, leading term ${lead}`);
        }
      }
    });
  }
});

describe('output times independent of the internal steps', () => {
  for (const m of [rodas4, dopri5]) {
    it(`${m.name}: dense output does not change the step sequence, and matches stepping onto the times`, () => {
      const base = riccati(10);
      const many = Array.from({ length: 101 }, (_, i) => i / 10);
      const one = m.integrate(base, { rtol: 1e-9, atol: 1e-12 });
      const dense = m.integrate({ ...base, tOut: many }, { rtol: 1e-9, atol: 1e-12 });
      const exact = m.integrate({ ...base, tOut: many }, { rtol: 1e-9, atol: 1e-12, denseOutput: false });
      assert.equal(dense.status, 'success');
      assert.equal(exact.status, 'success');
      assert.equal(dense.stats.accepted, one.stats.accepted);
      assert.equal(dense.y[100][0], one.y[0][0]);
      assert.ok(exact.stats.accepted > dense.stats.accepted);
      for (let j = 0; j < many.length; j++) {
        const y = 1 / (1 + many[j] ** 2);
        assert.ok(Math.abs(dense.y[j][0] - y) < 1e-8, `dense t=${many[j]}: ${dense.y[j][0] - y}`);
        assert.ok(Math.abs(exact.y[j][0] - y) < 1e-8, `exact t=${many[j]}: ${exact.y[j][0] - y}`);
      }
    });
  }

  it('repeated output times and an output at t0 are honoured', () => {
    const r = rodas4.integrate({ ...riccati(1), tOut: [0, 0.5, 0.5, 1] });
    assert.equal(r.status, 'success');
    assert.deepEqual(Array.from(r.t), [0, 0.5, 0.5, 1]);
    assert.equal(r.y[0][0], 1);
    assert.equal(r.y[1][0], r.y[2][0]);
  });
});

describe('failures are reported, never thrown', () => {
  it('invalid input', () => {
    const p = riccati(1);
    assert.equal(rodas4.integrate({ ...p, tOut: [] }).status, 'invalid-input');
    assert.equal(rodas4.integrate({ ...p, tOut: [1, 0.5] }).status, 'invalid-input');
    assert.equal(dopri5.integrate({ ...p, y0: [NaN] }).status, 'invalid-input');
    assert.equal(dopri5.integrate(p, { rtol: [1e-6, 1e-6] }).status, 'invalid-input');
    assert.equal(rodas4.integrate(p, { rtol: 0, atol: 0 }).status, 'invalid-input');
    assert.equal(odeMethods['tr-bdf2'].integrate(p).status, 'invalid-input'); // needs fixedStep
  });

  it('max-steps keeps the outputs reached so far', () => {
    const r = dopri5.integrate({ ...riccati(10), tOut: [0.1, 5, 10] }, { rtol: 1e-12, maxSteps: 20 });
    assert.equal(r.status, 'max-steps');
    assert.match(r.message, /maximum number of steps/);
    assert.ok(r.t.length >= 1 && r.t.length < 3);
    assert.equal(r.y.length, r.t.length);
    assert.ok(r.tReached > 0 && r.tReached < 10);
  });

  for (const m of [rodas4, dopri5]) {
    it(`${m.name}: blow-up y' = y² from y(0)=1 (singular at t = 1) stops with a status`, () => {
      const r = m.integrate({
        t0: 0,
        y0: [1],
        tOut: [2],
        autonomous: true,
        rhs: (_t, y, f) => {
          f[0] = y[0] * y[0];
        },
      });
      assert.notEqual(r.status, 'success');
      assert.ok(r.tReached < 1 + 1e-6, `${r.status} at ${r.tReached}`);
    });
  }

  it('unknown method names are rejected with the known names', () => {
    assert.throws(() => getOdeMethod('lsoda'), /known: rodas4, dopri5, tr-bdf2, backward-euler/);
  });
});

describe('module purity', () => {
  it('src/ode imports nothing from node:*', () => {
    const dir = new URL('../../src/ode/', import.meta.url);
    for (const f of readdirSync(dir)) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      assert.doesNotMatch(text, /from\s+['"]node:|require\(/, f);
    }
  });
});
