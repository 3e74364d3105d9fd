/**
 * Test problems with published reference solutions (Hairer & Wanner 1996; Test Set for IVP Solvers,
 * Mazzia & Magherini, Bari, release 2.4 2008) and helpers shared by the ODE tests and the bench.
 */
import type { OdeProblem } from '../../src/ode/index.ts';

/** Robertson's chemical kinetics (ROBER): k1 = 0.04, k2 = 3e7, k3 = 1e4. */
export function robertson(tEnd: number | number[]): OdeProblem {
  return {
    t0: 0,
    y0: [1, 0, 0],
    tOut: Array.isArray(tEnd) ? tEnd : [tEnd],
    autonomous: true,
    rhs: (_t, y, f) => {
      const r1 = 0.04 * y[0];
      const r2 = 1e4 * y[1] * y[2];
      const r3 = 3e7 * y[1] * y[1];
      f[0] = -r1 + r2;
      f[1] = r1 - r2 - r3;
      f[2] = r3;
    },
    jacobian: (_t, y, J) => {
      J[0] = -0.04;
      J[1] = 1e4 * y[2];
      J[2] = 1e4 * y[1];
      J[3] = 0.04;
      J[4] = -1e4 * y[2] - 6e7 * y[1];
      J[5] = -1e4 * y[1];
      J[6] = 0;
      J[7] = 6e7 * y[1];
      J[8] = 0;
    },
  };
}

/**
 * ROBER at t = 40: Hairer & Wanner (1996) §IV.1 quote 0.7158271, 0.9185535e-5, 0.2841637; the
 * digits below agree with independent tight-tolerance RADAU5/BDF runs to ≥ 11 significant digits.
 */
export const ROBERTSON_T40 = [0.7158270687194, 9.185534764558e-6, 0.2841637457458] as const;

/** ROBER at t = 1e11, Test Set for IVP Solvers reference solution (RADAU5, uround 1e-19). */
export const ROBERTSON_T1E11 = [0.2083340149701255e-7, 0.8333360770334713e-13, 0.999999979166505] as const;

/** HIRES (high irradiance responses of photomorphogenesis), 8 species, t ∈ [0, 321.8122]. */
export function hires(tOut: number[] = [321.8122]): OdeProblem {
  return {
    t0: 0,
    y0: [1, 0, 0, 0, 0, 0, 0, 0.0057],
    tOut,
    autonomous: true,
    rhs: (_t, y, f) => {
      f[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
      f[1] = 1.71 * y[0] - 8.75 * y[1];
      f[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
      f[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
      f[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
      f[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
      f[6] = 280 * y[5] * y[7] - 1.81 * y[6];
      f[7] = -280 * y[5] * y[7] + 1.81 * y[6];
    },
    jacobian: (_t, y, J) => {
      J.fill(0);
      const s = (i: number, j: number, v: number): void => {
        J[i * 8 + j] = v;
      };
      s(0, 0, -1.71);
      s(0, 1, 0.43);
      s(0, 2, 8.32);
      s(1, 0, 1.71);
      s(1, 1, -8.75);
      s(2, 2, -10.03);
      s(2, 3, 0.43);
      s(2, 4, 0.035);
      s(3, 1, 8.32);
      s(3, 2, 1.71);
      s(3, 3, -1.12);
      s(4, 4, -1.745);
      s(4, 5, 0.43);
      s(4, 6, 0.43);
      s(5, 3, 0.69);
      s(5, 4, 1.71);
      s(5, 5, -0.43 - 280 * y[7]);
      s(5, 6, 0.69);
      s(5, 7, -280 * y[5]);
      s(6, 5, 280 * y[7]);
      s(6, 6, -1.81);
      s(6, 7, 280 * y[5]);
      s(7, 5, -280 * y[7]);
      s(7, 6, 1.81);
      s(7, 7, -280 * y[5]);
    },
  };
}

/** HIRES at t = 321.8122, Test Set for IVP Solvers reference solution (RADAU5, uround 1e-19). */
export const HIRES_REF = [
  0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4, 0.1175651343283149e-2,
  0.2386356198831331e-2, 0.6238968252742796e-2, 0.2849998395185769e-2, 0.2850001604814231e-2,
] as const;

/** Van der Pol y'' − μ(1 − y²)y' + y = 0 as (y, y'), y(0) = 2, y'(0) = 0. */
export function vanDerPol(mu: number, tOut: number[]): OdeProblem {
  return {
    t0: 0,
    y0: [2, 0],
    tOut,
    autonomous: true,
    rhs: (_t, y, f) => {
      f[0] = y[1];
      f[1] = mu * (1 - y[0] * y[0]) * y[1] - y[0];
    },
    jacobian: (_t, y, J) => {
      J[0] = 0;
      J[1] = 1;
      J[2] = -2 * mu * y[0] * y[1] - 1;
      J[3] = mu * (1 - y[0] * y[0]);
    },
  };
}

/**
 * VDPOL reference of the Test Set for IVP Solvers: (1.706167732170469, −0.8928097010248125e-3).
 * The Test Set states the problem in rescaled variables; the pair is (y, y') of the unscaled μ = 1000
 * form above at t = 2000 (our rtol = 1e-12 RODAS4 run reproduces both components to 1.6e-11).
 */
export const VDPOL_T2000 = [0.1706167732170469e1, -0.8928097010248125e-3] as const;

/** y' = −2t·y², y(0) = 1: exact solution 1/(1 + t²) (nonlinear, non-autonomous). */
export function riccati(tEnd: number): OdeProblem {
  return {
    t0: 0,
    y0: [1],
    tOut: [tEnd],
    rhs: (t, y, f) => {
      f[0] = -2 * t * y[0] * y[0];
    },
    jacobian: (t, y, J) => {
      J[0] = -4 * t * y[0];
    },
    dfdt: (_t, y, ft) => {
      ft[0] = -2 * y[0] * y[0];
    },
  };
}

/** Least-squares slope of log(err) against log(h). */
export function logLogSlope(hs: readonly number[], errs: readonly number[]): number {
  const m = hs.length;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let k = 0; k < m; k++) {
    const x = Math.log(hs[k]);
    const yv = Math.log(errs[k]);
    sx += x;
    sy += yv;
    sxx += x * x;
    sxy += x * yv;
  }
  return (m * sxy - sx * sy) / (m * sxx - sx * sx);
}

/** Max over components of |a − b| / (atol + |b|). */
export function maxRelError(a: ArrayLike<number>, b: ArrayLike<number>, atol = 0): number {
  let e = 0;
  for (let i = 0; i < b.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]) / (atol + Math.abs(b[i])));
  return e;
}
