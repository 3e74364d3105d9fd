import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { deriveKey, keyToXoroshiroState, type SeedPath } from './seeds.ts';

/** Serialisable state of a RandomStream: generator words plus the cached spare normal deviate. */
export interface RandomStreamState {
  words: number[];
  spare: number | null;
}

const TWO_POW_M53 = 2 ** -53;

/** What samplers draw from: a RandomStream, or one of a family of counter-based Substreams. */
export interface RandomSource {
  uniform(): number;
  uniformOpen(): number;
  normal(): number;
  int(n: number): number;
}

/**
 * One Marsaglia polar step: two independent standard normal deviates from `rng`'s uniforms; returns the first
 * and writes the second to `second[0]` (the caller's cached spare). Shared by every stream kind.
 */
export function polarNormals(rng: { uniform(): number }, second: Float64Array): number {
  let u = 0;
  let v = 0;
  let s = 0;
  do {
    u = 2 * rng.uniform() - 1;
    v = 2 * rng.uniform() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s === 0);
  const f = Math.sqrt((-2 * Math.log(s)) / s);
  second[0] = v * f;
  return u * f;
}

/**
 * A reproducible random stream (xoroshiro128+ from pure-rand) with uniform and standard-normal draws.
 * Mutable on purpose: samplers in hot loops must not allocate a new generator per draw.
 */
export class RandomStream implements RandomSource {
  private gen: JumpableRandomGenerator;
  private spare: number | null = null;
  /** Scratch for the second deviate of a polar step (no allocation per draw). */
  private readonly second = new Float64Array(1);

  private constructor(gen: JumpableRandomGenerator) {
    this.gen = gen;
  }

  /** The stream for (root seed, path); the same inputs always give the same sequence. */
  static fromSeed(rootSeed: number, path: SeedPath = []): RandomStream {
    return new RandomStream(xoroshiro128plusFromState(keyToXoroshiroState(deriveKey(rootSeed, path))));
  }

  /** Restores a stream saved with `getState`. */
  static fromState(state: RandomStreamState): RandomStream {
    const s = new RandomStream(xoroshiro128plusFromState(state.words));
    s.spare = state.spare;
    return s;
  }

  /** A JSON-serialisable snapshot; `fromState` continues the exact sequence. */
  getState(): RandomStreamState {
    return { words: [...this.gen.getState()], spare: this.spare };
  }

  /** An independent stream 2^64 draws ahead (xoroshiro jump), leaving this one unchanged. */
  jumped(): RandomStream {
    const g = this.gen.clone();
    g.jump();
    return new RandomStream(g);
  }

  /** Next raw 32-bit output (unsigned), e.g. to key a family of Substreams. */
  uint32(): number {
    return this.gen.next() >>> 0;
  }

  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = (this.gen.next() >>> 0) >>> 6; // 26 bits
    const lo = (this.gen.next() >>> 0) >>> 5; // 27 bits
    return (hi * 2 ** 27 + lo) * TWO_POW_M53;
  }

  /** Uniform on (0, 1): safe inside log(). */
  uniformOpen(): number {
    let u = this.uniform();
    while (u === 0) u = this.uniform();
    return u;
  }

  /** Standard normal deviate (Marsaglia polar method; the spare is cached and serialised). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
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

