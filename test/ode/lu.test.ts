import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { luFactor, luSolve } from '../../src/ode/index.ts';

/** Deterministic pseudo-random numbers in [-1, 1) (LCG; the test needs no statistical quality). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

describe('dense LU with partial pivoting', () => {
  it('solves random systems to round-off (n = 1 … 12)', () => {
    const rnd = lcg(42);
    for (let n = 1; n <= 12; n++) {
      const a = new Float64Array(n * n).map(() => rnd());
      const x = new Float64Array(n).map(() => rnd());
      const b = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) b[i] += a[i * n + j] * x[j];
      const lu = Float64Array.from(a);
      const piv = new Int32Array(n);
      assert.equal(luFactor(lu, n, piv), true);
      luSolve(lu, n, piv, b);
      // Backward-stable: error ≲ cond(A)·n·u; random matrices of this size have cond ≲ 1e3.
      for (let i = 0; i < n; i++) assert.ok(Math.abs(b[i] - x[i]) < 1e-10, `n=${n} i=${i}: ${b[i]} vs ${x[i]}`);
    }
  });

  it('needs pivoting: a zero leading entry is handled', () => {
    const lu = new Float64Array([0, 1, 1, 1]);
    const piv = new Int32Array(2);
    assert.equal(luFactor(lu, 2, piv), true);
    const b = new Float64Array([2, 3]); // x = (1, 2)
    luSolve(lu, 2, piv, b);
    assert.deepEqual(Array.from(b), [1, 2]);
  });

  it('reports a singular matrix instead of dividing by zero', () => {
    const lu = new Float64Array([1, 2, 2, 4]);
    assert.equal(luFactor(lu, 2, new Int32Array(2)), false);
    assert.equal(luFactor(new Float64Array([NaN, 0, 0, 1]), 2, new Int32Array(2)), false);
  });
});
