import { polarNormals, type RandomSource } from './stream.ts';

/**
 * Counter-based substreams: substream i of a family is an sfc32 generator (Doty-Humphrey's Small Fast
 * Chaotic PRNG, 128-bit state, passes PractRand/BigCrush) whose state is a hash of (family key, i). Selecting
 * a substream is a few integer multiplies and no allocation, where a xoroshiro jump costs ~1 µs and an
 * object per follicle; substreams are reproducible by index alone, so any blocking of the indices over
 * threads or units draws exactly the same numbers.
 *
 * One object serves the whole family: `select(i)` rewinds it to the start of substream i.
 */

/** Chris Wellons' lowbias32 integer hash (bias 0.17 in his avalanche tests): a 32-bit bijection. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x | 0;
}

const TWO_POW_M53 = 2 ** -53;
const TWO_POW_32 = 2 ** 32;
/** sfc32 seeding discards this many outputs so nearby seeds decorrelate (the reference implementation's 12). */
const WARM_UP = 12;

export class Substreams implements RandomSource {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private spare = Number.NaN;
  /** Scratch for the second deviate of a polar step (no allocation per draw). */
  private readonly second = new Float64Array(1);
  private readonly k0: number;
  private readonly k1: number;

  /** A family keyed by two 32-bit words (e.g. drawn from a parent RandomStream). */
  constructor(key0: number, key1: number) {
    this.k0 = key0 | 0;
    this.k1 = key1 | 0;
    this.select(0);
  }

  /** Rewinds to the start of substream `index` (a non-negative integer below 2^53). */
  select(index: number): this {
    const lo = index % TWO_POW_32 | 0;
    const hi = Math.floor(index / TWO_POW_32) | 0;
    const h = mix32(lo ^ mix32(hi ^ 0x5bd1e995));
    this.a = mix32(this.k0 ^ h);
    this.b = mix32(this.k1 ^ mix32(h ^ 0x9e3779b9));
    this.c = mix32(this.a ^ this.b ^ 0x85ebca6b);
    this.d = 1;
    this.spare = Number.NaN;
    for (let i = 0; i < WARM_UP; i++) this.next32();
    return this;
  }

  /** Next 32-bit output (unsigned). */
  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.next32() >>> 6;
    const lo = this.next32() >>> 5;
    return (hi * 2 ** 27 + lo) * TWO_POW_M53;
  }

  /** Uniform on (0, 1). */
  uniformOpen(): number {
    let u = this.uniform();
    while (u === 0) u = this.uniform();
    return u;
  }

  /** Standard normal deviate (Marsaglia polar method, spare cached until the next `select`). */
  normal(): number {
    if (this.spare === this.spare) {
      const s = this.spare;
      this.spare = Number.NaN;
      return s;
    }
    const x = polarNormals(this, this.second);
    this.spare = this.second[0];
    return x;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }
}
