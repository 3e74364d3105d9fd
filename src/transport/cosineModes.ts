import { lineCoefficients } from './thomas.ts';

import { symmetricEigen } from '../core/symmetricEigen.ts';

/**
 * Exact step of layered reaction–diffusion with no-flux side faces, by lateral cosine modes: no operator
 * splitting, and exact in time for sources that are constant over the step (exponential Euler / ETD1).
 *
 * The semi-discrete system du/dt = L·u + S, with L = D(z)·(Δx + Δy) + ∂z·D(z)·∂z − λ(z) discretised as the
 * LOD sweeps discretise it (cell-centred second differences, harmonic face D in z, ghost-cell Dirichlet faces
 * in z only), is advanced over h by
 *
 *   u(t + h) = e^{hL}·u(t) + φ(L)·S,   φ(L) = ∫₀ʰ e^{sL} ds,
 *
 * which is its exact solution when S (with the Dirichlet faces' constant forcing) is constant over the step.
 * With D and λ uniform within each z-plane and no-flux x and y faces, the orthonormal DCT-II diagonalises the
 * in-plane differences for every plane at once (eigenvalues −4·sin²(π·p/(2n))/dx²; Strang 1999, SIAM Rev.
 * 41:135), so each lateral mode (p, q) evolves independently along z under the symmetric tridiagonal
 *
 *   −L_pq = tridiag(−a_k, a_k + b_k + λ_k + (D_k/dx²)·(μ_p + μ_q), −b_k)   (1/s; a, b the z face D/dx²).
 *
 * Each −L_pq is diagonalised once (core/symmetricEigen.ts: −L_pq = V·diag(w)·Vᵀ, w ≥ 0) and the step's
 * propagators e^{hL_pq} = V·diag(e^{−wh})·Vᵀ and φ = V·diag((1 − e^{−wh})/w)·Vᵀ are stored as dense nz × nz
 * matrices, so a step costs two lateral transforms (three with a source) and two small matrix products per
 * mode. Steady states are the discrete operator's whatever h is; LOD's factorisation instead adds
 * O(h²·L_x·L_y) cross terms that leave an O(h) error at a steady state, and backward Euler's decay per step
 * 1/(1 + λh) falls behind e^{−λh} (5 % per day for ceria at a 6 h step).
 *
 * Round-off: the transform mixes a plane's values, so a cell whose exact value is 0 or tiny next to its
 * plane's maximum gets an absolute error of ~1e-16 × that maximum, of either sign. The exact solution is
 * non-negative (L has non-negative off-diagonal entries, so e^{hL} and φ are non-negative), so negative
 * results are set to 0. Platform-neutral: no Node imports; `modalStep` allocates nothing.
 */

/**
 * e^{−wh} below this counts as 0 (2^−60: below the last bit of any sum it could join). A mode whose every
 * eigenvalue w has w·h above −ln of it has forgotten its start within the step: e^{hL} is 0 and φ = (−L)⁻¹ to
 * round-off, so it is solved as one tridiagonal system instead of through dense propagators.
 */
const RELAXED_EXPONENT = 60 * Math.LN2;

/** Precomputed transforms and per-mode propagators of one substrate at one step length. */
export interface ModalCoefficients {
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  /** Orthonormal DCT-II matrices, row p = mode p: cx[p·nx + x], cy[q·ny + y]. */
  readonly cx: Float64Array;
  readonly cy: Float64Array;
  /** Their transposes (the inverse transforms). */
  readonly cxT: Float64Array;
  readonly cyT: Float64Array;
  /** Lateral modes m = q·nx + p that still remember their start after one step (dense propagators). */
  readonly denseModes: Int32Array;
  /** Per dense mode d: e^{hL}[k][j] at [(d·nz + k)·nz + j], and φ(L)[k][j] (s) in the same layout. */
  readonly propagator: Float64Array;
  readonly integral: Float64Array;
  /** Per mode m (all modes; used for those not in denseModes, the relaxed ones): Thomas factors of −L_m at [k·nx·ny + m] (thomas.ts form). */
  readonly f: Float64Array;
  readonly e: Float64Array;
  readonly g: Float64Array;
  /** Constant forcing (amount/m³/s) of a Dirichlet face on its plane's cells: top (zMin) and bottom (zMax). */
  readonly forcingTop: number;
  readonly forcingBottom: number;
}

