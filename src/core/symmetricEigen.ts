/**
 * Eigen-decomposition of a small dense symmetric matrix by the cyclic Jacobi method (Golub & Van Loan,
 * Matrix Computations, 4th ed., §8.5): A = V·diag(w)·Vᵀ with V orthogonal. Quadratically convergent and
 * accurate to round-off in every eigenvalue relative to ‖A‖; for small matrices (a few dozen rows: the
 * transport's per-mode propagators, CMA-ES covariances), not for hot loops. Platform-neutral.
 */

/** Sweeps after which the iteration gives up (convergence takes 6–10 for the sizes used here). */
const MAX_SWEEPS = 60;

/** Eigenvalues w (length n) and eigenvectors V (row-major n × n, column j is the vector of w[j]). */
export interface SymmetricEigen {
  readonly w: Float64Array;
  readonly v: Float64Array;
}

/** Decomposes the symmetric n × n matrix `a` (row-major; only its values are read, it is not changed). */
export function symmetricEigen(a: ArrayLike<number>, n: number): SymmetricEigen {
  if (a.length !== n * n) throw new RangeError(`symmetricEigen: expected ${n * n} values, got ${a.length}`);
  const A = Float64Array.from(a);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const d = Math.abs(A[i * n + j] - A[j * n + i]);
      if (!(d <= 1e-12 * (Math.abs(A[i * n + j]) + Math.abs(A[j * n + i]) + Number.MIN_VALUE))) throw new RangeError(`symmetricEigen: matrix is not symmetric at (${i}, ${j})`);
    }
  }
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(A[i]));
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off = Math.max(off, Math.abs(A[p * n + q]));
    if (off <= 1e-17 * scale || off === 0) return { w: Float64Array.from({ length: n }, (_, i) => A[i * n + i]), v: V };
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q];
        if (apq === 0) continue;
        // rotation that zeroes A[p][q] (the smaller angle, for stability)
        const theta = (A[q * n + q] - A[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p];
          const akq = A[k * n + q];
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k];
          const aqk = A[q * n + k];
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p];
          const vkq = V[k * n + q];
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  throw new Error(`symmetricEigen: no convergence after ${MAX_SWEEPS} sweeps (n = ${n})`);
}
