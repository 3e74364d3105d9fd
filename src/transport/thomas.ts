/**
 * Tridiagonal (Thomas) coefficients and sweep kernels of the LOD solver.
 *
 * One implicit 1-D step along a line of n cells solves
 *   −a_i·u_{i−1} + (1 + a_i + b_i + κ_i + δ_i)·u_i − b_i·u_{i+1} = c_i + β_i
 * where a_i = dt·D_{i−½}/dx², b_i = dt·D_{i+½}/dx² are face conductances (0 across a no-flux face), κ_i is
 * this sweep's share of the decay (λ_i·dt/3), and a Dirichlet face value c_b adds δ = 2·dt·D/dx² to the
 * diagonal and β = δ·c_b to the right-hand side (ghost cell at the face, half a voxel away).
 *
 * The forward elimination is precomputed once: with p_i = 1/(d_i − a_i·g_{i−1}),
 *   f_i = p_i, e_i = a_i·p_i, g_i = b_i·p_i,
 * so that a sweep is   forward:  u_i ← f_i·u_i + e_i·u_{i−1};   backward:  u_i ← u_i + g_i·u_{i+1}.
 * All of f, e, g are ≥ 0 (the matrix is a diagonally dominant M-matrix, so p_i ≥ 1/(1 + a_i + b_i + …) > 0 and
 * g_i < 1), hence a sweep maps non-negative values to non-negative values exactly, also in floating point.
 *
 * Platform-neutral: no Node imports; kernels allocate nothing.
 */

/** Precomputed elimination coefficients of one line system (see file comment). */
export interface LineCoefficients {
  /** Number of cells along the line. */
  readonly n: number;
  /** 1 / pivot_i. */
  readonly f: Float64Array;
  /** a_i / pivot_i (sub-diagonal multiplier of the forward sweep; e_0 = 0). */
  readonly e: Float64Array;
  /** b_i / pivot_i (back-substitution multiplier; g_{n−1} = 0). */
  readonly g: Float64Array;
  /** Right-hand-side addition at the first cell (Dirichlet face; 0 for no-flux). */
  readonly beta0: number;
  /** Right-hand-side addition at the last cell. */
  readonly beta1: number;
}

/**
 * Builds line coefficients from face conductances r (length n + 1; r_i = dt·D_face/dx² of the face between
 * cells i−1 and i, r_0 and r_n at the two ends), per-cell implicit decay κ (length n), and optional Dirichlet
 * values at the low / high end (undefined = no-flux).
 */
export function lineCoefficients(
  r: ArrayLike<number>,
  kappa: ArrayLike<number>,
  dirichlet0: number | undefined,
  dirichlet1: number | undefined,
): LineCoefficients {
  const n = kappa.length;
  if (r.length !== n + 1) throw new RangeError(`face conductances must have length n + 1 = ${n + 1} (got ${r.length})`);
  const f = new Float64Array(n);
  const e = new Float64Array(n);
  const g = new Float64Array(n);
  let gPrev = 0;
  for (let i = 0; i < n; i++) {
    const a = i > 0 ? r[i] : 0;
    const b = i < n - 1 ? r[i + 1] : 0;
    let diag = 1 + a + b + kappa[i];
    if (i === 0 && dirichlet0 !== undefined) diag += 2 * r[0];
    if (i === n - 1 && dirichlet1 !== undefined) diag += 2 * r[n];
    const p = 1 / (diag - a * gPrev);
    f[i] = p;
    e[i] = a * p;
    g[i] = b * p;
    gPrev = g[i];
  }
  return {
    n,
    f,
    e,
    g,
    beta0: dirichlet0 === undefined ? 0 : 2 * r[0] * dirichlet0,
    beta1: dirichlet1 === undefined ? 0 : 2 * r[n] * dirichlet1,
  };
}

/**
 * Solves `nLines` line systems along contiguous lines of length co.n starting at c[base], c[base + n], …
 * (the x direction). Eight lines are eliminated together so that their recurrences overlap (the recurrence
 * along one line is a serial dependency chain).
 */
