/**
 * x^y computed the same way on every JavaScript engine the project runs on.
 *
 * Why: V8 changed Math.pow (and `**`) between versions — Node 20's V8 11.3 and the Chromium of the web lab
 * disagree in the last bit for ~10 % of non-square exponents (measured: pow(2, −x), pow(x, 3), pow(x, 4),
 * pow(x, 0.8)), while Math.exp and Math.log agree bit for bit (fdlibm ports in both). A single last-bit
 * difference in a Hill factor or a release curve can flip a follicle event, so a study run in the browser
 * would differ from the same study in Node. Integer exponents use binary powering (multiplications only);
 * others exp(y·ln x), whose relative error is ≈ (1 + |y·ln x|)·2⁻⁵³ — ≤ 1e-14 for the model's arguments.
 */

/** Largest |y| powered by multiplication (above it, exp·log is as accurate and faster). */
const MAX_BINARY_EXPONENT = 64;

/** x^y (IEEE special cases for 0, ±∞ and NaN as Math.pow; negative x only with integer y). */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  if (Number.isInteger(y) && Math.abs(y) <= MAX_BINARY_EXPONENT) {
    let n = Math.abs(y);
    let base = x;
    let r = 1;
    while (n > 0) {
      if (n & 1) r *= base;
      n >>= 1;
      if (n > 0) base *= base;
    }
    return y < 0 ? 1 / r : r;
  }
  if (x > 0) return x === Number.POSITIVE_INFINITY ? (y > 0 ? x : 0) : Math.exp(y * Math.log(x));
  // negative x with a large integer y: |x|^y with the sign of the power
  if (x < 0 && x !== Number.NEGATIVE_INFINITY && Number.isInteger(y)) return (Math.abs(y) % 2 === 1 ? -1 : 1) * pow(-x, y);
  // exact special values (0, −∞, NaN for a fractional power of a negative number): Math.pow's IEEE cases
  return Math.pow(x, y);
}