/** Orthonormal DCT-II matrix of size n (row p, column x): √(1/n) for p = 0, √(2/n)·cos(π·p·(x + ½)/n) else. */
export function dctMatrix(n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let p = 0; p < n; p++) {
    const s = Math.sqrt((p === 0 ? 1 : 2) / n);
    for (let x = 0; x < n; x++) c[p * n + x] = s * Math.cos((Math.PI * p * (x + 0.5)) / n);
  }
  return c;
}

/** Transpose of a square n × n matrix (row-major). */
function transpose(a: Float64Array, n: number): Float64Array {
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[j * n + i] = a[i * n + j];
  return t;
}

/** Eigenvalue magnitude 4·sin²(π·p/(2n)) of the no-flux second difference (times dx²) for mode p. */
export function neumannEigenvalue(p: number, n: number): number {
  const s = Math.sin((Math.PI * p) / (2 * n));
  return 4 * s * s;
}

/**
 * Propagators of `modalStep` over h (s) on an nx × ny × nz grid of edge dx: `planeRate[k]` = D_k/dx² (1/s)
 * of plane k, `faceRate` the z faces' D/dx² (1/s, length nz + 1: face k lies above cell k), `decayPerS[k]`
 * = λ_k, and optional Dirichlet values at the top (zMin) and bottom (zMax) faces.
 */
export function modalCoefficients(
  nx: number,
  ny: number,
  nz: number,
  planeRate: ArrayLike<number>,
  faceRate: ArrayLike<number>,
  decayPerS: ArrayLike<number>,
  dirichletTop: number | undefined,
  dirichletBottom: number | undefined,
  h: number,
): ModalCoefficients {
  if (planeRate.length !== nz || decayPerS.length !== nz) throw new RangeError(`modalCoefficients: planeRate and decayPerS need ${nz} values (one per z-plane)`);
  if (faceRate.length !== nz + 1) throw new RangeError(`modalCoefficients: faceRate needs ${nz + 1} values`);
  if (!(h > 0) || !Number.isFinite(h)) throw new RangeError(`modalCoefficients: step must be finite and > 0 (got ${h})`);
  const P = nx * ny;
  const M = new Float64Array(nz * nz);
  const expW = new Float64Array(nz);
  const phiW = new Float64Array(nz);
  const f = new Float64Array(nz * P);
  const e = new Float64Array(nz * P);
  const g = new Float64Array(nz * P);
  const dense: number[] = [];
  const prop: number[] = [];
  const integ: number[] = [];
  for (let q = 0; q < ny; q++) {
    const mq = neumannEigenvalue(q, ny);
    for (let p = 0; p < nx; p++) {
      const mu = neumannEigenvalue(p, nx) + mq;
      const m = q * nx + p;
      M.fill(0);
      let gPrev = 0;
      for (let k = 0; k < nz; k++) {
        const a = k > 0 ? faceRate[k] : 0;
        const b = k < nz - 1 ? faceRate[k + 1] : 0;
        const diag = a + b + decayPerS[k] + planeRate[k] * mu + (k === 0 && dirichletTop !== undefined ? 2 * faceRate[0] : 0) + (k === nz - 1 && dirichletBottom !== undefined ? 2 * faceRate[nz] : 0);
        M[k * nz + k] = diag;
        if (k > 0) M[k * nz + k - 1] = -a;
        if (k < nz - 1) M[k * nz + k + 1] = -b;
        // Thomas factors of M (a diagonally dominant M-matrix when λ > 0 or a face is Dirichlet; else the
        // mode-0 column is singular and never relaxed, so these factors are not used for it)
        const piv = 1 / (diag - a * gPrev);
        f[k * P + m] = piv;
        e[k * P + m] = a * piv;
        g[k * P + m] = b * piv;
        gPrev = b * piv;
      }
      const { w, v } = symmetricEigen(M, nz);
      let wMin = Infinity;
      for (let j = 0; j < nz; j++) {
        // w ≥ 0 in exact arithmetic (−L is a diagonally dominant M-matrix); round-off may leave −ε
        const wj = Math.max(0, w[j]);
        wMin = Math.min(wMin, wj);
        const wh = wj * h;
        expW[j] = Math.exp(-wh);
        phiW[j] = wh > 0 ? -Math.expm1(-wh) / wj : h;
      }
      if (wMin * h > RELAXED_EXPONENT) continue;
      dense.push(m);
      for (let k = 0; k < nz; k++) {
        for (let j = 0; j < nz; j++) {
          let ek = 0;
          let fk = 0;
          for (let l = 0; l < nz; l++) {
            const vv = v[k * nz + l] * v[j * nz + l];
            ek += vv * expW[l];
            fk += vv * phiW[l];
          }
          prop.push(ek);
          integ.push(fk);
        }
      }
    }
  }
  const cx = dctMatrix(nx);
  const cy = dctMatrix(ny);
  return {
    nx,
    ny,
    nz,
    cx,
    cy,
    cxT: transpose(cx, nx),
    cyT: transpose(cy, ny),
    denseModes: Int32Array.from(dense),
    propagator: Float64Array.from(prop),
    integral: Float64Array.from(integ),
    f,
    e,
    g,
    forcingTop: dirichletTop === undefined ? 0 : 2 * faceRate[0] * dirichletTop,
    forcingBottom: dirichletBottom === undefined ? 0 : 2 * faceRate[nz] * dirichletBottom,
  };
}
/** Propagator sets already built, by their inputs: every mouse of a study shares its tile's (pure function of the key). */
const CACHE = new Map<string, ModalCoefficients>();
/** Entries kept before the cache starts again (a study uses a handful; a sweep over D or λ makes new ones). */
const CACHE_LIMIT = 64;

