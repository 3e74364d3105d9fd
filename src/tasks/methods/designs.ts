import type { RandomStream } from '../../core/random/stream.ts';
import { sobolPoints } from './sobolSequence.ts';

/**
 * Space-filling designs on the unit cube (row-major n × d matrices in [0,1)); parameters map them onto
 * their ranges or distributions (sweep/distributions.ts), so every method here stays unit-free.
 */

/** Full factorial grid: `levels[j]` equally spaced values of coordinate j from 0 to 1 (one level → 0.5); first coordinate slowest. */
export function gridDesign(levels: readonly number[]): Float64Array {
  const d = levels.length;
  const n = levels.reduce((a, b) => a * b, 1);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let rest = i;
    for (let j = d - 1; j >= 0; j--) {
      const L = levels[j];
      const k = rest % L;
      rest = Math.floor(rest / L);
      out[i * d + j] = L === 1 ? 0.5 : k / (L - 1);
    }
  }
  return out;
}

/** Fisher–Yates permutation of 0..n-1. */
export function permutation(n: number, rng: RandomStream): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

/** Latin hypercube (McKay, Beckman & Conover 1979): each coordinate has exactly one point in each of n equal strata. */
export function latinHypercube(n: number, d: number, rng: RandomStream): Float64Array {
  const out = new Float64Array(n * d);
  for (let j = 0; j < d; j++) {
    const p = permutation(n, rng);
    for (let i = 0; i < n; i++) out[i * d + j] = (p[i] + rng.uniform()) / n;
  }
  return out;
}

/** Independent uniform points (plain Monte Carlo; the reference the other designs are compared with). */
export function randomDesign(n: number, d: number, rng: RandomStream): Float64Array {
  const out = new Float64Array(n * d);
  for (let i = 0; i < out.length; i++) out[i] = rng.uniform();
  return out;
}

/** Scrambled Sobol design (random digital shift). */
export function sobolDesign(n: number, d: number, rng: RandomStream): Float64Array {
  return sobolPoints(n, d, rng);
}

/**
 * Centred L2 discrepancy (Hickernell 1998) of a design: smaller is more uniform; used to check that Sobol
 * and LHS beat plain random sampling.
 */
export function centredL2Discrepancy(x: Float64Array, d: number): number {
  const n = x.length / d;
  let a = 1;
  for (let j = 0; j < d; j++) a *= 13 / 12;
  let b = 0;
  for (let i = 0; i < n; i++) {
    let p = 1;
    for (let j = 0; j < d; j++) {
      const z = Math.abs(x[i * d + j] - 0.5);
      p *= 1 + 0.5 * z - 0.5 * z * z;
    }
    b += p;
  }
  let c = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      let p = 1;
      for (let j = 0; j < d; j++) {
        const zi = Math.abs(x[i * d + j] - 0.5);
        const zk = Math.abs(x[k * d + j] - 0.5);
        p *= 1 + 0.5 * zi + 0.5 * zk - 0.5 * Math.abs(x[i * d + j] - x[k * d + j]);
      }
      c += p;
    }
  }
  return Math.sqrt(Math.max(0, a - (2 / n) * b + c / (n * n)));
}
