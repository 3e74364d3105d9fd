import assert from 'node:assert/strict';

/** Asserts |actual − expected| ≤ atol + rtol·|expected|; NaN equals NaN, ±Infinity must match exactly. */
export function assertClose(actual: number, expected: number, rtol: number, atol = 0, what = ''): void {
  if (Number.isNaN(expected)) {
    assert.ok(Number.isNaN(actual), `${what}: expected NaN, got ${actual}`);
    return;
  }
  if (!Number.isFinite(expected)) {
    assert.equal(actual, expected, `${what}: expected ${expected}, got ${actual}`);
    return;
  }
  const tol = atol + rtol * Math.abs(expected);
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: got ${actual}, expected ${expected} (|Δ| = ${Math.abs(actual - expected)} > ${tol})`);
}