/** `modalCoefficients`, memoised on its inputs (the set-up costs ~10 ms per field; a study builds the same ones per mouse). */
export function modalCoefficientsCached(...args: Parameters<typeof modalCoefficients>): ModalCoefficients {
  const [nx, ny, nz, planeRate, faceRate, decayPerS, dirichletTop, dirichletBottom, h] = args;
  const key = [nx, ny, nz, h, dirichletTop, dirichletBottom, Array.from(planeRate).join(','), Array.from(faceRate).join(','), Array.from(decayPerS).join(',')].join('|');
  let co = CACHE.get(key);
  if (!co) {
    if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
    co = modalCoefficients(...args);
    CACHE.set(key, co);
  }
  return co;
}

/** Scratch length `modalStep` needs on this grid. */
export function modalScratchLength(co: ModalCoefficients): number {
  return 4 * co.nx * co.ny * co.nz;
}

/**
 * One 1-D transform pass: for lines (a, b) with a < outer, b < inner, starting at a·outerStride + b·innerStride
 * with elements `elem` apart, out_p = Σ_x m[p·n + x]·in_x (n = 8 unrolled into locals: the mouse tile's
 * 8 × 8 columns; any n through loops).
 */
function transformPass(
  m: Float64Array,
  n: number,
  input: ArrayLike<number>,
  inAt: number,
  out: Float64Array,
  outAt: number,
  outer: number,
  outerStride: number,
  inner: number,
  innerStride: number,
  elem: number,
): void {
  for (let a = 0; a < outer; a++) {
    for (let b = 0; b < inner; b++) {
      const base = a * outerStride + b * innerStride;
      const i = inAt + base;
      const o = outAt + base;
      if (n === 8) {
        const v0 = input[i], v1 = input[i + elem], v2 = input[i + 2 * elem], v3 = input[i + 3 * elem];
        const v4 = input[i + 4 * elem], v5 = input[i + 5 * elem], v6 = input[i + 6 * elem], v7 = input[i + 7 * elem];
        for (let p = 0; p < 8; p++) {
          const r = 8 * p;
          out[o + p * elem] = m[r] * v0 + m[r + 1] * v1 + m[r + 2] * v2 + m[r + 3] * v3 + m[r + 4] * v4 + m[r + 5] * v5 + m[r + 6] * v6 + m[r + 7] * v7;
        }
      } else {
        for (let p = 0; p < n; p++) {
          let s = 0;
          for (let x = 0; x < n; x++) s += m[p * n + x] * input[i + x * elem];
          out[o + p * elem] = s;
        }
      }
    }
  }
}

/**
 * Lateral DCT of every plane (`inverse`: its transpose) from input[inAt …] into out[outAt …], through
 * tmp[tmpAt …] (each nx·ny·nz; input and out may be the same block, tmp must differ from both).
 */
