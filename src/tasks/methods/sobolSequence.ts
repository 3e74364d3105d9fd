import type { RandomStream } from '../../core/random/stream.ts';

/**
 * Sobol low-discrepancy sequence (Bratley & Fox 1988 Gray-code construction) with Joe & Kuo's direction
 * numbers (2008, file new-joe-kuo-6.21201), optionally scrambled by a random digital shift (each
 * coordinate XORed with a random 32-bit word), which keeps the (t,s)-net structure and makes estimates
 * unbiased, so replicate scrambles give honest error bars.
 */

/** Joe & Kuo rows for dimensions 2..32: degree s, coefficient word a, initial direction numbers m_1..m_s. */
const JOE_KUO: readonly (readonly [number, number, readonly number[]])[] = [
  [1, 0, [1]], [2, 1, [1, 3]], [3, 1, [1, 3, 1]], [3, 2, [1, 1, 1]], [4, 1, [1, 1, 3, 3]], [4, 4, [1, 3, 5, 13]],
  [5, 2, [1, 1, 5, 5, 17]], [5, 4, [1, 1, 5, 5, 5]], [5, 7, [1, 1, 7, 11, 19]], [5, 11, [1, 1, 5, 1, 1]],
  [5, 13, [1, 1, 1, 3, 11]], [5, 14, [1, 3, 5, 5, 31]], [6, 1, [1, 3, 3, 9, 7, 49]], [6, 13, [1, 1, 1, 15, 21, 21]],
  [6, 16, [1, 3, 1, 13, 27, 49]], [6, 19, [1, 1, 1, 15, 7, 5]], [6, 22, [1, 3, 1, 15, 13, 25]], [6, 25, [1, 1, 5, 5, 19, 61]],
  [7, 1, [1, 3, 7, 11, 23, 15, 103]], [7, 4, [1, 3, 7, 13, 13, 15, 69]], [7, 7, [1, 1, 3, 13, 7, 35, 63]],
  [7, 8, [1, 3, 5, 9, 1, 25, 53]], [7, 14, [1, 3, 1, 13, 9, 35, 107]], [7, 19, [1, 3, 1, 5, 27, 61, 31]],
  [7, 21, [1, 1, 5, 11, 19, 41, 61]], [7, 28, [1, 3, 5, 3, 3, 13, 69]], [7, 31, [1, 1, 7, 13, 1, 19, 1]],
  [7, 32, [1, 3, 7, 5, 13, 19, 59]], [7, 37, [1, 1, 3, 9, 25, 29, 41]], [7, 41, [1, 3, 5, 13, 23, 1, 55]],
  [7, 42, [1, 3, 7, 3, 13, 59, 17]],
];

/** Largest dimension the built-in direction numbers support. */
export const SOBOL_MAX_DIMENSION = JOE_KUO.length + 1;
const BITS = 32;
const SCALE = 2 ** -BITS;

/** Direction numbers V[d*32 + k] (left-aligned 32-bit words) for the first `dims` dimensions. */
function directionNumbers(dims: number): Uint32Array {
  const v = new Uint32Array(dims * BITS);
  for (let k = 0; k < BITS; k++) v[k] = (1 << (31 - k)) >>> 0;
  for (let d = 1; d < dims; d++) {
    const [s, a, m] = JOE_KUO[d - 1];
    const o = d * BITS;
    for (let k = 0; k < Math.min(s, BITS); k++) v[o + k] = (m[k] << (31 - k)) >>> 0;
    for (let k = s; k < BITS; k++) {
      let x = (v[o + k - s] ^ (v[o + k - s] >>> s)) >>> 0;
      for (let l = 1; l < s; l++) if ((a >>> (s - 1 - l)) & 1) x = (x ^ v[o + k - l]) >>> 0;
      v[o + k] = x;
    }
  }
  return v;
}

/** A stateful Sobol generator; `next` fills one point in [0,1)^dims. */
export class SobolSequence {
  readonly dims: number;
  private readonly v: Uint32Array;
  private readonly x: Uint32Array;
  private readonly shift: Uint32Array;
  private index = 0;

  /** Unscrambled when `rng` is absent; otherwise digitally shifted by words drawn from `rng`. */
  constructor(dims: number, rng?: RandomStream) {
    if (!Number.isInteger(dims) || dims < 1 || dims > SOBOL_MAX_DIMENSION) {
      throw new RangeError(`Sobol sequence: dimension must be 1-${SOBOL_MAX_DIMENSION}, got ${dims}`);
    }
    this.dims = dims;
    this.v = directionNumbers(dims);
    this.x = new Uint32Array(dims);
    this.shift = new Uint32Array(dims);
    if (rng) for (let d = 0; d < dims; d++) this.shift[d] = Math.floor(rng.uniform() * 2 ** 32) >>> 0;
  }

  /** Writes the next point into `out` (length ≥ dims); the first point is the origin (shifted). */
  next(out: Float64Array): Float64Array {
    if (this.index > 0) {
      // Gray-code order: flip the direction number of the lowest zero bit of (index - 1)
      let c = 0;
      let i = this.index - 1;
      while (i & 1) {
        i = Math.floor(i / 2);
        c++;
      }
      if (c >= BITS) throw new RangeError('Sobol sequence exhausted (2^32 points)');
      for (let d = 0; d < this.dims; d++) this.x[d] = (this.x[d] ^ this.v[d * BITS + c]) >>> 0;
    }
    this.index++;
    for (let d = 0; d < this.dims; d++) out[d] = ((this.x[d] ^ this.shift[d]) >>> 0) * SCALE;
    return out;
  }
}

/** n points of a (scrambled when `rng` is given) Sobol sequence as a row-major n × dims matrix. */
export function sobolPoints(n: number, dims: number, rng?: RandomStream): Float64Array {
  const seq = new SobolSequence(dims, rng);
  const out = new Float64Array(n * dims);
  const row = new Float64Array(dims);
  for (let i = 0; i < n; i++) out.set(seq.next(row), i * dims);
  return out;
}
