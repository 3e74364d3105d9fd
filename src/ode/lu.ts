/**
 * Small dense LU factorisation with partial pivoting (LAPACK getrf/getrs style, row-major, in place).
 * Meant for the n ≲ 50 systems of reaction kinetics; no allocation.
 */

/** Factors the row-major n×n matrix `a` in place as P·A = L·U; returns false if a pivot is zero or non-finite. */
export function luFactor(a: Float64Array, n: number, pivots: Int32Array): boolean {
  for (let k = 0; k < n; k++) {
    const rowK = k * n;
    let p = k;
    let max = Math.abs(a[rowK + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > max) {
        max = v;
        p = i;
      }
    }
    pivots[k] = p;
    if (max === 0 || !Number.isFinite(max)) return false;
    if (p !== k) {
      const rowP = p * n;
      for (let j = 0; j < n; j++) {
        const tmp = a[rowK + j];
        a[rowK + j] = a[rowP + j];
        a[rowP + j] = tmp;
      }
    }
    const inv = 1 / a[rowK + k];
    for (let i = k + 1; i < n; i++) {
      const rowI = i * n;
      const l = a[rowI + k] * inv;
      a[rowI + k] = l;
      if (l !== 0) {
        for (let j = k + 1; j < n; j++) a[rowI + j] -= l * a[rowK + j];
      }
    }
  }
  return true;
}

/** Solves A·x = b in place (b becomes x) from the factors and pivots written by `luFactor`. */
export function luSolve(lu: Float64Array, n: number, pivots: Int32Array, b: Float64Array): void {
  for (let k = 0; k < n; k++) {
    const p = pivots[k];
    if (p !== k) {
      const tmp = b[k];
      b[k] = b[p];
      b[p] = tmp;
    }
  }
  for (let i = 1; i < n; i++) {
    const rowI = i * n;
    let s = b[i];
    for (let j = 0; j < i; j++) s -= lu[rowI + j] * b[j];
    b[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    const rowI = i * n;
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= lu[rowI + j] * b[j];
    b[i] = s / lu[rowI + i];
  }
}
