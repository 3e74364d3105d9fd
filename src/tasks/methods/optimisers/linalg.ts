import { symmetricEigen as jacobi } from '../../../core/symmetricEigen.ts';

/** Eigen-decomposition of a symmetric d × d row-major matrix for CMA-ES: C = B diag(values) Bᵀ (B's columns are vectors; cyclic Jacobi, core/symmetricEigen.ts). */
export function symmetricEigen(c: Float64Array, d: number): { values: Float64Array; vectors: Float64Array } {
  const { w, v } = jacobi(c, d);
  return { values: w, vectors: v };
}