export function sweepContiguousLines(c: Float64Array, base: number, nLines: number, co: LineCoefficients): void {
  const n = co.n;
  const f = co.f;
  const e = co.e;
  const g = co.g;
  const beta0 = co.beta0;
  const beta1 = co.beta1;
  if (beta0 !== 0 || beta1 !== 0) {
    for (let l = 0, b = base; l < nLines; l++, b += n) {
      c[b] += beta0;
      c[b + n - 1] += beta1;
    }
  }
  const f0 = f[0];
  let l = 0;
  for (; l + 7 < nLines; l += 8) {
    const b0 = base + l * n;
    const b1 = b0 + n;
    const b2 = b1 + n;
    const b3 = b2 + n;
    const b4 = b3 + n;
    const b5 = b4 + n;
    const b6 = b5 + n;
    const b7 = b6 + n;
    let p0 = c[b0] * f0;
    let p1 = c[b1] * f0;
    let p2 = c[b2] * f0;
    let p3 = c[b3] * f0;
    let p4 = c[b4] * f0;
    let p5 = c[b5] * f0;
    let p6 = c[b6] * f0;
    let p7 = c[b7] * f0;
    c[b0] = p0;
    c[b1] = p1;
    c[b2] = p2;
    c[b3] = p3;
    c[b4] = p4;
    c[b5] = p5;
    c[b6] = p6;
    c[b7] = p7;
    for (let i = 1; i < n; i++) {
      const fi = f[i];
      const ei = e[i];
      p0 = c[b0 + i] * fi + ei * p0;
      c[b0 + i] = p0;
      p1 = c[b1 + i] * fi + ei * p1;
      c[b1 + i] = p1;
      p2 = c[b2 + i] * fi + ei * p2;
      c[b2 + i] = p2;
      p3 = c[b3 + i] * fi + ei * p3;
      c[b3 + i] = p3;
      p4 = c[b4 + i] * fi + ei * p4;
      c[b4 + i] = p4;
      p5 = c[b5 + i] * fi + ei * p5;
      c[b5 + i] = p5;
      p6 = c[b6 + i] * fi + ei * p6;
      c[b6 + i] = p6;
      p7 = c[b7 + i] * fi + ei * p7;
      c[b7 + i] = p7;
    }
    for (let i = n - 2; i >= 0; i--) {
      const gi = g[i];
      p0 = c[b0 + i] + gi * p0;
      c[b0 + i] = p0;
      p1 = c[b1 + i] + gi * p1;
      c[b1 + i] = p1;
      p2 = c[b2 + i] + gi * p2;
      c[b2 + i] = p2;
      p3 = c[b3 + i] + gi * p3;
      c[b3 + i] = p3;
      p4 = c[b4 + i] + gi * p4;
      c[b4 + i] = p4;
      p5 = c[b5 + i] + gi * p5;
      c[b5 + i] = p5;
      p6 = c[b6 + i] + gi * p6;
      c[b6 + i] = p6;
      p7 = c[b7 + i] + gi * p7;
      c[b7 + i] = p7;
    }
  }
  for (; l < nLines; l++) {
    const b = base + l * n;
    let p = c[b] * f0;
    c[b] = p;
    for (let i = 1; i < n; i++) {
      p = c[b + i] * f[i] + e[i] * p;
      c[b + i] = p;
    }
    for (let i = n - 2; i >= 0; i--) {
      p = c[b + i] + g[i] * p;
      c[b + i] = p;
    }
  }
}

/**
 * Solves line systems along a strided direction, vectorised across rows: cell i of every line lies in the
 * contiguous row c[base + i·stride, base + i·stride + rowLen). Each recurrence step is a unit-stride loop
 * over the row (y sweep: stride nx within a plane; z sweep: stride nx·ny).
 */
export function sweepAcrossRows(
  c: Float64Array,
  base: number,
  stride: number,
  rowLen: number,
  co: LineCoefficients,
): void {
  const n = co.n;
  const f = co.f;
  const e = co.e;
  const g = co.g;
  const beta0 = co.beta0;
  const beta1 = co.beta1;
  if (beta1 !== 0) {
    const r = base + (n - 1) * stride;
    for (let m = r, end = r + rowLen; m < end; m++) c[m] += beta1;
  }
  {
    const f0 = f[0];
    const end = base + rowLen;
    if (beta0 !== 0) for (let m = base; m < end; m++) c[m] = (c[m] + beta0) * f0;
    else for (let m = base; m < end; m++) c[m] *= f0;
  }
  for (let i = 1; i < n; i++) {
    const fi = f[i];
    const ei = e[i];
    const r = base + i * stride;
    const end = r + rowLen;
    let m = r;
    for (; m + 7 < end; m += 8) {
      c[m] = c[m] * fi + ei * c[m - stride];
      c[m + 1] = c[m + 1] * fi + ei * c[m + 1 - stride];
      c[m + 2] = c[m + 2] * fi + ei * c[m + 2 - stride];
      c[m + 3] = c[m + 3] * fi + ei * c[m + 3 - stride];
      c[m + 4] = c[m + 4] * fi + ei * c[m + 4 - stride];
      c[m + 5] = c[m + 5] * fi + ei * c[m + 5 - stride];
      c[m + 6] = c[m + 6] * fi + ei * c[m + 6 - stride];
      c[m + 7] = c[m + 7] * fi + ei * c[m + 7 - stride];
    }
    for (; m < end; m++) c[m] = c[m] * fi + ei * c[m - stride];
  }
  for (let i = n - 2; i >= 0; i--) {
    const gi = g[i];
    const r = base + i * stride;
    const end = r + rowLen;
    let m = r;
    for (; m + 7 < end; m += 8) {
      c[m] += gi * c[m + stride];
      c[m + 1] += gi * c[m + 1 + stride];
      c[m + 2] += gi * c[m + 2 + stride];
      c[m + 3] += gi * c[m + 3 + stride];
      c[m + 4] += gi * c[m + 4 + stride];
      c[m + 5] += gi * c[m + 5 + stride];
      c[m + 6] += gi * c[m + 6 + stride];
      c[m + 7] += gi * c[m + 7 + stride];
    }
    for (; m < end; m++) c[m] += gi * c[m + stride];
  }
}

/**
 * Bulk source/uptake over c[start, end), implicit in the uptake (unconditionally stable and positive for
 * S ≥ 0, U ≥ 0):  c ← (c + dt·S) / (1 + dt·U).  Either array may be null.
 */
export function reactRange(
  c: Float64Array,
  source: Float64Array | null,
  uptake: Float64Array | null,
  start: number,
  end: number,
  dtS: number,
): void {
  if (source !== null && uptake !== null) {
    for (let m = start; m < end; m++) c[m] = (c[m] + dtS * source[m]) / (1 + dtS * uptake[m]);
  } else if (source !== null) {
    for (let m = start; m < end; m++) c[m] += dtS * source[m];
  } else if (uptake !== null) {
    for (let m = start; m < end; m++) c[m] /= 1 + dtS * uptake[m];
  }
}
