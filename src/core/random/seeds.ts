/**
 * Seed derivation. Child seeds are hashes of (root seed, path labels) so adding a subject, arm or
 * replicate never shifts the streams of the others (PhysiCell-Models PR #42 learned this the hard way).
 */

const MASK64 = (1n << 64n) - 1n;

/** SplitMix64 finaliser on a 64-bit BigInt (Steele, Lea & Flood 2014). */
export function splitMix64(x: bigint): bigint {
  let z = (x + 0x9e3779b97f4a7c15n) & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return (z ^ (z >> 31n)) & MASK64;
}

/** 64-bit FNV-1a hash of a label, so string labels (arm ids) map to stable numbers. */
function hashLabel(label: string | number): bigint {
  const text = typeof label === 'number' ? `#${label}` : label;
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & MASK64;
  }
  return h;
}

/** A seed path: the root seed followed by labels such as 'arm', 'placebo', 'subject', 17. */
export type SeedPath = readonly (string | number)[];

/** Derives the 64-bit key of a stream from a root seed (a non-negative integer) and a label path. */
export function deriveKey(rootSeed: number, path: SeedPath): bigint {
  if (!Number.isSafeInteger(rootSeed) || rootSeed < 0) {
    throw new RangeError(`seed must be a non-negative safe integer, got ${rootSeed}`);
  }
  let key = splitMix64(BigInt(rootSeed));
  for (const label of path) key = splitMix64(key ^ hashLabel(label));
  return key;
}

/** Expands a 64-bit key into the four 32-bit words of a xoroshiro128+ state (never all zero). */
export function keyToXoroshiroState(key: bigint): [number, number, number, number] {
  const a = splitMix64(key);
  const b = splitMix64(a);
  const words: [number, number, number, number] = [
    Number(a >> 32n) | 0,
    Number(a & 0xffffffffn) | 0,
    Number(b >> 32n) | 0,
    Number(b & 0xffffffffn) | 0,
  ];
  if (words.every((w) => w === 0)) words[3] = 1;
  return words;
}

/** A fresh root seed from the platform's entropy (crypto where available), in [0, 2^48). */
export function generateRootSeed(): number {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (c?.getRandomValues) {
    const w = c.getRandomValues(new Uint32Array(2));
    return (w[0] & 0xffff) * 2 ** 32 + w[1];
  }
  return Math.floor(Math.random() * 2 ** 48);
}