function lateralTransform(co: ModalCoefficients, inverse: boolean, input: ArrayLike<number>, inAt: number, out: Float64Array, outAt: number, tmp: Float64Array, tmpAt: number): void {
  const { nx, ny, nz } = co;
  const P = nx * ny;
  if (!inverse) {
    // along x (lines: every row of every plane), then along y (lines: every column of every plane)
    transformPass(co.cx, nx, input, inAt, tmp, tmpAt, nz * ny, nx, 1, 0, 1);
    transformPass(co.cy, ny, tmp, tmpAt, out, outAt, nz, P, nx, 1, nx);
  } else {
    transformPass(co.cyT, ny, input, inAt, tmp, tmpAt, nz, P, nx, 1, nx);
    transformPass(co.cxT, nx, tmp, tmpAt, out, outAt, nz * ny, nx, 1, 0, 1);
  }
}

/**
 * Advances c (index x + nx·(y + ny·z)) over the coefficients' step h in place: c ← e^{hL}·c + φ·S, with S
 * the source rate (amount/m³/s, or null) constant over the step. `scratch` holds `modalScratchLength` values.
 */
export function modalStep(c: Float64Array, source: Float64Array | null, co: ModalCoefficients, scratch: Float64Array): void {
  const { nx, ny, nz, denseModes, propagator, integral, f, e, g, forcingTop, forcingBottom } = co;
  const P = nx * ny;
  const N = P * nz;
  if (scratch.length < modalScratchLength(co)) throw new RangeError(`modalStep: scratch needs ${modalScratchLength(co)} values`);
  const U = 0; // modal state
  const S = N; // modal source
  const O = 2 * N; // result
  const T = 3 * N; // transform workspace
  const nDense = denseModes.length;
  let forced = forcingTop !== 0 || forcingBottom !== 0;
  if (source !== null && !forced) for (let m = 0; m < N && !forced; m++) forced = source[m] !== 0;
  // the state enters only through the dense modes: the relaxed ones have forgotten it within the step
  if (nDense > 0) lateralTransform(co, false, c, 0, scratch, U, scratch, T);
  if (forced) {
    // the source plus the Dirichlet faces' forcing, in the result block, then transformed into the source block
    if (source !== null) for (let m = 0; m < N; m++) scratch[O + m] = source[m];
    else scratch.fill(0, O, O + N);
    if (forcingTop !== 0) for (let m = 0; m < P; m++) scratch[O + m] += forcingTop;
    if (forcingBottom !== 0) for (let m = N - P; m < N; m++) scratch[O + m] += forcingBottom;
    lateralTransform(co, false, scratch, O, scratch, S, scratch, T);
    // relaxed modes: (−L_m)·u = s by Thomas, vectorised across modes (dense modes are overwritten below)
    for (let m = 0; m < P; m++) scratch[O + m] = scratch[S + m] * f[m];
    for (let k = 1; k < nz; k++) {
      const b = k * P;
      for (let m = 0; m < P; m++) scratch[O + b + m] = scratch[S + b + m] * f[b + m] + e[b + m] * scratch[O + b - P + m];
    }
    for (let k = nz - 2; k >= 0; k--) {
      const b = k * P;
      for (let m = 0; m < P; m++) scratch[O + b + m] += g[b + m] * scratch[O + b + P + m];
    }
  } else scratch.fill(0, O, O + N);
  // dense modes: out_k = Σ_j E[k][j]·u_j (+ Φ[k][j]·s_j)
  for (let d = 0; d < nDense; d++) {
    const m = denseModes[d];
    const base = d * nz * nz;
    for (let k = 0; k < nz; k++) {
      const kj = base + k * nz;
      let sum = 0;
      for (let j = 0; j < nz; j++) sum += propagator[kj + j] * scratch[U + j * P + m];
      if (forced) for (let j = 0; j < nz; j++) sum += integral[kj + j] * scratch[S + j * P + m];
      scratch[O + k * P + m] = sum;
    }
  }
  // inverse transform back into c, negatives set to 0 (round-off around exact zeros)
  lateralTransform(co, true, scratch, O, c, 0, scratch, T);
  for (let m = 0; m < N; m++) if (c[m] < 0) c[m] = 0;
}
